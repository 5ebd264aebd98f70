/* SPDX-License-Identifier: EUPL-1.2 */
/* Opening a store: the database checked, its schema read (a file of
 * another program, or of a newer airejse, is left as it is) and brought
 * up to date, one migration per version. */
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/xalloc.h"

/* The schema, one migration per version. Each runs in one transaction
 * with the version's bump; a migration is never changed once released.
 * What differs between databases is written {so} (db_exec_schema); what
 * one of them lacks is left to its driver (version 1 marks the database
 * as airejse's with db_claim first). */
static const char *const migrations[STORE_VERSION] = {
	/* 1: projects, their tracks, answers and the answers' history. */
	"CREATE TABLE project ("
	"  id {key},"
	"  name TEXT NOT NULL UNIQUE,"
	"  created {int} NOT NULL,"
	"  changed {int} NOT NULL);"
	"CREATE TABLE project_track ("
	"  project {int} NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  position {int} NOT NULL,"
	"  track TEXT NOT NULL,"
	"  PRIMARY KEY (project, position),"
	"  UNIQUE (project, track));"
	"CREATE TABLE answer ("
	"  project {int} NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  question TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('value', 'dontknow', 'none')),"
	"  value TEXT,"
	"  revision {int} NOT NULL,"
	"  time {int} NOT NULL,"
	"  {user} TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  PRIMARY KEY (project, question));"
	"CREATE TABLE answer_event ("
	"  id {key},"
	"  project {int} NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  question TEXT NOT NULL,"
	"  old_kind TEXT NOT NULL,"
	"  old_value TEXT,"
	"  new_kind TEXT NOT NULL,"
	"  new_value TEXT,"
	"  revision {int} NOT NULL,"
	"  time {int} NOT NULL,"
	"  {user} TEXT NOT NULL,"
	"  source TEXT NOT NULL);"
	"CREATE INDEX answer_event_question ON answer_event (project, question, id);",

	/* 2: hand-offs and their history. */
	"CREATE TABLE handoff ("
	"  id {key},"
	"  project {int} NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  rule TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN"
	"    ('raised', 'sent', 'answered', 'closed', 'withdrawn')),"
	"  due TEXT,"
	"  contact TEXT,"
	"  note TEXT,"
	"  raised {int} NOT NULL,"
	"  changed {int} NOT NULL,"
	"  UNIQUE (project, rule));"
	"CREATE TABLE handoff_event ("
	"  id {key},"
	"  handoff {int} NOT NULL REFERENCES handoff(id) ON DELETE CASCADE,"
	"  old_state TEXT,"
	"  new_state TEXT NOT NULL,"
	"  note TEXT,"
	"  due TEXT,"
	"  time {int} NOT NULL,"
	"  {user} TEXT NOT NULL,"
	"  source TEXT NOT NULL);"
	"CREATE INDEX handoff_event_handoff ON handoff_event (handoff, id);",

	/* 3: the answers kept in the order of their key, project by project
	 * (WITHOUT ROWID), so that reading every project in turn is one
	 * ordered scan; in a rowid table a project's answers lie where they
	 * were first saved, and each is looked up through the key's index.
	 * The same columns, constraints and foreign key; every row copied. */
	"CREATE TABLE answer_v3 ("
	"  project {int} NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  question TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('value', 'dontknow', 'none')),"
	"  value TEXT,"
	"  revision {int} NOT NULL,"
	"  time {int} NOT NULL,"
	"  {user} TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  PRIMARY KEY (project, question)){without_rowid};"
	"INSERT INTO answer_v3 (project, question, kind, value, revision, time, {user}, source)"
	"  SELECT project, question, kind, value, revision, time, {user}, source FROM answer;"
	"DROP TABLE answer;"
	"ALTER TABLE answer_v3 RENAME TO answer;",

	/* 4: the projects in the order of their last change, the latest
	 * first and ties by id (the rowid each index entry ends with), so
	 * that the projects screen reads only the ones it shows and finds
	 * a project's place by counting, instead of reading and sorting
	 * them all. */
	"CREATE INDEX project_changed ON project (changed DESC);",

	/* 5: each project's progress in brief, kept in its row so that the
	 * projects screen and 'project list' read it with the project
	 * instead of working it out from every answer at each start. The
	 * store dropped it with any change to the project's answers,
	 * hand-offs or tracks, and its stamp said what else it depended on.
	 * Columns, not a table with triggers: every start parses the
	 * schema, and eleven triggers cost more to parse than reading the
	 * briefs saved. */
	"ALTER TABLE project ADD COLUMN brief_stamp TEXT;"
	"ALTER TABLE project ADD COLUMN brief_handoffs {int};"
	"ALTER TABLE project ADD COLUMN brief_tracks TEXT;",

	/* 6: the briefs go again. Every change to a project had to drop its
	 * brief, a rule no compiler checks, and listing the projects wrote
	 * to the database; progress is now worked out when it is needed and
	 * kept in memory only (action.h). */
	"ALTER TABLE project DROP COLUMN brief_stamp;"
	"ALTER TABLE project DROP COLUMN brief_handoffs;"
	"ALTER TABLE project DROP COLUMN brief_tracks;",

	/* 7: a project is archived, not deleted, so that its history stays
	 * (purged for good only on purpose); its renames, archiving and
	 * restoring are kept in project_event; every change records the
	 * operating-system account beside the name the user gave (NULL in
	 * the rows written before, which is how 'airejse check' tells
	 * answers an older airejse read). The projects in use are ordered
	 * by their last change along an index of those alone. */
	"ALTER TABLE project ADD COLUMN archived {int};"
	"DROP INDEX project_changed;"
	"CREATE INDEX project_changed ON project (changed DESC) WHERE archived IS NULL;"
	"ALTER TABLE answer_event ADD COLUMN account TEXT;"
	"ALTER TABLE handoff_event ADD COLUMN account TEXT;"
	"CREATE TABLE project_event ("
	"  id {key},"
	"  project {int} NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  what TEXT NOT NULL CHECK (what IN ('renamed', 'archived', 'restored')),"
	"  old_name TEXT,"
	"  new_name TEXT,"
	"  time {int} NOT NULL,"
	"  {user} TEXT NOT NULL,"
	"  account TEXT,"
	"  source TEXT NOT NULL);"
	"CREATE INDEX project_event_project ON project_event (project, id);"
	/* And who answered an answer imported from a hand-off packet (the
	 * name it carries) beside who imported it (user), and each role's
	 * reviews and sign-offs, every one kept: the latest of a subject
	 * is where it stands, the rest its history. */
	"ALTER TABLE answer_event ADD COLUMN respondent TEXT;"
	"CREATE TABLE review ("
	"  id {key},"
	"  project {int} NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('handoff', 'section', 'signoff')),"
	"  subject TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN"
	"    ('not-reviewed', 'acceptable', 'to-correct', 'signed', 'withdrawn')),"
	"  comment TEXT,"
	"  name TEXT,"
	"  seen TEXT NOT NULL,"
	"  time {int} NOT NULL,"
	"  {user} TEXT NOT NULL,"
	"  source TEXT NOT NULL);"
	"CREATE INDEX review_project ON review (project, id);",
	/* 8: a project's move to other tracks is kept in its history, the
	 * track lists before and after in old_name and new_name. A CHECK
	 * cannot be widened in place: the table is made again, rows kept. */
	"CREATE TABLE project_event_v8 ("
	"  id {key},"
	"  project {int} NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  what TEXT NOT NULL CHECK (what IN ('renamed', 'archived', 'restored', 'tracks')),"
	"  old_name TEXT,"
	"  new_name TEXT,"
	"  time {int} NOT NULL,"
	"  {user} TEXT NOT NULL,"
	"  account TEXT,"
	"  source TEXT NOT NULL);"
	/* New ids in the old order: a server's id sequence then goes on
	 * from the last row, as SQLite's does. */
	"INSERT INTO project_event_v8 (project, what, old_name, new_name, time, {user}, account, source)"
	"  SELECT project, what, old_name, new_name, time, {user}, account, source FROM project_event"
	"  ORDER BY id;"
	"DROP TABLE project_event;"
	"ALTER TABLE project_event_v8 RENAME TO project_event;"
	"CREATE INDEX project_event_project ON project_event (project, id);",


	/* 9: beside the name a change was made under (--user, $USER), the
	 * user a database server authenticated (NULL on SQLite, which has
	 * no logins): a name is only a claim, a login is the server's. */
	"ALTER TABLE answer_event ADD COLUMN login TEXT;"
	"ALTER TABLE handoff_event ADD COLUMN login TEXT;",
};

static int
schema_check(struct store *s, char **cause)
{
	struct db_schema sc;
	enum db_rc rc;

	if ((rc = db_schema(s->db, &sc)) != DB_OK)
		return store_fail(s, rc, _("cannot open the database"), cause);
	if (!sc.ours && !sc.blank && db_is_server(s->path)) {
		*cause = xasprintf(_("the database %s holds tables of another program, not of airejse: it was left as it is; give airejse a database of its own"),
		    s->path);
		return EX_DATAERR;
	}
	if (!sc.ours && !sc.blank) {
		*cause = xasprintf(_("%s is an SQLite database of another program, not of airejse: it was left as it is; check --db or AIREJSE_DB"),
		    s->path);
		return EX_DATAERR;
	}
	if (sc.version < 0) {
		*cause = xasprintf(_("%s has a database version no airejse writes (%lld): it is damaged or not ours, and was left as it is; check --db or AIREJSE_DB, or restore a backup"),
		    s->path, (long long)sc.version);
		return EX_DATAERR;
	}
	if (sc.version > STORE_VERSION) {
		*cause = xasprintf(_("%s was written by a newer airejse (database version %lld; this one knows up to %d): it was left as it is; upgrade airejse to open it"),
		    s->path, (long long)sc.version, STORE_VERSION);
		return EX_DATAERR;
	}
	s->version = (int)sc.version;
	return 0;
}

static int
migrate(struct store *s, int target, char **cause)
{
	struct db_schema sc;
	enum db_rc rc;
	int next;

	for (next = s->version + 1; next <= target; next++) {
		if ((rc = db_begin(s->db, true)) != DB_OK)
			return store_fail(s, rc, _("cannot bring the database up to date"), cause);
		/* Another airejse may have done it while we waited. */
		if ((rc = db_schema(s->db, &sc)) != DB_OK)
			goto fail;
		if (sc.version >= next) {
			db_rollback(s->db);
			s->version = (int)sc.version;
			next = (int)sc.version;
			continue;
		}
		if ((next == 1 && (rc = db_claim(s->db)) != DB_OK) ||
		    (rc = db_exec_schema(s->db, migrations[next - 1])) != DB_OK ||
		    (rc = db_set_version(s->db, next)) != DB_OK ||
		    (rc = db_commit(s->db)) != DB_OK)
			goto fail;
		s->version = next;
	}
	return 0;
fail:
	rc = store_fail(s, rc, _("cannot bring the database up to date"), cause);
	db_rollback(s->db);
	return rc;
}

int
store_open_version(const char *path, int flags, int version, struct store **out,
    char **cause)
{
	struct store *s;
	enum db_rc rc;
	int status, dflags = ((flags & STORE_READONLY) ? DB_READONLY : 0) |
	    ((flags & STORE_NOCREATE) ? DB_NOCREATE : 0);

	*out = NULL;
	if ((status = db_check_path(path, dflags, cause)) != 0)
		return status;
	s = xcalloc(1, sizeof(*s));
	/* Shown in messages: a password in a connection string is not. */
	s->path = db_display_name(path);
	if ((rc = db_open(path, dflags, &s->db)) != DB_OK) {
		status = store_fail(s, rc, _("cannot open the database"), cause);
		store_close(s);
		return status;
	}
	/* What is in the file is checked before anything is set on it: a
	 * foreign or newer file is left exactly as it was. */
	if ((status = schema_check(s, cause)) != 0) {
		store_close(s);
		return status;
	}
	s->readonly_why = db_readonly_why(s->db);
	s->writable = s->readonly_why == NULL;
	if ((rc = db_ready(s->db)) != DB_OK) {
		status = store_fail(s, rc, _("cannot open the database"), cause);
		store_close(s);
		return status;
	}
	if (version <= 0 || version > STORE_VERSION)
		version = STORE_VERSION;
	if (s->version < version) {
		/* A server's database is made by its administrator; a command
		 * that only reads does not put airejse's tables in it. */
		if (s->version == 0 && (flags & STORE_NOCREATE) && db_is_server(path)) {
			*cause = xasprintf(_("the database %s holds no airejse projects yet: check --db or AIREJSE_DB (a command that only reads makes none; 'project new' or the terminal program makes them)"),
			    s->path);
			store_close(s);
			return EX_NOINPUT;
		}
		if (!s->writable) {
			*cause = s->version == 0 ?
			    xasprintf(_("%s is read-only and holds no airejse database yet: give a writable file with --db"),
				path) :
			    xasprintf(_("%s is from an older airejse (database version %d) and read-only, so it cannot be brought up to date: make it writable once, or open a writable copy"),
				path, s->version);
			store_close(s);
			return EX_IOERR;
		}
		if ((status = migrate(s, version, cause)) != 0) {
			store_close(s);
			return status;
		}
	}
	*out = s;
	return 0;
}

int
store_open(const char *path, int flags, struct store **out, char **cause)
{
	return store_open_version(path, flags, STORE_VERSION, out, cause);
}
