/* The command dispatch: commands, global options anywhere, usage errors
 * and their exit codes. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/cli.h"
#include "airejse/cmd.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static char *dir;
static const char content[] =
    "roles:\n"
    "  - id: kliniker\n"
    "    name: {da: Kliniker, en: Clinician}\n"
    "    description: {da: Ejer behovet, en: Owns the need}\n"
    "    receives: {da: Alt, en: Everything}\n"
    "track:\n"
    "  id: lille\n"
    "  title: {da: Et lille spor, en: A small track}\n"
    "  summary: {da: Et eksempel, en: An example}\n"
    "  source: eksempel.txt\n"
    "  phases:\n"
    "    - id: start\n"
    "      title: {da: Start, en: Start}\n"
    "      steps:\n"
    "        - id: behov\n"
    "          title: {da: Afklar behov, en: Clarify the need}\n"
    "          owner: kliniker\n"
    "          source: eksempel.txt\n"
    "          basis: practice\n"
    "          guidance: {da: Beskriv behovet, en: Describe the need}\n"
    "          questions:\n"
    "            - {id: behov, type: longtext, prompt: {da: Behov?, en: Need?}}\n";

static void
setup(void)
{
	dir = tu_tmpdir();
	free(tu_write(dir, "journeys/lille.yaml", content));
	setenv("AIREJSE_CONTENT", dir, 1);
	setenv("HOME", dir, 1);
	unsetenv("XDG_DATA_HOME");
	/* --lang sets LANGUAGE for gettext; start each test without it. */
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "C.UTF-8", 1);
	unsetenv("XDG_CONFIG_HOME");
}

static void
teardown(void)
{
	unsetenv("AIREJSE_CONTENT");
	tu_rmrf(dir);
	free(dir);
}

/* Runs the program with args (NULL-terminated), stdout into *out. */
static int
run(char **out, ...)
{
	char *argv[32];
	int argc = 0, rc, saved;
	char *path = NULL;
	va_list ap;
	FILE *f;

	argv[argc++] = "airejse";
	va_start(ap, out);
	while (argc < 31 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	path = tu_write(dir, "stdout.txt", "");
	f = fopen(path, "w");
	dup2(fileno(f), STDOUT_FILENO);
	rc = cli_main(argc, argv);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	fclose(f);
	if (out != NULL)
		*out = tu_read(path);
	free(path);
	return rc;
}

START_TEST(dispatch)
{
	char *out;

	ck_assert_ptr_nonnull(cmd_find("journeys"));
	ck_assert_ptr_nonnull(cmd_find("validate"));
	ck_assert_ptr_null(cmd_find("journey"));
	ck_assert_int_eq(run(&out, "--version", NULL), 0);
	ck_assert_msg(strncmp(out, "airejse ", 8) == 0, "%s", out);
	free(out);
	ck_assert_int_eq(run(&out, "journeys", "--format", "tsv", NULL), 0);
	ck_assert_msg(strstr(out, "lille\tEt lille spor\t1\t1\n") != NULL, "%s", out);
	free(out);
}
END_TEST

START_TEST(global_options_anywhere)
{
	char *out;

	ck_assert_int_eq(run(&out, "--lang", "en", "journeys", "--format", "tsv", NULL), 0);
	ck_assert_msg(strstr(out, "A small track") != NULL, "%s", out);
	free(out);
	ck_assert_int_eq(run(&out, "journeys", "--format", "tsv", "--lang", "en", NULL), 0);
	ck_assert_msg(strstr(out, "A small track") != NULL, "%s", out);
	free(out);
	ck_assert_int_eq(run(&out, "journeys", "--lang=da", "-f", "json", NULL), 0);
	ck_assert_msg(strstr(out, "\"title\": \"Et lille spor\"") != NULL, "%s", out);
	free(out);
}
END_TEST

START_TEST(usage_errors)
{
	ck_assert_int_eq(run(NULL, "nosuch", NULL), EX_USAGE);
	ck_assert_int_eq(run(NULL, "--nosuch", NULL), EX_USAGE);
	ck_assert_int_eq(run(NULL, "journeys", "--format", NULL), EX_USAGE);
	ck_assert_int_eq(run(NULL, "journeys", "--format", "yaml", NULL), EX_USAGE);
	ck_assert_int_eq(run(NULL, "journeys", "stray", NULL), EX_USAGE);
	ck_assert_int_eq(run(NULL, "--lang", "de", "journeys", NULL), EX_USAGE);
	ck_assert_int_eq(run(NULL, "validate", "/nonexistent/file.yaml", NULL), EX_NOINPUT);
}
END_TEST

START_TEST(help)
{
	char *out;

	ck_assert_int_eq(run(&out, "--help", NULL), 0);
	ck_assert_msg(strstr(out, "journeys") != NULL, "%s", out);
	free(out);
	ck_assert_int_eq(run(&out, "validate", "--help", NULL), 0);
	ck_assert_msg(strstr(out, "usage: airejse validate") != NULL, "%s", out);
	free(out);
	ck_assert_int_eq(run(&out, "--help", "journeys", NULL), 0);
	ck_assert_msg(strstr(out, "usage: airejse journeys") != NULL, "%s", out);
	free(out);
}
END_TEST

START_TEST(bad_content)
{
	free(tu_write(dir, "journeys/bad.yaml", "track: [\n"));
	ck_assert_int_eq(run(NULL, "journeys", NULL), EX_DATAERR);
	ck_assert_int_eq(run(NULL, "validate", NULL), EX_DATAERR);
}
END_TEST

START_TEST(bad_config)
{
	free(tu_write(dir, ".config/airejse/config.yaml", "udbudsgraense: mange\n"));
	ck_assert_int_eq(run(NULL, "journeys", NULL), EX_CONFIG);
	free(tu_write(dir, ".config/airejse/config.yaml",
	    "organisation: Region Syddanmark\nlanguage: en\nudbudsgraense: 1.500.000 kr.\n"
	    "contacts:\n  - {role: jurist, name: Jens Jensen, email: jj@rsyd.dk}\n"));
	ck_assert_int_eq(run(NULL, "journeys", NULL), 0);
}
END_TEST

/* Out of memory ends the run through the hook the command line
 * installs: EX_OSERR, not an abort (a forked test, see below). */
START_TEST(out_of_memory)
{
	ck_assert_int_eq(run(NULL, "--version", NULL), 0);
	(void)xreallocarray(NULL, SIZE_MAX / 2, 4);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("cli");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, dispatch);
	tcase_add_test(tc, global_options_anywhere);
	tcase_add_test(tc, usage_errors);
	tcase_add_test(tc, help);
	tcase_add_test(tc, bad_content);
	tcase_add_test(tc, bad_config);
	tcase_add_exit_test(tc, out_of_memory, EX_OSERR);
	suite_add_tcase(s, tc);
	return s;
}
