/* SPDX-License-Identifier: EUPL-1.2 */
/* Search: which fields are searched and in what order, only questions
 * that apply, a bank question once, answers as they are shown, Danish
 * letters and case, the column of a bad pattern, regular expressions;
 * and every project read in one walk (store_each_project,
 * action_each_snapshot) giving the same snapshots as one project at a
 * time. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/loader.h"
#include "airejse/progress.h"
#include "airejse/search.h"
#include "airejse/store.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static const char common_yaml[] =
    "format: 1\n"
    "roles:\n"
    "  - id: leder\n"
    "    name: {da: Projektleder, en: Project lead}\n"
    "    description: {da: Leder projektet., en: Leads the project.}\n"
    "    receives: {da: Alt., en: Everything.}\n"
    "questions:\n"
    "  - id: behov\n"
    "    type: text\n"
    "    prompt: {da: Hvad er behovet?, en: What is the need?}\n"
    "    help: {da: Skriv behovet med egne ord., en: Say it in your own words.}\n";

static const char a_yaml[] =
    "format: 1\n"
    "track:\n"
    "  id: a\n"
    "  order: 1\n"
    "  title: {da: Spor A, en: Track A}\n"
    "  summary: {da: Det første., en: The first.}\n"
    "  source: test\n"
    "  phases:\n"
    "    - id: p1\n"
    "      title: {da: Fase, en: Phase}\n"
    "      steps:\n"
    "        - id: s1\n"
    "          title: {da: Økonomi og behov, en: Money and need}\n"
    "          owner: leder\n"
    "          source: test\n"
    "          basis: practice\n"
    "          guidance: {da: Regn på gevinsten., en: Work out the gain.}\n"
    "          watch: {da: Pas på skjulte udgifter., en: Mind the hidden costs.}\n"
    "          why: {da: Uden gevinst ingen godkendelse., en: Without a gain no approval.}\n"
    "          questions:\n"
    "            - behov\n"
    "            - id: persondata\n"
    "              type: yesno\n"
    "              prompt: {da: Bruges persondata?, en: Is personal data used?}\n"
    "            - id: aftale\n"
    "              type: yesno\n"
    "              when: persondata\n"
    "              prompt: {da: Er databehandleraftalen på plads?, en: Is the data processing agreement in place?}\n"
    "            - id: pris\n"
    "              type: amount\n"
    "              prompt: {da: Hvad koster det?, en: What does it cost?}\n"
    "            - id: noter\n"
    "              type: longtext\n"
    "              prompt: {da: Noter?, en: Notes?}\n"
    "        - id: s2\n"
    "          title: {da: Udbud, en: Tender}\n"
    "          owner: leder\n"
    "          source: test\n"
    "          basis: law\n"
    "          legal: [Udbudsloven]\n"
    "          when: pris > 1000000\n"
    "          guidance: {da: Udbyd opgaven., en: Put it out to tender.}\n"
    "          questions:\n"
    "            - id: udbudsform\n"
    "              type: choice\n"
    "              prompt: {da: Hvilken udbudsform?, en: Which procedure?}\n"
    "              options:\n"
    "                - id: offentligt\n"
    "                  label: {da: Offentligt udbud, en: Open procedure}\n"
    "                - id: begraenset\n"
    "                  label: {da: Begrænset udbud, en: Restricted procedure}\n";

static const char b_yaml[] =
    "format: 1\n"
    "track:\n"
    "  id: b\n"
    "  order: 2\n"
    "  title: {da: Spor B, en: Track B}\n"
    "  summary: {da: Det andet., en: The second.}\n"
    "  source: test\n"
    "  phases:\n"
    "    - id: q1\n"
    "      title: {da: Fase, en: Phase}\n"
    "      steps:\n"
    "        - id: b1\n"
    "          title: {da: Behov igen, en: The need again}\n"
    "          owner: leder\n"
    "          source: test\n"
    "          basis: practice\n"
    "          guidance: {da: Igen., en: Again.}\n"
    "          questions: [behov]\n";

static char *dir;
static struct content *c;

/* A project in memory, and its progress. */
struct fixture {
	struct project	 p;
	char		*tracks[2];
	struct answer	 answers[8];
	size_t		 nanswers;
	struct progress	*pr;
};

static void
setup(void)
{
	struct diags d = { 0 };

	dir = tu_tmpdir();
	free(tu_write(dir, "journeys/common.yaml", common_yaml));
	free(tu_write(dir, "journeys/a.yaml", a_yaml));
	free(tu_write(dir, "journeys/b.yaml", b_yaml));
	if (loader_load(dir, NULL, 0, &d, &c) != 0)
		diag_print(&d, stderr);
	ck_assert_ptr_nonnull(c);
	diag_free(&d);
}

static void
teardown(void)
{
	content_free(c);
	tu_rmrf(dir);
	free(dir);
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

static void
ans(struct fixture *f, const char *q, const char *v)
{
	struct answer *a = &f->answers[f->nanswers++];

	a->question = (char *)q;
	a->kind = ANSWER_VALUE;
	a->value = (char *)v;
	a->revision = 1;
}

static const struct progress *
eval(struct fixture *f)
{
	progress_free(f->pr);
	f->pr = progress_new(c, NULL, &f->p, f->answers, f->nanswers, NULL, 0);
	return f->pr;
}

static struct search *
compile(const char *pattern)
{
	struct search *se = NULL;
	char *cause = NULL;

	ck_assert_msg(search_compile(pattern, &se, NULL, &cause) == 0, "%s", cause);
	return se;
}

/* The matches of pattern in f as "step/question/field=match" lines. */
static char *
found(struct search *se, struct fixture *f)
{
	struct search_results res = { 0 };
	char *out = xstrdup(""), *next;
	size_t i;

	search_project(se, eval(f), &res);
	for (i = 0; i < res.n; i++) {
		const struct search_match *m = &res.v[i];

		next = xasprintf("%s%s/%s/%s=%.*s\n", out, m->step->id,
		    m->question ? m->question->id : "-", search_field_name(m->field),
		    (int)(m->end - m->start), m->text + m->start);
		free(out);
		out = next;
	}
	search_results_clear(&res);
	return out;
}

/* found() for a pattern compiled for the purpose. */
static char *
grep(struct fixture *f, const char *pattern)
{
	struct search *se = compile(pattern);
	char *out = found(se, f);

	search_free(se);
	return out;
}

#define ck_grep(f, pattern, want) do {					\
	char *got_ = grep((f), (pattern));				\
	ck_assert_str_eq(got_, (want));					\
	free(got_);							\
} while (0)

START_TEST(every_field_in_journey_order)
{
	struct fixture f;

	start(&f, "a", NULL);
	ans(&f, "behov", "Mindre ventetid; gevinst for patienterne");
	ans(&f, "noter", "Se gevinstberegningen");
	/* Every text of the step, the question's prompt, help and answer. */
	ck_grep(&f, "gain|costs|approval|need|words|gevinst",
	    "s1/-/step=need\n"
	    "s1/-/guidance=gain\n"
	    "s1/-/watch=costs\n"
	    "s1/-/why=gain\n"
	    "s1/behov/question=need\n"
	    "s1/behov/help=words\n"
	    "s1/behov/answer=gevinst\n"
	    "s1/noter/answer=gevinst\n");
	progress_free(f.pr);
}
END_TEST

START_TEST(labels)
{
	ck_assert_str_eq(search_field_name(SEARCH_WATCH), "watch");
	ck_assert_str_eq(search_field_label(SEARCH_WATCH), "watch out");
	ck_assert_str_eq(search_field_name(SEARCH_ANSWER), "answer");
	i18n_set_lang(LANG_DA);
	ck_assert_str_eq(search_field_label(SEARCH_ANSWER), "svar");
	ck_assert_str_eq(search_field_label(SEARCH_GUIDANCE), "vejledning");
	i18n_set_lang(LANG_EN);
}
END_TEST

START_TEST(only_questions_that_apply)
{
	struct fixture f;

	start(&f, "a", NULL);
	/* aftale is asked only with personal data; the step's own texts are
	 * searched whether or not the step applies, its questions not. */
	ck_grep(&f, "agreement|procedure|tender", "s2/-/step=Tender\ns2/-/guidance=tender\n");
	ans(&f, "persondata", "ja");
	ans(&f, "pris", "2000000");
	ck_grep(&f, "agreement|procedure|tender",
	    "s1/aftale/question=agreement\n"
	    "s2/-/step=Tender\n"
	    "s2/-/guidance=tender\n"
	    "s2/udbudsform/question=procedure\n");
	progress_free(f.pr);

	/* An answer kept for a question that no longer applies is not searched. */
	start(&f, "a", NULL);
	ans(&f, "persondata", "nej");
	ans(&f, "aftale", "ja");
	ck_grep(&f, "^(yes|no)$", "s1/persondata/answer=No\n");
	progress_free(f.pr);
}
END_TEST

START_TEST(bank_question_once)
{
	struct fixture f;

	/* behov is asked in a's s1 and b's b1: listed once, at s1. */
	start(&f, "a", "b");
	ans(&f, "behov", "Hurtigere svar");
	ck_grep(&f, "need|hurtig",
	    "s1/-/step=need\n"
	    "s1/behov/question=need\n"
	    "s1/behov/answer=Hurtig\n"
	    "b1/-/step=need\n");
	progress_free(f.pr);
	/* In b alone it is at b1. */
	start(&f, "b", NULL);
	ans(&f, "behov", "Hurtigere svar");
	ck_grep(&f, "hurtig", "b1/behov/answer=Hurtig\n");
	progress_free(f.pr);
}
END_TEST

START_TEST(answers_as_shown)
{
	struct fixture f;

	start(&f, "a", NULL);
	ans(&f, "pris", "2000000");
	ans(&f, "persondata", "ja");
	ans(&f, "udbudsform", "begraenset");
	/* Not the stored value, but the value as it is shown. */
	ck_grep(&f, "2000000", "");
	ck_grep(&f, "dkk 2,000,000", "s1/pris/answer=DKK 2,000,000\n");
	ck_grep(&f, "^yes$", "s1/persondata/answer=Yes\n");
	ck_grep(&f, "begraenset", "");
	ck_grep(&f, "restricted", "s2/udbudsform/answer=Restricted\n");
	i18n_set_lang(LANG_DA);
	ck_grep(&f, "^ja$", "s1/persondata/answer=Ja\n");
	ck_grep(&f, "2\\.000\\.000 kr\\.", "s1/pris/answer=2.000.000 kr.\n");
	ck_grep(&f, "begrænset", "s2/udbudsform/answer=Begrænset\n");
	i18n_set_lang(LANG_EN);
	progress_free(f.pr);
}
END_TEST

START_TEST(danish_letters_and_case)
{
	struct fixture f;

	i18n_set_lang(LANG_DA);
	start(&f, "a", NULL);
	ans(&f, "behov", "BLÅBÆRGRØD til afdeling Æ");
	ck_grep(&f, "økonomi", "s1/-/step=Økonomi\n");
	ck_grep(&f, "ØKONOMI", "s1/-/step=Økonomi\n");
	ck_grep(&f, "blåbærgrød", "s1/behov/answer=BLÅBÆRGRØD\n");
	/* \w and \b know Danish letters (UCP); . is one character. */
	ck_grep(&f, "\\bæ\\b", "s1/behov/answer=Æ\n");
	ck_grep(&f, "gr.d\\b", "s1/behov/answer=GRØD\n");
	ck_grep(&f, "^\\w+ og", "s1/-/step=Økonomi og\n");
	i18n_set_lang(LANG_EN);
	progress_free(f.pr);
}
END_TEST

START_TEST(regular_expressions)
{
	struct fixture f;

	start(&f, "a", NULL);
	ans(&f, "noter", "Pilot i uge 12, drift fra uge 30.\nKontakt: it@rsyd.dk");
	ck_grep(&f, "uge [0-9]{2}", "s1/noter/answer=uge 12\n");
	ck_grep(&f, "drift(?= fra)", "s1/noter/answer=drift\n");
	ck_grep(&f, "^kontakt", "");	/* ^ is the start of the text */
	ck_grep(&f, "(?m)^kontakt", "s1/noter/answer=Kontakt\n");
	ck_grep(&f, "[a-z]+@[a-z]+\\.dk", "s1/noter/answer=it@rsyd.dk\n");
	ck_grep(&f, "zzz|qqq", "");
	progress_free(f.pr);
}
END_TEST

START_TEST(snippet_on_one_line)
{
	struct fixture f;
	struct search *se = compile("målet");
	struct search_results res = { 0 };

	i18n_set_lang(LANG_DA);
	start(&f, "a", NULL);
	ans(&f, "noter", "Første linje\nanden linje med mange ord før målet\tnås");
	ck_assert_uint_eq(search_project(se, eval(&f), &res), 1);
	/* From a word some 24 characters before, tabs and breaks as spaces. */
	ck_assert_str_eq(res.v[0].snippet, "med mange ord før målet nås");
	ck_assert_str_eq(res.v[0].text, f.answers[0].value);
	search_results_clear(&res);
	ck_assert_uint_eq(res.n, 0);
	search_free(se);
	progress_free(f.pr);
	i18n_set_lang(LANG_EN);
}
END_TEST

START_TEST(many_projects_one_pattern)
{
	struct fixture f, g;
	struct search *se = compile("^yes$|gain|gevinst");
	char *a, *b;

	/* The texts and values remembered for one project serve the next. */
	start(&f, "a", NULL);
	ans(&f, "persondata", "ja");
	start(&g, "a", NULL);
	ans(&g, "persondata", "nej");
	a = found(se, &f);
	b = found(se, &g);
	ck_assert_str_eq(a, "s1/-/guidance=gain\ns1/-/why=gain\ns1/persondata/answer=Yes\n");
	ck_assert_str_eq(b, "s1/-/guidance=gain\ns1/-/why=gain\n");
	free(a);
	free(b);
	a = found(se, &f);
	ck_assert_str_eq(a, "s1/-/guidance=gain\ns1/-/why=gain\ns1/persondata/answer=Yes\n");
	free(a);
	/* Another language: the texts are matched again. */
	i18n_set_lang(LANG_DA);
	a = found(se, &f);
	ck_assert_str_eq(a, "s1/-/guidance=gevinst\ns1/-/why=gevinst\n");
	free(a);
	i18n_set_lang(LANG_EN);
	search_free(se);
	progress_free(f.pr);
	progress_free(g.pr);
}
END_TEST

START_TEST(bad_pattern)
{
	struct search *se = NULL;
	char *cause = NULL;
	size_t col = 99;

	ck_assert_int_eq(search_compile("ab(", &se, &col, &cause), EX_DATAERR);
	ck_assert_ptr_null(se);
	ck_assert_uint_eq(col, 4);
	ck_assert_str_eq(cause, "not a regular expression (at character 4): missing closing parenthesis");
	free(cause);
	/* Characters, not bytes: æ and ø are two bytes each. */
	ck_assert_int_eq(search_compile("æø[", &se, &col, &cause), EX_DATAERR);
	ck_assert_uint_eq(col, 4);
	ck_assert_ptr_nonnull(strstr(cause, "at character 4"));
	ck_assert_ptr_nonnull(strstr(cause, "missing terminating ]"));
	free(cause);
	ck_assert_int_eq(search_compile("a{2,1}", &se, &col, &cause), EX_DATAERR);
	ck_assert_uint_eq(col, 6);
	free(cause);
	/* Not UTF-8. */
	ck_assert_int_eq(search_compile("a\xff", &se, &col, &cause), EX_DATAERR);
	ck_assert_uint_eq(col, 2);
	free(cause);
	/* A good one. */
	ck_assert_int_eq(search_compile("a(b)c", &se, &col, &cause), 0);
	ck_assert_uint_eq(col, 0);
	ck_assert_str_eq(search_pattern(se), "a(b)c");
	search_free(se);
}
END_TEST

/* Every project at once, against one at a time. */

static int
same_as_one(const struct snapshot *s, void *arg)
{
	struct action *a = arg;
	struct snapshot *one = NULL;
	char *cause = NULL;
	size_t i;

	ck_assert_int_eq(action_snapshot(a, s->project->id, &one, &cause), 0);
	ck_assert_str_eq(s->project->name, one->project->name);
	ck_assert_uint_eq(s->project->ntracks, one->project->ntracks);
	for (i = 0; i < s->project->ntracks; i++)
		ck_assert_str_eq(s->project->tracks[i], one->project->tracks[i]);
	ck_assert_uint_eq(s->nanswers, one->nanswers);
	for (i = 0; i < s->nanswers; i++) {
		const struct answer *x = &s->answers[i], *y = &one->answers[i];

		ck_assert_str_eq(x->question, y->question);
		ck_assert_int_eq(x->kind, y->kind);
		ck_assert_pstr_eq(x->value, y->value);
		ck_assert_int_eq(x->revision, y->revision);
		ck_assert_str_eq(x->user, y->user);
	}
	ck_assert_uint_eq(s->nhandoffs, one->nhandoffs);
	for (i = 0; i < s->nhandoffs; i++) {
		ck_assert_int_eq(s->handoffs[i].id, one->handoffs[i].id);
		ck_assert_str_eq(s->handoffs[i].rule, one->handoffs[i].rule);
		ck_assert_int_eq(s->handoffs[i].state, one->handoffs[i].state);
	}
	ck_assert_uint_eq(s->progress->next == NULL, one->progress->next == NULL);
	ck_assert_uint_eq(s->progress->nopen_handoffs, one->progress->nopen_handoffs);
	snapshot_free(one);
	return 0;
}

static int
count(const struct snapshot *s, void *arg)
{
	(*(size_t *)arg)++;
	return 0;
}

/* Stops at the second project. */
static int
two(const struct snapshot *s, void *arg)
{
	return ++*(size_t *)arg == 2 ? 5 : 0;
}

START_TEST(every_project_at_once)
{
	struct diags d = { 0 };
	struct content *sc = NULL;
	struct action a;
	char *cdir = xasprintf("%s/tests/data/store", tu_srcdir());
	char *path = xasprintf("%s/all.db", dir), *cause = NULL;
	char *alpha[] = { "alpha" }, *both[] = { "beta", "alpha" };
	int64_t id[4];
	size_t n = 0;

	ck_assert_int_eq(loader_load(cdir, NULL, 0, &d, &sc), 0);
	diag_free(&d);
	memset(&a, 0, sizeof(a));
	ck_assert_int_eq(store_open(path, 0, &a.store, &cause), 0);
	a.content = sc;
	a.user = "tester";
	a.source = SOURCE_CLI;
	/* None yet. */
	ck_assert_int_eq(action_each_snapshot(&a, count, &n, &cause), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(action_project_new(&a, "Første", alpha, 1, &id[0], &cause), 0);
	ck_assert_int_eq(action_project_new(&a, "Anden", both, 2, &id[1], &cause), 0);
	ck_assert_int_eq(action_project_new(&a, "Tom", alpha, 1, &id[2], &cause), 0);
	ck_assert_int_eq(action_project_new(&a, "Fjerde", alpha, 1, &id[3], &cause), 0);
	/* Answers given across the projects, so the table holds them mixed;
	 * a cleared one, a "don't know" and hand-offs raised. */
	ck_assert_int_eq(action_answer(&a, id[1], "persondata", "ja", -1, NULL, &cause), 0);
	ck_assert_int_eq(action_answer(&a, id[0], "noter", "Første noter", -1, NULL, &cause), 0);
	ck_assert_int_eq(action_answer(&a, id[3], "behov", "?", -1, NULL, &cause), 0);
	ck_assert_int_eq(action_answer(&a, id[1], "aftale", "nej", -1, NULL, &cause), 0);
	ck_assert_int_eq(action_answer(&a, id[0], "behov", "Bedre søvn", -1, NULL, &cause), 0);
	ck_assert_int_eq(action_answer(&a, id[1], "behov", "Færre fejl", -1, NULL, &cause), 0);
	ck_assert_int_eq(action_answer(&a, id[0], "antal", "12", -1, NULL, &cause), 0);
	ck_assert_int_eq(action_clear(&a, id[0], "antal", -1, NULL, &cause), 0);
	ck_assert_int_eq(action_answer(&a, id[3], "beloeb", "2 mio. kr.", -1, NULL, &cause), 0);
	ck_assert_int_eq(action_project_archive(&a, id[2], true, &cause), 0);
	ck_assert_int_eq(action_each_snapshot(&a, same_as_one, &a, &cause), 0);
	n = 0;
	ck_assert_int_eq(action_each_snapshot(&a, count, &n, &cause), 0);
	ck_assert_uint_eq(n, 3);
	n = 0;
	ck_assert_int_eq(action_each_snapshot(&a, two, &n, &cause), 5);
	ck_assert_uint_eq(n, 2);
	store_close(a.store);
	content_free(sc);
	free(path);
	free(cdir);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("search");
	TCase *tc = tcase_create("search");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, every_field_in_journey_order);
	tcase_add_test(tc, labels);
	tcase_add_test(tc, only_questions_that_apply);
	tcase_add_test(tc, bank_question_once);
	tcase_add_test(tc, answers_as_shown);
	tcase_add_test(tc, danish_letters_and_case);
	tcase_add_test(tc, regular_expressions);
	tcase_add_test(tc, snippet_on_one_line);
	tcase_add_test(tc, many_projects_one_pattern);
	tcase_add_test(tc, bad_pattern);
	tcase_add_test(tc, every_project_at_once);
	suite_add_tcase(s, tc);
	return s;
}
