/* SPDX-License-Identifier: EUPL-1.2 */
/* The store: files, modes, schema versions, records, history, backup. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libpq-fe.h>
#include <poll.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/store.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static char *dir;

static void
setup(void)
{
	dir = tu_tmpdir();
}

static void
teardown(void)
{
	tu_rmrf(dir);
	free(dir);
}

/* Opens path and fails the test on any error. */
static struct store *
open_ok(const char *path)
{
	struct store *s = NULL;
	char *cause = NULL;
	int rc = store_open(path, 0, &s, &cause);

	ck_assert_msg(rc == 0, "store_open: %d %s", rc, cause);
	return s;
}

static void sql_exec(const char *path, const char *sql);

static void
ok(int rc, char *cause)
{
	ck_assert_msg(rc == 0, "status %d: %s", rc, cause ? cause : "");
}

static int64_t
new_project(struct store *s, const char *name)
{
	char *tracks[] = { "alpha", "beta" }, *cause = NULL;
	int64_t id = 0;

	ok(store_begin(s, &cause), cause);
	ok(store_project_add(s, name, tracks, 2, 1000, &id, &cause), cause);
	ok(store_commit(s, &cause), cause);
	return id;
}

static void
set(struct store *s, int64_t p, const char *q, enum answer_kind kind, const char *v,
    int64_t now)
{
	char *cause = NULL;

	ok(store_begin(s, &cause), cause);
	ok(store_answer_set(s, p, q, kind, v, now, "tester", SOURCE_CLI, NULL, &cause), cause);
	ok(store_commit(s, &cause), cause);
}

START_TEST(creates_folders_and_file_private)
{
	char *path = xasprintf("%s/a/b/airejse.db", dir), *sub = xasprintf("%s/a", dir);
	struct store *s;
	struct stat sb;

	umask(022);
	s = open_ok(path);
	ck_assert_int_eq(store_schema_version(s), STORE_VERSION);
	ck_assert(store_writable(s));
	ck_assert_int_eq(stat(sub, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0700);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	store_close(s);
	free(path);
	free(sub);
}
END_TEST

START_TEST(projects)
{
	char *path = tu_store(dir, "p"), *cause = NULL;
	struct store *s = open_ok(path);
	struct project *p = NULL, *v = NULL;
	char *tracks[] = { "alpha" };
	int64_t a, b;
	size_t n;

	a = new_project(s, "Ærø – øjenklinik");
	b = new_project(s, "Second");
	ck_assert_int_gt(b, a);
	ok(store_project_get(s, a, &p, &cause), cause);
	ck_assert_str_eq(p->name, "Ærø – øjenklinik");
	ck_assert_int_eq(p->ntracks, 2);
	ck_assert_str_eq(p->tracks[0], "alpha");
	ck_assert_str_eq(p->tracks[1], "beta");
	ck_assert_int_eq(p->created, 1000);
	project_free(p);

	/* A name is unique. */
	ok(store_begin(s, &cause), cause);
	ck_assert_int_eq(store_project_add(s, "Second", tracks, 1, 1, NULL, &cause), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(cause, "Second"));
	xfree(cause);
	store_rollback(s);

	/* A failed statement ends the action: PostgreSQL takes nothing
	 * more in its transaction. */
	ok(store_begin(s, &cause), cause);
	ok(store_project_rename(s, b, "Anden på dansk", 2000, "mette", SOURCE_CLI, &cause), cause);
	ok(store_commit(s, &cause), cause);
	ok(store_begin(s, &cause), cause);
	ck_assert_int_eq(store_project_rename(s, a, "Anden på dansk", 2000, "mette", SOURCE_CLI,
	    &cause), EX_DATAERR);
	xfree(cause);
	store_rollback(s);
	ok(store_begin(s, &cause), cause);
	ck_assert_int_eq(store_project_rename(s, 999, "x", 2000, "mette", SOURCE_CLI, &cause),
	    EX_NOINPUT);
	xfree(cause);
	store_rollback(s);

	ok(store_project_named(s, "Anden på dansk", &p, &cause), cause);
	ck_assert_int_eq(p->id, b);
	ck_assert_int_eq(p->changed, 2000);
	project_free(p);
	ck_assert_int_eq(store_project_named(s, "nope", &p, &cause), EX_NOINPUT);
	ck_assert_ptr_null(p);
	xfree(cause);

	ok(store_projects(s, &v, &n, &cause), cause);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(v[0].id, a);
	ck_assert_int_eq(v[0].ntracks, 2);
	ck_assert_int_eq(v[1].ntracks, 2);
	projects_free(v, n);

	/* Deleting takes the answers, hand-offs and history along. */
	set(s, a, "behov", ANSWER_VALUE, "x", 1);
	ok(store_begin(s, &cause), cause);
	ok(store_handoff_raise(s, a, "r", "jurist", NULL, 1, "t", SOURCE_CLI, NULL, &cause), cause);
	ok(store_project_delete(s, a, &cause), cause);
	ok(store_commit(s, &cause), cause);
	{
		struct answer_event *ev;
		struct handoff *h;

		ok(store_answer_history(s, a, NULL, &ev, &n, &cause), cause);
		ck_assert_int_eq(n, 0);
		free(ev);
		ok(store_handoffs(s, a, &h, &n, &cause), cause);
		ck_assert_int_eq(n, 0);
		free(h);
	}
	ck_assert_int_eq(store_project_get(s, a, &p, &cause), EX_NOINPUT);
	xfree(cause);
	store_close(s);
	free(path);
}
END_TEST

START_TEST(answers_and_history)
{
	char *path = tu_store(dir, "h"), *cause = NULL;
	struct store *s = open_ok(path);
	struct answer a, *v;
	struct answer_event *ev;
	int64_t p = new_project(s, "P");
	size_t n;

	ok(store_answer(s, p, "behov", &a, &cause), cause);
	ck_assert_int_eq(a.revision, 0);
	ck_assert_int_eq(a.kind, ANSWER_NONE);
	answer_clear(&a);

	set(s, p, "behov", ANSWER_VALUE, "Mere tid til patienterne – æøå", 10);
	set(s, p, "behov", ANSWER_DONTKNOW, "ignored", 20);
	set(s, p, "behov", ANSWER_NONE, NULL, 30);
	set(s, p, "beloeb", ANSWER_VALUE, "1600000", 40);

	ok(store_answer(s, p, "behov", &a, &cause), cause);
	ck_assert_int_eq(a.revision, 3);
	ck_assert_int_eq(a.kind, ANSWER_NONE);
	ck_assert_ptr_null(a.value);
	ck_assert_str_eq(a.user, "tester");
	ck_assert_int_eq(a.source, SOURCE_CLI);
	answer_clear(&a);

	/* Cleared answers are listed, so their revision is known. */
	ok(store_answers(s, p, &v, &n, &cause), cause);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(v[0].question, "behov");
	ck_assert_str_eq(v[1].question, "beloeb");
	ck_assert_str_eq(v[1].value, "1600000");
	answers_free(v, n);

	ok(store_answer_history(s, p, "behov", &ev, &n, &cause), cause);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(ev[0].old_kind, ANSWER_NONE);
	ck_assert_int_eq(ev[0].new_kind, ANSWER_VALUE);
	ck_assert_str_eq(ev[0].new_value, "Mere tid til patienterne – æøå");
	ck_assert_int_eq(ev[1].old_kind, ANSWER_VALUE);
	ck_assert_str_eq(ev[1].old_value, "Mere tid til patienterne – æøå");
	ck_assert_int_eq(ev[1].new_kind, ANSWER_DONTKNOW);
	ck_assert_ptr_null(ev[1].new_value);
	ck_assert_int_eq(ev[2].new_kind, ANSWER_NONE);
	ck_assert_int_eq(ev[2].revision, 3);
	ck_assert_int_eq(ev[2].time, 30);
	answer_events_free(ev, n);

	ok(store_answer_history(s, p, NULL, &ev, &n, &cause), cause);
	ck_assert_int_eq(n, 4);
	answer_events_free(ev, n);

	/* A rolled back answer leaves nothing behind. */
	ok(store_begin(s, &cause), cause);
	ok(store_answer_set(s, p, "antal", ANSWER_VALUE, "3", 50, "t", SOURCE_TUI, NULL, &cause), cause);
	store_rollback(s);
	ok(store_answer(s, p, "antal", &a, &cause), cause);
	ck_assert_int_eq(a.revision, 0);
	answer_clear(&a);

	/* An answer to a project that is gone is refused. */
	ok(store_begin(s, &cause), cause);
	ck_assert_int_eq(store_answer_set(s, 999, "x", ANSWER_VALUE, "1", 1, "t", SOURCE_CLI, NULL,
	    &cause), EX_NOINPUT);
	xfree(cause);
	store_rollback(s);
	store_close(s);
	free(path);
}
END_TEST

START_TEST(handoffs)
{
	char *path = tu_store(dir, "ho"), *cause = NULL;
	struct store *s = open_ok(path);
	int64_t p = new_project(s, "P"), id;
	struct handoff *h, *v;
	struct handoff_event *ev;
	size_t n;

	ok(store_begin(s, &cause), cause);
	ok(store_handoff_raise(s, p, "jurist-gdpr", "jurist", "Jens <j@x.dk>", 5, "a", SOURCE_TUI,
	    &id, &cause), cause);
	ok(store_handoff_set(s, id, HANDOFF_SENT, "2026-12-01", "Jens <j@x.dk>", "sendt på mail",
	    6, "b", SOURCE_CLI, &cause), cause);
	ok(store_handoff_set(s, id, HANDOFF_ANSWERED, "2026-12-01", NULL, NULL, 7, "c",
	    SOURCE_CLI, &cause), cause);
	ok(store_commit(s, &cause), cause);

	ok(store_handoff_get(s, p, "jurist-gdpr", &h, &cause), cause);
	ck_assert_int_eq(h->id, id);
	ck_assert_int_eq(h->state, HANDOFF_ANSWERED);
	ck_assert_str_eq(h->due, "2026-12-01");
	ck_assert_str_eq(h->note, "sendt på mail");	/* kept when none is given */
	ck_assert_ptr_null(h->contact);
	ck_assert_int_eq(h->raised, 5);
	ck_assert_int_eq(h->changed, 7);
	handoff_free(h);
	ck_assert_int_eq(store_handoff_get(s, p, "other", &h, &cause), EX_NOINPUT);
	xfree(cause);

	ok(store_handoff_history(s, id, &ev, &n, &cause), cause);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(ev[0].old_state, -1);
	ck_assert_int_eq(ev[0].new_state, HANDOFF_RAISED);
	ck_assert_str_eq(ev[0].user, "a");
	ck_assert_int_eq(ev[0].source, SOURCE_TUI);
	ck_assert_int_eq(ev[1].old_state, HANDOFF_RAISED);
	ck_assert_int_eq(ev[1].new_state, HANDOFF_SENT);
	ck_assert_str_eq(ev[1].note, "sendt på mail");
	ck_assert_int_eq(ev[2].new_state, HANDOFF_ANSWERED);
	ck_assert_ptr_null(ev[2].note);
	handoff_events_free(ev, n);

	/* One per project and rule. */
	ok(store_begin(s, &cause), cause);
	ck_assert_int_ne(store_handoff_raise(s, p, "jurist-gdpr", "jurist", NULL, 5, "a",
	    SOURCE_TUI, NULL, &cause), 0);
	xfree(cause);
	store_rollback(s);

	ok(store_handoffs(s, 0, &v, &n, &cause), cause);
	ck_assert_int_eq(n, 1);
	handoffs_free(v, n);
	store_close(s);
	free(path);
}
END_TEST

/* Every project in turn (store_each_project). */

struct seen {
	struct store	*s;		/* read from inside the walk */
	struct store	*other;		/* writes during the walk */
	int64_t		 later;		/* the project it answers */
	int64_t		 ids[8];
	size_t		 nanswers[8];
	size_t		 n;
	size_t		 stop_at;	/* 0: never */
	bool		 light;		/* only what progress needs (store_each_progress) */
};

static int
seen_one(const struct store_project *p, void *arg)
{
	struct seen *w = arg;
	struct answer *v;
	struct handoff *h;
	char *cause = NULL;
	size_t n, i;

	ck_assert_uint_lt(w->n, 8);
	w->ids[w->n] = p->project->id;
	w->nanswers[w->n] = p->nanswers;
	w->n++;
	/* The same as reading the project on its own, also from inside;
	 * light, without what progress does not need. */
	ok(store_answers(w->s, p->project->id, &v, &n, &cause), cause);
	ck_assert_uint_eq(n, p->nanswers);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(p->answers[i].question, v[i].question);
		ck_assert_int_eq(p->answers[i].kind, v[i].kind);
		ck_assert_pstr_eq(p->answers[i].value, v[i].value);
		ck_assert_int_eq(p->answers[i].revision, w->light ? 0 : v[i].revision);
		ck_assert_pstr_eq(p->answers[i].user, w->light ? NULL : v[i].user);
	}
	answers_free(v, n);
	ok(store_handoffs(w->s, p->project->id, &h, &n, &cause), cause);
	ck_assert_uint_eq(n, p->nhandoffs);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(p->handoffs[i].id, h[i].id);
		ck_assert_str_eq(p->handoffs[i].rule, h[i].rule);
		ck_assert_str_eq(p->handoffs[i].role, h[i].role);
		ck_assert_int_eq(p->handoffs[i].state, h[i].state);
		ck_assert_pstr_eq(p->handoffs[i].note, w->light ? NULL : h[i].note);
		/* The light read brings the due date and the time raised
		 * too, for the projects' board. */
		ck_assert_pstr_eq(p->handoffs[i].due, h[i].due);
		ck_assert_int_eq(p->handoffs[i].raised, h[i].raised);
	}
	handoffs_free(h, n);
	ck_assert_uint_eq(p->project->ntracks, 2);
	ck_assert_str_eq(p->project->tracks[1], "beta");
	/* Another writer meanwhile: the walk goes on in the state it began in. */
	if (w->other != NULL && w->n == 1) {
		int64_t late = new_project(w->other, "Kom senere");

		set(w->other, late, "behov", ANSWER_VALUE, "Senere", 90);
		set(w->other, w->later, "noter", ANSWER_VALUE, "Senere", 91);
	}
	return w->n == w->stop_at ? 7 : 0;
}

START_TEST(each_project)
{
	char *path = tu_store(dir, "each"), *cause = NULL;
	struct store *s = open_ok(path);
	struct seen w;
	int64_t a, b, c, d;
	int light;

	memset(&w, 0, sizeof(w));
	w.s = s;
	ok(store_each_project(s, 0, seen_one, &w, &cause), cause);
	ck_assert_uint_eq(w.n, 0);
	a = new_project(s, "A");
	b = new_project(s, "B");
	c = new_project(s, "C");
	d = new_project(s, "D");
	/* Saved across the projects; one without anything. */
	set(s, c, "noter", ANSWER_VALUE, "c1", 1);
	set(s, a, "behov", ANSWER_VALUE, "a1", 2);
	set(s, c, "behov", ANSWER_DONTKNOW, NULL, 3);
	set(s, a, "aftale", ANSWER_VALUE, "nej", 4);
	set(s, a, "antal", ANSWER_NONE, NULL, 5);
	set(s, d, "behov", ANSWER_VALUE, "d1", 6);
	ok(store_begin(s, &cause), cause);
	ok(store_handoff_raise(s, c, "z-sidst", "jurist", NULL, 7, "t", SOURCE_CLI, NULL, &cause), cause);
	ok(store_handoff_raise(s, a, "r", "jurist", NULL, 7, "t", SOURCE_CLI, NULL, &cause), cause);
	ok(store_handoff_raise(s, c, "a-først", "leder", NULL, 8, "t", SOURCE_CLI, NULL, &cause), cause);
	ok(store_commit(s, &cause), cause);
	ok(store_begin(s, &cause), cause);
	ok(store_project_delete(s, b, &cause), cause);
	ok(store_commit(s, &cause), cause);

	/* Every project by id, each as read on its own; then the same walk
	 * with only what progress needs. */
	for (light = 0; light < 2; light++) {
		memset(&w, 0, sizeof(w));
		w.s = s;
		w.light = light;
		ok(light ? store_each_progress(s, NULL, 0, seen_one, &w, &cause) :
		    store_each_project(s, 0, seen_one, &w, &cause), cause);
		ck_assert_uint_eq(w.n, 3);
		ck_assert_int_eq(w.ids[0], a);
		ck_assert_int_eq(w.ids[1], c);
		ck_assert_int_eq(w.ids[2], d);
		ck_assert_uint_eq(w.nanswers[0], 3);
		ck_assert_uint_eq(w.nanswers[1], 2);
	}
	/* From a project on; stopped by fn. */
	memset(&w, 0, sizeof(w));
	w.s = s;
	ok(store_each_project(s, b, seen_one, &w, &cause), cause);
	ck_assert_uint_eq(w.n, 2);
	ck_assert_int_eq(w.ids[0], c);
	memset(&w, 0, sizeof(w));
	w.s = s;
	w.stop_at = 2;
	ck_assert_int_eq(store_each_project(s, 0, seen_one, &w, &cause), 7);
	ck_assert_uint_eq(w.n, 2);
	/* One consistent state: what another connection saves meanwhile is
	 * not seen, and is there afterwards. */
	memset(&w, 0, sizeof(w));
	w.s = s;
	w.other = open_ok(path);
	w.later = d;
	ok(store_each_project(s, 0, seen_one, &w, &cause), cause);
	ck_assert_uint_eq(w.n, 3);
	ck_assert_uint_eq(w.nanswers[2], 1);
	store_close(w.other);
	memset(&w, 0, sizeof(w));
	w.s = s;
	ok(store_each_project(s, 0, seen_one, &w, &cause), cause);
	ck_assert_uint_eq(w.n, 4);
	ck_assert_uint_eq(w.nanswers[1], 2);
	ck_assert_uint_eq(w.nanswers[2], 2);
	ck_assert_uint_eq(w.nanswers[3], 1);
	/* No lock is left behind: another connection can write. */
	w.other = open_ok(path);
	new_project(w.other, "Efter");
	store_close(w.other);
	store_close(s);
	free(path);
}
END_TEST

/* The projects by their last change, a page at a time, and a project's
 * place in that order. */

static void
touch(struct store *s, int64_t p, int64_t now)
{
	char *cause = NULL;

	ok(store_begin(s, &cause), cause);
	ok(store_project_touch(s, p, now, &cause), cause);
	ok(store_commit(s, &cause), cause);
}

/* Checks that the projects from offset on, at most limit, are want[]
 * (ending with 0), each with its tracks. */
static void
page_is(struct store *s, size_t offset, size_t limit, const int64_t *want)
{
	struct project *v;
	char *cause = NULL;
	size_t n, i;

	ok(store_projects_by_change(s, offset, limit, &v, &n, &cause), cause);
	for (i = 0; want[i] != 0; i++) {
		ck_assert_uint_lt(i, n);
		ck_assert_int_eq(v[i].id, want[i]);
		ck_assert_uint_eq(v[i].ntracks, 2);
		ck_assert_str_eq(v[i].tracks[1], "beta");
	}
	ck_assert_uint_eq(n, i);
	projects_free(v, n);
}

START_TEST(projects_by_change)
{
	char *path = tu_store(dir, "change"), *cause = NULL;
	struct store *s = open_ok(path), *other;
	static const int64_t none[] = { 0 };
	int64_t a, b, c, d, e;
	size_t n, r;

	ok(store_project_count(s, &n, &cause), cause);
	ck_assert_uint_eq(n, 0);
	page_is(s, 0, 10, none);
	ck_assert_int_eq(store_project_rank(s, 1, &r, &cause), EX_NOINPUT);
	xfree(cause);

	/* Made in one second (1000), then changed out of their order; b and
	 * d in the same second, and a project deleted. */
	a = new_project(s, "A");
	b = new_project(s, "B");
	c = new_project(s, "C");
	d = new_project(s, "D");
	e = new_project(s, "E");
	touch(s, a, 3000);
	touch(s, d, 2000);
	touch(s, b, 2000);
	ok(store_begin(s, &cause), cause);
	ok(store_project_delete(s, c, &cause), cause);
	ok(store_commit(s, &cause), cause);
	ok(store_project_count(s, &n, &cause), cause);
	ck_assert_uint_eq(n, 4);
	{
		const int64_t all[] = { a, b, d, e, 0 }, mid[] = { b, d, 0 }, last[] = { e, 0 };

		page_is(s, 0, 10, all);
		page_is(s, 1, 2, mid);
		page_is(s, 3, 2, last);
		page_is(s, 4, 2, none);
		page_is(s, 99, 1, none);
		for (n = 0; all[n] != 0; n++) {
			ok(store_project_rank(s, all[n], &r, &cause), cause);
			ck_assert_uint_eq(r, n);
		}
	}
	ck_assert_int_eq(store_project_rank(s, c, &r, &cause), EX_NOINPUT);
	ck_assert_ptr_nonnull(strstr(cause, "no project"));
	xfree(cause);

	/* A change moves a project to the front; inside a read transaction
	 * of the caller's it reads in that, and leaves it open. */
	touch(s, e, 4000);
	ok(store_begin_read(s, &cause), cause);
	{
		const int64_t all[] = { e, a, b, d, 0 };

		page_is(s, 0, 10, all);
		other = open_ok(path);
		touch(other, d, 5000);
		store_close(other);
		page_is(s, 0, 10, all);
	}
	store_rollback(s);
	{
		const int64_t all[] = { d, e, a, b, 0 };

		page_is(s, 0, 10, all);
	}
	/* No lock is left behind: another connection can write. */
	other = open_ok(path);
	new_project(other, "Efter");
	store_close(other);
	store_close(s);
	free(path);
}
END_TEST

/* Chosen projects with what progress needs (store_each_progress). */

START_TEST(each_progress)
{
	char *path = tu_store(dir, "light"), *cause = NULL;
	struct store *s = open_ok(path);
	struct seen w;
	int64_t a, b, c, d, ids[5];

	a = new_project(s, "A");
	b = new_project(s, "B");
	c = new_project(s, "C");
	d = new_project(s, "D");
	set(s, c, "noter", ANSWER_VALUE, "c1", 1);
	set(s, a, "behov", ANSWER_VALUE, "a1", 2);
	set(s, c, "behov", ANSWER_DONTKNOW, NULL, 3);
	set(s, a, "antal", ANSWER_NONE, NULL, 5);
	set(s, a, "aftale", ANSWER_VALUE, "nej", 4);
	ok(store_begin(s, &cause), cause);
	ok(store_handoff_raise(s, c, "z-sidst", "jurist", NULL, 7, "t", SOURCE_CLI, NULL, &cause), cause);
	ok(store_handoff_raise(s, a, "r", "jurist", NULL, 7, "t", SOURCE_CLI, NULL, &cause), cause);
	ok(store_handoff_raise(s, c, "a-først", "leder", NULL, 8, "t", SOURCE_CLI, NULL, &cause), cause);
	ok(store_handoff_set(s, 3, HANDOFF_SENT, "2026-12-01", NULL, "Sendt", 9, "t", SOURCE_CLI,
	    &cause), cause);
	ok(store_project_delete(s, b, &cause), cause);
	ok(store_commit(s, &cause), cause);

	/* In the order given; one not there passed over. */
	ids[0] = c;
	ids[1] = b;
	ids[2] = a;
	ids[3] = 999;
	ids[4] = d;
	memset(&w, 0, sizeof(w));
	w.s = s;
	w.light = true;
	ok(store_each_progress(s, ids, 5, seen_one, &w, &cause), cause);
	ck_assert_uint_eq(w.n, 3);
	ck_assert_int_eq(w.ids[0], c);
	ck_assert_int_eq(w.ids[1], a);
	ck_assert_int_eq(w.ids[2], d);
	memset(&w, 0, sizeof(w));
	w.s = s;
	w.light = true;
	ok(store_each_progress(s, ids, 0, seen_one, &w, &cause), cause);
	ck_assert_uint_eq(w.n, 0);
	/* Stopped by fn. */
	w.stop_at = 2;
	ck_assert_int_eq(store_each_progress(s, ids, 5, seen_one, &w, &cause), 7);
	ck_assert_uint_eq(w.n, 2);
	/* One consistent state: what another connection saves meanwhile is
	 * not seen (seen_one compares with reads made inside), and is
	 * there afterwards. */
	memset(&w, 0, sizeof(w));
	w.s = s;
	w.light = true;
	w.other = open_ok(path);
	w.later = a;
	ok(store_each_progress(s, ids, 5, seen_one, &w, &cause), cause);
	ck_assert_uint_eq(w.n, 3);
	ck_assert_uint_eq(w.nanswers[1], 3);
	store_close(w.other);
	memset(&w, 0, sizeof(w));
	w.s = s;
	w.light = true;
	ids[0] = a;
	ok(store_each_progress(s, ids, 1, seen_one, &w, &cause), cause);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_uint_eq(w.nanswers[0], 4);
	/* No lock is left behind: another connection can write. */
	w.other = open_ok(path);
	new_project(w.other, "Efter");
	store_close(w.other);
	store_close(s);
	free(path);
}
END_TEST

/* What each_many_one saw. */
struct many {
	struct store	*s;
	int64_t		 ids[64];
	size_t		 n;
};

/* Records the project and checks it holds what it holds when read on
 * its own. */
static int
each_many_one(const struct store_project *p, void *arg)
{
	struct many *m = arg;
	struct answer *v;
	struct handoff *h;
	char *cause = NULL, name[32];
	size_t n, i;

	ck_assert_uint_lt(m->n, 64);
	m->ids[m->n++] = p->project->id;
	snprintf(name, sizeof(name), "P%lld", (long long)p->project->id);
	ck_assert_str_eq(p->project->name, name);
	ck_assert_uint_eq(p->project->ntracks, 2);
	ck_assert_str_eq(p->project->tracks[0], "alpha");
	ok(store_answers(m->s, p->project->id, &v, &n, &cause), cause);
	ck_assert_uint_eq(p->nanswers, n);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(p->answers[i].question, v[i].question);
		ck_assert_pstr_eq(p->answers[i].value, v[i].value);
	}
	answers_free(v, n);
	ok(store_handoffs(m->s, p->project->id, &h, &n, &cause), cause);
	ck_assert_uint_eq(p->nhandoffs, n);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(p->handoffs[i].id, h[i].id);
	handoffs_free(h, n);
	return 0;
}

/* More projects than one statement asks for (they are read 16 at a
 * time): each once, in the order given, with its own answers, hand-offs
 * and tracks, however the batches fall; one archived or not there is
 * passed over. */
START_TEST(each_progress_in_batches)
{
	char *path = tu_store(dir, "batches"), *cause = NULL, name[32], v[32];
	struct store *s = open_ok(path);
	struct many m = { 0 };
	int64_t ids[45], id;
	size_t i, n = 0, want = 0;

	for (i = 1; i <= 40; i++) {
		snprintf(name, sizeof(name), "P%zu", i);
		id = new_project(s, name);
		ck_assert_int_eq(id, (int64_t)i);
		/* None, one or two answers; a hand-off on every third. */
		if (i % 3 != 0) {
			snprintf(v, sizeof(v), "svar %zu æøå", i);
			set(s, id, "behov", ANSWER_VALUE, v, 10);
		}
		if (i % 3 == 1)
			set(s, id, "titel", ANSWER_VALUE, "Titel", 11);
		if (i % 3 == 0) {
			ok(store_begin(s, &cause), cause);
			ok(store_handoff_raise(s, id, "r", "jurist", NULL, 7, "t", SOURCE_CLI, NULL,
			    &cause), cause);
			ok(store_handoff_raise(s, id, "q", "leder", NULL, 7, "t", SOURCE_CLI, NULL,
			    &cause), cause);
			ok(store_commit(s, &cause), cause);
		}
	}
	ok(store_begin(s, &cause), cause);
	ok(store_project_archive(s, 17, true, 20, "t", SOURCE_CLI, &cause), cause);
	ok(store_commit(s, &cause), cause);
	/* From the last down, with one not there and the archived one. */
	for (i = 40; i >= 1; i--) {
		ids[n++] = (int64_t)i;
		if (i == 20)
			ids[n++] = 999;
	}
	m.s = s;
	ok(store_each_progress(s, ids, n, each_many_one, &m, &cause), cause);
	for (i = 0; i < n; i++)
		if (ids[i] != 999 && ids[i] != 17)
			ck_assert_int_eq(m.ids[want++], ids[i]);
	ck_assert_uint_eq(m.n, want);
	ck_assert_uint_eq(want, 39);
	store_close(s);
	free(path);
}
END_TEST

/* The user_version in an SQLite file's header (big-endian at byte 60). */
static void
poke_version(const char *path, unsigned v)
{
	unsigned char b[4] = { v >> 24, v >> 16, v >> 8, v };
	int fd = open(path, O_WRONLY);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, b, 4, 60), 4);
	close(fd);
}

static void sql_exec(const char *path, const char *sql);

/* A server walks the projects by windows of ids (store-walk.c): every
 * project comes once, in order, with its own answers, also across a
 * window's edge and over windows left empty. */
START_TEST(each_project_in_windows)
{
	char *tracks[] = { "alpha", "beta" }, *path = tu_store(dir, "windows"), *cause = NULL;
	static const int64_t keep[] = { 1, 255, 256, 257, 300, 600 };
	struct store *s = open_ok(path);
	struct many m = { 0 };
	char name[32];
	int64_t i, id;
	size_t k;

	ok(store_begin(s, &cause), cause);
	for (i = 1; i <= 600; i++) {
		snprintf(name, sizeof(name), "P%lld", (long long)i);
		ok(store_project_add(s, name, tracks, 2, 1000, &id, &cause), cause);
		ck_assert_int_eq(id, i);
	}
	ok(store_commit(s, &cause), cause);
	ok(store_begin(s, &cause), cause);
	for (i = 1, k = 0; i <= 600; i++) {
		if (k < sizeof(keep) / sizeof(keep[0]) && keep[k] == i) {
			k++;
			ok(store_answer_set(s, i, "behov", ANSWER_VALUE, name, 10, "tester",
			    SOURCE_CLI, NULL, &cause), cause);
			continue;
		}
		ok(store_project_delete(s, i, &cause), cause);
	}
	ok(store_commit(s, &cause), cause);
	m.s = s;
	ok(store_each_project(s, 0, each_many_one, &m, &cause), cause);
	ck_assert_uint_eq(m.n, sizeof(keep) / sizeof(keep[0]));
	for (k = 0; k < m.n; k++)
		ck_assert_int_eq(m.ids[k], keep[k]);
	/* From the middle of a window on. */
	memset(&m, 0, sizeof(m));
	m.s = s;
	ok(store_each_project(s, 256, each_many_one, &m, &cause), cause);
	ck_assert_uint_eq(m.n, 4);
	ck_assert_int_eq(m.ids[0], 256);
	store_close(s);
	free(path);
}
END_TEST

START_TEST(migration_keeps_data)
{
	char *path = xasprintf("%s/old.db", dir), *cause = NULL, *sql;
	struct store *s = NULL;
	struct answer a;
	struct answer_event *ev;
	struct handoff *h;
	struct project *p;
	int64_t id;
	size_t n;

	/* A version-1 database holding a project, answers and history. */
	ok(store_open_version(path, 0, 1, &s, &cause), cause);
	ck_assert_int_eq(store_schema_version(s), 1);
	id = new_project(s, "Gammelt projekt æøå");
	store_close(s);
	/* Its answers as version 1 wrote them: today's store writes columns
	 * version 1 did not have. */
	sql = xasprintf("INSERT INTO answer VALUES (%1$lld, 'behov', 'value', 'Stadig før', 2, 11,"
	    " 'tester', 'cli'), (%1$lld, 'persondata', 'dontknow', NULL, 1, 12, 'tester', 'cli');"
	    "INSERT INTO answer_event (project, question, old_kind, old_value, new_kind,"
	    " new_value, revision, time, user, source) VALUES"
	    " (%1$lld, 'behov', 'none', NULL, 'value', 'Før opgraderingen', 1, 10, 'tester', 'cli'),"
	    " (%1$lld, 'behov', 'value', 'Før opgraderingen', 'value', 'Stadig før', 2, 11,"
	    " 'tester', 'cli'),"
	    " (%1$lld, 'persondata', 'none', NULL, 'dontknow', NULL, 1, 12, 'tester', 'cli');",
	    (long long)id);
	sql_exec(path, sql);
	free(sql);

	s = open_ok(path);
	ck_assert_int_eq(store_schema_version(s), STORE_VERSION);
	ok(store_project_get(s, id, &p, &cause), cause);
	ck_assert_str_eq(p->name, "Gammelt projekt æøå");
	ck_assert_int_eq(p->ntracks, 2);
	project_free(p);
	ok(store_answer(s, id, "behov", &a, &cause), cause);
	ck_assert_str_eq(a.value, "Stadig før");
	ck_assert_int_eq(a.revision, 2);
	answer_clear(&a);
	ok(store_answer(s, id, "persondata", &a, &cause), cause);
	ck_assert_int_eq(a.kind, ANSWER_DONTKNOW);
	answer_clear(&a);
	ok(store_answer_history(s, id, NULL, &ev, &n, &cause), cause);
	ck_assert_int_eq(n, 3);
	answer_events_free(ev, n);
	/* What version 2 added works. */
	ok(store_begin(s, &cause), cause);
	ok(store_handoff_raise(s, id, "r", "jurist", NULL, 1, "t", SOURCE_CLI, NULL, &cause), cause);
	ok(store_commit(s, &cause), cause);
	ok(store_handoff_get(s, id, "r", &h, &cause), cause);
	handoff_free(h);
	store_close(s);
	free(path);
}
END_TEST

/* The tables of a database at version 1 and at version 2. */
static const char *const tables_v1[] = { "project", "project_track", "answer", "answer_event", NULL };
static const char *const tables_v2[] = { "project", "project_track", "answer", "answer_event",
	"handoff", "handoff_event", NULL };

/* Runs sql on the SQLite file path, outside the store. */
static void
sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* The first column of the first row of a query on path, as text ("" for
 * none); caller frees. */
static char *
sql_text(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *out;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	out = xstrdup(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) ?
	    (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

/* A database made in dir from tests/data/NAME (a frozen older version);
 * caller frees the path. */
static char *
db_from_sql(const char *name)
{
	char *file = xasprintf("%s/tests/data/%s", tu_srcdir(), name);
	char *sql = tu_read(file), *path = xasprintf("%s/%s.db", dir, name);

	ck_assert_msg(sql != NULL, "cannot read %s", file);
	sql_exec(path, sql);
	free(sql);
	free(file);
	return path;
}

static int
cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Each row of a query on db as a line "prefix|v1|v2|..." (NULL, numbers,
 * 'text') added to *lines. */
static void
dump_rows(sqlite3 *db, const char *prefix, const char *sql, const char *arg, char ***lines,
    size_t *n)
{
	sqlite3_stmt *st;
	int i;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct strbuf sb = STRBUF_INIT;

		sb_add(&sb, prefix);
		for (i = 0; i < sqlite3_column_count(st); i++) {
			if (sqlite3_column_type(st, i) == SQLITE_NULL)
				sb_add(&sb, "|NULL");
			else if (sqlite3_column_type(st, i) == SQLITE_INTEGER)
				sb_addf(&sb, "|%lld", (long long)sqlite3_column_int64(st, i));
			else
				sb_addf(&sb, "|'%s'", (const char *)sqlite3_column_text(st, i));
		}
		*lines = xreallocarray(*lines, *n + 1, sizeof(**lines));
		(*lines)[(*n)++] = sb_detach(&sb);
	}
	ck_assert_int_eq(sqlite3_finalize(st), SQLITE_OK);
}

/* The columns a version added to the tables of earlier ones (the project's
 * brief, versions 5 to 6, dropped again; the archiving, the account and
 * an imported answer's respondent, version 7; the login, version 9),
 * left out of db_dump: what an upgrade must keep is the data. */
#define LATER_COLUMNS "'brief_stamp', 'brief_handoffs', 'brief_tracks', 'archived', 'account'," \
    " 'respondent', 'login'"

/* Every row of the tables, with each table's columns, foreign keys and
 * unique keys, as sorted lines: equal for two files that hold the same
 * whatever order they keep the rows in. Caller frees. */
static char *
db_dump(const char *path, const char *const *tables)
{
	struct strbuf sb = STRBUF_INIT;
	char **lines = NULL;
	size_t n = 0, i;
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	for (; *tables != NULL; tables++) {
		char *cols = NULL, *q, *pre = xasprintf("%s row", *tables);
		sqlite3_stmt *st;

		ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT group_concat('\"' || name || '\"', ', ')"
		    " FROM pragma_table_info(?1) WHERE name NOT IN (" LATER_COLUMNS ")", -1, &st,
		    NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, *tables, -1, SQLITE_STATIC);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		cols = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		q = xasprintf("SELECT %s FROM \"%s\"", cols, *tables);
		free(cols);
		dump_rows(db, pre, q, NULL, &lines, &n);
		free(pre);
		pre = xasprintf("%s column", *tables);
		dump_rows(db, pre, "SELECT * FROM pragma_table_info(?1)"
		    " WHERE name NOT IN (" LATER_COLUMNS ")", *tables, &lines, &n);
		free(pre);
		pre = xasprintf("%s foreign key", *tables);
		dump_rows(db, pre, "SELECT * FROM pragma_foreign_key_list(?1)", *tables, &lines, &n);
		free(pre);
		pre = xasprintf("%s key", *tables);
		dump_rows(db, pre, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1)"
		    " WHERE \"unique\"", *tables, &lines, &n);
		free(pre);
		free(q);
	}
	sqlite3_close(db);
	ck_assert_uint_gt(n, 0);
	qsort(lines, n, sizeof(*lines), cmp_line);
	for (i = 0; i < n; i++) {
		sb_add(&sb, lines[i]);
		sb_addc(&sb, '\n');
		free(lines[i]);
	}
	free(lines);
	return sb_detach(&sb);
}

/* Brings the database at path (of the tables given) up to STORE_VERSION
 * and checks that every row, column, key and foreign key is as it was,
 * the answers now kept in their key's order, and the file sound. */
static void
upgrade_keeps_everything(const char *path, int from, const char *const *tables)
{
	char *before, *after, *v, *sql;
	struct store *s;

	v = sql_text(path, "PRAGMA user_version");
	ck_assert_int_eq(atoi(v), from);
	free(v);
	before = db_dump(path, tables);
	s = open_ok(path);
	ck_assert_int_eq(store_schema_version(s), STORE_VERSION);
	store_close(s);
	after = db_dump(path, tables);
	ck_assert_str_eq(after, before);
	v = sql_text(path, "PRAGMA user_version");
	ck_assert_int_eq(atoi(v), STORE_VERSION);
	free(v);
	sql = sql_text(path, "SELECT sql FROM sqlite_master WHERE name = 'answer'");
	ck_assert_msg(strstr(sql, "WITHOUT ROWID") != NULL, "%s", sql);
	free(sql);
	v = sql_text(path, "SELECT count(*) FROM pragma_foreign_key_check");
	ck_assert_str_eq(v, "0");
	free(v);
	/* The columns of version 5's briefs are gone, whatever the version
	 * upgraded from: the project table is as a new database has it. */
	v = sql_text(path, "SELECT group_concat(name, ',') FROM pragma_table_info('project')");
	ck_assert_str_eq(v, "id,name,created,changed,archived");
	free(v);
	v = sql_text(path, "PRAGMA integrity_check");
	ck_assert_str_eq(v, "ok");
	free(v);
	free(before);
	free(after);
}

/* The version-1 database released (tests/data/store-v1.sql). */
START_TEST(upgrade_from_v1_keeps_everything)
{
	char *path = db_from_sql("store-v1.sql"), *cause = NULL;
	struct answer *v;
	struct store *s;
	size_t n;

	upgrade_keeps_everything(path, 1, tables_v1);
	s = open_ok(path);
	ok(store_answers(s, 1, &v, &n, &cause), cause);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(v[0].question, "aftale");
	ck_assert_str_eq(v[1].question, "behov");
	ck_assert_str_eq(v[1].value, "Fra version 1");
	ck_assert_int_eq(v[1].revision, 2);
	ck_assert_str_eq(v[2].question, "persondata");
	answers_free(v, n);
	store_close(s);
	free(path);
}
END_TEST

/* The version-2 database released (tests/data/store-v2.sql): its answers
 * kept out of project order, hand-offs and both histories. */
START_TEST(upgrade_from_v2_keeps_everything)
{
	char *path = db_from_sql("store-v2.sql"), *cause = NULL, *c;
	struct answer *v, a;
	struct handoff *h;
	struct store *s;
	int64_t rev;
	size_t n;

	upgrade_keeps_everything(path, 2, tables_v2);
	s = open_ok(path);
	/* Read by the key, in question order. */
	ok(store_answers(s, 1, &v, &n, &cause), cause);
	ck_assert_int_eq(n, 6);
	ck_assert_str_eq(v[0].question, "aftale");
	ck_assert_str_eq(v[3].question, "emner");
	ck_assert_str_eq(v[3].value, "data,jura");
	ck_assert_str_eq(v[4].value, "Linje et\nLinje to");
	answers_free(v, n);
	ok(store_answers(s, 4, &v, &n, &cause), cause);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(v[0].question, "antal");
	ck_assert_int_eq(v[0].kind, ANSWER_NONE);
	ck_assert_int_eq(v[0].revision, 2);
	ck_assert_int_eq(v[1].kind, ANSWER_DONTKNOW);
	answers_free(v, n);
	ok(store_handoffs(s, 1, &h, &n, &cause), cause);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(h[0].state, HANDOFF_ANSWERED);
	ck_assert_str_eq(h[0].note, "Aftale på vej");
	handoffs_free(h, n);

	/* Saving goes on from the stored revision, into the rebuilt table. */
	ok(store_begin(s, &cause), cause);
	ok(store_answer_set(s, 1, "behov", ANSWER_VALUE, "Efter opgraderingen", 2000000000, "t",
	    SOURCE_CLI, &rev, &cause), cause);
	ok(store_answer_set(s, 3, "behov", ANSWER_VALUE, "Første svar", 2000000000, "t",
	    SOURCE_CLI, NULL, &cause), cause);
	ok(store_commit(s, &cause), cause);
	ck_assert_int_eq(rev, 3);
	ok(store_answer(s, 1, "behov", &a, &cause), cause);
	ck_assert_str_eq(a.value, "Efter opgraderingen");
	answer_clear(&a);
	/* The foreign key holds: no answer to a project that is not there,
	 * and deleting a project takes its answers along. */
	ok(store_begin(s, &cause), cause);
	ck_assert_int_eq(store_answer_set(s, 99, "behov", ANSWER_VALUE, "x", 1, "t", SOURCE_CLI,
	    NULL, &cause), EX_NOINPUT);
	xfree(cause);
	ok(store_project_delete(s, 1, &cause), cause);
	ok(store_commit(s, &cause), cause);
	store_close(s);
	c = sql_text(path, "SELECT count(*) || ' ' || (SELECT count(*) FROM answer_event WHERE project = 1)"
	    " || ' ' || (SELECT count(*) FROM handoff WHERE project = 1)"
	    " FROM answer WHERE project = 1");
	ck_assert_str_eq(c, "0 0 0");
	free(c);
	c = sql_text(path, "SELECT group_concat(project || question, ' ') FROM answer");
	ck_assert_str_eq(c, "2behov 2beta_tekst 3behov 4antal 4behov 4mail");
	free(c);
	free(path);
}
END_TEST

/* The version-3 database released (tests/data/store-v3.sql): its projects
 * come in the order of their last change along the new index. */
START_TEST(upgrade_from_v3_keeps_everything)
{
	char *path = db_from_sql("store-v3.sql"), *cause = NULL, *c;
	struct project *v;
	struct answer *a;
	struct store *s;
	size_t n, r;

	upgrade_keeps_everything(path, 3, tables_v2);
	c = sql_text(path, "SELECT sql FROM sqlite_master WHERE name = 'project_changed'");
	ck_assert_msg(strstr(c, "changed DESC") != NULL, "%s", c);
	free(c);
	s = open_ok(path);
	ok(store_project_count(s, &n, &cause), cause);
	ck_assert_uint_eq(n, 4);
	/* 2 and 5 changed in the same second, the latest. */
	ok(store_projects_by_change(s, 0, 10, &v, &n, &cause), cause);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(v[0].id, 2);
	ck_assert_int_eq(v[1].id, 5);
	ck_assert_str_eq(v[1].name, "Femte – omdøbt");
	ck_assert_int_eq(v[2].id, 1);
	ck_assert_uint_eq(v[2].ntracks, 2);
	ck_assert_str_eq(v[2].tracks[1], "beta");
	ck_assert_int_eq(v[3].id, 4);
	ck_assert_str_eq(v[3].tracks[0], "beta");
	projects_free(v, n);
	ok(store_project_rank(s, 1, &r, &cause), cause);
	ck_assert_uint_eq(r, 2);
	ck_assert_int_eq(store_project_rank(s, 3, &r, &cause), EX_NOINPUT);
	xfree(cause);
	ok(store_answers(s, 4, &a, &n, &cause), cause);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(a[0].question, "antal");
	ck_assert_int_eq(a[0].kind, ANSWER_NONE);
	ck_assert_int_eq(a[0].revision, 2);
	answers_free(a, n);
	/* A change after the upgrade moves the project to the front. */
	touch(s, 4, 2000000000);
	ok(store_project_rank(s, 4, &r, &cause), cause);
	ck_assert_uint_eq(r, 0);
	store_close(s);
	free(path);
}
END_TEST

/* A step of an upgrade that fails (here: a view someone added, which the
 * rebuilt table would break) leaves the database as it was. */
START_TEST(failed_upgrade_changes_nothing)
{
	char *path = db_from_sql("store-v2.sql"), *cause = NULL, *before, *after, *v;
	struct store *s = NULL;

	sql_exec(path, "CREATE VIEW recent AS SELECT project, question FROM answer WHERE time > 0");
	before = db_dump(path, tables_v2);
	ck_assert_int_ne(store_open(path, 0, &s, &cause), 0);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(cause, "up to date") != NULL, "%s", cause);
	xfree(cause);
	v = sql_text(path, "PRAGMA user_version");
	ck_assert_str_eq(v, "2");
	free(v);
	after = db_dump(path, tables_v2);
	ck_assert_str_eq(after, before);
	v = sql_text(path, "SELECT count(*) FROM recent");
	ck_assert_str_eq(v, "11");
	free(v);
	free(after);
	/* Without the view, the same file upgrades. */
	sql_exec(path, "DROP VIEW recent");
	upgrade_keeps_everything(path, 2, tables_v2);
	free(before);
	free(path);
}
END_TEST

START_TEST(newer_version_refused_untouched)
{
	char *path = xasprintf("%s/new.db", dir), *cause = NULL, *before, *after, *want;
	struct store *s = open_ok(path);
	struct stat sb1, sb2;

	store_close(s);
	poke_version(path, STORE_VERSION + 7);
	before = tu_read(path);
	stat(path, &sb1);
	ck_assert_int_eq(store_open(path, 0, &s, &cause), EX_DATAERR);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(cause, "newer airejse"));
	want = xasprintf("version %d", STORE_VERSION + 7);
	ck_assert_msg(strstr(cause, want) != NULL, "%s", cause);
	free(want);
	xfree(cause);
	after = tu_read(path);
	stat(path, &sb2);
	ck_assert_int_eq(sb1.st_size, sb2.st_size);
	ck_assert(memcmp(before, after, (size_t)sb1.st_size) == 0);
	free(before);
	free(after);
	free(path);
}
END_TEST

START_TEST(foreign_files_refused_untouched)
{
	char *cause = NULL, *path, *junk, *back;
	struct store *s = NULL;
	size_t i;

	/* Random bytes. */
	junk = xmalloc(4096);
	srand(7);
	for (i = 0; i < 4096; i++)
		junk[i] = (char)(rand() & 0xff);
	path = xasprintf("%s/junk.db", dir);
	{
		FILE *f = fopen(path, "wb");

		fwrite(junk, 1, 4096, f);
		fclose(f);
	}
	ck_assert_int_eq(store_open(path, 0, &s, &cause), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(cause, "not an airejse database"));
	xfree(cause);
	back = tu_read(path);
	ck_assert(memcmp(back, junk, 4096) == 0);
	free(back);
	free(path);

	/* A text file, a folder. */
	path = tu_write(dir, "notes.txt", "SQLite format 2, not really\n");
	ck_assert_int_eq(store_open(path, 0, &s, &cause), EX_DATAERR);
	xfree(cause);
	free(path);
	ck_assert_int_eq(store_open(dir, 0, &s, &cause), EX_DATAERR);
	xfree(cause);

	/* A damaged database: the header is fine, the pages are not. */
	path = xasprintf("%s/bad.db", dir);
	s = open_ok(path);
	store_close(s);
	{
		int fd = open(path, O_WRONLY);

		ck_assert_int_eq(pwrite(fd, junk, 2048, 100), 2048);
		close(fd);
	}
	if (store_open(path, 0, &s, &cause) == 0) {
		struct project *v;
		size_t n;

		/* Found on the first read rather than at open. */
		ck_assert_int_eq(store_projects(s, &v, &n, &cause), EX_DATAERR);
		store_close(s);
	}
	ck_assert_ptr_nonnull(cause);
	xfree(cause);
	free(path);
	free(junk);
}
END_TEST

START_TEST(readonly)
{
	char *path = xasprintf("%s/ro.db", dir), *missing = xasprintf("%s/none.db", dir);
	char *cause = NULL;
	struct store *s = open_ok(path);
	struct project *v;
	size_t n;

	new_project(s, "P");
	store_close(s);
	ok(store_open(path, STORE_READONLY, &s, &cause), cause);
	ck_assert(!store_writable(s));
	ok(store_projects(s, &v, &n, &cause), cause);
	ck_assert_int_eq(n, 1);
	projects_free(v, n);
	ck_assert_int_eq(store_begin(s, &cause), EX_IOERR);
	ck_assert_ptr_nonnull(strstr(cause, "only be read"));
	xfree(cause);
	store_close(s);
	/* Read-only never creates. */
	ck_assert_int_eq(store_open(missing, STORE_READONLY, &s, &cause), EX_NOINPUT);
	xfree(cause);
	ck_assert_int_ne(access(missing, F_OK), 0);
	free(path);
	free(missing);
}
END_TEST

START_TEST(backup)
{
	char *path = xasprintf("%s/b.db", dir), *copy = xasprintf("%s/copy.db", dir);
	char *cause = NULL;
	struct store *s = open_ok(path), *t;
	struct project *v;
	struct stat sb;
	size_t n;

	new_project(s, "Sikkerhedskopi");
	ok(store_backup(s, copy, false, &cause), cause);
	ck_assert_int_eq(stat(copy, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	/* Never over an existing file without force, nor over itself. */
	ck_assert_int_eq(store_backup(s, copy, false, &cause), EX_CANTCREAT);
	xfree(cause);
	ck_assert_int_eq(store_backup(s, path, true, &cause), EX_CANTCREAT);
	xfree(cause);
	new_project(s, "To");
	ok(store_backup(s, copy, true, &cause), cause);
	store_close(s);

	t = open_ok(copy);
	ok(store_projects(t, &v, &n, &cause), cause);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(v[0].name, "Sikkerhedskopi");
	projects_free(v, n);
	store_close(t);
	free(path);
	free(copy);
}
END_TEST

/* Whether fd becomes readable within ms milliseconds: 1, else 0. */
static int
readable(int fd, int ms)
{
	struct pollfd p = { fd, POLLIN, 0 };

	return poll(&p, 1, ms);
}

/* s's data version once it is no longer v: at once on SQLite; on a
 * server, when the notice of the commit has come (3 s at most). */
static int64_t
next_version(struct store *s, int64_t v)
{
	int64_t now = store_data_version(s);
	int fd = store_watch_fd(s), i;

	for (i = 0; now == v && fd >= 0 && i < 30; i++) {
		readable(fd, 100);
		now = store_data_version(s);
	}
	return now;
}

START_TEST(data_version_sees_other_writers)
{
	char *path = tu_store(dir, "dv");
	struct store *a = open_ok(path), *b = open_ok(path);
	int64_t v1 = store_data_version(a), v2;

	new_project(b, "Fra en anden");
	v2 = next_version(a, v1);
	ck_assert_int_ne(v1, v2);
	ck_assert_int_eq(store_data_version(a), v2);
	store_close(a);
	store_close(b);
	free(path);
}
END_TEST

/* Following another connection as the terminal program does. On a
 * server, a connection that follows listens for the others' notices of
 * their commits: its socket (store_watch_fd), waited on, becomes
 * readable when another commits, and a write rolled back sends none;
 * its own commits do not move its version. SQLite has nothing to wait
 * on, and its version moves at once. */
START_TEST(watch_hears_commits_not_rollbacks)
{
	char *path = tu_store(dir, "watch"), *cause = NULL, *tracks[] = { "alpha" };
	struct store *a = open_ok(path), *b = open_ok(path);
	int64_t v = store_data_version(a), id;
	int fd = store_watch_fd(a);

	ck_assert(tu_store_is_pg() ? fd >= 0 : fd == -1);
	/* Rolled back: nothing heard, nothing changed. */
	ok(store_begin(b, &cause), cause);
	ok(store_project_add(b, "Fortrudt", tracks, 1, 1000, &id, &cause), cause);
	store_rollback(b);
	if (fd >= 0)
		ck_assert_int_eq(readable(fd, 300), 0);
	ck_assert_int_eq(store_data_version(a), v);
	/* Committed: heard without asking the server anything. */
	id = new_project(b, "Klinik Øst");
	if (fd >= 0)
		ck_assert_int_eq(readable(fd, 3000), 1);
	ck_assert_int_ne(store_data_version(a), v);
	v = store_data_version(a);
	/* Its own. */
	new_project(a, "Røntgen Vest");
	if (fd >= 0)
		readable(fd, 300);
	ck_assert_int_eq(store_data_version(a), v);
	/* And the other's again, in an answer. */
	set(b, id, "titel", ANSWER_VALUE, "Æblet", 2000);
	ck_assert_int_ne(next_version(a, v), v);
	store_close(a);
	store_close(b);
	free(path);
}
END_TEST

/* Another connection's changes, as the terminal program follows them:
 * each moves the version, and the history says who changed which
 * project, the newest of every kind of change. */
START_TEST(latest_change_of_other_writers)
{
	char *path = xasprintf("%s/latest.db", dir), *cause = NULL, *name, *user;
	struct store *a = open_ok(path), *b = open_ok(path);
	int64_t v = store_data_version(a), p, q;

	ok(store_latest_change(a, &name, &user, &cause), cause);
	ck_assert_ptr_null(name);
	ck_assert_ptr_null(user);
	/* Made at 1000: no history yet, so no one is named. */
	p = new_project(b, "Klinik Øst");
	ck_assert_int_ne(store_data_version(a), v);
	v = store_data_version(a);
	ok(store_latest_change(a, &name, &user, &cause), cause);
	ck_assert_str_eq(name, "Klinik Øst");
	ck_assert_ptr_null(user);
	free(name);
	/* An answer at 2000, by "tester". */
	set(b, p, "titel", ANSWER_VALUE, "Røntgen", 2000);
	ck_assert_int_ne(store_data_version(a), v);
	v = store_data_version(a);
	ok(store_latest_change(a, &name, &user, &cause), cause);
	ck_assert_str_eq(name, "Klinik Øst");
	ck_assert_str_eq(user, "tester");
	free(name);
	free(user);
	/* A hand-off of another project at 3000, then a rename at 4000. */
	q = new_project(b, "Anden");
	ok(store_begin(b, &cause), cause);
	ok(store_handoff_raise(b, q, "r", "jurist", NULL, 3000, "Jens", SOURCE_TUI, NULL, &cause),
	    cause);
	ok(store_commit(b, &cause), cause);
	ok(store_latest_change(a, &name, &user, &cause), cause);
	ck_assert_str_eq(name, "Anden");
	ck_assert_str_eq(user, "Jens");
	free(name);
	free(user);
	ok(store_begin(b, &cause), cause);
	ok(store_project_rename(b, p, "Klinik Vest", 4000, "Åse", SOURCE_CLI, &cause), cause);
	ok(store_commit(b, &cause), cause);
	ck_assert_int_ne(store_data_version(a), v);
	ok(store_latest_change(a, &name, &user, &cause), cause);
	ck_assert_str_eq(name, "Klinik Vest");
	ck_assert_str_eq(user, "Åse");
	free(name);
	free(user);
	/* Its own changes do not move a connection's version. */
	v = store_data_version(b);
	set(b, p, "titel", ANSWER_VALUE, "Igen", 5000);
	ck_assert_int_eq(store_data_version(b), v);
	store_close(a);
	store_close(b);
	free(path);
}
END_TEST

START_TEST(deleted_or_replaced_while_open)
{
	char *path = xasprintf("%s/gone.db", dir), *other = xasprintf("%s/other.db", dir);
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	struct store *s = open_ok(path), *o;
	char *cause = NULL;

	new_project(s, "Før sletningen");
	/* Deleted: a save would go into a file no one can open again. */
	ck_assert_int_eq(unlink(path), 0);
	unlink(wal);
	unlink(shm);
	ck_assert_int_eq(store_begin(s, &cause), EX_IOERR);
	ck_assert_msg(strstr(cause, "deleted") != NULL, "%s", cause);
	free(cause);
	ck_assert_int_ne(access(path, F_OK), 0);
	store_close(s);
	/* Replaced by another database: refused too, the other untouched. */
	s = open_ok(path);
	new_project(s, "Første");
	o = open_ok(other);
	new_project(o, "Anden");
	store_close(o);
	ck_assert_int_eq(rename(other, path), 0);
	ck_assert_int_eq(store_begin(s, &cause), EX_IOERR);
	ck_assert_msg(strstr(cause, "replaced") != NULL, "%s", cause);
	free(cause);
	store_close(s);
	free(path);
	free(other);
	free(wal);
	free(shm);
}
END_TEST

/* The version-4 database released (tests/data/store-v4.sql): everything
 * kept, and saving goes on after the upgrade. */
START_TEST(upgrade_from_v4_keeps_everything)
{
	char *path = db_from_sql("store-v4.sql"), *cause = NULL, *c;
	char *tracks[] = { "alpha" };
	struct project *v;
	struct answer *a;
	struct handoff *h;
	struct store *s;
	size_t n, r;
	int64_t id;

	upgrade_keeps_everything(path, 4, tables_v2);
	c = sql_text(path, "SELECT sql FROM sqlite_master WHERE name = 'project_changed'");
	ck_assert_msg(strstr(c, "changed DESC") != NULL, "%s", c);
	free(c);
	s = open_ok(path);
	ok(store_project_count(s, &n, &cause), cause);
	ck_assert_uint_eq(n, 5);
	ok(store_projects_by_change(s, 0, 10, &v, &n, &cause), cause);
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(v[0].id, 6);
	ck_assert_str_eq(v[0].name, "Sjette – efter version 4");
	ck_assert_uint_eq(v[0].ntracks, 2);
	ck_assert_str_eq(v[0].tracks[0], "beta");
	ck_assert_int_eq(v[1].id, 5);
	ck_assert_int_eq(v[2].id, 1);
	ck_assert_int_eq(v[3].id, 4);
	ck_assert_int_eq(v[4].id, 2);
	projects_free(v, n);
	ok(store_answers(s, 6, &a, &n, &cause), cause);
	ck_assert_uint_eq(n, 6);
	ck_assert_str_eq(a[1].question, "antal");
	ck_assert_str_eq(a[1].value, "7.5");
	ck_assert_str_eq(a[4].question, "emner");
	ck_assert_str_eq(a[4].value, "data,jura");
	answers_free(a, n);
	ok(store_answers(s, 5, &a, &n, &cause), cause);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(a[0].kind, ANSWER_NONE);
	ck_assert_int_eq(a[0].revision, 2);
	answers_free(a, n);
	ok(store_handoffs(s, 6, &h, &n, &cause), cause);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(h[0].state, HANDOFF_ANSWERED);
	ck_assert_str_eq(h[0].contact, "Jytte Jurist <jytte@rsyd.dk>");
	handoffs_free(h, n);

	set(s, 6, "behov", ANSWER_VALUE, "Efter opgraderingen", 2000000000);
	ok(store_begin(s, &cause), cause);
	ok(store_handoff_set(s, 2, HANDOFF_ANSWERED, NULL, NULL, NULL, 2000000001, "t",
	    SOURCE_CLI, &cause), cause);
	ok(store_commit(s, &cause), cause);
	ok(store_handoff_get(s, 4, "jurist-udbud", &h, &cause), cause);
	ck_assert_int_eq(h->state, HANDOFF_ANSWERED);
	handoff_free(h);
	/* The deleted project's id comes again. */
	ok(store_begin(s, &cause), cause);
	ok(store_project_add(s, "Syvende igen", tracks, 1, 2000000002, &id, &cause), cause);
	ok(store_commit(s, &cause), cause);
	ck_assert_int_eq(id, 7);
	ok(store_project_rank(s, 7, &r, &cause), cause);
	ck_assert_uint_eq(r, 0);
	store_close(s);
	free(path);
}
END_TEST

/* The version-5 database released (tests/data/store-v5.sql), whose every
 * project has a brief kept in its row: the brief's columns go, every
 * answer, revision, hand-off and history entry stays. */
START_TEST(upgrade_from_v5_keeps_everything)
{
	char *path = db_from_sql("store-v5.sql"), *cause = NULL, *c;
	struct answer_event *ev;
	struct project *v;
	struct answer *a;
	struct handoff *h;
	struct store *s;
	int64_t rev;
	size_t n;

	c = sql_text(path, "SELECT count(*) FROM project WHERE brief_stamp IS NOT NULL");
	ck_assert_str_eq(c, "6");
	free(c);
	upgrade_keeps_everything(path, 5, tables_v2);
	s = open_ok(path);
	ok(store_projects_by_change(s, 0, 10, &v, &n, &cause), cause);
	ck_assert_uint_eq(n, 6);
	ck_assert_int_eq(v[0].id, 2);
	ck_assert_str_eq(v[0].name, "Samme sekund");
	ck_assert_int_eq(v[1].id, 6);
	ck_assert_int_eq(v[2].id, 7);
	ck_assert_str_eq(v[2].name, "Syvende – version 5");
	ck_assert_uint_eq(v[2].ntracks, 1);
	ck_assert_str_eq(v[2].tracks[0], "alpha");
	projects_free(v, n);
	ok(store_answers(s, 7, &a, &n, &cause), cause);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(a[2].question, "beloeb");
	ck_assert_str_eq(a[2].value, "1800000");
	ck_assert_str_eq(a[3].question, "persondata");
	answers_free(a, n);
	ok(store_answers(s, 2, &a, &n, &cause), cause);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(a[1].question, "beta_tekst");
	ck_assert_str_eq(a[1].value, "Ændret nu");
	ck_assert_int_eq(a[1].revision, 2);
	answers_free(a, n);
	ok(store_answer_history(s, 6, "antal", &ev, &n, &cause), cause);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(ev[1].new_kind, ANSWER_DONTKNOW);
	ck_assert_str_eq(ev[1].user, "gustav");
	/* Written before accounts were recorded: none is made up. */
	ck_assert_ptr_null(ev[1].account);
	answer_events_free(ev, n);
	ok(store_projects_archived(s, &v, &n, &cause), cause);
	ck_assert_uint_eq(n, 0);
	free(v);
	ok(store_handoffs(s, 7, &h, &n, &cause), cause);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(h[0].rule, "jurist-gdpr");
	ck_assert_int_eq(h[0].state, HANDOFF_SENT);
	ck_assert_str_eq(h[0].due, "2026-02-01");
	ck_assert_str_eq(h[0].note, "Sendt til Jytte");
	ck_assert_str_eq(h[0].contact, "Jytte Jurist <jytte@rsyd.dk>");
	ck_assert_int_eq(h[1].state, HANDOFF_RAISED);
	handoffs_free(h, n);
	/* Saving goes on from the stored revision. */
	ok(store_begin(s, &cause), cause);
	ok(store_answer_set(s, 2, "beta_tekst", ANSWER_VALUE, "Igen", 2000000000, "t", SOURCE_CLI,
	    &rev, &cause), cause);
	ok(store_commit(s, &cause), cause);
	ck_assert_int_eq(rev, 3);
	store_close(s);
	free(path);
}
END_TEST

/* store_commits counts what this connection commits; another's commits
 * show in store_data_version instead. */
START_TEST(commits_counted)
{
	char *path = tu_store(dir, "commits"), *cause = NULL;
	struct store *a = open_ok(path), *b = open_ok(path);
	uint64_t n = store_commits(a);
	int64_t dv = store_data_version(a);

	new_project(a, "Egen");
	ck_assert_uint_eq(store_commits(a), n + 1);
	ck_assert_int_eq(store_data_version(a), dv);
	/* Rolled back or only read: nothing committed. */
	ok(store_begin(a, &cause), cause);
	store_rollback(a);
	ok(store_begin_read(a, &cause), cause);
	store_rollback(a);
	ck_assert_uint_eq(store_commits(a), n + 1);
	new_project(b, "Anden");
	ck_assert_uint_eq(store_commits(a), n + 1);
	ck_assert_int_ne(next_version(a, dv), dv);
	store_close(a);
	store_close(b);
	free(path);
}
END_TEST

/* The version-6 database released (tests/data/store-v6.sql): its history
 * has no respondent and it has no reviews; both work after the upgrade. */
START_TEST(upgrade_from_v6_keeps_everything)
{
	char *path = db_from_sql("store-v6.sql"), *cause = NULL;
	struct answer_event *ev;
	struct review r = { 0 }, *v;
	struct handoff *h;
	struct store *s;
	size_t n;

	upgrade_keeps_everything(path, 6, tables_v2);
	s = open_ok(path);
	ok(store_answer_history(s, 1, "aftale", &ev, &n, &cause), cause);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(ev[1].new_value, "ja");
	ck_assert_str_eq(ev[1].user, "bo");
	ck_assert_ptr_null(ev[1].respondent);
	answer_events_free(ev, n);
	ok(store_handoffs(s, 1, &h, &n, &cause), cause);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(h[0].state, HANDOFF_WITHDRAWN);
	handoffs_free(h, n);
	ok(store_reviews(s, 1, &v, &n, &cause), cause);
	ck_assert_uint_eq(n, 0);
	/* What version 7 added works on the upgraded file. */
	ok(store_begin(s, &cause), cause);
	ok(store_answer_set_by(s, 1, "behov", ANSWER_VALUE, "Fra pakken", 1795166000, "anne",
	    "Jytte Jurist", SOURCE_IMPORT, NULL, &cause), cause);
	r.kind = REVIEW_HANDOFF;
	r.subject = "jurist-udbud";
	r.role = "jurist";
	r.state = REVIEW_ACCEPTABLE;
	r.seen = "beloeb=1";
	r.time = 1795166100;
	r.user = "jytte";
	r.source = SOURCE_CLI;
	ok(store_review_add(s, 1, &r, &cause), cause);
	ok(store_commit(s, &cause), cause);
	ok(store_answer_history(s, 1, "behov", &ev, &n, &cause), cause);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(ev[1].respondent, "Jytte Jurist");
	ck_assert_str_eq(ev[1].user, "anne");
	answer_events_free(ev, n);
	ok(store_reviews(s, 1, &v, &n, &cause), cause);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].subject, "jurist-udbud");
	ck_assert_int_eq(v[0].state, REVIEW_ACCEPTABLE);
	reviews_free(v, n);
	store_close(s);
	free(path);
}
END_TEST

START_TEST(upgrade_from_v7_keeps_project_history)
{
	char *path = xasprintf("%s/v7.db", dir), *cause = NULL;
	char *tracks[] = { "faerdigt-produkt" };
	struct project_event *e;
	struct store *s = NULL;
	int64_t id;
	size_t n;

	/* A version-7 file with a renamed project: the rename survives the
	 * table being made again, and a move to another track is kept after
	 * it, in order. */
	ok(store_open_version(path, 0, 7, &s, &cause), cause);
	id = new_project(s, "Før flytningen");
	ok(store_begin(s, &cause), cause);
	ok(store_project_rename(s, id, "Omdøbt æøå", 1795166000, "bo", SOURCE_CLI, &cause), cause);
	ok(store_commit(s, &cause), cause);
	store_close(s);
	s = open_ok(path);
	ck_assert_int_eq(store_schema_version(s), STORE_VERSION);
	ok(store_begin(s, &cause), cause);
	ok(store_project_set_tracks(s, id, "ny-ide", tracks, 1, 1795166100, "anne", SOURCE_TUI,
	    &cause), cause);
	ok(store_commit(s, &cause), cause);
	ok(store_project_history(s, id, &e, &n, &cause), cause);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(e[0].what, PROJECT_RENAMED);
	ck_assert_str_eq(e[0].new_name, "Omdøbt æøå");
	ck_assert_int_eq(e[1].what, PROJECT_TRACKS);
	ck_assert_str_eq(e[1].old_name, "ny-ide");
	ck_assert_str_eq(e[1].new_name, "faerdigt-produkt");
	ck_assert_str_eq(e[1].user, "anne");
	ck_assert_int_gt(e[1].id, e[0].id);
	project_events_free(e, n);
	store_close(s);
	free(path);
}
END_TEST

/* PostgreSQL: the server ends the connection (a restart, an
 * administrator): the action then is told so and saves nothing, and the
 * next one connects anew. */
START_TEST(reconnects_after_lost_connection)
{
	char *path = tu_store(dir, "lost"), *cause = NULL;
	struct store *s = open_ok(path);
	struct project *p = NULL;
	int64_t a = new_project(s, "Før");
	PGconn *c = PQconnectdb(path);
	PGresult *r;

	r = PQexec(c, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
	    " WHERE datname = current_database() AND pid <> pg_backend_pid()");
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	PQclear(r);
	PQfinish(c);
	ck_assert_int_eq(store_begin(s, &cause), EX_TEMPFAIL);
	ck_assert_ptr_nonnull(strstr(cause, "broke"));
	xfree(cause);
	store_rollback(s);
	ok(store_project_get(s, a, &p, &cause), cause);
	ck_assert_str_eq(p->name, "Før");
	project_free(p);
	ck_assert_int_gt(new_project(s, "Efter"), a);
	store_close(s);
	free(path);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	/* The tests of records, history and schema run on both stores;
	 * those of files only on SQLite. */
	tcase_add_test(tc, projects);
	tcase_add_test(tc, answers_and_history);
	tcase_add_test(tc, handoffs);
	tcase_add_test(tc, each_project);
	tcase_add_test(tc, projects_by_change);
	tcase_add_test(tc, each_progress);
	tcase_add_test(tc, each_progress_in_batches);
	tcase_add_test(tc, each_project_in_windows);
	tcase_add_test(tc, data_version_sees_other_writers);
	tcase_add_test(tc, watch_hears_commits_not_rollbacks);
	tcase_add_test(tc, commits_counted);
	if (tu_store_is_pg())
		tcase_add_test(tc, reconnects_after_lost_connection);
	if (!tu_store_is_pg()) {
		tcase_add_test(tc, creates_folders_and_file_private);
		/* Its old versions are SQLite files, written by sqlite3. */
		tcase_add_test(tc, migration_keeps_data);
		tcase_add_test(tc, upgrade_from_v1_keeps_everything);
		tcase_add_test(tc, upgrade_from_v2_keeps_everything);
		tcase_add_test(tc, upgrade_from_v3_keeps_everything);
		tcase_add_test(tc, failed_upgrade_changes_nothing);
		tcase_add_test(tc, newer_version_refused_untouched);
		tcase_add_test(tc, foreign_files_refused_untouched);
		tcase_add_test(tc, readonly);
		tcase_add_test(tc, backup);
		tcase_add_test(tc, deleted_or_replaced_while_open);
		tcase_add_test(tc, upgrade_from_v4_keeps_everything);
		tcase_add_test(tc, upgrade_from_v5_keeps_everything);
		tcase_add_test(tc, upgrade_from_v6_keeps_everything);
		tcase_add_test(tc, upgrade_from_v7_keeps_project_history);
		tcase_add_test(tc, latest_change_of_other_writers);
	}
	suite_add_tcase(s, tc);
	return s;
}
