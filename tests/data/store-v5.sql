-- A database as airejse wrote it at schema version 5 (each project's
-- progress in brief kept in its row: brief_stamp, brief_handoffs,
-- brief_tracks), made by the released program with the content of
-- tests/data/store: the version-4 database of store-v4.sql opened by it
-- (upgraded in place) and then used from the command line with a site
-- configuration that names the jurist, and frozen here so that the
-- upgrade is tested against what was really released. Six projects
-- (3 deleted; the seventh made after the upgrade, with two hand-offs,
-- one sent with a note and a due date), answers of every kind (values of
-- most types, "ved ikke", cleared ones, one over two lines, some changed
-- after the upgrade), their history, hand-offs raised, sent, answered
-- and withdrawn, and a brief kept for every project by 'project list'
-- and the actions after it. Never edit this file; add one for the next
-- version.
PRAGMA application_id = 1634300517;
CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created INTEGER NOT NULL,
  changed INTEGER NOT NULL, brief_stamp TEXT, brief_handoffs INTEGER, brief_tracks TEXT);
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
CREATE INDEX answer_event_question ON answer_event (project, question, id);
CREATE INDEX handoff_event_handoff ON handoff_event (handoff, id);
CREATE INDEX project_changed ON project (changed DESC);
INSERT INTO project VALUES(1,'Først æøå',1746172800,1748856360,'fc26d6007448a5e5',0,replace('alpha 1 3\nbeta 0 1\n','\n',char(10)));
INSERT INTO project VALUES(2,'Samme sekund',1746172800,1767697800,'fc26d6007448a5e5',1,replace('beta 0 1\n','\n',char(10)));
INSERT INTO project VALUES(4,'Fjerde',1746264600,1748856000,'fc26d6007448a5e5',2,replace('beta 0 1\nalpha 0 4\n','\n',char(10)));
INSERT INTO project VALUES(5,'Femte – omdøbt',1746266400,1748856900,'fc26d6007448a5e5',0,replace('alpha 0 3\n','\n',char(10)));
INSERT INTO project VALUES(6,'Sjette – efter version 4',1748855400,1767693900,'fc26d6007448a5e5',0,replace('beta 0 1\nalpha 1 3\n','\n',char(10)));
INSERT INTO project VALUES(7,'Syvende – version 5',1767603900,1767693600,'fc26d6007448a5e5',2,replace('alpha 0 4\n','\n',char(10)));
INSERT INTO project_track VALUES(1,0,'alpha');
INSERT INTO project_track VALUES(1,1,'beta');
INSERT INTO project_track VALUES(2,0,'beta');
INSERT INTO project_track VALUES(4,0,'beta');
INSERT INTO project_track VALUES(4,1,'alpha');
INSERT INTO project_track VALUES(5,0,'alpha');
INSERT INTO project_track VALUES(6,0,'beta');
INSERT INTO project_track VALUES(6,1,'alpha');
INSERT INTO project_track VALUES(7,0,'alpha');
INSERT INTO answer_event VALUES(1,1,'behov','none',NULL,'value','Kortere ventetid',1,1746342000,'anna','cli');
INSERT INTO answer_event VALUES(2,1,'persondata','none',NULL,'value','ja',1,1746342060,'anna','cli');
INSERT INTO answer_event VALUES(3,1,'aftale','none',NULL,'value','nej',1,1746342120,'anna','cli');
INSERT INTO answer_event VALUES(4,4,'beloeb','none',NULL,'value','2400000',1,1746446400,'bo','cli');
INSERT INTO answer_event VALUES(5,4,'antal','none',NULL,'value','12',1,1746446460,'bo','cli');
INSERT INTO answer_event VALUES(6,4,'antal','value','12','none',NULL,2,1746446520,'bo','cli');
INSERT INTO answer_event VALUES(7,4,'behov','none',NULL,'dontknow',NULL,1,1746446580,'bo','cli');
INSERT INTO answer_event VALUES(8,2,'beta_tekst','none',NULL,'value','Kort tekst',1,1746612000,'anna','cli');
INSERT INTO answer_event VALUES(9,5,'noter','none',NULL,'value',replace('Linje et\nLinje to','\n',char(10)),1,1746612000,'anna','cli');
INSERT INTO answer_event VALUES(10,6,'behov','none',NULL,'value','Fra version 4',1,1748855460,'dorte','cli');
INSERT INTO answer_event VALUES(11,6,'persondata','none',NULL,'value','ja',1,1748855520,'dorte','cli');
INSERT INTO answer_event VALUES(12,6,'aftale','none',NULL,'value','nej',1,1748855580,'dorte','cli');
INSERT INTO answer_event VALUES(13,2,'behov','none',NULL,'dontknow',NULL,1,1748855700,'erik','cli');
INSERT INTO answer_event VALUES(14,1,'aftale','value','nej','value','ja',2,1748856300,'dorte','cli');
INSERT INTO answer_event VALUES(15,1,'aftale_dato','none',NULL,'value','2025-06-01',1,1748856360,'dorte','cli');
INSERT INTO answer_event VALUES(16,6,'emner','none',NULL,'value','data,jura',1,1748856600,'dorte','cli');
INSERT INTO answer_event VALUES(17,6,'beloeb','none',NULL,'value','1200000',1,1748856660,'dorte','cli');
INSERT INTO answer_event VALUES(18,6,'antal','none',NULL,'value','7.5',1,1748856720,'dorte','cli');
INSERT INTO answer_event VALUES(19,5,'noter','value',replace('Linje et\nLinje to','\n',char(10)),'none',NULL,2,1748856900,'dorte','cli');
INSERT INTO answer_event VALUES(20,7,'behov','none',NULL,'value','Færre genindlæggelser',1,1767603960,'frida','cli');
INSERT INTO answer_event VALUES(21,7,'persondata','none',NULL,'value','ja',1,1767604020,'frida','cli');
INSERT INTO answer_event VALUES(22,7,'aftale','none',NULL,'value','nej',1,1767604080,'frida','cli');
INSERT INTO answer_event VALUES(23,7,'beloeb','none',NULL,'value','1800000',1,1767604140,'frida','cli');
INSERT INTO answer_event VALUES(24,6,'antal','value','7.5','dontknow',NULL,2,1767693900,'gustav','cli');
INSERT INTO answer_event VALUES(25,2,'beta_tekst','value','Kort tekst','value','Ændret nu',2,1767697800,'gustav','cli');
INSERT INTO handoff VALUES(1,1,'jurist-gdpr','jurist','withdrawn','2025-06-01',NULL,'Mail til Jens',1746342120,1748856300);
INSERT INTO handoff VALUES(2,4,'jurist-udbud','jurist','sent','2025-07-01',NULL,'Sendt til udbud',1746446400,1748856000);
INSERT INTO handoff VALUES(3,4,'leder-behov','leder','raised',NULL,NULL,NULL,1746446580,1746446580);
INSERT INTO handoff VALUES(4,6,'jurist-gdpr','jurist','answered',NULL,'Jytte Jurist <jytte@rsyd.dk>','Aftale kommer',1748855580,1748857500);
INSERT INTO handoff VALUES(5,2,'leder-behov','leder','raised',NULL,NULL,NULL,1748855700,1748855700);
INSERT INTO handoff VALUES(6,7,'jurist-gdpr','jurist','sent','2026-02-01','Jytte Jurist <jytte@rsyd.dk>','Sendt til Jytte',1767604080,1767693600);
INSERT INTO handoff VALUES(7,7,'jurist-udbud','jurist','raised',NULL,'Jytte Jurist <jytte@rsyd.dk>',NULL,1767604140,1767604140);
INSERT INTO handoff_event VALUES(1,1,NULL,'raised',NULL,NULL,1746342120,'anna','cli');
INSERT INTO handoff_event VALUES(2,2,NULL,'raised',NULL,NULL,1746446400,'bo','cli');
INSERT INTO handoff_event VALUES(3,3,NULL,'raised',NULL,NULL,1746446580,'bo','cli');
INSERT INTO handoff_event VALUES(4,1,'raised','sent','Mail til Jens','2025-06-01',1746518400,'cille','cli');
INSERT INTO handoff_event VALUES(5,4,NULL,'raised',NULL,NULL,1748855580,'dorte','cli');
INSERT INTO handoff_event VALUES(6,5,NULL,'raised',NULL,NULL,1748855700,'erik','cli');
INSERT INTO handoff_event VALUES(7,2,'raised','sent','Sendt til udbud','2025-07-01',1748856000,'erik','cli');
INSERT INTO handoff_event VALUES(8,1,'sent','withdrawn',NULL,'2025-06-01',1748856300,'dorte','cli');
INSERT INTO handoff_event VALUES(9,4,'raised','answered','Aftale kommer',NULL,1748857500,'erik','cli');
INSERT INTO handoff_event VALUES(10,6,NULL,'raised',NULL,NULL,1767604080,'frida','cli');
INSERT INTO handoff_event VALUES(11,7,NULL,'raised',NULL,NULL,1767604140,'frida','cli');
INSERT INTO handoff_event VALUES(12,6,'raised','sent','Sendt til Jytte','2026-02-01',1767693600,'gustav','cli');
INSERT INTO answer VALUES(1,'aftale','value','ja',2,1748856300,'dorte','cli');
INSERT INTO answer VALUES(1,'aftale_dato','value','2025-06-01',1,1748856360,'dorte','cli');
INSERT INTO answer VALUES(1,'behov','value','Kortere ventetid',1,1746342000,'anna','cli');
INSERT INTO answer VALUES(1,'persondata','value','ja',1,1746342060,'anna','cli');
INSERT INTO answer VALUES(2,'behov','dontknow',NULL,1,1748855700,'erik','cli');
INSERT INTO answer VALUES(2,'beta_tekst','value','Ændret nu',2,1767697800,'gustav','cli');
INSERT INTO answer VALUES(4,'antal','none',NULL,2,1746446520,'bo','cli');
INSERT INTO answer VALUES(4,'behov','dontknow',NULL,1,1746446580,'bo','cli');
INSERT INTO answer VALUES(4,'beloeb','value','2400000',1,1746446400,'bo','cli');
INSERT INTO answer VALUES(5,'noter','none',NULL,2,1748856900,'dorte','cli');
INSERT INTO answer VALUES(6,'aftale','value','nej',1,1748855580,'dorte','cli');
INSERT INTO answer VALUES(6,'antal','dontknow',NULL,2,1767693900,'gustav','cli');
INSERT INTO answer VALUES(6,'behov','value','Fra version 4',1,1748855460,'dorte','cli');
INSERT INTO answer VALUES(6,'beloeb','value','1200000',1,1748856660,'dorte','cli');
INSERT INTO answer VALUES(6,'emner','value','data,jura',1,1748856600,'dorte','cli');
INSERT INTO answer VALUES(6,'persondata','value','ja',1,1748855520,'dorte','cli');
INSERT INTO answer VALUES(7,'aftale','value','nej',1,1767604080,'frida','cli');
INSERT INTO answer VALUES(7,'behov','value','Færre genindlæggelser',1,1767603960,'frida','cli');
INSERT INTO answer VALUES(7,'beloeb','value','1800000',1,1767604140,'frida','cli');
INSERT INTO answer VALUES(7,'persondata','value','ja',1,1767604020,'frida','cli');
PRAGMA user_version = 5;
