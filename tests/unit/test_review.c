/* SPDX-License-Identifier: EUPL-1.2 */
/* Review and sign-off by role: what each role reviews, where a review
 * stands, and the sign-off put back to "to be reviewed" by an answer
 * changed after it (also through an import, a clear or a restore: the
 * revision is what counts). */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/content.h"
#include "airejse/loader.h"
#include "airejse/diag.h"
#include "airejse/review.h"
#include "airejse/store.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static const char content_text[] =
    "roles:\n"
    "  - {id: kliniker, name: {da: Kliniker, en: Clinician}, description: {da: K, en: C},"
    " receives: {da: K, en: C}}\n"
    "  - {id: jurist, name: {da: Jurist, en: Lawyer}, description: {da: J, en: L},"
    " receives: {da: J, en: L}}\n"
    "questions:\n"
    "  - {id: persondata, type: yesno, prompt: {da: Persondata?, en: Personal data?}}\n"
    "  - {id: dba, type: yesno, prompt: {da: Aftale?, en: Agreement?}}\n"
    "  - {id: hjemmel, type: text, prompt: {da: Hjemmel?, en: Legal basis?}}\n"
    "  - {id: behov, type: text, prompt: {da: Behov, en: Need}}\n"
    "track:\n"
    "  id: lille\n"
    "  title: {da: Lille, en: Small}\n"
    "  summary: {da: E, en: E}\n"
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
    "          guidance: {da: G, en: G}\n"
    "          questions: [behov, persondata, dba, hjemmel]\n"
    "handoffs:\n"
    "  - id: gdpr\n"
    "    role: jurist\n"
    "    when: persondata\n"
    "    reason: {da: Persondata, en: Personal data}\n"
    "    questions: [dba, hjemmel]\n"
    "checklist:\n"
    "  id: tjek\n"
    "  title: {da: Tjekliste, en: Checklist}\n"
    "  summary: {da: E, en: E}\n"
    "  source: kilde.txt\n"
    "  sections:\n"
    "    - id: jura\n"
    "      title: {da: Jura, en: Law}\n"
    "      items:\n"
    "        - {id: dba, title: {da: Aftale, en: Agreement}, questions: [dba], owner: jurist}\n"
    "        - {id: behov, title: {da: Behov, en: Need}, questions: [behov]}\n";

static char *dir;
static struct content *content;
static struct store *store;
static struct action act;
static int64_t project;

static void
setup(void)
{
	struct diags d = { 0 };
	char *path, *cause = NULL;
	char *const tracks[] = { "lille" };

	dir = tu_tmpdir();
	free(tu_write(dir, "journeys/all.yaml", content_text));
	ck_assert_int_eq(loader_load(dir, NULL, 0, &d, &content), 0);
	diag_free(&d);
	path = xasprintf("%s/t.db", dir);
	ck_assert_int_eq(store_open(path, 0, &store, &cause), 0);
	free(path);
	memset(&act, 0, sizeof(act));
	act.store = store;
	act.content = content;
	act.user = "tester";
	act.source = SOURCE_CLI;
	ck_assert_int_eq(action_project_new(&act, "Projekt", tracks, 1, &project, &cause), 0);
}

static void
teardown(void)
{
	store_close(store);
	content_free(content);
	tu_rmrf(dir);
	free(dir);
}

static void
answer(const char *q, const char *v)
{
	char *cause = NULL;

	ck_assert_msg(action_answer(&act, project, q, v, ACTION_ANY_REVISION, NULL, &cause) == 0,
	    "%s = %s: %s", q, v, cause);
}

/* The board as it stands; *keep holds what it points into. */
struct board {
	struct snapshot		*snap;
	struct review		*v;
	size_t			 n;
	struct review_board	*b;
};

static void
board(struct board *bd)
{
	char *cause = NULL;

	memset(bd, 0, sizeof(*bd));
	ck_assert_int_eq(action_snapshot(&act, project, &bd->snap, &cause), 0);
	ck_assert_int_eq(action_review_board(&act, bd->snap, &bd->v, &bd->n, &bd->b, &cause), 0);
}

static void
board_free(struct board *bd)
{
	review_board_free(bd->b);
	reviews_free(bd->v, bd->n);
	snapshot_free(bd->snap);
}

static const struct review_role *
role(const struct board *bd, const char *id)
{
	return review_role_of(bd->b, content_role(content, id));
}

START_TEST(subjects)
{
	struct board bd;
	const struct review_role *j;

	/* Nothing raised: the jurist owns the agreement item, which applies
	 * only once persondata has an answer (dba's own condition). */
	answer("persondata", "ja");
	board(&bd);
	ck_assert_ptr_nonnull(j = role(&bd, "jurist"));
	ck_assert_uint_eq(j->nsubjects, 2);
	ck_assert_int_eq(j->subjects[0].kind, REVIEW_HANDOFF);
	ck_assert_str_eq(j->subjects[0].subject, "gdpr");
	ck_assert_uint_eq(j->subjects[0].nquestions, 2);
	ck_assert_int_eq(j->subjects[1].kind, REVIEW_SECTION);
	ck_assert_str_eq(j->subjects[1].subject, "tjek/jura");
	/* The clinician's part of the same section: the item it owns by its step. */
	ck_assert_ptr_nonnull(role(&bd, "kliniker"));
	ck_assert_str_eq(role(&bd, "kliniker")->subjects[0].subject, "tjek/jura");
	ck_assert_int_eq(j->status, RS_NOT_SIGNED);
	ck_assert_int_eq(j->subjects[0].status, RS_NOT_REVIEWED);
	board_free(&bd);
}
END_TEST

START_TEST(seen_and_changed)
{
	struct board bd;
	const struct review_role *j;
	char *seen;

	answer("persondata", "ja");
	answer("dba", "nej");
	board(&bd);
	j = role(&bd, "jurist");
	seen = review_seen(bd.snap->progress, j->subjects[0].questions, j->subjects[0].nquestions);
	ck_assert_str_eq(seen, "dba=1,hjemmel=0");
	ck_assert_ptr_null(review_changed(bd.snap->progress, j->subjects[0].questions,
	    j->subjects[0].nquestions, seen));
	/* A question answered since, or one the review never saw answered. */
	ck_assert_ptr_nonnull(review_changed(bd.snap->progress, j->subjects[0].questions,
	    j->subjects[0].nquestions, "dba=0,hjemmel=0"));
	ck_assert_ptr_null(review_changed(bd.snap->progress, j->subjects[0].questions,
	    j->subjects[0].nquestions, "dba=1"));
	free(seen);
	board_free(&bd);
}
END_TEST

START_TEST(signoff_reset)
{
	struct board bd;
	const struct review_role *j;
	char *cause = NULL;

	answer("persondata", "ja");
	answer("dba", "nej");
	ck_assert_int_eq(action_review(&act, project, REVIEW_HANDOFF, "gdpr", NULL,
	    REVIEW_ACCEPTABLE, NULL, &cause), 0);
	ck_assert_int_eq(action_signoff(&act, project, "jurist", "Jens Jensen", false, &cause), 0);
	board(&bd);
	j = role(&bd, "jurist");
	ck_assert_int_eq(j->status, RS_SIGNED);
	ck_assert_str_eq(j->signoff->name, "Jens Jensen");
	ck_assert_str_eq(j->signoff->user, "tester");
	ck_assert_int_eq(j->subjects[0].status, RS_ACCEPTABLE);
	board_free(&bd);
	/* An answer the sign-off covered changes: back to be reviewed,
	 * naming the answer; the clinician's part is untouched. */
	answer("hjemmel", "GDPR art. 6");
	board(&bd);
	j = role(&bd, "jurist");
	ck_assert_int_eq(j->status, RS_TO_REVIEW);
	ck_assert_str_eq(j->changed->id, "hjemmel");
	ck_assert_int_eq(j->subjects[0].status, RS_TO_REVIEW);
	ck_assert_int_eq(j->subjects[1].status, RS_NOT_REVIEWED);
	board_free(&bd);
	/* Not signed again over the stale review: it is reviewed first. */
	ck_assert_int_eq(action_signoff(&act, project, "jurist", NULL, false, &cause), EX_DATAERR);
	ck_assert_msg(strstr(cause, "gennemgå det igen") != NULL || strstr(cause, "review it again"),
	    "%s", cause);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(action_review(&act, project, REVIEW_HANDOFF, "gdpr", NULL,
	    REVIEW_ACCEPTABLE, NULL, &cause), 0);
	ck_assert_int_eq(action_signoff(&act, project, "jurist", NULL, false, &cause), 0);
	board(&bd);
	ck_assert_int_eq(role(&bd, "jurist")->status, RS_SIGNED);
	ck_assert_str_eq(role(&bd, "jurist")->signoff->name, "tester");
	/* Every review and sign-off is kept: the history. */
	ck_assert_uint_eq(bd.n, 4);
	board_free(&bd);
	/* Withdrawn. */
	ck_assert_int_eq(action_signoff(&act, project, "jurist", NULL, true, &cause), 0);
	board(&bd);
	ck_assert_int_eq(role(&bd, "jurist")->status, RS_NOT_SIGNED);
	board_free(&bd);
	ck_assert_int_eq(action_signoff(&act, project, "jurist", NULL, true, &cause), EX_DATAERR);
	free(cause);
}
END_TEST

START_TEST(refusals)
{
	char *cause = NULL;

	answer("persondata", "ja");
	/* To be corrected says what. */
	ck_assert_int_eq(action_review(&act, project, REVIEW_HANDOFF, "gdpr", NULL,
	    REVIEW_TO_CORRECT, "  ", &cause), EX_DATAERR);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(action_review(&act, project, REVIEW_HANDOFF, "gdpr", NULL,
	    REVIEW_TO_CORRECT, "Hjemlen mangler", &cause), 0);
	/* A role does not sign off what it said is to be corrected. */
	ck_assert_int_eq(action_signoff(&act, project, "jurist", NULL, false, &cause), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(cause, "Hjemlen mangler"));
	free(cause);
	cause = NULL;
	/* Two roles own parts of the section: which one is asked. */
	ck_assert_int_eq(action_review(&act, project, REVIEW_SECTION, "tjek/jura", NULL,
	    REVIEW_ACCEPTABLE, NULL, &cause), EX_USAGE);
	ck_assert_ptr_nonnull(strstr(cause, "--role"));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(action_review(&act, project, REVIEW_SECTION, "tjek/jura", "jurist",
	    REVIEW_ACCEPTABLE, NULL, &cause), 0);
	/* No such subject; nothing to sign off for a role without any. */
	ck_assert_int_eq(action_review(&act, project, REVIEW_HANDOFF, "nope", NULL,
	    REVIEW_ACCEPTABLE, NULL, &cause), EX_DATAERR);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(action_review(&act, project, REVIEW_SECTION, "tjek/nope", "jurist",
	    REVIEW_ACCEPTABLE, NULL, &cause), EX_DATAERR);
	free(cause);
	cause = NULL;
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("review");
	TCase *tc = tcase_create("review");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, subjects);
	tcase_add_test(tc, seen_and_changed);
	tcase_add_test(tc, signoff_reset);
	tcase_add_test(tc, refusals);
	suite_add_tcase(s, tc);
	return s;
}
