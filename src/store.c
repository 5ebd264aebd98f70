/* SPDX-License-Identifier: EUPL-1.2 */
/* The store: closing, transactions, what a failure means to the user,
 * and the helpers that turn rows into records. The database itself is
 * the driver's (db.h); opening it and its schema are store-open.c's,
 * and each kind of record has its file (store-project.c,
 * store-answer.c, store-handoff.c, store-walk.c, store-backup.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/xalloc.h"

int
store_fail(struct store *s, enum db_rc rc, const char *what, char **cause)
{
	const char *path = s->path;
	char *why;
	int status = EX_IOERR;

	switch (rc) {
	case DB_EBUSY:
		/* Not a conflict: nothing of the user's was compared, and the
		 * same action a moment later may go through. */
		why = xasprintf(_("someone else is saving to %s right now and has kept it busy longer than airejse waits; nothing was saved: try again in a moment"),
		    path);
		status = STATUS_BUSY;
		break;
	case DB_EREADONLY:
		why = xasprintf(_("%s is read-only: ask its owner for write access, or work on a copy"),
		    path);
		break;
	case DB_EFULL:
		why = xasprintf(_("the disk holding %s is full: free some space and try again"), path);
		break;
	case DB_ETOOBIG:
		*cause = xasprintf(_("%s: %s has reached the largest file size allowed here (ulimit -f): raise the limit, or ask for more room"),
		    what, path);
		return EX_IOERR;
	case DB_ENOTADB:
		why = xasprintf(_("%s is not an airejse database: check the path given with --db or AIREJSE_DB"),
		    path);
		status = EX_DATAERR;
		break;
	case DB_ECORRUPT:
		why = xasprintf(_("%s is damaged (%s): it was left as it is; restore it from a backup"),
		    path, db_errmsg(s->db));
		status = EX_DATAERR;
		break;
	case DB_ECANTOPEN:
		if (db_is_server(path)) {
			why = xasprintf(_("the database server cannot open the database %s (%s): check its name, or ask the server's administrator to create it"),
			    path, db_errmsg(s->db));
			status = EX_NOINPUT;
			break;
		}
		why = xasprintf(_("cannot open %s or its journal beside it (%s): check that its folder is writable"),
		    path, db_errmsg(s->db));
		break;
	case DB_ESTALE:
		why = xasprintf(_("the newest changes to %s cannot be read here: %s"), path,
		    db_errmsg(s->db));
		break;
	case DB_EGONE:
		*cause = xasprintf(_("cannot save: the database %s was deleted while airejse was running, so a change saved now would be lost with it; nothing was saved: restore the file from a backup, or quit and start again to make a new one"),
		    path);
		return EX_IOERR;
	case DB_EREPLACED:
		*cause = xasprintf(_("cannot save: the database %s was replaced by another file while airejse was running; nothing was saved: quit and start again to work on the new file"),
		    path);
		return EX_IOERR;
	case DB_ENOMEM:
		why = xstrdup(_("out of memory"));
		status = EX_OSERR;
		break;
	case DB_EUNREACHABLE:
		why = xasprintf(_("no database server answers at %s (%s): check the address, or ask its administrator whether it is running"),
		    path, db_errmsg(s->db));
		status = EX_UNAVAILABLE;
		break;
	case DB_EAUTH:
		why = xasprintf(_("the database server at %s refused the login (%s): check the user name and how you log in (~/.pgpass, Kerberos, a certificate), or ask its administrator for access"),
		    path, db_errmsg(s->db));
		status = EX_NOPERM;
		break;
	case DB_ELOST:
		*cause = xasprintf(_("%s: the connection to the database server at %s broke (%s); nothing of this action was saved: try again, and airejse connects anew"),
		    what, path, db_errmsg(s->db));
		return EX_TEMPFAIL;
	case DB_ETIMEOUT:
		why = xasprintf(_("the database server at %s took longer than the statement timeout (%s); nothing of this action was saved: try again, or ask its administrator why the server is slow"),
		    path, db_errmsg(s->db));
		status = EX_TEMPFAIL;
		break;
	case DB_EPERM:
		why = xasprintf(_("the database server at %s does not let you do this (%s): ask its administrator for the group role it names (see db init in airejse(1))"),
		    path, db_errmsg(s->db));
		status = EX_NOPERM;
		break;
	default:
		why = xasprintf(_("%s: %s"), path, db_errmsg(s->db));
		break;
	}
	*cause = xasprintf("%s: %s", what, why);
	free(why);
	return status;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	db_close(s->db);
	free(s->path);
	free(s->account);
	free(s);
}

void
store_set_account(struct store *s, const char *account)
{
	free(s->account);
	s->account = account ? xstrdup(account) : NULL;
}

const char *
store_account(const struct store *s)
{
	return s->account;
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
	return db_data_version(s->db);
}

int
store_watch_fd(struct store *s)
{
	return db_watch_fd(s->db);
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
	enum db_rc rc;
	int status;

	if ((status = store_check_writable(s, cause)) != 0)
		return status;
	if ((rc = db_begin(s->db, true)) != DB_OK)
		return store_fail(s, rc, _("cannot save"), cause);
	return 0;
}

int
store_begin_read(struct store *s, char **cause)
{
	enum db_rc rc = db_begin(s->db, false);

	return rc == DB_OK ? 0 : store_fail(s, rc, _("cannot read the database"), cause);
}

int
store_commit(struct store *s, char **cause)
{
	enum db_rc rc = db_commit(s->db);

	if (rc != DB_OK) {
		/* A failed COMMIT may leave the transaction open: end it. */
		rc = store_fail(s, rc, _("cannot save"), cause);
		store_rollback(s);
		return rc;
	}
	s->commits++;
	return 0;
}

void
store_rollback(struct store *s)
{
	db_rollback(s->db);
}

int
store_read_begin(struct store *s, bool *began, char **cause)
{
	*began = !db_in_transaction(s->db);
	return *began ? store_begin_read(s, cause) : 0;
}

void
store_read_end(struct store *s, bool began)
{
	if (began)
		store_rollback(s);
}

/* Rows into records. */

char *
store_col_text(struct db_stmt *st, int i)
{
	const char *v = db_text(st, i);

	return v ? xstrdup(v) : NULL;
}

enum source
store_col_source(struct db_stmt *st, int i)
{
	const char *v = db_text(st, i);
	enum source src = SOURCE_CLI;

	if (v != NULL)
		source_parse(v, &src);
	return src;
}

#define POOL_BLOCK 65536

/* Copies the len bytes at v into pool. */
static char *
pool_copy(struct store_pool *pool, const char *v, size_t len)
{
	char *out;

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

char *
store_col_copy(struct db_stmt *st, int i, struct store_pool *pool)
{
	const char *v;

	if (pool == NULL)
		return store_col_text(st, i);
	if ((v = db_text(st, i)) == NULL)
		return NULL;
	return pool_copy(pool, v, db_bytes(st, i) + 1);
}

char *
store_col_required(struct db_stmt *st, int i, struct store_pool *pool)
{
	if (db_text(st, i) != NULL)
		return store_col_copy(st, i, pool);
	return pool != NULL ? pool_copy(pool, "", 1) : xstrdup("");
}

void
store_pool_clear(struct store_pool *pool)
{
	size_t i;

	for (i = 0; i < pool->nblocks; i++)
		free(pool->blocks[i]);
	pool->nblocks = 0;
	pool->next = NULL;
	pool->left = 0;
}

void
store_pool_free(struct store_pool *pool)
{
	store_pool_clear(pool);
	free(pool->blocks);
	pool->blocks = NULL;
}

enum db_rc
store_read_into(struct db_stmt *st, size_t size, store_row_fn *row, struct store_pool *pool,
    void *v, size_t *cap, size_t *n)
{
	void **arr = v;
	enum db_rc rc;

	for (*n = 0; (rc = db_step(st)) == DB_ROW; (*n)++) {
		xgrow(arr, cap, *n + 1, size);
		row(st, (char *)*arr + *n * size, pool);
	}
	db_reset(st);
	return rc == DB_DONE ? DB_OK : rc;
}

enum db_rc
store_read_rows(struct db_stmt *st, size_t size, store_row_fn *row, void **out, size_t *n)
{
	size_t cap = 0;

	*out = NULL;
	return store_read_into(st, size, row, NULL, out, &cap, n);
}
