/* SPDX-License-Identifier: EUPL-1.2 */
/* The business case in figures: every total, the payback year and the
 * net present value of a project with known figures against numbers
 * worked out by hand; the answers each figure takes (the real content
 * of journeys/); and the answers that are missing, named.
 *
 * The project worked by hand (horizon 5 years, 3.5 % a year, the
 * default hourly rates: doctors 600 kr., the average 450 kr.):
 *
 *   set-up (finansiering_etablering)                 350.000 kr. in year 0
 *   running cost (driftsomkostning_aar)              120.000 kr. a year
 *   own staff in operation, 100 h a year × 450 kr.    45.000 kr. a year
 *   time saved: 1.760 h × 30 % = 528 h × 600 kr.     316.800 kr. a year
 *   other benefit (anden_gevinst_aar)                 20.000 kr. a year
 *
 *   year 0: net = -350.000                                 cum. -350.000
 *   years 1-5: net = 336.800 - 120.000 - 45.000   =  171.800
 *     cumulative: 1: -178.200  2: -6.400  3: 165.400  4: 337.200  5: 509.000
 *     payback: year 3, the first with a cumulative of 0 or more
 *   totals: set-up 350.000; running 5 × 120.000 = 600.000;
 *     staff 5 × 45.000 = 225.000; benefit 5 × 336.800 = 1.684.000
 *   total cost of ownership: 350.000 + 600.000 + 225.000 = 1.175.000
 *   net: 1.684.000 - 1.175.000 = 509.000 (= the last cumulative)
 *   present values, 171.800 / 1.035^t, each rounded to whole kroner:
 *     1.035^1 = 1,035           165.990,34 -> 165.990
 *     1.035^2 = 1,071225        160.377,14 -> 160.377
 *     1.035^3 = 1,108717875     154.953,76 -> 154.954
 *     1.035^4 = 1,147523000625  149.713,77 -> 149.714
 *     1.035^5 = 1,187686305647  144.650,99 -> 144.651
 *     sum 775.686; NPV = -350.000 + 775.686 = 425.686
 */
#include <stdlib.h>
#include <string.h>

#include "airejse/bizcase.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/loader.h"
#include "airejse/progress.h"
#include "airejse/settings.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static const struct bizcase_in known = {
	.years = 5, .discount_bp = 350,
	.has = { true, true, true, true },
	.setup = 350000, .running = 120000,
	.run_hours = 100, .staff_rate = 450,
	.task_hours = 1760, .saved_pct = 30, .task_rate = 600, .other = 20000,
};

static void
known_figures(const struct bizcase_calc *k)
{
	static const int64_t cum[] = { -350000, -178200, -6400, 165400, 337200, 509000 };
	static const int64_t pv[] = { -350000, 165990, 160377, 154954, 149714, 144651 };
	int t;

	ck_assert(k->complete);
	ck_assert_int_eq(k->years, 5);
	ck_assert_int_eq(k->y[0].v[BC_SETUP], 350000);
	ck_assert_int_eq(k->y[0].v[BC_STAFF], 0);
	ck_assert_int_eq(k->y[0].v[BC_RUNNING], 0);
	ck_assert_int_eq(k->y[0].v[BC_BENEFIT], 0);
	for (t = 1; t <= 5; t++) {
		ck_assert_int_eq(k->y[t].v[BC_SETUP], 0);
		ck_assert_int_eq(k->y[t].v[BC_RUNNING], 120000);
		ck_assert_int_eq(k->y[t].v[BC_STAFF], 45000);
		ck_assert_int_eq(k->y[t].v[BC_BENEFIT], 336800);
		ck_assert_int_eq(k->y[t].net, 171800);
	}
	for (t = 0; t <= 5; t++) {
		ck_assert_int_eq(k->y[t].cumulative, cum[t]);
		ck_assert_int_eq(k->y[t].pv, pv[t]);
	}
	ck_assert_int_eq(k->total[BC_SETUP], 350000);
	ck_assert_int_eq(k->total[BC_RUNNING], 600000);
	ck_assert_int_eq(k->total[BC_STAFF], 225000);
	ck_assert_int_eq(k->total[BC_BENEFIT], 1684000);
	ck_assert(k->has_tco);
	ck_assert_int_eq(k->tco, 1175000);
	ck_assert_int_eq(k->net, 509000);
	ck_assert_int_eq(k->payback, 3);
	ck_assert_int_eq(k->npv, 425686);
}

START_TEST(hand_worked)
{
	struct bizcase_calc k;

	bizcase_calc(&known, &k);
	known_figures(&k);
}
END_TEST

START_TEST(rounding_and_limits)
{
	struct bizcase_in in = known;
	struct bizcase_calc k;

	ck_assert_int_eq(bizcase_round(0.5), 1);
	ck_assert_int_eq(bizcase_round(-0.5), -1);
	ck_assert_int_eq(bizcase_round(2.4999), 2);
	ck_assert_int_eq(bizcase_round(-1234567.5), -1234568);
	/* 12,5 hours × 450 kr. = 5.625 kr.; 33,3 % of 100 h × 330 kr. =
	 * 10.989 kr. */
	in.run_hours = 12.5;
	in.task_hours = 100;
	in.saved_pct = 33.3;
	in.task_rate = 330;
	in.other = 0;
	bizcase_calc(&in, &k);
	ck_assert_int_eq(k.y[1].v[BC_STAFF], 5625);
	ck_assert_int_eq(k.y[1].v[BC_BENEFIT], 10989);
	/* Never paid back within the horizon. */
	ck_assert(k.y[5].cumulative < 0);
	ck_assert_int_eq(k.payback, -1);
	/* No discounting at 0 %: the NPV is the net. */
	in = known;
	in.discount_bp = 0;
	bizcase_calc(&in, &k);
	ck_assert_int_eq(k.npv, 509000);
	/* Nothing to pay back: year 0. */
	in.setup = 0;
	bizcase_calc(&in, &k);
	ck_assert_int_eq(k.payback, 0);
	/* The horizon is kept within 1..30 years. */
	in.years = 99;
	bizcase_calc(&in, &k);
	ck_assert_int_eq(k.years, BIZCASE_MAX_YEARS);
	ck_assert_int_eq(k.total[BC_RUNNING], 30 * 120000);
}
END_TEST

START_TEST(unknown_column)
{
	struct bizcase_in in = known;
	struct bizcase_calc k;

	in.has[BC_BENEFIT] = false;
	bizcase_calc(&in, &k);
	ck_assert(!k.complete);
	ck_assert(k.has_tco);
	ck_assert_int_eq(k.tco, 1175000);
	ck_assert_int_eq(k.total[BC_BENEFIT], 0);
	ck_assert_int_eq(k.npv, 0);
	ck_assert_int_eq(k.payback, -1);
	in = known;
	in.has[BC_STAFF] = false;
	bizcase_calc(&in, &k);
	ck_assert(!k.has_tco);
	ck_assert_int_eq(k.total[BC_STAFF], 0);
}
END_TEST

/* The real content, a project in memory */

static struct content *c;
static struct project p;
static char *tracks[1];
static struct answer answers[32];
static size_t nanswers;

static void
load(void)
{
	struct diags d = { 0 };
	int rc = loader_load(tu_srcdir(), NULL, 0, &d, &c);

	if (rc != 0)
		diag_print(&d, stderr);
	diag_free(&d);
	ck_assert_int_eq(rc, 0);
	memset(&p, 0, sizeof(p));
	p.id = 1;
	p.name = "Tale til notat";
	p.tracks = tracks;
	p.ntracks = 1;
	tracks[0] = "faerdigt-produkt";
	nanswers = 0;
}

static void
unload(void)
{
	content_free(c);
	c = NULL;
}

/* A canonical value, or "?" for don't know. */
static void
ans(const char *q, const char *v)
{
	struct answer *a = &answers[nanswers++];

	memset(a, 0, sizeof(*a));
	a->question = (char *)q;
	a->kind = strcmp(v, "?") == 0 ? ANSWER_DONTKNOW : ANSWER_VALUE;
	a->value = a->kind == ANSWER_VALUE ? (char *)v : NULL;
	a->revision = 1;
}

static void
make(const struct settings *s, struct bizcase *b)
{
	struct progress *pr = progress_new(c, s, &p, answers, nanswers, NULL, 0);

	bizcase_make(pr, s, b);
	progress_free(pr);
}

static bool
names(const struct bizcase_gap *g, size_t n, const char *id, enum answer_kind kind)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(g[i].id, id) == 0)
			return g[i].q != NULL && g[i].kind == kind;
	return false;
}

static bool
from(const struct bizcase_sources *src, const char *id)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		if (strcmp(src->q[i]->id, id) == 0)
			return !src->gap[i];
	return false;
}

static void
known_answers(void)
{
	ans("finansiering_etablering", "350000");
	ans("driftsomkostning_aar", "120000");
	ans("personaletid_drift_timer_aar", "100");
	ans("opgave_timer_aar", "1760");
	ans("forventet_tidsbesparelse", "30");
	ans("opgave_personalegruppe", "laege");
	ans("anden_gevinst_aar", "20000");
}

START_TEST(from_answers)
{
	struct settings s;
	struct bizcase b;

	settings_defaults(&s);
	known_answers();
	make(&s, &b);
	ck_assert_int_eq(b.route, BIZCASE_BUY);
	ck_assert_uint_eq(b.ngaps, 0);
	ck_assert_int_eq(b.task_rate_id, RATE_LAEGE);
	known_figures(&b.calc);
	ck_assert(from(&b.src[BC_SETUP], "finansiering_etablering"));
	ck_assert(from(&b.src[BC_RUNNING], "driftsomkostning_aar"));
	ck_assert(from(&b.src[BC_STAFF], "personaletid_drift_timer_aar"));
	ck_assert(from(&b.src[BC_BENEFIT], "opgave_timer_aar"));
	ck_assert(from(&b.src[BC_BENEFIT], "forventet_tidsbesparelse"));
	ck_assert(from(&b.src[BC_BENEFIT], "anden_gevinst_aar"));
	ck_assert(!b.measured);
	/* The other way is not answered: named, not guessed. */
	ck_assert(!b.has_alt);
	ck_assert(b.alt_asked);
	ck_assert(names(b.alt_gaps, b.nalt_gaps, "alternativ_etablering", ANSWER_NONE));
	bizcase_free(&b);

	/* The site's settings: a dearer doctor, ten years, 5 %. */
	s.rate[RATE_LAEGE] = 700;
	s.horizon_years = 10;
	s.discount_bp = 500;
	ans("alternativ_etablering", "1200000");
	ans("alternativ_drift_aar", "50000");
	make(&s, &b);
	ck_assert_int_eq(b.calc.years, 10);
	/* 528 h × 700 kr. + 20.000 kr. */
	ck_assert_int_eq(b.calc.y[1].v[BC_BENEFIT], 389600);
	ck_assert(b.has_alt);
	ck_assert_int_eq(b.alt.y[0].v[BC_SETUP], 1200000);
	ck_assert_int_eq(b.alt.y[1].v[BC_RUNNING], 50000);
	ck_assert_int_eq(b.alt.y[1].v[BC_BENEFIT], 389600);
	bizcase_free(&b);
	settings_free(&s);
}
END_TEST

START_TEST(measured_saving)
{
	struct bizcase b;

	known_answers();
	ans("maalt_tidsbesparelse", "25");
	make(NULL, &b);
	ck_assert(b.measured);
	ck_assert(from(&b.src[BC_BENEFIT], "maalt_tidsbesparelse"));
	/* 1.760 h × 25 % × 600 kr. + 20.000 kr. */
	ck_assert_int_eq(b.calc.y[1].v[BC_BENEFIT], 284000);
	bizcase_free(&b);
}
END_TEST

START_TEST(missing_named)
{
	struct bizcase b;

	ans("driftsomkostning_aar", "450000");
	ans("forventet_tidsbesparelse", "30");
	ans("opgave_timer_aar", "?");
	make(NULL, &b);
	ck_assert(!b.calc.complete);
	ck_assert(b.calc.has[BC_RUNNING]);
	ck_assert(!b.calc.has[BC_SETUP]);
	ck_assert(!b.calc.has[BC_BENEFIT]);
	ck_assert(names(b.gaps, b.ngaps, "finansiering_etablering", ANSWER_NONE));
	ck_assert(names(b.gaps, b.ngaps, "opgave_timer_aar", ANSWER_DONTKNOW));
	ck_assert(names(b.gaps, b.ngaps, "opgave_personalegruppe", ANSWER_NONE));
	ck_assert(names(b.gaps, b.ngaps, "anden_gevinst_aar", ANSWER_NONE));
	ck_assert(names(b.gaps, b.ngaps, "personaletid_drift_timer_aar", ANSWER_NONE));
	ck_assert(!names(b.gaps, b.ngaps, "driftsomkostning_aar", ANSWER_NONE));
	ck_assert(!names(b.gaps, b.ngaps, "forventet_tidsbesparelse", ANSWER_NONE));
	ck_assert_uint_eq(b.ngaps, 5);
	ck_assert_int_eq(b.calc.total[BC_RUNNING], 5 * 450000);
	/* Traced too: the column names what it needs, answered or not. */
	ck_assert(from(&b.src[BC_BENEFIT], "forventet_tidsbesparelse"));
	ck_assert(!from(&b.src[BC_BENEFIT], "opgave_timer_aar"));
	ck_assert_uint_eq(b.src[BC_BENEFIT].n, 4);
	bizcase_free(&b);
}
END_TEST

START_TEST(build_route)
{
	struct bizcase b;

	tracks[0] = "ny-ide";
	known_answers();
	ans("udviklingsbudget", "500000");
	make(NULL, &b);
	ck_assert_int_eq(b.route, BIZCASE_BUILD);
	/* Development and set-up together in year 0. */
	ck_assert_int_eq(b.calc.y[0].v[BC_SETUP], 850000);
	ck_assert(from(&b.src[BC_SETUP], "udviklingsbudget"));
	bizcase_free(&b);
}
END_TEST

/* A track that does not ask what the other way costs: not named as
 * missing, since the project cannot answer it. */
START_TEST(other_way_not_asked)
{
	struct bizcase b;

	tracks[0] = "rsd-indkoeb";
	known_answers();
	make(NULL, &b);
	ck_assert_uint_eq(b.ngaps, 0);
	ck_assert(b.calc.complete);
	ck_assert(!b.alt_asked);
	ck_assert(!b.has_alt);
	bizcase_free(&b);
}
END_TEST

/* The settings file's keys. */
START_TEST(settings_keys)
{
	char *dir = tu_tmpdir();
	char *path = tu_write(dir, "config.yaml",
	    "hourly_rates:\n  laege: 650\n  sekretaer: 310\n"
	    "horizon_years: 8\ndiscount_rate: \"3,25\"\n");
	char *bad = tu_write(dir, "bad.yaml",
	    "hourly_rates:\n  læge: 650\ndiscount_rate: 3.125\nhorizon_years: 0\n");
	struct diags d = { 0 };
	struct settings s;

	settings_defaults(&s);
	ck_assert_int_eq(s.horizon_years, 5);
	ck_assert_int_eq(s.discount_bp, 350);
	ck_assert_int_eq(s.rate[RATE_GENNEMSNIT], 450);
	ck_assert_int_eq(settings_load(&s, path, &d), 0);
	ck_assert_int_eq(s.rate[RATE_LAEGE], 650);
	ck_assert(s.site_rate[RATE_LAEGE]);
	ck_assert_int_eq(s.rate[RATE_SEKRETAER], 310);
	ck_assert_int_eq(s.rate[RATE_SYGEPLEJERSKE], 400);
	ck_assert(!s.site_rate[RATE_SYGEPLEJERSKE]);
	ck_assert_int_eq(s.horizon_years, 8);
	ck_assert_int_eq(s.discount_bp, 325);
	settings_free(&s);
	settings_defaults(&s);
	ck_assert_int_eq(settings_load(&s, bad, &d), -1);
	ck_assert_int_eq(s.discount_bp, 350);
	ck_assert_int_eq(s.horizon_years, 5);
	settings_free(&s);
	diag_free(&d);
	tu_rmrf(dir);
	free(dir);
	free(path);
	free(bad);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("bizcase");
	TCase *t = tcase_create("arithmetic");
	TCase *a = tcase_create("answers");

	tcase_add_test(t, hand_worked);
	tcase_add_test(t, rounding_and_limits);
	tcase_add_test(t, unknown_column);
	tcase_add_test(t, settings_keys);
	suite_add_tcase(s, t);
	tcase_add_checked_fixture(a, load, unload);
	tcase_add_test(a, from_answers);
	tcase_add_test(a, measured_saving);
	tcase_add_test(a, missing_named);
	tcase_add_test(a, build_route);
	tcase_add_test(a, other_way_not_asked);
	suite_add_tcase(s, a);
	return s;
}
