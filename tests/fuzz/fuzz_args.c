/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzzes the command line's option parsing (args.c) with the program's
 * own table of commands. The input is the words, separated by NUL
 * bytes; its first byte picks the command (every entry, walked from
 * cli_root, groups included), whose options and the global ones are the
 * tables. Parsed, every option given is one of those tables', with an
 * argument exactly when it takes one, pointing into the words; every
 * operand is one of the words; refused, there is a reason. The same
 * words are then given to the whole program after --help, which walks
 * the table and parses every level as a run does, but only prints help
 * (to /dev/null): no command runs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/args.h"
#include "airejse/cli.h"
#include "airejse/cmd.h"
#include "fuzz.h"

#define MAX_WORDS 64
#define MAX_ENTRIES 64

static const struct cmd_entry *entries[MAX_ENTRIES];
static size_t nentries;

static void
collect(const struct cmd_entry *e)
{
	const struct cmd_entry *const *c;

	if (nentries < MAX_ENTRIES)
		entries[nentries++] = e;
	if (e->sub != NULL)
		for (c = e->sub; *c != NULL; c++)
			collect(*c);
}

/* Whether p points into one of the words (their bytes or their NUL). */
static bool
in_words(const char *p, char **argv, int argc)
{
	int i;

	for (i = 0; i < argc; i++)
		if (p >= argv[i] && p <= argv[i] + strlen(argv[i]))
			return true;
	return false;
}

static bool
in_tables(const struct args_option *o, const struct args_option *const *tables)
{
	const struct args_option *t;
	size_t k;

	for (k = 0; tables[k] != NULL; k++)
		for (t = tables[k]; t->name != NULL; t++)
			if (t == o)
				return true;
	return false;
}

static void
check(const struct cmd_entry *e, int argc, char **argv)
{
	const struct args_option *tables[3] = { cli_global_options, e->options, NULL };
	struct args a;
	char *cause = NULL;
	size_t k, len = 0;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if (args_parse(tables, argc, argv, e->sub != NULL, &a, &cause) != 0) {
		if (cause == NULL || *cause == '\0')
			abort();	/* refused without a reason */
		free(cause);
		args_free(&a);
		return;
	}
	if (cause != NULL || a.noperands > (size_t)argc || a.nv > len)
		abort();
	for (k = 0; k < a.nv; k++) {
		const struct args_option *o = a.v[k].opt;

		if (!in_tables(o, tables) || (o->arg == NULL) != (a.v[k].value == NULL) ||
		    (a.v[k].value != NULL && !in_words(a.v[k].value, argv, argc)))
			abort();
		if (!args_has(&a, o->name) || (o->arg != NULL && args_get(&a, o->name) == NULL))
			abort();
	}
	for (k = 0; k < a.noperands; k++) {
		for (i = 0; i < argc && argv[i] != a.operands[k]; i++)
			;
		if (i == argc)
			abort();
	}
	args_free(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *argv[MAX_WORDS + 3], *p, *end;
	int argc = 0;

	if (nentries == 0) {
		collect(&cli_root);
		/* No command runs, but nothing may touch the user's files. */
		setenv("HOME", "/nonexistent", 1);
		setenv("AIREJSE_DB", "/nonexistent/airejse.db", 1);
		setenv("AIREJSE_CONFIG", "/nonexistent/config.yaml", 1);
	}
	if (size < 1)
		return 0;
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	for (p = buf, end = buf + size - 1; p < end && argc < MAX_WORDS; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	check(entries[data[0] % nentries], argc, argv);

	/* The program, with --help first: a help never runs a command. */
	memmove(argv + 2, argv, sizeof(*argv) * ((size_t)argc + 1));
	argv[0] = "airejse";
	argv[1] = "--help";
	fuzz_quiet(true);
	(void)cli_main(argc + 2, argv);
	fuzz_quiet(false);
	free(buf);
	return 0;
}
