-- A database as airejse wrote it at schema version 3 (the answers kept in
-- their key's order, WITHOUT ROWID), made by the released program with
-- the content of tests/data/store and frozen here so that the upgrade is
-- tested against what was really released: four projects (one deleted
-- before the fifth was made) whose last changes come in another order
-- than their ids, two of them in the same second, answers of every kind
-- (a value, "ved ikke", a cleared one, one over two lines), their
-- history, and hand-offs raised and sent with theirs. Never edit this
-- file; add one for the next version.
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
CREATE TABLE handoff (
  id INTEGER PRIMARY KEY,
  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  role TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN
    ('raised', 'sent', 'answered', 'closed', 'withdrawn')),
  due TEXT,
  contact TEXT,
  note TEXT,
  raised INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  UNIQUE (project, rule));
CREATE TABLE handoff_event (
  id INTEGER PRIMARY KEY,
  handoff INTEGER NOT NULL REFERENCES handoff(id) ON DELETE CASCADE,
  old_state TEXT,
  new_state TEXT NOT NULL,
  note TEXT,
  due TEXT,
  time INTEGER NOT NULL,
  user TEXT NOT NULL,
  source TEXT NOT NULL);
CREATE INDEX handoff_event_handoff ON handoff_event (handoff, id);
CREATE TABLE "answer" (
  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('value', 'dontknow', 'none')),
  value TEXT,
  revision INTEGER NOT NULL,
  time INTEGER NOT NULL,
  user TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (project, question)) WITHOUT ROWID;
INSERT INTO project VALUES (1, 'Først æøå', 1746172800, 1746518400);
INSERT INTO project VALUES (2, 'Samme sekund', 1746172800, 1746612000);
INSERT INTO project VALUES (4, 'Fjerde', 1746264600, 1746446580);
INSERT INTO project VALUES (5, 'Femte – omdøbt', 1746266400, 1746612000);
INSERT INTO project_track VALUES (1, 0, 'alpha');
INSERT INTO project_track VALUES (1, 1, 'beta');
INSERT INTO project_track VALUES (2, 0, 'beta');
INSERT INTO project_track VALUES (4, 0, 'beta');
INSERT INTO project_track VALUES (4, 1, 'alpha');
INSERT INTO project_track VALUES (5, 0, 'alpha');
INSERT INTO answer_event VALUES (1, 1, 'behov', 'none', NULL, 'value', 'Kortere ventetid', 1, 1746342000, 'anna', 'cli');
INSERT INTO answer_event VALUES (2, 1, 'persondata', 'none', NULL, 'value', 'ja', 1, 1746342060, 'anna', 'cli');
INSERT INTO answer_event VALUES (3, 1, 'aftale', 'none', NULL, 'value', 'nej', 1, 1746342120, 'anna', 'cli');
INSERT INTO answer_event VALUES (4, 4, 'beloeb', 'none', NULL, 'value', '2400000', 1, 1746446400, 'bo', 'cli');
INSERT INTO answer_event VALUES (5, 4, 'antal', 'none', NULL, 'value', '12', 1, 1746446460, 'bo', 'cli');
INSERT INTO answer_event VALUES (6, 4, 'antal', 'value', '12', 'none', NULL, 2, 1746446520, 'bo', 'cli');
INSERT INTO answer_event VALUES (7, 4, 'behov', 'none', NULL, 'dontknow', NULL, 1, 1746446580, 'bo', 'cli');
INSERT INTO answer_event VALUES (8, 2, 'beta_tekst', 'none', NULL, 'value', 'Kort tekst', 1, 1746612000, 'anna', 'cli');
INSERT INTO answer_event VALUES (9, 5, 'noter', 'none', NULL, 'value', 'Linje et' || char(10) || 'Linje to', 1, 1746612000, 'anna', 'cli');
INSERT INTO handoff VALUES (1, 1, 'jurist-gdpr', 'jurist', 'sent', '2025-06-01', NULL, 'Mail til Jens', 1746342120, 1746518400);
INSERT INTO handoff VALUES (2, 4, 'jurist-udbud', 'jurist', 'raised', NULL, NULL, NULL, 1746446400, 1746446400);
INSERT INTO handoff VALUES (3, 4, 'leder-behov', 'leder', 'raised', NULL, NULL, NULL, 1746446580, 1746446580);
INSERT INTO handoff_event VALUES (1, 1, NULL, 'raised', NULL, NULL, 1746342120, 'anna', 'cli');
INSERT INTO handoff_event VALUES (2, 2, NULL, 'raised', NULL, NULL, 1746446400, 'bo', 'cli');
INSERT INTO handoff_event VALUES (3, 3, NULL, 'raised', NULL, NULL, 1746446580, 'bo', 'cli');
INSERT INTO handoff_event VALUES (4, 1, 'raised', 'sent', 'Mail til Jens', '2025-06-01', 1746518400, 'cille', 'cli');
INSERT INTO answer VALUES (1, 'aftale', 'value', 'nej', 1, 1746342120, 'anna', 'cli');
INSERT INTO answer VALUES (1, 'behov', 'value', 'Kortere ventetid', 1, 1746342000, 'anna', 'cli');
INSERT INTO answer VALUES (1, 'persondata', 'value', 'ja', 1, 1746342060, 'anna', 'cli');
INSERT INTO answer VALUES (2, 'beta_tekst', 'value', 'Kort tekst', 1, 1746612000, 'anna', 'cli');
INSERT INTO answer VALUES (4, 'antal', 'none', NULL, 2, 1746446520, 'bo', 'cli');
INSERT INTO answer VALUES (4, 'behov', 'dontknow', NULL, 1, 1746446580, 'bo', 'cli');
INSERT INTO answer VALUES (4, 'beloeb', 'value', '2400000', 1, 1746446400, 'bo', 'cli');
INSERT INTO answer VALUES (5, 'noter', 'value', 'Linje et' || char(10) || 'Linje to', 1, 1746612000, 'anna', 'cli');
PRAGMA user_version = 3;
