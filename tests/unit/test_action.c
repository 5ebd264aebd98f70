/* The actions: each answer path through to the store, conflicts, names,
 * tracks, and the hand-offs an answer raises and withdraws. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/handoff.h"
#include "airejse/progress.h"
#include "airejse/settings.h"
#include "airejse/store.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static char *dir;
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
	ck_assert_int_eq(content_load(cdir, NULL, 0, &d, &content), 0);
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
	ck_assert_int_eq(a.kind, EXPR_VALUE);
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
	ck_assert_int_eq(a.kind, EXPR_DONTKNOW);
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
	ck_assert_int_eq(a.kind, EXPR_NONE);
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
	ck_assert_ptr_nonnull(strstr(cause, "persondata"));
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
	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "3000", 1, &res, &cause), EX_TEMPFAIL);
	ck_assert_int_eq(res.theirs.revision, 2);
	ck_assert_str_eq(res.theirs.value, "2000");
	ck_assert_int_eq(res.mine_kind, EXPR_VALUE);
	ck_assert_str_eq(res.mine, "3000");
	ck_assert_msg(strstr(cause, "DKK 2,000") != NULL, "%s", cause);
	ck_assert_ptr_nonnull(strstr(cause, "DKK 3,000"));
	xfree(cause);
	answer_result_free(&res);
	/* A save that saw no answer, when there is one. */
	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "4000", 0, &res, &cause), EX_TEMPFAIL);
	xfree(cause);
	answer_result_free(&res);
	ck_assert_int_eq(action_clear(&act, pid, "beloeb", 1, &res, &cause), EX_TEMPFAIL);
	xfree(cause);
	answer_result_free(&res);
	/* Choosing mine: save again on their revision. */
	ck_assert_int_eq(action_answer(&act, pid, "beloeb", "3000", 2, &res, &cause), 0);
	ck_assert_int_eq(res.revision, 3);
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
	/* 200 characters, not bytes. */
	ck_assert_int_eq(action_check_name("æææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææ", &clean, &cause), 0);
	free(clean);
	ck_assert_int_eq(action_project_new(&act, "Nyt", dup, 2, &id, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_project_new(&act, "Nyt", unknown, 1, &id, &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(action_project_new(&act, "Nyt", tracks, 0, &id, &cause), EX_DATAERR);
	xfree(cause);

	ck_assert_int_eq(action_project_delete(&act, id, &cause), 0);
	ck_assert_int_eq(action_project_delete(&act, id, &cause), EX_NOINPUT);
	xfree(cause);
}
END_TEST

static const struct handoff *
find(struct snapshot *s, const char *rule)
{
	return handoff_find(s->handoffs, s->nhandoffs, rule);
}

START_TEST(handoffs_follow_answers)
{
	struct handoff_edit edit = { true, HANDOFF_SENT, "Sendt til Jytte", "1.12.2026" };
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
got_one(const struct snapshot *s, void *arg)
{
	struct got *g = arg;
	size_t i;

	ck_assert_uint_lt(g->n, 4);
	g->ids[g->n] = s->project->id;
	g->nopen[g->n] = s->progress->nopen_handoffs;
	for (i = 0; i < s->progress->ntracks; i++) {
		g->done[g->n] += s->progress->tracks[i].done;
		g->applicable[g->n] += s->progress->tracks[i].applicable;
	}
	/* Only what progress needs of the answers was read. */
	for (i = 0; i < s->nanswers; i++) {
		ck_assert_int_eq(s->answers[i].revision, 0);
		ck_assert_ptr_null(s->answers[i].user);
	}
	g->n++;
	return 0;
}

START_TEST(progress_refreshed)
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
	ck_assert_int_eq(action_progress_refreshed(&act, ids, 4, got_one, &g, &cause), 0);
	ck_assert_uint_eq(g.n, 3);
	ck_assert_int_eq(g.ids[0], p3);
	ck_assert_int_eq(g.ids[1], pid);
	ck_assert_int_eq(g.ids[2], p2);
	/* Brought in line first, and saved, as action_refresh does. */
	ck_assert_uint_eq(g.nopen[0], 0);
	ck_assert_uint_eq(g.nopen[2], 1);
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

Suite *
test_suite(void)
{
	Suite *s = suite_create("action");
	TCase *tc = tcase_create("action");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, every_type);
	tcase_add_test(tc, dontknow_clear_unchanged);
	tcase_add_test(tc, conflict);
	tcase_add_test(tc, names_and_tracks);
	tcase_add_test(tc, handoffs_follow_answers);
	tcase_add_test(tc, sync_after_threshold_change);
	tcase_add_test(tc, progress_refreshed);
	suite_add_tcase(s, tc);
	return s;
}
