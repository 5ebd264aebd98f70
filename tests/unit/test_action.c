/* SPDX-License-Identifier: EUPL-1.2 */
/* The actions: each answer path through to the store, conflicts, names,
 * tracks, and the hand-offs an answer raises and withdraws. */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/cache.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/handoff.h"
#include "airejse/loader.h"
#include "airejse/progress.h"
#include "airejse/settings.h"
#include "airejse/status.h"
#include "airejse/store.h"
#include "airejse/store-impl.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static char *dir;
static struct store *observer;	/* another connection: see briefs_right */
static struct content *content;
static struct settings settings;
static struct action act;
static int64_t pid;

static void
setup(void)
{
	struct diags d = { 0 };
	char *cdir = xasprintf("%s/tests/data/store", tu_srcdir());
	char *path, *cause = NULL;
	char *tracks[] = { "alpha" };

	dir = tu_tmpdir();
	ck_assert_int_eq(loader_load(cdir, NULL, 0, &d, &content), 0);
	diag_free(&d);
	free(cdir);
	settings_defaults(&settings);
	settings.contacts = xcalloc(1, sizeof(*settings.contacts));
	settings.contacts[0].role = xstrdup("jurist");
	settings.contacts[0].name = xstrdup("Jytte Jurist");
	settings.contacts[0].email = xstrdup("jytte@rsyd.dk");
	settings.ncontacts = 1;
	path = xasprintf("%s/a.db", dir);
	memset(&act, 0, sizeof(act));
	ck_assert_int_eq(store_open(path, 0, &act.store, &cause), 0);
	free(path);
	act.content = content;
	act.settings = &settings;
	act.user = "tester";
	act.source = SOURCE_TUI;
	ck_assert_int_eq(action_project_new(&act, "Projekt", tracks, 1, &pid, &cause), 0);
}

static void
teardown(void)
{
	action_memo_free(act.memo);
	store_close(observer);
	observer = NULL;
	store_close(act.store);
	content_free(content);
	settings_free(&settings);
	tu_rmrf(dir);
	free(dir);
}

/* The stored answer to q (caller clears it). */
static struct answer
stored(const char *q)
{
	struct answer a;
	char *cause = NULL;

	ck_assert_int_eq(store_answer(act.store, pid, q, &a, &cause), 0);
	return a;
}

static void
good(const char *q, const char *input, const char *canon)
{
	struct answer_result res;
	struct answer a;
	char *cause = NULL;
	int rc = action_answer(&act, pid, q, input, ACTION_ANY_REVISION, &res, &cause);

	ck_assert_msg(rc == 0, "%s '%s': %d %s", q, input, rc, cause);
	answer_result_free(&res);
	a = stored(q);
	ck_assert_int_eq(a.kind, ANSWER_VALUE);
	ck_assert_msg(strcmp(a.value, canon) == 0, "%s '%s' stored '%s', expected '%s'",
	    q, input, a.value, canon);
	ck_assert_int_eq(a.source, SOURCE_TUI);
	ck_assert_str_eq(a.user, "tester");
	answer_clear(&a);
}

/* A refused value leaves the stored answer as it was. */
static void
bad(const char *q, const char *input)
{
	struct answer before = stored(q), after;
	char *cause = NULL;
	int rc = action_answer(&act, pid, q, input, ACTION_ANY_REVISION, NULL, &cause);

	ck_assert_msg(rc == EX_DATAERR, "%s '%s' gave %d", q, input, rc);
	ck_assert_ptr_nonnull(cause);
	free(cause);
	after = stored(q);
	ck_assert_int_eq(before.revision, after.revision);
	ck_assert_int_eq(before.kind, after.kind);
	answer_clear(&before);
	answer_clear(&after);
}

START_TEST(every_type)
{
	good("behov", "  Mere tid til patienterne – æøå ÆØÅ ", "Mere tid til patienterne – æøå ÆØÅ");
	bad("behov", "for langt: " "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
	bad("behov", "ugyldig \xff\xfe UTF-8");
	good("persondata", "ja", "ja");
	good("persondata", "N", "nej");
	good("persondata", "yes", "ja");
	bad("persondata", "måske");
	good("aftale", "j", "ja");
	good("aftale_dato", "23.11.2026", "2026-11-23");
	good("aftale_dato", "23/11/2026", "2026-11-23");
	good("aftale_dato", "23-11-2026", "2026-11-23");
	bad("aftale_dato", "31.02.2026");
	good("beloeb", "1,6 mio. kr.", "1600000");
	good("beloeb", "1.600.000", "1600000");
	good("beloeb", "1.200.000 kr.", "1200000");
	bad("beloeb", "en del");
	good("antal", "12,5", "12.5");
	good("antal", "7.25", "7.25");
	bad("antal", "101");
	good("emner", "Jura, data", "data,jura");
	bad("emner", "data,økonomi");
	good("mail", "søren@ouh.dk", "søren@ouh.dk");
	bad("mail", "ikke en adresse");
	good("link", "https://rsyd.dk/ai", "https://rsyd.dk/ai");
	bad("link", "ftp://rsyd.dk");
	good("noter", "linje 1\nlinje 2", "linje 1\nlinje 2");
	bad("noter", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
	/* A choice, once its step applies: by id, or by its text in either language. */
	good("beloeb", "2 mio.", "2000000");
	good("valg", "stop", "stop");
	good("valg", "KØB", "koeb");
	good("valg", "buy", "koeb");
	bad("valg", "måske");
}
END_TEST

START_TEST(dontknow_clear_unchanged)
{
	struct answer_result res;
	struct answer a;
	char *cause = NULL;

	ck_assert_int_eq(action_answer(&act, pid, "behov", "ved ikke", ACTION_ANY_REVISION, &res,
	    &cause), 0);
	ck_assert(res.changed);
	ck_assert_int_eq(res.revision, 1);
	answer_result_free(&res);
	a = stored("behov");
	ck_assert_int_eq(a.kind, ANSWER_DONTKNOW);
	answer_clear(&a);

	/* The same answer again writes nothing. */
	ck_assert_int_eq(action_answer(&act, pid, "behov", "?", ACTION_ANY_REVISION, &res, &cause), 0);
	ck_assert(!res.changed);
	ck_assert_int_eq(res.revision, 1);
	answer_result_free(&res);

	ck_assert_int_eq(action_clear(&act, pid, "behov", 1, &res, &cause), 0);
	ck_assert(res.changed);
	ck_assert_int_eq(res.revision, 2);
	answer_result_free(&res);
	a = stored("behov");
	ck_assert_int_eq(a.kind, ANSWER_NONE);
	answer_clear(&a);

	/* Unknown questions, and questions not asked now. */
	ck_assert_int_eq(action_answer(&act, pid, "nope", "x", ACTION_ANY_REVISION, NULL, &cause),
	    EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_clear(&act, pid, "nope", ACTION_ANY_REVISION, NULL, &cause),
	    EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_answer(&act, pid, "aftale", "ja", ACTION_ANY_REVISION, NULL, &cause),
	    EX_DATAERR);
	/* The questions by their text, the one it depends on too. */
	ck_assert_msg(strstr(cause, "\"Is there a DPA?\"") != NULL &&
	    strstr(cause, "\"Personal data?\"") != NULL && strstr(cause, "persondata") == NULL,
	    "%s", cause);
	xfree(cause);
	ck_assert_int_eq(action_answer(&act, pid, "beta_tekst", "x", ACTION_ANY_REVISION, NULL, &cause),
	    EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(cause, "tracks"));
	xfree(cause);
	ck_assert_int_eq(action_answer(&act, 999, "behov", "x", ACTION_ANY_REVISION, NULL, &cause),
	    EX_NOINPUT);
	xfree(cause);
}
END_TEST

/* The number of history rows of question q. */
static size_t
history_rows(const char *q)
{
	struct answer_event *v = NULL;
	char *cause = NULL;
	size_t n = 0;

	ck_assert_int_eq(store_answer_history(act.store, pid, q, &v, &n, &cause), 0);
	answer_events_free(v, n);
	return n;
}

/* Saves input read in lang; returns whether it changed the answer. */
static bool
save_in(const char *q, const char *input, enum lang lang, char **note)
{
	struct answer_result res;
	char *cause = NULL;
	bool changed;

	ck_assert_msg(action_answer_in(&act, pid, q, input, lang, ACTION_ANY_REVISION, &res,
	    &cause) == 0, "'%s': %s", input, cause);
	changed = res.changed;
	if (note != NULL) {
		*note = res.note;
		res.note = NULL;
	}
	answer_result_free(&res);
	return changed;
}

/* Issue 13: the answer as shown, saved again in its language, is not a
 * change (no revision, no history row); the reader's note comes back. */
START_TEST(unchanged_as_shown)
{
	const struct question *q = content_question(content, "beloeb");
	struct answer a;
	char *note, *shown;
	int l;

	ck_assert(save_in("beloeb", "1.200 kr.", LANG_DA, &note));
	ck_assert_ptr_null(note);
	a = stored("beloeb");
	ck_assert_str_eq(a.value, "1200");
	answer_clear(&a);
	ck_assert_uint_eq(history_rows("beloeb"), 1);
	for (l = 0; l < LANG__COUNT; l++) {
		shown = value_format(q, "1200", (enum lang)l);
		ck_assert_msg(!save_in("beloeb", shown, (enum lang)l, NULL), "'%s' changed it", shown);
		free(shown);
	}
	ck_assert(!save_in("beloeb", "DKK 1,200", LANG_EN, NULL));
	ck_assert_uint_eq(history_rows("beloeb"), 1);
	a = stored("beloeb");
	ck_assert_int_eq(a.revision, 1);
	answer_clear(&a);
	/* Approximate is another answer; then, as shown, unchanged. */
	ck_assert(save_in("beloeb", "ca. 1.200 kr.", LANG_DA, NULL));
	ck_assert(!save_in("beloeb", "about DKK 1,200", LANG_EN, NULL));
	ck_assert_uint_eq(history_rows("beloeb"), 2);
	/* The other language's way, where only it can be meant: a note. */
	ck_assert(save_in("beloeb", "1.5 mio.", LANG_DA, &note));
	ck_assert_msg(note != NULL && strstr(note, "1.500.000 kr.") != NULL, "%s", note);
	free(note);
}
END_TEST

START_TEST(conflict)
{
	struct answer_result res;
	char *cause = NULL;

	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "1000", 0, &res, &cause), 0);
	answer_result_free(&res);
	/* Another writer saves on top of revision 1 ... */
	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "2000", 1, &res, &cause), 0);
	answer_result_free(&res);
	/* ... so a save based on revision 1 is refused with both values. */
	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "3000", 1, &res, &cause),
	    STATUS_CONFLICT);
	ck_assert_int_eq(res.theirs.revision, 2);
	ck_assert_str_eq(res.theirs.value, "2000");
	ck_assert_int_eq(res.mine_kind, ANSWER_VALUE);
	ck_assert_str_eq(res.mine, "3000");
	ck_assert_msg(strstr(cause, "DKK 2,000") != NULL, "%s", cause);
	ck_assert_ptr_nonnull(strstr(cause, "DKK 3,000"));
	xfree(cause);
	answer_result_free(&res);
	/* A save that saw no answer, when there is one. */
	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "4000", 0, &res, &cause),
	    STATUS_CONFLICT);
	xfree(cause);
	answer_result_free(&res);
	ck_assert_int_eq(action_clear(&act, pid, "beloeb", 1, &res, &cause), STATUS_CONFLICT);
	xfree(cause);
	answer_result_free(&res);
	/* Choosing mine: save again on their revision. */
	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "3000", 2, &res, &cause), 0);
	ck_assert_int_eq(res.revision, 3);
	answer_result_free(&res);
}
END_TEST

/* Another writer holding the database is not a conflict: busy, nothing
 * compared nor saved, and the same save goes through once it lets go. */
START_TEST(busy_is_not_a_conflict)
{
	struct answer_result res;
	struct answer a;
	char *cause = NULL;
	sqlite3 *other;

	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "1000", 0, &res, &cause), 0);
	answer_result_free(&res);
	ck_assert_int_eq(sqlite3_open(store_path(act.store), &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	/* Not the ten seconds a user's save waits. */
	db_busy_timeout(act.store->db, 20);
	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "2000", 1, &res, &cause), STATUS_BUSY);
	ck_assert_msg(strstr(cause, "someone else is saving") != NULL, "%s", cause);
	ck_assert_msg(strstr(cause, "nothing was saved") != NULL, "%s", cause);
	ck_assert_ptr_null(strstr(cause, "changed by"));
	ck_assert_int_eq(res.theirs.revision, 0);
	ck_assert_ptr_null(res.mine);
	xfree(cause);
	answer_result_free(&res);
	ck_assert_int_eq(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	a = stored("beloeb");
	ck_assert_str_eq(a.value, "1000");
	answer_clear(&a);
	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "2000", 1, &res, &cause), 0);
	ck_assert_int_eq(res.revision, 2);
	answer_result_free(&res);
}
END_TEST

START_TEST(names_and_tracks)
{
	char *tracks[] = { "alpha", "beta" }, *dup[] = { "beta", "beta" }, *unknown[] = { "gamma" };
	char long_name[260], *cause = NULL, *clean;
	struct project *p;
	int64_t id;

	ck_assert_int_eq(action_project_new(&act, "  Ærø – øjenklinik  ", tracks, 2, &id, &cause), 0);
	ck_assert_int_eq(action_project_find(&act, "Ærø – øjenklinik", &p, &cause), 0);
	ck_assert_int_eq(p->id, id);
	ck_assert_int_eq(p->ntracks, 2);
	project_free(p);
	/* By id, and an id wins over a name. */
	ck_assert_int_eq(action_project_rename(&act, pid, "2", &cause), 0);
	ck_assert_int_eq(action_project_find(&act, "2", &p, &cause), 0);
	ck_assert_int_eq(p->id, 2);
	project_free(p);
	ck_assert_int_eq(action_project_find(&act, "Nothing", &p, &cause), EX_NOINPUT);
	xfree(cause);

	ck_assert_int_eq(action_project_new(&act, "Ærø – øjenklinik", tracks, 1, &id, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_project_new(&act, "   ", tracks, 1, &id, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_project_new(&act, "to\nlinjer", tracks, 1, &id, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_project_new(&act, "bad \xc3", tracks, 1, &id, &cause), EX_DATAERR);
	xfree(cause);
	memset(long_name, 'x', 201);
	long_name[201] = '\0';
	ck_assert_int_eq(action_project_new(&act, long_name, tracks, 1, &id, &cause), EX_DATAERR);
	xfree(cause);
	long_name[200] = '\0';
	ck_assert_int_eq(action_check_name(long_name, &clean, &cause), 0);
	free(clean);
	/* And bytes, four to a character (issue 20): one letter under
	 * 2 MB of combining marks is refused, its size said. */
	{
		char *heavy = xcalloc(1, 2000004);

		heavy[0] = 'q';
		for (int i = 0; i < 1000000; i++)
			memcpy(heavy + 1 + 2 * i, "\xcc\x81", 2);
		ck_assert_int_eq(action_check_name(heavy, &clean, &cause), EX_DATAERR);
		ck_assert_msg(strstr(cause, "2000001 bytes") != NULL && strstr(cause, "800 bytes") != NULL,
		    "%s", cause);
		xfree(cause);
		free(heavy);
	}
	/* 200 characters, not bytes. */
	ck_assert_int_eq(action_check_name("æææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææ", &clean, &cause), 0);
	free(clean);
	ck_assert_int_eq(action_project_new(&act, "Nyt", dup, 2, &id, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_project_new(&act, "Nyt", unknown, 1, &id, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_project_new(&act, "Nyt", tracks, 0, &id, &cause), EX_DATAERR);
	xfree(cause);

	ck_assert_int_eq(action_project_archive(&act, id, true, &cause), 0);
	ck_assert_int_eq(action_project_purge(&act, id, &cause), 0);
	ck_assert_int_eq(action_project_purge(&act, id, &cause), EX_NOINPUT);
	xfree(cause);
}
END_TEST

/* A value from the history comes back as a new revision, the history
 * kept; a revision the history lacks, or an answer changed meanwhile,
 * is refused with nothing written. */
START_TEST(restore_from_history)
{
	struct answer_result res;
	struct answer_event *ev;
	struct answer a;
	char *cause = NULL;
	size_t n;

	ck_assert_int_eq(action_answer(&act, pid, "behov", "Færre genindlæggelser",
	    ACTION_ANY_REVISION, NULL, &cause), 0);
	ck_assert_int_eq(action_answer(&act, pid, "behov", "Kortere ventetid",
	    ACTION_ANY_REVISION, NULL, &cause), 0);
	ck_assert_int_eq(action_answer(&act, pid, "behov", "ved ikke", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	ck_assert_int_eq(action_restore(&act, pid, "behov", 1, 3, &res, &cause), 0);
	ck_assert(res.changed);
	ck_assert_int_eq(res.revision, 4);
	answer_result_free(&res);
	a = stored("behov");
	ck_assert_int_eq(a.kind, ANSWER_VALUE);
	ck_assert_str_eq(a.value, "Færre genindlæggelser");
	answer_clear(&a);
	/* Back to "don't know", then to no answer at all. */
	ck_assert_int_eq(action_restore(&act, pid, "behov", 3, ACTION_ANY_REVISION, NULL, &cause), 0);
	a = stored("behov");
	ck_assert_int_eq(a.kind, ANSWER_DONTKNOW);
	answer_clear(&a);
	ck_assert_int_eq(action_clear(&act, pid, "behov", ACTION_ANY_REVISION, NULL, &cause), 0);
	ck_assert_int_eq(action_restore(&act, pid, "behov", 2, 6, NULL, &cause), 0);
	ck_assert_int_eq(store_answer_history(act.store, pid, "behov", &ev, &n, &cause), 0);
	ck_assert_uint_eq(n, 7);
	ck_assert_str_eq(ev[6].new_value, "Kortere ventetid");
	ck_assert_str_eq(ev[6].old_value == NULL ? "" : ev[6].old_value, "");
	answer_events_free(ev, n);

	/* Refused: no such revision (named by the question's text), a stale
	 * expectation, a question with no history. */
	ck_assert_int_eq(action_restore(&act, pid, "behov", 9, ACTION_ANY_REVISION, NULL, &cause),
	    EX_NOINPUT);
	ck_assert_msg(strstr(cause, "\"What is the need?\"") != NULL && strstr(cause, "1 to 7"),
	    "%s", cause);
	xfree(cause);
	ck_assert_int_eq(action_restore(&act, pid, "behov", 1, 3, &res, &cause), STATUS_CONFLICT);
	ck_assert_int_eq(res.theirs.revision, 7);
	answer_result_free(&res);
	xfree(cause);
	ck_assert_int_eq(action_restore(&act, pid, "noter", 1, ACTION_ANY_REVISION, NULL, &cause),
	    EX_NOINPUT);
	xfree(cause);
	a = stored("behov");
	ck_assert_int_eq(a.revision, 7);
	answer_clear(&a);
}
END_TEST

/* Deleting archives: the project leaves the lists and keeps everything;
 * nothing in it changes until it is restored; it is purged only once
 * archived; its renames and archiving are in its history, each with the
 * account beside the user's name. */
START_TEST(archive_restore_purge)
{
	struct project_event *pe;
	struct answer_event *ev;
	struct handoff_edit edit = { .note = "x" };
	struct project *v, *p;
	char *cause = NULL, *tracks[] = { "alpha" };
	int64_t other;
	size_t n;

	store_set_account(act.store, "mette-os");
	ck_assert_int_eq(action_answer(&act, pid, "behov", "Færre fejl", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	ck_assert_int_eq(action_project_rename(&act, pid, "Øjenklinikken", &cause), 0);
	/* The same name again is no change: no history row. */
	ck_assert_int_eq(action_project_rename(&act, pid, " Øjenklinikken ", &cause), 0);
	ck_assert_int_eq(action_project_purge(&act, pid, &cause), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(cause, "Øjenklinikken"));
	xfree(cause);
	ck_assert_int_eq(action_project_archive(&act, pid, true, &cause), 0);
	ck_assert_int_eq(action_project_archive(&act, pid, true, &cause), EX_DATAERR);
	xfree(cause);

	ck_assert_int_eq(store_projects(act.store, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 0);
	projects_free(v, n);
	ck_assert_int_eq(store_projects_archived(act.store, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].name, "Øjenklinikken");
	ck_assert_int_gt(v[0].archived, 0);
	ck_assert_uint_eq(v[0].ntracks, 1);
	projects_free(v, n);
	ck_assert_int_eq(action_project_find(&act, "Øjenklinikken", &p, &cause), 0);
	ck_assert_int_gt(p->archived, 0);
	project_free(p);

	/* Nothing in it changes, and its name is not free. */
	ck_assert_int_eq(action_answer(&act, pid, "behov", "Andet", ACTION_ANY_REVISION, NULL,
	    &cause), EX_DATAERR);
	ck_assert_msg(strstr(cause, "archived") && strstr(cause, "project restore"), "%s", cause);
	xfree(cause);
	ck_assert_int_eq(action_project_rename(&act, pid, "Nyt navn", &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_handoff(&act, pid, "r", &edit, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_project_new(&act, "Øjenklinikken", tracks, 1, &other, &cause),
	    EX_DATAERR);
	ck_assert_msg(strstr(cause, "archived project") && strstr(cause, "project restore"),
	    "%s", cause);
	xfree(cause);

	ck_assert_int_eq(action_project_archive(&act, pid, false, &cause), 0);
	ck_assert_int_eq(action_project_archive(&act, pid, false, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(store_projects(act.store, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	projects_free(v, n);
	ck_assert_int_eq(store_project_history(act.store, pid, &pe, &n, &cause), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(pe[0].what, PROJECT_RENAMED);
	ck_assert_str_eq(pe[0].old_name, "Projekt");
	ck_assert_str_eq(pe[0].new_name, "Øjenklinikken");
	ck_assert_str_eq(pe[0].user, "tester");
	ck_assert_str_eq(pe[0].account, "mette-os");
	ck_assert_int_eq(pe[1].what, PROJECT_ARCHIVED);
	ck_assert_int_eq(pe[2].what, PROJECT_RESTORED);
	project_events_free(pe, n);
	ck_assert_int_eq(store_answer_history(act.store, pid, "behov", &ev, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(ev[0].account, "mette-os");
	ck_assert_str_eq(ev[0].user, "tester");
	answer_events_free(ev, n);

	ck_assert_int_eq(action_project_archive(&act, pid, true, &cause), 0);
	ck_assert_int_eq(action_project_purge(&act, pid, &cause), 0);
	ck_assert_int_eq(action_project_find(&act, "Øjenklinikken", &p, &cause), EX_NOINPUT);
	xfree(cause);
	ck_assert_int_eq(store_project_history(act.store, pid, &pe, &n, &cause), 0);
	ck_assert_uint_eq(n, 0);
	free(pe);
}
END_TEST

static const struct handoff *
find(struct snapshot *s, const char *rule)
{
	return handoff_find(s->handoffs, s->nhandoffs, rule);
}

START_TEST(handoffs_follow_answers)
{
	struct handoff_edit edit = { .set_state = true, .state = HANDOFF_SENT, .note = "Sendt til Jytte", .due = "1.12.2026" };
	struct answer_result res;
	struct snapshot *s;
	char *cause = NULL;

	ck_assert_int_eq(action_answer(&act, pid, "persondata", "ja", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	ck_assert_int_eq(action_answer(&act, pid, "aftale", "nej", ACTION_ANY_REVISION, &res,
	    &cause), 0);
	ck_assert_int_eq(res.nhandoffs, 1);
	ck_assert_str_eq(res.handoffs[0].rule->id, "jurist-gdpr");
	ck_assert_int_eq(res.handoffs[0].to, HANDOFF_RAISED);
	answer_result_free(&res);

	ck_assert_int_eq(action_snapshot(&act, pid, &s, &cause), 0);
	ck_assert_int_eq(find(s, "jurist-gdpr")->state, HANDOFF_RAISED);
	ck_assert_str_eq(find(s, "jurist-gdpr")->contact, "Jytte Jurist <jytte@rsyd.dk>");
	ck_assert_int_eq(s->progress->nopen_handoffs, 1);
	snapshot_free(s);

	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), 0);
	ck_assert_int_eq(action_snapshot(&act, pid, &s, &cause), 0);
	ck_assert_int_eq(find(s, "jurist-gdpr")->state, HANDOFF_SENT);
	ck_assert_str_eq(find(s, "jurist-gdpr")->due, "2026-12-01");
	ck_assert_str_eq(find(s, "jurist-gdpr")->note, "Sendt til Jytte");
	snapshot_free(s);

	/* Backwards, to a system state, to a bad date, or an unknown one. */
	edit.state = HANDOFF_RAISED;
	edit.note = NULL;
	edit.due = NULL;
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), EX_DATAERR);
	xfree(cause);
	edit.set_state = false;
	edit.due = "i morgen";
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), EX_DATAERR);
	xfree(cause);
	edit.due = "";
	ck_assert_int_eq(action_handoff(&act, pid, "leder-behov", &edit, &cause), EX_NOINPUT);
	xfree(cause);
	/* "" clears the due date. */
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), 0);

	/* The reason goes: withdrawn, not deleted; then it cannot be moved. */
	ck_assert_int_eq(action_answer(&act, pid, "aftale", "ja", ACTION_ANY_REVISION, &res,
	    &cause), 0);
	ck_assert_int_eq(res.nhandoffs, 1);
	ck_assert_int_eq(res.handoffs[0].to, HANDOFF_WITHDRAWN);
	answer_result_free(&res);
	ck_assert_int_eq(action_snapshot(&act, pid, &s, &cause), 0);
	ck_assert_int_eq(find(s, "jurist-gdpr")->state, HANDOFF_WITHDRAWN);
	ck_assert_ptr_null(find(s, "jurist-gdpr")->due);
	snapshot_free(s);
	edit.set_state = true;
	edit.state = HANDOFF_ANSWERED;
	edit.due = NULL;
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), EX_DATAERR);
	xfree(cause);

	/* Back again: raised again; then answered and closed, which stay. */
	ck_assert_int_eq(action_answer(&act, pid, "aftale", "nej", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), 0);
	edit.state = HANDOFF_CLOSED;
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), 0);
	ck_assert_int_eq(action_answer(&act, pid, "persondata", "nej", ACTION_ANY_REVISION, &res,
	    &cause), 0);
	ck_assert_int_eq(res.nhandoffs, 0);
	answer_result_free(&res);
	ck_assert_int_eq(action_snapshot(&act, pid, &s, &cause), 0);
	ck_assert_int_eq(find(s, "jurist-gdpr")->state, HANDOFF_CLOSED);
	snapshot_free(s);

	/* "Ved ikke" raises the hand-off the content ties to it. */
	ck_assert_int_eq(action_answer(&act, pid, "behov", "ved ikke", ACTION_ANY_REVISION, &res,
	    &cause), 0);
	ck_assert_int_eq(res.nhandoffs, 1);
	ck_assert_str_eq(res.handoffs[0].rule->id, "leder-behov");
	answer_result_free(&res);
}
END_TEST

START_TEST(sync_after_threshold_change)
{
	struct handoff_sync *v;
	size_t n;
	char *cause = NULL;

	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "1,8 mio.", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	ck_assert_int_eq(action_sync(&act, pid, &v, &n, &cause), 0);
	ck_assert_int_eq(n, 0);
	free(v);
	/* The site raises its threshold: the tender hand-off is withdrawn. */
	settings.value[SETTING_TENDER_THRESHOLD] = 2000000;
	ck_assert_int_eq(action_sync(&act, pid, &v, &n, &cause), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(v[0].rule->id, "jurist-udbud");
	ck_assert_int_eq(v[0].to, HANDOFF_WITHDRAWN);
	free(v);
}
END_TEST

/* The progress of chosen projects, read together (the projects screen). */

struct got {
	int64_t		 ids[4];
	size_t		 nopen[4];
	size_t		 done[4], applicable[4];
	size_t		 n;
};

static int
got_one(const struct project *p, const struct progress_brief *b, void *arg)
{
	struct got *g = arg;
	size_t i;

	ck_assert_uint_lt(g->n, 4);
	g->ids[g->n] = p->id;
	g->nopen[g->n] = b->nopen_handoffs;
	for (i = 0; i < b->ntracks; i++) {
		g->done[g->n] += b->tracks[i].done;
		g->applicable[g->n] += b->tracks[i].applicable;
	}
	g->n++;
	return 0;
}

START_TEST(briefs_read_together)
{
	char *tracks[] = { "alpha", "beta" }, *cause = NULL;
	int64_t p2, p3, ids[4];
	struct snapshot *s;
	struct got g;
	size_t i;

	ck_assert_int_eq(action_project_new(&act, "To", tracks, 2, &p2, &cause), 0);
	ck_assert_int_eq(action_project_new(&act, "Tre", tracks, 1, &p3, &cause), 0);
	good("behov", "Et behov", "Et behov");
	good("persondata", "nej", "nej");
	ck_assert_int_eq(action_answer(&act, p2, "persondata", "ja", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	ck_assert_int_eq(action_answer(&act, p2, "aftale", "nej", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	ck_assert_int_eq(action_answer(&act, p3, "beloeb", "1,8 mio.", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	/* The site raises its threshold: p3's tender hand-off lags. */
	settings.value[SETTING_TENDER_THRESHOLD] = 2000000;

	ids[0] = p3;
	ids[1] = 999;
	ids[2] = pid;
	ids[3] = p2;
	memset(&g, 0, sizeof(g));
	/* Worked out as they are read: only what progress needs is read of
	 * them, which test_store checks of store_each_progress. */
	ck_assert_int_eq(action_briefs(&act, ids, 4, got_one, &g, &cause), 0);
	ck_assert_uint_eq(g.n, 3);
	ck_assert_int_eq(g.ids[0], p3);
	ck_assert_int_eq(g.ids[1], pid);
	ck_assert_int_eq(g.ids[2], p2);
	/* As action_refresh will show them: p3's lagging hand-off counted as
	 * withdrawn, but not saved so. */
	ck_assert_uint_eq(g.nopen[0], 0);
	ck_assert_uint_eq(g.nopen[2], 1);
	ck_assert_int_eq(action_snapshot(&act, p3, &s, &cause), 0);
	ck_assert_int_eq(find(s, "jurist-udbud")->state, HANDOFF_RAISED);
	snapshot_free(s);
	for (i = 0; i < g.n; i++) {
		size_t done = 0, applicable = 0, k;

		ck_assert_int_eq(action_refresh(&act, g.ids[i], &s, &cause), 0);
		for (k = 0; k < s->progress->ntracks; k++) {
			done += s->progress->tracks[k].done;
			applicable += s->progress->tracks[k].applicable;
		}
		ck_assert_uint_eq(g.done[i], done);
		ck_assert_uint_eq(g.applicable[i], applicable);
		ck_assert_uint_eq(g.nopen[i], s->progress->nopen_handoffs);
		if (g.ids[i] == p3)
			ck_assert_int_eq(find(s, "jurist-udbud")->state, HANDOFF_WITHDRAWN);
		snapshot_free(s);
	}
	ck_assert_uint_gt(g.done[1], 0);
}
END_TEST

/* Briefs (action_briefs): the same as a fresh look at each project, as
 * opening it would show it; nothing written; kept in a memo while the
 * store, content and settings stay as they were. */

static int
first_column(void *arg, int ncols, char **values, char **names)
{
	char **out = arg;

	(void)names;
	if (*out == NULL)
		*out = xstrdup(ncols > 0 && values[0] != NULL ? values[0] : "");
	return 0;
}

/* Runs sql (printf-style, sqlite3_mprintf's %Q and all) on the store's
 * file from outside the store, as another program would; returns the
 * first column of the first row as text ("" for none or NULL). Caller
 * frees. */
static char *
sql_get(const char *fmt, ...)
{
	sqlite3 *db;
	char *sql, *out = NULL;
	va_list ap;

	va_start(ap, fmt);
	sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	ck_assert_int_eq(sqlite3_open(store_path(act.store), &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	ck_assert_msg(sqlite3_exec(db, sql, first_column, &out, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	sqlite3_close(db);
	sqlite3_free(sql);
	return out != NULL ? out : xstrdup("");
}

#define sql_run(...) free(sql_get(__VA_ARGS__))

/* b is the brief of project id as opening it (action_refresh) shows it. */
static void
brief_right(struct action *a, int64_t id, const struct progress_brief *b)
{
	struct progress_brief *want;
	struct snapshot *s;
	char *cause = NULL;
	bool same;
	size_t i;

	/* One assertion for it all: each is a write to Check's pipe, and
	 * the property test makes thousands of these comparisons. */
	if (action_refresh(a, id, &s, &cause) != 0)
		ck_abort_msg("project %lld: %s", (long long)id, cause);
	want = progress_brief_of(s->progress);
	same = b->ntracks == want->ntracks && b->nopen_handoffs == want->nopen_handoffs;
	for (i = 0; same && i < want->ntracks; i++)
		same = b->tracks[i].track == want->tracks[i].track &&
		    b->tracks[i].done == want->tracks[i].done &&
		    b->tracks[i].applicable == want->tracks[i].applicable;
	ck_assert_msg(same, "project %lld: %zu tracks, %s %zu/%zu, %zu open; want %zu, %s %zu/%zu,"
	    " %zu open", (long long)id, b->ntracks,
	    b->ntracks ? b->tracks[0].track->id : "-", b->ntracks ? b->tracks[0].done : 0,
	    b->ntracks ? b->tracks[0].applicable : 0, b->nopen_handoffs, want->ntracks,
	    want->ntracks ? want->tracks[0].track->id : "-",
	    want->ntracks ? want->tracks[0].done : 0, want->ntracks ? want->tracks[0].applicable : 0,
	    want->nopen_handoffs);
	progress_brief_free(want);
	snapshot_free(s);
}

/* What action_briefs called back with. */
struct seen_briefs {
	struct project		 p[32];
	struct progress_brief	*b[32];
	size_t			 n;
};

static int
brief_seen(const struct project *p, const struct progress_brief *b, void *arg)
{
	struct seen_briefs *w = arg;

	if (w->n >= 32)
		ck_abort_msg("more than 32 projects");
	project_copy(&w->p[w->n], p);
	w->b[w->n++] = progress_brief_copy(b);
	return 0;
}

static void
seen_free(struct seen_briefs *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		project_clear(&w->p[i]);
		progress_brief_free(w->b[i]);
	}
	w->n = 0;
}

/* Every table of the store as one string, to see that nothing changed;
 * caller frees. */
static char *
everything(void)
{
	return sql_get("SELECT (SELECT group_concat(id || name || created || changed) FROM project)"
	    " || (SELECT group_concat(project || question || kind || ifnull(value, '') || revision)"
	    "     FROM answer) || (SELECT count(*) FROM answer_event)"
	    " || (SELECT group_concat(id || project || rule || state) FROM handoff)"
	    " || (SELECT count(*) FROM handoff_event)");
}

/* action_briefs on a for ids (NULL: all) gives every project there, in
 * that order, each as opening it shows it, and writes nothing. */
static void
briefs_right(struct action *a, const int64_t *ids, size_t n)
{
	struct seen_briefs w;
	struct project *p, *all = NULL;
	int64_t want[32], dv;
	uint64_t commits = store_commits(a->store);
	size_t nwant = 0, nall, i;
	char *cause = NULL;
	int rc;

	if (ids == NULL) {
		ck_assert_int_eq(store_projects(a->store, &all, &nall, &cause), 0);
		for (i = 0; i < nall; i++)
			want[nwant++] = all[i].id;
		projects_free(all, nall);
	} else {
		for (i = 0; i < n; i++) {
			if ((rc = store_project_get(a->store, ids[i], &p, &cause)) == EX_NOINPUT) {
				xfree(cause);
				continue;
			}
			if (rc != 0)
				ck_abort_msg("store_project_get: %s", cause);
			/* An archived project is not listed. */
			if (p->archived == 0)
				want[nwant++] = ids[i];
			project_free(p);
		}
	}
	/* Another connection sees any commit a makes. */
	if (observer == NULL)
		ck_assert_int_eq(store_open(store_path(a->store), STORE_READONLY, &observer, &cause), 0);
	dv = store_data_version(observer);
	memset(&w, 0, sizeof(w));
	rc = action_briefs(a, ids, n, brief_seen, &w, &cause);
	ck_assert_msg(rc == 0, "action_briefs: %d %s", rc, cause ? cause : "");
	ck_assert_int_eq(store_data_version(observer), dv);
	ck_assert_uint_eq(store_commits(a->store), commits);
	ck_assert_uint_eq(w.n, nwant);
	for (i = 0; i < nwant; i++)
		if (w.p[i].id != want[i])
			ck_abort_msg("place %zu: project %lld, want %lld", i, (long long)w.p[i].id,
			    (long long)want[i]);
	for (i = 0; i < w.n; i++)
		brief_right(a, w.p[i].id, w.b[i]);
	seen_free(&w);
}

/* The same for every project, and for p2, one not there and the first
 * project in that order. */
static void
briefs_right_both(struct action *a, int64_t p2)
{
	int64_t ids[3] = { p2, 999, pid };

	briefs_right(a, NULL, 0);
	briefs_right(a, ids, 3);
}

/* The numbers action_briefs gives for project id: its first track, and
 * its open hand-offs. */
struct numbers {
	size_t	done, applicable, nopen;
};

static struct numbers
briefs_of(struct action *a, int64_t id)
{
	struct seen_briefs w;
	struct numbers r = { 0, 0, 0 };
	char *cause = NULL;

	memset(&w, 0, sizeof(w));
	ck_assert_int_eq(action_briefs(a, &id, 1, brief_seen, &w, &cause), 0);
	ck_assert_uint_eq(w.n, 1);
	if (w.b[0]->ntracks > 0) {
		r.done = w.b[0]->tracks[0].done;
		r.applicable = w.b[0]->tracks[0].applicable;
	}
	r.nopen = w.b[0]->nopen_handoffs;
	seen_free(&w);
	return r;
}

/* Whether a's memo has project id's brief, and when it has, that it is
 * the one worked out afresh (without a memo, and writing nothing, so
 * that the check itself does not empty the memo). */
static bool
kept(struct action *a, int64_t id)
{
	struct action fresh = *a;
	struct progress_brief *b;
	struct seen_briefs w;
	struct project *p;
	char *cause = NULL;
	size_t i;

	ck_assert_int_eq(store_project_get(a->store, id, &p, &cause), 0);
	b = action_brief_kept(a, p);
	project_free(p);
	if (b == NULL)
		return false;
	fresh.memo = NULL;
	memset(&w, 0, sizeof(w));
	ck_assert_int_eq(action_briefs(&fresh, &id, 1, brief_seen, &w, &cause), 0);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_uint_eq(b->ntracks, w.b[0]->ntracks);
	for (i = 0; i < b->ntracks; i++) {
		ck_assert_ptr_eq(b->tracks[i].track, w.b[0]->tracks[i].track);
		ck_assert_uint_eq(b->tracks[i].done, w.b[0]->tracks[i].done);
		ck_assert_uint_eq(b->tracks[i].applicable, w.b[0]->tracks[i].applicable);
	}
	ck_assert_uint_eq(b->nopen_handoffs, w.b[0]->nopen_handoffs);
	seen_free(&w);
	progress_brief_free(b);
	return true;
}

/* A second project, "To", following alpha and beta, and the answers
 * that raise the jurist's hand-offs: on the first project when gdpr
 * (persondata ja, aftale nej), on the second when tender (an amount over
 * the threshold). */
static int64_t
second_project(bool gdpr, bool tender)
{
	char *tracks[] = { "alpha", "beta" }, *cause = NULL;
	int64_t p2;

	ck_assert_int_eq(action_project_new(&act, "To", tracks, 2, &p2, &cause), 0);
	if (gdpr) {
		good("persondata", "ja", "ja");
		good("aftale", "nej", "nej");
	}
	if (tender)
		ck_assert_int_eq(action_answer(&act, p2, "beloeb", "1,8 mio.", ACTION_ANY_REVISION,
		    NULL, &cause), 0);
	return p2;
}

/* A small pseudo-random generator, the same everywhere. */
static uint32_t rng = 2463534242u;

static uint32_t
next_rand(uint32_t below)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng % below;
}

static const struct {
	const char	*q;
	const char	*inputs[3];
} inputs[] = {
	{ "behov", { "Et behov", "ved ikke", NULL } },
	{ "persondata", { "ja", "nej", "ved ikke" } },
	{ "aftale", { "ja", "nej", NULL } },
	{ "aftale_dato", { "1.6.2026", NULL, NULL } },
	{ "beloeb", { "1,8 mio.", "1.650.000", "500.000" } },
	{ "antal", { "7", "ved ikke", NULL } },
	{ "valg", { "koeb", "stop", NULL } },
	{ "emner", { "data", "jura, drift", NULL } },
	{ "mail", { "a@rsyd.dk", NULL, NULL } },
	{ "link", { "https://rsyd.dk", NULL, NULL } },
	{ "noter", { "Noter", NULL, NULL } },
	{ "beta_tekst", { "kort", "ved ikke", NULL } },
};

static const double thresholds[] = { 1600000, 1700000, 2000000 };

/* One step of the property test on the projects ids[0..*n). */
static void
random_step(int64_t *ids, size_t *n, int step)
{
	static char *track_sets[][2] = { { "alpha", NULL }, { "beta", NULL },
		{ "alpha", "beta" }, { "beta", "alpha" } };
	int64_t p = ids[next_rand((uint32_t)*n)];
	uint32_t what = next_rand(22), k;
	char *cause = NULL, name[32];
	int rc;

	if (what < 9) {
		const char *in;

		k = next_rand(sizeof(inputs) / sizeof(inputs[0]));
		if ((in = inputs[k].inputs[next_rand(3)]) == NULL)
			in = inputs[k].inputs[0];
		rc = action_answer(&act, p, inputs[k].q, in, ACTION_ANY_REVISION, NULL, &cause);
		ck_assert_msg(rc == 0 || rc == EX_DATAERR, "answer: %d %s", rc, cause);
	} else if (what < 12) {
		k = next_rand(sizeof(inputs) / sizeof(inputs[0]));
		rc = action_clear(&act, p, inputs[k].q, ACTION_ANY_REVISION, NULL, &cause);
		ck_assert_msg(rc == 0, "clear: %d %s", rc, cause);
	} else if (what < 15) {
		static const enum handoff_state to[] = { HANDOFF_SENT, HANDOFF_ANSWERED,
			HANDOFF_CLOSED };
		struct handoff_edit edit = { .set_state = true, .state = to[next_rand(3)] };
		struct handoff *h;
		size_t nh;

		ck_assert_int_eq(store_handoffs(act.store, p, &h, &nh, &cause), 0);
		if (nh > 0) {
			edit.note = next_rand(2) ? "En note" : NULL;
			edit.due = next_rand(2) ? "1.12.2026" : NULL;
			rc = action_handoff(&act, p, h[next_rand((uint32_t)nh)].rule, &edit, &cause);
			ck_assert_msg(rc == 0 || rc == EX_DATAERR, "handoff: %d %s", rc, cause);
		}
		handoffs_free(h, nh);
	} else if (what < 17) {
		ck_assert_int_eq(action_sync(&act, p, NULL, NULL, &cause), 0);
	} else if (what < 19) {
		/* The site changes its threshold: hand-offs lag. */
		settings.value[SETTING_TENDER_THRESHOLD] = thresholds[next_rand(3)];
	} else if (what < 20) {
		snprintf(name, sizeof(name), "Omdøbt %d", step);
		ck_assert_int_eq(action_project_rename(&act, p, name, &cause), 0);
	} else if (what < 21) {
		if (*n < 6) {
			snprintf(name, sizeof(name), "Nyt %d", step);
			k = next_rand(4);
			ck_assert_int_eq(action_project_new(&act, name, track_sets[k],
			    track_sets[k][1] ? 2 : 1, &ids[*n], &cause), 0);
			(*n)++;
		}
	} else if (*n > 2) {
		ck_assert_int_eq(action_project_archive(&act, p, true, &cause), 0);
		for (k = 0; ids[k] != p; k++)
			;
		ids[k] = ids[--*n];
	}
	xfree(cause);
}

/* ids[0..n) in a random order, with some left out, one perhaps twice,
 * and some not there. */
static size_t
random_ids(const int64_t *ids, size_t n, int64_t *out)
{
	size_t m = 0, i, j;
	int64_t t;

	for (i = 0; i < n; i++)
		if (next_rand(4) != 0)
			out[m++] = ids[i];
	if (m > 0 && next_rand(3) == 0) {
		t = out[next_rand((uint32_t)m)];
		out[m++] = t;
	}
	out[m++] = 999;
	if (next_rand(2))
		out[m++] = ids[0] + 100;
	for (i = m; i > 1; i--) {
		j = next_rand((uint32_t)i);
		t = out[i - 1];
		out[i - 1] = out[j];
		out[j] = t;
	}
	return m;
}

/* Mode 0: with a memo; 1: without; 2: read through a second, read-only
 * store, with a memo. Each step a random change, then the briefs of a
 * random choice of projects and of every project, each checked against
 * a fresh look (which brings lagging hand-offs in line, as opening a
 * project does). */
START_TEST(briefs_property)
{
	char *tracks2[] = { "alpha", "beta" }, *tracks3[] = { "beta", "alpha" };
	char *tracks4[] = { "beta" }, *cause = NULL;
	int64_t ids[8], some[16];
	struct action ro = act, *reader = &act;
	size_t n = 4, m;
	int step;

	if (_i != 1)
		act.memo = action_memo_new();
	ids[0] = pid;
	ck_assert_int_eq(action_project_new(&act, "To", tracks2, 2, &ids[1], &cause), 0);
	ck_assert_int_eq(action_project_new(&act, "Tre", tracks3, 2, &ids[2], &cause), 0);
	ck_assert_int_eq(action_project_new(&act, "Fire", tracks4, 1, &ids[3], &cause), 0);
	if (_i == 2) {
		ck_assert_int_eq(store_open(store_path(act.store), STORE_READONLY, &ro.store,
		    &cause), 0);
		ro.memo = act.memo;
		act.memo = NULL;
		reader = &ro;
	}
	rng = 2463534242u;
	for (step = 0; step < 200; step++) {
		random_step(ids, &n, step);
		m = random_ids(ids, n, some);
		/* Both orders: the subset first, or every project first. */
		if (step % 2)
			briefs_right(reader, some, m);
		briefs_right(reader, NULL, 0);
		if (step % 2 == 0)
			briefs_right(reader, some, m);
	}
	if (_i == 2) {
		store_close(ro.store);
		action_memo_free(ro.memo);
	}
}
END_TEST

/* Kept in the memo once worked out, for as long as nothing they depend
 * on changes: any commit (this connection's or another's), the content
 * or the settings. */
START_TEST(briefs_kept_while_nothing_changes)
{
	struct handoff_edit edit = { .set_state = true, .state = HANDOFF_SENT, .note = "Sendt", .due = "1.12.2026" };
	char *tracks[] = { "beta", "alpha" }, *cause = NULL;
	struct content *other;
	struct diags d = { 0 };
	struct store *second;
	size_t before;
	char *cdir;
	int64_t p2;

	act.memo = action_memo_new();
	ck_assert_int_eq(action_project_new(&act, "To", tracks, 2, &p2, &cause), 0);
	ck_assert(!kept(&act, pid));
	briefs_right(&act, &p2, 1);
	ck_assert(kept(&act, p2));
	ck_assert(!kept(&act, pid));
	briefs_right(&act, NULL, 0);
	ck_assert(kept(&act, pid));
	ck_assert(kept(&act, p2));
	/* Reading changes nothing. */
	briefs_right(&act, NULL, 0);
	ck_assert(kept(&act, pid));

	/* Each action of this process empties it. */
	good("behov", "Et behov", "Et behov");
	ck_assert(!kept(&act, p2));
	briefs_right(&act, NULL, 0);
	good("persondata", "ja", "ja");
	good("aftale", "nej", "nej");
	ck_assert(!kept(&act, pid));
	ck_assert_uint_eq(briefs_of(&act, pid).nopen, 1);
	ck_assert(kept(&act, pid));
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), 0);
	ck_assert(!kept(&act, pid));
	edit.state = HANDOFF_ANSWERED;
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), 0);
	ck_assert_uint_eq(briefs_of(&act, pid).nopen, 0);
	ck_assert_int_eq(action_clear(&act, pid, "behov", ACTION_ANY_REVISION, NULL, &cause), 0);
	ck_assert(!kept(&act, pid));
	briefs_right(&act, NULL, 0);
	ck_assert_int_eq(action_project_rename(&act, p2, "Omdøbt", &cause), 0);
	ck_assert(!kept(&act, p2));
	briefs_right(&act, NULL, 0);
	ck_assert_int_eq(action_sync(&act, p2, NULL, NULL, &cause), 0);
	ck_assert(!kept(&act, p2));

	/* Another process's change: the figure shown next is the new one. */
	briefs_right(&act, NULL, 0);
	before = briefs_of(&act, pid).done;
	ck_assert(kept(&act, pid));
	ck_assert_int_eq(store_open(store_path(act.store), 0, &second, &cause), 0);
	ck_assert_int_eq(store_begin(second, &cause), 0);
	ck_assert_int_eq(store_answer_set(second, pid, "behov", ANSWER_VALUE, "Fra en anden", 5,
	    "anden", SOURCE_CLI, NULL, &cause), 0);
	ck_assert_int_eq(store_commit(second, &cause), 0);
	ck_assert(!kept(&act, pid));
	ck_assert(!kept(&act, p2));
	ck_assert_uint_ne(briefs_of(&act, pid).done, before);
	briefs_right(&act, NULL, 0);
	/* Also a change made by hand, outside any store. */
	sql_run("DELETE FROM answer WHERE project = %lld AND question = 'behov'", (long long)pid);
	ck_assert(!kept(&act, pid));
	ck_assert_uint_eq(briefs_of(&act, pid).done, before);
	store_close(second);

	/* The site's threshold changed in place, or other settings given. */
	briefs_right(&act, NULL, 0);
	settings.value[SETTING_TENDER_THRESHOLD] = 1700000;
	ck_assert(!kept(&act, pid));
	briefs_right(&act, NULL, 0);
	act.settings = NULL;
	ck_assert(!kept(&act, pid));
	briefs_right(&act, NULL, 0);
	act.settings = &settings;
	ck_assert(!kept(&act, pid));
	/* Other content. */
	briefs_right(&act, NULL, 0);
	cdir = xasprintf("%s/tests/data/store", tu_srcdir());
	ck_assert_int_eq(loader_load(cdir, NULL, 0, &d, &other), 0);
	diag_free(&d);
	free(cdir);
	act.content = other;
	ck_assert(!kept(&act, pid));
	briefs_right(&act, NULL, 0);
	ck_assert(kept(&act, pid));
	act.content = content;
	ck_assert(!kept(&act, pid));
	content_free(other);
}
END_TEST

START_TEST(briefs_read_only)
{
	char *cause = NULL, *before, *after;
	struct action ro = act;
	int64_t p2;

	p2 = second_project(true, true);
	/* p2's tender hand-off lags. */
	settings.value[SETTING_TENDER_THRESHOLD] = 2000000;
	ck_assert_int_eq(store_open(store_path(act.store), STORE_READONLY, &ro.store, &cause), 0);
	ro.memo = action_memo_new();
	before = everything();
	briefs_right_both(&ro, p2);
	/* Shown as opening it there shows it: as it is stored. */
	ck_assert_uint_eq(briefs_of(&ro, p2).nopen, 1);
	after = everything();
	ck_assert_str_eq(after, before);
	free(after);
	store_close(ro.store);
	action_memo_free(ro.memo);
	/* Where the store can be written, as brought in line, but still
	 * without writing. */
	ck_assert_uint_eq(briefs_of(&act, p2).nopen, 0);
	after = everything();
	ck_assert_str_eq(after, before);
	free(after);
	free(before);
}
END_TEST

START_TEST(briefs_bring_handoffs_in_line_in_memory)
{
	char *cause = NULL, *before, *after;
	struct handoff *h;
	int64_t p2, ids[2];
	size_t n;

	p2 = second_project(true, true);
	/* The hand-offs deleted by hand. */
	sql_run("PRAGMA foreign_keys = ON; DELETE FROM handoff");
	ids[0] = p2;
	ids[1] = pid;
	before = everything();
	ck_assert_uint_eq(briefs_of(&act, pid).nopen, 1);
	ck_assert_uint_eq(briefs_of(&act, p2).nopen, 1);
	after = everything();
	ck_assert_str_eq(after, before);
	free(after);
	free(before);
	ck_assert_int_eq(store_handoffs(act.store, 0, &h, &n, &cause), 0);
	ck_assert_uint_eq(n, 0);
	free(h);
	/* What opening them shows, and then saves. */
	briefs_right(&act, ids, 2);
	ck_assert_int_eq(store_handoffs(act.store, 0, &h, &n, &cause), 0);
	ck_assert_uint_eq(n, 2);
	handoffs_free(h, n);

	/* The threshold goes up: p2's hand-off counts as withdrawn. */
	settings.value[SETTING_TENDER_THRESHOLD] = 2000000;
	ck_assert_uint_eq(briefs_of(&act, p2).nopen, 0);
	ck_assert_int_eq(store_handoff_get(act.store, p2, "jurist-udbud", &h, &cause), 0);
	ck_assert_int_eq(h->state, HANDOFF_RAISED);
	handoff_free(h);
	briefs_right(&act, NULL, 0);
}
END_TEST

/* Another writer holds the database: the briefs are still given at once
 * (reading does not wait for a writer). */
START_TEST(briefs_while_another_writes)
{
	int64_t p2;
	sqlite3 *other;

	p2 = second_project(true, false);
	good("behov", "Et behov", "Et behov");
	settings.value[SETTING_TENDER_THRESHOLD] = 1700000;
	ck_assert_int_eq(sqlite3_open(store_path(act.store), &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_uint_eq(briefs_of(&act, pid).nopen, 1);
	ck_assert_uint_eq(briefs_of(&act, p2).nopen, 0);
	ck_assert_int_eq(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	briefs_right_both(&act, p2);
}
END_TEST

/* What a walk gave fn: the projects' ids and names, in order. */
struct walked {
	int64_t		 ids[8];
	char		*names[8];
	size_t		 n, resets;
	sqlite3		*other;		/* renames project 1 during the first call */
};

static int
walk_one(const struct snapshot *s, void *arg)
{
	struct walked *w = arg;

	ck_assert_uint_lt(w->n, 8);
	w->ids[w->n] = s->project->id;
	w->names[w->n++] = xstrdup(s->project->name);
	if (w->other != NULL && w->n == 1)
		ck_assert_int_eq(sqlite3_exec(w->other, "UPDATE project SET name = 'Omdøbt' "
		    "WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	return 0;
}

static void
walk_reset(void *arg)
{
	struct walked *w = arg;

	while (w->n > 0)
		free(w->names[--w->n]);
	w->resets++;
}

/* Named projects are looked up and read in one read: a rename committed
 * by another connection while the first is in hand is not seen. */
START_TEST(named_read_together)
{
	char *keys[] = { "To", "1", "To" }, *missing[] = { "1", "Ingen" }, *cause = NULL;
	struct walked w;
	int64_t p2;

	p2 = second_project(false, false);
	memset(&w, 0, sizeof(w));
	ck_assert_int_eq(sqlite3_open(store_path(act.store), &w.other), SQLITE_OK);
	ck_assert_int_eq(action_each_named(&act, keys, 3, walk_one, &w, &cause), 0);
	sqlite3_close(w.other);
	/* Once each, in the order first named, as they were when looked up. */
	ck_assert_uint_eq(w.n, 2);
	ck_assert_int_eq(w.ids[0], p2);
	ck_assert_int_eq(w.ids[1], pid);
	ck_assert_str_eq(w.names[1], "Projekt");
	walk_reset(&w);
	/* Renamed since. */
	ck_assert_int_eq(action_each_named(&act, (char *[]){ "Projekt" }, 1, walk_one, &w, &cause),
	    EX_NOINPUT);
	ck_assert_ptr_nonnull(strstr(cause, "'Projekt'"));
	xfree(cause);
	/* A name not found: nothing read, no transaction left open. */
	ck_assert_int_eq(action_each_named(&act, missing, 2, walk_one, &w, &cause), EX_NOINPUT);
	ck_assert_ptr_nonnull(strstr(cause, "'Ingen'"));
	xfree(cause);
	ck_assert_uint_eq(w.n, 0);
	ck_assert_int_eq(action_answer(&act, pid, "behov", "Bagefter", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
}
END_TEST

/* Every project as action_refresh shows it, and what fn last got is one
 * walk: a lagging project is brought in line, the rows forgotten, all
 * read again. */
START_TEST(refreshed_walk_is_one_state)
{
	char *cause = NULL;
	struct snapshot *s;
	struct walked w;
	int64_t p2;

	p2 = second_project(true, true);
	memset(&w, 0, sizeof(w));
	ck_assert_int_eq(action_each_refreshed(&act, walk_one, walk_reset, &w, &cause), 0);
	ck_assert_uint_eq(w.resets, 0);
	ck_assert_uint_eq(w.n, 2);
	walk_reset(&w);
	w.resets = 0;
	/* The site raises its threshold: p2's tender hand-off lags. */
	settings.value[SETTING_TENDER_THRESHOLD] = 2000000;
	ck_assert_int_eq(action_each_refreshed(&act, walk_one, walk_reset, &w, &cause), 0);
	ck_assert_uint_eq(w.resets, 1);
	ck_assert_uint_eq(w.n, 2);
	ck_assert_int_eq(w.ids[0], pid);
	ck_assert_int_eq(w.ids[1], p2);
	walk_reset(&w);
	ck_assert_int_eq(action_snapshot(&act, p2, &s, &cause), 0);
	ck_assert_int_eq(find(s, "jurist-udbud")->state, HANDOFF_WITHDRAWN);
	snapshot_free(s);
}
END_TEST

/* The projects screen opens on the page that holds the project it keeps,
 * its place and the count read together; a project gone opens at the
 * top. */
START_TEST(projects_first_page)
{
	char *tracks[] = { "alpha" }, *cause = NULL, name[16], now[32];
	int64_t ids[5];
	struct project *v;
	size_t count, rank, offset, n;
	int i;

	for (i = 0; i < 5; i++) {
		snprintf(now, sizeof(now), "2027-01-0%dT10:00:00Z", i + 1);
		setenv("AIREJSE_NOW", now, 1);
		snprintf(name, sizeof(name), "P%d", i + 1);
		ck_assert_int_eq(action_project_new(&act, name, tracks, 1, &ids[i], &cause), 0);
	}
	unsetenv("AIREJSE_NOW");
	/* Latest change first: P5 P4 P3 P2 P1 Projekt. */
	ck_assert_int_eq(action_projects_first(&act, ids[1], 2, &count, &rank, &offset, &v, &n,
	    &cause), 0);
	ck_assert_uint_eq(count, 6);
	ck_assert_uint_eq(rank, 3);
	ck_assert_uint_eq(offset, 2);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0].name, "P3");
	ck_assert_str_eq(v[1].name, "P2");
	projects_free(v, n);
	ck_assert_int_eq(action_projects_first(&act, 999999, 2, &count, &rank, &offset, &v, &n,
	    &cause), 0);
	ck_assert_uint_eq(rank, 0);
	ck_assert_uint_eq(offset, 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0].name, "P5");
	projects_free(v, n);
	ck_assert_int_eq(action_projects_page(&act, 4, 10, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[1].name, "Projekt");
	projects_free(v, n);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("action");
	TCase *tc = tcase_create("action");

	tcase_add_checked_fixture(tc, setup, teardown);
	/* The property test saves some 600 transactions, each synced to
	 * disk, and compares thousands of briefs: seconds under the
	 * sanitizers on a busy machine. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, every_type);
	tcase_add_test(tc, dontknow_clear_unchanged);
	tcase_add_test(tc, unchanged_as_shown);
	tcase_add_test(tc, conflict);
	tcase_add_test(tc, busy_is_not_a_conflict);
	tcase_add_test(tc, names_and_tracks);
	tcase_add_test(tc, restore_from_history);
	tcase_add_test(tc, archive_restore_purge);
	tcase_add_test(tc, handoffs_follow_answers);
	tcase_add_test(tc, sync_after_threshold_change);
	tcase_add_test(tc, briefs_read_together);
	tcase_add_loop_test(tc, briefs_property, 0, 3);
	tcase_add_test(tc, briefs_kept_while_nothing_changes);
	tcase_add_test(tc, briefs_read_only);
	tcase_add_test(tc, briefs_bring_handoffs_in_line_in_memory);
	tcase_add_test(tc, briefs_while_another_writes);
	tcase_add_test(tc, named_read_together);
	tcase_add_test(tc, refreshed_walk_is_one_state);
	tcase_add_test(tc, projects_first_page);
	suite_add_tcase(s, tc);
	return s;
}
