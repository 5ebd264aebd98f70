/* SPDX-License-Identifier: EUPL-1.2 */
/* The SQLite driver (db.h): the one file that knows SQLite. A database
 * is one file; its journal (the write-ahead log) and shared memory lie
 * beside it. Every statement is prepared once and kept, and reset after
 * each use so that no read lock outlives a call. */
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
#include <sys/vfs.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/db-driver.h"
#include "airejse/i18n.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"

/* "aire": marks the file as ours, so another program's SQLite file is
 * recognised and left alone. */
#define APPLICATION_ID 0x61697265

/* How long a writer waits for another one before giving up. */
#define BUSY_TIMEOUT_MS 10000

/* The words of a schema that are SQLite's own (db_exec_schema). */
static const struct db_word dialect[] = {
	{ "{key}", "INTEGER PRIMARY KEY" },
	{ "{int}", "INTEGER" },
	{ "{user}", "user" },
	{ "{without_rowid}", " WITHOUT ROWID" },
};

struct sq_stmt {
	struct db_stmt	 base;
	const char	*sql;		/* the key it was prepared for */
	sqlite3_stmt	*st;
	struct sq	*db;
};

struct sq {
	struct db	 base;
	sqlite3		*sq;
	char		*path;
	const char	*readonly_why;	/* NULL: writable */
	dev_t		 dev;		/* the file opened, to notice it being */
	ino_t		 ino;		/* deleted or replaced under us */
	struct sq_stmt	**stmts;	/* prepared, by first use; each on its own,
					 * as callers hold them while more come */
	size_t		 nstmts, cap;
	char		*errmsg;	/* the last failure's, when not SQLite's */
	bool		 unlocked;	/* opened without locks, to read a log */
};

static void sq_rollback(struct db *d);
static bool sq_in_transaction(struct db *d);
static struct db_stmt *sq_prepare(struct db *d, const char *sql, enum db_rc *rc);
static enum db_rc sq_step(struct db_stmt *s);
static void sq_reset(struct db_stmt *s);
static int64_t sq_int(struct db_stmt *s, int i);

/* Whether the disk that holds path has (next to) no room left. SQLite
 * reports a full disk as SQLITE_FULL only when a write fails; creating
 * the shared-memory file or the journal shows up as an I/O error. */
static bool
disk_full(struct sq *db)
{
	struct statvfs vfs;
	char *dir, *slash;
	bool full;

	if (db->sq != NULL && sqlite3_system_errno(db->sq) == ENOSPC)
		return true;
	dir = xstrdup(db->path);
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
size_limited(struct sq *db)
{
	static const char *const suffix[] = { "", "-wal" };
	struct rlimit rl;
	struct stat sb;
	size_t i;

	if (db->sq != NULL && sqlite3_system_errno(db->sq) == EFBIG)
		return true;
	if (getrlimit(RLIMIT_FSIZE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return false;
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		char *p = xasprintf("%s%s", db->path, suffix[i]);
		bool at_limit = stat(p, &sb) == 0 &&
		    (unsigned long long)sb.st_size + 65536 >= (unsigned long long)rl.rlim_cur;

		free(p);
		if (at_limit)
			return true;
	}
	return false;
}

/* Whether the failure is a write-ahead log beside a database opened
 * without locks that cannot be read: it holds changes newer than the
 * file, which must not be shown without them. */
static bool
unreadable_log(struct sq *db)
{
	char *wal;
	bool r;

	if (!db->unlocked)
		return false;
	wal = xasprintf("%s-wal", db->path);
	r = access(wal, R_OK) != 0;
	if (r)
		db->errmsg = xasprintf(_("they are in %s, which you may not read; airejse shows nothing rather than an older state: ask the owner to open the database once where it can be written, or to let you read that file"),
		    wal);
	free(wal);
	return r;
}

/* The kind of failure of an SQLite result code. */
static enum db_rc
classify(struct sq *db, int rc)
{
	int primary = rc & 0xff;

	xfree(db->errmsg);
	if ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) && disk_full(db))
		primary = SQLITE_FULL;
	if ((primary == SQLITE_IOERR || primary == SQLITE_FULL) && size_limited(db))
		return DB_ETOOBIG;
	switch (primary) {
	case SQLITE_OK:
		return DB_OK;
	case SQLITE_ROW:
		return DB_ROW;
	case SQLITE_DONE:
		return DB_DONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return DB_EBUSY;
	case SQLITE_READONLY:
		return DB_EREADONLY;
	case SQLITE_FULL:
		return DB_EFULL;
	case SQLITE_NOTADB:
		return DB_ENOTADB;
	case SQLITE_CORRUPT:
		db->errmsg = xstrdup(sqlite3_errstr(rc));
		return DB_ECORRUPT;
	case SQLITE_CANTOPEN:
		return unreadable_log(db) ? DB_ESTALE : DB_ECANTOPEN;
	case SQLITE_NOMEM:
		return DB_ENOMEM;
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return DB_EUNIQUE;
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return DB_EFOREIGN;
		return DB_EIO;
	default:
		return DB_EIO;
	}
}

static const char *
sq_errmsg(struct db *d)
{
	struct sq *db = (struct sq *)d;

	if (db->errmsg != NULL)
		return db->errmsg;
	return db->sq != NULL ? sqlite3_errmsg(db->sq) : "";
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

const char *
db_network_fs(unsigned long type)
{
	/* From linux/magic.h and the file systems' own sources. */
	static const struct {
		unsigned long	 type;
		const char	*name;
	} fs[] = {
		{ 0x6969, "NFS" },
		{ 0x517B, "SMB" },
		{ 0xFF534D42, "CIFS" },
		{ 0xFE534D42, "SMB2" },
		{ 0x73757245, "Coda" },
		{ 0x5346414F, "AFS" },
		{ 0x6B414653, "AFS" },
		{ 0x00C36400, "Ceph" },
		{ 0x01021997, "9P" },
		{ 0x564C, "NCP" },
		{ 0x0BD00BD0, "Lustre" },
		{ 0x47504653, "GPFS" },
	};
	size_t i;

	for (i = 0; i < sizeof(fs) / sizeof(fs[0]); i++)
		if (fs[i].type == (type & 0xFFFFFFFFUL))
			return fs[i].name;
	return NULL;
}

/* SQLite's locks are not to be trusted on a network file system, and
 * its write-ahead log does not work there: two users of one file could
 * damage it. Reading it stays possible (to copy it to a server). */
static int
refuse_network(const char *path, char **cause)
{
	struct statfs sf;
	const char *name;

	if (statfs(path, &sf) != 0 || (name = db_network_fs((unsigned long)sf.f_type)) == NULL)
		return 0;
	*cause = xasprintf(_("%s is on a network drive (%s), where SQLite's locks cannot be trusted and its journal does not work, so that two users could damage it: keep the file on this computer's own disk, or share the projects on a PostgreSQL server (airejse db copy %s postgresql://...; see 'man airejse')"),
	    path, name, path);
	return EX_UNAVAILABLE;
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
		/* A link to nothing: SQLite would fail to open it, and a new
		 * file would go where the link points, not where the user
		 * looked. */
		if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
			char target[4096];
			ssize_t len = readlink(path, target, sizeof(target) - 1);

			target[len > 0 ? len : 0] = '\0';
			*cause = xasprintf(_("%s is a link to %s, which does not exist: mend the link, or give the database's own path with --db"),
			    path, target);
			return EX_NOINPUT;
		}
		if (flags & DB_READONLY) {
			*cause = xasprintf(_("there is no database at %s: check --db or AIREJSE_DB"), path);
			return EX_NOINPUT;
		}
		if (flags & DB_NOCREATE) {
			*cause = xasprintf(_("there is no database at %s: check --db or AIREJSE_DB (a command that only reads makes none; 'project new' or the terminal program makes a new one)"),
			    path);
			return EX_NOINPUT;
		}
		if ((status = make_parents(path, cause)) != 0)
			return status;
		{
			char *copy = xstrdup(path);

			status = refuse_network(dirname(copy), cause);
			free(copy);
			if (status != 0)
				return status;
		}
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
	/* A device, a pipe or a socket: SQLite would write its journal
	 * beside it (/dev/null-journal). */
	if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf(_("%s is not a file but a device, a pipe or a socket, which cannot hold a database: give the path of a file with --db"),
		    path);
		return EX_DATAERR;
	}
	if (!(flags & DB_READONLY) && (status = refuse_network(path, cause)) != 0)
		return status;
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

/* A URI that opens path without locks or journals: for a file nobody
 * here can change and no write-ahead log beside it (open_unlocked). */
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

/* Opens path where SQLite cannot lock it (cannot_lock). Opened as
 * immutable it would ignore a write-ahead log beside the file and show
 * an older state without a word; so where there is one: no locks (the
 * "unix-none" VFS; nobody here can change the file) and exclusive
 * locking mode, which keeps the log's index in this process's memory
 * instead of the -shm file, and the log is read as a writer reads it.
 * A change the owner makes meanwhile may not be seen, the price of
 * reading at all. */
static int
open_unlocked(struct sq *db)
{
	char *wal = xasprintf("%s-wal", db->path), *uri;
	int rc;

	db->unlocked = access(wal, F_OK) == 0;
	free(wal);
	if (db->unlocked) {
		rc = sqlite3_open_v2(db->path, &db->sq, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, "unix-none");
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db->sq, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
		return rc;
	}
	uri = immutable_uri(db->path);
	rc = sqlite3_open_v2(uri, &db->sq, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
	free(uri);
	return rc;
}

static int
sq_check_path(const char *path, int flags, char **cause)
{
	return check_file(path, flags, cause);
}

static enum db_rc
sq_open(const char *path, int flags, struct db **out)
{
	struct sq *db;
	struct stat sb;
	int rc;

	db = xcalloc(1, sizeof(*db));
	db->base.drv = &db_sqlite_driver;
	*out = &db->base;
	db->path = xstrdup(path);
	if (cannot_lock(path)) {
		db->readonly_why = _("its folder is not writable by you, and SQLite keeps its journal there");
		rc = open_unlocked(db);
	} else {
		/* One thread uses a store: no lock around every call into
		 * SQLite. */
		rc = sqlite3_open_v2(path, &db->sq, ((flags & DB_READONLY) ? SQLITE_OPEN_READONLY :
		    SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
	}
	if (rc != SQLITE_OK)
		return classify(db, rc);
	sqlite3_busy_timeout(db->sq, BUSY_TIMEOUT_MS);
	/* SQLite opens a file we may not write read-only by itself. */
	if (db->readonly_why == NULL && (flags & DB_READONLY))
		db->readonly_why = _("it was opened for reading only");
	else if (db->readonly_why == NULL && sqlite3_db_readonly(db->sq, "main"))
		db->readonly_why = _("its file is not writable by you");
	if (stat(path, &sb) == 0) {
		db->dev = sb.st_dev;
		db->ino = sb.st_ino;
	}
	return DB_OK;
}

static void
sq_close(struct db *d)
{
	struct sq *db = (struct sq *)d;
	size_t i;

	if (db == NULL)
		return;
	sq_rollback(d);
	for (i = 0; i < db->nstmts; i++) {
		sqlite3_finalize(db->stmts[i]->st);
		free(db->stmts[i]);
	}
	free(db->stmts);
	sqlite3_close(db->sq);
	free(db->errmsg);
	free(db->path);
	free(db);
}

static const char *
sq_readonly_why(const struct db *d)
{
	const struct sq *db = (const struct sq *)d;

	return db->readonly_why;
}

/* One integer from a pragma or query without parameters. */
static int
query_int(struct sq *db, const char *q, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(db->sq, q, -1, &st, NULL);
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

/* The first read found the disk full: SQLite could not make the -shm
 * file a reader of the log needs. Reading needs no new file when the
 * database is opened as where it cannot be locked (open_unlocked), so
 * reopen it so, for reading only: a save says the disk is full. */
static bool
reopen_for_reading(struct sq *db)
{
	if (db->unlocked || db->readonly_why != NULL || db->nstmts > 0)
		return false;
	sqlite3_close(db->sq);
	db->sq = NULL;
	db->readonly_why = _("the disk holding it is full: free some space first");
	return open_unlocked(db) == SQLITE_OK;
}

static enum db_rc
sq_schema(struct db *d, struct db_schema *out)
{
	struct sq *db = (struct sq *)d;
	int64_t appid = 0, ntables = 0;
	bool own;
	int rc;

	memset(out, 0, sizeof(*out));
again:
	/* In one read transaction, the caller's or its own: one look at the
	 * file's state, not three (each a lock taken and given back). */
	own = !sq_in_transaction(d);
	rc = own ? sqlite3_exec(db->sq, "BEGIN", NULL, NULL, NULL) : SQLITE_OK;
	if (rc == SQLITE_OK && ((rc = query_int(db, "PRAGMA user_version", &out->version)) != SQLITE_OK ||
	    (rc = query_int(db, "PRAGMA application_id", &appid)) != SQLITE_OK ||
	    (rc = query_int(db, "SELECT count(*) FROM sqlite_master", &ntables)) != SQLITE_OK)) {
		if (own)
			sqlite3_exec(db->sq, "ROLLBACK", NULL, NULL, NULL);
	} else if (rc == SQLITE_OK && own) {
		rc = sqlite3_exec(db->sq, "COMMIT", NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK && own && classify(db, rc) == DB_EFULL && reopen_for_reading(db))
		goto again;
	if (rc != SQLITE_OK)
		return classify(db, rc);
	out->ours = appid == APPLICATION_ID;
	out->blank = appid == 0 && out->version == 0 && ntables == 0;
	return DB_OK;
}

static enum db_rc
sq_ready(struct db *d)
{
	struct sq *db = (struct sq *)d;
	int rc = SQLITE_OK;

	/* WAL with full sync: a reported commit survives power loss, and
	 * readers never block the writer. */
	if (db->readonly_why == NULL) {
		rc = sqlite3_exec(db->sq, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db->sq, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db->sq, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return classify(db, rc);
}

static enum db_rc
sq_claim(struct db *d)
{
	struct sq *db = (struct sq *)d;
	char *q = xasprintf("PRAGMA application_id = %d", APPLICATION_ID);
	int rc = sqlite3_exec(db->sq, q, NULL, NULL, NULL);

	free(q);
	return classify(db, rc);
}

static enum db_rc
sq_set_version(struct db *d, int version)
{
	struct sq *db = (struct sq *)d;
	char *q = xasprintf("PRAGMA user_version = %d", version);
	int rc = sqlite3_exec(db->sq, q, NULL, NULL, NULL);

	free(q);
	return classify(db, rc);
}

static enum db_rc
sq_exec(struct db *d, const char *sql)
{
	struct sq *db = (struct sq *)d;

	return classify(db, sqlite3_exec(db->sq, sql, NULL, NULL, NULL));
}

static void
sq_busy_timeout(struct db *d, int ms)
{
	struct sq *db = (struct sq *)d;

	sqlite3_busy_timeout(db->sq, ms);
}

/* A change saved into a file that was deleted (or replaced) since it was
 * opened would vanish with it. */
static enum db_rc
same_file(struct sq *db)
{
	struct stat sb;

	if (db->ino == 0)
		return DB_OK;
	if (stat(db->path, &sb) != 0)
		return DB_EGONE;
	if (sb.st_dev != db->dev || sb.st_ino != db->ino)
		return DB_EREPLACED;
	return DB_OK;
}

/* Runs one of the statements of a transaction. */
static enum db_rc
txn(struct sq *db, const char *sql)
{
	enum db_rc rc;
	struct db_stmt *st = sq_prepare(&db->base, sql, &rc);

	if (st == NULL)
		return rc;
	rc = sq_step(st);
	sq_reset(st);
	return rc == DB_DONE ? DB_OK : rc;
}

static enum db_rc
sq_begin(struct db *d, bool write)
{
	struct sq *db = (struct sq *)d;
	enum db_rc rc;

	if (write && (rc = same_file(db)) != DB_OK)
		return rc;
	return txn(db, write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

static enum db_rc
sq_commit(struct db *d)
{
	struct sq *db = (struct sq *)d;

	return txn(db, "COMMIT");
}

static void
sq_rollback(struct db *d)
{
	struct sq *db = (struct sq *)d;

	if (db->sq != NULL && !sqlite3_get_autocommit(db->sq))
		sqlite3_exec(db->sq, "ROLLBACK", NULL, NULL, NULL);
}

static bool
sq_in_transaction(struct db *d)
{
	struct sq *db = (struct sq *)d;

	return !sqlite3_get_autocommit(db->sq);
}

static int64_t
sq_data_version(struct db *d)
{
	struct db_stmt *st;
	enum db_rc rc;
	int64_t v = -1;

	if ((st = sq_prepare(d, "PRAGMA data_version", &rc)) == NULL)
		return -1;
	if (sq_step(st) == DB_ROW)
		v = sq_int(st, 0);
	sq_reset(st);
	return v;
}

static struct db_stmt *
sq_prepare(struct db *d, const char *sql, enum db_rc *rc)
{
	struct sq *db = (struct sq *)d;
	struct sq_stmt *st = NULL;
	size_t i;
	int src;

	/* Some forty statements, each looked up by the address of its text. */
	for (i = 0; i < db->nstmts; i++)
		if (db->stmts[i]->sql == sql) {
			st = db->stmts[i];
			sqlite3_reset(st->st);
			sqlite3_clear_bindings(st->st);
			*rc = DB_OK;
			return &st->base;
		}
	st = xcalloc(1, sizeof(*st));
	st->base.drv = &db_sqlite_driver;
	src = sqlite3_prepare_v3(db->sq, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->st, NULL);
	if (src != SQLITE_OK) {
		*rc = classify(db, src);
		free(st);
		return NULL;
	}
	st->sql = sql;
	st->db = db;
	xgrow(&db->stmts, &db->cap, db->nstmts + 1, sizeof(*db->stmts));
	db->stmts[db->nstmts++] = st;
	*rc = DB_OK;
	return &st->base;
}

static void
sq_bind_int(struct db_stmt *s, int i, int64_t v)
{
	struct sq_stmt *st = (struct sq_stmt *)s;

	sqlite3_bind_int64(st->st, i, v);
}

static void
sq_bind_text(struct db_stmt *s, int i, const char *v)
{
	struct sq_stmt *st = (struct sq_stmt *)s;

	if (v == NULL)
		sqlite3_bind_null(st->st, i);
	else
		sqlite3_bind_text(st->st, i, v, -1, SQLITE_TRANSIENT);
}

static enum db_rc
sq_step(struct db_stmt *s)
{
	struct sq_stmt *st = (struct sq_stmt *)s;
	int rc = sqlite3_step(st->st);

	/* The rows of a walk through every project come this way. */
	if (rc == SQLITE_ROW)
		return DB_ROW;
	return classify(st->db, rc);
}

static void
sq_reset(struct db_stmt *s)
{
	struct sq_stmt *st = (struct sq_stmt *)s;

	if (st != NULL)
		sqlite3_reset(st->st);
}

static int64_t
sq_int(struct db_stmt *s, int i)
{
	struct sq_stmt *st = (struct sq_stmt *)s;

	return sqlite3_column_int64(st->st, i);
}

static const char *
sq_text(struct db_stmt *s, int i)
{
	struct sq_stmt *st = (struct sq_stmt *)s;

	return (const char *)sqlite3_column_text(st->st, i);
}

static size_t
sq_bytes(struct db_stmt *s, int i)
{
	struct sq_stmt *st = (struct sq_stmt *)s;

	return (size_t)sqlite3_column_bytes(st->st, i);
}

static enum db_rc
sq_backup(struct db *d, const char *dest, char **why)
{
	struct sq *db = (struct sq *)d;
	sqlite3 *bdb = NULL;
	sqlite3_backup *b;
	enum db_rc kind;
	int rc;

	*why = NULL;
	rc = sqlite3_open_v2(dest, &bdb, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc == SQLITE_OK) {
		if ((b = sqlite3_backup_init(bdb, "main", db->sq, "main")) == NULL) {
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
	kind = DB_OK;
	if (rc != SQLITE_OK) {
		*why = xstrdup(bdb ? sqlite3_errmsg(bdb) : sqlite3_errstr(rc));
		kind = (rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR ? DB_EIO : DB_ECANTOPEN;
	}
	sqlite3_close(bdb);
	return kind;
}

static const char *
sq_user(struct db *d)
{
	return NULL;
}

static enum db_rc
sq_keys_follow(struct db *d, const char *table, const char *column)
{
	/* A rowid key goes on from the largest by itself. */
	return DB_OK;
}

const struct db_driver db_sqlite_driver = {
	.words = dialect,
	.nwords = sizeof(dialect) / sizeof(dialect[0]),
	.check_path = sq_check_path,
	.open = sq_open,
	.close = sq_close,
	.readonly_why = sq_readonly_why,
	.schema = sq_schema,
	.ready = sq_ready,
	.claim = sq_claim,
	.set_version = sq_set_version,
	.exec = sq_exec,
	.busy_timeout = sq_busy_timeout,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.in_transaction = sq_in_transaction,
	.data_version = sq_data_version,
	.prepare = sq_prepare,
	.bind_int = sq_bind_int,
	.bind_text = sq_bind_text,
	.step = sq_step,
	.reset = sq_reset,
	.col_int = sq_int,
	.col_text = sq_text,
	.col_bytes = sq_bytes,
	.errmsg = sq_errmsg,
	.user = sq_user,
	.backup = sq_backup,
	.keys_follow = sq_keys_follow,
};
