/* SPDX-License-Identifier: EUPL-1.2 */
/* Reviews and sign-offs: every one kept, oldest first; the latest of a
 * subject is where it stands (review.h works out the rest). */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/ctrl.h"
#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/xalloc.h"

static const char sql_add[] =
    "INSERT INTO review (project, kind, subject, role, state, comment, name, seen, time,"
    " \"user\", source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
/* REVIEW_COLS rows, oldest first. */
#define REVIEW_COLS "id, project, kind, subject, role, state, comment, name, seen, time," \
    " \"user\", source"
enum { REVIEW_ID, REVIEW_PROJECT, REVIEW_KIND, REVIEW_SUBJECT, REVIEW_ROLE, REVIEW_STATE,
	REVIEW_COMMENT, REVIEW_NAME, REVIEW_SEEN, REVIEW_TIME, REVIEW_USER, REVIEW_SOURCE };
static const char sql_of[] =
    "SELECT " REVIEW_COLS " FROM review WHERE project = ? ORDER BY id";

static void
review_row(struct db_stmt *st, void *rec, struct store_pool *pool)
{
	struct review *r = rec;
	const char *v;

	(void)pool;
	memset(r, 0, sizeof(*r));
	r->id = db_int(st, REVIEW_ID);
	r->project = db_int(st, REVIEW_PROJECT);
	if ((v = db_text(st, REVIEW_KIND)) == NULL || review_kind_parse(v, &r->kind) != 0)
		r->kind = REVIEW_HANDOFF;
	r->subject = store_col_text(st, REVIEW_SUBJECT);
	r->role = store_col_text(st, REVIEW_ROLE);
	if ((v = db_text(st, REVIEW_STATE)) == NULL || review_state_parse(v, &r->state) != 0)
		r->state = REVIEW_NOT_REVIEWED;
	r->comment = store_col_text(st, REVIEW_COMMENT);
	r->name = store_col_text(st, REVIEW_NAME);
	r->seen = store_col_text(st, REVIEW_SEEN);
	r->time = db_int(st, REVIEW_TIME);
	r->user = store_col_text(st, REVIEW_USER);
	r->source = store_col_source(st, REVIEW_SOURCE);
}

int
store_reviews(struct store *s, int64_t project, struct review **out, size_t *n,
    char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(s->db, sql_of, &rc)) != NULL) {
		db_bind_int(st, 1, project);
		rc = store_read_rows(st, sizeof(**out), review_row, (void **)out, n);
	}
	if (rc != DB_OK) {
		reviews_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, _("cannot read the reviews"), cause);
	}
	return 0;
}

int
store_review_add(struct store *s, int64_t project, const struct review *r, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;
	int status;

	/* The door for text, as for answers and hand-offs (ctrl.h). */
	if ((status = ctrl_check(_("the reviewed part"), r->subject, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the role"), r->role, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the comment"), r->comment, CTRL_FREE, cause)) != 0 ||
	    (status = ctrl_check(_("the name"), r->name, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the answers reviewed"), r->seen, CTRL_LINE, cause)) != 0 ||
	    (status = ctrl_check(_("the user name"), r->user, CTRL_LINE, cause)) != 0)
		return status;
	if ((st = db_prepare(s->db, sql_add, &rc)) != NULL) {
		db_bind_int(st, 1, project);
		db_bind_text(st, 2, review_kind_name(r->kind));
		db_bind_text(st, 3, r->subject);
		db_bind_text(st, 4, r->role);
		db_bind_text(st, 5, review_state_name(r->state));
		db_bind_text(st, 6, r->comment);
		db_bind_text(st, 7, r->name);
		db_bind_text(st, 8, r->seen ? r->seen : "");
		db_bind_int(st, 9, r->time);
		db_bind_text(st, 10, r->user);
		db_bind_text(st, 11, source_name(r->source));
		rc = db_run(st, NULL);
	}
	return rc == DB_OK ? 0 : store_fail(s, rc, _("cannot save the review"), cause);
}
