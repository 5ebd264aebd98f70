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
#include "airejse/brief.h"
#include "airejse/cache.h"
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
	/* Worked out as they are read (this content has no digest, so no
	 * brief is kept): only what progress needs is read of them, which
	 * test_store checks of store_each_progress. */
	ck_assert_uint_eq(act.content->digest, 0);
	ck_assert_int_eq(action_briefs(&act, ids, 4, got_one, &g, &cause), 0);
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

/* Briefs (action_briefs): the same as a fresh look at each project,
 * kept where they can be, read back while they still hold. */

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
 * file from outside the store; returns the first column of the first
 * row as text ("" for none or NULL). Caller frees. */
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
	ck_assert_msg(sqlite3_exec(db, sql, first_column, &out, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	sqlite3_close(db);
	sqlite3_free(sql);
	return out != NULL ? out : xstrdup("");
}

#define sql_run(...) free(sql_get(__VA_ARGS__))

/* How many projects have a brief kept, and how many under stamp. */
static int
nkept(const char *stamp)
{
	char *v = stamp ? sql_get("SELECT count(*) FROM project WHERE brief_stamp = %Q", stamp) :
	    sql_get("SELECT count(*) FROM project WHERE brief_stamp IS NOT NULL");
	int n = atoi(v);

	free(v);
	return n;
}

/* Everything kept of the briefs, as one string; caller frees. */
static char *
kept_state(void)
{
	return sql_get("SELECT group_concat(id || ':' || ifnull(brief_stamp, '-') || ':' ||"
	    " ifnull(brief_handoffs, '-') || ':' || ifnull(brief_tracks, '-'), ';')"
	    " FROM (SELECT * FROM project ORDER BY id)");
}

/* The content as the program loads it, with its digest. */
static void
use_digest(void)
{
	char *cdir = xasprintf("%s/tests/data/store", tu_srcdir());
	struct content *again;
	struct diags d = { 0 };

	ck_assert_uint_eq(content->digest, 0);
	content_free(content);
	setenv("AIREJSE_CACHE", "off", 1);
	ck_assert_int_eq(content_load_cached(cdir, &d, &content), 0);
	ck_assert_int_eq(content_load_cached(cdir, &d, &again), 0);
	unsetenv("AIREJSE_CACHE");
	diag_free(&d);
	free(cdir);
	ck_assert_uint_ne(content->digest, 0);
	ck_assert_uint_eq(again->digest, content->digest);
	content_free(again);
	act.content = content;
}

static void
stamp_now(char stamp[BRIEF_STAMP_SIZE])
{
	brief_stamp(act.content, act.settings, stamp);
}

/* b is the brief of the project as a fresh look at it gives. */
static void
brief_right(struct action *a, const struct project *p, const struct progress_brief *b)
{
	struct progress_brief *want;
	struct snapshot *s;
	char *cause = NULL;
	size_t i;

	ck_assert_int_eq(action_snapshot(a, p->id, &s, &cause), 0);
	ck_assert_str_eq(p->name, s->project->name);
	ck_assert_int_eq(p->changed, s->project->changed);
	ck_assert_uint_eq(p->ntracks, s->project->ntracks);
	for (i = 0; i < p->ntracks; i++)
		ck_assert_str_eq(p->tracks[i], s->project->tracks[i]);
	want = brief_of(s->progress);
	ck_assert_ptr_nonnull(b);
	ck_assert_msg(b->ntracks == want->ntracks, "project %lld: %zu tracks, want %zu",
	    (long long)p->id, b->ntracks, want->ntracks);
	for (i = 0; i < want->ntracks; i++) {
		ck_assert_ptr_eq(b->tracks[i].track, want->tracks[i].track);
		ck_assert_msg(b->tracks[i].done == want->tracks[i].done &&
		    b->tracks[i].applicable == want->tracks[i].applicable,
		    "project %lld, %s: %zu/%zu, want %zu/%zu", (long long)p->id,
		    want->tracks[i].track->id, b->tracks[i].done, b->tracks[i].applicable,
		    want->tracks[i].done, want->tracks[i].applicable);
	}
	ck_assert_msg(b->nopen_handoffs == want->nopen_handoffs,
	    "project %lld: %zu open hand-offs, want %zu", (long long)p->id, b->nopen_handoffs,
	    want->nopen_handoffs);
	brief_free(want);
	snapshot_free(s);
}

/* What action_briefs called back with. */
struct seen_briefs {
	struct action	*a;
	int64_t		 ids[32];
	size_t		 n;
	/* The numbers of the first call, as given. */
	size_t		 done, applicable, nopen;
	bool		 check;		/* compare with a fresh look */
};

static int
brief_seen(const struct project *p, const struct progress_brief *b, void *arg)
{
	struct seen_briefs *w = arg;

	ck_assert_uint_lt(w->n, 32);
	if (w->n == 0 && b->ntracks > 0) {
		w->done = b->tracks[0].done;
		w->applicable = b->tracks[0].applicable;
		w->nopen = b->nopen_handoffs;
	}
	w->ids[w->n++] = p->id;
	if (w->check)
		brief_right(w->a, p, b);
	return 0;
}

/* action_briefs on a for ids (NULL: all) gives every project there, in
 * that order, each as a fresh look at it. */
static void
briefs_right(struct action *a, const int64_t *ids, size_t n)
{
	struct seen_briefs w;
	struct project *p, *all = NULL;
	int64_t want[32];
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
			ck_assert_int_eq(rc, 0);
			project_free(p);
			want[nwant++] = ids[i];
		}
	}
	memset(&w, 0, sizeof(w));
	w.a = a;
	w.check = true;
	rc = action_briefs(a, ids, n, brief_seen, &w, &cause);
	ck_assert_msg(rc == 0, "action_briefs: %d %s", rc, cause ? cause : "");
	ck_assert_uint_eq(w.n, nwant);
	for (i = 0; i < nwant; i++)
		ck_assert_int_eq(w.ids[i], want[i]);
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

/* The numbers action_briefs gives for project id (its first track). */
static struct seen_briefs
briefs_of(struct action *a, int64_t id)
{
	struct seen_briefs w;
	char *cause = NULL;

	memset(&w, 0, sizeof(w));
	w.a = a;
	ck_assert_int_eq(action_briefs(a, &id, 1, brief_seen, &w, &cause), 0);
	ck_assert_uint_eq(w.n, 1);
	return w;
}

/* The brief kept for project id holds and is a fresh look at it. */
static void
kept_right(int64_t id)
{
	struct progress_brief *b;
	struct project *p;
	char *cause = NULL;

	ck_assert_int_eq(store_project_get(act.store, id, &p, &cause), 0);
	b = action_brief_kept(&act, p);
	ck_assert_msg(b != NULL, "no brief kept for project %lld", (long long)id);
	brief_right(&act, p, b);
	brief_free(b);
	project_free(p);
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
		struct handoff_edit edit = { true, to[next_rand(3)], NULL, NULL };
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
		/* The site changes its threshold: stamps change, hand-offs lag. */
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
		ck_assert_int_eq(action_project_delete(&act, p, &cause), 0);
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

/* Mode 0: kept (the content has a digest); 1: nothing kept (no digest);
 * 2: the briefs read through a second, read-only store. */
START_TEST(briefs_property)
{
	char *tracks2[] = { "alpha", "beta" }, *tracks3[] = { "beta", "alpha" };
	char *tracks4[] = { "beta" }, *cause = NULL, *before, *after, stamp[BRIEF_STAMP_SIZE];
	int64_t ids[8], some[16];
	struct action ro = act, *reader = &act;
	size_t n = 4, m;
	int step;

	if (_i != 1)
		use_digest();
	ids[0] = pid;
	ck_assert_int_eq(action_project_new(&act, "To", tracks2, 2, &ids[1], &cause), 0);
	ck_assert_int_eq(action_project_new(&act, "Tre", tracks3, 2, &ids[2], &cause), 0);
	ck_assert_int_eq(action_project_new(&act, "Fire", tracks4, 1, &ids[3], &cause), 0);
	if (_i == 2) {
		ck_assert_int_eq(store_open(store_path(act.store), STORE_READONLY, &ro.store,
		    &cause), 0);
		ro.content = act.content;
		reader = &ro;
	}
	rng = 2463534242u;
	for (step = 0; step < 200; step++) {
		random_step(ids, &n, step);
		m = random_ids(ids, n, some);
		before = kept_state();
		/* Both orders: the subset first, or every project first. */
		if (step % 2)
			briefs_right(reader, some, m);
		briefs_right(reader, NULL, 0);
		if (step % 2 == 0)
			briefs_right(reader, some, m);
		after = kept_state();
		stamp_now(stamp);
		if (_i == 0) {
			ck_assert_str_ne(stamp, "");
			ck_assert_msg(nkept(stamp) == (int)n, "step %d: %d of %zu kept", step,
			    nkept(stamp), n);
		} else if (_i == 1) {
			ck_assert_str_eq(stamp, "");
			ck_assert_int_eq(nkept(NULL), 0);
		} else {
			ck_assert_str_eq(after, before);
		}
		free(before);
		free(after);
	}
	if (_i == 2)
		store_close(ro.store);
}
END_TEST

/* Kept by action_briefs, then read back while the stamp is the same;
 * worked out again and kept anew once it is not. */
START_TEST(briefs_kept_and_trusted)
{
	char stamp[BRIEF_STAMP_SIZE], stamp2[BRIEF_STAMP_SIZE], dstamp[BRIEF_STAMP_SIZE];
	char *cause = NULL, *v;
	struct settings defaults;
	struct seen_briefs w;
	int64_t p2;

	/* Content without a digest: the actions keep nothing. */
	p2 = second_project(true, true);
	good("behov", "Et behov", "Et behov");
	ck_assert_int_eq(nkept(NULL), 0);

	use_digest();
	stamp_now(stamp);
	ck_assert_uint_eq(strlen(stamp), BRIEF_STAMP_SIZE - 1);
	/* No settings are the defaults. */
	settings_defaults(&defaults);
	brief_stamp(act.content, &defaults, dstamp);
	ck_assert_str_eq(stamp, dstamp);
	brief_stamp(act.content, NULL, dstamp);
	ck_assert_str_eq(stamp, dstamp);
	settings_free(&defaults);

	briefs_right(&act, NULL, 0);
	ck_assert_int_eq(nkept(stamp), 2);
	kept_right(pid);
	kept_right(p2);

	/* What is kept is what is given: a kept number changed by hand,
	 * under the same stamp, comes back as it is. */
	sql_run("UPDATE project SET brief_tracks = 'alpha 1 99' || char(10), brief_handoffs = 7"
	    " WHERE id = %lld", (long long)pid);
	w = briefs_of(&act, pid);
	ck_assert_uint_eq(w.done, 1);
	ck_assert_uint_eq(w.applicable, 99);
	ck_assert_uint_eq(w.nopen, 7);
	memset(&w, 0, sizeof(w));
	ck_assert_int_eq(action_briefs(&act, NULL, 0, brief_seen, &w, &cause), 0);
	ck_assert_int_eq(w.ids[0], pid);
	ck_assert_uint_eq(w.applicable, 99);
	/* A track the content does not have: not trusted. */
	sql_run("UPDATE project SET brief_tracks = 'gamma 1 99' || char(10) WHERE id = %lld",
	    (long long)pid);
	briefs_right(&act, &pid, 1);
	v = sql_get("SELECT brief_tracks FROM project WHERE id = %lld", (long long)pid);
	ck_assert_ptr_null(strstr(v, "gamma"));
	free(v);
	kept_right(pid);

	/* Another stamp (the site's threshold changed): worked out again. */
	sql_run("UPDATE project SET brief_tracks = 'alpha 1 99' || char(10) WHERE id = %lld",
	    (long long)pid);
	ck_assert_uint_eq(briefs_of(&act, pid).applicable, 99);
	settings.value[SETTING_TENDER_THRESHOLD] = 1700000;
	stamp_now(stamp2);
	ck_assert_str_ne(stamp2, stamp);
	briefs_right(&act, &pid, 1);
	ck_assert_uint_ne(briefs_of(&act, pid).applicable, 99);
	v = sql_get("SELECT brief_stamp FROM project WHERE id = %lld", (long long)pid);
	ck_assert_str_eq(v, stamp2);
	free(v);
	v = sql_get("SELECT brief_tracks FROM project WHERE id = %lld", (long long)pid);
	ck_assert_ptr_null(strstr(v, " 99"));
	free(v);
	/* p2 still has the old one, not trusted: worked out and kept too. */
	ck_assert_int_eq(nkept(stamp), 1);
	briefs_right(&act, NULL, 0);
	ck_assert_int_eq(nkept(stamp2), 2);
	/* Back to the old threshold: the old stamp again. */
	settings.value[SETTING_TENDER_THRESHOLD] = 1600000;
	briefs_right(&act, NULL, 0);
	ck_assert_int_eq(nkept(stamp), 2);
}
END_TEST

START_TEST(briefs_without_digest)
{
	char *cause = NULL, stamp[BRIEF_STAMP_SIZE];
	int64_t p2;

	stamp_now(stamp);
	ck_assert_str_eq(stamp, "");
	p2 = second_project(true, false);
	ck_assert_int_eq(action_answer(&act, p2, "beta_tekst", "kort", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	briefs_right_both(&act, p2);
	ck_assert_int_eq(nkept(NULL), 0);
	/* Nor is one kept earlier trusted. */
	use_digest();
	briefs_right(&act, NULL, 0);
	ck_assert_int_eq(nkept(NULL), 2);
	content->digest = 0;
	sql_run("UPDATE project SET brief_tracks = 'alpha 1 99' || char(10) WHERE id = %lld",
	    (long long)pid);
	briefs_right_both(&act, p2);
	ck_assert_int_eq(nkept(NULL), 2);
}
END_TEST

START_TEST(briefs_read_only)
{
	char *cause = NULL, *before, *after;
	struct action ro = act;
	int64_t p2;

	use_digest();
	p2 = second_project(true, true);
	ck_assert_int_eq(nkept(NULL), 2);
	/* None of the kept briefs holds now; p2's tender hand-off lags. */
	settings.value[SETTING_TENDER_THRESHOLD] = 2000000;
	ck_assert_int_eq(store_open(store_path(act.store), STORE_READONLY, &ro.store, &cause), 0);
	ro.content = content;
	before = kept_state();
	briefs_right_both(&ro, p2);
	/* The lagging hand-off is shown as it is stored. */
	ck_assert_uint_eq(briefs_of(&ro, p2).nopen, 1);
	after = kept_state();
	ck_assert_str_eq(after, before);
	free(after);
	free(before);
	store_close(ro.store);
	/* Where the store can be written, it is brought in line. */
	ck_assert_uint_eq(briefs_of(&act, p2).nopen, 0);
}
END_TEST

START_TEST(briefs_bring_handoffs_in_line)
{
	char *cause = NULL, *v, stamp[BRIEF_STAMP_SIZE];
	struct handoff *h;
	struct project *p;
	int64_t p2, ids[2];
	size_t n;

	use_digest();
	p2 = second_project(true, true);
	/* The hand-offs deleted by hand, and the briefs with them. */
	sql_run("PRAGMA foreign_keys = ON; DELETE FROM handoff;"
	    " UPDATE project SET brief_stamp = NULL, brief_handoffs = NULL, brief_tracks = NULL");
	ck_assert_int_eq(store_handoffs(act.store, 0, &h, &n, &cause), 0);
	ck_assert_uint_eq(n, 0);
	free(h);
	ids[0] = p2;
	ids[1] = pid;
	briefs_right(&act, ids, 2);
	ck_assert_uint_eq(briefs_of(&act, pid).nopen, 1);
	ck_assert_uint_eq(briefs_of(&act, p2).nopen, 1);
	ck_assert_int_eq(store_handoffs(act.store, 0, &h, &n, &cause), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(h[0].state, HANDOFF_RAISED);
	ck_assert_int_eq(h[1].state, HANDOFF_RAISED);
	handoffs_free(h, n);
	stamp_now(stamp);
	ck_assert_int_eq(nkept(stamp), 2);
	v = sql_get("SELECT brief_handoffs FROM project WHERE id = %lld", (long long)p2);
	ck_assert_str_eq(v, "1");
	free(v);

	/* The threshold goes up: p2's hand-off is withdrawn and p2 moves up. */
	sql_run("UPDATE project SET changed = 5 WHERE id = %lld", (long long)p2);
	settings.value[SETTING_TENDER_THRESHOLD] = 2000000;
	briefs_right(&act, NULL, 0);
	ck_assert_uint_eq(briefs_of(&act, p2).nopen, 0);
	ck_assert_int_eq(store_project_get(act.store, p2, &p, &cause), 0);
	ck_assert_int_gt(p->changed, 5);
	project_free(p);
	ck_assert_int_eq(store_handoff_get(act.store, p2, "jurist-udbud", &h, &cause), 0);
	ck_assert_int_eq(h->state, HANDOFF_WITHDRAWN);
	handoff_free(h);
	kept_right(p2);
}
END_TEST

/* Another writer holds the database: the briefs are still given at
 * once, worked out, and nothing is kept; then they are. */
START_TEST(briefs_while_another_writes)
{
	char stamp[BRIEF_STAMP_SIZE];
	int64_t p2;
	sqlite3 *other;

	use_digest();
	p2 = second_project(true, false);
	good("behov", "Et behov", "Et behov");
	/* Another stamp, no hand-off lagging. */
	settings.value[SETTING_TENDER_THRESHOLD] = 1700000;
	stamp_now(stamp);
	ck_assert_int_eq(sqlite3_open(store_path(act.store), &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	briefs_right_both(&act, p2);
	ck_assert_int_eq(nkept(stamp), 0);
	ck_assert_int_eq(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	briefs_right_both(&act, p2);
	ck_assert_int_eq(nkept(stamp), 2);
}
END_TEST

/* Each action keeps the brief of the project it changed, in its own
 * transaction. */
START_TEST(briefs_kept_by_actions)
{
	struct handoff_edit edit = { true, HANDOFF_SENT, "Sendt", "1.12.2026" };
	char *tracks[] = { "beta", "alpha" }, *cause = NULL, stamp[BRIEF_STAMP_SIZE];
	int64_t p2;

	use_digest();
	stamp_now(stamp);
	ck_assert_int_eq(action_project_new(&act, "To", tracks, 2, &p2, &cause), 0);
	kept_right(p2);
	ck_assert_int_eq(nkept(stamp), 1);
	good("behov", "Et behov", "Et behov");
	kept_right(pid);
	good("persondata", "ja", "ja");
	good("aftale", "nej", "nej");
	kept_right(pid);
	ck_assert_uint_eq(briefs_of(&act, pid).nopen, 1);
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), 0);
	kept_right(pid);
	edit.state = HANDOFF_ANSWERED;
	ck_assert_int_eq(action_handoff(&act, pid, "jurist-gdpr", &edit, &cause), 0);
	kept_right(pid);
	ck_assert_uint_eq(briefs_of(&act, pid).nopen, 0);
	ck_assert_int_eq(action_clear(&act, pid, "behov", ACTION_ANY_REVISION, NULL, &cause), 0);
	kept_right(pid);
	ck_assert_int_eq(action_answer(&act, p2, "beloeb", "1,8 mio.", ACTION_ANY_REVISION, NULL,
	    &cause), 0);
	kept_right(p2);
	/* A sync after the threshold changed keeps it under the new stamp. */
	settings.value[SETTING_TENDER_THRESHOLD] = 2000000;
	ck_assert_int_eq(action_sync(&act, p2, NULL, NULL, &cause), 0);
	kept_right(p2);
	/* A rename keeps it as it was. */
	ck_assert_int_eq(action_project_rename(&act, p2, "Omdøbt", &cause), 0);
	kept_right(p2);
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
	tcase_add_test(tc, briefs_read_together);
	tcase_add_loop_test(tc, briefs_property, 0, 3);
	tcase_add_test(tc, briefs_kept_and_trusted);
	tcase_add_test(tc, briefs_without_digest);
	tcase_add_test(tc, briefs_read_only);
	tcase_add_test(tc, briefs_bring_handoffs_in_line);
	tcase_add_test(tc, briefs_while_another_writes);
	tcase_add_test(tc, briefs_kept_by_actions);
	suite_add_tcase(s, tc);
	return s;
}
