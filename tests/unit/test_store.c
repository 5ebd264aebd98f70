/* The store: files, modes, schema versions, records, history, backup. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/store.h"
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
set(struct store *s, int64_t p, const char *q, enum expr_answer kind, const char *v,
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
	char *path = xasprintf("%s/p.db", dir), *cause = NULL;
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

	ok(store_begin(s, &cause), cause);
	ok(store_project_rename(s, b, "Anden på dansk", 2000, &cause), cause);
	ck_assert_int_eq(store_project_rename(s, a, "Anden på dansk", 2000, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(store_project_rename(s, 999, "x", 2000, &cause), EX_NOINPUT);
	xfree(cause);
	ok(store_commit(s, &cause), cause);

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
	set(s, a, "behov", EXPR_VALUE, "x", 1);
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
	char *path = xasprintf("%s/h.db", dir), *cause = NULL;
	struct store *s = open_ok(path);
	struct answer a, *v;
	struct answer_event *ev;
	int64_t p = new_project(s, "P");
	size_t n;

	ok(store_answer(s, p, "behov", &a, &cause), cause);
	ck_assert_int_eq(a.revision, 0);
	ck_assert_int_eq(a.kind, EXPR_NONE);
	answer_clear(&a);

	set(s, p, "behov", EXPR_VALUE, "Mere tid til patienterne – æøå", 10);
	set(s, p, "behov", EXPR_DONTKNOW, "ignored", 20);
	set(s, p, "behov", EXPR_NONE, NULL, 30);
	set(s, p, "beloeb", EXPR_VALUE, "1600000", 40);

	ok(store_answer(s, p, "behov", &a, &cause), cause);
	ck_assert_int_eq(a.revision, 3);
	ck_assert_int_eq(a.kind, EXPR_NONE);
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
	ck_assert_int_eq(ev[0].old_kind, EXPR_NONE);
	ck_assert_int_eq(ev[0].new_kind, EXPR_VALUE);
	ck_assert_str_eq(ev[0].new_value, "Mere tid til patienterne – æøå");
	ck_assert_int_eq(ev[1].old_kind, EXPR_VALUE);
	ck_assert_str_eq(ev[1].old_value, "Mere tid til patienterne – æøå");
	ck_assert_int_eq(ev[1].new_kind, EXPR_DONTKNOW);
	ck_assert_ptr_null(ev[1].new_value);
	ck_assert_int_eq(ev[2].new_kind, EXPR_NONE);
	ck_assert_int_eq(ev[2].revision, 3);
	ck_assert_int_eq(ev[2].time, 30);
	answer_events_free(ev, n);

	ok(store_answer_history(s, p, NULL, &ev, &n, &cause), cause);
	ck_assert_int_eq(n, 4);
	answer_events_free(ev, n);

	/* A rolled back answer leaves nothing behind. */
	ok(store_begin(s, &cause), cause);
	ok(store_answer_set(s, p, "antal", EXPR_VALUE, "3", 50, "t", SOURCE_TUI, NULL, &cause), cause);
	store_rollback(s);
	ok(store_answer(s, p, "antal", &a, &cause), cause);
	ck_assert_int_eq(a.revision, 0);
	answer_clear(&a);

	/* An answer to a project that is gone is refused. */
	ok(store_begin(s, &cause), cause);
	ck_assert_int_eq(store_answer_set(s, 999, "x", EXPR_VALUE, "1", 1, "t", SOURCE_CLI, NULL,
	    &cause), EX_NOINPUT);
	xfree(cause);
	store_rollback(s);
	store_close(s);
	free(path);
}
END_TEST

START_TEST(handoffs)
{
	char *path = xasprintf("%s/ho.db", dir), *cause = NULL;
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

START_TEST(migration_keeps_data)
{
	char *path = xasprintf("%s/old.db", dir), *cause = NULL;
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
	set(s, id, "behov", EXPR_VALUE, "Før opgraderingen", 10);
	set(s, id, "behov", EXPR_VALUE, "Stadig før", 11);
	set(s, id, "persondata", EXPR_DONTKNOW, NULL, 12);
	store_close(s);

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
	ck_assert_int_eq(a.kind, EXPR_DONTKNOW);
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

START_TEST(newer_version_refused_untouched)
{
	char *path = xasprintf("%s/new.db", dir), *cause = NULL, *before, *after;
	struct store *s = open_ok(path);
	struct stat sb1, sb2;

	store_close(s);
	poke_version(path, STORE_VERSION + 7);
	before = tu_read(path);
	stat(path, &sb1);
	ck_assert_int_eq(store_open(path, 0, &s, &cause), EX_DATAERR);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(cause, "newer airejse"));
	ck_assert_ptr_nonnull(strstr(cause, "version 9"));
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

START_TEST(data_version_sees_other_writers)
{
	char *path = xasprintf("%s/dv.db", dir);
	struct store *a = open_ok(path), *b = open_ok(path);
	int64_t v1 = store_data_version(a), v2;

	new_project(b, "Fra en anden");
	v2 = store_data_version(a);
	ck_assert_int_ne(v1, v2);
	ck_assert_int_eq(store_data_version(a), v2);
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

Suite *
test_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, creates_folders_and_file_private);
	tcase_add_test(tc, projects);
	tcase_add_test(tc, answers_and_history);
	tcase_add_test(tc, handoffs);
	tcase_add_test(tc, migration_keeps_data);
	tcase_add_test(tc, newer_version_refused_untouched);
	tcase_add_test(tc, foreign_files_refused_untouched);
	tcase_add_test(tc, readonly);
	tcase_add_test(tc, backup);
	tcase_add_test(tc, data_version_sees_other_writers);
	tcase_add_test(tc, deleted_or_replaced_while_open);
	suite_add_tcase(s, tc);
	return s;
}
