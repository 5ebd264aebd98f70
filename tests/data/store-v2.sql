-- A database as airejse wrote it at schema version 2 (version 1 and the
-- hand-offs with their history), made by the released program with the
-- content of tests/data/store and frozen here so that the upgrade is
-- tested against what was really released, not against today's code:
-- four projects (one deleted before the fourth was made), answers of
-- every kind (a value, "ved ikke", a cleared one, one over two lines),
-- one of them saved after later projects' (so the table holds the rows
-- out of project order), their history, and hand-offs raised, moved on
-- and withdrawn with theirs. Never edit this file; add one for the next
-- version.
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
INSERT INTO project VALUES (1, 'Gammel æøå', 1740819600, 1741510800);
INSERT INTO project VALUES (2, 'Anden', 1741248000, 1741334400);
INSERT INTO project VALUES (3, 'Tredje', 1741424400, 1741424400);
INSERT INTO project VALUES (4, 'Fjerde', 1741424460, 1741424700);
INSERT INTO project_track VALUES (1, 0, 'alpha');
INSERT INTO project_track VALUES (1, 1, 'beta');
INSERT INTO project_track VALUES (2, 0, 'beta');
INSERT INTO project_track VALUES (3, 0, 'alpha');
INSERT INTO project_track VALUES (4, 0, 'beta');
INSERT INTO project_track VALUES (4, 1, 'alpha');
INSERT INTO answer VALUES (1, 'behov', 'value', 'Færre ventetimer i ambulatoriet', 2, 1740909600, 'bo', 'cli');
INSERT INTO answer VALUES (1, 'persondata', 'value', 'ja', 1, 1740909660, 'bo', 'cli');
INSERT INTO answer VALUES (1, 'aftale', 'value', 'nej', 1, 1740909720, 'bo', 'cli');
INSERT INTO answer VALUES (1, 'beloeb', 'value', '2400000', 1, 1740909780, 'bo', 'cli');
INSERT INTO answer VALUES (1, 'noter', 'value', 'Linje et' || char(10) || 'Linje to', 1, 1740909900, 'bo', 'cli');
INSERT INTO answer VALUES (2, 'behov', 'value', 'Bedre søvn', 2, 1741334400, 'anna', 'cli');
INSERT INTO answer VALUES (2, 'beta_tekst', 'value', 'Kort tekst', 1, 1741248120, 'anna', 'cli');
INSERT INTO answer VALUES (4, 'antal', 'none', NULL, 2, 1741424580, 'dorte', 'cli');
INSERT INTO answer VALUES (4, 'mail', 'value', 'dorte@rsyd.dk', 1, 1741424640, 'dorte', 'cli');
INSERT INTO answer VALUES (4, 'behov', 'dontknow', NULL, 1, 1741424700, 'dorte', 'cli');
INSERT INTO answer VALUES (1, 'emner', 'value', 'data,jura', 1, 1741510800, 'bo', 'cli');
INSERT INTO answer_event VALUES (1, 1, 'behov', 'none', NULL, 'value', 'Færre ventetimer', 1, 1740819900, 'anna', 'cli');
INSERT INTO answer_event VALUES (2, 1, 'behov', 'value', 'Færre ventetimer', 'value', 'Færre ventetimer i ambulatoriet', 2, 1740909600, 'bo', 'cli');
INSERT INTO answer_event VALUES (3, 1, 'persondata', 'none', NULL, 'value', 'ja', 1, 1740909660, 'bo', 'cli');
INSERT INTO answer_event VALUES (4, 1, 'aftale', 'none', NULL, 'value', 'nej', 1, 1740909720, 'bo', 'cli');
INSERT INTO answer_event VALUES (5, 1, 'beloeb', 'none', NULL, 'value', '2400000', 1, 1740909780, 'bo', 'cli');
INSERT INTO answer_event VALUES (6, 1, 'noter', 'none', NULL, 'value', 'Linje et' || char(10) || 'Linje to', 1, 1740909900, 'bo', 'cli');
INSERT INTO answer_event VALUES (7, 2, 'behov', 'none', NULL, 'dontknow', NULL, 1, 1741248060, 'anna', 'cli');
INSERT INTO answer_event VALUES (8, 2, 'beta_tekst', 'none', NULL, 'value', 'Kort tekst', 1, 1741248120, 'anna', 'cli');
INSERT INTO answer_event VALUES (9, 2, 'behov', 'dontknow', NULL, 'value', 'Bedre søvn', 2, 1741334400, 'anna', 'cli');
INSERT INTO answer_event VALUES (10, 4, 'antal', 'none', NULL, 'value', '12', 1, 1741424520, 'dorte', 'cli');
INSERT INTO answer_event VALUES (11, 4, 'antal', 'value', '12', 'none', NULL, 2, 1741424580, 'dorte', 'cli');
INSERT INTO answer_event VALUES (12, 4, 'mail', 'none', NULL, 'value', 'dorte@rsyd.dk', 1, 1741424640, 'dorte', 'cli');
INSERT INTO answer_event VALUES (13, 4, 'behov', 'none', NULL, 'dontknow', NULL, 1, 1741424700, 'dorte', 'cli');
INSERT INTO answer_event VALUES (14, 1, 'emner', 'none', NULL, 'value', 'data,jura', 1, 1741510800, 'bo', 'cli');
INSERT INTO handoff VALUES (1, 1, 'jurist-gdpr', 'jurist', 'answered', '2025-04-01', NULL, 'Aftale på vej', 1740909720, 1741161600);
INSERT INTO handoff VALUES (2, 1, 'jurist-udbud', 'jurist', 'raised', NULL, NULL, NULL, 1740909780, 1740909780);
INSERT INTO handoff VALUES (3, 2, 'leder-behov', 'leder', 'withdrawn', NULL, NULL, NULL, 1741248060, 1741334400);
INSERT INTO handoff VALUES (4, 4, 'leder-behov', 'leder', 'raised', NULL, NULL, NULL, 1741424700, 1741424700);
INSERT INTO handoff_event VALUES (1, 1, NULL, 'raised', NULL, NULL, 1740909720, 'bo', 'cli');
INSERT INTO handoff_event VALUES (2, 2, NULL, 'raised', NULL, NULL, 1740909780, 'bo', 'cli');
INSERT INTO handoff_event VALUES (3, 1, 'raised', 'sent', 'Mail til Jens', '2025-04-01', 1740988800, 'cille', 'cli');
INSERT INTO handoff_event VALUES (4, 1, 'sent', 'answered', 'Aftale på vej', '2025-04-01', 1741161600, 'cille', 'cli');
INSERT INTO handoff_event VALUES (5, 3, NULL, 'raised', NULL, NULL, 1741248060, 'anna', 'cli');
INSERT INTO handoff_event VALUES (6, 3, 'raised', 'withdrawn', NULL, NULL, 1741334400, 'anna', 'cli');
INSERT INTO handoff_event VALUES (7, 4, NULL, 'raised', NULL, NULL, 1741424700, 'dorte', 'cli');
PRAGMA user_version = 2;
