/* SPDX-License-Identifier: EUPL-1.2 */
/* The condition language: parsing, precedence, errors at their column,
 * binding (types) and evaluation. */
#include <stdlib.h>
#include <string.h>

#include "airejse/arena.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/expr.h"
#include "airejse/linker.h"
#include "airejse/loader.h"
#include "airejse/settings.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static const char base[] =
    "roles:\n"
    "  - id: r\n"
    "    name: {da: R, en: R}\n"
    "    description: {da: R, en: R}\n"
    "    receives: {da: R, en: R}\n"
    "questions:\n"
    "  - {id: ce, type: yesno, prompt: {da: CE?, en: CE?}}\n"
    "  - {id: egen, type: yesno, prompt: {da: Egen?, en: Own?}}\n"
    "  - {id: vaerdi, type: amount, prompt: {da: Værdi, en: Value}}\n"
    "  - {id: antal, type: number, prompt: {da: Antal, en: Count}}\n"
    "  - {id: dato, type: date, prompt: {da: Dato, en: Date}}\n"
    "  - {id: navn, type: text, prompt: {da: Navn, en: Name}}\n"
    "  - id: klasse\n"
    "    type: choice\n"
    "    prompt: {da: Klasse, en: Class}\n"
    "    options:\n"
    "      - {id: i, label: {da: I, en: I}}\n"
    "      - {id: iia, label: {da: IIa, en: IIa}}\n"
    "  - id: data\n"
    "    type: multi\n"
    "    prompt: {da: Data, en: Data}\n"
    "    options:\n"
    "      - {id: helbred, label: {da: Helbred, en: Health}}\n"
    "      - {id: cpr, label: {da: CPR, en: CPR}}\n"
    "track:\n"
    "  id: t\n"
    "  title: {da: T, en: T}\n"
    "  summary: {da: T, en: T}\n"
    "  source: s\n"
    "  phases:\n"
    "    - id: p\n"
    "      title: {da: P, en: P}\n"
    "      steps:\n"
    "        - id: s\n"
    "          title: {da: S, en: S}\n"
    "          owner: r\n"
    "          source: s\n"
    "          basis: practice\n"
    "          guidance: {da: G, en: G}\n"
    "          questions: [ce, egen, vaerdi, antal, dato, navn, klasse, data]\n";

static struct content *content;
static char *dir;

static void
setup(void)
{
	struct diags d = { 0 };
	char *path;

	dir = tu_tmpdir();
	path = tu_write(dir, "journeys/base.yaml", base);
	free(path);
	ck_assert_int_eq(loader_load(dir, NULL, 0, &d, &content), 0);
	diag_free(&d);
}

static void
teardown(void)
{
	content_free(content);
	tu_rmrf(dir);
	free(dir);
}

/* Parses and binds src; returns the canonical text or the first error
 * as "col: message". */
struct errbuf {
	int	 n;
	int	 col;
	char	*msg;
};

static void
on_err(void *arg, int col, const char *msg)
{
	struct errbuf *e = arg;

	if (e->n++ == 0) {
		e->col = col;
		e->msg = xstrdup(msg);
	}
}

static char *
roundtrip(const char *src, int *errcol)
{
	struct errbuf eb = { 0, 0, NULL };
	struct arena *a = arena_new();
	struct expr *e;
	char *msg = NULL, *s;
	int col = 0;

	*errcol = 0;
	if ((e = expr_parse(a, src, &col, &msg)) == NULL) {
		*errcol = col;
		s = msg;
	} else if (linker_bind(content, e, on_err, &eb) > 0) {
		*errcol = eb.col;
		s = eb.msg;
	} else {
		s = expr_to_string(e);
	}
	arena_free(a);
	return s;
}

static void
expect(const char *src, const char *want)
{
	int col;
	char *got = roundtrip(src, &col);

	ck_assert_msg(col == 0, "%s: error at %d: %s", src, col, got);
	ck_assert_str_eq(got, want);
	free(got);
}

static void
expect_error(const char *src, int want_col, const char *part)
{
	int col;
	char *got = roundtrip(src, &col);

	ck_assert_msg(col != 0, "%s: no error, got %s", src, got);
	ck_assert_msg(col == want_col, "%s: error at column %d, expected %d: %s",
	    src, col, want_col, got);
	ck_assert_msg(strstr(got, part) != NULL, "%s: '%s' lacks '%s'", src, got, part);
	free(got);
}

START_TEST(precedence)
{
	expect("ce == nej", "(ce == nej)");
	expect("ce", "(ce == ja)");
	expect("ce or egen and vaerdi > 5", "((ce == ja) or ((egen == ja) and (vaerdi > 5)))");
	expect("(ce or egen) and vaerdi > 5", "(((ce == ja) or (egen == ja)) and (vaerdi > 5))");
	expect("not ce and egen", "(not (ce == ja) and (egen == ja))");
	expect("not not ce", "not not (ce == ja)");
}
END_TEST

START_TEST(binding)
{
	expect("vaerdi > udbudsgraense", "(vaerdi > udbudsgraense)");
	expect("udbudsgraense < vaerdi", "(vaerdi > udbudsgraense)");
	expect("1600000 <= vaerdi", "(vaerdi >= 1600000)");
	expect("nej == ce", "(ce == nej)");
	expect("ce == yes", "(ce == ja)");
	expect("ce != 'nej'", "(ce != nej)");
	expect("klasse == iia", "(klasse == iia)");
	expect("klasse == 'iia'", "(klasse == iia)");
	expect("data includes cpr", "(data includes cpr)");
	expect("dato >= '2027-08-02'", "(dato >= '2027-08-02')");
	expect("navn == 'Ærø'", "(navn == 'Ærø')");
	expect("answered(navn) and unknown(ce) or track(t)",
	    "((answered(navn) and unknown(ce)) or track(t))");
	expect("antal >= vaerdi", "(antal >= vaerdi)");
}
END_TEST

START_TEST(syntax_errors)
{
	expect_error("", 1, "empty");
	expect_error("ce ==", 6, "expected a question");
	expect_error("ce = nej", 4, "'=='");
	expect_error("(ce == ja", 10, "')'");
	expect_error("ce == ja)", 9, "end");
	expect_error("ce == 'ja", 7, "not closed");
	expect_error("ce and or egen", 8, "expected a question");
	expect_error("ce ## ja", 4, "unexpected character");
	expect_error("foo(ce)", 1, "unknown function");
	expect_error("ce == ja egen", 10, "expected 'and'");
	/* Columns count characters: æ is one. */
	expect_error("navn == 'æøå' ==", 15, "expected 'and'");
}
END_TEST

START_TEST(type_errors)
{
	expect_error("ce == 5", 7, "yes/no");
	expect_error("ce > nej", 4, "ordered");
	expect_error("vaerdi > ja", 10, "number");
	expect_error("klasse == iii", 11, "not an option");
	/* Labels change with translations; conditions use option ids. */
	expect_error("klasse == 'IIa'", 11, "not an option");
	expect_error("data == cpr", 6, "includes");
	expect_error("klasse includes i", 8, "multiple-choice");
	expect_error("ukendt == ja", 1, "unknown question");
	expect_error("navn", 1, "yes/no question");
	expect_error("answered(ukendt)", 10, "unknown question");
	expect_error("track(ukendt)", 7, "unknown track");
	expect_error("dato > 'i morgen'", 8, "date");
	expect_error("navn == 5", 9, "string");
	expect_error("5 == 6", 1, "question or a setting");
}
END_TEST

/* Evaluation against a fixed set of answers. */
struct fake {
	const char *const *pairs;	/* id, value ("?" = don't know), ... */
};

static enum answer_kind
fake_answer(void *arg, const struct question *q, const char **value)
{
	struct fake *f = arg;
	size_t i;

	for (i = 0; f->pairs[i] != NULL; i += 2) {
		if (strcmp(f->pairs[i], q->id) != 0)
			continue;
		if (strcmp(f->pairs[i + 1], "?") == 0)
			return ANSWER_DONTKNOW;
		*value = f->pairs[i + 1];
		return ANSWER_VALUE;
	}
	return ANSWER_NONE;
}

static double
fake_setting(void *arg, int s)
{
	(void)arg;
	return setting_def((enum setting_id)s)->def;
}

static bool
fake_track(void *arg, const char *t)
{
	(void)arg;
	return strcmp(t, "t") == 0;
}

static bool
eval(const char *src, const char *const *pairs)
{
	struct fake f = { pairs };
	struct expr_env env = { fake_answer, fake_setting, fake_track, &f };
	struct errbuf eb = { 0, 0, NULL };
	char *msg = NULL;
	int col;
	struct arena *a = arena_new();
	struct expr *e = expr_parse(a, src, &col, &msg);
	bool r;

	ck_assert_msg(e != NULL, "%s: %s", src, msg);
	ck_assert_int_eq(linker_bind(content, e, on_err, &eb), 0);
	r = expr_eval(e, &env);
	arena_free(a);
	return r;
}

START_TEST(evaluation)
{
	static const char *const a[] = { "ce", "nej", "egen", "ja", "vaerdi", "2000000",
	    "antal", "12.5", "klasse", "iia", "data", "helbred,cpr", "navn", "Ærø",
	    "dato", "2027-08-02", NULL };
	static const char *const dk[] = { "ce", "?", NULL };
	static const char *const none[] = { NULL };

	ck_assert(eval("ce == nej", a));
	ck_assert(!eval("ce == ja", a));
	ck_assert(eval("egen", a));
	ck_assert(eval("vaerdi > udbudsgraense", a));
	ck_assert(!eval("vaerdi < 1600000", a));
	ck_assert(eval("antal > 12 and antal < 13", a));
	ck_assert(eval("klasse == iia and klasse != i", a));
	ck_assert(eval("data includes cpr and data includes helbred", a));
	ck_assert(eval("navn == 'Ærø'", a));
	ck_assert(eval("dato >= '2027-08-02' and dato < '2028-01-01'", a));
	ck_assert(eval("track(t)", a));
	/* Missing answers make comparisons false, both ways. */
	ck_assert(!eval("ce == ja", none));
	ck_assert(!eval("ce != ja", none));
	ck_assert(eval("not answered(ce)", none));
	/* Don't know is an answer of its own. */
	ck_assert(eval("unknown(ce)", dk));
	ck_assert(!eval("answered(ce)", dk));
	ck_assert(!eval("ce == nej", dk));
	ck_assert(eval("ce == nej or unknown(ce)", dk));
}
END_TEST

/* Conditions know nothing of the content: what a name stands for is
 * asked of the resolver they are given. Here one that knows two
 * questions, by tokens of its own, an option, a track and a setting. */
static const char tok_niveau[] = "niveau", tok_beloeb[] = "beloeb";

static const struct question *
own_question(void *arg, const char *id, enum qtype *type)
{
	int *asked = arg;

	(*asked)++;
	if (strcmp(id, "niveau") == 0) {
		*type = Q_CHOICE;
		return (const struct question *)tok_niveau;
	}
	if (strcmp(id, "beloeb") == 0) {
		*type = Q_AMOUNT;
		return (const struct question *)tok_beloeb;
	}
	return NULL;
}

static bool
own_option(void *arg, const struct question *q, const char *id)
{
	(void)arg;
	return (const char *)q == tok_niveau && strcmp(id, "høj") == 0;
}

static bool
own_track(void *arg, const char *id)
{
	(void)arg;
	return strcmp(id, "spor") == 0;
}

static int
own_setting(void *arg, const char *name)
{
	(void)arg;
	return strcmp(name, "graense") == 0 ? 7 : -1;
}

static enum answer_kind
own_answer(void *arg, const struct question *q, const char **value)
{
	(void)arg;
	*value = (const char *)q == tok_niveau ? "høj" : "2500";
	return ANSWER_VALUE;
}

static double
own_setting_value(void *arg, int s)
{
	(void)arg;
	return s == 7 ? 2000 : -1;
}

START_TEST(bound_through_a_resolver)
{
	int asked = 0;
	struct expr_resolver r = { own_question, own_option, own_track, own_setting, &asked };
	struct expr_env env = { own_answer, own_setting_value, own_track, NULL };
	struct errbuf eb = { 0, 0, NULL };
	struct arena *a = arena_new();
	char *msg = NULL, *s;
	int col;
	struct expr *e = expr_parse(a, "niveau == 'høj' and beloeb > graense and track(spor)",
	    &col, &msg);

	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(expr_bind(e, &r, on_err, &eb), 0);
	ck_assert_int_gt(asked, 0);
	ck_assert_ptr_eq(e->l->l->a.q, (const struct question *)tok_niveau);
	ck_assert_int_eq(e->l->r->a.qtype, Q_AMOUNT);
	ck_assert_int_eq(e->l->r->b.setting, 7);
	ck_assert(expr_eval(e, &env));
	s = expr_to_string(e);
	ck_assert_str_eq(s, "(((niveau == høj) and (beloeb > graense)) and track(spor))");
	free(s);
	/* What the resolver does not know is an error at its column. */
	e = expr_parse(a, "niveau == lav or track(andet)", &col, &msg);
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(expr_bind(e, &r, on_err, &eb), 2);
	ck_assert_int_eq(eb.col, 11);
	ck_assert_str_eq(eb.msg, "'lav' is not an option of question 'niveau'");
	free(eb.msg);
	arena_free(a);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("expr");
	TCase *tc = tcase_create("expr");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, precedence);
	tcase_add_test(tc, binding);
	tcase_add_test(tc, syntax_errors);
	tcase_add_test(tc, type_errors);
	tcase_add_test(tc, evaluation);
	tcase_add_test(tc, bound_through_a_resolver);
	suite_add_tcase(s, tc);
	return s;
}
