/* SPDX-License-Identifier: EUPL-1.2 */
/* The content loader and validator: a good folder, and each kind of
 * error with its file, line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/loader.h"
#include "airejse/xalloc.h"
#include "testutil.h"

/* Line numbers below refer to this text: keep it in step. */
static const char roles[] =
    "roles:\n"						/* 1 */
    "  - id: kliniker\n"				/* 2 */
    "    name: {da: Kliniker, en: Clinician}\n"		/* 3 */
    "    description: {da: Ejer behovet, en: Owns the need}\n"
    "    receives: {da: Alt, en: Everything}\n"		/* 5 */
    "  - id: jurist\n"					/* 6 */
    "    name: {da: Jurist, en: Lawyer}\n"
    "    description: {da: Jura, en: Law}\n"
    "    receives: {da: Spørgsmål, en: Questions}\n"	/* 9 */
    "groups:\n"
    "  - id: it-og-indkoeb\n"
    "    name: {da: It- og indkøb, en: IT and procurement}\n";

static const char track[] =
    "track:\n"						/* 1 */
    "  id: lille\n"					/* 2 */
    "  title: {da: Et lille spor, en: A small track}\n"	/* 3 */
    "  summary: {da: Eksempel, en: Example}\n"		/* 4 */
    "  source: eksempel.txt\n"				/* 5 */
    "  phases:\n"					/* 6 */
    "    - id: start\n"					/* 7 */
    "      title: {da: Start, en: Start}\n"		/* 8 */
    "      steps:\n"					/* 9 */
    "        - id: behov\n"				/* 10 */
    "          title: {da: Afklar behov, en: Clarify the need}\n" /* 11 */
    "          owner: kliniker\n"			/* 12 */
    "          group: it-og-indkoeb\n"			/* 13 */
    "          source: eksempel.txt\n"			/* 14 */
    "          basis: law\n"				/* 15 */
    "          legal: [MDR art. 5(5)]\n"		/* 16 */
    "          guidance: {da: Beskriv behovet, en: Describe the need}\n" /* 17 */
    "          questions:\n"				/* 18 */
    "            - persondata\n"			/* 19 */
    "            - id: dba\n"				/* 20 */
    "              type: yesno\n"			/* 21 */
    "              when: persondata == ja\n"		/* 22 */
    "              prompt: {da: Databehandleraftale?, en: Agreement?}\n" /* 23 */
    "        - id: pris\n"				/* 24 */
    "          title: {da: Pris, en: Price}\n"		/* 25 */
    "          owner: kliniker\n"			/* 26 */
    "          source: eksempel.txt\n"			/* 27 */
    "          basis: practice\n"			/* 28 */
    "          needs: [behov]\n"			/* 29 */
    "          guidance: {da: Sæt pris, en: Set the price}\n" /* 30 */
    "          questions:\n"				/* 31 */
    "            - id: vaerdi\n"			/* 32 */
    "              type: amount\n"			/* 33 */
    "              prompt: {da: Værdi, en: Value}\n";	/* 34 */

static const char bank[] =
    "questions:\n"					/* 1 */
    "  - id: persondata\n"				/* 2 */
    "    type: yesno\n"					/* 3 */
    "    prompt:\n"					/* 4 */
    "      da: Behandler produktet personoplysninger?\n"	/* 5 */
    "      en: Does the product process personal data?\n"	/* 6 */
    "handoffs:\n"					/* 7 */
    "  - id: gdpr\n"					/* 8 */
    "    role: jurist\n"				/* 9 */
    "    when: persondata and dba == nej\n"		/* 10 */
    "    reason: {da: Aftale mangler, en: Agreement missing}\n" /* 11 */
    "    questions: [dba]\n";				/* 12 */

static char *dir;
static struct diags diags;
static struct content *content;

static void
setup(void)
{
	dir = tu_tmpdir();
	memset(&diags, 0, sizeof(diags));
	content = NULL;
}

static void
teardown(void)
{
	content_free(content);
	diag_free(&diags);
	tu_rmrf(dir);
	free(dir);
}

/* Writes the three files, with name replaced by text when given. */
static int
load_with(const char *name, const char *text)
{
	free(tu_write(dir, "journeys/roles.yaml", strcmp(name, "roles") == 0 ? text : roles));
	free(tu_write(dir, "journeys/track.yaml", strcmp(name, "track") == 0 ? text : track));
	free(tu_write(dir, "journeys/bank.yaml", strcmp(name, "bank") == 0 ? text : bank));
	return loader_load(dir, NULL, 0, &diags, &content);
}

/* Replaces the first occurrence of from in src by to. Caller frees. */
static char *
edit(const char *src, const char *from, const char *to)
{
	const char *p = strstr(src, from);

	ck_assert_msg(p != NULL, "fixture lacks '%s'", from);
	return xasprintf("%.*s%s%s", (int)(p - src), src, to, p + strlen(from));
}

static void
dump(void)
{
	size_t i;

	for (i = 0; i < diags.n; i++)
		fprintf(stderr, "  %s:%d:%d: %s\n", diags.v[i].file, diags.v[i].line,
		    diags.v[i].col, diags.v[i].msg);
}

/* Asserts an error in file (by its base name) at line:col mentioning part. */
static void
has_error(const char *file, int line, int col, const char *part)
{
	size_t i;

	for (i = 0; i < diags.n; i++) {
		const struct diag *g = &diags.v[i];
		const char *base = strrchr(g->file, '/');

		if (g->severity == DIAG_ERROR && strcmp(base ? base + 1 : g->file, file) == 0 &&
		    g->line == line && g->col == col && strstr(g->msg, part) != NULL)
			return;
	}
	dump();
	ck_abort_msg("no error %s:%d:%d mentioning '%s'", file, line, col, part);
}

static void
bad(const char *name, const char *from, const char *to)
{
	const char *orig = strcmp(name, "roles") == 0 ? roles :
	    strcmp(name, "track") == 0 ? track : bank;
	char *text = edit(orig, from, to);

	ck_assert_int_eq(load_with(name, text), EX_DATAERR);
	ck_assert_ptr_null(content);
	free(text);
}

START_TEST(good)
{
	const struct track *t;
	const struct step *st;
	const struct question *q;

	ck_assert_int_eq(load_with("", NULL), 0);
	ck_assert_uint_eq(diags.nerrors, 0);
	if (diags.nwarnings)
		dump();
	ck_assert_uint_eq(diags.nwarnings, 0);
	t = content_track(content, "lille");
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(t->nphases, 1);
	ck_assert_uint_eq(t->nsteps, 2);
	st = track_step(t, "behov");
	ck_assert_str_eq(text_in(&st->title, LANG_DA), "Afklar behov");
	ck_assert_str_eq(text_in(&st->title, LANG_EN), "Clarify the need");
	ck_assert_str_eq(st->owner->id, "kliniker");
	ck_assert_str_eq(st->group->id, "it-og-indkoeb");
	ck_assert_int_eq(st->basis, BASIS_LAW);
	ck_assert_str_eq(st->legal.v[0], "MDR art. 5(5)");
	ck_assert_uint_eq(st->nquestions, 2);
	ck_assert_str_eq(st->questions[0]->id, "persondata");
	ck_assert(st->questions[0]->bank);
	ck_assert(!st->questions[1]->bank);
	ck_assert_ptr_nonnull(st->questions[1]->when.expr);
	st = track_step(t, "pris");
	ck_assert_uint_eq(st->nneeds, 1);
	ck_assert_str_eq(st->needs[0]->id, "behov");
	ck_assert_uint_eq(st->index, 1);
	q = content_question(content, "vaerdi");
	ck_assert_int_eq(q->type, Q_AMOUNT);
	ck_assert_ptr_nonnull(content_handoff(content, "gdpr"));
	ck_assert_str_eq(content_handoff(content, "gdpr")->role->id, "jurist");
}
END_TEST

START_TEST(unknown_key)
{
	bad("track", "          basis: practice\n", "          basis: practice\n          colour: red\n");
	has_error("track.yaml", 29, 11, "unknown key 'colour'");
}
END_TEST

START_TEST(comma_in_flow_text)
{
	bad("track", "{da: Pris, en: Price}", "{da: Pris, moms, en: Price}");
	has_error("track.yaml", 25, 29, "put the text in quotes");
}
END_TEST

START_TEST(wrong_type)
{
	bad("track", "legal: [MDR art. 5(5)]", "legal: MDR art. 5(5)");
	has_error("track.yaml", 16, 18, "must be a list");
}
END_TEST

START_TEST(wrong_type_mapping)
{
	bad("track", "  phases:\n", "  phases: nej\n  xphases:\n");
	has_error("track.yaml", 6, 11, "'phases' must be a list");
}
END_TEST

/* unit: percent, on number questions only. */
START_TEST(unit_percent)
{
	char *text = edit(track, "              type: amount\n",
	    "              type: number\n              unit: percent\n");

	ck_assert_int_eq(load_with("track", text), 0);
	ck_assert_int_eq(content_question(content, "vaerdi")->unit, QU_PERCENT);
	ck_assert_int_eq(content_question(content, "persondata")->unit, QU_NONE);
	free(text);
}
END_TEST

START_TEST(unit_on_amount)
{
	bad("track", "              type: amount\n", "              type: amount\n              unit: percent\n");
	has_error("track.yaml", 32, 15, "only number questions have a unit");
}
END_TEST

START_TEST(unit_unknown)
{
	bad("track", "              type: amount\n", "              type: number\n              unit: hours\n");
	has_error("track.yaml", 34, 21, "'unit' is percent, not 'hours'");
}
END_TEST

START_TEST(duplicate_id)
{
	bad("track", "- id: vaerdi", "- id: dba");
	has_error("track.yaml", 32, 15, "duplicate question id 'dba'");
}
END_TEST

START_TEST(duplicate_step)
{
	bad("track", "- id: pris", "- id: behov");
	has_error("track.yaml", 24, 11, "duplicate step id 'behov'");
}
END_TEST

START_TEST(duplicate_key)
{
	bad("track", "          owner: kliniker\n          source",
	    "          owner: kliniker\n          owner: jurist\n          source");
	has_error("track.yaml", 27, 11, "appears twice");
}
END_TEST

/* A question asked only when a question asked only when the first is
 * answered: each is reported where it is defined. */
START_TEST(condition_cycle)
{
	bad("bank", "    type: yesno\n", "    type: yesno\n    when: dba == nej\n");
	has_error("bank.yaml", 2, 5, "whether question 'persondata' is asked depends on its own answer");
	has_error("track.yaml", 20, 15, "whether question 'dba' is asked depends on its own answer");
}
END_TEST

START_TEST(unknown_question)
{
	bad("track", "            - persondata\n", "            - personoplysninger\n");
	has_error("track.yaml", 19, 15, "unknown question 'personoplysninger'");
}
END_TEST

START_TEST(unknown_role)
{
	bad("track", "owner: kliniker\n          group", "owner: laege\n          group");
	has_error("track.yaml", 12, 18, "unknown role 'laege'");
}
END_TEST

START_TEST(unknown_role_handoff)
{
	bad("bank", "role: jurist", "role: advokat");
	has_error("bank.yaml", 9, 11, "unknown role 'advokat'");
}
END_TEST

START_TEST(unknown_option)
{
	bad("bank", "dba == nej", "dba == maaske");
	has_error("bank.yaml", 10, 33, "yes/no");
}
END_TEST

START_TEST(yesno_vs_number)
{
	bad("track", "when: persondata == ja", "when: persondata == 1");
	has_error("track.yaml", 22, 35, "compare it with ja or nej");
}
END_TEST

START_TEST(syntax_in_condition)
{
	bad("track", "when: persondata == ja", "when: persondata == ja and");
	has_error("track.yaml", 22, 41, "expected a question");
}
END_TEST

START_TEST(quoted_condition_column)
{
	bad("track", "when: persondata == ja", "when: \"persondata = ja\"");
	has_error("track.yaml", 22, 33, "'=='");
}
END_TEST

START_TEST(missing_english)
{
	bad("track", "{da: Pris, en: Price}", "{da: Pris}");
	has_error("track.yaml", 25, 18, "'en' is missing");
}
END_TEST

START_TEST(missing_danish)
{
	bad("bank", "      da: Behandler produktet personoplysninger?\n", "");
	has_error("bank.yaml", 5, 7, "'da' is missing");
}
END_TEST

START_TEST(missing_required)
{
	bad("track", "          owner: kliniker\n          group", "          group");
	has_error("track.yaml", 10, 11, "'owner' is missing");
}
END_TEST

START_TEST(bad_type_name)
{
	bad("track", "type: amount", "type: money");
	has_error("track.yaml", 33, 21, "unknown question type 'money'");
}
END_TEST

START_TEST(needs_unknown)
{
	bad("track", "needs: [behov]", "needs: [ukendt]");
	has_error("track.yaml", 29, 19, "unknown step 'ukendt'");
}
END_TEST

START_TEST(law_without_reference)
{
	bad("track", "          legal: [MDR art. 5(5)]\n", "");
	has_error("track.yaml", 10, 11, "names no legal reference");
}
END_TEST

START_TEST(syntax_error)
{
	bad("track", "  id: lille\n", "  id: [lille\n");
	ck_assert_uint_ge(diags.nerrors, 1);
	ck_assert_str_eq(strrchr(diags.v[0].file, '/') + 1, "track.yaml");
	ck_assert_int_ge(diags.v[0].line, 2);
	ck_assert_msg(strstr(diags.v[0].msg, "YAML syntax") != NULL, "%s", diags.v[0].msg);
}
END_TEST

START_TEST(invalid_utf8)
{
	bad("track", "Afklar behov", "Afklar \xff behov");
	has_error("track.yaml", 11, 30, "UTF-8");
	/* Nothing else: references into the unread file are not noise. */
	ck_assert_uint_eq(diags.nerrors, 1);
}
END_TEST

START_TEST(all_errors_reported)
{
	char *a = edit(track, "owner: kliniker\n          group", "owner: laege\n          group");
	char *b = edit(a, "type: amount", "type: money");
	char *c = edit(b, "needs: [behov]", "needs: [ukendt]");

	ck_assert_int_eq(load_with("track", c), EX_DATAERR);
	has_error("track.yaml", 33, 21, "unknown question type");
	/* Type errors stop the linking of that question only. */
	ck_assert_uint_ge(diags.nerrors, 1);
	free(a);
	free(b);
	free(c);
	diag_free(&diags);
	/* Two link errors in one file are both reported. */
	a = edit(track, "owner: kliniker\n          group", "owner: laege\n          group");
	b = edit(a, "needs: [behov]", "needs: [ukendt]");
	ck_assert_int_eq(load_with("track", b), EX_DATAERR);
	has_error("track.yaml", 12, 18, "unknown role");
	has_error("track.yaml", 29, 19, "unknown step");
	free(a);
	free(b);
}
END_TEST

START_TEST(unused_warns)
{
	char *text = xasprintf("%s  - id: ubrugt\n    type: text\n    prompt: {da: U, en: U}\n", bank);
	char *fixed = edit(text, "handoffs:\n", "");
	size_t i;
	bool found = false;

	/* Move the new question before 'handoffs' so it is in the bank. */
	free(fixed);
	fixed = edit(bank, "handoffs:\n", "  - id: ubrugt\n    type: text\n    prompt: {da: U, en: U}\nhandoffs:\n");
	ck_assert_int_eq(load_with("bank", fixed), 0);
	for (i = 0; i < diags.n; i++)
		if (diags.v[i].severity == DIAG_WARNING && diags.v[i].line == 7 &&
		    strstr(diags.v[i].msg, "'ubrugt' is not asked") != NULL)
			found = true;
	ck_assert(found);
	free(text);
	free(fixed);
}
END_TEST

START_TEST(override_file)
{
	char *copy;
	char *text = edit(track, "- id: pris", "- id: behov");

	ck_assert_int_eq(load_with("", NULL), 0);
	content_free(content);
	content = NULL;
	/* A copy elsewhere replaces its namesake in the folder. */
	copy = tu_write(dir, "elsewhere/track.yaml", text);
	ck_assert_int_eq(loader_load(dir, &copy, 1, &diags, &content), EX_DATAERR);
	ck_assert_msg(strstr(diags.v[0].file, "elsewhere/track.yaml") != NULL, "%s", diags.v[0].file);
	has_error("track.yaml", 24, 11, "duplicate step id");
	free(copy);
	free(text);
}
END_TEST

START_TEST(no_content)
{
	ck_assert_int_eq(loader_load(dir, NULL, 0, &diags, &content), EX_NOINPUT);
	ck_assert_uint_eq(diags.nerrors, 1);
}
END_TEST

START_TEST(diag_caret)
{
	char *out;
	FILE *f;
	char *path;

	bad("track", "owner: kliniker\n          group", "owner: læge\n          group");
	path = xasprintf("%s/diag.txt", dir);
	f = fopen(path, "w");
	diag_print(&diags, f);
	fclose(f);
	out = tu_read(path);
	/* The line, then a caret under column 18. */
	ck_assert_msg(strstr(out, "track.yaml:12:18: error:") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "\n           owner: læge\n                  ^\n") != NULL, "%s", out);
	free(out);
	free(path);
}
END_TEST

/* 'requires' on the step pris, after its 'needs': the condition is on
 * line 30 and starts in column 21. */
static char *
with_requires(const char *cond, const char *text)
{
	char *line = xasprintf("needs: [behov]\n          requires: %s%s%s", cond,
	    text ? "\n          requires_text: " : "", text ? text : "");
	char *out = edit(track, "needs: [behov]", line);

	free(line);
	return out;
}

START_TEST(requires_good)
{
	char *text = with_requires("persondata == ja and dba == ja",
	    "{da: aftalen er på plads, en: the agreement is in place}");
	const struct step *st;

	ck_assert_int_eq(load_with("track", text), 0);
	if (diags.nwarnings)
		dump();
	ck_assert_uint_eq(diags.nwarnings, 0);
	st = track_step(content_track(content, "lille"), "pris");
	ck_assert_ptr_nonnull(st->requires.expr);
	ck_assert_int_eq(st->requires.pos.line, 30);
	ck_assert_int_eq(st->requires.pos.col, 21);
	ck_assert_str_eq(text_in(&st->requires_text, LANG_DA), "aftalen er på plads");
	ck_assert_str_eq(step_requires_text(st), "the agreement is in place");
	/* A step without one requires nothing. */
	ck_assert_ptr_null(step_requires_text(track_step(content_track(content, "lille"), "behov")));
	free(text);
	content_free(content);
	content = NULL;
	/* Without a text, the condition speaks for itself. */
	text = with_requires("persondata == ja", NULL);
	ck_assert_int_eq(load_with("track", text), 0);
	st = track_step(content_track(content, "lille"), "pris");
	ck_assert_str_eq(step_requires_text(st), "persondata == ja");
	free(text);
}
END_TEST

/* cond (with text) as pris's 'requires' fails at line:col with part. */
static void
requires_bad(const char *cond, const char *text, int line, int col, const char *part)
{
	char *t = with_requires(cond, text);

	ck_assert_int_eq(load_with("track", t), EX_DATAERR);
	ck_assert_ptr_null(content);
	has_error("track.yaml", line, col, part);
	free(t);
	diag_free(&diags);
}

START_TEST(requires_errors)
{
	requires_bad("persondata == ja and aftale == ja", NULL, 30, 42,
	    "unknown question or setting 'aftale'");
	requires_bad("persondata == 1", NULL, 30, 35, "compare it with ja or nej");
	requires_bad("dba > 2", NULL, 30, 25, "only numbers, amounts and dates can be ordered");
	requires_bad("persondata ==", NULL, 30, 34, "condition");
	/* A step cannot wait for its own answer. */
	requires_bad("persondata and vaerdi > 1000", NULL, 30, 36, "its own question 'vaerdi'");
	requires_bad("persondata", "{da: ' ', en: something}", 24, 11, "blank");
	bad("track", "needs: [behov]",
	    "needs: [behov]\n          requires_text: {da: noget, en: something}");
	has_error("track.yaml", 24, 11, "'requires_text' but no 'requires'");
}
END_TEST

/* A question no step of the track asks: the step would wait for ever in
 * a project that follows only this track. */
START_TEST(requires_other_track_warns)
{
	char *text = with_requires("andet_svar == ja", NULL);
	const char *other =
	    "track:\n"
	    "  id: andet\n"
	    "  title: {da: Andet, en: Other}\n"
	    "  summary: {da: A, en: A}\n"
	    "  source: eksempel.txt\n"
	    "  phases:\n"
	    "    - id: p\n"
	    "      title: {da: P, en: P}\n"
	    "      steps:\n"
	    "        - {id: s, title: {da: S, en: S}, owner: kliniker, source: eksempel.txt,\n"
	    "           basis: practice, guidance: {da: G, en: G},\n"
	    "           questions: [{id: andet_svar, type: yesno, prompt: {da: Q, en: Q}}]}\n";
	size_t i;
	bool found = false;

	free(tu_write(dir, "journeys/other.yaml", other));
	ck_assert_int_eq(load_with("track", text), 0);
	for (i = 0; i < diags.n; i++)
		if (diags.v[i].severity == DIAG_WARNING && diags.v[i].line == 30 &&
		    diags.v[i].col == 21 && strstr(diags.v[i].msg, "waits for ever") != NULL)
			found = true;
	if (!found)
		dump();
	ck_assert(found);
	free(text);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("loader");
	TCase *tc = tcase_create("loader");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, good);
	tcase_add_test(tc, requires_good);
	tcase_add_test(tc, requires_errors);
	tcase_add_test(tc, requires_other_track_warns);
	tcase_add_test(tc, unknown_key);
	tcase_add_test(tc, comma_in_flow_text);
	tcase_add_test(tc, wrong_type);
	tcase_add_test(tc, wrong_type_mapping);
	tcase_add_test(tc, unit_percent);
	tcase_add_test(tc, unit_on_amount);
	tcase_add_test(tc, unit_unknown);
	tcase_add_test(tc, duplicate_id);
	tcase_add_test(tc, duplicate_step);
	tcase_add_test(tc, duplicate_key);
	tcase_add_test(tc, condition_cycle);
	tcase_add_test(tc, unknown_question);
	tcase_add_test(tc, unknown_role);
	tcase_add_test(tc, unknown_role_handoff);
	tcase_add_test(tc, unknown_option);
	tcase_add_test(tc, yesno_vs_number);
	tcase_add_test(tc, syntax_in_condition);
	tcase_add_test(tc, quoted_condition_column);
	tcase_add_test(tc, missing_english);
	tcase_add_test(tc, missing_danish);
	tcase_add_test(tc, missing_required);
	tcase_add_test(tc, bad_type_name);
	tcase_add_test(tc, needs_unknown);
	tcase_add_test(tc, law_without_reference);
	tcase_add_test(tc, syntax_error);
	tcase_add_test(tc, invalid_utf8);
	tcase_add_test(tc, all_errors_reported);
	tcase_add_test(tc, unused_warns);
	tcase_add_test(tc, override_file);
	tcase_add_test(tc, no_content);
	tcase_add_test(tc, diag_caret);
	suite_add_tcase(s, tc);
	return s;
}
