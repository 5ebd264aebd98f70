/* SPDX-License-Identifier: EUPL-1.2 */
/* Numbers an older airejse may have misread (audit.h). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/audit.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/loader.h"
#include "airejse/settings.h"
#include "airejse/store.h"
#include "airejse/xalloc.h"
#include "testutil.h"

START_TEST(grouped)
{
	static const struct {
		const char *in, *out;	/* out NULL: could not have been grouped */
	} cases[] = {
		{ "1.2", "1200" }, { "12.345", "12345" }, { "1.25", "1250" },
		{ "0.5", "500" }, { "0.05", "50" }, { "0.005", "5" }, { "~1.5", "~1500" },
		{ "-2.4", "-2400" }, { "~-0.25", "~-250" }, { "100.001", "100001" },
		{ "12", NULL }, { "1.2345", NULL }, { ".5", NULL }, { "1.", NULL },
		{ "1.2.3", NULL }, { "", NULL }, { "~", NULL }, { "a.b", NULL },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = audit_grouped(cases[i].in);

		ck_assert_msg(cases[i].out ? got && strcmp(got, cases[i].out) == 0 : got == NULL,
		    "'%s' gave '%s', want '%s'", cases[i].in, got ? got : "(none)",
		    cases[i].out ? cases[i].out : "(none)");
		free(got);
	}
}
END_TEST

static void
exec(const char *path, const char *sql)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* Answers written by a version-6 airejse are suspects when they could
 * have been grouped thousands the question takes; what this version
 * saves is not, nor is an archived project's. */
START_TEST(misread_by_older)
{
	struct diags d = { 0 };
	char *dir = tu_tmpdir(), *cdir = xasprintf("%s/tests/data/store", tu_srcdir());
	char *path = xasprintf("%s/old.db", dir), *cause = NULL, *tracks[] = { "alpha" };
	struct content *c;
	struct settings set;
	struct audit_suspect *v;
	struct action a;
	struct store *s;
	int64_t p3;
	size_t n;

	ck_assert_int_eq(loader_load(cdir, NULL, 0, &d, &c), 0);
	diag_free(&d);
	settings_defaults(&set);
	ck_assert_int_eq(store_open_version(path, 0, 6, &s, &cause), 0);
	store_close(s);
	exec(path, "INSERT INTO project (id, name, created, changed) VALUES"
	    " (1, 'Øjenklinikken', 1, 1), (2, 'Akut', 1, 1);"
	    "INSERT INTO project_track VALUES (1, 0, 'alpha'), (2, 0, 'alpha');"
	    "INSERT INTO answer VALUES"
	    " (1, 'antal', 'value', '0.05', 1, 10, 'mette', 'cli'),"
	    " (2, 'antal', 'value', '1.2', 1, 10, 'mette', 'cli'),"
	    " (2, 'behov', 'value', '0.5', 1, 10, 'mette', 'cli');"
	    "INSERT INTO answer_event (project, question, old_kind, old_value, new_kind, new_value,"
	    " revision, time, user, source) VALUES"
	    " (1, 'antal', 'none', NULL, 'value', '0.05', 1, 10, 'mette', 'cli'),"
	    " (2, 'antal', 'none', NULL, 'value', '1.2', 1, 10, 'mette', 'cli'),"
	    " (2, 'behov', 'none', NULL, 'value', '0.5', 1, 10, 'mette', 'cli');");
	memset(&a, 0, sizeof(a));
	ck_assert_int_eq(store_open(path, 0, &a.store, &cause), 0);
	store_set_account(a.store, "root");
	a.content = c;
	a.settings = &set;
	a.user = "tester";
	a.source = SOURCE_CLI;

	/* 0,05 may have been 0.050 = 50; 1,2 as 1.200 is more than the
	 * question takes (100); a text is no number. */
	ck_assert_int_eq(audit_misread(&a, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(v[0].project, 1);
	ck_assert_str_eq(v[0].project_name, "Øjenklinikken");
	ck_assert_str_eq(v[0].value, "0.05");
	ck_assert_str_eq(v[0].maybe, "50");
	ck_assert_str_eq(v[0].user, "mette");
	ck_assert_int_eq(v[0].time, 10);
	audit_suspects_free(v, n);

	/* Saved again now (with the account): no longer a suspect. */
	ck_assert_int_eq(action_answer(&a, 1, "antal", "0,07", ACTION_ANY_REVISION, NULL, &cause), 0);
	ck_assert_int_eq(action_project_new(&a, "Ny", tracks, 1, &p3, &cause), 0);
	ck_assert_int_eq(action_answer(&a, p3, "antal", "0,05", ACTION_ANY_REVISION, NULL, &cause), 0);
	ck_assert_int_eq(audit_misread(&a, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 0);
	free(v);

	store_close(a.store);
	content_free(c);
	settings_free(&set);
	tu_rmrf(dir);
	free(dir);
	free(cdir);
	free(path);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("audit");

	tcase_add_test(tc, grouped);
	tcase_add_test(tc, misread_by_older);
	suite_add_tcase(s, tc);
	return s;
}
