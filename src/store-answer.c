/* SPDX-License-Identifier: EUPL-1.2 */
/* Answers and their history. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/ctrl.h"
#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/xalloc.h"

/* ANSWER_COLS rows. */
static const char sql_answers[] =
    "SELECT " ANSWER_COLS " FROM answer WHERE project = ? ORDER BY question";
static const char sql_get[] =
    "SELECT " ANSWER_COLS " FROM answer WHERE project = ? AND question = ?";
/* ANSWER_PROGRESS_COLS rows: only what progress.h needs, without who
 * gave the answers and when. Cleared ones are left to progress_new,
 * which passes over them: a test of each row here costs more than the
 * few it saves. */
static const char sql_progress[] =
    "SELECT " ANSWER_PROGRESS_COLS " FROM answer WHERE project = ? ORDER BY question";
static const char sql_put[] =
    "INSERT INTO answer (project, question, kind, value, revision, time, \"user\", source)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (project, question) DO UPDATE SET kind = excluded.kind,"
    " value = excluded.value, revision = excluded.revision, time = excluded.time,"
    " \"user\" = excluded.\"user\", source = excluded.source";
static const char sql_event[] =
    "INSERT INTO answer_event (project, question, old_kind, old_value, new_kind, new_value,"
    " revision, time, \"user\", source, account, respondent, login)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
/* EVENT_COLS rows, oldest first. */
#define EVENT_COLS "id, question, old_kind, old_value, new_kind, new_value, revision, time," \
    " \"user\", source, account, respondent, login"
enum { EVENT_ID, EVENT_QUESTION, EVENT_OLD_KIND, EVENT_OLD_VALUE, EVENT_NEW_KIND,
	EVENT_NEW_VALUE, EVENT_REVISION, EVENT_TIME, EVENT_USER, EVENT_SOURCE, EVENT_ACCOUNT,
	EVENT_RESPONDENT, EVENT_LOGIN };
static const char sql_history_all[] =
    "SELECT " EVENT_COLS " FROM answer_event WHERE project = ? ORDER BY id";
static const char sql_history_of[] =
    "SELECT " EVENT_COLS " FROM answer_event WHERE project = ? AND question = ? ORDER BY id";

static enum answer_kind
kind_col(struct db_stmt *st, int i)
{
	const char *s = db_text(st, i);

	if (s != NULL && strcmp(s, "value") == 0)
		return ANSWER_VALUE;
	if (s != NULL && strcmp(s, "dontknow") == 0)
		return ANSWER_DONTKNOW;
	return ANSWER_NONE;
}

void
store_answer_progress_row(struct db_stmt *st, void *rec, struct store_pool *pool)
{
	struct answer *a = rec;

	memset(a, 0, sizeof(*a));
	a->question = store_col_required(st, ANSWER_COL_QUESTION, pool);
	a->kind = kind_col(st, ANSWER_COL_KIND);
	a->value = a->kind == ANSWER_VALUE ? store_col_copy(st, ANSWER_COL_VALUE, pool) : NULL;
	/* A value without one (a damaged file) is no answer. */
	if (a->kind == ANSWER_VALUE && a->value == NULL)
		a->kind = ANSWER_NONE;
}

void
store_answer_row(struct db_stmt *st, void *rec, struct store_pool *pool)
{
	struct answer *a = rec;

	store_answer_progress_row(st, rec, pool);
	a->revision = db_int(st, ANSWER_COL_REVISION);
	a->time = db_int(st, ANSWER_COL_TIME);
	a->user = store_col_required(st, ANSWER_COL_USER, pool);
	a->source = store_col_source(st, ANSWER_COL_SOURCE);
}

/* The answers of project by sql (ANSWER_COLS or its first part, as row
 * reads them). */
static int
answers_of(struct store *s, const char *sql, store_row_fn *row, int64_t project,
    struct answer **out, size_t *n, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(s->db, sql, &rc)) != NULL) {
		db_bind_int(st, 1, project);
		rc = store_read_rows(st, sizeof(**out), row, (void **)out, n);
	}
	if (rc != DB_OK) {
		answers_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, _("cannot read the answers"), cause);
	}
	return 0;
}

int
store_answers(struct store *s, int64_t project, struct answer **out, size_t *n,
    char **cause)
{
	return answers_of(s, sql_answers, store_answer_row, project, out, n, cause);
}

enum db_rc
store_progress_answers(struct store *s, int64_t project, struct store_pool *pool,
    struct answer **v, size_t *cap, size_t *n)
{
	struct db_stmt *st;
	enum db_rc rc;

	*n = 0;
	if ((st = db_prepare(s->db, sql_progress, &rc)) == NULL)
		return rc;
	db_bind_int(st, 1, project);
	return store_read_into(st, sizeof(**v), store_answer_progress_row, pool, v, cap, n);
}

int
store_answer(struct store *s, int64_t project, const char *question,
    struct answer *out, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	memset(out, 0, sizeof(*out));
	if ((st = db_prepare(s->db, sql_get, &rc)) == NULL)
		return store_fail(s, rc, _("cannot read the answer"), cause);
	db_bind_int(st, 1, project);
	db_bind_text(st, 2, question);
	rc = db_step(st);
	if (rc == DB_ROW)
		store_answer_row(st, out, NULL);
	else
		out->question = xstrdup(question);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		answer_clear(out);
		return store_fail(s, rc, _("cannot read the answer"), cause);
	}
	return 0;
}

int
store_answer_set(struct store *s, int64_t project, const char *question,
    enum answer_kind kind, const char *value, int64_t now, const char *user,
    enum source source, int64_t *revision, char **cause)
{
	return store_answer_set_by(s, project, question, kind, value, now, user, NULL, source,
	    revision, cause);
}

int
store_answer_set_by(struct store *s, int64_t project, const char *question,
    enum answer_kind kind, const char *value, int64_t now, const char *user,
    const char *respondent, enum source source, int64_t *revision, char **cause)
{
	struct answer old;
	struct db_stmt *st;
	enum db_rc rc;
	int status;

	/* The door for text: every path in (the command line, the screens,
	 * the plain prompts, an import) comes through here. */
	if ((status = ctrl_check(_("the question's id"), question, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the answer"), value, CTRL_FREE, cause)) != 0 ||
	    (status = ctrl_check(_("the user name"), user, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the respondent's name"), respondent, CTRL_LINE, cause)) != 0)
		return status;
	if ((status = store_answer(s, project, question, &old, cause)) != 0)
		return status;
	if (kind != ANSWER_VALUE)
		value = NULL;
	if ((st = db_prepare(s->db, sql_put, &rc)) == NULL)
		goto fail;
	db_bind_int(st, 1, project);
	db_bind_text(st, 2, question);
	db_bind_text(st, 3, answer_kind_name(kind));
	db_bind_text(st, 4, value);
	db_bind_int(st, 5, old.revision + 1);
	db_bind_int(st, 6, now);
	db_bind_text(st, 7, user);
	db_bind_text(st, 8, source_name(source));
	if ((rc = db_run(st, NULL)) != DB_OK)
		goto fail;
	if ((st = db_prepare(s->db, sql_event, &rc)) == NULL)
		goto fail;
	db_bind_int(st, 1, project);
	db_bind_text(st, 2, question);
	db_bind_text(st, 3, answer_kind_name(old.kind));
	db_bind_text(st, 4, old.value);
	db_bind_text(st, 5, answer_kind_name(kind));
	db_bind_text(st, 6, value);
	db_bind_int(st, 7, old.revision + 1);
	db_bind_int(st, 8, now);
	db_bind_text(st, 9, user);
	db_bind_text(st, 10, source_name(source));
	db_bind_text(st, 11, s->account);
	db_bind_text(st, 12, respondent);
	db_bind_text(st, 13, db_user(s->db));
	if ((rc = db_run(st, NULL)) != DB_OK)
		goto fail;
	if (revision != NULL)
		*revision = old.revision + 1;
	answer_clear(&old);
	return 0;
fail:
	answer_clear(&old);
	/* A project deleted meanwhile shows as a foreign key failure. */
	if (rc == DB_EFOREIGN) {
		*cause = xasprintf(_("there is no project %lld: see 'airejse project list'"), (long long)project);
		return EX_NOINPUT;
	}
	return store_fail(s, rc, _("cannot save the answer"), cause);
}

static void
event_row(struct db_stmt *st, void *rec, struct store_pool *pool)
{
	struct answer_event *e = rec;

	(void)pool;
	memset(e, 0, sizeof(*e));
	e->id = db_int(st, EVENT_ID);
	e->question = store_col_required(st, EVENT_QUESTION, NULL);
	e->old_kind = kind_col(st, EVENT_OLD_KIND);
	e->old_value = store_col_text(st, EVENT_OLD_VALUE);
	e->new_kind = kind_col(st, EVENT_NEW_KIND);
	e->new_value = store_col_text(st, EVENT_NEW_VALUE);
	if (e->old_kind == ANSWER_VALUE && e->old_value == NULL)
		e->old_kind = ANSWER_NONE;
	if (e->new_kind == ANSWER_VALUE && e->new_value == NULL)
		e->new_kind = ANSWER_NONE;
	e->revision = db_int(st, EVENT_REVISION);
	e->time = db_int(st, EVENT_TIME);
	e->user = store_col_required(st, EVENT_USER, NULL);
	e->login = store_col_text(st, EVENT_LOGIN);
	e->source = store_col_source(st, EVENT_SOURCE);
	e->account = store_col_text(st, EVENT_ACCOUNT);
	e->respondent = store_col_text(st, EVENT_RESPONDENT);
}

int
store_answer_history(struct store *s, int64_t project, const char *question,
    struct answer_event **out, size_t *n, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(s->db, question ? sql_history_of : sql_history_all, &rc)) != NULL) {
		db_bind_int(st, 1, project);
		if (question != NULL)
			db_bind_text(st, 2, question);
		rc = store_read_rows(st, sizeof(**out), event_row, (void **)out, n);
	}
	if (rc != DB_OK) {
		answer_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, _("cannot read the history"), cause);
	}
	return 0;
}
