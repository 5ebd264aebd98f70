/* SPDX-License-Identifier: EUPL-1.2 */
/* The database driver by name: a PostgreSQL connection string goes to
 * db-pg.c, anything else is a file for db-sqlite.c. Each call of db.h
 * is passed on to the driver of the connection or statement. */
#include <stdlib.h>
#include <string.h>

#include "airejse/db-driver.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"

/* The words a libpq "key=value" connection string may begin with. A
 * file named so would need ./ in front of it. */
static const char *const conninfo_keys[] = {
	"service=", "host=", "hostaddr=", "dbname=", "user=", "port=",
};

bool
db_is_server(const char *name)
{
	size_t i;

	if (strncmp(name, "postgresql://", 13) == 0 || strncmp(name, "postgres://", 11) == 0)
		return true;
	for (i = 0; i < sizeof(conninfo_keys) / sizeof(conninfo_keys[0]); i++)
		if (strncmp(name, conninfo_keys[i], strlen(conninfo_keys[i])) == 0)
			return true;
	return false;
}

/* The password of a URL (user:password@) or of a key=value string
 * (password=...) is left out of anything shown. */
char *
db_display_name(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *at, *colon, *slash;

	if (!db_is_server(name))
		return xstrdup(name);
	if (strstr(name, "://") != NULL) {
		p = strstr(name, "://") + 3;
		slash = p + strcspn(p, "/?");
		at = memchr(p, '@', (size_t)(slash - p));
		colon = at != NULL ? memchr(p, ':', (size_t)(at - p)) : NULL;
		if (colon != NULL) {
			sb_addn(&sb, name, (size_t)(colon - name));
			sb_add(&sb, at);
		} else {
			sb_add(&sb, name);
		}
		/* ?password=... */
		if ((p = strstr(sb_str(&sb), "password=")) != NULL && (p[-1] == '?' || p[-1] == '&')) {
			char *s = sb_detach(&sb);
			char *end = s + (p - s) + strcspn(p, "&");

			sb_addn(&sb, s, (size_t)(p - s));
			sb_add(&sb, "***");
			sb_add(&sb, end);
			free(s);
		}
		return sb_detach(&sb);
	}
	for (p = name; *p != '\0';) {
		size_t len = strcspn(p, " ");

		if (strncmp(p, "password=", 9) == 0)
			sb_add(&sb, "password=***");
		else
			sb_addn(&sb, p, len);
		p += len;
		while (*p == ' ')
			sb_addc(&sb, *p++);
	}
	return sb_detach(&sb);
}

static const struct db_driver *
driver_of(const char *name)
{
	return db_is_server(name) ? &db_pg_driver : &db_sqlite_driver;
}

int
db_check_path(const char *path, int flags, char **cause)
{
	return driver_of(path)->check_path(path, flags, cause);
}

enum db_rc
db_open(const char *path, int flags, struct db **out)
{
	return driver_of(path)->open(path, flags, out);
}

void
db_close(struct db *db)
{
	if (db != NULL)
		db->drv->close(db);
}

const char *
db_readonly_why(const struct db *db)
{
	return db->drv->readonly_why(db);
}

enum db_rc
db_schema(struct db *db, struct db_schema *out)
{
	return db->drv->schema(db, out);
}

enum db_rc
db_ready(struct db *db)
{
	return db->drv->ready(db);
}

enum db_rc
db_claim(struct db *db)
{
	return db->drv->claim(db);
}

enum db_rc
db_set_version(struct db *db, int version)
{
	return db->drv->set_version(db, version);
}

enum db_rc
db_exec_schema(struct db *db, const char *sql)
{
	const struct db_driver *drv = db->drv;
	struct strbuf sb = STRBUF_INIT;
	const char *p = sql;
	enum db_rc rc;
	size_t i;

	while (*p != '\0') {
		for (i = 0; *p == '{' && i < drv->nwords; i++)
			if (strncmp(p, drv->words[i].name, strlen(drv->words[i].name)) == 0)
				break;
		if (*p == '{' && i < drv->nwords) {
			sb_add(&sb, drv->words[i].text);
			p += strlen(drv->words[i].name);
		} else {
			sb_addc(&sb, *p++);
		}
	}
	rc = drv->exec(db, sb_str(&sb));
	sb_free(&sb);
	return rc;
}

void
db_busy_timeout(struct db *db, int ms)
{
	db->drv->busy_timeout(db, ms);
}

enum db_rc
db_begin(struct db *db, bool write)
{
	return db->drv->begin(db, write);
}

enum db_rc
db_commit(struct db *db)
{
	return db->drv->commit(db);
}

void
db_rollback(struct db *db)
{
	db->drv->rollback(db);
}

bool
db_in_transaction(struct db *db)
{
	return db->drv->in_transaction(db);
}

int64_t
db_data_version(struct db *db)
{
	return db->drv->data_version(db);
}

int
db_watch_fd(struct db *db)
{
	return db->drv->watch_fd != NULL ? db->drv->watch_fd(db) : -1;
}

struct db_stmt *
db_prepare(struct db *db, const char *sql, enum db_rc *rc)
{
	return db->drv->prepare(db, sql, rc);
}

void
db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	st->drv->bind_int(st, i, v);
}

void
db_bind_text(struct db_stmt *st, int i, const char *v)
{
	st->drv->bind_text(st, i, v);
}

enum db_rc
db_step(struct db_stmt *st)
{
	return st->drv->step(st);
}

enum db_rc
db_run(struct db_stmt *st, int64_t *id)
{
	enum db_rc rc = db_step(st);

	if (rc == DB_ROW) {
		if (id != NULL)
			*id = db_int(st, 0);
		rc = DB_OK;
	} else if (rc == DB_DONE && id == NULL) {
		rc = DB_OK;
	}
	db_reset(st);
	return rc;
}

void
db_reset(struct db_stmt *st)
{
	if (st != NULL)
		st->drv->reset(st);
}

int64_t
db_int(struct db_stmt *st, int i)
{
	return st->drv->col_int(st, i);
}

const char *
db_text(struct db_stmt *st, int i)
{
	return st->drv->col_text(st, i);
}

size_t
db_bytes(struct db_stmt *st, int i)
{
	return st->drv->col_bytes(st, i);
}

const char *
db_errmsg(struct db *db)
{
	return db->drv->errmsg(db);
}

const char *
db_user(struct db *db)
{
	return db->drv->user(db);
}

enum db_rc
db_keys_follow(struct db *db, const char *table, const char *column)
{
	return db->drv->keys_follow(db, table, column);
}

enum db_rc
db_analyze(struct db *db, const char *table)
{
	return db->drv->analyze != NULL ? db->drv->analyze(db, table) : DB_OK;
}

enum db_rc
db_backup(struct db *db, const char *dest, char **why)
{
	return db->drv->backup(db, dest, why);
}
