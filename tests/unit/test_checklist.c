/* SPDX-License-Identifier: EUPL-1.2 */
/* Checklists in the content: loading, linking, and each kind of error
 * with its file, line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/loader.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static const char base[] =
    "roles:\n"
    "  - id: kliniker\n"
    "    name: {da: Kliniker, en: Clinician}\n"
    "    description: {da: Ejer behovet, en: Owns the need}\n"
    "    receives: {da: Alt, en: Everything}\n"
    "questions:\n"
    "  - id: persondata\n"
    "    type: yesno\n"
    "    prompt: {da: Persondata?, en: Personal data?}\n"
    "  - id: dba\n"
    "    type: yesno\n"
    "    when: persondata\n"
    "    prompt: {da: Databehandleraftale?, en: Agreement?}\n"
    "  - id: pris\n"
    "    type: amount\n"
    "    prompt: {da: Pris, en: Price}\n"
    "dates:\n"
    "  - id: frist\n"
    "    title: {da: Frist, en: Deadline}\n"
    "    date: 2027-08-02\n"
    "    law: Loven\n"
    "    source: kilde.txt\n"
    "    checked: 2026-11-23\n"
    "track:\n"
    "  id: lille\n"
    "  title: {da: Lille, en: Small}\n"
    "  summary: {da: Eksempel, en: Example}\n"
    "  source: kilde.txt\n"
    "  phases:\n"
    "    - id: start\n"
    "      title: {da: Start, en: Start}\n"
    "      steps:\n"
    "        - id: data\n"
    "          title: {da: Data, en: Data}\n"
    "          owner: kliniker\n"
    "          source: kilde.txt\n"
    "          basis: practice\n"
    "          guidance: {da: Gør det, en: Do it}\n"
    "          questions: [persondata, dba]\n"
    "        - id: pris\n"
    "          title: {da: Pris, en: Price}\n"
    "          owner: kliniker\n"
    "          source: kilde.txt\n"
    "          basis: practice\n"
    "          guidance: {da: Gør det, en: Do it}\n"
    "          questions: [pris]\n";

/* Line numbers below refer to this text: keep it in step. */
static const char list[] =
    "checklist:\n"					/* 1 */
    "  id: tjek\n"					/* 2 */
    "  aliases: [checklist]\n"				/* 3 */
    "  title: {da: Tjekliste, en: Checklist}\n"		/* 4 */
    "  summary: {da: Eksempel, en: Example}\n"		/* 5 */
    "  source: kilde.txt\n"				/* 6 */
    "  dates: [frist]\n"				/* 7 */
    "  sections:\n"					/* 8 */
    "    - id: data\n"					/* 9 */
    "      title: {da: Data, en: Data}\n"		/* 10 */
    "      items:\n"					/* 11 */
    "        - id: dba\n"				/* 12 */
    "          title: {da: Aftale, en: Agreement}\n"	/* 13 */
    "          questions: [persondata, dba]\n"		/* 14 */
    "          steps: [lille/data]\n"			/* 15 */
    "          owner: kliniker\n"			/* 16 */
    "          basis: law\n"				/* 17 */
    "          legal: [GDPR art. 28]\n"			/* 18 */
    "          when: not (persondata == nej)\n"		/* 19 */
    "          done: dba == ja\n"			/* 20 */
    "          blocked: dba == nej\n"			/* 21 */
    "          notes:\n"				/* 22 */
    "            - when: dba == nej\n"			/* 23 */
    "              text: {da: Mangler, en: Missing}\n"	/* 24 */
    "        - id: pris\n"				/* 25 */
    "          title: {da: Pris, en: Price}\n"		/* 26 */
    "          questions: [pris]\n"			/* 27 */
    "packet:\n"						/* 28 */
    "  title: {da: Overdragelse, en: Hand-off}\n"		/* 29 */
    "  intro: {da: Hjælp, en: Help}\n"			/* 30 */
    "  context: [persondata]\n";			/* 31 */

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

static int
load(const char *checklist)
{
	free(tu_write(dir, "journeys/base.yaml", base));
	free(tu_write(dir, "checklists/tjek.yaml", checklist));
	return loader_load(dir, NULL, 0, &diags, &content);
}

static void
dump(void)
{
	size_t i;

	for (i = 0; i < diags.n; i++)
		fprintf(stderr, "  %s:%d:%d: %s\n", diags.v[i].file, diags.v[i].line,
		    diags.v[i].col, diags.v[i].msg);
}

/* Asserts a diagnostic at line:col of the checklist mentioning part. */
static void
has(enum diag_severity sev, int line, int col, const char *part)
{
	size_t i;

	for (i = 0; i < diags.n; i++) {
		const struct diag *g = &diags.v[i];

		if (g->severity == sev && strstr(g->file, "tjek.yaml") != NULL &&
		    g->line == line && g->col == col && strstr(g->msg, part) != NULL)
			return;
	}
	dump();
	ck_abort_msg("no diagnostic tjek.yaml:%d:%d mentioning '%s'", line, col, part);
}

/* Loads the checklist with from replaced by to, expecting an error. */
static void
bad(const char *from, const char *to)
{
	const char *p = strstr(list, from);
	char *text;

	ck_assert_msg(p != NULL, "fixture lacks '%s'", from);
	text = xasprintf("%.*s%s%s", (int)(p - list), list, to, p + strlen(from));
	ck_assert_int_eq(load(text), EX_DATAERR);
	ck_assert_ptr_null(content);
	free(text);
}

START_TEST(good)
{
	const struct checklist *cl;
	const struct citem *it;

	ck_assert_int_eq(load(list), 0);
	if (diags.n > 0)
		dump();
	ck_assert_uint_eq(diags.n, 0);
	ck_assert_uint_eq(content->nchecklists, 1);
	cl = content_checklist(content, "tjek");
	ck_assert_ptr_nonnull(cl);
	ck_assert_ptr_eq(content_checklist(content, "checklist"), cl);
	ck_assert_ptr_null(content_checklist(content, "nothing"));
	ck_assert_uint_eq(cl->nsections, 1);
	ck_assert_uint_eq(cl->nitems, 2);
	ck_assert_int_eq(cl->layout, CLAYOUT_TABLE);
	ck_assert_uint_eq(cl->ndates, 1);
	ck_assert_str_eq(cl->dates[0]->id, "frist");
	it = checklist_item_at(cl, 0);
	ck_assert_str_eq(it->id, "dba");
	ck_assert_uint_eq(it->nquestions, 2);
	ck_assert_str_eq(it->questions[1]->id, "dba");
	ck_assert_uint_eq(it->nsteps, 1);
	ck_assert_str_eq(it->steps[0]->id, "data");
	ck_assert_str_eq(it->owner->id, "kliniker");
	ck_assert_int_eq(it->basis, BASIS_LAW);
	ck_assert_ptr_nonnull(it->when.expr);
	ck_assert_ptr_nonnull(it->done.expr);
	ck_assert_ptr_nonnull(it->blocked.expr);
	ck_assert_uint_eq(it->nnotes, 1);
	ck_assert_str_eq(text_in(&it->notes[0].text, LANG_EN), "Missing");
	ck_assert_ptr_eq(it->checklist, cl);
	ck_assert_ptr_eq(it->section, &cl->sections[0]);
	it = checklist_item_at(cl, 1);
	ck_assert_uint_eq(it->index, 1);
	ck_assert_ptr_null(checklist_item_at(cl, 2));
	ck_assert_ptr_nonnull(content->packet);
	ck_assert_uint_eq(content->packet->ncontext, 1);
}
END_TEST

START_TEST(unknown_step)
{
	bad("[lille/data]", "[lille/daat]");
	has(DIAG_ERROR, 15, 19, "unknown step 'daat' in track 'lille'");
}
END_TEST

START_TEST(unknown_track)
{
	bad("[lille/data]", "[stor/data]");
	has(DIAG_ERROR, 15, 19, "unknown track 'stor'");
}
END_TEST

START_TEST(blank_note)
{
	/* The item is named in the message, as everywhere else. */
	bad("en: Missing}", "en: '  '}");
	has(DIAG_ERROR, 23, 15, "the en text of item 'dba' of checklist");
}
END_TEST

START_TEST(step_without_track)
{
	bad("[lille/data]", "[data]");
	has(DIAG_ERROR, 15, 19, "track/step");
}
END_TEST

START_TEST(unknown_question)
{
	bad("[persondata, dba]", "[persondata, dpa]");
	has(DIAG_ERROR, 14, 35, "unknown question 'dpa'");
}
END_TEST

START_TEST(repeated_question)
{
	bad("[persondata, dba]", "[persondata, persondata]");
	has(DIAG_ERROR, 14, 35, "appears twice");
}
END_TEST

START_TEST(no_questions)
{
	bad("          questions: [pris]\n", "          questions: []\n");
	has(DIAG_ERROR, 25, 11, "names no question");
}
END_TEST

START_TEST(unknown_owner)
{
	bad("owner: kliniker", "owner: jurist");
	has(DIAG_ERROR, 16, 18, "unknown role 'jurist'");
}
END_TEST

START_TEST(law_without_legal)
{
	bad("          legal: [GDPR art. 28]\n", "");
	has(DIAG_ERROR, 12, 11, "names no legal reference");
}
END_TEST

START_TEST(bad_condition)
{
	bad("done: dba == ja", "done: dba == jaa");
	has(DIAG_ERROR, 20, 24, "compare it with ja or nej");
}
END_TEST

START_TEST(duplicate_item)
{
	bad("        - id: pris\n", "        - id: dba\n");
	has(DIAG_ERROR, 25, 11, "duplicate item id 'dba'");
}
END_TEST

START_TEST(bad_layout)
{
	bad("  source: kilde.txt\n", "  source: kilde.txt\n  layout: grid\n");
	has(DIAG_ERROR, 7, 11, "'layout' is table");
}
END_TEST

START_TEST(unknown_date)
{
	bad("dates: [frist]", "dates: [fristen]");
	has(DIAG_ERROR, 7, 11, "unknown date 'fristen'");
}
END_TEST

START_TEST(missing_english)
{
	bad("{da: Pris, en: Price}", "{da: Pris}");
	has(DIAG_ERROR, 26, 18, "'en'");
}
END_TEST

START_TEST(packet_context)
{
	bad("context: [persondata]", "context: [persondat]");
	has(DIAG_ERROR, 31, 13, "unknown question 'persondat'");
}
END_TEST

START_TEST(second_packet)
{
	char *text = xasprintf("%s%s", list, "packet:\n  title: {da: A, en: A}\n  intro: {da: B, en: B}\n  context: []\n");

	/* Two packet keys in one file are a duplicate key; in two files, a
	 * second layout. */
	free(tu_write(dir, "checklists/packet2.yaml", strstr(text, "packet:\n  title: {da: A")));
	ck_assert_int_eq(load(list), EX_DATAERR);
	free(text);
	ck_assert_uint_ge(diags.nerrors, 1);
}
END_TEST

START_TEST(alias_taken)
{
	char *text = xasprintf("%s", list);
	char *two;

	two = xasprintf("checklist:\n  id: andet\n  aliases: [checklist]\n"
	    "  title: {da: A, en: A}\n  summary: {da: B, en: B}\n  source: s\n"
	    "  sections:\n    - id: s\n      title: {da: S, en: S}\n      items:\n"
	    "        - id: i\n          title: {da: I, en: I}\n          questions: [pris]\n");
	free(tu_write(dir, "checklists/andet.yaml", two));
	ck_assert_int_eq(load(text), EX_DATAERR);
	ck_assert_uint_ge(diags.nerrors, 1);
	free(text);
	free(two);
}
END_TEST

START_TEST(step_asks_none)
{
	char *p, *text = xstrdup(list);

	p = strstr(text, "[lille/data]");
	memcpy(p, "[lille/pris]", 12);
	ck_assert_int_eq(load(text), 0);
	has(DIAG_WARNING, 15, 19, "asks none of the questions");
	free(text);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("checklist");
	TCase *tc = tcase_create("checklist");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, good);
	tcase_add_test(tc, unknown_step);
	tcase_add_test(tc, unknown_track);
	tcase_add_test(tc, blank_note);
	tcase_add_test(tc, step_without_track);
	tcase_add_test(tc, unknown_question);
	tcase_add_test(tc, repeated_question);
	tcase_add_test(tc, no_questions);
	tcase_add_test(tc, unknown_owner);
	tcase_add_test(tc, law_without_legal);
	tcase_add_test(tc, bad_condition);
	tcase_add_test(tc, duplicate_item);
	tcase_add_test(tc, bad_layout);
	tcase_add_test(tc, unknown_date);
	tcase_add_test(tc, missing_english);
	tcase_add_test(tc, packet_context);
	tcase_add_test(tc, second_packet);
	tcase_add_test(tc, alias_taken);
	tcase_add_test(tc, step_asks_none);
	suite_add_tcase(s, tc);
	return s;
}
