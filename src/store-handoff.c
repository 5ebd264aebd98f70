/* SPDX-License-Identifier: EUPL-1.2 */
/* Hand-offs and their history. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/ctrl.h"
#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/xalloc.h"

/* HANDOFF_COLS rows. */
static const char sql_all[] = "SELECT " HANDOFF_COLS " FROM handoff ORDER BY project, id";
/* By id, sorted in C: an ORDER BY here sorts in a temporary b-tree, the
 * larger part of reading a project. */
static const char sql_of[] = "SELECT " HANDOFF_COLS " FROM handoff WHERE project = ?";
static const char sql_get[] = "SELECT " HANDOFF_COLS " FROM handoff WHERE project = ? AND rule = ?";
static const char sql_by_id[] = "SELECT " HANDOFF_COLS " FROM handoff WHERE id = ?";
/* HANDOFF_PROGRESS_COLS rows: only what progress.h needs, as
 * store_progress_answers; fewer columns to decode and copy. */
static const char sql_progress[] =
    "SELECT " HANDOFF_PROGRESS_COLS " FROM handoff WHERE project = ?";
static const char sql_add[] =
    "INSERT INTO handoff (project, rule, role, state, contact, raised, changed)"
    " VALUES (?, ?, ?, 'raised', ?, ?, ?) RETURNING id";
static const char sql_set[] =
    "UPDATE handoff SET state = ?, due = ?, contact = ?, note = coalesce(?, note), changed = ?"
    " WHERE id = ?";
static const char sql_event[] =
    "INSERT INTO handoff_event (handoff, old_state, new_state, note, due, time, \"user\", source,"
    " account, login) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
/* EVENT_COLS rows, oldest first. */
#define EVENT_COLS "id, handoff, old_state, new_state, note, due, time, \"user\", source, account, login"
enum { EVENT_ID, EVENT_HANDOFF, EVENT_OLD_STATE, EVENT_NEW_STATE, EVENT_NOTE, EVENT_DUE,
	EVENT_TIME, EVENT_USER, EVENT_SOURCE, EVENT_ACCOUNT, EVENT_LOGIN };
static const char sql_history[] =
    "SELECT " EVENT_COLS " FROM handoff_event WHERE handoff = ? ORDER BY id";

static enum handoff_state
state_col(struct db_stmt *st, int i)
{
	const char *v = db_text(st, i);
	enum handoff_state hs = HANDOFF_RAISED;

	if (v != NULL)
		handoff_state_parse(v, &hs);
	return hs;
}

void
store_handoff_progress_row(struct db_stmt *st, void *rec, struct store_pool *pool)
{
	struct handoff *h = rec;

	memset(h, 0, sizeof(*h));
	h->id = db_int(st, HANDOFF_COL_ID);
	h->project = db_int(st, HANDOFF_COL_PROJECT);
	h->rule = store_col_required(st, HANDOFF_COL_RULE, pool);
	h->role = store_col_required(st, HANDOFF_COL_ROLE, pool);
	h->state = state_col(st, HANDOFF_COL_STATE);
	h->due = store_col_copy(st, HANDOFF_COL_DUE, pool);
	h->raised = db_int(st, HANDOFF_COL_RAISED);
}

void
store_handoff_row(struct db_stmt *st, void *rec, struct store_pool *pool)
{
	struct handoff *h = rec;

	store_handoff_progress_row(st, rec, pool);
	h->contact = store_col_copy(st, HANDOFF_COL_CONTACT, pool);
	h->note = store_col_copy(st, HANDOFF_COL_NOTE, pool);
	h->changed = db_int(st, HANDOFF_COL_CHANGED);
}

static int
cmp_handoff_id(const void *a, const void *b)
{
	const struct handoff *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

void
store_handoffs_sort(struct handoff *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_handoff_id);
}

int
store_handoffs(struct store *s, int64_t project, struct handoff **out, size_t *n,
    char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(s->db, project ? sql_of : sql_all, &rc)) != NULL) {
		if (project)
			db_bind_int(st, 1, project);
		rc = store_read_rows(st, sizeof(**out), store_handoff_row, (void **)out, n);
		if (rc == DB_OK && project)
			store_handoffs_sort(*out, *n);
	}
	if (rc != DB_OK) {
		handoffs_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, _("cannot read the hand-offs"), cause);
	}
	return 0;
}

enum db_rc
store_progress_handoffs(struct store *s, int64_t project, struct store_pool *pool,
    struct handoff **v, size_t *cap, size_t *n)
{
	struct db_stmt *st;
	enum db_rc rc;

	*n = 0;
	if ((st = db_prepare(s->db, sql_progress, &rc)) == NULL)
		return rc;
	db_bind_int(st, 1, project);
	rc = store_read_into(st, sizeof(**v), store_handoff_progress_row, pool, v, cap, n);
	store_handoffs_sort(*v, *n);
	return rc;
}

static int
handoff_one(struct store *s, int64_t id, int64_t project, const char *rule,
    struct handoff **out, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	*out = NULL;
	if ((st = db_prepare(s->db, rule ? sql_get : sql_by_id, &rc)) == NULL)
		return store_fail(s, rc, _("cannot read the hand-off"), cause);
	if (rule != NULL) {
		db_bind_int(st, 1, project);
		db_bind_text(st, 2, rule);
	} else {
		db_bind_int(st, 1, id);
	}
	rc = db_step(st);
	if (rc == DB_ROW) {
		*out = xcalloc(1, sizeof(**out));
		store_handoff_row(st, *out, NULL);
	}
	db_reset(st);
	if (rc == DB_ROW)
		return 0;
	if (rc != DB_DONE)
		return store_fail(s, rc, _("cannot read the hand-off"), cause);
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

static enum db_rc
handoff_event(struct store *s, int64_t id, int old, enum handoff_state new,
    const char *note, const char *due, int64_t now, const char *user,
    enum source source)
{
	struct db_stmt *st;
	enum db_rc rc;

	if ((st = db_prepare(s->db, sql_event, &rc)) == NULL)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, old < 0 ? NULL : handoff_state_name((enum handoff_state)old));
	db_bind_text(st, 3, handoff_state_name(new));
	db_bind_text(st, 4, note);
	db_bind_text(st, 5, due);
	db_bind_int(st, 6, now);
	db_bind_text(st, 7, user);
	db_bind_text(st, 8, source_name(source));
	db_bind_text(st, 9, s->account);
	db_bind_text(st, 10, db_user(s->db));
	return db_run(st, NULL);
}

/* The door for the text of a hand-off (NULL: not given), whatever path
 * brings it: only the note is free text. */
static int
check_text(const char *rule, const char *role, const char *due, const char *contact,
    const char *note, const char *user, char **cause)
{
	int status;

	if ((status = ctrl_check(_("the hand-off's id"), rule, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the role"), role, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the due date"), due, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the contact"), contact, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the note"), note, CTRL_FREE, cause)) != 0)
		return status;
	return ctrl_check(_("the user name"), user, CTRL_LINE, cause);
}

int
store_handoff_raise(struct store *s, int64_t project, const char *rule,
    const char *role, const char *contact, int64_t now, const char *user,
    enum source source, int64_t *id, char **cause)
{
	struct db_stmt *st;
	int64_t hid = 0;
	enum db_rc rc;
	int status;

	if ((status = check_text(rule, role, NULL, contact, NULL, user, cause)) != 0)
		return status;
	if ((st = db_prepare(s->db, sql_add, &rc)) == NULL)
		return store_fail(s, rc, _("cannot save the hand-off"), cause);
	db_bind_int(st, 1, project);
	db_bind_text(st, 2, rule);
	db_bind_text(st, 3, role);
	db_bind_text(st, 4, contact);
	db_bind_int(st, 5, now);
	db_bind_int(st, 6, now);
	if ((rc = db_run(st, &hid)) != DB_OK ||
	    (rc = handoff_event(s, hid, -1, HANDOFF_RAISED, NULL, NULL, now, user, source)) != DB_OK)
		return store_fail(s, rc, _("cannot save the hand-off"), cause);
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
	struct db_stmt *st;
	enum db_rc rc;
	int status;

	if ((status = check_text(NULL, NULL, due, contact, note, user, cause)) != 0)
		return status;
	if ((status = handoff_one(s, id, 0, NULL, &old, cause)) != 0)
		return status;
	if ((st = db_prepare(s->db, sql_set, &rc)) != NULL) {
		db_bind_text(st, 1, handoff_state_name(state));
		db_bind_text(st, 2, due);
		db_bind_text(st, 3, contact);
		db_bind_text(st, 4, note);
		db_bind_int(st, 5, now);
		db_bind_int(st, 6, id);
		if ((rc = db_run(st, NULL)) == DB_OK)
			rc = handoff_event(s, id, (int)old->state, state, note, due, now, user,
			    source);
	}
	handoff_free(old);
	return rc == DB_OK ? 0 : store_fail(s, rc, _("cannot save the hand-off"), cause);
}

static void
event_row(struct db_stmt *st, void *rec, struct store_pool *pool)
{
	struct handoff_event *e = rec;
	const char *old;
	enum handoff_state hs;

	(void)pool;
	memset(e, 0, sizeof(*e));
	e->id = db_int(st, EVENT_ID);
	e->handoff = db_int(st, EVENT_HANDOFF);
	old = db_text(st, EVENT_OLD_STATE);
	e->old_state = old != NULL && handoff_state_parse(old, &hs) == 0 ? (int)hs : -1;
	e->new_state = state_col(st, EVENT_NEW_STATE);
	e->note = store_col_text(st, EVENT_NOTE);
	e->due = store_col_text(st, EVENT_DUE);
	e->time = db_int(st, EVENT_TIME);
	e->user = store_col_required(st, EVENT_USER, NULL);
	e->login = store_col_text(st, EVENT_LOGIN);
	e->source = store_col_source(st, EVENT_SOURCE);
	e->account = store_col_text(st, EVENT_ACCOUNT);
}

int
store_handoff_history(struct store *s, int64_t handoff, struct handoff_event **out,
    size_t *n, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(s->db, sql_history, &rc)) != NULL) {
		db_bind_int(st, 1, handoff);
		rc = store_read_rows(st, sizeof(**out), event_row, (void **)out, n);
	}
	if (rc != DB_OK) {
		handoff_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, _("cannot read the history"), cause);
	}
	return 0;
}
