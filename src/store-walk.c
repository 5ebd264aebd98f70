/* SPDX-License-Identifier: EUPL-1.2 */
/* Projects one after the other, with what each holds: every project in
 * one walk through each table (store_each_project), or the few a screen
 * shows with what progress needs of them (store_each_progress). */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/xalloc.h"

/* Every project in use from the one bound on, each with its tracks, answers and
 * hand-offs, walked in step: each an ordered scan of its table or index,
 * the answers in their key's order. The hand-offs are sorted by id in C,
 * as store_handoffs does. */
static const char sql_projects[] =
    "SELECT " PROJECT_COLS " FROM project WHERE id >= ? AND archived IS NULL ORDER BY id";
static const char sql_tracks[] =
    "SELECT project, track FROM project_track WHERE project >= ? ORDER BY project, position";
enum { TRACK_PROJECT, TRACK_TRACK };
/* ANSWER_COLS and then the project. */
static const char sql_answers[] =
    "SELECT " ANSWER_COLS ", project FROM answer WHERE project >= ? ORDER BY project, question";
static const char sql_handoffs[] =
    "SELECT " HANDOFF_COLS " FROM handoff WHERE project >= ? ORDER BY project";
/* The same with only what progress needs, as store_each_progress reads. */
static const char sql_answers_light[] =
    "SELECT " ANSWER_PROGRESS_COLS ", project FROM answer WHERE project >= ? "
    "ORDER BY project, question";
static const char sql_handoffs_light[] =
    "SELECT " HANDOFF_PROGRESS_COLS " FROM handoff WHERE project >= ? ORDER BY project";

/* A statement walked in step with the projects: its rows come ordered by
 * the project id in column pcol. */
struct walk {
	struct db_stmt	*st;
	int		 pcol;
	enum db_rc	 rc;	/* of the last step: DB_ROW while on a row */
};

/* Starts w at the first row of project from or later. */
static enum db_rc
walk_start(struct store *s, struct walk *w, const char *sql, int pcol, int64_t from)
{
	enum db_rc rc;

	if ((w->st = db_prepare(s->db, sql, &rc)) == NULL)
		return rc;
	db_bind_int(w->st, 1, from);
	w->pcol = pcol;
	w->rc = db_step(w->st);
	return w->rc == DB_ROW || w->rc == DB_DONE ? DB_OK : w->rc;
}

/* Whether w is on a row of project pid, after passing over the rows of
 * projects before it (none while the foreign keys hold). */
static bool
walk_at(struct walk *w, int64_t pid)
{
	while (w->rc == DB_ROW) {
		int64_t p = db_int(w->st, w->pcol);

		if (p == pid)
			return true;
		if (p > pid)
			return false;
		w->rc = db_step(w->st);
	}
	return false;
}

static void
walk_next(struct walk *w)
{
	w->rc = db_step(w->st);
}

/* The failure of a walk that went wrong, else DB_OK. */
static enum db_rc
walk_error(const struct walk *w)
{
	return w->rc == DB_ROW || w->rc == DB_DONE ? DB_OK : w->rc;
}

/* Ends a reading of projects one at a time: frees the arrays of cur and
 * the pool, and returns status, or the failure rc. */
static int
each_end(struct store *s, struct store_project *cur, struct store_pool *pool, enum db_rc rc,
    int status, char **cause)
{
	free(cur->answers);
	free(cur->handoffs);
	store_pool_free(pool);
	if (rc != DB_OK)
		return store_fail(s, rc, _("cannot read the projects"), cause);
	return status;
}

/* Every project from the one bound on; light: only what progress needs. */
static int
each_walked(struct store *s, int64_t from, bool light,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause)
{
	enum { W_PROJECT, W_TRACK, W_ANSWER, W_HANDOFF, W__COUNT };
	static const struct {
		const char	*sql[2];	/* whole, light */
		int		 pcol[2];
	} walks[W__COUNT] = {
		[W_PROJECT] = { { sql_projects, sql_projects }, { PROJECT_COL_ID, PROJECT_COL_ID } },
		[W_TRACK] = { { sql_tracks, sql_tracks }, { TRACK_PROJECT, TRACK_PROJECT } },
		[W_ANSWER] = { { sql_answers, sql_answers_light },
		    { ANSWER_COL__COUNT, ANSWER_COL__PROGRESS } },
		[W_HANDOFF] = { { sql_handoffs, sql_handoffs_light },
		    { HANDOFF_COL_PROJECT, HANDOFF_COL_PROJECT } },
	};
	store_row_fn *answer_row = light ? store_answer_progress_row : store_answer_row;
	store_row_fn *handoff_row = light ? store_handoff_progress_row : store_handoff_row;
	struct walk w[W__COUNT];
	struct store_pool pool = { 0 };
	struct store_project cur;
	struct project p;
	size_t acap = 0, hcap = 0, i;
	enum db_rc rc = DB_OK;
	bool began;
	int status = 0;

	memset(&cur, 0, sizeof(cur));
	memset(w, 0, sizeof(w));
	/* One state throughout, also for what fn reads: SQLite keeps one
	 * while the statements are open, a server only in a transaction. */
	if ((status = store_read_begin(s, &began, cause)) != 0)
		return status;
	for (i = 0; i < W__COUNT && rc == DB_OK; i++)
		rc = walk_start(s, &w[i], walks[i].sql[light], walks[i].pcol[light], from);
	cur.project = &p;
	while (rc == DB_OK && status == 0 && w[W_PROJECT].rc == DB_ROW) {
		store_project_row(w[W_PROJECT].st, &p, NULL);
		for (; walk_at(&w[W_TRACK], p.id); walk_next(&w[W_TRACK]))
			store_project_add_track(&p, db_text(w[W_TRACK].st, TRACK_TRACK));
		/* By question already: the answers are kept in that order. */
		for (cur.nanswers = 0; walk_at(&w[W_ANSWER], p.id); walk_next(&w[W_ANSWER])) {
			xgrow(&cur.answers, &acap, cur.nanswers + 1, sizeof(*cur.answers));
			answer_row(w[W_ANSWER].st, &cur.answers[cur.nanswers++], &pool);
		}
		for (cur.nhandoffs = 0; walk_at(&w[W_HANDOFF], p.id); walk_next(&w[W_HANDOFF])) {
			xgrow(&cur.handoffs, &hcap, cur.nhandoffs + 1, sizeof(*cur.handoffs));
			handoff_row(w[W_HANDOFF].st, &cur.handoffs[cur.nhandoffs++], &pool);
		}
		store_handoffs_sort(cur.handoffs, cur.nhandoffs);
		for (i = 0; i < W__COUNT && rc == DB_OK; i++)
			rc = walk_error(&w[i]);
		if (rc == DB_OK)
			status = fn(&cur, arg);
		project_clear(&p);
		store_pool_clear(&pool);
		if (rc == DB_OK && status == 0) {
			walk_next(&w[W_PROJECT]);
			rc = walk_error(&w[W_PROJECT]);
		}
	}
	/* Every statement reset, so that no read lock outlives the call. */
	for (i = 0; i < W__COUNT; i++)
		db_reset(w[i].st);
	store_read_end(s, began);
	return each_end(s, &cur, &pool, rc, status, cause);
}

int
store_each_project(struct store *s, int64_t from,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause)
{
	return each_walked(s, from, false, fn, arg, cause);
}

int
store_each_progress(struct store *s, const int64_t *ids, size_t n,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause)
{
	struct store_pool pool = { 0 };
	struct store_project cur;
	size_t acap = 0, hcap = 0, i;
	enum db_rc rc = DB_OK;
	bool began;
	int status;

	if (ids == NULL)
		return each_walked(s, 0, true, fn, arg, cause);
	memset(&cur, 0, sizeof(cur));
	if ((status = store_read_begin(s, &began, cause)) != 0)
		return status;
	for (i = 0; i < n && rc == DB_OK && status == 0; i++) {
		if ((status = store_project_get(s, ids[i], &cur.project, cause)) == EX_NOINPUT) {
			/* Deleted meanwhile: not there, as for the walk. */
			xfree(*cause);
			status = 0;
			continue;
		}
		if (status != 0)
			break;
		if (cur.project->archived != 0) {
			/* Archived: out of the lists, as for the walk. */
			project_free(cur.project);
			cur.project = NULL;
			continue;
		}
		rc = store_progress_answers(s, ids[i], &pool, &cur.answers, &acap, &cur.nanswers);
		if (rc == DB_OK)
			rc = store_progress_handoffs(s, ids[i], &pool, &cur.handoffs, &hcap,
			    &cur.nhandoffs);
		if (rc == DB_OK)
			status = fn(&cur, arg);
		project_free(cur.project);
		cur.project = NULL;
		store_pool_clear(&pool);
	}
	store_read_end(s, began);
	return each_end(s, &cur, &pool, rc, status, cause);
}
