/* SPDX-License-Identifier: EUPL-1.2 */
/* Copying every row of one store into another, of either kind, keys
 * kept, and checking the copy: the rows of each table counted and a
 * digest of their contents, read back from both. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/hash.h"
#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/xalloc.h"

/* The tables in the order their foreign keys need, each with its
 * columns (every column of version 9), the insert of one row and the
 * key the database numbers itself, if any. */
#define PROJECT_ALL "id, name, created, changed, archived"
#define TRACK_ALL "project, position, track"
#define ANSWER_ALL "project, question, kind, value, revision, time, \"user\", source"
#define ANSWER_EVENT_ALL "id, project, question, old_kind, old_value, new_kind, new_value," \
    " revision, time, \"user\", source, account, respondent, login"
#define HANDOFF_ALL "id, project, rule, role, state, due, contact, note, raised, changed"
#define HANDOFF_EVENT_ALL "id, handoff, old_state, new_state, note, due, time, \"user\"," \
    " source, account, login"
#define PROJECT_EVENT_ALL "id, project, what, old_name, new_name, time, \"user\", account, source"
#define REVIEW_ALL "id, project, kind, subject, role, state, comment, name, seen, time," \
    " \"user\", source"
#define Q2 "?, ?"
#define Q4 Q2 ", " Q2
#define Q8 Q4 ", " Q4

static const char sel_project[] = "SELECT " PROJECT_ALL " FROM project";
static const char ins_project[] = "INSERT INTO project (" PROJECT_ALL ") VALUES (" Q4 ", ?)";
static const char sel_track[] = "SELECT " TRACK_ALL " FROM project_track";
static const char ins_track[] = "INSERT INTO project_track (" TRACK_ALL ") VALUES (" Q2 ", ?)";
static const char sel_answer[] = "SELECT " ANSWER_ALL " FROM answer";
static const char ins_answer[] = "INSERT INTO answer (" ANSWER_ALL ") VALUES (" Q8 ")";
static const char sel_answer_event[] = "SELECT " ANSWER_EVENT_ALL " FROM answer_event";
static const char ins_answer_event[] =
    "INSERT INTO answer_event (" ANSWER_EVENT_ALL ") VALUES (" Q8 ", " Q4 ", " Q2 ")";
static const char sel_handoff[] = "SELECT " HANDOFF_ALL " FROM handoff";
static const char ins_handoff[] =
    "INSERT INTO handoff (" HANDOFF_ALL ") VALUES (" Q8 ", " Q2 ")";
static const char sel_handoff_event[] = "SELECT " HANDOFF_EVENT_ALL " FROM handoff_event";
static const char ins_handoff_event[] =
    "INSERT INTO handoff_event (" HANDOFF_EVENT_ALL ") VALUES (" Q8 ", " Q2 ", ?)";
static const char sel_project_event[] = "SELECT " PROJECT_EVENT_ALL " FROM project_event";
static const char ins_project_event[] =
    "INSERT INTO project_event (" PROJECT_EVENT_ALL ") VALUES (" Q8 ", ?)";
static const char sel_review[] = "SELECT " REVIEW_ALL " FROM review";
static const char ins_review[] = "INSERT INTO review (" REVIEW_ALL ") VALUES (" Q8 ", " Q4 ")";
/* Every other row goes with its project. */
static const char sql_empty[] = "DELETE FROM project";
static const char sql_any[] = "SELECT count(*) FROM project";

static const struct {
	const char	*name;
	const char	*select, *insert;
	int		 ncols;
	const char	*key;
} tables[STORE_COPY__TABLES] = {
	{ "project", sel_project, ins_project, 5, "id" },
	{ "project_track", sel_track, ins_track, 3, NULL },
	{ "answer", sel_answer, ins_answer, 8, NULL },
	{ "answer_event", sel_answer_event, ins_answer_event, 14, "id" },
	{ "handoff", sel_handoff, ins_handoff, 10, "id" },
	{ "handoff_event", sel_handoff_event, ins_handoff_event, 11, "id" },
	{ "project_event", sel_project_event, ins_project_event, 9, "id" },
	{ "review", sel_review, ins_review, 12, "id" },
};

/* Each row of every table, counted and digested. The digest of a table
 * is the sum of its rows' hashes, so that it does not depend on the
 * order the rows come in (which two databases may sort text in apart);
 * each row's hash covers the table's name and every value, NULL apart
 * from any text. */
static enum db_rc
digest(struct store *s, struct store_copy_counts *c)
{
	struct db_stmt *st;
	enum db_rc rc = DB_OK;
	size_t t;
	int i;

	c->digest = 0;
	for (t = 0; t < STORE_COPY__TABLES && rc == DB_OK; t++) {
		c->rows[t] = 0;
		if ((st = db_prepare(s->db, tables[t].select, &rc)) == NULL)
			break;
		while ((rc = db_step(st)) == DB_ROW) {
			uint64_t h = hash_str(HASH_INIT, tables[t].name);

			for (i = 0; i < tables[t].ncols; i++) {
				const char *v = db_text(st, i);

				h = v != NULL ? hash_str(h, v) : hash_bytes(h, "\xff", 1);
			}
			c->digest += h;
			c->rows[t]++;
		}
		db_reset(st);
		if (rc == DB_DONE)
			rc = DB_OK;
	}
	return rc;
}

static enum db_rc
copy_table(struct store *from, struct store *to, size_t t)
{
	struct db_stmt *sel, *ins;
	enum db_rc rc;
	int i;

	if ((sel = db_prepare(from->db, tables[t].select, &rc)) == NULL)
		return rc;
	while ((rc = db_step(sel)) == DB_ROW) {
		if ((ins = db_prepare(to->db, tables[t].insert, &rc)) == NULL)
			break;
		/* As text: each database reads its numbers back from it. */
		for (i = 0; i < tables[t].ncols; i++)
			db_bind_text(ins, i + 1, db_text(sel, i));
		if ((rc = db_run(ins, NULL)) != DB_OK)
			break;
	}
	db_reset(sel);
	if (rc == DB_DONE)
		rc = DB_OK;
	if (rc == DB_OK && tables[t].key != NULL)
		rc = db_keys_follow(to->db, tables[t].name, tables[t].key);
	if (rc == DB_OK)
		rc = db_analyze(to->db, tables[t].name);
	return rc;
}

int
store_copy(struct store *from, struct store *to, bool force, struct store_copy_counts *out,
    char **cause)
{
	struct store_copy_counts theirs = { 0 };
	struct db_stmt *st;
	enum db_rc rc = DB_OK;
	int64_t n = 0;
	size_t t;
	int status;

	memset(out, 0, sizeof(*out));
	if (strcmp(from->path, to->path) == 0) {
		*cause = xasprintf(_("cannot copy %s onto itself: give another database to copy to"),
		    from->path);
		return EX_USAGE;
	}
	if ((status = store_begin_read(from, cause)) != 0)
		return status;
	if ((status = store_begin(to, cause)) != 0) {
		store_rollback(from);
		return status;
	}
	if ((st = db_prepare(to->db, sql_any, &rc)) != NULL) {
		if ((rc = db_step(st)) == DB_ROW) {
			n = db_int(st, 0);
			rc = DB_OK;
		}
		db_reset(st);
	}
	if (rc == DB_OK && n > 0 && !force) {
		*cause = xasprintf(ngettext("%s holds %lld project already: give an empty database to copy to, or add --force to replace what it holds",
		    "%s holds %lld projects already: give an empty database to copy to, or add --force to replace what it holds",
		    (unsigned long)n), to->path, (long long)n);
		status = EX_CANTCREAT;
		goto out;
	}
	if (rc == DB_OK && n > 0 && (st = db_prepare(to->db, sql_empty, &rc)) != NULL)
		rc = db_run(st, NULL);
	for (t = 0; t < STORE_COPY__TABLES && rc == DB_OK; t++)
		rc = copy_table(from, to, t);
	if (rc != DB_OK) {
		status = store_fail(to, rc, _("cannot copy the database"), cause);
		goto out;
	}
	/* Read back, before the copy is committed: a copy that differs is
	 * never kept. */
	if ((rc = digest(from, out)) != DB_OK) {
		status = store_fail(from, rc, _("cannot read the database to copy"), cause);
		goto out;
	}
	if ((rc = digest(to, &theirs)) != DB_OK) {
		status = store_fail(to, rc, _("cannot check the copy"), cause);
		goto out;
	}
	if (memcmp(out, &theirs, sizeof(theirs)) != 0) {
		*cause = xasprintf(_("the copy in %s differs from %s when read back (digest %016llx against %016llx); nothing was saved there"),
		    to->path, from->path, (unsigned long long)theirs.digest,
		    (unsigned long long)out->digest);
		status = EX_SOFTWARE;
		goto out;
	}
	status = store_commit(to, cause);
	store_rollback(from);
	return status;
out:
	store_rollback(to);
	store_rollback(from);
	return status;
}
