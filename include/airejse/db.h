/* SPDX-License-Identifier: EUPL-1.2 */
/* The database driver: what the store (store.h) needs of a database, in
 * terms no database's library defines. db-sqlite.c implements it over
 * SQLite; a driver for another database (PostgreSQL) implements the same
 * functions, and nothing above this header changes. Only the store's
 * files include it.
 *
 * SQL given to a driver is written so that SQLite and PostgreSQL both
 * take it: parameters are '?', bound by their place (1: the first); a
 * row's new key is read with INSERT ... RETURNING; identifiers that a
 * database reserves are quoted ("user"). What differs between them is
 * the driver's: opening, the session's settings, transactions, the
 * schema version and the words of a schema marked {like_this} (see
 * db_exec_schema).
 *
 * Functions return a db_rc: DB_OK (or DB_ROW, DB_DONE from db_step), or
 * the kind of failure, which db_errmsg details. */
#ifndef AIREJSE_DB_H
#define AIREJSE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;
struct db_stmt;

enum db_rc {
	DB_OK,
	DB_ROW,		/* db_step: on a row */
	DB_DONE,	/* db_step: no more rows */
	DB_EBUSY,	/* another connection kept the database locked past the timeout */
	DB_EREADONLY,	/* the database cannot be written here */
	DB_EFULL,	/* the disk is full */
	DB_ETOOBIG,	/* the file reached the largest size allowed (ulimit -f) */
	DB_ENOTADB,	/* not a database of this driver's kind */
	DB_ECORRUPT,	/* damaged */
	DB_ECANTOPEN,	/* cannot open the database or its journal */
	DB_ESTALE,	/* its newest changes cannot be read here (db_errmsg: why) */
	DB_EGONE,	/* the file was deleted since it was opened */
	DB_EREPLACED,	/* the file was replaced by another since */
	DB_EUNIQUE,	/* a unique key is taken */
	DB_EFOREIGN,	/* a foreign key names a row that is not there */
	DB_ENOMEM,
	DB_EIO,		/* anything else */
	/* A database server's (db-pg.c): */
	DB_EUNREACHABLE,	/* no server answers at the address given */
	DB_EAUTH,	/* the server refused the login */
	DB_ELOST,	/* the connection broke; the transaction did not happen */
	DB_ETIMEOUT,	/* a statement ran past the statement timeout */
	DB_EPERM	/* the server's access rules refuse the change */
};

/* What the store needs to know of a database before it uses it. */
struct db_schema {
	int64_t	version;	/* 0: a new, empty database */
	bool	ours;		/* marked as airejse's (db_claim) */
	bool	blank;		/* new: nothing in it, not marked by any program */
};

/* db_open flags. */
#define DB_READONLY	0x1	/* never write; a missing database is EX_NOINPUT */
#define DB_NOCREATE	0x2	/* a missing database is EX_NOINPUT; one there
				 * opens as it would without the flag */

/* Whether name is a PostgreSQL connection string (postgresql://...,
 * postgres://..., or libpq's key=value form beginning with service=,
 * host=, hostaddr=, dbname=, user= or port=) rather than a file. */
bool db_is_server(const char *name);
/* name as it may be shown: any password in it left out. */
char *db_display_name(const char *name);

/* Checks what is at path before the database is opened, and makes a
 * new one where there is none: for SQLite, the file (0600) and its
 * folders (0700), unless DB_READONLY or DB_NOCREATE; anything that is
 * not an SQLite file (a folder, a device, a link to nothing) is refused
 * unchanged. Returns 0, or a sysexits status with *cause
 * (caller frees): EX_NOINPUT (missing, or not readable), EX_DATAERR (not
 * a database of this kind), EX_CANTCREAT, EX_IOERR. */
int db_check_path(const char *path, int flags, char **cause);
/* Opens the database at path, changing nothing in it. *out is set also
 * on failure, for db_errmsg; close it then too. */
enum db_rc db_open(const char *path, int flags, struct db **out);
/* Closes, rolling back a transaction left open. NULL is fine. */
void db_close(struct db *db);
/* NULL when the database can be written; else why not, a static
 * translated phrase ("its file is not writable by you"). */
const char *db_readonly_why(const struct db *db);
/* Reads what the store checks before anything else, in one read
 * transaction. */
enum db_rc db_schema(struct db *db, struct db_schema *out);
/* The session's settings for a database known to be airejse's: for
 * SQLite, the write-ahead log and full sync where it can be written, and
 * foreign keys. */
enum db_rc db_ready(struct db *db);
/* Inside a write transaction: marks the database as airejse's (for
 * SQLite, its application id), and sets its schema version. */
enum db_rc db_claim(struct db *db);
enum db_rc db_set_version(struct db *db, int version);
/* Runs statements of a schema (a migration): text with the words that
 * differ between databases written as {name}, filled in by the driver:
 *   {key}            an integer primary key the database numbers itself
 *                    (SQLite: INTEGER PRIMARY KEY, the rowid);
 *   {int}            a 64-bit integer (SQLite: INTEGER);
 *   {user}           the column "user" (PostgreSQL reserves the word);
 *   {without_rowid}  after a table kept in the order of its key (SQLite:
 *                    WITHOUT ROWID; nothing where every table is). */
enum db_rc db_exec_schema(struct db *db, const char *sql);

/* How long a write waits for another writer before it gives up with
 * DB_EBUSY, in milliseconds (10 s unless set). */
void db_busy_timeout(struct db *db, int ms);

/* Transactions. A write one is taken at once, waiting for another
 * writer up to the busy timeout; a read one sees one state throughout.
 * db_begin checks first that the file is still the one opened
 * (DB_EGONE, DB_EREPLACED). */
enum db_rc db_begin(struct db *db, bool write);
enum db_rc db_commit(struct db *db);
/* Abandons the transaction, if any. After a failure inside a
 * transaction, roll it back: PostgreSQL takes no more statements in it. */
void db_rollback(struct db *db);
bool db_in_transaction(struct db *db);
/* A number that changes whenever another connection commits; -1 when it
 * cannot be read. On a server, it moves when the server's notice of the
 * commit has arrived (db_watch_fd), a moment after the commit itself. */
int64_t db_data_version(struct db *db);
/* A file descriptor that becomes readable when another connection may
 * have committed (then ask db_data_version), for a program waiting for
 * its user to wait on too; -1 where there is none (SQLite: ask
 * db_data_version from time to time) or the connection is broken. */
int db_watch_fd(struct db *db);

/* The statement for sql, prepared on its first use and kept until
 * db_close; sql must live as long (a literal, or a static array). Comes
 * reset, its parameters NULL; NULL with *rc set when it cannot be
 * prepared. */
struct db_stmt *db_prepare(struct db *db, const char *sql, enum db_rc *rc);
void db_bind_int(struct db_stmt *st, int i, int64_t v);
/* NULL binds NULL; the text is copied. */
void db_bind_text(struct db_stmt *st, int i, const char *v);
/* DB_ROW, DB_DONE or a failure. */
enum db_rc db_step(struct db_stmt *st);
/* Steps a statement that returns no rows, or one (RETURNING) whose
 * first column *id gets (id may be NULL); DB_DONE for none, else DB_OK
 * or a failure. Resets st. */
enum db_rc db_run(struct db_stmt *st, int64_t *id);
/* Ends a use of st (NULL is fine), releasing what it holds, so that no
 * lock outlives the call. */
void db_reset(struct db_stmt *st);
/* Column i of the row st is on (0: the first). */
int64_t db_int(struct db_stmt *st, int i);
/* NULL for SQL NULL; valid until the next step or reset. */
const char *db_text(struct db_stmt *st, int i);
/* The length in bytes of db_text(st, i). */
size_t db_bytes(struct db_stmt *st, int i);

/* The driver's own words for the last failure on db (not translated). */
const char *db_errmsg(struct db *db);
/* The user the database server authenticated, or NULL where there is
 * none (SQLite). */
const char *db_user(struct db *db);

/* After rows were inserted into table with their keys given (a copy),
 * new rows get keys after the largest in column. */
enum db_rc db_keys_follow(struct db *db, const char *table, const char *column);
/* After many rows were inserted into table at once (a copy), inside
 * the transaction: the database's statistics of it, for its planner,
 * brought up to date (PostgreSQL's ANALYZE; nothing on SQLite). */
enum db_rc db_analyze(struct db *db, const char *table);

/* Copies the whole database into the file dest (made beforehand, 0600),
 * consistent as of one moment while others go on writing, as one file
 * without a journal beside it. */
enum db_rc db_backup(struct db *db, const char *dest, char **why);

#endif
