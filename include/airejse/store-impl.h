/* SPDX-License-Identifier: EUPL-1.2 */
/* What the files of the store share: the store itself and the helpers
 * that turn rows into records. Only src/store*.c include it; the rest of
 * the program knows the store by store.h. Each store-*.c file keeps the
 * SQL of its concern together at its top, each SELECT with an enum of
 * its columns in their order beside it. */
#ifndef AIREJSE_STORE_IMPL_H
#define AIREJSE_STORE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airejse/db.h"
#include "airejse/record.h"
#include "airejse/store.h"

struct store {
	struct db	*db;
	char		*path;
	bool		 writable;
	const char	*readonly_why;	/* a static, translated reason */
	int		 version;
	uint64_t	 commits;	/* made through this connection */
	char		*account;	/* recorded with every change (store_set_account) */
};

/* Sets *cause to "what: why" for the failure rc (db.h), and returns the
 * exit status that fits it. */
int store_fail(struct store *s, enum db_rc rc, const char *what, char **cause);


/* Strings of records read in bulk, kept in large blocks freed at once. */
struct store_pool {
	char	**blocks;
	size_t	  nblocks;
	char	 *next;
	size_t	  left;
};

/* Column i as a source ("tui", "cli", "import"; the command line when
 * it is none of them). */
enum source store_col_source(struct db_stmt *st, int i);
/* Column i as an allocated string, NULL for SQL NULL. */
char *store_col_text(struct db_stmt *st, int i);
/* Column i as a string copied into pool, or allocated on its own when
 * pool is NULL; NULL for SQL NULL. */
char *store_col_copy(struct db_stmt *st, int i, struct store_pool *pool);
/* As store_col_copy, for a column the schema says is never NULL: a NULL
 * there (a damaged or hand-made file) is read as empty text, so that the
 * row is shown rather than followed into a crash. */
char *store_col_required(struct db_stmt *st, int i, struct store_pool *pool);
/* Frees the pool's blocks but keeps it for reuse; store_pool_free ends it. */
void store_pool_clear(struct store_pool *pool);
void store_pool_free(struct store_pool *pool);

/* Fills a record from the row st is on, its strings in pool (or
 * allocated if NULL). */
typedef void store_row_fn(struct db_stmt *st, void *rec, struct store_pool *pool);
/* Reads every row of st into the array *v of records of size bytes (of
 * *cap, grown as needed), each filled by row(); sets *n and returns
 * DB_OK or the failure. On failure *v still holds the rows read. */
enum db_rc store_read_into(struct db_stmt *st, size_t size, store_row_fn *row,
    struct store_pool *pool, void *v, size_t *cap, size_t *n);
/* Reads every row of st into a new array; as store_read_into otherwise. */
enum db_rc store_read_rows(struct db_stmt *st, size_t size, store_row_fn *row, void **out,
    size_t *n);

/* The columns of a project row, PROJECT_COLS, in their order. */
#define PROJECT_COLS "id, name, created, changed, archived"
enum { PROJECT_COL_ID, PROJECT_COL_NAME, PROJECT_COL_CREATED, PROJECT_COL_CHANGED,
	PROJECT_COL_ARCHIVED, PROJECT_COL__COUNT };
/* The same of a project p joined with its tracks t (LEFT JOIN
 * project_track AS t), and then a track: a row each, NULL for none. */
#define PROJECT_TRACKED_COLS "p.id, p.name, p.created, p.changed, p.archived, t.track"
/* Reads the projects of st's PROJECT_TRACKED_COLS rows, each project's
 * rows together and in its tracks' order, into a new array *v of *n;
 * DB_OK or the failure (*v still holds what was read). Resets st. */
enum db_rc store_read_tracked(struct db_stmt *st, struct project **v, size_t *n);
/* The columns of an answer, ANSWER_COLS; progress needs only the first
 * three (ANSWER_PROGRESS_COLS). */
#define ANSWER_PROGRESS_COLS "question, kind, value"
#define ANSWER_COLS ANSWER_PROGRESS_COLS ", revision, time, \"user\", source"
enum { ANSWER_COL_QUESTION, ANSWER_COL_KIND, ANSWER_COL_VALUE, ANSWER_COL__PROGRESS,
	ANSWER_COL_REVISION = ANSWER_COL__PROGRESS, ANSWER_COL_TIME, ANSWER_COL_USER, ANSWER_COL_SOURCE,
	ANSWER_COL__COUNT };
/* The columns of a hand-off, HANDOFF_COLS; progress needs only the first
 * seven (HANDOFF_PROGRESS_COLS): the due date and when it was raised are
 * for the projects' board (overdue, waiting longest). */
#define HANDOFF_PROGRESS_COLS "id, project, rule, role, state, due, raised"
#define HANDOFF_COLS HANDOFF_PROGRESS_COLS ", contact, note, changed"
enum { HANDOFF_COL_ID, HANDOFF_COL_PROJECT, HANDOFF_COL_RULE, HANDOFF_COL_ROLE, HANDOFF_COL_STATE,
	HANDOFF_COL_DUE, HANDOFF_COL_RAISED,
	HANDOFF_COL__PROGRESS, HANDOFF_COL_CONTACT = HANDOFF_COL__PROGRESS,
	HANDOFF_COL_NOTE, HANDOFF_COL_CHANGED, HANDOFF_COL__COUNT };

/* Rows as records (store-project.c, store-answer.c, store-handoff.c). */
void store_project_row(struct db_stmt *st, void *rec, struct store_pool *pool);
void store_project_add_track(struct project *p, const char *track);
/* From ANSWER_COLS or ANSWER_PROGRESS_COLS. */
void store_answer_row(struct db_stmt *st, void *rec, struct store_pool *pool);
void store_answer_progress_row(struct db_stmt *st, void *rec, struct store_pool *pool);
/* From HANDOFF_COLS or HANDOFF_PROGRESS_COLS. */
void store_handoff_row(struct db_stmt *st, void *rec, struct store_pool *pool);
void store_handoff_progress_row(struct db_stmt *st, void *rec, struct store_pool *pool);
/* Sorts hand-offs by id. */
void store_handoffs_sort(struct handoff *v, size_t n);
/* The project's answers and hand-offs with only what progress needs
 * (ANSWER_PROGRESS_COLS, HANDOFF_PROGRESS_COLS; the hand-offs by id),
 * read into *v as store_read_into does, their strings in pool. */
enum db_rc store_progress_answers(struct store *s, int64_t project, struct store_pool *pool,
    struct answer **v, size_t *cap, size_t *n);
enum db_rc store_progress_handoffs(struct store *s, int64_t project, struct store_pool *pool,
    struct handoff **v, size_t *cap, size_t *n);

#endif
