/* SPDX-License-Identifier: EUPL-1.2 */
/* Legal facts: the value in force on a day (both ends of a period count),
 * the threshold a project uses (the site's setting over the fact), the
 * placeholders filled in both languages, a bad placeholder or fact
 * refused once loaded, a figure typed into a text refused by lint, and a
 * fact's check ageing after exactly the set number of months. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/legal.h"
#include "airejse/loader.h"
#include "airejse/settings.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static const char facts_yaml[] =
    "format: 1\n"
    "dates:\n"
    "  - id: bilag-iii\n"
    "    title: {da: Bilag III gælder, en: Annex III applies}\n"
    "    date: 2027-12-02\n"
    "    law: AI-forordningen art. 113\n"
    "    source: Retstekst\n"
    "    checked: 2026-12-04\n"
    "    celex: 32024R1689\n"
    "facts:\n"
    "  - id: udbudsgraense\n"
    "    title: {da: Tærskelværdi, en: Threshold}\n"
    "    law: Udbudsloven § 6\n"
    "    values:\n"
    "      - value: 1644638\n"
    "        from: 2024-01-01\n"
    "        until: 2025-12-31\n"
    "        source: kfst.dk\n"
    "        source_kind: authority\n"
    "        checked: 2026-12-04\n"
    "      - value: 1611360\n"
    "        eur: 216000\n"
    "        from: 2026-01-01\n"
    "        until: 2027-12-31\n"
    "        source: Sekundær kilde – Plesner\n"
    "        checked: 2026-11-30\n"
    "glossary:\n"
    "  - id: udbudsgraense\n"
    "    term: {da: Udbudsgrænse, en: Tender threshold}\n"
    "    definition:\n"
    "      da: Nu {udbudsgraense}, fra {date:bilag-iii}; {{ og }}.\n"
    "      en: Now {udbudsgraense}, from {date:bilag-iii}; {{ and }}.\n";

static struct content *
load(const char *yaml, struct diags *d, int *rc)
{
	char *dir = tu_tmpdir();
	char *path = tu_write(dir, "journeys/f.yaml", yaml);
	struct content *c = NULL;

	*rc = loader_load_files(&path, 1, d, &c);
	free(path);
	tu_rmrf(dir);
	free(dir);
	return c;
}

static bool
said(const struct diags *d, enum diag_severity sev, const char *part)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].severity == sev && strstr(d->v[i].msg, part) != NULL)
			return true;
	return false;
}

START_TEST(value_in_force)
{
	struct diags d = { 0 };
	struct content *c;
	const struct fact *f;
	int rc;

	c = load(facts_yaml, &d, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(legal_link(c, &d), 0);
	f = legal_fact(c, "udbudsgraense");
	ck_assert_ptr_nonnull(f);
	ck_assert_double_eq(legal_value_on(f, "2025-12-31")->value, 1644638);
	ck_assert_double_eq(legal_value_on(f, "2026-01-01")->value, 1611360);
	ck_assert_double_eq(legal_value_on(f, "2027-12-31")->value, 1611360);
	ck_assert_ptr_null(legal_value_on(f, "2028-01-01"));
	ck_assert_ptr_null(legal_value_on(f, "2023-12-31"));
	content_free(c);
	diag_free(&d);
}
END_TEST

START_TEST(threshold_and_fill)
{
	struct diags d = { 0 };
	struct settings s;
	struct content *c;
	char *t;
	int rc;

	c = load(facts_yaml, &d, &rc);
	ck_assert_int_eq(rc, 0);
	settings_defaults(&s);
	ck_assert_double_eq(legal_threshold(c, &s, "2026-06-01", NULL), 1611360);
	ck_assert_double_eq(legal_threshold(c, &s, "2025-06-01", NULL), 1644638);
	/* No value in force: the built-in default, never nothing. */
	ck_assert_double_eq(legal_threshold(c, &s, "2030-01-01", NULL),
	    setting_def(SETTING_TENDER_THRESHOLD)->def);
	t = legal_expand(c, &s, "2026-06-01", "{fact:udbudsgraense} / {date:bilag-iii}", LANG_EN);
	ck_assert_str_eq(t, "DKK 1,611,360 / 2 December 2027");
	free(t);
	legal_fill(c, &s, "2025-06-01");
	ck_assert_double_eq(s.value[SETTING_TENDER_THRESHOLD], 1644638);
	ck_assert_str_eq(c->glossary[0]->definition.s[LANG_DA],
	    "Nu 1.644.638 kr., fra 2. december 2027; { og }.");
	content_free(c);

	/* The site's setting wins over the fact, in texts too. */
	c = load(facts_yaml, &d, &rc);
	s.value[SETTING_TENDER_THRESHOLD] = 1650000;
	s.threshold_set = true;
	legal_fill(c, &s, "2026-06-01");
	ck_assert_double_eq(s.value[SETTING_TENDER_THRESHOLD], 1650000);
	ck_assert_str_eq(c->glossary[0]->definition.s[LANG_EN],
	    "Now DKK 1,650,000, from 2 December 2027; { and }.");
	content_free(c);
	settings_free(&s);
	diag_free(&d);
}
END_TEST

/* yaml with one line replaced: from, to. */
static char *
edited(const char *from, const char *to)
{
	const char *p = strstr(facts_yaml, from);

	ck_assert_ptr_nonnull(p);
	return xasprintf("%.*s%s%s", (int)(p - facts_yaml), facts_yaml, to, p + strlen(from));
}

static void
refused(const char *from, const char *to, const char *why)
{
	struct diags d = { 0 };
	char *y = edited(from, to);
	struct content *c;
	int rc;

	c = load(y, &d, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_gt(legal_link(c, &d), 0);
	ck_assert_msg(said(&d, DIAG_ERROR, why), "no error saying '%s' for '%s'", why, to);
	content_free(c);
	diag_free(&d);
	free(y);
}

START_TEST(bad_facts_refused)
{
	refused("{date:bilag-iii}; {{ og", "{date:bilag-ii}; {{ og", "unknown legal date 'bilag-ii'");
	refused("Nu {udbudsgraense}", "Nu {fact:graense}", "unknown fact 'graense'");
	refused("Nu {udbudsgraense}", "Nu {graense}", "unknown placeholder {graense}");
	refused("{{ og }}", "{ og", "without its '}'");
	refused("{{ og }}", "og }", "without its '{'");
	refused("law: Udbudsloven § 6", "law: Udbudsloven {udbudsgraense}", "takes no placeholder");
	refused("celex: 32024R1689", "celex: 2024/1689", "not a CELEX number");
	refused("source_kind: authority", "source_kind: blog", "not 'blog'");
	refused("from: 2026-01-01", "from: 2025-12-31", "overlaps");
	refused("from: 2026-01-01\n        until: 2027-12-31",
	    "from: 2026-01-01\n        until: 2025-12-31", "before it begins");
	refused("        until: 2025-12-31\n", "", "overlaps");
}
END_TEST

START_TEST(figures_typed_refused)
{
	static const char *const typed[] = {
		"Nu 1.611.360 kr.", "Now DKK 1,644,638", "Nu 1611360 kr.",
		"Fra 2. december 2027", "From 2 December 2027", "Fra 02.12.2027", "Fra 2.12.2027",
	};
	size_t i;

	for (i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		struct diags d = { 0 };
		char *y = edited("Nu {udbudsgraense}", typed[i]);
		struct content *c;
		int rc;

		c = load(y, &d, &rc);
		ck_assert_int_eq(rc, 0);
		legal_lint(c, "2026-12-04", 12, false, &d);
		ck_assert_msg(d.nerrors == 1, "'%s' not refused", typed[i]);
		content_free(c);
		diag_free(&d);
		free(y);
	}
	{
		/* Other figures and dates are free text. */
		struct diags d = { 0 };
		char *y = edited("Nu {udbudsgraense}", "Nu 11.611.3600 kr. eller 12.12.2027");
		struct content *c;
		int rc;

		c = load(y, &d, &rc);
		legal_lint(c, "2026-12-04", 12, false, &d);
		ck_assert_int_eq(d.nerrors, 0);
		content_free(c);
		diag_free(&d);
		free(y);
	}
}
END_TEST

static size_t
stale_warnings(const char *day, int months)
{
	struct diags d = { 0 };
	struct content *c;
	size_t i, n = 0;
	int rc;

	c = load(facts_yaml, &d, &rc);
	legal_lint(c, day, months, true, &d);
	for (i = 0; i < d.n; i++)
		n += strstr(d.v[i].msg, "was last checked") != NULL;
	content_free(c);
	diag_free(&d);
	return n;
}

START_TEST(checks_age)
{
	struct diags d = { 0 };
	struct content *c;
	int rc;

	/* Two checked 2026-12-04, one 2026-11-30. */
	ck_assert_int_eq(stale_warnings("2027-11-30", 12), 0);
	ck_assert_int_eq(stale_warnings("2027-12-01", 12), 1);
	ck_assert_int_eq(stale_warnings("2027-12-04", 12), 1);
	ck_assert_int_eq(stale_warnings("2027-12-05", 12), 3);
	ck_assert_int_eq(stale_warnings("2028-01-04", 12), 3);
	ck_assert_int_eq(stale_warnings("2027-06-04", 6), 1);
	ck_assert_int_eq(stale_warnings("2027-06-05", 6), 3);

	/* Not the legal text: one warning each; no value in force: one. */
	c = load(facts_yaml, &d, &rc);
	legal_lint(c, "2026-12-04", 12, true, &d);
	ck_assert(said(&d, DIAG_WARNING, "authority's page"));
	ck_assert(said(&d, DIAG_WARNING, "secondary source"));
	ck_assert_int_eq(d.nwarnings, 2);
	diag_free(&d);
	legal_lint(c, "2028-01-01", 24, true, &d);
	ck_assert(said(&d, DIAG_WARNING, "no value of 'udbudsgraense' covers today"));
	diag_free(&d);
	legal_lint(c, "2026-12-04", 12, false, &d);
	ck_assert_int_eq(d.n, 0);
	content_free(c);
	diag_free(&d);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("legal");
	TCase *tc = tcase_create("legal");

	tcase_add_test(tc, value_in_force);
	tcase_add_test(tc, threshold_and_fill);
	tcase_add_test(tc, bad_facts_refused);
	tcase_add_test(tc, figures_typed_refused);
	tcase_add_test(tc, checks_age);
	suite_add_tcase(s, tc);
	return s;
}
