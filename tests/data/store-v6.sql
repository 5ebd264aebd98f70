-- A database as airejse wrote it at schema version 6 (the progress in
-- brief no longer kept; no reviews, no respondent of an imported
-- answer), made by the released program with the content of
-- tests/data/store and a site configuration that names the jurist, and
-- frozen here so that the upgrade to version 7 is tested against what
-- was really released. Two projects (a third deleted), answers of
-- several kinds ("ved ikke" among them, some changed twice), their
-- history, and hand-offs raised, sent with a note and a due date, then
-- withdrawn, and answered. Never edit this file; add one for the next
-- version.
PRAGMA application_id = 1634300517;
CREATE TABLE project (  id INTEGER PRIMARY KEY,  name TEXT NOT NULL UNIQUE,  created INTEGER NOT NULL,  changed INTEGER NOT NULL);
INSERT INTO project VALUES(1,'Første – version 6',1795165200,1795165860);
INSERT INTO project VALUES(2,'Anden',1795165260,1795165800);
CREATE TABLE project_track (  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,  position INTEGER NOT NULL,  track TEXT NOT NULL,  PRIMARY KEY (project, position),  UNIQUE (project, track));
INSERT INTO project_track VALUES(1,0,'alpha');
INSERT INTO project_track VALUES(2,0,'alpha');
INSERT INTO project_track VALUES(2,1,'beta');
CREATE TABLE answer_event (  id INTEGER PRIMARY KEY,  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,  question TEXT NOT NULL,  old_kind TEXT NOT NULL,  old_value TEXT,  new_kind TEXT NOT NULL,  new_value TEXT,  revision INTEGER NOT NULL,  time INTEGER NOT NULL,  user TEXT NOT NULL,  source TEXT NOT NULL);
INSERT INTO answer_event VALUES(1,1,'persondata','none',NULL,'value','ja',1,1795165380,'anne','cli');
INSERT INTO answer_event VALUES(2,1,'aftale','none',NULL,'value','nej',1,1795165440,'anne','cli');
INSERT INTO answer_event VALUES(3,1,'behov','none',NULL,'value','Tid til patienterne – æøå',1,1795165500,'bo','cli');
INSERT INTO answer_event VALUES(4,1,'beloeb','none',NULL,'value','1800000',1,1795165560,'bo','cli');
INSERT INTO answer_event VALUES(5,2,'behov','none',NULL,'dontknow',NULL,1,1795165620,'bo','cli');
INSERT INTO answer_event VALUES(6,2,'behov','dontknow',NULL,'value','Klart nu',2,1795165800,'bo','cli');
INSERT INTO answer_event VALUES(7,1,'aftale','value','nej','value','ja',2,1795165860,'bo','cli');
CREATE TABLE handoff (  id INTEGER PRIMARY KEY,  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,  rule TEXT NOT NULL,  role TEXT NOT NULL,  state TEXT NOT NULL CHECK (state IN    ('raised', 'sent', 'answered', 'closed', 'withdrawn')),  due TEXT,  contact TEXT,  note TEXT,  raised INTEGER NOT NULL,  changed INTEGER NOT NULL,  UNIQUE (project, rule));
INSERT INTO handoff VALUES(1,1,'jurist-gdpr','jurist','withdrawn','2026-12-01','Jytte Jurist <jytte@rsyd.dk>','Sendt til Jytte',1795165440,1795165860);
INSERT INTO handoff VALUES(2,1,'jurist-udbud','jurist','raised',NULL,'Jytte Jurist <jytte@rsyd.dk>',NULL,1795165560,1795165560);
INSERT INTO handoff VALUES(3,2,'leder-behov','leder','answered',NULL,NULL,NULL,1795165620,1795165740);
CREATE TABLE handoff_event (  id INTEGER PRIMARY KEY,  handoff INTEGER NOT NULL REFERENCES handoff(id) ON DELETE CASCADE,  old_state TEXT,  new_state TEXT NOT NULL,  note TEXT,  due TEXT,  time INTEGER NOT NULL,  user TEXT NOT NULL,  source TEXT NOT NULL);
INSERT INTO handoff_event VALUES(1,1,NULL,'raised',NULL,NULL,1795165440,'anne','cli');
INSERT INTO handoff_event VALUES(2,2,NULL,'raised',NULL,NULL,1795165560,'bo','cli');
INSERT INTO handoff_event VALUES(3,3,NULL,'raised',NULL,NULL,1795165620,'bo','cli');
INSERT INTO handoff_event VALUES(4,1,'raised','sent','Sendt til Jytte','2026-12-01',1795165680,'anne','cli');
INSERT INTO handoff_event VALUES(5,3,'raised','answered',NULL,NULL,1795165740,'anne','cli');
INSERT INTO handoff_event VALUES(6,1,'sent','withdrawn',NULL,'2026-12-01',1795165860,'bo','cli');
CREATE TABLE IF NOT EXISTS "answer" (  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,  question TEXT NOT NULL,  kind TEXT NOT NULL CHECK (kind IN ('value', 'dontknow', 'none')),  value TEXT,  revision INTEGER NOT NULL,  time INTEGER NOT NULL,  user TEXT NOT NULL,  source TEXT NOT NULL,  PRIMARY KEY (project, question)) WITHOUT ROWID;
INSERT INTO answer VALUES(1,'aftale','value','ja',2,1795165860,'bo','cli');
INSERT INTO answer VALUES(1,'behov','value','Tid til patienterne – æøå',1,1795165500,'bo','cli');
INSERT INTO answer VALUES(1,'beloeb','value','1800000',1,1795165560,'bo','cli');
INSERT INTO answer VALUES(1,'persondata','value','ja',1,1795165380,'anne','cli');
INSERT INTO answer VALUES(2,'behov','value','Klart nu',2,1795165800,'bo','cli');
CREATE INDEX answer_event_question ON answer_event (project, question, id);
CREATE INDEX handoff_event_handoff ON handoff_event (handoff, id);
CREATE INDEX project_changed ON project (changed DESC);
PRAGMA user_version = 6;
