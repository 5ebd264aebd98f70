#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/cache.h"
#include "airejse/cli.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/paths.h"
#include "airejse/tui.h"
#include "airejse/store.h"
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
global_option(struct cli *cli, int c, const char *arg)
{
	switch (c) {
	case OPT_DB:
		free(cli->db_opt);
		cli->db_opt = xstrdup(arg);
		break;
	case OPT_CONTENT:
		free(cli->content_opt);
		cli->content_opt = xstrdup(arg);
		break;
	case OPT_USER:
		free(cli->user);
		cli->user = xstrdup(arg);
		break;
	case OPT_ROLE:
		free(cli->role);
		cli->role = xstrdup(arg);
		break;
	case OPT_PLAIN:
		cli->plain = true;
		break;
	case OPT_LANG:
		if (lang_parse(arg, &cli->lang) != 0 || strlen(arg) != 2) {
			cli_error(_("unknown language '%s': use --lang da or --lang en"), arg);
			return EX_USAGE;
		}
		cli->lang_opt = true;
		i18n_set_lang(cli->lang);
		break;
	}
	return 0;
}

static int
getopt_core(struct cli *cli, int argc, char **argv, const char *shortopts,
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
			if (global_option(cli, c, optarg) != 0) {
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
cli_getopt(struct cli *cli, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	return getopt_core(cli, argc, argv, shortopts, longopts, false);
}

int
cli_getopt_mixed(struct cli *cli, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	return getopt_core(cli, argc, argv, shortopts, longopts, true);
}

int
cli_content(struct cli *cli)
{
	struct diags d = { 0 };
	char *dir;
	int rc;

	if (cli->content != NULL)
		return 0;
	dir = paths_content(cli->content_opt);
	rc = content_load_cached(dir, &d, &cli->content);
	if (rc != 0) {
		diag_print(&d, stderr);
		if (rc == EX_NOINPUT)
			cli_error(_("cannot read the content in %s: check --content or AIREJSE_CONTENT"), dir);
		else
			cli_error(_("the content in %s has errors (above): fix them, or run 'airejse validate' for the full report"), dir);
	}
	diag_free(&d);
	free(dir);
	return rc;
}

int
cli_store(struct cli *cli, bool writable)
{
	char *cause = NULL;
	int rc;

	if (cli->store == NULL) {
		if (cli->db_path == NULL &&
		    (cli->db_path = paths_db(cli->db_opt, &cause)) == NULL) {
			cli_error("%s", cause);
			free(cause);
			return EX_CANTCREAT;
		}
		if ((rc = store_open(cli->db_path, 0, &cli->store, &cause)) != 0) {
			cli_error("%s", cause);
			free(cause);
			return rc;
		}
	}
	if (writable && (rc = store_check_writable(cli->store, &cause)) != 0) {
		cli_error("%s", cause);
		free(cause);
		return rc;
	}
	return 0;
}

int
cli_action(struct cli *cli, bool writable, struct action *a)
{
	size_t i;
	int rc;

	memset(a, 0, sizeof(*a));
	/* The name goes into the history and the exports: text only. */
	if (!utf8_valid(cli->user, strlen(cli->user)) || strpbrk(cli->user, "\t\r\n") != NULL) {
		cli_error(_("the user name is not one line of UTF-8 text: give another with --user"));
		return EX_USAGE;
	}
	if ((rc = cli_content(cli)) != 0 || (rc = cli_store(cli, writable)) != 0)
		return rc;
	/* The site configuration is read before the content: check its
	 * roles now, so a misspelt one does not go unnoticed. */
	for (i = 0; i < cli->settings.ncontacts; i++) {
		const struct role_contact *ct = &cli->settings.contacts[i];

		if (content_role(cli->content, ct->role) == NULL)
			fprintf(stderr, _("%s:%d:%d: warning: unknown role '%s': its contact is not used\n"),
			    cli->settings.file ? cli->settings.file : "config.yaml", ct->line, ct->col,
			    ct->role);
	}
	a->store = cli->store;
	a->content = cli->content;
	a->settings = &cli->settings;
	a->user = cli->user;
	a->source = SOURCE_CLI;
	return 0;
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

static void
cli_free(struct cli *cli)
{
	store_close(cli->store);
	content_free(cli->content);
	settings_free(&cli->settings);
	free(cli->db_opt);
	free(cli->content_opt);
	free(cli->user);
	free(cli->role);
	free(cli->db_path);
}

/* Language: --lang, else the environment, else the site configuration,
 * else Danish. */
static int
setup(struct cli *cli)
{
	struct diags d = { 0 };
	enum lang env_lang = LANG_DA;
	bool from_env = lang_from_env(&env_lang) == 0;
	char *localedir = paths_localedir();
	char *config;
	int not_utf8 = 0, rc = 0;

	i18n_init(from_env ? env_lang : LANG_DA, localedir, &not_utf8);
	free(localedir);
	settings_defaults(&cli->settings);
	config = paths_config();
	if (settings_load(&cli->settings, config, &d) != 0) {
		diag_print(&d, stderr);
		cli_error(_("the site configuration %s has errors (above): fix it or move it away"), config);
		rc = EX_CONFIG;
	}
	free(config);
	diag_free(&d);
	if (!from_env && cli->settings.has_lang)
		i18n_set_lang(cli->settings.lang);
	cli->lang = i18n_lang();
	if (not_utf8)
		cli_error(_("the locale does not use UTF-8; airejse works in UTF-8 anyway, but set LANG to a UTF-8 locale (e.g. da_DK.UTF-8) for your other programs"));
	if (cli->user == NULL) {
		const char *u = getenv("USER");

		cli->user = xstrdup(u && *u ? u : "unknown");
	}
	return rc;
}

int
cli_main(int argc, char **argv)
{
	struct cli cli;
	const struct command *cmd;
	bool version = false, help = false;
	int c, rc;

	memset(&cli, 0, sizeof(cli));
	/* Messages about the options themselves need gettext first. */
	if ((rc = setup(&cli)) != 0) {
		cli_free(&cli);
		return rc;
	}
	opterr = 1;
	optind = 0;	/* GNU getopt: start afresh (tests call cli_main repeatedly) */
	while ((c = getopt_long(argc, argv, "+h", global_options, NULL)) != -1) {
		if (c == 'h') {
			help = true;
		} else if (c == OPT_VERSION) {
			version = true;
		} else if (c == '?') {
			main_usage(stderr);
			cli_free(&cli);
			return EX_USAGE;
		} else if ((rc = global_option(&cli, c, optarg)) != 0) {
			cli_free(&cli);
			return rc;
		}
	}
	if (version) {
		printf("airejse %s\n", VERSION);
		cli_free(&cli);
		return cli_finish_output(0);
	}
	if (optind >= argc) {
		if (help) {
			main_usage(stdout);
			cli_free(&cli);
			return cli_finish_output(0);
		}
		rc = tui_main(&cli);
		cli_free(&cli);
		return cli_finish_output(rc);
	}
	if ((cmd = cmd_find(argv[optind])) == NULL) {
		cli_error(_("unknown command '%s': see 'airejse --help' for the list"), argv[optind]);
		cli_free(&cli);
		return EX_USAGE;
	}
	argc -= optind;
	argv += optind;
	optind = 1;
	if (help)
		rc = cli_help(cmd);
	else
		rc = cmd->run(&cli, argc, argv);
	cli_free(&cli);
	return cli_finish_output(rc);
}
