/* The SQLite store. Every statement is prepared once and kept; every
 * statement is reset after use so that no read lock outlives a call. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/i18n.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"

/* "aire": marks the file as ours, so another program's SQLite file is
 * recognised and left alone. */
#define APPLICATION_ID 0x61697265

/* How long a writer waits for another one before giving up. */
#define BUSY_TIMEOUT_MS 10000

/* The schema, one migration per version. Each runs in one transaction
 * with the user_version bump; a migration is never edited once released. */
static const char *const migrations[STORE_VERSION] = {
	/* 1: projects, their tracks, answers and the answers' history. */
	"PRAGMA application_id = 1634300517;"
	"CREATE TABLE project ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  created INTEGER NOT NULL,"
	"  changed INTEGER NOT NULL);"
	"CREATE TABLE project_track ("
	"  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  track TEXT NOT NULL,"
	"  PRIMARY KEY (project, position),"
	"  UNIQUE (project, track));"
	"CREATE TABLE answer ("
	"  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  question TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('value', 'dontknow', 'none')),"
	"  value TEXT,"
	"  revision INTEGER NOT NULL,"
	"  time INTEGER NOT NULL,"
	"  user TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  PRIMARY KEY (project, question));"
	"CREATE TABLE answer_event ("
	"  id INTEGER PRIMARY KEY,"
	"  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  question TEXT NOT NULL,"
	"  old_kind TEXT NOT NULL,"
	"  old_value TEXT,"
	"  new_kind TEXT NOT NULL,"
	"  new_value TEXT,"
	"  revision INTEGER NOT NULL,"
	"  time INTEGER NOT NULL,"
	"  user TEXT NOT NULL,"
	"  source TEXT NOT NULL);"
	"CREATE INDEX answer_event_question ON answer_event (project, question, id);",

	/* 2: hand-offs and their history. */
	"CREATE TABLE handoff ("
	"  id INTEGER PRIMARY KEY,"
	"  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  rule TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN"
	"    ('raised', 'sent', 'answered', 'closed', 'withdrawn')),"
	"  due TEXT,"
	"  contact TEXT,"
	"  note TEXT,"
	"  raised INTEGER NOT NULL,"
	"  changed INTEGER NOT NULL,"
	"  UNIQUE (project, rule));"
	"CREATE TABLE handoff_event ("
	"  id INTEGER PRIMARY KEY,"
	"  handoff INTEGER NOT NULL REFERENCES handoff(id) ON DELETE CASCADE,"
	"  old_state TEXT,"
	"  new_state TEXT NOT NULL,"
	"  note TEXT,"
	"  due TEXT,"
	"  time INTEGER NOT NULL,"
	"  user TEXT NOT NULL,"
	"  source TEXT NOT NULL);"
	"CREATE INDEX handoff_event_handoff ON handoff_event (handoff, id);",

	/* 3: the answers kept in the order of their key, project by project
	 * (WITHOUT ROWID), so that reading every project in turn is one
	 * ordered scan; in a rowid table a project's answers lie where they
	 * were first saved, and each is looked up through the key's index.
	 * The same columns, constraints and foreign key; every row copied. */
	"CREATE TABLE answer_v3 ("
	"  project INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,"
	"  question TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('value', 'dontknow', 'none')),"
	"  value TEXT,"
	"  revision INTEGER NOT NULL,"
	"  time INTEGER NOT NULL,"
	"  user TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  PRIMARY KEY (project, question)) WITHOUT ROWID;"
	"INSERT INTO answer_v3 (project, question, kind, value, revision, time, user, source)"
	"  SELECT project, question, kind, value, revision, time, user, source FROM answer;"
	"DROP TABLE answer;"
	"ALTER TABLE answer_v3 RENAME TO answer;",

	/* 4: the projects in the order of their last change, the latest
	 * first and ties by id (the rowid each index entry ends with), so
	 * that the projects screen reads only the ones it shows and finds
	 * a project's place by counting, instead of reading and sorting
	 * them all. */
	"CREATE INDEX project_changed ON project (changed DESC);",

	/* 5: each project's progress in brief, kept in its row so
	 * that the projects screen and 'project list' read it with the
	 * project instead of working it out from every answer at each
	 * start. The store drops it with any change to the project's
	 * answers, hand-offs or tracks (store_answer_set, store_handoff_*),
	 * so one that is there was kept after the last of them; the rest it
	 * depends on is in its stamp, which the reader checks. Columns, not
	 * a table with triggers: every start parses the schema, and eleven
	 * triggers cost more to parse than reading the briefs saves. */
	"ALTER TABLE project ADD COLUMN brief_stamp TEXT;"
	"ALTER TABLE project ADD COLUMN brief_handoffs INTEGER;"
	"ALTER TABLE project ADD COLUMN brief_tracks TEXT;",

	/* 6: the briefs go again. Every change to a project had to drop its
	 * brief, a rule no compiler checks, and listing the projects wrote
	 * to the database; progress is now worked out when it is needed and
	 * kept in memory only (action.h). */
	"ALTER TABLE project DROP COLUMN brief_stamp;"
	"ALTER TABLE project DROP COLUMN brief_handoffs;"
	"ALTER TABLE project DROP COLUMN brief_tracks;",
};

enum stmt_id {
	S_BEGIN,
	S_BEGIN_READ,
	S_COMMIT,
	S_ROLLBACK,
	S_DATA_VERSION,
	S_PROJECT_ADD,
	S_TRACK_ADD,
	S_PROJECT_GET,
	S_PROJECT_NAMED,
	S_PROJECTS,
	S_PROJECT_COUNT,
	S_PROJECTS_BY_CHANGE,
	S_PROJECT_RANK,
	S_TRACKS_OF,
	S_TRACKS_ALL,
	S_PROJECT_RENAME,
	S_PROJECT_TOUCH,
	S_PROJECT_DELETE,
	S_ANSWERS,
	S_PROGRESS_ANSWERS,
	S_ANSWER_GET,
	S_ANSWER_PUT,
	S_ANSWER_EVENT,
	S_HISTORY_ALL,
	S_HISTORY_OF,
	S_HANDOFFS_ALL,
	S_HANDOFFS_OF,
	S_PROGRESS_HANDOFFS,
	S_HANDOFF_GET,
	S_HANDOFF_BY_ID,
	S_HANDOFF_ADD,
	S_HANDOFF_SET,
	S_HANDOFF_EVENT,
	S_HANDOFF_HISTORY,
	S_EACH_PROJECT,
	S_EACH_TRACK,
	S_EACH_ANSWER,
	S_EACH_HANDOFF,
	S__COUNT
};

#define PROJECT_COLS "id, name, created, changed"
#define ANSWER_COLS "question, kind, value, revision, time, user, source"
#define HANDOFF_COLS "id, project, rule, role, state, due, contact, note, raised, changed"

static const char *const sql[S__COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_BEGIN_READ] = "BEGIN DEFERRED",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_DATA_VERSION] = "PRAGMA data_version",
	[S_PROJECT_ADD] = "INSERT INTO project (name, created, changed) VALUES (?1, ?2, ?2)",
	[S_TRACK_ADD] = "INSERT INTO project_track (project, position, track) VALUES (?1, ?2, ?3)",
	[S_PROJECT_GET] = "SELECT " PROJECT_COLS " FROM project WHERE id = ?1",
	[S_PROJECT_NAMED] = "SELECT " PROJECT_COLS " FROM project WHERE name = ?1",
	[S_PROJECTS] = "SELECT " PROJECT_COLS " FROM project ORDER BY id",
	[S_PROJECT_COUNT] = "SELECT count(*) FROM project",
	/* Both along the index project_changed, without sorting. */
	[S_PROJECTS_BY_CHANGE] = "SELECT " PROJECT_COLS " FROM project"
	    " ORDER BY changed DESC, id LIMIT ?2 OFFSET ?1",
	[S_PROJECT_RANK] = "SELECT (SELECT count(*) FROM project WHERE changed > p.changed) +"
	    " (SELECT count(*) FROM project WHERE changed = p.changed AND id < p.id)"
	    " FROM project AS p WHERE p.id = ?1",
	[S_TRACKS_OF] = "SELECT track FROM project_track WHERE project = ?1 ORDER BY position",
	[S_TRACKS_ALL] = "SELECT project, track FROM project_track ORDER BY project, position",
	[S_PROJECT_RENAME] = "UPDATE project SET name = ?2, changed = ?3 WHERE id = ?1",
	[S_PROJECT_TOUCH] = "UPDATE project SET changed = ?2 WHERE id = ?1",
	[S_PROJECT_DELETE] = "DELETE FROM project WHERE id = ?1",
	[S_ANSWERS] = "SELECT " ANSWER_COLS " FROM answer WHERE project = ?1 ORDER BY question",
	/* Only what progress.h needs, without who gave the answers and when
	 * (answer_fill stops at the value). Cleared ones are left to
	 * progress_new, which passes over them: a test of each row here
	 * costs more than the few it saves. */
	[S_PROGRESS_ANSWERS] = "SELECT question, kind, value FROM answer"
	    " WHERE project = ?1 ORDER BY question",
	[S_ANSWER_GET] = "SELECT " ANSWER_COLS " FROM answer WHERE project = ?1 AND question = ?2",
	[S_ANSWER_PUT] = "INSERT INTO answer (project, question, kind, value, revision, time, user, source)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	    " ON CONFLICT (project, question) DO UPDATE SET kind = ?3, value = ?4,"
	    " revision = ?5, time = ?6, user = ?7, source = ?8",
	[S_ANSWER_EVENT] = "INSERT INTO answer_event (project, question, old_kind, old_value,"
	    " new_kind, new_value, revision, time, user, source)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[S_HISTORY_ALL] = "SELECT id, question, old_kind, old_value, new_kind, new_value, revision,"
	    " time, user, source FROM answer_event WHERE project = ?1 ORDER BY id",
	[S_HISTORY_OF] = "SELECT id, question, old_kind, old_value, new_kind, new_value, revision,"
	    " time, user, source FROM answer_event WHERE project = ?1 AND question = ?2 ORDER BY id",
	[S_HANDOFFS_ALL] = "SELECT " HANDOFF_COLS " FROM handoff ORDER BY project, id",
	/* By id, sorted in C: an ORDER BY here sorts in a temporary b-tree,
	 * the larger part of reading a project. */
	[S_HANDOFFS_OF] = "SELECT " HANDOFF_COLS " FROM handoff WHERE project = ?1",
	/* Only what progress.h needs, as S_PROGRESS_ANSWERS (handoff_fill
	 * stops at the state): fewer columns to decode and copy. */
	[S_PROGRESS_HANDOFFS] = "SELECT id, project, rule, role, state FROM handoff"
	    " WHERE project = ?1",
	[S_HANDOFF_GET] = "SELECT " HANDOFF_COLS " FROM handoff WHERE project = ?1 AND rule = ?2",
	[S_HANDOFF_BY_ID] = "SELECT " HANDOFF_COLS " FROM handoff WHERE id = ?1",
	[S_HANDOFF_ADD] = "INSERT INTO handoff (project, rule, role, state, contact, raised, changed)"
	    " VALUES (?1, ?2, ?3, 'raised', ?4, ?5, ?5)",
	[S_HANDOFF_SET] = "UPDATE handoff SET state = ?2, due = ?3, contact = ?4,"
	    " note = coalesce(?5, note), changed = ?6 WHERE id = ?1",
	[S_HANDOFF_EVENT] = "INSERT INTO handoff_event (handoff, old_state, new_state, note, due,"
	    " time, user, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[S_HANDOFF_HISTORY] = "SELECT id, handoff, old_state, new_state, note, due, time, user, source"
	    " FROM handoff_event WHERE handoff = ?1 ORDER BY id",
	/* Every project from ?1 on, each with its tracks, answers and
	 * hand-offs, walked in step (store_each_project): each an ordered
	 * scan of its table or index, the answers in their key's order. The
	 * hand-offs are sorted by id in C, as with S_HANDOFFS_OF. */
	[S_EACH_PROJECT] = "SELECT " PROJECT_COLS " FROM project WHERE id >= ?1 ORDER BY id",
	[S_EACH_TRACK] = "SELECT project, track FROM project_track WHERE project >= ?1"
	    " ORDER BY project, position",
	[S_EACH_ANSWER] = "SELECT " ANSWER_COLS ", project FROM answer WHERE project >= ?1"
	    " ORDER BY project, question",
	[S_EACH_HANDOFF] = "SELECT " HANDOFF_COLS " FROM handoff WHERE project >= ?1 ORDER BY project",
};

struct store {
	sqlite3		*db;
	char		*path;
	bool		 writable;
	const char	*readonly_why;	/* a static, translated reason */
	dev_t		 dev;		/* the file opened, to notice it being */
	ino_t		 ino;		/* deleted or replaced under us */
	int		 version;
	uint64_t	 commits;	/* made through this connection */
	sqlite3_stmt	*stmts[S__COUNT];
};

/* Whether the disk that holds path has (next to) no room left. SQLite
 * reports a full disk as SQLITE_FULL only when a write fails; creating
 * the shared-memory file or the journal shows up as an I/O error. */
static bool
disk_full(struct store *s, const char *path)
{
	struct statvfs vfs;
	char *dir, *slash;
	bool full;

	if (s->db != NULL && sqlite3_system_errno(s->db) == ENOSPC)
		return true;
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	/* The -shm file alone wants 32 KiB. */
	full = statvfs(dir, &vfs) == 0 &&
	    (unsigned long long)vfs.f_bavail * vfs.f_frsize < 64 * 1024;
	free(dir);
	return full;
}

/* Whether the database or its journal has grown to the largest file the
 * process may write (ulimit -f): the write then fails with EFBIG. */
static bool
size_limited(struct store *s, const char *path)
{
	static const char *const suffix[] = { "", "-wal" };
	struct rlimit rl;
	struct stat sb;
	size_t i;

	if (s->db != NULL && sqlite3_system_errno(s->db) == EFBIG)
		return true;
	if (getrlimit(RLIMIT_FSIZE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return false;
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);
		bool at_limit = stat(p, &sb) == 0 &&
		    (unsigned long long)sb.st_size + 65536 >= (unsigned long long)rl.rlim_cur;

		free(p);
		if (at_limit)
			return true;
	}
	return false;
}

/* Sets *cause to "what: why" for an SQLite error code, and returns the
 * exit status that fits it. */
static int
fail(struct store *s, int rc, const char *what, char **cause)
{
	const char *path = s->path;
	char *why;
	int status;

	if (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN) &&
	    path != NULL && disk_full(s, path))
		rc = SQLITE_FULL;
	if (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_FULL) &&
	    path != NULL && size_limited(s, path)) {
		*cause = xasprintf(_("%s: %s has reached the largest file size allowed here (ulimit -f): raise the limit, or ask for more room"),
		    what, path);
		return EX_IOERR;
	}
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		why = xasprintf(_("another program has kept %s locked for too long: try again in a moment, or close the other airejse"),
		    path);
		status = EX_TEMPFAIL;
		break;
	case SQLITE_READONLY:
		why = xasprintf(_("%s is read-only: ask its owner for write access, or work on a copy"),
		    path);
		status = EX_IOERR;
		break;
	case SQLITE_FULL:
		why = xasprintf(_("the disk holding %s is full: free some space and try again"), path);
		status = EX_IOERR;
		break;
	case SQLITE_NOTADB:
		why = xasprintf(_("%s is not an airejse database: check the path given with --db or AIREJSE_DB"),
		    path);
		status = EX_DATAERR;
		break;
	case SQLITE_CORRUPT:
		why = xasprintf(_("%s is damaged (%s): it was left as it is; restore it from a backup"),
		    path, sqlite3_errstr(rc));
		status = EX_DATAERR;
		break;
	case SQLITE_CANTOPEN:
		why = xasprintf(_("cannot open %s or its journal beside it (%s): check that its folder is writable"),
		    path, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		status = EX_IOERR;
		break;
	case SQLITE_NOMEM:
		why = xstrdup(_("out of memory"));
		status = EX_OSERR;
		break;
	default:
		why = xasprintf(_("%s: %s"), path, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		status = EX_IOERR;
		break;
	}
	*cause = xasprintf("%s: %s", what, why);
	free(why);
	return status;
}

/* The prepared statement id, reset and unbound, or NULL with *rc set. */
static sqlite3_stmt *
stmt(struct store *s, enum stmt_id id, int *rc)
{
	sqlite3_stmt *st = s->stmts[id];

	if (st == NULL) {
		*rc = sqlite3_prepare_v3(s->db, sql[id], -1, SQLITE_PREPARE_PERSISTENT,
		    &s->stmts[id], NULL);
		if (*rc != SQLITE_OK)
			return NULL;
		return s->stmts[id];
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	*rc = SQLITE_OK;
	return st;
}

/* Ends a use of st, releasing what it holds; returns rc. */
static int
done(sqlite3_stmt *st, int rc)
{
	if (st != NULL)
		sqlite3_reset(st);
	return rc;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return v ? xstrdup((const char *)v) : NULL;
}

/* Strings of records read in bulk, kept in large blocks freed at once. */
struct store_pool {
	char	**blocks;
	size_t	  nblocks;
	char	 *next;
	size_t	  left;
};

#define POOL_BLOCK 65536

/* Column i as a string copied into pool, or allocated on its own when
 * pool is NULL; NULL for SQL NULL. */
static char *
col_copy(sqlite3_stmt *st, int i, struct store_pool *pool)
{
	const unsigned char *v;
	size_t len;
	char *out;

	if (pool == NULL)
		return col_text(st, i);
	if ((v = sqlite3_column_text(st, i)) == NULL)
		return NULL;
	len = (size_t)sqlite3_column_bytes(st, i) + 1;
	if (len > POOL_BLOCK / 4 || len > pool->left) {
		/* A long text gets a block of its own; the current one goes on. */
		bool own = len > POOL_BLOCK / 4;

		pool->blocks = xreallocarray(pool->blocks, pool->nblocks + 1, sizeof(*pool->blocks));
		out = pool->blocks[pool->nblocks++] = xmalloc(own ? len : POOL_BLOCK);
		if (own) {
			memcpy(out, v, len);
			return out;
		}
		pool->next = out;
		pool->left = POOL_BLOCK;
	}
	out = pool->next;
	memcpy(out, v, len);
	pool->next += len;
	pool->left -= len;
	return out;
}

/* Runs a statement that returns no rows; returns the SQLite code. */
static int
exec_stmt(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	return done(st, rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc);
}

/* Fills a record from a row, its strings in pool (or allocated if NULL). */
typedef void row_fn(sqlite3_stmt *st, void *rec, struct store_pool *pool);

/* Reads every row of st into the array *v of records of size bytes (of
 * *cap, grown as needed), each filled by row(); sets *n and returns the
 * SQLite code. On failure *v still holds the rows read. */
static int
read_into(sqlite3_stmt *st, size_t size, row_fn *row, struct store_pool *pool,
    void *v, size_t *cap, size_t *n)
{
	void **arr = v;
	int rc;

	for (*n = 0; (rc = sqlite3_step(st)) == SQLITE_ROW; (*n)++) {
		xgrow(arr, cap, *n + 1, size);
		row(st, (char *)*arr + *n * size, pool);
	}
	done(st, 0);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Reads every row of st into a new array; as read_into otherwise. */
static int
read_rows(sqlite3_stmt *st, size_t size, row_fn *row, void **out, size_t *n)
{
	size_t cap = 0;

	*out = NULL;
	return read_into(st, size, row, NULL, out, &cap, n);
}

/* Creates the missing folders of path's parent, each 0700. */
static int
make_parents(const char *path, char **cause)
{
	char *dir = xstrdup(path), *p;
	int status = 0;

	if ((p = strrchr(dir, '/')) == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				*cause = xasprintf(_("cannot create the folder %s for the database: %s"),
				    dir, strerror(errno));
				status = EX_CANTCREAT;
				break;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return status;
}

/* Checks what is at path before SQLite touches it: creates a new file
 * 0600 when there is none (and we may write), and refuses anything that
 * is not an SQLite file without changing it. */
static int
check_file(const char *path, int flags, char **cause)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	struct stat sb;
	ssize_t n;
	int fd, status;

	if (stat(path, &sb) != 0) {
		if (errno != ENOENT) {
			*cause = xasprintf(_("cannot open the database %s: %s"), path, strerror(errno));
			return EX_IOERR;
		}
		if (flags & STORE_READONLY) {
			*cause = xasprintf(_("there is no database at %s: check --db or AIREJSE_DB"), path);
			return EX_NOINPUT;
		}
		if ((status = make_parents(path, cause)) != 0)
			return status;
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST) {
			*cause = xasprintf(_("cannot create the database %s: %s"), path, strerror(errno));
			return EX_CANTCREAT;
		}
		if (fd >= 0)
			close(fd);
		return 0;
	}
	if (S_ISDIR(sb.st_mode)) {
		*cause = xasprintf(_("%s is a folder, not a database: give the path of a file with --db"), path);
		return EX_DATAERR;
	}
	if (sb.st_size == 0)
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*cause = xasprintf(_("cannot read the database %s: %s"), path, strerror(errno));
		return errno == EACCES ? EX_NOINPUT : EX_IOERR;
	}
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n != (ssize_t)sizeof(head) || memcmp(head, magic, sizeof(magic)) != 0) {
		*cause = xasprintf(_("%s is not an airejse database (not an SQLite file): it was left as it is; check --db or AIREJSE_DB"),
		    path);
		return EX_DATAERR;
	}
	return 0;
}

/* Whether SQLite could not even read path: a file we may not write, in a
 * folder we may not write, without the shared-memory file WAL readers
 * need beside it (it cannot be created there). */
static bool
cannot_lock(const char *path)
{
	char *copy, *shm;
	bool r;

	copy = xstrdup(path);
	shm = xasprintf("%s-shm", path);
	r = access(dirname(copy), W_OK) != 0 && access(shm, F_OK) != 0;
	free(copy);
	free(shm);
	return r;
}

/* A URI that opens path without locks or journals. Only for a file
 * nobody here can change; a change the owner makes meanwhile may not be
 * seen, which is the price of reading it at all. */
static char *
immutable_uri(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	sb_add(&sb, "file:");
	for (p = path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			sb_addf(&sb, "%%%02X", (unsigned char)*p);
		else
			sb_addc(&sb, *p);
	}
	sb_add(&sb, "?immutable=1");
	return sb_detach(&sb);
}

/* One integer from a pragma or query without parameters. */
static int
query_int(struct store *s, const char *q, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(s->db, q, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*out = 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static int
migrate(struct store *s, int target, char **cause)
{
	int64_t v;
	char *q;
	int rc, next;

	for (next = s->version + 1; next <= target; next++) {
		rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return fail(s, rc, _("cannot bring the database up to date"), cause);
		/* Another airejse may have done it while we waited. */
		if ((rc = query_int(s, "PRAGMA user_version", &v)) != SQLITE_OK)
			goto fail;
		if (v >= next) {
			sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
			s->version = (int)v;
			next = (int)v;
			continue;
		}
		if ((rc = sqlite3_exec(s->db, migrations[next - 1], NULL, NULL, NULL)) != SQLITE_OK)
			goto fail;
		q = xasprintf("PRAGMA user_version = %d", next);
		rc = sqlite3_exec(s->db, q, NULL, NULL, NULL);
		free(q);
		if (rc != SQLITE_OK)
			goto fail;
		if ((rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
			goto fail;
		s->version = next;
	}
	return 0;
fail:
	rc = fail(s, rc, _("cannot bring the database up to date"), cause);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Reads the version and refuses what is not ours or is newer. */
static int
check_schema(struct store *s, char **cause)
{
	int64_t version, appid, ntables;
	int rc;

	/* In one read transaction: one look at the file's state, not three
	 * (each a lock taken and given back). */
	rc = sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK && ((rc = query_int(s, "PRAGMA user_version", &version)) != SQLITE_OK ||
	    (rc = query_int(s, "PRAGMA application_id", &appid)) != SQLITE_OK ||
	    (rc = query_int(s, "SELECT count(*) FROM sqlite_master", &ntables)) != SQLITE_OK))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	else if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return fail(s, rc, _("cannot open the database"), cause);
	if (appid != APPLICATION_ID && (appid != 0 || version != 0 || ntables != 0)) {
		*cause = xasprintf(_("%s is an SQLite database of another program, not of airejse: it was left as it is; check --db or AIREJSE_DB"),
		    s->path);
		return EX_DATAERR;
	}
	if (version > STORE_VERSION) {
		*cause = xasprintf(_("%s was written by a newer airejse (database version %lld; this one knows up to %d): it was left as it is; upgrade airejse to open it"),
		    s->path, (long long)version, STORE_VERSION);
		return EX_DATAERR;
	}
	s->version = (int)version;
	return 0;
}

int
store_open_version(const char *path, int flags, int version, struct store **out,
    char **cause)
{
	struct store *s;
	int rc, status, oflags;

	*out = NULL;
	if ((status = check_file(path, flags, cause)) != 0)
		return status;
	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	oflags = (flags & STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	/* One thread uses a store: no lock around every call into SQLite. */
	oflags |= SQLITE_OPEN_NOMUTEX;
	if (cannot_lock(path)) {
		char *uri = immutable_uri(path);

		flags |= STORE_READONLY;
		s->readonly_why = _("its folder is not writable by you, and SQLite keeps its journal there");
		rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
		    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
		free(uri);
	} else {
		rc = sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_EXRESCODE, NULL);
	}
	if (rc != SQLITE_OK) {
		status = fail(s, rc, _("cannot open the database"), cause);
		store_close(s);
		return status;
	}
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if ((status = check_schema(s, cause)) != 0) {
		store_close(s);
		return status;
	}
	/* SQLite opens a file we may not write read-only by itself. */
	s->writable = !(flags & STORE_READONLY) && !sqlite3_db_readonly(s->db, "main");
	if (!s->writable && s->readonly_why == NULL)
		s->readonly_why = (flags & STORE_READONLY) ? _("it was opened for reading only") :
		    _("its file is not writable by you");
	if (s->writable) {
		/* WAL with full sync: a reported commit survives power loss,
		 * and readers never block the writer. */
		rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(s->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			status = fail(s, rc, _("cannot open the database"), cause);
			store_close(s);
			return status;
		}
	}
	rc = sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		status = fail(s, rc, _("cannot open the database"), cause);
		store_close(s);
		return status;
	}
	if (version <= 0 || version > STORE_VERSION)
		version = STORE_VERSION;
	if (s->version < version) {
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
	{
		struct stat sb;

		if (stat(path, &sb) == 0) {
			s->dev = sb.st_dev;
			s->ino = sb.st_ino;
		}
	}
	*out = s;
	return 0;
}

/* A change saved into a file that was deleted (or replaced) since it was
 * opened would vanish with it: refuse, and say so. */
static int
check_same_file(struct store *s, char **cause)
{
	struct stat sb;

	if (s->ino == 0)
		return 0;
	if (stat(s->path, &sb) != 0) {
		*cause = xasprintf(_("cannot save: the database %s was deleted while airejse was running, so a change saved now would be lost with it; nothing was saved: restore the file from a backup, or quit and start again to make a new one"),
		    s->path);
		return EX_IOERR;
	}
	if (sb.st_dev != s->dev || sb.st_ino != s->ino) {
		*cause = xasprintf(_("cannot save: the database %s was replaced by another file while airejse was running; nothing was saved: quit and start again to work on the new file"),
		    s->path);
		return EX_IOERR;
	}
	return 0;
}

int
store_open(const char *path, int flags, struct store **out, char **cause)
{
	return store_open_version(path, flags, STORE_VERSION, out, cause);
}

void
store_close(struct store *s)
{
	size_t i;

	if (s == NULL)
		return;
	if (s->db != NULL && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	for (i = 0; i < S__COUNT; i++)
		sqlite3_finalize(s->stmts[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

bool
store_writable(const struct store *s)
{
	return s->writable;
}

int
store_schema_version(const struct store *s)
{
	return s->version;
}

uint64_t
store_commits(const struct store *s)
{
	return s->commits;
}

int64_t
store_data_version(struct store *s)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	int rc;

	if ((st = stmt(s, S_DATA_VERSION, &rc)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	done(st, 0);
	return v;
}

static int
simple(struct store *s, enum stmt_id id, const char *what, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = stmt(s, id, &rc)) == NULL || (rc = exec_stmt(st)) != SQLITE_OK)
		return fail(s, rc, what, cause);
	return 0;
}

int
store_check_writable(const struct store *s, char **cause)
{
	if (s->writable)
		return 0;
	*cause = xasprintf(_("cannot save: the database %s can only be read here (%s): ask its owner for write access, or work on a copy"),
	    s->path, s->readonly_why);
	return EX_IOERR;
}

int
store_begin(struct store *s, char **cause)
{
	int status;

	if ((status = store_check_writable(s, cause)) != 0)
		return status;
	if ((status = check_same_file(s, cause)) != 0)
		return status;
	return simple(s, S_BEGIN, _("cannot save"), cause);
}

int
store_begin_read(struct store *s, char **cause)
{
	return simple(s, S_BEGIN_READ, _("cannot read the database"), cause);
}

int
store_commit(struct store *s, char **cause)
{
	int status = simple(s, S_COMMIT, _("cannot save"), cause);

	/* A failed COMMIT may leave the transaction open: end it. */
	if (status != 0)
		store_rollback(s);
	else
		s->commits++;
	return status;
}

void
store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Begins a read transaction for a function whose queries must see one
 * state, unless the caller has one open; *began says which, for
 * read_end. */
static int
read_begin(struct store *s, bool *began, char **cause)
{
	*began = sqlite3_get_autocommit(s->db) != 0;
	return *began ? store_begin_read(s, cause) : 0;
}

static void
read_end(struct store *s, bool began)
{
	if (began)
		store_rollback(s);
}

/* Projects. */

static int
name_taken(struct store *s, int rc, const char *name, char **cause)
{
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		*cause = xasprintf(_("there is already a project named '%s': choose another name"), name);
		return EX_DATAERR;
	}
	return fail(s, rc, _("cannot save the project"), cause);
}

int
store_project_add(struct store *s, const char *name, char *const *tracks,
    size_t ntracks, int64_t now, int64_t *id, char **cause)
{
	sqlite3_stmt *st;
	int64_t pid;
	size_t i;
	int rc;

	if ((st = stmt(s, S_PROJECT_ADD, &rc)) == NULL)
		return fail(s, rc, _("cannot save the project"), cause);
	bind_text(st, 1, name);
	sqlite3_bind_int64(st, 2, now);
	if ((rc = exec_stmt(st)) != SQLITE_OK)
		return name_taken(s, rc, name, cause);
	pid = sqlite3_last_insert_rowid(s->db);
	for (i = 0; i < ntracks; i++) {
		if ((st = stmt(s, S_TRACK_ADD, &rc)) == NULL)
			return fail(s, rc, _("cannot save the project"), cause);
		sqlite3_bind_int64(st, 1, pid);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		bind_text(st, 3, tracks[i]);
		if ((rc = exec_stmt(st)) != SQLITE_OK)
			return fail(s, rc, _("cannot save the project"), cause);
	}
	if (id != NULL)
		*id = pid;
	return 0;
}

static void
project_row(sqlite3_stmt *st, void *rec, struct store_pool *pool)
{
	struct project *p = rec;

	memset(p, 0, sizeof(*p));
	p->id = sqlite3_column_int64(st, 0);
	p->name = col_text(st, 1);
	p->created = sqlite3_column_int64(st, 2);
	p->changed = sqlite3_column_int64(st, 3);
}

static void
project_add_track(struct project *p, const char *track)
{
	p->tracks = xreallocarray(p->tracks, p->ntracks + 1, sizeof(*p->tracks));
	p->tracks[p->ntracks++] = xstrdup(track);
}

/* Adds the project's tracks to p; returns the SQLite code. */
static int
read_tracks(struct store *s, struct project *p)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = stmt(s, S_TRACKS_OF, &rc)) == NULL)
		return rc;
	sqlite3_bind_int64(st, 1, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		project_add_track(p, (const char *)sqlite3_column_text(st, 0));
	return done(st, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

/* Reads one project by id or name, with its tracks. */
static int
project_one(struct store *s, enum stmt_id id, int64_t pid, const char *name,
    struct project **out, char **cause)
{
	sqlite3_stmt *st;
	struct project *p;
	int rc;

	*out = NULL;
	if ((st = stmt(s, id, &rc)) == NULL)
		return fail(s, rc, _("cannot read the project"), cause);
	if (name != NULL)
		bind_text(st, 1, name);
	else
		sqlite3_bind_int64(st, 1, pid);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		done(st, 0);
		if (rc != SQLITE_DONE)
			return fail(s, rc, _("cannot read the project"), cause);
		*cause = name != NULL ?
		    xasprintf(_("there is no project named '%s': see 'airejse project list'"), name) :
		    xasprintf(_("there is no project %lld: see 'airejse project list'"), (long long)pid);
		return EX_NOINPUT;
	}
	p = xcalloc(1, sizeof(*p));
	project_row(st, p, NULL);
	done(st, 0);
	if ((rc = read_tracks(s, p)) != SQLITE_OK) {
		project_free(p);
		return fail(s, rc, _("cannot read the project"), cause);
	}
	*out = p;
	return 0;
}

int
store_project_get(struct store *s, int64_t id, struct project **out, char **cause)
{
	return project_one(s, S_PROJECT_GET, id, NULL, out, cause);
}

int
store_project_named(struct store *s, const char *name, struct project **out, char **cause)
{
	return project_one(s, S_PROJECT_NAMED, 0, name, out, cause);
}

int
store_projects(struct store *s, struct project **out, size_t *n, char **cause)
{
	struct project *v;
	size_t nv, i = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((st = stmt(s, S_PROJECTS, &rc)) == NULL)
		return fail(s, rc, _("cannot read the projects"), cause);
	rc = read_rows(st, sizeof(*v), project_row, (void **)&v, &nv);
	if (rc == SQLITE_OK && (st = stmt(s, S_TRACKS_ALL, &rc)) != NULL) {
		/* Both are ordered by project id: merge them. */
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t pid = sqlite3_column_int64(st, 0);

			while (i < nv && v[i].id < pid)
				i++;
			if (i < nv && v[i].id == pid)
				project_add_track(&v[i], (const char *)sqlite3_column_text(st, 1));
		}
		rc = done(st, rc == SQLITE_DONE ? SQLITE_OK : rc);
	}
	if (rc != SQLITE_OK) {
		projects_free(v, nv);
		return fail(s, rc, _("cannot read the projects"), cause);
	}
	*out = v;
	*n = nv;
	return 0;
}

int
store_project_count(struct store *s, size_t *n, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if ((st = stmt(s, S_PROJECT_COUNT, &rc)) == NULL)
		return fail(s, rc, _("cannot read the projects"), cause);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = (size_t)sqlite3_column_int64(st, 0);
	done(st, 0);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(s, rc, _("cannot read the projects"), cause);
	return 0;
}

int
store_projects_by_change(struct store *s, size_t offset, size_t limit,
    struct project **out, size_t *n, char **cause)
{
	struct project *v = NULL;
	sqlite3_stmt *st;
	size_t nv = 0, i;
	bool began;
	int rc, status;

	*out = NULL;
	*n = 0;
	/* The projects and their tracks as of one moment. */
	if ((status = read_begin(s, &began, cause)) != 0)
		return status;
	if ((st = stmt(s, S_PROJECTS_BY_CHANGE, &rc)) != NULL) {
		sqlite3_bind_int64(st, 1, offset > INT64_MAX ? INT64_MAX : (int64_t)offset);
		sqlite3_bind_int64(st, 2, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
		rc = read_rows(st, sizeof(*v), project_row, (void **)&v, &nv);
	}
	for (i = 0; rc == SQLITE_OK && i < nv; i++)
		rc = read_tracks(s, &v[i]);
	read_end(s, began);
	if (rc != SQLITE_OK) {
		projects_free(v, nv);
		return fail(s, rc, _("cannot read the projects"), cause);
	}
	*out = v;
	*n = nv;
	return 0;
}

int
store_project_rank(struct store *s, int64_t id, size_t *rank, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	*rank = 0;
	if ((st = stmt(s, S_PROJECT_RANK, &rc)) == NULL)
		return fail(s, rc, _("cannot read the projects"), cause);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*rank = (size_t)sqlite3_column_int64(st, 0);
	done(st, 0);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return fail(s, rc, _("cannot read the projects"), cause);
	*cause = xasprintf(_("there is no project %lld: see 'airejse project list'"), (long long)id);
	return EX_NOINPUT;
}

/* Runs an update of one project; EX_NOINPUT when there is none. */
static int
project_update(struct store *s, enum stmt_id id, int64_t pid, const char *name,
    int64_t now, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = stmt(s, id, &rc)) == NULL)
		return fail(s, rc, _("cannot save the project"), cause);
	sqlite3_bind_int64(st, 1, pid);
	if (id == S_PROJECT_RENAME) {
		bind_text(st, 2, name);
		sqlite3_bind_int64(st, 3, now);
	} else if (id == S_PROJECT_TOUCH) {
		sqlite3_bind_int64(st, 2, now);
	}
	if ((rc = exec_stmt(st)) != SQLITE_OK)
		return name != NULL ? name_taken(s, rc, name, cause) :
		    fail(s, rc, _("cannot save the project"), cause);
	if (sqlite3_changes(s->db) == 0) {
		*cause = xasprintf(_("there is no project %lld: see 'airejse project list'"), (long long)pid);
		return EX_NOINPUT;
	}
	return 0;
}

int
store_project_rename(struct store *s, int64_t id, const char *name, int64_t now, char **cause)
{
	return project_update(s, S_PROJECT_RENAME, id, name, now, cause);
}

int
store_project_touch(struct store *s, int64_t id, int64_t now, char **cause)
{
	return project_update(s, S_PROJECT_TOUCH, id, NULL, now, cause);
}

int
store_project_delete(struct store *s, int64_t id, char **cause)
{
	return project_update(s, S_PROJECT_DELETE, id, NULL, 0, cause);
}

/* Answers. */

static enum answer_kind
kind_parse(const char *s)
{
	if (s != NULL && strcmp(s, "value") == 0)
		return ANSWER_VALUE;
	if (s != NULL && strcmp(s, "dontknow") == 0)
		return ANSWER_DONTKNOW;
	return ANSWER_NONE;
}

static enum source
source_col(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	enum source src = SOURCE_CLI;

	if (v != NULL)
		source_parse(v, &src);
	return src;
}

/* Fills an answer from ANSWER_COLS, its strings in pool (or allocated). */
static void
answer_fill(sqlite3_stmt *st, void *rec, struct store_pool *pool)
{
	struct answer *a = rec;

	memset(a, 0, sizeof(*a));
	a->question = col_copy(st, 0, pool);
	a->kind = kind_parse((const char *)sqlite3_column_text(st, 1));
	a->value = a->kind == ANSWER_VALUE ? col_copy(st, 2, pool) : NULL;
	/* S_PROGRESS_ANSWERS stops at the value. */
	if (sqlite3_column_count(st) <= 3)
		return;
	a->revision = sqlite3_column_int64(st, 3);
	a->time = sqlite3_column_int64(st, 4);
	a->user = col_copy(st, 5, pool);
	a->source = source_col(st, 6);
}

int
store_answers(struct store *s, int64_t project, struct answer **out, size_t *n,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((st = stmt(s, S_ANSWERS, &rc)) != NULL) {
		sqlite3_bind_int64(st, 1, project);
		rc = read_rows(st, sizeof(**out), answer_fill, (void **)out, n);
	}
	if (rc != SQLITE_OK) {
		answers_free(*out, *n);
		*out = NULL;
		*n = 0;
		return fail(s, rc, _("cannot read the answers"), cause);
	}
	return 0;
}

int
store_answer(struct store *s, int64_t project, const char *question,
    struct answer *out, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((st = stmt(s, S_ANSWER_GET, &rc)) == NULL)
		return fail(s, rc, _("cannot read the answer"), cause);
	sqlite3_bind_int64(st, 1, project);
	bind_text(st, 2, question);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		answer_fill(st, out, NULL);
	else
		out->question = xstrdup(question);
	done(st, 0);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		answer_clear(out);
		return fail(s, rc, _("cannot read the answer"), cause);
	}
	return 0;
}

int
store_answer_set(struct store *s, int64_t project, const char *question,
    enum answer_kind kind, const char *value, int64_t now, const char *user,
    enum source source, int64_t *revision, char **cause)
{
	struct answer old;
	sqlite3_stmt *st;
	int rc, status;

	if ((status = store_answer(s, project, question, &old, cause)) != 0)
		return status;
	if (kind != ANSWER_VALUE)
		value = NULL;
	if ((st = stmt(s, S_ANSWER_PUT, &rc)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, project);
	bind_text(st, 2, question);
	bind_text(st, 3, answer_kind_name(kind));
	bind_text(st, 4, value);
	sqlite3_bind_int64(st, 5, old.revision + 1);
	sqlite3_bind_int64(st, 6, now);
	bind_text(st, 7, user);
	bind_text(st, 8, source_name(source));
	if ((rc = exec_stmt(st)) != SQLITE_OK)
		goto fail;
	if ((st = stmt(s, S_ANSWER_EVENT, &rc)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, project);
	bind_text(st, 2, question);
	bind_text(st, 3, answer_kind_name(old.kind));
	bind_text(st, 4, old.value);
	bind_text(st, 5, answer_kind_name(kind));
	bind_text(st, 6, value);
	sqlite3_bind_int64(st, 7, old.revision + 1);
	sqlite3_bind_int64(st, 8, now);
	bind_text(st, 9, user);
	bind_text(st, 10, source_name(source));
	if ((rc = exec_stmt(st)) != SQLITE_OK)
		goto fail;
	if (revision != NULL)
		*revision = old.revision + 1;
	answer_clear(&old);
	return 0;
fail:
	answer_clear(&old);
	/* A project deleted meanwhile shows as a foreign key failure. */
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		*cause = xasprintf(_("there is no project %lld: see 'airejse project list'"), (long long)project);
		return EX_NOINPUT;
	}
	return fail(s, rc, _("cannot save the answer"), cause);
}

static void
answer_event_row(sqlite3_stmt *st, void *rec, struct store_pool *pool)
{
	struct answer_event *e = rec;

	memset(e, 0, sizeof(*e));
	e->id = sqlite3_column_int64(st, 0);
	e->question = col_text(st, 1);
	e->old_kind = kind_parse((const char *)sqlite3_column_text(st, 2));
	e->old_value = col_text(st, 3);
	e->new_kind = kind_parse((const char *)sqlite3_column_text(st, 4));
	e->new_value = col_text(st, 5);
	e->revision = sqlite3_column_int64(st, 6);
	e->time = sqlite3_column_int64(st, 7);
	e->user = col_text(st, 8);
	e->source = source_col(st, 9);
}

int
store_answer_history(struct store *s, int64_t project, const char *question,
    struct answer_event **out, size_t *n, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((st = stmt(s, question ? S_HISTORY_OF : S_HISTORY_ALL, &rc)) != NULL) {
		sqlite3_bind_int64(st, 1, project);
		if (question != NULL)
			bind_text(st, 2, question);
		rc = read_rows(st, sizeof(**out), answer_event_row, (void **)out, n);
	}
	if (rc != SQLITE_OK) {
		answer_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return fail(s, rc, _("cannot read the history"), cause);
	}
	return 0;
}

/* Hand-offs. */

static enum handoff_state
state_col(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	enum handoff_state hs = HANDOFF_RAISED;

	if (v != NULL)
		handoff_state_parse(v, &hs);
	return hs;
}

/* Fills a hand-off from HANDOFF_COLS, its strings in pool (or allocated). */
static void
handoff_fill(sqlite3_stmt *st, void *rec, struct store_pool *pool)
{
	struct handoff *h = rec;

	memset(h, 0, sizeof(*h));
	h->id = sqlite3_column_int64(st, 0);
	h->project = sqlite3_column_int64(st, 1);
	h->rule = col_copy(st, 2, pool);
	h->role = col_copy(st, 3, pool);
	h->state = state_col(st, 4);
	/* S_PROGRESS_HANDOFFS stops at the state. */
	if (sqlite3_column_count(st) <= 5)
		return;
	h->due = col_copy(st, 5, pool);
	h->contact = col_copy(st, 6, pool);
	h->note = col_copy(st, 7, pool);
	h->raised = sqlite3_column_int64(st, 8);
	h->changed = sqlite3_column_int64(st, 9);
}

static int
cmp_handoff_id(const void *a, const void *b)
{
	const struct handoff *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

int
store_handoffs(struct store *s, int64_t project, struct handoff **out, size_t *n,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((st = stmt(s, project ? S_HANDOFFS_OF : S_HANDOFFS_ALL, &rc)) != NULL) {
		if (project)
			sqlite3_bind_int64(st, 1, project);
		rc = read_rows(st, sizeof(**out), handoff_fill, (void **)out, n);
		if (rc == SQLITE_OK && project && *n > 1)
			qsort(*out, *n, sizeof(**out), cmp_handoff_id);
	}
	if (rc != SQLITE_OK) {
		handoffs_free(*out, *n);
		*out = NULL;
		*n = 0;
		return fail(s, rc, _("cannot read the hand-offs"), cause);
	}
	return 0;
}

static int
handoff_one(struct store *s, int64_t id, int64_t project, const char *rule,
    struct handoff **out, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if ((st = stmt(s, rule ? S_HANDOFF_GET : S_HANDOFF_BY_ID, &rc)) == NULL)
		return fail(s, rc, _("cannot read the hand-off"), cause);
	if (rule != NULL) {
		sqlite3_bind_int64(st, 1, project);
		bind_text(st, 2, rule);
	} else {
		sqlite3_bind_int64(st, 1, id);
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = xcalloc(1, sizeof(**out));
		handoff_fill(st, *out, NULL);
	}
	done(st, 0);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return fail(s, rc, _("cannot read the hand-off"), cause);
	*cause = rule ?
	    xasprintf(_("the project has no hand-off '%s': see 'airejse handoffs'"), rule) :
	    xasprintf(_("there is no hand-off %lld"), (long long)id);
	return EX_NOINPUT;
}

int
store_handoff_get(struct store *s, int64_t project, const char *rule,
    struct handoff **out, char **cause)
{
	return handoff_one(s, 0, project, rule, out, cause);
}

static int
handoff_event(struct store *s, int64_t id, int old, enum handoff_state new,
    const char *note, const char *due, int64_t now, const char *user,
    enum source source)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = stmt(s, S_HANDOFF_EVENT, &rc)) == NULL)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, old < 0 ? NULL : handoff_state_name((enum handoff_state)old));
	bind_text(st, 3, handoff_state_name(new));
	bind_text(st, 4, note);
	bind_text(st, 5, due);
	sqlite3_bind_int64(st, 6, now);
	bind_text(st, 7, user);
	bind_text(st, 8, source_name(source));
	return exec_stmt(st);
}

int
store_handoff_raise(struct store *s, int64_t project, const char *rule,
    const char *role, const char *contact, int64_t now, const char *user,
    enum source source, int64_t *id, char **cause)
{
	sqlite3_stmt *st;
	int64_t hid;
	int rc;

	if ((st = stmt(s, S_HANDOFF_ADD, &rc)) == NULL)
		return fail(s, rc, _("cannot save the hand-off"), cause);
	sqlite3_bind_int64(st, 1, project);
	bind_text(st, 2, rule);
	bind_text(st, 3, role);
	bind_text(st, 4, contact);
	sqlite3_bind_int64(st, 5, now);
	if ((rc = exec_stmt(st)) != SQLITE_OK)
		return fail(s, rc, _("cannot save the hand-off"), cause);
	hid = sqlite3_last_insert_rowid(s->db);
	rc = handoff_event(s, hid, -1, HANDOFF_RAISED, NULL, NULL, now, user, source);
	if (rc != SQLITE_OK)
		return fail(s, rc, _("cannot save the hand-off"), cause);
	if (id != NULL)
		*id = hid;
	return 0;
}

int
store_handoff_set(struct store *s, int64_t id, enum handoff_state state,
    const char *due, const char *contact, const char *note, int64_t now,
    const char *user, enum source source, char **cause)
{
	struct handoff *old;
	sqlite3_stmt *st;
	int rc, status;

	if ((status = handoff_one(s, id, 0, NULL, &old, cause)) != 0)
		return status;
	if ((st = stmt(s, S_HANDOFF_SET, &rc)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, handoff_state_name(state));
	bind_text(st, 3, due);
	bind_text(st, 4, contact);
	bind_text(st, 5, note);
	sqlite3_bind_int64(st, 6, now);
	if ((rc = exec_stmt(st)) != SQLITE_OK)
		goto fail;
	rc = handoff_event(s, id, (int)old->state, state, note, due, now, user, source);
	if (rc != SQLITE_OK)
		goto fail;
	handoff_free(old);
	return 0;
fail:
	handoff_free(old);
	return fail(s, rc, _("cannot save the hand-off"), cause);
}

static void
handoff_event_row(sqlite3_stmt *st, void *rec, struct store_pool *pool)
{
	struct handoff_event *e = rec;
	const char *old;
	enum handoff_state hs;

	memset(e, 0, sizeof(*e));
	e->id = sqlite3_column_int64(st, 0);
	e->handoff = sqlite3_column_int64(st, 1);
	old = (const char *)sqlite3_column_text(st, 2);
	e->old_state = old != NULL && handoff_state_parse(old, &hs) == 0 ? (int)hs : -1;
	e->new_state = state_col(st, 3);
	e->note = col_text(st, 4);
	e->due = col_text(st, 5);
	e->time = sqlite3_column_int64(st, 6);
	e->user = col_text(st, 7);
	e->source = source_col(st, 8);
}

int
store_handoff_history(struct store *s, int64_t handoff, struct handoff_event **out,
    size_t *n, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((st = stmt(s, S_HANDOFF_HISTORY, &rc)) != NULL) {
		sqlite3_bind_int64(st, 1, handoff);
		rc = read_rows(st, sizeof(**out), handoff_event_row, (void **)out, n);
	}
	if (rc != SQLITE_OK) {
		handoff_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return fail(s, rc, _("cannot read the history"), cause);
	}
	return 0;
}

/* Every project in turn. */

/* A statement walked in step with the projects: its rows come ordered by
 * the project id in column pcol. */
struct walk {
	sqlite3_stmt	*st;
	int		 pcol;
	int		 rc;	/* of the last step: SQLITE_ROW while on a row */
};

/* Starts w at the first row of project from or later; returns the SQLite
 * code. */
static int
walk_start(struct store *s, struct walk *w, enum stmt_id id, int pcol, int64_t from)
{
	int rc;

	if ((w->st = stmt(s, id, &rc)) == NULL)
		return rc;
	sqlite3_bind_int64(w->st, 1, from);
	w->pcol = pcol;
	w->rc = sqlite3_step(w->st);
	return w->rc == SQLITE_ROW || w->rc == SQLITE_DONE ? SQLITE_OK : w->rc;
}

/* Whether w is on a row of project pid, after passing over the rows of
 * projects before it (none while the foreign keys hold). */
static bool
walk_at(struct walk *w, int64_t pid)
{
	while (w->rc == SQLITE_ROW) {
		int64_t p = sqlite3_column_int64(w->st, w->pcol);

		if (p == pid)
			return true;
		if (p > pid)
			return false;
		w->rc = sqlite3_step(w->st);
	}
	return false;
}

static void
walk_next(struct walk *w)
{
	w->rc = sqlite3_step(w->st);
}

/* The SQLite code of a walk that went wrong, else SQLITE_OK. */
static int
walk_error(const struct walk *w)
{
	return w->rc == SQLITE_ROW || w->rc == SQLITE_DONE ? SQLITE_OK : w->rc;
}

static void
pool_clear(struct store_pool *pool)
{
	size_t i;

	for (i = 0; i < pool->nblocks; i++)
		free(pool->blocks[i]);
	pool->nblocks = 0;
	pool->next = NULL;
	pool->left = 0;
}

/* Ends a reading of projects one at a time: frees the arrays of cur and
 * the pool's blocks, and returns status, or the failure rc. */
static int
each_end(struct store *s, struct store_project *cur, struct store_pool *pool, int rc,
    int status, char **cause)
{
	free(cur->answers);
	free(cur->handoffs);
	free(pool->blocks);
	if (rc != SQLITE_OK)
		return fail(s, rc, _("cannot read the projects"), cause);
	return status;
}

int
store_each_project(struct store *s, int64_t from,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause)
{
	enum { W_PROJECT, W_TRACK, W_ANSWER, W_HANDOFF, W__COUNT };
	static const struct {
		enum stmt_id	id;
		int		pcol;
	} walks[W__COUNT] = {
		[W_PROJECT] = { S_EACH_PROJECT, 0 },
		[W_TRACK] = { S_EACH_TRACK, 0 },
		[W_ANSWER] = { S_EACH_ANSWER, 7 },
		[W_HANDOFF] = { S_EACH_HANDOFF, 1 },
	};
	struct walk w[W__COUNT];
	struct store_pool pool = { 0 };
	struct store_project cur;
	struct project p;
	size_t acap = 0, hcap = 0, i;
	int rc = SQLITE_OK, status = 0;

	memset(&cur, 0, sizeof(cur));
	memset(w, 0, sizeof(w));
	for (i = 0; i < W__COUNT && rc == SQLITE_OK; i++)
		rc = walk_start(s, &w[i], walks[i].id, walks[i].pcol, from);
	cur.project = &p;
	while (rc == SQLITE_OK && status == 0 && w[W_PROJECT].rc == SQLITE_ROW) {
		project_row(w[W_PROJECT].st, &p, NULL);
		for (; walk_at(&w[W_TRACK], p.id); walk_next(&w[W_TRACK]))
			project_add_track(&p, (const char *)sqlite3_column_text(w[W_TRACK].st, 1));
		/* By question already: the answers are kept in that order. */
		for (cur.nanswers = 0; walk_at(&w[W_ANSWER], p.id); walk_next(&w[W_ANSWER])) {
			xgrow(&cur.answers, &acap, cur.nanswers + 1, sizeof(*cur.answers));
			answer_fill(w[W_ANSWER].st, &cur.answers[cur.nanswers++], &pool);
		}
		for (cur.nhandoffs = 0; walk_at(&w[W_HANDOFF], p.id); walk_next(&w[W_HANDOFF])) {
			xgrow(&cur.handoffs, &hcap, cur.nhandoffs + 1, sizeof(*cur.handoffs));
			handoff_fill(w[W_HANDOFF].st, &cur.handoffs[cur.nhandoffs++], &pool);
		}
		if (cur.nhandoffs > 1)
			qsort(cur.handoffs, cur.nhandoffs, sizeof(*cur.handoffs), cmp_handoff_id);
		for (i = 0; i < W__COUNT && rc == SQLITE_OK; i++)
			rc = walk_error(&w[i]);
		if (rc == SQLITE_OK)
			status = fn(&cur, arg);
		project_clear(&p);
		pool_clear(&pool);
		if (rc == SQLITE_OK && status == 0) {
			walk_next(&w[W_PROJECT]);
			rc = walk_error(&w[W_PROJECT]);
		}
	}
	/* Every statement reset, so that no read lock outlives the call. */
	for (i = 0; i < W__COUNT; i++)
		done(w[i].st, 0);
	return each_end(s, &cur, &pool, rc, status, cause);
}

int
store_each_progress(struct store *s, const int64_t *ids, size_t n,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause)
{
	struct store_pool pool = { 0 };
	struct store_project cur;
	sqlite3_stmt *st;
	size_t acap = 0, hcap = 0, i;
	bool began;
	int rc = SQLITE_OK, status;

	memset(&cur, 0, sizeof(cur));
	if ((status = read_begin(s, &began, cause)) != 0)
		return status;
	for (i = 0; i < n && rc == SQLITE_OK && status == 0; i++) {
		if ((status = store_project_get(s, ids[i], &cur.project, cause)) == EX_NOINPUT) {
			/* Deleted meanwhile: not there, as for the walk. */
			xfree(*cause);
			status = 0;
			continue;
		}
		if (status != 0)
			break;
		if ((st = stmt(s, S_PROGRESS_ANSWERS, &rc)) != NULL) {
			sqlite3_bind_int64(st, 1, ids[i]);
			rc = read_into(st, sizeof(*cur.answers), answer_fill, &pool,
			    &cur.answers, &acap, &cur.nanswers);
		}
		if (rc == SQLITE_OK && (st = stmt(s, S_PROGRESS_HANDOFFS, &rc)) != NULL) {
			sqlite3_bind_int64(st, 1, ids[i]);
			rc = read_into(st, sizeof(*cur.handoffs), handoff_fill, &pool,
			    &cur.handoffs, &hcap, &cur.nhandoffs);
			if (cur.nhandoffs > 1)
				qsort(cur.handoffs, cur.nhandoffs, sizeof(*cur.handoffs),
				    cmp_handoff_id);
		}
		if (rc == SQLITE_OK)
			status = fn(&cur, arg);
		project_free(cur.project);
		cur.project = NULL;
		pool_clear(&pool);
	}
	read_end(s, began);
	return each_end(s, &cur, &pool, rc, status, cause);
}

/* Backup. */

/* Makes what was written to path, and its name in its folder, durable. */
static int
sync_file(const char *path)
{
	char *copy = xstrdup(path);
	int fd, rc = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fsync(fd) != 0)
		rc = -1;
	if (fd >= 0)
		close(fd);
	if (rc == 0 && (fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
	return rc;
}

int
store_backup(struct store *s, const char *dest, bool force, char **cause)
{
	sqlite3 *bdb = NULL;
	sqlite3_backup *b;
	struct stat sb, db;
	char *tmp;
	int fd, rc, status = 0;

	if (stat(dest, &sb) == 0) {
		if (stat(s->path, &db) == 0 && sb.st_dev == db.st_dev && sb.st_ino == db.st_ino) {
			*cause = xasprintf(_("cannot back up to %s: that is the database itself: give another file"), dest);
			return EX_CANTCREAT;
		}
		if (!force) {
			*cause = xasprintf(_("%s exists: give another file, or add --force to replace it"), dest);
			return EX_CANTCREAT;
		}
		if (S_ISDIR(sb.st_mode)) {
			*cause = xasprintf(_("cannot back up to %s: it is a folder: give a file name"), dest);
			return EX_CANTCREAT;
		}
	}
	/* Written beside the target and renamed into place, so an old
	 * backup is never half overwritten. */
	tmp = xasprintf("%s.tmp-XXXXXX", dest);
	if ((fd = mkstemp(tmp)) < 0) {
		*cause = xasprintf(_("cannot create %s: %s"), dest, strerror(errno));
		free(tmp);
		return EX_CANTCREAT;
	}
	fchmod(fd, 0600);
	close(fd);
	rc = sqlite3_open_v2(tmp, &bdb, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc == SQLITE_OK) {
		if ((b = sqlite3_backup_init(bdb, "main", s->db, "main")) == NULL) {
			rc = sqlite3_errcode(bdb);
		} else {
			do {
				rc = sqlite3_backup_step(b, -1);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
					sqlite3_sleep(50);
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			sqlite3_backup_finish(b);
			if (rc == SQLITE_DONE)
				rc = sqlite3_errcode(bdb);
		}
	}
	/* The copy is a single file: no WAL beside it. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(bdb, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		char *why = xstrdup(bdb ? sqlite3_errmsg(bdb) : sqlite3_errstr(rc));

		*cause = xasprintf(_("cannot back up to %s: %s"), dest, why);
		free(why);
		status = (rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR ? EX_IOERR : EX_CANTCREAT;
	}
	sqlite3_close(bdb);
	if (status == 0 && (sync_file(tmp) != 0 || rename(tmp, dest) != 0)) {
		*cause = xasprintf(_("cannot back up to %s: %s"), dest, strerror(errno));
		status = EX_IOERR;
	}
	if (status != 0)
		unlink(tmp);
	else
		sync_file(dest);
	free(tmp);
	return status;
}
