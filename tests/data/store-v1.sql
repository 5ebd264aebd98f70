-- A database as airejse wrote it at schema version 1 (projects, tracks,
-- answers, their history; no hand-offs yet), frozen here so that the
-- upgrade is tested against what was really released, not against
-- today's code. Never edit this file; add one for the next version.
PRAGMA application_id = 1634300517;
CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created INTEGER NOT NULL,
  changed INTEGER NOT NULL);
CREATE TABLE project_track (
  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  track TEXT NOT NULL,
  PRIMARY KEY (project, position),
  UNIQUE (project, track));
CREATE TABLE answer (
  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('value', 'dontknow', 'none')),
  value TEXT,
  revision INTEGER NOT NULL,
  time INTEGER NOT NULL,
  user TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (project, question));
CREATE TABLE answer_event (
  id INTEGER PRIMARY KEY,
  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  old_kind TEXT NOT NULL,
  old_value TEXT,
  new_kind TEXT NOT NULL,
  new_value TEXT,
  revision INTEGER NOT NULL,
  time INTEGER NOT NULL,
  user TEXT NOT NULL,
  source TEXT NOT NULL);
CREATE INDEX answer_event_question ON answer_event (project, question, id);
INSERT INTO project VALUES (1, 'Gammel æøå', 1700000000, 1700000300);
INSERT INTO project_track VALUES (1, 0, 'alpha'), (1, 1, 'beta');
INSERT INTO answer VALUES (1, 'behov', 'value', 'Fra version 1', 2, 1700000200, 'anna', 'tui');
INSERT INTO answer VALUES (1, 'persondata', 'value', 'ja', 1, 1700000250, 'anna', 'cli');
INSERT INTO answer VALUES (1, 'aftale', 'value', 'nej', 1, 1700000300, 'bo', 'cli');
INSERT INTO answer_event VALUES (1, 1, 'behov', 'none', NULL, 'value', 'Først', 1, 1700000100, 'anna', 'tui');
INSERT INTO answer_event VALUES (2, 1, 'behov', 'value', 'Først', 'value', 'Fra version 1', 2, 1700000200, 'anna', 'tui');
INSERT INTO answer_event VALUES (3, 1, 'persondata', 'none', NULL, 'value', 'ja', 1, 1700000250, 'anna', 'cli');
INSERT INTO answer_event VALUES (4, 1, 'aftale', 'none', NULL, 'value', 'nej', 1, 1700000300, 'bo', 'cli');
PRAGMA user_version = 1;
