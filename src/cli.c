#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/cli.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/plain.h"
#include "airejse/tui.h"
#include "airejse/table.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* Global options get values above any character. */
enum {
	OPT_DB = 1000,
	OPT_LANG,
	OPT_CONTENT,
	OPT_USER,
	OPT_ROLE,
	OPT_PLAIN,
	OPT_VERSION
};

static const struct option global_options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "content", required_argument, NULL, OPT_CONTENT },
	{ "user", required_argument, NULL, OPT_USER },
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("airejse: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_usage(const struct command *cmd)
{
	fprintf(stderr, _("usage: airejse %s %s\n"), cmd->name, cmd->synopsis);
	fprintf(stderr, _("Try 'airejse %s --help' or 'man airejse'.\n"), cmd->name);
	return EX_USAGE;
}

int
cli_help(const struct command *cmd)
{
	printf(_("usage: airejse %s %s\n"), cmd->name, cmd->synopsis);
	printf("%s\n", _(cmd->summary));
	printf(_("See 'man airejse' for the options and the output formats.\n"));
	return cli_finish_output(0);
}

int
cli_format(const char *s, enum out_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = OUT_TEXT;
	else if (strcmp(s, "tsv") == 0)
		*out = OUT_TSV;
	else if (strcmp(s, "json") == 0)
		*out = OUT_JSON;
	else
		return -1;
	return 0;
}

int
cli_format_arg(const char *s, enum out_format *out)
{
	if (cli_format(s, out) == 0)
		return 0;
	cli_error(_("unknown format '%s': use text, tsv or json"), s);
	return EX_USAGE;
}

/* Applies a global option; returns 0 or EX_USAGE. */
static int
global_option(struct app *app, int c, const char *arg)
{
	enum lang lang;

	switch (c) {
	case OPT_DB:
		free(app->db_opt);
		app->db_opt = xstrdup(arg);
		break;
	case OPT_CONTENT:
		free(app->content_opt);
		app->content_opt = xstrdup(arg);
		break;
	case OPT_USER:
		free(app->user);
		app->user = xstrdup(arg);
		break;
	case OPT_ROLE:
		free(app->role);
		app->role = xstrdup(arg);
		break;
	case OPT_PLAIN:
		app->plain = true;
		break;
	case OPT_LANG:
		if (lang_parse(arg, &lang) != 0 || strlen(arg) != 2) {
			cli_error(_("unknown language '%s': use --lang da or --lang en"), arg);
			return EX_USAGE;
		}
		app_set_lang(app, lang);
		break;
	}
	return 0;
}

static int
getopt_core(struct app *app, int argc, char **argv, const char *shortopts,
    const struct option *longopts, bool mixed)
{
	static struct option *merged;
	static const struct option *merged_for;
	size_t n = 0, g = 0;
	char *sopts;
	int c;

	if (merged == NULL || merged_for != longopts) {
		while (longopts != NULL && longopts[n].name != NULL)
			n++;
		while (global_options[g].name != NULL)
			g++;
		free(merged);
		merged = xcalloc(n + g + 1, sizeof(*merged));
		if (n > 0)
			memcpy(merged, longopts, n * sizeof(*merged));
		memcpy(merged + n, global_options, (g + 1) * sizeof(*merged));
		merged_for = longopts;
	}
	/* A leading ':' would change how errors are reported: never use it. */
	sopts = xasprintf("%s%sh", mixed ? "" : "+", shortopts ? shortopts : "");
	/* glibc picks the ordering when it starts afresh, at optind 0. */
	if (mixed && optind == 1)
		optind = 0;
	for (;;) {
		c = getopt_long(argc, argv, sopts, merged, NULL);
		if (c >= OPT_DB && c <= OPT_VERSION) {
			if (c == OPT_VERSION)
				continue;
			if (global_option(app, c, optarg) != 0) {
				c = '?';
				break;
			}
			continue;
		}
		break;
	}
	free(sopts);
	return c;
}

int
cli_getopt(struct app *app, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	return getopt_core(app, argc, argv, shortopts, longopts, false);
}

int
cli_getopt_mixed(struct app *app, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	return getopt_core(app, argc, argv, shortopts, longopts, true);
}

/* Prints what app_* said: the diagnostics, then the cause. */
static int
report(int rc, struct diags *d, char **cause)
{
	diag_print(d, stderr);
	diag_free(d);
	if (*cause != NULL)
		cli_error("%s", *cause);
	free(*cause);
	*cause = NULL;
	return rc;
}

int
cli_content(struct app *app)
{
	struct diags d = { 0 };
	char *cause = NULL;

	return report(app_content(app, &d, &cause), &d, &cause);
}

int
cli_store(struct app *app, bool writable)
{
	struct diags d = { 0 };
	char *cause = NULL;

	return report(app_store(app, writable, &cause), &d, &cause);
}

int
cli_action(struct app *app, bool writable, struct action *a)
{
	struct diags d = { 0 };
	char *cause = NULL;
	int rc;

	if ((rc = report(app_open(app, writable, &d, &cause), &d, &cause)) == 0)
		app_action(app, SOURCE_CLI, a);
	return rc;
}

int
cli_project(struct action *a, const char *key, struct project **out)
{
	char *cause = NULL;
	int rc;

	if ((rc = action_project_find(a, key, out, &cause)) != 0) {
		cli_error("%s", cause);
		free(cause);
	}
	return rc;
}

void
cli_row(struct table *t, ...)
{
	const char **cells = xcalloc(t->ncols, sizeof(*cells));
	va_list ap;
	size_t i;

	va_start(ap, t);
	for (i = 0; i < t->ncols; i++)
		cells[i] = va_arg(ap, const char *);
	va_end(ap);
	table_add(t, cells);
	free(cells);
}

int
cli_print_json(void *json)
{
	int rc = json_dumpf(json, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	fputc('\n', stdout);
	return rc == 0 ? 0 : EX_IOERR;
}

int
cli_finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("cannot write the output: %s"), strerror(errno ? errno : EIO));
		return status ? status : EX_IOERR;
	}
	return status;
}

static void
main_usage(FILE *out)
{
	const struct command *c;

	fprintf(out, _("usage: airejse [--db FILE] [--lang da|en] [--role ROLE] [--plain]\n"
	    "       airejse COMMAND [ARGS...]\n\n"
	    "Without a command, airejse opens the guided journey in the terminal.\n\n"
	    "Commands:\n"));
	for (c = cmd_table; c->name != NULL; c++)
		fprintf(out, "  %-10s %s\n", c->name, _(c->summary));
	fprintf(out, _("\nOptions:\n"
	    "  --db FILE       the database (default ~/.local/share/airejse/airejse.db)\n"
	    "  --lang da|en    the language of the program and the content\n"
	    "  --content DIR   read the journeys from DIR\n"
	    "  --user NAME     the name recorded in the history (default $USER)\n"
	    "  --role ROLE     start in the view of one role's hand-offs\n"
	    "  --plain         plain numbered prompts instead of the full screen\n"
	    "  --help, --version\n\n"
	    "See 'man airejse' for more.\n"));
}

/* Out of memory: the terminal back first, then the message. */
static void
out_of_memory(void)
{
	static const char msg[] = "airejse: out of memory\n";

	tui_restore_terminal();
	(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
	exit(EX_OSERR);
}

/* The terminal program, else the plain prompts: asked for (--plain), or
 * a terminal curses cannot drive. */
static int
front_end(struct app *app)
{
	struct action a;
	char *cause = NULL;
	int rc;

	/* A read-only database still opens, to look; a save says why not. */
	if ((rc = cli_action(app, false, &a)) != 0)
		return rc;
	if ((rc = tui_main(app, &cause)) == TUI_PLAIN) {
		if (cause != NULL)
			cli_error("%s", cause);
		free(cause);
		return plain_main(app);
	}
	if (cause != NULL)
		cli_error("%s", cause);
	free(cause);
	return rc;
}

int
cli_main(int argc, char **argv)
{
	struct diags d = { 0 };
	struct app app;
	const struct command *cmd;
	char *cause = NULL;
	bool version = false, help = false;
	int c, rc;

	xalloc_on_oom(out_of_memory);
	/* Messages about the options themselves need gettext first. */
	rc = report(app_init(&app, &d, &cause), &d, &cause);
	if (app.not_utf8)
		cli_error(_("the locale does not use UTF-8; airejse works in UTF-8 anyway, but set LANG to a UTF-8 locale (e.g. da_DK.UTF-8) for your other programs"));
	if (rc != 0)
		goto out;
	opterr = 1;
	optind = 0;	/* GNU getopt: start afresh (tests call cli_main repeatedly) */
	while ((c = getopt_long(argc, argv, "+h", global_options, NULL)) != -1) {
		if (c == 'h') {
			help = true;
		} else if (c == OPT_VERSION) {
			version = true;
		} else if (c == '?') {
			main_usage(stderr);
			rc = EX_USAGE;
			goto out;
		} else if ((rc = global_option(&app, c, optarg)) != 0) {
			goto out;
		}
	}
	if (version) {
		printf("airejse %s\n", VERSION);
	} else if (optind >= argc && help) {
		main_usage(stdout);
	} else if (optind >= argc) {
		rc = front_end(&app);
	} else if ((cmd = cmd_find(argv[optind])) == NULL) {
		cli_error(_("unknown command '%s': see 'airejse --help' for the list"), argv[optind]);
		rc = EX_USAGE;
		goto out;
	} else {
		argc -= optind;
		argv += optind;
		optind = 1;
		rc = help ? cli_help(cmd) : cmd->run(&app, argc, argv);
	}
	rc = cli_finish_output(rc);
out:
	app_free(&app);
	return rc;
}
