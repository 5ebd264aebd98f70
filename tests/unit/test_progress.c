/* SPDX-License-Identifier: EUPL-1.2 */
/* The logic: which questions and steps apply, step status, progress,
 * the next step, and the hand-offs the answers call for. No database:
 * projects and answers are made in memory. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/handoff.h"
#include "airejse/loader.h"
#include "airejse/progress.h"
#include "airejse/settings.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static struct content *c;

/* A project in memory: its tracks, answers and hand-offs. */
struct fixture {
	struct project	 p;
	char		*tracks[2];
	struct answer	 answers[16];
	size_t		 nanswers;
	struct handoff	 handoffs[4];
	size_t		 nhandoffs;
	struct progress	*pr;
};

static void
load(void)
{
	struct diags d = { 0 };
	char *dir = xasprintf("%s/tests/data/store", tu_srcdir());
	int rc = loader_load(dir, NULL, 0, &d, &c);

	if (rc != 0)
		diag_print(&d, stderr);
	ck_assert_int_eq(rc, 0);
	diag_free(&d);
	free(dir);
}

static void
unload(void)
{
	content_free(c);
	c = NULL;
}

static void
start(struct fixture *f, const char *t1, const char *t2)
{
	memset(f, 0, sizeof(*f));
	f->tracks[0] = (char *)t1;
	f->tracks[1] = (char *)t2;
	f->p.id = 1;
	f->p.name = "P";
	f->p.tracks = f->tracks;
	f->p.ntracks = t2 ? 2 : 1;
}

/* Sets an answer: a value, "?" for don't know, or NULL for cleared. */
static void
ans(struct fixture *f, const char *q, const char *v)
{
	struct answer *a = NULL;
	size_t i;

	for (i = 0; i < f->nanswers; i++)
		if (strcmp(f->answers[i].question, q) == 0)
			a = &f->answers[i];
	if (a == NULL)
		a = &f->answers[f->nanswers++];
	a->question = (char *)q;
	a->kind = v == NULL ? ANSWER_NONE : strcmp(v, "?") == 0 ? ANSWER_DONTKNOW : ANSWER_VALUE;
	a->value = a->kind == ANSWER_VALUE ? (char *)v : NULL;
	a->revision++;
}

static void
handoff(struct fixture *f, const char *rule, enum handoff_state st)
{
	struct handoff *h = &f->handoffs[f->nhandoffs++];

	memset(h, 0, sizeof(*h));
	h->id = (int64_t)f->nhandoffs;
	h->project = 1;
	h->rule = (char *)rule;
	h->role = (char *)content_handoff(c, rule)->role->id;
	h->state = st;
}

/* Works out the progress afresh. */
static const struct progress *
eval(struct fixture *f, const struct settings *s)
{
	progress_free(f->pr);
	f->pr = progress_new(c, s, &f->p, f->answers, f->nanswers, f->handoffs, f->nhandoffs);
	return f->pr;
}

static bool
applies(struct fixture *f, const char *q)
{
	return progress_applies(f->pr, content_question(c, q));
}

static enum step_status
status(struct fixture *f, const char *track, const char *step)
{
	const struct step_progress *sp =
	    progress_step(f->pr, track_step(content_track(c, track), step));

	ck_assert_ptr_nonnull(sp);
	return sp->status;
}

static const struct step_progress *astep(struct fixture *f, const char *track,
    const char *step);

START_TEST(chained_conditions)
{
	struct fixture f;

	start(&f, "alpha", NULL);
	eval(&f, NULL);
	ck_assert(applies(&f, "persondata"));
	ck_assert(!applies(&f, "aftale"));
	ck_assert(!applies(&f, "aftale_dato"));
	ck_assert(!applies(&f, "beta_tekst"));	/* not in the project's tracks */

	ans(&f, "persondata", "ja");
	ans(&f, "aftale", "ja");
	ans(&f, "aftale_dato", "2026-01-02");
	eval(&f, NULL);
	ck_assert(applies(&f, "aftale"));
	ck_assert(applies(&f, "aftale_dato"));

	/* Taking back the first answer hides the whole chain, though the
	 * later answers are kept. */
	ans(&f, "persondata", "nej");
	eval(&f, NULL);
	ck_assert(!applies(&f, "aftale"));
	ck_assert(!applies(&f, "aftale_dato"));
	ck_assert_ptr_nonnull(progress_answer(f.pr, content_question(c, "aftale")));
	ck_assert_int_eq(progress_counts(f.pr, content_question(c, "aftale"), NULL), ANSWER_NONE);

	/* "Don't know" is an answer, but not a yes. */
	ans(&f, "persondata", "?");
	eval(&f, NULL);
	ck_assert(!applies(&f, "aftale"));
	ck_assert_int_eq(progress_counts(f.pr, content_question(c, "persondata"), NULL),
	    ANSWER_DONTKNOW);

	/* And back: the kept answers count again. */
	ans(&f, "persondata", "ja");
	eval(&f, NULL);
	ck_assert(applies(&f, "aftale_dato"));
	progress_free(f.pr);
}
END_TEST

START_TEST(steps_and_settings)
{
	struct settings s;
	struct fixture f;

	start(&f, "alpha", NULL);
	eval(&f, NULL);
	ck_assert_int_eq(status(&f, "alpha", "s3"), STEP_NOT_APPLICABLE);
	ck_assert(!applies(&f, "valg"));
	ans(&f, "beloeb", "2000000");
	eval(&f, NULL);
	ck_assert_int_ne(status(&f, "alpha", "s3"), STEP_NOT_APPLICABLE);
	ck_assert(applies(&f, "valg"));

	/* The site's threshold decides. */
	settings_defaults(&s);
	s.value[SETTING_TENDER_THRESHOLD] = 3000000;
	eval(&f, &s);
	ck_assert_int_eq(status(&f, "alpha", "s3"), STEP_NOT_APPLICABLE);
	progress_free(f.pr);
}
END_TEST

START_TEST(status_and_progress)
{
	const struct track_progress *tp;
	const struct progress *pr;
	struct fixture f;

	start(&f, "alpha", NULL);
	pr = eval(&f, NULL);
	tp = progress_track(pr, content_track(c, "alpha"));
	ck_assert_int_eq(status(&f, "alpha", "s1"), STEP_NOT_STARTED);
	/* s2 needs s1 first. */
	ck_assert_int_eq(status(&f, "alpha", "s2"), STEP_BLOCKED);
	ck_assert_ptr_eq(progress_step(pr, track_step(tp->track, "s2"))->waits_for,
	    track_step(tp->track, "s1"));
	ck_assert_int_eq(tp->applicable, 3);	/* s3 does not apply */
	ck_assert_int_eq(tp->done, 0);
	ck_assert_str_eq(pr->next->step->id, "s1");

	ans(&f, "behov", "Mindre ventetid");
	pr = eval(&f, NULL);
	ck_assert_int_eq(status(&f, "alpha", "s1"), STEP_IN_PROGRESS);

	/* "Don't know" is answered but open. */
	ans(&f, "persondata", "?");
	pr = eval(&f, NULL);
	ck_assert_int_eq(status(&f, "alpha", "s1"), STEP_IN_PROGRESS);
	ck_assert_int_eq(progress_step(pr, track_step(content_track(c, "alpha"), "s1"))->ndontknow, 1);

	ans(&f, "persondata", "nej");
	pr = eval(&f, NULL);
	tp = progress_track(pr, content_track(c, "alpha"));
	ck_assert_int_eq(status(&f, "alpha", "s1"), STEP_DONE);
	ck_assert_int_eq(status(&f, "alpha", "s2"), STEP_NOT_STARTED);
	ck_assert_int_eq(tp->phases[0].done, 1);
	ck_assert_int_eq(tp->phases[0].applicable, 2);
	ck_assert_int_eq(tp->done, 1);
	ck_assert_str_eq(pr->next->step->id, "s2");

	ans(&f, "beloeb", "100000");
	ans(&f, "antal", "12");
	ans(&f, "emner", "data,jura");
	ans(&f, "mail", "a@b.dk");
	ans(&f, "link", "https://x.dk");
	ans(&f, "noter", "ok");
	pr = eval(&f, NULL);
	tp = progress_track(pr, content_track(c, "alpha"));
	ck_assert_int_eq(tp->done, 3);
	ck_assert_int_eq(tp->applicable, 3);
	ck_assert_ptr_null(tp->next);
	ck_assert_ptr_null(pr->next);
	progress_free(f.pr);
}
END_TEST

START_TEST(open_handoff_blocks)
{
	const struct progress *pr;
	struct fixture f;

	start(&f, "alpha", "beta");
	ans(&f, "behov", "x");
	ans(&f, "persondata", "ja");
	ans(&f, "aftale", "nej");
	handoff(&f, "jurist-gdpr", HANDOFF_RAISED);
	pr = eval(&f, NULL);
	/* Every question answered, one of them asked by an open hand-off:
	 * not done, but the owner has nothing left to do, nor is it stuck. */
	ck_assert_int_eq(status(&f, "alpha", "s1"), STEP_IN_PROGRESS);
	ck_assert_str_eq(progress_step(pr, track_step(content_track(c, "alpha"), "s1"))->handoff->rule,
	    "jurist-gdpr");
	ck_assert(!progress_step(pr, track_step(content_track(c, "alpha"), "s1"))->handoff_blocks);
	ck_assert_int_eq(status(&f, "alpha", "s2"), STEP_BLOCKED);
	/* The map marks both by what they wait on: a hand-off, and the
	 * step before. */
	ck_assert_int_eq(progress_mark(astep(&f, "alpha", "s1")), MARK_HANDOFF);
	ck_assert_str_eq(step_mark_symbol(MARK_HANDOFF), "[!]");
	ck_assert_int_eq(progress_mark(astep(&f, "alpha", "s2")), MARK_EARLIER);
	ck_assert_int_eq(progress_mark(astep(&f, "alpha", "s3")), MARK_NOT_APPLICABLE);
	ck_assert_int_eq(progress_mark(astep(&f, "alpha", "s4")), MARK_NOT_STARTED);
	/* Nothing to answer there: the next step is elsewhere. */
	ck_assert_str_eq(pr->tracks[0].next->step->id, "s4");
	/* The question the hand-off asks is the only one open: blocked. */
	ans(&f, "aftale", "?");
	pr = eval(&f, NULL);
	ck_assert_int_eq(status(&f, "alpha", "s1"), STEP_BLOCKED);
	ck_assert(progress_step(pr, track_step(content_track(c, "alpha"), "s1"))->handoff_blocks);
	/* Another open question the owner can answer: in progress again. */
	ck_assert_int_eq(progress_mark(astep(&f, "alpha", "s1")), MARK_HANDOFF);
	ans(&f, "behov", NULL);
	pr = eval(&f, NULL);
	ck_assert_int_eq(status(&f, "alpha", "s1"), STEP_IN_PROGRESS);
	ck_assert_int_eq(progress_mark(astep(&f, "alpha", "s1")), MARK_IN_PROGRESS);
	ans(&f, "behov", "x");
	pr = eval(&f, NULL);
	ck_assert_int_eq(status(&f, "alpha", "s1"), STEP_BLOCKED);
	ck_assert_int_eq(pr->nopen_handoffs, 1);
	/* Work goes on elsewhere: s2 waits for s1, s3 does not apply. */
	ck_assert_str_eq(pr->next->step->id, "s4");
	ck_assert_str_eq(pr->tracks[1].next->step->id, "b1");

	f.handoffs[0].state = HANDOFF_ANSWERED;
	eval(&f, NULL);
	ck_assert_int_ne(status(&f, "alpha", "s1"), STEP_BLOCKED);
	ck_assert(progress_has_track(f.pr, "beta"));
	ck_assert(!progress_has_track(f.pr, "gamma"));
	progress_free(f.pr);
}
END_TEST

/* The board's brief: the questions answered of those that apply, the
 * next step and whom it waits on, the open hand-off due first and the
 * oldest raised; an answered or closed hand-off counts for none. */
START_TEST(brief_for_the_board)
{
	struct progress_brief *b;
	struct fixture f;

	start(&f, "alpha", NULL);
	ans(&f, "behov", "x");
	ans(&f, "persondata", "ja");
	ans(&f, "aftale", "?");
	handoff(&f, "jurist-gdpr", HANDOFF_RAISED);
	f.handoffs[0].due = (char *)"2026-11-20";
	f.handoffs[0].raised = 1000;
	handoff(&f, "leder-behov", HANDOFF_SENT);
	f.handoffs[1].due = (char *)"2026-12-01";
	f.handoffs[1].raised = 500;
	handoff(&f, "leder-behov", HANDOFF_ANSWERED);
	f.handoffs[2].due = (char *)"2026-01-01";
	eval(&f, NULL);
	b = progress_brief_of(f.pr);
	ck_assert_int_eq(b->nanswered, 3);
	ck_assert_uint_gt(b->nquestions, b->nanswered);
	ck_assert_str_eq(b->first_due, "2026-11-20");
	ck_assert_str_eq(b->first_due_role->id, "jurist");
	ck_assert_int_eq(b->first_raised, 500);
	ck_assert_ptr_nonnull(b->next);
	ck_assert_ptr_eq(b->next, f.pr->next->step);
	ck_assert_int_eq(b->next_mark, progress_mark(f.pr->next));
	ck_assert_ptr_nonnull(b->waits_on);
	ck_assert_str_eq(step_mark_name(MARK_HANDOFF), "handoff");
	progress_brief_free(b);
	progress_free(f.pr);
}
END_TEST

START_TEST(two_tracks_share_an_answer)
{
	const struct progress *pr;
	struct fixture f;

	start(&f, "alpha", "beta");
	ans(&f, "behov", "Fælles svar");
	ans(&f, "beta_tekst", "kort");
	pr = eval(&f, NULL);
	ck_assert_int_eq(pr->ntracks, 2);
	ck_assert_int_eq(status(&f, "beta", "b1"), STEP_DONE);
	ck_assert_int_eq(status(&f, "alpha", "s1"), STEP_IN_PROGRESS);
	progress_free(f.pr);

	/* A track the content no longer has is left out. */
	start(&f, "gone", "beta");
	pr = eval(&f, NULL);
	ck_assert_int_eq(pr->ntracks, 1);
	ck_assert_int_eq(pr->nmissing, 1);
	progress_free(f.pr);
}
END_TEST

static const struct handoff_sync *
find_sync(const struct handoff_sync *v, size_t n, const char *rule)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].rule->id, rule) == 0)
			return &v[i];
	return NULL;
}

START_TEST(handoff_sync_raise_withdraw)
{
	struct handoff_sync *v;
	const struct handoff_sync *x;
	struct fixture f;
	size_t n;

	start(&f, "alpha", NULL);
	eval(&f, NULL);
	ck_assert_int_eq(handoff_sync(f.pr, NULL, 0, &v), 0);
	ck_assert_ptr_null(v);

	/* Raise. */
	ans(&f, "behov", "?");
	ans(&f, "persondata", "ja");
	ans(&f, "aftale", "nej");
	eval(&f, NULL);
	n = handoff_sync(f.pr, f.handoffs, f.nhandoffs, &v);
	ck_assert_int_eq(n, 2);
	ck_assert_ptr_nonnull(x = find_sync(v, n, "jurist-gdpr"));
	ck_assert_int_eq(x->id, 0);
	ck_assert_int_eq(x->to, HANDOFF_RAISED);
	ck_assert_ptr_nonnull(find_sync(v, n, "leder-behov"));
	free(v);
	handoff(&f, "jurist-gdpr", HANDOFF_SENT);
	handoff(&f, "leder-behov", HANDOFF_ANSWERED);

	/* Nothing new while they stand. */
	eval(&f, NULL);
	ck_assert_int_eq(handoff_sync(f.pr, f.handoffs, f.nhandoffs, &v), 0);
	free(v);

	/* The reasons go: a sent one is withdrawn, an answered one stays. */
	ans(&f, "aftale", "ja");
	ans(&f, "behov", "Klart nu");
	eval(&f, NULL);
	n = handoff_sync(f.pr, f.handoffs, f.nhandoffs, &v);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(v[0].rule->id, "jurist-gdpr");
	ck_assert_int_eq(v[0].id, f.handoffs[0].id);
	ck_assert_int_eq(v[0].from, HANDOFF_SENT);
	ck_assert_int_eq(v[0].to, HANDOFF_WITHDRAWN);
	free(v);
	f.handoffs[0].state = HANDOFF_WITHDRAWN;

	/* The reason comes back through a chain: raised again. */
	ans(&f, "aftale", "nej");
	eval(&f, NULL);
	n = handoff_sync(f.pr, f.handoffs, f.nhandoffs, &v);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(v[0].from, HANDOFF_WITHDRAWN);
	ck_assert_int_eq(v[0].to, HANDOFF_RAISED);
	free(v);

	/* A rule on a question that stopped applying does not hold. */
	ans(&f, "persondata", "nej");
	eval(&f, NULL);
	ck_assert(!handoff_holds(f.pr, content_handoff(c, "jurist-gdpr")));
	progress_free(f.pr);
}
END_TEST

START_TEST(handoff_moves)
{
	static const enum handoff_state fwd[][2] = {
		{ HANDOFF_RAISED, HANDOFF_SENT }, { HANDOFF_SENT, HANDOFF_ANSWERED },
		{ HANDOFF_ANSWERED, HANDOFF_CLOSED }, { HANDOFF_RAISED, HANDOFF_CLOSED },
		{ HANDOFF_RAISED, HANDOFF_ANSWERED },
	};
	static const enum handoff_state bad[][2] = {
		{ HANDOFF_SENT, HANDOFF_RAISED }, { HANDOFF_CLOSED, HANDOFF_SENT },
		{ HANDOFF_ANSWERED, HANDOFF_SENT }, { HANDOFF_WITHDRAWN, HANDOFF_SENT },
		{ HANDOFF_RAISED, HANDOFF_WITHDRAWN },
	};
	struct handoff h;
	char *cause = NULL;
	size_t i;

	for (i = 0; i < sizeof(fwd) / sizeof(fwd[0]); i++)
		ck_assert_int_eq(handoff_check_move(fwd[i][0], fwd[i][1], NULL, &cause), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(handoff_check_move(bad[i][0], bad[i][1], NULL, &cause), EX_DATAERR);
		ck_assert_ptr_nonnull(cause);
		xfree(cause);
	}
	/* Back, with a reason (and only with one that says something). */
	ck_assert_int_eq(handoff_check_move(HANDOFF_ANSWERED, HANDOFF_SENT, "Svaret manglede", &cause), 0);
	ck_assert_int_eq(handoff_check_move(HANDOFF_CLOSED, HANDOFF_RAISED, "Genåbnet", &cause), 0);
	ck_assert_int_eq(handoff_check_move(HANDOFF_CLOSED, HANDOFF_RAISED, " \n", &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(handoff_check_move(HANDOFF_WITHDRAWN, HANDOFF_RAISED, "Igen", &cause), EX_DATAERR);
	xfree(cause);
	ck_assert_int_eq(handoff_check_move(HANDOFF_SENT, HANDOFF_WITHDRAWN, "Væk", &cause), EX_DATAERR);
	xfree(cause);
	memset(&h, 0, sizeof(h));
	h.state = HANDOFF_SENT;
	ck_assert(!handoff_overdue(&h, "2026-11-23"));
	h.due = "2026-11-22";
	ck_assert(handoff_overdue(&h, "2026-11-23"));
	ck_assert(!handoff_overdue(&h, "2026-11-22"));
	h.state = HANDOFF_CLOSED;
	ck_assert(!handoff_overdue(&h, "2026-11-23"));

	ck_assert_int_eq(handoff_state_parse("answered", &h.state), 0);
	ck_assert_int_eq(h.state, HANDOFF_ANSWERED);
	ck_assert_int_eq(handoff_state_parse("done", &h.state), -1);
	ck_assert_str_eq(handoff_state_name(HANDOFF_WITHDRAWN), "withdrawn");
	ck_assert_str_eq(step_status_name(STEP_IN_PROGRESS), "in-progress");
}
END_TEST

/* 'requires': a condition that must hold before a step can be worked on,
 * beside 'needs', which only orders steps by completion. */
static const char requires_yaml[] =
    "roles:\n"
    "  - {id: r, name: {da: R, en: R}, description: {da: R, en: R}, receives: {da: R, en: R}}\n"
    "track:\n"
    "  id: gamma\n"
    "  title: {da: Gamma, en: Gamma}\n"
    "  summary: {da: G, en: G}\n"
    "  source: s\n"
    "  phases:\n"
    "    - id: p\n"
    "      title: {da: P, en: P}\n"
    "      steps:\n"
    "        - id: aftale\n"
    "          title: {da: Aftale, en: Agreement}\n"
    "          owner: r\n"
    "          source: s\n"
    "          basis: practice\n"
    "          guidance: {da: G, en: G}\n"
    "          questions:\n"
    "            - {id: aftale_ok, type: yesno, prompt: {da: Aftale?, en: Agreement?}}\n"
    "        - id: valider\n"
    "          title: {da: Valider, en: Validate}\n"
    "          owner: r\n"
    "          source: s\n"
    "          basis: practice\n"
    "          needs: [aftale]\n"
    "          requires: aftale_ok == ja\n"
    "          requires_text: {da: aftalen er indgået, en: the agreement is signed}\n"
    "          guidance: {da: G, en: G}\n"
    "          questions:\n"
    "            - {id: resultat, type: text, prompt: {da: Resultat?, en: Result?}}\n"
    "        - id: krav\n"
    "          title: {da: Krav, en: Requirements}\n"
    "          owner: r\n"
    "          source: s\n"
    "          basis: practice\n"
    "          guidance: {da: G, en: G}\n"
    "          questions:\n"
    "            - {id: krav_ok, type: yesno, prompt: {da: Godkendt?, en: Approved?}}\n"
    "            - {id: krav_noter, type: text, when: krav_ok == nej, prompt: {da: Hvorfor?, en: Why?}}\n"
    "        - id: udbud\n"
    "          title: {da: Udbud, en: Tender}\n"
    "          owner: r\n"
    "          source: s\n"
    "          basis: practice\n"
    "          requires: krav_ok == ja and not unknown(aftale_ok)\n"
    "          guidance: {da: G, en: G}\n"
    "          questions:\n"
    "            - {id: udbud_form, type: text, prompt: {da: Form?, en: Form?}}\n";

static char *requires_dir;

static void
load_requires(void)
{
	struct diags d = { 0 };
	int rc;

	requires_dir = tu_tmpdir();
	free(tu_write(requires_dir, "journeys/gamma.yaml", requires_yaml));
	rc = loader_load(requires_dir, NULL, 0, &d, &c);
	if (rc != 0)
		diag_print(&d, stderr);
	ck_assert_int_eq(rc, 0);
	diag_free(&d);
}

static void
unload_requires(void)
{
	unload();
	tu_rmrf(requires_dir);
	free(requires_dir);
}

static const struct step_progress *
gstep(struct fixture *f, const char *step)
{
	return progress_step(f->pr, track_step(content_track(c, "gamma"), step));
}

START_TEST(requires_blocks_until_it_holds)
{
	const struct progress *pr;
	struct fixture f;

	start(&f, "gamma", NULL);
	pr = eval(&f, NULL);
	/* Nothing answered: valider waits for aftale and for a yes to it;
	 * udbud needs no step, but waits for the approval. */
	ck_assert_int_eq(status(&f, "gamma", "valider"), STEP_BLOCKED);
	ck_assert_ptr_eq(gstep(&f, "valider")->waits_for, track_step(content_track(c, "gamma"), "aftale"));
	ck_assert(gstep(&f, "valider")->waits_requires);
	ck_assert_int_eq(status(&f, "gamma", "udbud"), STEP_BLOCKED);
	ck_assert_ptr_null(gstep(&f, "udbud")->waits_for);
	ck_assert(gstep(&f, "udbud")->waits_requires);
	ck_assert(!gstep(&f, "udbud")->handoff_blocks);
	ck_assert(!gstep(&f, "aftale")->waits_requires);
	ck_assert_str_eq(pr->next->step->id, "aftale");

	/* "No agreement" completes the agreement step, which no longer lets
	 * validation start: it waits, and next goes past it. */
	ans(&f, "aftale_ok", "nej");
	pr = eval(&f, NULL);
	ck_assert_int_eq(status(&f, "gamma", "aftale"), STEP_DONE);
	ck_assert_int_eq(status(&f, "gamma", "valider"), STEP_BLOCKED);
	ck_assert_ptr_null(gstep(&f, "valider")->waits_for);
	ck_assert(gstep(&f, "valider")->waits_requires);
	ck_assert_str_eq(step_requires_text(gstep(&f, "valider")->step), "the agreement is signed");
	ck_assert_str_eq(pr->next->step->id, "krav");

	/* "Don't know" is no yes either. */
	ans(&f, "aftale_ok", "?");
	eval(&f, NULL);
	ck_assert_int_eq(status(&f, "gamma", "valider"), STEP_BLOCKED);
	ck_assert(gstep(&f, "valider")->waits_requires);

	ans(&f, "aftale_ok", "ja");
	pr = eval(&f, NULL);
	ck_assert_int_eq(status(&f, "gamma", "valider"), STEP_NOT_STARTED);
	ck_assert(!gstep(&f, "valider")->waits_requires);
	ck_assert_str_eq(pr->next->step->id, "valider");

	/* A step done stays done when its condition stops holding. */
	ans(&f, "resultat", "fint");
	ans(&f, "aftale_ok", "nej");
	eval(&f, NULL);
	ck_assert_int_eq(status(&f, "gamma", "valider"), STEP_DONE);
	ck_assert(!gstep(&f, "valider")->waits_requires);

	/* Only the tender is left, and it waits: it is next, blocked. */
	ans(&f, "krav_ok", "nej");
	ans(&f, "krav_noter", "mangler it");
	pr = eval(&f, NULL);
	ck_assert_int_eq(status(&f, "gamma", "krav"), STEP_DONE);
	ck_assert_int_eq(status(&f, "gamma", "udbud"), STEP_BLOCKED);
	ck_assert_ptr_eq(pr->next, gstep(&f, "udbud"));
	ck_assert_int_eq(pr->tracks[0].done, 3);

	/* Every part of the condition must hold. */
	ans(&f, "krav_ok", "ja");
	eval(&f, NULL);
	ck_assert_int_eq(status(&f, "gamma", "udbud"), STEP_NOT_STARTED);
	ans(&f, "aftale_ok", "?");
	eval(&f, NULL);
	ck_assert_int_eq(status(&f, "gamma", "udbud"), STEP_BLOCKED);
	/* Its text, without requires_text, is the condition. */
	ck_assert_str_eq(step_requires_text(gstep(&f, "udbud")->step),
	    "krav_ok == ja and not unknown(aftale_ok)");
	ans(&f, "aftale_ok", "ja");
	ans(&f, "udbud_form", "offentligt");
	pr = eval(&f, NULL);
	ck_assert_int_eq(status(&f, "gamma", "udbud"), STEP_DONE);
	ck_assert_ptr_null(pr->next);
	progress_free(f.pr);
}
END_TEST

static const struct step_progress *
astep(struct fixture *f, const char *track, const char *step)
{
	return progress_step(f->pr, track_step(content_track(c, track), step));
}

/* The text of each thing left in step, joined by " | ". */
static char *
left_texts(struct fixture *f, const char *track, const char *step, const char *today)
{
	struct left *v;
	size_t n = progress_left(f->pr, astep(f, track, step), &v), i;
	char *out = xstrdup(""), *s, *t;

	for (i = 0; i < n; i++) {
		s = progress_left_text(f->pr, &v[i], today);
		t = xasprintf("%s%s%s", out, i ? " | " : "", s);
		free(out);
		free(s);
		out = t;
	}
	free(v);
	return out;
}

START_TEST(what_keeps_a_step_open)
{
	struct left *v;
	char *s;
	size_t n;

	struct fixture f;

	start(&f, "alpha", NULL);
	eval(&f, NULL);
	/* The questions that apply, by their text; the step it needs. */
	s = left_texts(&f, "alpha", "s1", "2026-11-23");
	ck_assert_str_eq(s, "Not answered: What is the need? | Not answered: Personal data?");
	free(s);
	s = left_texts(&f, "alpha", "s2", "2026-11-23");
	ck_assert_str_eq(s, "Not answered: Contract value? | Not answered: Number of users? | "
	    "Waits for an earlier step: Need");
	free(s);
	n = progress_left(f.pr, astep(&f, "alpha", "s2"), &v);
	s = progress_left_brief(f.pr, v, n);
	ck_assert_str_eq(s, "first Need; 2 questions to answer");
	free(s);
	free(v);

	/* "Don't know" raised a hand-off to the lead, overdue by today; a
	 * hand-off to the lawyer asks an answered question again. */
	ans(&f, "behov", "?");
	ans(&f, "persondata", "ja");
	ans(&f, "aftale", "nej");
	handoff(&f, "leder-behov", HANDOFF_SENT);
	ck_assert_int_eq(clock_parse("2026-11-18T09:00:00Z", &f.handoffs[0].raised), 0);
	f.handoffs[0].due = "2026-11-20";
	handoff(&f, "jurist-gdpr", HANDOFF_RAISED);
	ck_assert_int_eq(clock_parse("2026-11-22T09:00:00Z", &f.handoffs[1].raised), 0);
	eval(&f, NULL);
	s = left_texts(&f, "alpha", "s1", "2026-11-23");
	ck_assert_str_eq(s, "Answered \"don't know\": What is the need? \xe2\x80\x94 waits on "
	    "Project lead since 18 Nov 2026, overdue since 20 Nov 2026 | "
	    "A hand-off asks again: Is there a DPA? \xe2\x80\x94 waits on Lawyer since 22 Nov 2026");
	free(s);
	/* Not overdue the day before. */
	s = left_texts(&f, "alpha", "s1", "2026-11-19");
	ck_assert_ptr_nonnull(strstr(s, "Project lead since 18 Nov 2026, due 20 Nov 2026 |"));
	free(s);
	n = progress_left(f.pr, astep(&f, "alpha", "s1"), &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(v[0].kind, LEFT_DONTKNOW);
	ck_assert_ptr_eq(v[0].handoff, &f.handoffs[0]);
	ck_assert_int_eq(v[1].kind, LEFT_HANDOFF);
	s = progress_left_brief(f.pr, v, n);
	ck_assert_str_eq(s, "waits on Project lead, Lawyer");
	free(s);
	free(v);
	/* "Don't know" that no hand-off asks: the owner's to answer. */
	f.nhandoffs = 0;
	eval(&f, NULL);
	s = left_texts(&f, "alpha", "s1", "2026-11-23");
	ck_assert_str_eq(s, "Answered \"don't know\": What is the need? \xe2\x80\x94 no hand-off asks it; "
	    "answer it when you know");
	free(s);
	/* Done: nothing is left. */
	ans(&f, "behov", "x");
	eval(&f, NULL);
	ck_assert_uint_eq(progress_left(f.pr, astep(&f, "alpha", "s1"), &v), 0);
	ck_assert_ptr_null(v);
	progress_free(f.pr);
}
END_TEST

/* The next open question after track/step/question (NULLs: none), as
 * "step/question", or "-" for none. */
static const char *
next_open(struct fixture *f, const char *track, const char *step, const char *q)
{
	static char buf[64];
	const struct step *st = step ? track_step(content_track(c, track), step) : NULL, *ost;
	const struct question *oq;

	if (!progress_next_open(f->pr, st, q ? content_question(c, q) : NULL, &ost, &oq))
		return "-";
	snprintf(buf, sizeof(buf), "%s/%s", ost->id, oq->id);
	return buf;
}

START_TEST(next_open_question)
{
	struct fixture f;

	start(&f, "alpha", "beta");
	eval(&f, NULL);
	ck_assert_str_eq(next_open(&f, NULL, NULL, NULL), "s1/behov");
	ck_assert_str_eq(next_open(&f, "alpha", "s1", "behov"), "s1/persondata");
	/* s2 waits for s1 and s3 does not apply: on to s4. */
	ck_assert_str_eq(next_open(&f, "alpha", "s1", "persondata"), "s4/emner");
	/* A question asked twice is listed once: b1 asks behov too. */
	ck_assert_str_eq(next_open(&f, "alpha", "s4", "noter"), "b1/beta_tekst");
	/* After the last, the first again; elsewhere, the first. */
	ck_assert_str_eq(next_open(&f, "beta", "b1", "beta_tekst"), "s1/behov");
	ck_assert_str_eq(next_open(&f, "alpha", "s2", "antal"), "s1/behov");
	/* Answered, or waiting on a hand-off: not open; "don't know"
	 * without one is. */
	ans(&f, "behov", "?");
	handoff(&f, "leder-behov", HANDOFF_RAISED);
	eval(&f, NULL);
	ck_assert_str_eq(next_open(&f, NULL, NULL, NULL), "s1/persondata");
	f.nhandoffs = 0;
	ans(&f, "persondata", "nej");
	eval(&f, NULL);
	ck_assert_str_eq(next_open(&f, NULL, NULL, NULL), "s1/behov");
	ans(&f, "behov", "x");
	ans(&f, "beloeb", "100");
	ans(&f, "antal", "1");
	ans(&f, "emner", "data");
	ans(&f, "mail", "a@b.dk");
	ans(&f, "link", "https://x.dk");
	ans(&f, "noter", "n");
	ans(&f, "beta_tekst", "k");
	eval(&f, NULL);
	ck_assert_str_eq(next_open(&f, NULL, NULL, NULL), "-");
	progress_free(f.pr);
}
END_TEST

START_TEST(an_answer_reopens_a_step)
{
	const struct step_progress **v;
	struct progress *before;
	struct fixture f;

	start(&f, "alpha", "beta");
	ans(&f, "behov", "x");
	ans(&f, "persondata", "ja");
	ans(&f, "aftale", "ja");
	ans(&f, "aftale_dato", "2026-01-02");
	ans(&f, "beta_tekst", "k");
	before = progress_new(c, NULL, &f.p, f.answers, f.nanswers, f.handoffs, f.nhandoffs);
	ck_assert_int_eq(progress_step(before, track_step(content_track(c, "alpha"), "s1"))->status,
	    STEP_DONE);
	ck_assert_int_eq(progress_step(before, track_step(content_track(c, "beta"), "b1"))->status,
	    STEP_DONE);
	/* No agreement after all: the lawyer's hand-off asks it again, and
	 * "don't know" about the need opens the other track's step too. */
	ans(&f, "aftale", "nej");
	handoff(&f, "jurist-gdpr", HANDOFF_RAISED);
	ans(&f, "behov", "?");
	eval(&f, NULL);
	ck_assert_uint_eq(progress_reopened(before, f.pr, &v), 2);
	ck_assert_str_eq(v[0]->step->id, "s1");
	ck_assert_str_eq(v[1]->step->id, "b1");
	free(v);
	/* Nothing reopened against itself. */
	ck_assert_uint_eq(progress_reopened(f.pr, f.pr, &v), 0);
	ck_assert_ptr_null(v);
	progress_free(before);
	progress_free(f.pr);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("progress");
	TCase *tc = tcase_create("progress");

	tcase_add_checked_fixture(tc, load, unload);
	tcase_add_test(tc, chained_conditions);
	tcase_add_test(tc, steps_and_settings);
	tcase_add_test(tc, status_and_progress);
	tcase_add_test(tc, open_handoff_blocks);
	tcase_add_test(tc, two_tracks_share_an_answer);
	tcase_add_test(tc, handoff_sync_raise_withdraw);
	tcase_add_test(tc, handoff_moves);
	tcase_add_test(tc, what_keeps_a_step_open);
	tcase_add_test(tc, next_open_question);
	tcase_add_test(tc, brief_for_the_board);
	tcase_add_test(tc, an_answer_reopens_a_step);
	suite_add_tcase(s, tc);
	tc = tcase_create("requires");
	tcase_add_checked_fixture(tc, load_requires, unload_requires);
	tcase_add_test(tc, requires_blocks_until_it_holds);
	suite_add_tcase(s, tc);
	return s;
}
