/* SPDX-License-Identifier: EUPL-1.2 */
/* The command line: the parser (args.c), the dispatcher and the table
 * (cli.c), help from the table, usage errors and their exit codes. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <jansson.h>
#include <unistd.h>

#include "airejse/args.h"
#include "airejse/cli.h"
#include "airejse/cmd.h"
#include "airejse/status.h"
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

/* Runs the program with args (NULL-terminated), standard output into
 * *out and standard error into *err (either may be NULL). */
static int
run2(char **out, char **err, ...)
{
	char *argv[32], *paths[2];
	int argc = 0, rc, saved[2], fd[2] = { STDOUT_FILENO, STDERR_FILENO }, i;
	FILE *f[2];
	va_list ap;

	argv[argc++] = "airejse";
	va_start(ap, err);
	while (argc < 31 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	fflush(stdout);
	fflush(stderr);
	paths[0] = tu_write(dir, "stdout.txt", "");
	paths[1] = tu_write(dir, "stderr.txt", "");
	for (i = 0; i < 2; i++) {
		saved[i] = dup(fd[i]);
		f[i] = fopen(paths[i], "w");
		dup2(fileno(f[i]), fd[i]);
	}
	rc = cli_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	for (i = 0; i < 2; i++) {
		dup2(saved[i], fd[i]);
		close(saved[i]);
		fclose(f[i]);
	}
	if (out != NULL)
		*out = tu_read(paths[0]);
	if (err != NULL)
		*err = tu_read(paths[1]);
	free(paths[0]);
	free(paths[1]);
	return rc;
}

#define run(out, ...) run2((out), NULL, __VA_ARGS__)

START_TEST(dispatch)
{
	char *out;

	ck_assert_ptr_eq(cli_find(&cli_root, "journeys"), &cmd_journeys_entry);
	ck_assert_ptr_eq(cli_find(&cli_root, "validate"), &cmd_validate_entry);
	ck_assert_ptr_null(cli_find(&cli_root, "journey"));
	ck_assert_str_eq(cli_find(&cmd_project_entry, "rename")->name, "rename");
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

/* The parser on a table of its own. */
static const struct args_option t_opts[] = {
	{ "format", 'f', "FORMAT", "the format", NULL },
	{ "force", 0, NULL, "replace", NULL },
	{ "yes", 'y', NULL, "do not ask", NULL },
	{ "journey", 'j', "ID", "a track", "track" },
	{ "all", 0, NULL, "all of them", NULL },
	{ "allow", 0, NULL, "allow it", NULL },
	{ NULL, 0, NULL, NULL, NULL }
};
static const struct args_option t_globals[] = {
	{ "lang", 0, "LANG", "the language", NULL },
	{ NULL, 0, NULL, NULL, NULL }
};
static const struct args_option *const t_tables[] = { t_globals, t_opts, NULL };

/* Parses the words (NULL-terminated); *cause is freed and kept in a
 * static buffer for the assertions. */
static char last_cause[256];

static int
parse(struct args *a, bool in_order, ...)
{
	static char *argv[32];
	char *cause = NULL;
	int argc = 0, rc;
	va_list ap;

	va_start(ap, in_order);
	while (argc < 31 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	rc = args_parse(t_tables, argc, argv, in_order, a, &cause);
	snprintf(last_cause, sizeof(last_cause), "%s", cause ? cause : "");
	free(cause);
	return rc;
}

/* Standard output while fn(arg) runs, as a string. */
static char *
stdout_of(void (*fn)(void *), void *arg)
{
	char *path = tu_write(dir, "stdout.txt", ""), *out;
	int saved;
	FILE *f;

	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	f = fopen(path, "w");
	dup2(fileno(f), STDOUT_FILENO);
	fn(arg);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	fclose(f);
	out = tu_read(path);
	free(path);
	return out;
}

/* Two projects as a list prints them: nested, a name with a control in
 * it, Danish letters. */
static json_t *
item(int i)
{
	return json_pack("{s:i, s:s, s:[{s:s, s:i}, {s:s}], s:n}", "id", i,
	    "name", i == 1 ? "Søren \xe2\x80\xae vendt" : "Ærø", "tracks", "id", "ny-ide", "done", 3,
	    "id", "rsd-indkoeb", "due");
}

static void
print_whole(void *arg)
{
	json_t *list = json_array(), *root;
	int i, n = *(int *)arg;

	for (i = 1; i <= n; i++)
		json_array_append_new(list, item(i));
	root = json_pack("{s:o}", "projects", list);
	ck_assert_int_eq(cmd_print_json(root), 0);
	json_decref(root);
}

static void
print_streamed(void *arg)
{
	int i, n = *(int *)arg;

	for (i = 1; i <= n; i++)
		ck_assert_int_eq(cmd_json_item("projects", item(i)), 0);
	ck_assert_int_eq(cmd_json_end("projects"), 0);
}

/* A list written as it is made is the same text as the whole object
 * written at once, with none, one or two items. */
START_TEST(json_list_streamed)
{
	int n;

	for (n = 0; n <= 2; n++) {
		char *whole = stdout_of(print_whole, &n), *streamed = stdout_of(print_streamed, &n);

		ck_assert_str_eq(streamed, whole);
		free(whole);
		free(streamed);
	}
}
END_TEST

static void
print_broken(void *arg)
{
	struct cmd *c = arg;

	ck_assert_int_eq(cmd_json_item("projects", item(1)), 0);
	ck_assert_int_eq(cmd_json_item("projects", item(2)), 0);
	ck_assert_int_eq(cmd_error(c, STATUS_BUSY, "the server went away"), STATUS_BUSY);
}

/* An error after a list has begun ends it and stands beside it: standard
 * output is still one JSON object, with the items written and the error
 * (its code and exit status) a script looks for. */
START_TEST(json_list_broken)
{
	struct cmd c;
	json_error_t jerr;
	json_t *doc, *err;
	char *out;
	int n_two;

	memset(&c, 0, sizeof(c));
	ck_assert_int_eq(parse(&c.args, false, "-f", "json", NULL), 0);
	out = stdout_of(print_broken, &c);
	doc = json_loads(out, 0, &jerr);
	ck_assert_msg(doc != NULL, "%s: %s", jerr.text, out);
	ck_assert_uint_eq(json_array_size(json_object_get(doc, "projects")), 2);
	err = json_object_get(doc, "error");
	ck_assert_str_eq(json_string_value(json_object_get(err, "code")), "busy");
	ck_assert_int_eq(json_integer_value(json_object_get(err, "status")), 75);
	ck_assert_str_eq(json_string_value(json_object_get(err, "message")), "the server went away");
	json_decref(doc);
	free(out);
	/* The next list begins afresh. */
	n_two = 2;
	out = stdout_of(print_streamed, &n_two);
	doc = json_loads(out, 0, &jerr);
	ck_assert_msg(doc != NULL, "%s: %s", jerr.text, out);
	ck_assert_uint_eq(json_array_size(json_object_get(doc, "projects")), 2);
	json_decref(doc);
	free(out);
	args_free(&c.args);
}
END_TEST

START_TEST(parse_options_after_operands)
{
	struct args a;

	ck_assert_int_eq(parse(&a, false, "a", "-f", "json", "b", "--force", "--lang=en", "c",
	    NULL), 0);
	ck_assert_uint_eq(a.noperands, 3);
	ck_assert_str_eq(a.operands[0], "a");
	ck_assert_str_eq(a.operands[1], "b");
	ck_assert_str_eq(a.operands[2], "c");
	ck_assert_str_eq(args_get(&a, "format"), "json");
	ck_assert(args_has(&a, "force"));
	ck_assert(!args_has(&a, "yes"));
	ck_assert_str_eq(args_get(&a, "lang"), "en");
	/* In the order given, the global one among them. */
	ck_assert_uint_eq(a.nv, 3);
	ck_assert_ptr_eq(a.v[2].opt, &t_globals[0]);
	args_free(&a);
}
END_TEST

START_TEST(parse_in_order)
{
	struct args a;

	/* The first operand names a command: the rest are its words. */
	ck_assert_int_eq(parse(&a, true, "--force", "cmd", "--format", "x", "--", NULL), 0);
	ck_assert(args_has(&a, "force"));
	ck_assert(!args_has(&a, "format"));
	ck_assert_uint_eq(a.noperands, 4);
	ck_assert_str_eq(a.operands[0], "cmd");
	ck_assert_str_eq(a.operands[1], "--format");
	ck_assert_str_eq(a.operands[3], "--");
	args_free(&a);
}
END_TEST

START_TEST(parse_double_dash)
{
	struct args a;

	ck_assert_int_eq(parse(&a, false, "-", "a", "--", "-b", "--force", "-f", NULL), 0);
	ck_assert(!args_has(&a, "force"));
	ck_assert(!args_has(&a, "format"));
	ck_assert_uint_eq(a.noperands, 5);
	ck_assert_str_eq(a.operands[0], "-");
	ck_assert_str_eq(a.operands[2], "-b");
	ck_assert_str_eq(a.operands[4], "-f");
	args_free(&a);
}
END_TEST

START_TEST(parse_forms)
{
	struct args a;
	const char *v;
	size_t i = 0;

	ck_assert_int_eq(parse(&a, false, "--format=tsv", "-ftext", "-yf", "-x", NULL), 0);
	ck_assert(args_has(&a, "yes"));
	ck_assert_uint_eq(a.noperands, 0);
	/* Every value in turn; the last one wins for args_get. */
	ck_assert_str_eq(args_next(&a, "format", &i), "tsv");
	ck_assert_str_eq(args_next(&a, "format", &i), "text");
	ck_assert_str_eq(args_next(&a, "format", &i), "-x");
	ck_assert_ptr_null(args_next(&a, "format", &i));
	ck_assert_str_eq(args_get(&a, "format"), "-x");
	args_free(&a);
	/* An alias and the letter are the same option. */
	ck_assert_int_eq(parse(&a, false, "--journey", "a", "--track", "b", "-jc", "--tr=d",
	    NULL), 0);
	i = 0;
	ck_assert_str_eq(args_next(&a, "journey", &i), "a");
	ck_assert_str_eq(args_next(&a, "journey", &i), "b");
	ck_assert_str_eq(args_next(&a, "journey", &i), "c");
	ck_assert_str_eq((v = args_next(&a, "journey", &i)) ? v : "", "d");
	args_free(&a);
	/* A unique beginning names an option; a whole name wins over a
	 * longer one it begins. */
	ck_assert_int_eq(parse(&a, false, "--form", "x", "--all", NULL), 0);
	ck_assert_str_eq(args_get(&a, "format"), "x");
	ck_assert(args_has(&a, "all"));
	ck_assert(!args_has(&a, "allow"));
	args_free(&a);
}
END_TEST

START_TEST(parse_errors)
{
	struct args a;

	ck_assert_int_eq(parse(&a, false, "a", "--nosuch", NULL), EX_USAGE);
	ck_assert_str_eq(last_cause, "unknown option '--nosuch'");
	args_free(&a);
	ck_assert_int_eq(parse(&a, false, "-yz", NULL), EX_USAGE);
	ck_assert_str_eq(last_cause, "unknown option '-z'");
	args_free(&a);
	/* A Danish letter is quoted whole, never half of its two bytes. */
	ck_assert_int_eq(parse(&a, false, "-yø", NULL), EX_USAGE);
	ck_assert_str_eq(last_cause, "unknown option '-ø'");
	args_free(&a);
	ck_assert_int_eq(parse(&a, false, "-\xff", NULL), EX_USAGE);
	ck_assert_str_eq(last_cause, "unknown option '-\xff'");
	args_free(&a);
	ck_assert_int_eq(parse(&a, false, "--format", NULL), EX_USAGE);
	ck_assert_str_eq(last_cause, "option '--format' needs an argument");
	args_free(&a);
	ck_assert_int_eq(parse(&a, false, "-f", NULL), EX_USAGE);
	ck_assert_str_eq(last_cause, "option '-f' needs an argument");
	args_free(&a);
	ck_assert_int_eq(parse(&a, false, "--force=1", NULL), EX_USAGE);
	ck_assert_str_eq(last_cause, "option '--force' takes no argument");
	args_free(&a);
	ck_assert_int_eq(parse(&a, false, "--fo", NULL), EX_USAGE);
	ck_assert_msg(strstr(last_cause, "ambiguous") != NULL, "%s", last_cause);
	args_free(&a);
	ck_assert_int_eq(parse(&a, false, "--al", NULL), EX_USAGE);
	args_free(&a);
}
END_TEST

/* A command is found by its name or its alias. */
START_TEST(find_alias)
{
	static const struct cmd_entry leaf = { "remove", "rm", "X", "remove one", NULL, NULL,
	    1, 1, NULL, NULL };
	static const struct cmd_entry *const subs[] = { &leaf, NULL };
	static const struct cmd_entry group = { "thing", NULL, "remove ...", "things", NULL,
	    NULL, 0, 0, NULL, subs };

	ck_assert_ptr_eq(cli_find(&group, "remove"), &leaf);
	ck_assert_ptr_eq(cli_find(&group, "rm"), &leaf);
	ck_assert_ptr_null(cli_find(&group, "r"));
}
END_TEST

/* Operands too few or too many, an unknown option: 64 and the usage on
 * standard error, from the table. */
START_TEST(operand_counts)
{
	char *err;

	ck_assert_int_eq(run2(NULL, &err, "--lang", "en", "project", "show", NULL), EX_USAGE);
	ck_assert_msg(strstr(err, "usage: airejse project show P") != NULL, "%s", err);
	free(err);
	ck_assert_int_eq(run2(NULL, &err, "project", "show", "1", "2", NULL), EX_USAGE);
	free(err);
	ck_assert_int_eq(run2(NULL, &err, "journeys", "--", "--format", NULL), EX_USAGE);
	free(err);
	ck_assert_int_eq(run2(NULL, &err, "--lang", "en", "journeys", "--nosuch", NULL), EX_USAGE);
	ck_assert_msg(strstr(err, "unknown option '--nosuch'") != NULL, "%s", err);
	ck_assert_msg(strstr(err, "usage: airejse journeys [--format") != NULL, "%s", err);
	free(err);
	ck_assert_int_eq(run2(NULL, &err, "--lang", "en", "project", "new", "--name", "x", NULL),
	    EX_USAGE);
	ck_assert_msg(strstr(err, "give the project's tracks with --journey") != NULL, "%s", err);
	free(err);
	ck_assert_int_eq(run2(NULL, &err, "--lang", "en", "project", "nosuch", NULL), EX_USAGE);
	ck_assert_msg(strstr(err, "unknown command 'project nosuch': use new, list, show, rename, track, delete, restore or purge") != NULL, "%s", err);
	ck_assert_msg(strstr(err, "usage: airejse project delete P") != NULL, "%s", err);
	free(err);
	ck_assert_int_eq(run2(NULL, &err, "project", NULL), EX_USAGE);
	ck_assert_msg(strstr(err, "project new") != NULL, "%s", err);
	free(err);
}
END_TEST

/* Options before, between and after the operands, global ones even
 * between a group and its command; "--" for a name that begins with
 * "-"; Danish letters in a name. */
START_TEST(options_anywhere)
{
	char *out;

	ck_assert_int_eq(run(&out, "project", "new", "--name", "Ærø sygehus", "--track", "lille",
	    NULL), 0);
	ck_assert_str_eq(out, "1\n");
	free(out);
	ck_assert_int_eq(run(&out, "project", "--lang", "en", "list", NULL), 0);
	ck_assert_msg(strstr(out, "CHANGED") != NULL, "%s", out);
	free(out);
	ck_assert_int_eq(run(NULL, "project", "rename", "Ærø sygehus", "--", "-Æblehaven", NULL), 0);
	ck_assert_int_eq(run(&out, "project", "list", "--format", "tsv", NULL), 0);
	ck_assert_msg(strstr(out, "1\t-Æblehaven\tlille\t") != NULL, "%s", out);
	free(out);
	ck_assert_int_eq(run(&out, "project", "show", "--format", "tsv", "1", "--lang=en", NULL), 0);
	ck_assert_msg(strncmp(out, "track\tstep\t", 11) == 0, "%s", out);
	free(out);
	ck_assert_int_eq(run(&out, "project", "show", "-Æblehaven", NULL), EX_USAGE);
	free(out);
}
END_TEST

/* Every command's --help (and -h) from its entry: the usage, the
 * summary, each option with its letter, alias and help, each operand. */
static void
check_help(const char *group, const struct cmd_entry *e)
{
	const struct args_option *o;
	const struct cmd_operand *op;
	char *out, *usage, *opt;
	int rc;

	if (group != NULL)
		rc = run(&out, group, e->name, "-h", NULL);
	else
		rc = run(&out, e->name, "--help", NULL);
	ck_assert_int_eq(rc, 0);
	usage = xasprintf("%s%s%s %s\n", group ? group : "", group ? " " : "", e->name, e->usage);
	ck_assert_msg(strstr(out, usage) != NULL, "%s in %s", usage, out);
	ck_assert_msg(strstr(out, _(e->summary)) != NULL, "%s", out);
	for (o = e->options; o != NULL && o->name != NULL; o++) {
		if (o->letter != 0)
			opt = xasprintf("-%c, --%s%s%s", o->letter, o->name, o->arg ? " " : "",
			    o->arg ? o->arg : "");
		else
			opt = xasprintf("    --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		ck_assert_msg(strstr(out, opt) != NULL, "%s lacks %s", out, opt);
		ck_assert_msg(strstr(out, _(o->help)) != NULL, "%s lacks %s", out, o->help);
		free(opt);
		if (o->alias != NULL) {
			opt = xasprintf("--%s)", o->alias);
			ck_assert_msg(strstr(out, opt) != NULL, "%s lacks %s", out, opt);
			free(opt);
		}
	}
	for (op = e->operands; op != NULL && op->name != NULL; op++) {
		ck_assert_msg(strstr(out, op->name) != NULL, "%s", out);
		ck_assert_msg(strstr(out, _(op->help)) != NULL, "%s lacks %s", out, op->help);
	}
	free(usage);
	free(out);
}

START_TEST(help_from_table)
{
	const struct cmd_entry *const *c, *const *s;
	const struct args_option *o;
	char *out, *line;
	size_t n = 0;

	ck_assert_int_eq(run(&out, "--help", NULL), 0);
	for (c = cli_root.sub; *c != NULL; c++) {
		line = xasprintf("  %-10s %s\n", (*c)->name, _((*c)->summary));
		ck_assert_msg(strstr(out, line) != NULL, "%s lacks %s", out, line);
		free(line);
	}
	for (o = cli_global_options; o->name != NULL; o++) {
		line = xasprintf("--%s", o->name);
		ck_assert_msg(strstr(out, line) != NULL && strstr(out, _(o->help)) != NULL,
		    "%s lacks %s", out, line);
		free(line);
	}
	free(out);
	for (c = cli_root.sub; *c != NULL; c++) {
		if ((*c)->sub == NULL) {
			check_help(NULL, *c);
			n++;
			continue;
		}
		ck_assert_int_eq(run(&out, (*c)->name, "--help", NULL), 0);
		for (s = (*c)->sub; *s != NULL; s++) {
			line = xasprintf("airejse %s %s %s\n", (*c)->name, (*s)->name, (*s)->usage);
			ck_assert_msg(strstr(out, line) != NULL, "%s lacks %s", out, line);
			free(line);
			check_help((*c)->name, *s);
			n++;
		}
		free(out);
	}
	ck_assert_uint_ge(n, 16);
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
	tcase_add_test(tc, parse_options_after_operands);
	tcase_add_test(tc, parse_in_order);
	tcase_add_test(tc, parse_double_dash);
	tcase_add_test(tc, parse_forms);
	tcase_add_test(tc, parse_errors);
	tcase_add_test(tc, find_alias);
	tcase_add_test(tc, operand_counts);
	tcase_add_test(tc, options_anywhere);
	tcase_add_test(tc, help_from_table);
	tcase_add_test(tc, json_list_streamed);
	tcase_add_test(tc, json_list_broken);
	suite_add_tcase(s, tc);
	return s;
}
