/* SPDX-License-Identifier: EUPL-1.2 */
/* Site settings that confirm who owns a step (groups: confirm:): a good
 * confirmation makes the step's group confirmed, one naming another
 * group overrides the content's assumption, and an unknown track, step
 * or group, or a key that is not track/step, is an error at the
 * setting's line and column naming the step by its text. */
#include <stdlib.h>
#include <string.h>

#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/loader.h"
#include "airejse/settings.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static const char content_yaml[] =
    "format: 1\n"
    "roles:\n"
    "  - id: kliniker\n"
    "    name: {da: Kliniker, en: Clinician}\n"
    "    description: {da: Ejer behovet, en: Owns the need}\n"
    "    receives: {da: Alt, en: Everything}\n"
    "groups:\n"
    "  - id: strategi\n"
    "    name: {da: Strategigruppen, en: The strategy group}\n"
    "  - id: indkoeb\n"
    "    name: {da: Indkøb, en: Procurement}\n"
    "track:\n"
    "  id: spor\n"
    "  title: {da: Et spor, en: A track}\n"
    "  summary: {da: Eksempel, en: Example}\n"
    "  source: eksempel.txt\n"
    "  phases:\n"
    "    - id: fase\n"
    "      title: {da: Fase, en: Phase}\n"
    "      steps:\n"
    "        - id: behov\n"
    "          title: {da: Afklar behovet, en: Clarify the need}\n"
    "          owner: kliniker\n"
    "          group: strategi\n"
    "          group_confirmed: false\n"
    "          source: eksempel.txt\n"
    "        - id: udbud\n"
    "          title: {da: Udbud, en: Tender}\n"
    "          owner: kliniker\n"
    "          group: indkoeb\n"
    "          source: eksempel.txt\n";

struct fixture {
	char		*dir;
	struct content	*c;
	struct settings	 s;
	struct diags	 d;
	const char	*bad;	/* the file of the first error */
};

/* Loads the content and reads settings_yaml as the site's settings;
 * returns what settings_load returned. */
static int
setup(struct fixture *f, const char *settings_yaml)
{
	char *path, *conf;
	int rc;

	memset(f, 0, sizeof(*f));
	f->dir = tu_tmpdir();
	path = tu_write(f->dir, "journeys/c.yaml", content_yaml);
	ck_assert_int_eq(loader_load_files(&path, 1, &f->d, &f->c), 0);
	free(path);
	/* Only the settings' own diagnostics below (the steps ask nothing). */
	diag_free(&f->d);
	settings_defaults(&f->s);
	conf = tu_write(f->dir, "config.yaml", settings_yaml);
	rc = settings_load(&f->s, conf, &f->d);
	free(conf);
	return rc;
}

/* Loads the content with "groups: confirm: entry" as the settings and
 * applies them; returns the number of errors. */
static size_t
confirm(struct fixture *f, const char *entry)
{
	char *yaml = xasprintf("groups:\n  confirm:\n    %s\n", entry);

	ck_assert_int_eq(setup(f, yaml), 0);
	free(yaml);
	return settings_confirm_groups(&f->s, f->c, &f->d, &f->bad);
}

static void
teardown(struct fixture *f)
{
	content_free(f->c);
	settings_free(&f->s);
	diag_free(&f->d);
	tu_rmrf(f->dir);
	free(f->dir);
}

static struct step *
step(struct fixture *f, size_t i)
{
	return &f->c->tracks[0]->phases[0].steps[i];
}

/* The one error in d: at line, col, saying part. */
static void
error_at(const struct diags *d, int line, int col, const char *part)
{
	ck_assert_uint_eq(d->nerrors, 1);
	ck_assert_int_eq(d->v[0].line, line);
	ck_assert_int_eq(d->v[0].col, col);
	ck_assert_msg(strstr(d->v[0].msg, part) != NULL, "'%s' lacks '%s'", d->v[0].msg, part);
}

START_TEST(content_marks_assumption)
{
	struct fixture f;
	char *t;

	ck_assert_int_eq(setup(&f, "organisation: X\n"), 0);
	ck_assert(step(&f, 0)->group_assumed);
	ck_assert(!step(&f, 1)->group_assumed);
	t = step_group_text(step(&f, 0), LANG_EN);
	ck_assert_str_eq(t, "The strategy group (to be confirmed)");
	free(t);
	t = step_group_text(step(&f, 1), LANG_EN);
	ck_assert_str_eq(t, "Procurement");
	free(t);
	ck_assert_uint_eq(settings_confirm_groups(&f.s, f.c, &f.d, NULL), 0);
	ck_assert(step(&f, 0)->group_assumed);
	teardown(&f);
}
END_TEST

START_TEST(confirm_good)
{
	struct fixture f;

	ck_assert_uint_eq(confirm(&f, "spor/behov: strategi"), 0);
	ck_assert_uint_eq(f.s.nconfirms, 1);
	ck_assert_str_eq(f.s.confirms[0].track, "spor");
	ck_assert_str_eq(f.s.confirms[0].step, "behov");
	ck_assert_ptr_null(f.bad);
	ck_assert(!step(&f, 0)->group_assumed);
	ck_assert_str_eq(step(&f, 0)->group->id, "strategi");
	teardown(&f);

	/* Naming another group overrides the content's assumption. */
	ck_assert_uint_eq(confirm(&f, "spor/behov: indkoeb"), 0);
	ck_assert(!step(&f, 0)->group_assumed);
	ck_assert_str_eq(step(&f, 0)->group->id, "indkoeb");
	teardown(&f);
}
END_TEST

START_TEST(confirm_unknown_step)
{
	struct fixture f;

	ck_assert_uint_eq(confirm(&f, "spor/behv: strategi"), 1);
	ck_assert(strstr(f.bad, "config.yaml") != NULL);
	error_at(&f.d, 3, 5, "'A track' has no step 'behv'");
	ck_assert(step(&f, 0)->group_assumed);
	teardown(&f);

	ck_assert_uint_eq(confirm(&f, "andet/behov: strategi"), 1);
	error_at(&f.d, 3, 5, "no track 'andet'");
	teardown(&f);

	/* Not track/step at all: the settings file itself is wrong. */
	ck_assert_int_eq(setup(&f, "groups:\n  confirm:\n    behov: strategi\n"), -1);
	error_at(&f.d, 3, 5, "'behov' is not a step");
	teardown(&f);
}
END_TEST

START_TEST(confirm_unknown_group)
{
	struct fixture f;

	ck_assert_uint_eq(confirm(&f, "spor/behov: strategien"), 1);
	error_at(&f.d, 3, 17, "'Clarify the need' cannot be confirmed as owned by 'strategien'");
	ck_assert(step(&f, 0)->group_assumed);
	ck_assert_str_eq(step(&f, 0)->group->id, "strategi");
	teardown(&f);
}
END_TEST

/* The content's own field: true or false, and only beside a group. */
START_TEST(content_field_checked)
{
	struct diags d = { 0 };
	struct content *c = NULL;
	char *dir = tu_tmpdir(), *path, *yaml;

	yaml = xstrdup(content_yaml);
	memcpy(strstr(yaml, "false\n"), "nej  ", 5);
	path = tu_write(dir, "journeys/c.yaml", yaml);
	ck_assert_int_ne(loader_load_files(&path, 1, &d, &c), 0);
	error_at(&d, 25, 28, "'group_confirmed' is true or false, not 'nej'");
	free(path);
	free(yaml);
	diag_free(&d);

	yaml = xstrdup(content_yaml);
	memcpy(strstr(yaml, "group: strategi\n"), "#", 1);
	path = tu_write(dir, "journeys/c.yaml", yaml);
	ck_assert_int_ne(loader_load_files(&path, 1, &d, &c), 0);
	error_at(&d, 21, 11, "step 'behov' says its group is not confirmed");
	free(path);
	free(yaml);
	diag_free(&d);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("settings");
	TCase *tc = tcase_create("settings");

	tcase_add_test(tc, content_marks_assumption);
	tcase_add_test(tc, confirm_good);
	tcase_add_test(tc, confirm_unknown_step);
	tcase_add_test(tc, confirm_unknown_group);
	tcase_add_test(tc, content_field_checked);
	suite_add_tcase(s, tc);
	return s;
}
