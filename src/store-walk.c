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
    "SELECT " PROJECT_COLS " FROM project WHERE id >= ? AND id < ? AND archived IS NULL"
    " ORDER BY id";
static const char sql_tracks[] =
    "SELECT project, track FROM project_track WHERE project >= ? AND project < ?"
    " ORDER BY project, position";
enum { TRACK_PROJECT, TRACK_TRACK };
/* ANSWER_COLS and then the project. */
static const char sql_answers[] =
    "SELECT " ANSWER_COLS ", project FROM answer WHERE project >= ? AND project < ?"
    " ORDER BY project, question";
static const char sql_handoffs[] =
    "SELECT " HANDOFF_COLS " FROM handoff WHERE project >= ? AND project < ? ORDER BY project";
/* The same with only what progress needs, as store_each_progress reads. */
static const char sql_answers_light[] =
    "SELECT " ANSWER_PROGRESS_COLS ", project FROM answer WHERE project >= ? AND project < ?"
    " ORDER BY project, question";
static const char sql_handoffs_light[] =
    "SELECT " HANDOFF_PROGRESS_COLS " FROM handoff WHERE project >= ? AND project < ?"
    " ORDER BY project";

/* The last project's id: how far a walk by windows goes. */
static const char sql_last[] = "SELECT coalesce(max(id), 0) FROM project";

/* A server sends a statement's whole result at once, and libpq keeps it
 * in memory: walking 10,000 projects' answers in one statement held 100
 * MB. There the walk goes by windows of WALK_SPAN project ids, the same
 * statements run again for each; SQLite steps through one statement as
 * the rows are read, so it walks in one window. */
#define WALK_SPAN 256

/* The projects store_each_progress is given, on a server: read BATCH at
 * a time, each statement asking for BATCH ids (those left over NULL):
 * three statements for a screen's projects, a round trip each, rather
 * than four for each project. SQLite, in the same process, reads a
 * project at a time: there these longer statements cost more to prepare
 * than the steps they save (0.3 M instructions of a first screen). */
#define BATCH 16
#define BATCH_IDS "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
static const char sql_batch_projects[] =
    "SELECT " PROJECT_TRACKED_COLS " FROM project AS p"
    " LEFT JOIN project_track AS t ON t.project = p.id"
    " WHERE p.id IN " BATCH_IDS " AND p.archived IS NULL ORDER BY p.id, t.position";
static const char sql_batch_answers[] =
    "SELECT " ANSWER_PROGRESS_COLS ", project FROM answer WHERE project IN " BATCH_IDS
    " ORDER BY project, question";
static const char sql_batch_handoffs[] =
    "SELECT " HANDOFF_PROGRESS_COLS " FROM handoff WHERE project IN " BATCH_IDS
    " ORDER BY project";

/* A statement walked in step with the projects: its rows come ordered by
 * the project id in column pcol. */
struct walk {
	struct db_stmt	*st;
	int		 pcol;
	enum db_rc	 rc;	/* of the last step: DB_ROW while on a row */
};

/* Starts w at the first row of a project in [from, to). */
static enum db_rc
walk_start(struct store *s, struct walk *w, const char *sql, int pcol, int64_t from,
    int64_t to)
{
	enum db_rc rc;

	if ((w->st = db_prepare(s->db, sql, &rc)) == NULL)
		return rc;
	db_bind_int(w->st, 1, from);
	db_bind_int(w->st, 2, to);
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
	struct db_stmt *st;
	size_t acap = 0, hcap = 0, i;
	enum db_rc rc = DB_OK;
	int64_t lo, hi, last = INT64_MAX - 1;
	bool began;
	int status = 0;

	memset(&cur, 0, sizeof(cur));
	memset(w, 0, sizeof(w));
	/* One state throughout, also for what fn reads: SQLite keeps one
	 * while the statements are open, a server only in a transaction. */
	if ((status = store_read_begin(s, &began, cause)) != 0)
		return status;
	if (store_is_server(s)) {
		if ((st = db_prepare(s->db, sql_last, &rc)) != NULL) {
			if ((rc = db_step(st)) == DB_ROW)
				last = db_int(st, 0);
			if (rc == DB_ROW || rc == DB_DONE)
				rc = DB_OK;
			db_reset(st);
		}
	}
	cur.project = &p;
	for (lo = from; rc == DB_OK && status == 0 && lo <= last; lo = hi) {
		hi = !store_is_server(s) || lo > INT64_MAX - WALK_SPAN ? INT64_MAX : lo + WALK_SPAN;
		for (i = 0; i < W__COUNT && rc == DB_OK; i++)
			rc = walk_start(s, &w[i], walks[i].sql[light], walks[i].pcol[light], lo, hi);
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
		/* Every statement reset, so that no read lock outlives the
		 * call, and a server frees the window's rows. */
		for (i = 0; i < W__COUNT; i++)
			if (w[i].st != NULL)
				db_reset(w[i].st);
		if (hi == INT64_MAX)
			break;
	}
	store_read_end(s, began);
	return each_end(s, &cur, &pool, rc, status, cause);
}

int
store_each_project(struct store *s, int64_t from,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause)
{
	return each_walked(s, from, false, fn, arg, cause);
}

/* A batch of store_each_progress: up to BATCH projects and what they hold,
 * the answers and hand-offs of each together, in the order of the
 * projects' ids. */
struct batch {
	struct project	*p;
	size_t		 np;
	struct answer	*a;
	size_t		 na, acap;
	struct handoff	*h;
	size_t		 nh, hcap;
	/* Where p[i]'s answers and hand-offs begin in a and h, and how many. */
	size_t		 a_at[BATCH], a_n[BATCH], h_at[BATCH], h_n[BATCH];
};

/* The index in b of project pid, or b->np when it is not there. */
static size_t
batch_find(const struct batch *b, int64_t pid)
{
	size_t i;

	for (i = 0; i < b->np && b->p[i].id != pid; i++)
		;
	return i;
}

/* Prepares sql with the ids bound. */
static struct db_stmt *
batch_prepare(struct store *s, const char *sql, const int64_t *ids, size_t n, enum db_rc *rc)
{
	struct db_stmt *st = db_prepare(s->db, sql, rc);
	size_t i;

	for (i = 0; st != NULL && i < n; i++)
		db_bind_int(st, (int)i + 1, ids[i]);
	return st;
}

/* Reads the rows of sql for the n projects ids, which come by project
 * (its id in column pcol), into the array *v of records of size bytes
 * (*nv of *cap), each filled by row(); at[k] and len[k] say where b's
 * project k's begin and how many. Rows of a project not in b (archived)
 * are passed over. */
static enum db_rc
batch_rows(struct store *s, struct batch *b, const char *sql, const int64_t *ids, size_t n,
    int pcol, size_t size, store_row_fn *row, struct store_pool *pool,
    void *v, size_t *nv, size_t *cap, size_t *at, size_t *len)
{
	struct db_stmt *st;
	enum db_rc rc;
	size_t k;

	*nv = 0;
	memset(at, 0, BATCH * sizeof(*at));
	memset(len, 0, BATCH * sizeof(*len));
	if ((st = batch_prepare(s, sql, ids, n, &rc)) == NULL)
		return rc;
	for (k = b->np; (rc = db_step(st)) == DB_ROW;) {
		if (k == b->np || b->p[k].id != db_int(st, pcol)) {
			if ((k = batch_find(b, db_int(st, pcol))) == b->np)
				continue;
			at[k] = *nv;
		}
		xgrow(v, cap, *nv + 1, size);
		row(st, *(char **)v + *nv * size, pool);
		++*nv;
		len[k]++;
	}
	db_reset(st);
	return rc == DB_DONE ? DB_OK : rc;
}

/* Reads the n (at most BATCH) projects ids into b, their strings in pool. */
static enum db_rc
batch_read(struct store *s, const int64_t *ids, size_t n, struct batch *b,
    struct store_pool *pool)
{
	struct db_stmt *st;
	enum db_rc rc;
	size_t i;

	if ((st = batch_prepare(s, sql_batch_projects, ids, n, &rc)) == NULL ||
	    (rc = store_read_tracked(st, &b->p, &b->np)) != DB_OK ||
	    (rc = batch_rows(s, b, sql_batch_answers, ids, n, ANSWER_COL__PROGRESS,
	    sizeof(*b->a), store_answer_progress_row, pool, &b->a, &b->na, &b->acap,
	    b->a_at, b->a_n)) != DB_OK ||
	    (rc = batch_rows(s, b, sql_batch_handoffs, ids, n, HANDOFF_COL_PROJECT,
	    sizeof(*b->h), store_handoff_progress_row, pool, &b->h, &b->nh, &b->hcap,
	    b->h_at, b->h_n)) != DB_OK)
		return rc;
	for (i = 0; i < b->np; i++)
		store_handoffs_sort(b->h + b->h_at[i], b->h_n[i]);
	return DB_OK;
}

/* store_each_progress of the projects ids on SQLite: each on its own. */
static int
each_one(struct store *s, const int64_t *ids, size_t n,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause)
{
	struct store_pool pool = { 0 };
	struct store_project cur;
	size_t acap = 0, hcap = 0, i;
	enum db_rc rc = DB_OK;
	bool began;
	int status;

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

int
store_each_progress(struct store *s, const int64_t *ids, size_t n,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause)
{
	struct store_pool pool = { 0 };
	struct store_project cur;
	struct batch b;
	size_t i, j, k;
	enum db_rc rc = DB_OK;
	bool began;
	int status;

	if (ids == NULL)
		return each_walked(s, 0, true, fn, arg, cause);
	if (!store_is_server(s))
		return each_one(s, ids, n, fn, arg, cause);
	memset(&cur, 0, sizeof(cur));
	memset(&b, 0, sizeof(b));
	if ((status = store_read_begin(s, &began, cause)) != 0)
		return status;
	for (i = 0; i < n && rc == DB_OK && status == 0; i += BATCH) {
		size_t m = n - i < BATCH ? n - i : BATCH;

		rc = batch_read(s, ids + i, m, &b, &pool);
		/* In the order asked; one deleted or archived meanwhile is
		 * not there, as for the walk. */
		for (j = 0; rc == DB_OK && status == 0 && j < m; j++) {
			if ((k = batch_find(&b, ids[i + j])) == b.np)
				continue;
			cur.project = &b.p[k];
			cur.answers = b.a + b.a_at[k];
			cur.nanswers = b.a_n[k];
			cur.handoffs = b.h + b.h_at[k];
			cur.nhandoffs = b.h_n[k];
			status = fn(&cur, arg);
		}
		projects_free(b.p, b.np);
		b.p = NULL;
		b.np = 0;
		store_pool_clear(&pool);
	}
	store_read_end(s, began);
	free(b.a);
	free(b.h);
	store_pool_free(&pool);
	if (rc != DB_OK)
		return store_fail(s, rc, _("cannot read the projects"), cause);
	return status;
}
