/* SPDX-License-Identifier: EUPL-1.2 */
/* The PostgreSQL driver (db.h), through libpq: the one file that knows
 * PostgreSQL. The database is named by a libpq connection string; who
 * may log in, and how, is the server's (peer, the password file,
 * Kerberos, certificates): airejse keeps no passwords.
 *
 * Statements have their '?' turned into $1, $2... and their values go
 * as text apart from the SQL: the first run in one round trip, and a
 * statement run again is prepared on the server, once per connection.
 * A write transaction first takes one advisory lock, so writers take
 * turns as they do on SQLite: a save reads the revision it replaces
 * with nobody else between. A read transaction is REPEATABLE READ, one
 * state throughout. A broken connection is made again at the next
 * action; what was under way is rolled back by the server.
 *
 * Following other sessions' changes (db_data_version, db_watch_fd):
 * every write transaction sends a notice on the channel airejse as it
 * commits (NOTIFY, which the server delivers only when the transaction
 * commits: one rolled back tells no one), and a connection that
 * follows changes listens there and counts the notices of other
 * sessions as they arrive on its socket, with no statement sent. */
#include <libpq-fe.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "config.h"
#include "airejse/db-driver.h"
#include "airejse/dynlib.h"
#include "airejse/i18n.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"

/* libpq is opened when a server's database is first used, not linked:
 * it brings OpenSSL, Kerberos and LDAP with it, whose loading would cost
 * every start of the program, also on SQLite. The soname is the one
 * built against. */

static struct {
	void	*lib;
	__typeof__(PQbackendPID)	*PQbackendPID;
	__typeof__(PQclear)	*PQclear;
	__typeof__(PQcmdStatus)	*PQcmdStatus;
	__typeof__(PQconnectdbParams)	*PQconnectdbParams;
	__typeof__(PQconnectionNeedsPassword)	*PQconnectionNeedsPassword;
	__typeof__(PQconsumeInput)	*PQconsumeInput;
	__typeof__(PQerrorMessage)	*PQerrorMessage;
	__typeof__(PQexec)	*PQexec;
	__typeof__(PQexecParams)	*PQexecParams;
	__typeof__(PQexecPrepared)	*PQexecPrepared;
	__typeof__(PQfinish)	*PQfinish;
	__typeof__(PQfreemem)	*PQfreemem;
	__typeof__(PQgetisnull)	*PQgetisnull;
	__typeof__(PQgetlength)	*PQgetlength;
	__typeof__(PQgetvalue)	*PQgetvalue;
	__typeof__(PQnotifies)	*PQnotifies;
	__typeof__(PQntuples)	*PQntuples;
	__typeof__(PQparameterStatus)	*PQparameterStatus;
	__typeof__(PQprepare)	*PQprepare;
	__typeof__(PQreset)	*PQreset;
	__typeof__(PQresultErrorField)	*PQresultErrorField;
	__typeof__(PQresultErrorMessage)	*PQresultErrorMessage;
	__typeof__(PQresultStatus)	*PQresultStatus;
	__typeof__(PQsocket)	*PQsocket;
	__typeof__(PQstatus)	*PQstatus;
	__typeof__(PQtransactionStatus)	*PQtransactionStatus;
	__typeof__(PQuser)	*PQuser;
} pq;

#define PQ(f) { #f, offsetof(__typeof__(pq), f) }
static const struct dynlib_symbol pq_symbols[] = {
	PQ(PQbackendPID),
	PQ(PQclear),
	PQ(PQcmdStatus),
	PQ(PQconnectdbParams),
	PQ(PQconnectionNeedsPassword),
	PQ(PQconsumeInput),
	PQ(PQerrorMessage),
	PQ(PQexec),
	PQ(PQexecParams),
	PQ(PQexecPrepared),
	PQ(PQfinish),
	PQ(PQfreemem),
	PQ(PQgetisnull),
	PQ(PQgetlength),
	PQ(PQgetvalue),
	PQ(PQnotifies),
	PQ(PQntuples),
	PQ(PQparameterStatus),
	PQ(PQprepare),
	PQ(PQreset),
	PQ(PQresultErrorField),
	PQ(PQresultErrorMessage),
	PQ(PQresultStatus),
	PQ(PQsocket),
	PQ(PQstatus),
	PQ(PQtransactionStatus),
	PQ(PQuser),
};
#undef PQ

/* From here on, each call goes through the library opened. */
#define PQbackendPID (*pq.PQbackendPID)
#define PQclear (*pq.PQclear)
#define PQcmdStatus (*pq.PQcmdStatus)
#define PQconnectdbParams (*pq.PQconnectdbParams)
#define PQconnectionNeedsPassword (*pq.PQconnectionNeedsPassword)
#define PQconsumeInput (*pq.PQconsumeInput)
#define PQerrorMessage (*pq.PQerrorMessage)
#define PQexec (*pq.PQexec)
#define PQexecParams (*pq.PQexecParams)
#define PQexecPrepared (*pq.PQexecPrepared)
#define PQfinish (*pq.PQfinish)
#define PQfreemem (*pq.PQfreemem)
#define PQgetisnull (*pq.PQgetisnull)
#define PQgetlength (*pq.PQgetlength)
#define PQgetvalue (*pq.PQgetvalue)
#define PQnotifies (*pq.PQnotifies)
#define PQntuples (*pq.PQntuples)
#define PQparameterStatus (*pq.PQparameterStatus)
#define PQprepare (*pq.PQprepare)
#define PQreset (*pq.PQreset)
#define PQresultErrorField (*pq.PQresultErrorField)
#define PQresultErrorMessage (*pq.PQresultErrorMessage)
#define PQresultStatus (*pq.PQresultStatus)
#define PQsocket (*pq.PQsocket)
#define PQstatus (*pq.PQstatus)
#define PQtransactionStatus (*pq.PQtransactionStatus)
#define PQuser (*pq.PQuser)

/* "aire": the advisory lock writers take turns by. */
#define WRITE_LOCK "1634300517"

/* Defaults: how long to wait for the server, unless the connection
 * string or PGCONNECT_TIMEOUT says otherwise; and for a statement and
 * for another writer (db_busy_timeout changes the last), where the
 * session has none (sql_session). */
#define CONNECT_TIMEOUT "10"
#define STATEMENT_TIMEOUT "30000"
#define LOCK_TIMEOUT "10000"

/* The session's timeouts, set by a statement once it has begun where
 * neither the server (ALTER ROLE or DATABASE ... SET), the connection
 * string (options=-c ...) nor PGOPTIONS gave one: not as an option of
 * the start, which a pooler such as PgBouncer refuses, and one it
 * resets (DISCARD ALL) when the session ends. */
static const char sql_session[] =
    "SELECT CASE current_setting('statement_timeout') WHEN '0'"
    " THEN set_config('statement_timeout', '" STATEMENT_TIMEOUT "', false) END,"
    " CASE current_setting('lock_timeout') WHEN '0'"
    " THEN set_config('lock_timeout', '" LOCK_TIMEOUT "', false) END";

static const struct db_word dialect[] = {
	{ "{key}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" },
	{ "{int}", "BIGINT" },
	{ "{user}", "\"user\"" },
	{ "{without_rowid}", "" },
};

struct pg_stmt {
	struct db_stmt	 base;
	struct pg	*db;
	const char	*sql;		/* the key it was prepared for */
	char		*text;		/* with $n for ? */
	char		 name[24];
	unsigned	 generation;	/* of the connection it was prepared on */
	unsigned	 ran;		/* of the connection it last ran on */
	int		 nparams;
	char		**params;	/* nparams, each allocated or NULL */
	PGresult	*res;
	int		 row;		/* the row db_step is on */
};

struct pg {
	struct db	 base;
	PGconn		*conn;
	unsigned	 generation;	/* counts connections made */
	const char	*readonly_why;
	char		*user;		/* authenticated */
	struct pg_stmt	**stmts;
	size_t		 nstmts, cap;
	char		*errmsg;
	bool		 txn;		/* in a transaction (db_begin) */
	bool		 writing;	/* in a write transaction */
	bool		 listening;	/* to other sessions' notices */
	bool		 deaf;		/* LISTEN refused (a standby): not asked again */
	int64_t		 notices;	/* of other sessions' commits, and of
					 * connections made again (db_data_version) */
};

static void
set_error(struct pg *db, const char *msg)
{
	size_t len;

	xfree(db->errmsg);
	if (msg == NULL || *msg == '\0')
		msg = PQerrorMessage(db->conn);
	/* libpq's words end in a newline and may say ERROR: or FATAL:
	 * first; only the reason is shown. */
	if (strncmp(msg, "ERROR:  ", 8) == 0 || strncmp(msg, "FATAL:  ", 8) == 0)
		msg += 8;
	len = strcspn(msg, "\n");
	db->errmsg = xasprintf("%.*s", (int)len, msg);
}

/* The kind of a failure of a connection attempt. */
static enum db_rc
classify_connect(struct pg *db)
{
	const char *msg = PQerrorMessage(db->conn);
	static const char *const auth[] = {
		"authentication failed", "pg_hba.conf", "password", "role \"",
		"certificate", "GSSAPI", "Kerberos",
	};
	size_t i;

	/* libpq may report trying several addresses; the last is why. */
	set_error(db, msg);
	if (PQconnectionNeedsPassword(db->conn))
		return DB_EAUTH;
	for (i = 0; i < sizeof(auth) / sizeof(auth[0]); i++)
		if (strstr(msg, auth[i]) != NULL)
			return DB_EAUTH;
	if (strstr(msg, "database \"") != NULL && strstr(msg, "does not exist") != NULL)
		return DB_ECANTOPEN;
	if (strstr(msg, "out of memory") != NULL)
		return DB_ENOMEM;
	return DB_EUNREACHABLE;
}

/* The kind of failure of a statement's result (NULL: none came). */
static enum db_rc
classify(struct pg *db, PGresult *res)
{
	static const struct {
		const char	*state;
		enum db_rc	 rc;
	} states[] = {
		{ "23505", DB_EUNIQUE },
		{ "23503", DB_EFOREIGN },
		{ "55P03", DB_EBUSY },	/* lock_timeout */
		{ "40001", DB_EBUSY },
		{ "40P01", DB_EBUSY },
		{ "57014", DB_ETIMEOUT },	/* statement_timeout */
		{ "42501", DB_EPERM },
		{ "25006", DB_EREADONLY },
		{ "53100", DB_EFULL },
		{ "53200", DB_ENOMEM },
		{ "57P01", DB_ELOST },	/* terminated by an administrator */
		{ "57P02", DB_ELOST },
		{ "57P03", DB_EUNREACHABLE },
		{ "XX001", DB_ECORRUPT },
		{ "XX002", DB_ECORRUPT },
	};
	const char *state = res != NULL ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	size_t i;

	set_error(db, res != NULL ? PQresultErrorMessage(res) : NULL);
	if (PQstatus(db->conn) != CONNECTION_OK)
		return DB_ELOST;
	if (state == NULL)
		return DB_EIO;
	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (strcmp(state, states[i].state) == 0)
			return states[i].rc;
	if (strncmp(state, "08", 2) == 0)
		return DB_ELOST;
	return DB_EIO;
}

/* Runs sql without parameters; its rows, if any, are dropped. */
static enum db_rc
exec_plain(struct pg *db, const char *sql)
{
	PGresult *res = PQexec(db->conn, sql);
	ExecStatusType es = PQresultStatus(res);
	enum db_rc rc = DB_OK;

	if (es != PGRES_COMMAND_OK && es != PGRES_TUPLES_OK)
		rc = classify(db, res);
	PQclear(res);
	return rc;
}

static const char *
pg_errmsg(struct db *d)
{
	struct pg *db = (struct pg *)d;

	return db->errmsg != NULL ? db->errmsg : "";
}

/* Nothing on this machine to check but the library: the server says
 * the rest at db_open. */
static int
pg_check_path(const char *path, int flags, char **cause)
{
	const char *why = NULL;

	if (pq.lib != NULL)
		return 0;
	pq.lib = dynlib_open(LIBPQ_SONAME, pq_symbols, sizeof(pq_symbols) / sizeof(pq_symbols[0]),
	    &pq, &why);
	if (pq.lib == NULL) {
		*cause = xasprintf(_("cannot use a PostgreSQL database: the library libpq cannot be loaded (%s): install it (Debian: libpq5)"),
		    why);
		return EX_UNAVAILABLE;
	}
	return 0;
}

static enum db_rc
connect_db(struct pg *db, const char *conninfo)
{
	/* Later words win: the connection string may change the defaults,
	 * but not the encoding. */
	const char *keys[5], *vals[5];
	int n = 0;

	if (getenv("PGCONNECT_TIMEOUT") == NULL) {
		keys[n] = "connect_timeout";
		vals[n++] = CONNECT_TIMEOUT;
	}
	keys[n] = "application_name";
	vals[n++] = "airejse";
	keys[n] = "dbname";
	vals[n++] = conninfo;
	/* Text is UTF-8 throughout airejse; said at the start, not by a
	 * statement after it. */
	keys[n] = "client_encoding";
	vals[n++] = "UTF8";
	keys[n] = NULL;
	vals[n] = NULL;
	db->conn = PQconnectdbParams(keys, vals, 1);
	if (db->conn == NULL) {
		db->errmsg = xstrdup("out of memory");
		return DB_ENOMEM;
	}
	if (PQstatus(db->conn) != CONNECTION_OK)
		return classify_connect(db);
	db->generation++;
	xfree(db->user);
	db->user = xstrdup(PQuser(db->conn));
	return DB_OK;
}

static enum db_rc
pg_open(const char *path, int flags, struct db **out)
{
	struct pg *db;
	const char *standby;
	enum db_rc rc;

	db = xcalloc(1, sizeof(*db));
	db->base.drv = &db_pg_driver;
	*out = &db->base;
	if (pq.lib == NULL && pg_check_path(path, flags, &db->errmsg) != 0)
		return DB_EUNREACHABLE;
	if ((rc = connect_db(db, path)) != DB_OK || (rc = exec_plain(db, sql_session)) != DB_OK)
		return rc;
	standby = PQparameterStatus(db->conn, "in_hot_standby");
	if (flags & DB_READONLY)
		db->readonly_why = _("it was opened for reading only");
	else if (standby != NULL && strcmp(standby, "on") == 0)
		db->readonly_why = _("the server is a standby, which can only be read");
	return DB_OK;
}

static void
stmt_clear(struct pg_stmt *st)
{
	int i;

	PQclear(st->res);
	st->res = NULL;
	for (i = 0; i < st->nparams; i++)
		xfree(st->params[i]);
}

static void
pg_close(struct db *d)
{
	struct pg *db = (struct pg *)d;
	size_t i;

	for (i = 0; i < db->nstmts; i++) {
		stmt_clear(db->stmts[i]);
		free(db->stmts[i]->params);
		free(db->stmts[i]->text);
		free(db->stmts[i]);
	}
	free(db->stmts);
	/* Closing the connection rolls back what is open. */
	if (db->conn != NULL)
		PQfinish(db->conn);
	free(db->user);
	free(db->errmsg);
	free(db);
}

static const char *
pg_readonly_why(const struct db *d)
{
	return ((const struct pg *)d)->readonly_why;
}

/* The n integers of the first row of a query without parameters (0
 * for none, or NULL). */
static enum db_rc
query_ints(struct pg *db, const char *sql, int64_t *out, int n)
{
	PGresult *res = PQexec(db->conn, sql);
	enum db_rc rc = DB_OK;
	int i;

	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = classify(db, res);
	else
		for (i = 0; i < n; i++)
			out[i] = PQntuples(res) > 0 && !PQgetisnull(res, 0, i) ?
			    strtoll(PQgetvalue(res, 0, i), NULL, 10) : 0;
	PQclear(res);
	return rc;
}

static const char sql_version[] = "SELECT max(version) FROM airejse_version";

static enum db_rc
pg_schema(struct db *d, struct db_schema *out)
{
	struct pg *db = (struct pg *)d;
	enum { TABLES, OURS };
	int64_t n[2];
	enum db_rc rc;

	memset(out, 0, sizeof(*out));
	/* airejse's database, as it nearly always is, in one statement,
	 * its table of the version found by name as every statement finds
	 * its tables (the search path): on a fresh connection, whose server
	 * process has yet to read the catalogue, the query of the catalogue
	 * below costs 4 ms more of every start. Only where there is no such
	 * table (a new database, another program's) is the catalogue asked,
	 * and never inside a transaction (a migration's), which the error
	 * would end. */
	if (!db->txn) {
		PGresult *res = PQexec(db->conn, sql_version);
		const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		bool missing = state != NULL && strcmp(state, "42P01") == 0;	/* undefined_table */

		rc = DB_OK;
		if (PQresultStatus(res) == PGRES_TUPLES_OK) {
			out->ours = true;
			out->version = PQntuples(res) > 0 && !PQgetisnull(res, 0, 0) ?
			    strtoll(PQgetvalue(res, 0, 0), NULL, 10) : 0;
		} else if (!missing) {
			rc = classify(db, res);
		}
		PQclear(res);
		if (!missing)
			return rc;
	}
	/* The tables of the schema airejse's would be made in, and whether
	 * airejse's is one of them, in one round trip. */
	if ((rc = query_ints(db, "SELECT count(*),"
	    " count(*) FILTER (WHERE c.relname = 'airejse_version')"
	    " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
	    " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
	    n, 2)) != DB_OK)
		return rc;
	if (n[OURS] > 0 && (rc = query_ints(db, sql_version, &out->version, 1)) != DB_OK)
		return rc;
	out->ours = n[OURS] > 0;
	out->blank = n[TABLES] == 0;
	return DB_OK;
}

static enum db_rc
pg_ready(struct db *d)
{
	return DB_OK;
}

static enum db_rc
pg_claim(struct db *d)
{
	/* What SQLite keeps in its header (application id, user version),
	 * a table keeps here. Its changes were counted by the versions of
	 * airejse before the notices (LISTEN/NOTIFY): kept for them. */
	return exec_plain((struct pg *)d,
	    "CREATE TABLE airejse_version (version integer NOT NULL,"
	    "  changes bigint NOT NULL);"
	    "INSERT INTO airejse_version VALUES (0, 0)");
}

static enum db_rc
pg_exec(struct db *d, const char *sql)
{
	return exec_plain((struct pg *)d, sql);
}

static struct db_stmt *pg_prepare(struct db *d, const char *sql, enum db_rc *rc);
static void pg_rollback(struct db *d);
static enum db_rc pg_step(struct db_stmt *s);
static void pg_reset(struct db_stmt *s);
static int64_t pg_int(struct db_stmt *s, int i);

/* Runs a statement of the driver's own with one parameter. */
static enum db_rc
run1(struct pg *db, const char *sql, const char *param)
{
	struct pg_stmt *st;
	enum db_rc rc;

	if ((st = (struct pg_stmt *)pg_prepare(&db->base, sql, &rc)) == NULL)
		return rc;
	st->params[0] = xstrdup(param);
	rc = pg_step(&st->base);
	pg_reset(&st->base);
	return rc == DB_ROW || rc == DB_DONE ? DB_OK : rc;
}

static const char sql_set_version[] = "UPDATE airejse_version SET version = ?";
static const char sql_lock_timeout[] = "SELECT set_config('lock_timeout', ?, false)";
static const char sql_write_lock[] = "SELECT pg_advisory_xact_lock(?)";
/* The channel of the notices of commits. */
#define CHANNEL "airejse"

static enum db_rc
pg_set_version(struct db *d, int version)
{
	char v[16];

	snprintf(v, sizeof(v), "%d", version);
	return run1((struct pg *)d, sql_set_version, v);
}

static void
pg_busy_timeout(struct db *d, int ms)
{
	char v[16];

	snprintf(v, sizeof(v), "%d", ms);
	run1((struct pg *)d, sql_lock_timeout, v);
}

/* Makes a broken connection again (a server restarted, a network that
 * came back), outside a transaction only: one that broke is lost. */
static enum db_rc
alive(struct pg *db)
{
	if (PQstatus(db->conn) == CONNECTION_OK)
		return DB_OK;
	if (db->txn)
		return classify(db, NULL);
	PQreset(db->conn);
	if (PQstatus(db->conn) != CONNECTION_OK)
		return classify_connect(db);
	db->generation++;
	/* The notices sent while it was down are lost: count one for
	 * them, and listen again on the new connection. */
	if (db->listening)
		db->notices++;
	db->listening = db->deaf = false;
	return exec_plain(db, sql_session);
}

static bool
pg_in_transaction(struct db *d)
{
	PGTransactionStatusType ts = PQtransactionStatus(((struct pg *)d)->conn);

	return ts == PQTRANS_INTRANS || ts == PQTRANS_INERROR || ts == PQTRANS_ACTIVE;
}

static enum db_rc
pg_begin(struct db *d, bool write)
{
	struct pg *db = (struct pg *)d;
	enum db_rc rc;

	db->txn = db->writing = false;
	if ((rc = alive(db)) != DB_OK)
		return rc;
	rc = exec_plain(db, write ? "BEGIN ISOLATION LEVEL READ COMMITTED" :
	    "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
	db->txn = rc == DB_OK;
	if (rc != DB_OK || !write)
		return rc;
	if ((rc = run1(db, sql_write_lock, WRITE_LOCK)) != DB_OK)
		pg_rollback(d);
	db->writing = rc == DB_OK;
	return rc;
}

static enum db_rc
pg_commit(struct db *d)
{
	struct pg *db = (struct pg *)d;
	PGresult *res;
	enum db_rc rc = DB_OK;
	bool notify;

	/* Others following changes hear of a write as it commits, in the
	 * same round trip; a transaction that failed is rolled back by its
	 * COMMIT, and says nothing. */
	notify = db->writing && PQtransactionStatus(db->conn) == PQTRANS_INTRANS;
	db->txn = db->writing = false;
	res = PQexec(db->conn, notify ? "NOTIFY " CHANNEL "; COMMIT" : "COMMIT");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = classify(db, res);
	} else if (strcmp(PQcmdStatus(res), "ROLLBACK") == 0) {
		/* A statement of the transaction failed: nothing was kept. */
		set_error(db, "the transaction was rolled back");
		rc = DB_EIO;
	}
	PQclear(res);
	return rc;
}

static void
pg_rollback(struct db *d)
{
	struct pg *db = (struct pg *)d;

	db->txn = db->writing = false;
	if (PQstatus(db->conn) == CONNECTION_OK && pg_in_transaction(d))
		PQclear(PQexec(db->conn, "ROLLBACK"));
}

/* Whether the connection listens to the notices of commits, starting
 * to when it does not yet. Not inside a transaction: LISTEN takes effect
 * when its transaction commits, and a read one is rolled back. The
 * command line never asks, and never pays the round trip. */
static bool
listening(struct pg *db)
{
	if (db->listening)
		return true;
	if (db->deaf || PQstatus(db->conn) != CONNECTION_OK || pg_in_transaction(&db->base))
		return false;
	db->listening = exec_plain(db, "LISTEN " CHANNEL) == DB_OK;
	db->deaf = !db->listening;
	return db->listening;
}

static int64_t
pg_data_version(struct db *d)
{
	struct pg *db = (struct pg *)d;
	PGnotify *n;
	int self;

	/* A broken connection reads nothing: the next action makes it
	 * again (alive), which counts a notice. */
	if (!listening(db))
		return -1;
	/* What the server sent meanwhile, read without waiting; the
	 * notices of this connection's own commits come too. */
	if (!PQconsumeInput(db->conn))
		return -1;
	self = PQbackendPID(db->conn);
	while ((n = PQnotifies(db->conn)) != NULL) {
		if (n->be_pid != self)
			db->notices++;
		PQfreemem(n);
	}
	return db->notices;
}

static int
pg_watch_fd(struct db *d)
{
	struct pg *db = (struct pg *)d;

	return listening(db) ? PQsocket(db->conn) : -1;
}

/* sql with each ? outside quotes turned into $1, $2...; *n counts them. */
static char *
numbered(const char *sql, int *n)
{
	struct strbuf sb = STRBUF_INIT;
	char quote = '\0';
	const char *p;

	*n = 0;
	for (p = sql; *p != '\0'; p++) {
		if (quote != '\0') {
			if (*p == quote)
				quote = '\0';
			sb_addc(&sb, *p);
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
			sb_addc(&sb, *p);
		} else if (*p == '?') {
			sb_addf(&sb, "$%d", ++*n);
		} else {
			sb_addc(&sb, *p);
		}
	}
	return sb_detach(&sb);
}

/* Prepares st on the server, once per connection. */
static enum db_rc
server_prepare(struct pg_stmt *st)
{
	struct pg *db = st->db;
	PGresult *res;
	enum db_rc rc = DB_OK;

	if (st->generation == db->generation)
		return DB_OK;
	res = PQprepare(db->conn, st->name, st->text, st->nparams, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = classify(db, res);
	else
		st->generation = db->generation;
	PQclear(res);
	return rc;
}

static struct db_stmt *
pg_prepare(struct db *d, const char *sql, enum db_rc *rc)
{
	struct pg *db = (struct pg *)d;
	struct pg_stmt *st;
	size_t i;

	for (i = 0; i < db->nstmts; i++)
		if (db->stmts[i]->sql == sql) {
			st = db->stmts[i];
			stmt_clear(st);
			*rc = DB_OK;
			return &st->base;
		}
	st = xcalloc(1, sizeof(*st));
	st->base.drv = &db_pg_driver;
	st->db = db;
	st->sql = sql;
	st->text = numbered(sql, &st->nparams);
	st->params = xcalloc((size_t)st->nparams + 1, sizeof(*st->params));
	snprintf(st->name, sizeof(st->name), "airejse_%zu", db->nstmts + 1);
	xgrow(&db->stmts, &db->cap, db->nstmts + 1, sizeof(*db->stmts));
	db->stmts[db->nstmts++] = st;
	*rc = DB_OK;
	return &st->base;
}

static void
pg_bind_int(struct db_stmt *s, int i, int64_t v)
{
	struct pg_stmt *st = (struct pg_stmt *)s;

	if (i >= 1 && i <= st->nparams) {
		free(st->params[i - 1]);
		st->params[i - 1] = xasprintf("%lld", (long long)v);
	}
}

static void
pg_bind_text(struct db_stmt *s, int i, const char *v)
{
	struct pg_stmt *st = (struct pg_stmt *)s;

	if (i >= 1 && i <= st->nparams) {
		free(st->params[i - 1]);
		st->params[i - 1] = v != NULL ? xstrdup(v) : NULL;
	}
}

static enum db_rc
pg_step(struct db_stmt *s)
{
	struct pg_stmt *st = (struct pg_stmt *)s;
	ExecStatusType es;
	enum db_rc rc;

	if (st->res == NULL) {
		if ((rc = alive(st->db)) != DB_OK)
			return rc;
		/* The first run goes with its parameters in one round trip;
		 * a statement run again is prepared on the server, once. */
		if (st->ran != st->db->generation) {
			st->ran = st->db->generation;
			st->res = PQexecParams(st->db->conn, st->text, st->nparams, NULL,
			    (const char *const *)st->params, NULL, NULL, 0);
		} else if ((rc = server_prepare(st)) != DB_OK) {
			return rc;
		} else {
			st->res = PQexecPrepared(st->db->conn, st->name, st->nparams,
			    (const char *const *)st->params, NULL, NULL, 0);
		}
		es = PQresultStatus(st->res);
		if (es != PGRES_TUPLES_OK && es != PGRES_COMMAND_OK) {
			rc = classify(st->db, st->res);
			PQclear(st->res);
			st->res = NULL;
			return rc;
		}
		st->row = -1;
	}
	if (st->row + 1 < PQntuples(st->res)) {
		st->row++;
		return DB_ROW;
	}
	return DB_DONE;
}

static void
pg_reset(struct db_stmt *s)
{
	struct pg_stmt *st = (struct pg_stmt *)s;

	PQclear(st->res);
	st->res = NULL;
}

static int64_t
pg_int(struct db_stmt *s, int i)
{
	struct pg_stmt *st = (struct pg_stmt *)s;

	if (PQgetisnull(st->res, st->row, i))
		return 0;
	return strtoll(PQgetvalue(st->res, st->row, i), NULL, 10);
}

static const char *
pg_text(struct db_stmt *s, int i)
{
	struct pg_stmt *st = (struct pg_stmt *)s;

	if (PQgetisnull(st->res, st->row, i))
		return NULL;
	return PQgetvalue(st->res, st->row, i);
}

static size_t
pg_bytes(struct db_stmt *s, int i)
{
	struct pg_stmt *st = (struct pg_stmt *)s;

	return (size_t)PQgetlength(st->res, st->row, i);
}

static const char *
pg_user(struct db *d)
{
	return ((struct pg *)d)->user;
}

static enum db_rc
pg_backup(struct db *d, const char *dest, char **why)
{
	*why = xstrdup(_("a PostgreSQL database is backed up with the server's own tools (pg_dump): ask its administrator"));
	return DB_EIO;
}

static enum db_rc
pg_keys_follow(struct db *d, const char *table, const char *column)
{
	/* The names are the store's own, never a user's. */
	char *sql = xasprintf("SELECT setval(pg_get_serial_sequence('%s', '%s'),"
	    " coalesce(max(%s), 0) + 1, false) FROM %s", table, column, column, table);
	enum db_rc rc = exec_plain((struct pg *)d, sql);

	free(sql);
	return rc;
}

/* A table just filled has no statistics until the server's autovacuum
 * comes to it, a minute or more later: meanwhile the planner guesses
 * (one row in 200 for "archived IS NULL"), and the first screen of
 * 10,000 projects reads the page of them through a bitmap scan (5 ms
 * where 2.5 do). Gathered in the copy's transaction, the statistics
 * are kept with it, or not at all. */
static enum db_rc
pg_analyze(struct db *d, const char *table)
{
	/* The name is the store's own, never a user's. */
	char *sql = xasprintf("ANALYZE %s", table);
	enum db_rc rc = exec_plain((struct pg *)d, sql);

	free(sql);
	return rc;
}

const struct db_driver db_pg_driver = {
	.words = dialect,
	.nwords = sizeof(dialect) / sizeof(dialect[0]),
	.check_path = pg_check_path,
	.open = pg_open,
	.close = pg_close,
	.readonly_why = pg_readonly_why,
	.schema = pg_schema,
	.ready = pg_ready,
	.claim = pg_claim,
	.set_version = pg_set_version,
	.exec = pg_exec,
	.busy_timeout = pg_busy_timeout,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.in_transaction = pg_in_transaction,
	.data_version = pg_data_version,
	.watch_fd = pg_watch_fd,
	.prepare = pg_prepare,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.step = pg_step,
	.reset = pg_reset,
	.col_int = pg_int,
	.col_text = pg_text,
	.col_bytes = pg_bytes,
	.errmsg = pg_errmsg,
	.user = pg_user,
	.backup = pg_backup,
	.keys_follow = pg_keys_follow,
	.analyze = pg_analyze,
};
