/* SPDX-License-Identifier: EUPL-1.2 */
/* The program: the global options, the table of commands and the one
 * dispatcher that parses a command's options and operands from its
 * entry; without a command, the terminal program or the plain prompts. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "config.h"
#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/cli.h"
#include "airejse/cmd.h"
#include "airejse/diag.h"
#include "airejse/plain.h"
#include "airejse/status.h"
#include "airejse/strbuf.h"
#include "airejse/tui.h"
#include "airejse/xalloc.h"

enum {
	G_DB,
	G_LANG,
	G_CONTENT,
	G_USER,
	G_ROLE,
	G_PLAIN,
	G_HELP,
	G_VERSION
};

/* Taken anywhere on the line, before or after the command. */
const struct args_option cli_global_options[] = {
	[G_DB] = { "db", 0, NC_("placeholder", "FILE"),
	    N_("the database: a file (default ~/.local/share/airejse/airejse.db), or a PostgreSQL server's by a connection string"), NULL },
	[G_LANG] = { "lang", 0, "da|en", N_("the language of the program and the content"), NULL },
	[G_CONTENT] = { "content", 0, NC_("placeholder", "DIR"), N_("read the journeys from DIR"), NULL },
	[G_USER] = { "user", 0, NC_("placeholder", "NAME"), N_("the name recorded in the history (default $USER)"), NULL },
	[G_ROLE] = { "role", 0, NC_("placeholder", "ROLE"), N_("start in the view of one role's hand-offs"), NULL },
	[G_PLAIN] = { "plain", 0, NULL, N_("plain numbered prompts instead of the full screen"), NULL },
	[G_HELP] = { "help", 'h', NULL, N_("the commands, or one command's options and operands"), NULL },
	[G_VERSION] = { "version", 0, NULL, N_("the version"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

/* In the order --help lists them. */
static const struct cmd_entry *const commands[] = {
	&cmd_journeys_entry,
	&cmd_validate_entry,
	&cmd_project_entry,
	&cmd_answer_entry,
	&cmd_next_entry,
	&cmd_calendar_entry,
	&cmd_handoffs_entry,
	&cmd_handoff_entry,
	&cmd_review_entry,
	&cmd_signoff_entry,
	&cmd_search_entry,
	&cmd_history_entry,
	&cmd_export_entry,
	&cmd_import_entry,
	&cmd_backup_entry,
	&cmd_check_entry,
	&cmd_compare_entry,
	&cmd_db_entry,
	NULL
};

static int front_end(struct cmd *self);

/* The program itself: a group whose commands are the table, run without
 * one as the terminal program. */
const struct cmd_entry cli_root = {
	"airejse", NULL, N_("[--db FILE] [--lang da|en] [--role ROLE] [--plain]"),
	NULL,	/* main_help is its help */
	NULL, NULL, 0, 0, front_end, commands
};

/* What the global options asked for besides the app's settings. */
struct globals {
	bool	help;
	bool	version;
};

/* Applies the global options among args to the app; returns 0 or
 * EX_USAGE (said). */
static int
apply_globals(struct app *app, const struct args *args, struct globals *g)
{
	size_t i, k;
	enum lang lang;

	for (i = 0; i < args->nv; i++) {
		const char *v = args->v[i].value;

		for (k = 0; cli_global_options[k].name != NULL; k++)
			if (args->v[i].opt == &cli_global_options[k])
				break;
		switch (k) {
		case G_DB:
			free(app->db_opt);
			app->db_opt = xstrdup(v);
			break;
		case G_CONTENT:
			free(app->content_opt);
			app->content_opt = xstrdup(v);
			break;
		case G_USER:
			free(app->user);
			app->user = xstrdup(v);
			break;
		case G_ROLE:
			free(app->role);
			app->role = xstrdup(v);
			break;
		case G_PLAIN:
			app->plain = true;
			break;
		case G_LANG:
			if (lang_parse(v, &lang) != 0 || strlen(v) != 2)
				return cmd_error(NULL, EX_USAGE,
				    _("unknown language '%s': use --lang da or --lang en"), v);
			app_set_lang(app, lang);
			break;
		case G_HELP:
			g->help = true;
			break;
		case G_VERSION:
			g->version = true;
			break;
		}
	}
	return 0;
}

/* airejse --help: the commands and the global options. */
static void
main_help(FILE *out)
{
	const struct cmd_entry *const *c;

	fprintf(out, _("usage: airejse [--db FILE] [--lang da|en] [--role ROLE] [--plain]\n"
	    "       airejse COMMAND [ARGS...]\n\n"
	    "Without a command, airejse opens the guided journey in the terminal.\n\n"
	    "Commands:\n"));
	for (c = commands; *c != NULL; c++)
		fprintf(out, "  %-10s %s\n", (*c)->name, _((*c)->summary));
	fprintf(out, _("\nOptions:\n"));
	cmd_print_options(out, cli_global_options);
	fprintf(out, _("\nSee 'man airejse' for more.\n"));
}

/* A group's usage: a line for each of its commands. */
static void
group_usage(FILE *out, const char *name, const struct cmd_entry *e)
{
	const struct cmd_entry *const *c;
	char *full;

	for (c = e->sub; *c != NULL; c++) {
		full = xasprintf("%s %s", name, (*c)->name);
		cmd_usage_line(out, full, *c);
		free(full);
	}
}

const struct cmd_entry *
cli_find(const struct cmd_entry *group, const char *name)
{
	const struct cmd_entry *const *c;

	for (c = group->sub; *c != NULL; c++)
		if (strcmp((*c)->name, name) == 0 ||
		    ((*c)->alias != NULL && strcmp((*c)->alias, name) == 0))
			return *c;
	return NULL;
}

/* An unknown command: what is there instead. */
static int
unknown(const char *group, const struct cmd_entry *e, const char *word)
{
	const struct cmd_entry *const *c;
	struct strbuf sb = STRBUF_INIT;

	if (e == &cli_root)
		return cmd_error(NULL, EX_USAGE,
		    _("unknown command '%s': see 'airejse --help' for the list"), word);
	for (c = e->sub; *c != NULL; c++)
		sb_addf(&sb, "%s%s", c == e->sub ? "" : c[1] == NULL ? _(" or ") : ", ", (*c)->name);
	/* L10N: e.g. unknown command 'project x': use new, list or delete */
	cmd_error(NULL, EX_USAGE, _("unknown command '%s %s': use %s"), group, word, sb_str(&sb));
	sb_free(&sb);
	group_usage(stderr, group, e);
	return EX_USAGE;
}

/* Runs a command line (the words after the program's name) on app:
 * the words choose an entry, a group's entries by their first operand;
 * the entry's options, with the global ones, are parsed, its operands
 * counted, and its exec is handed the rest. */
static int
dispatch(struct app *app, int argc, char **argv)
{
	struct cmd self = { &cli_root, NULL, { 0 }, app };
	struct globals g = { false, false };
	struct strbuf name = STRBUF_INIT;
	const struct cmd_entry *e = &cli_root, *sub;
	char *cause = NULL;
	int rc;

	for (;;) {
		const struct args_option *tables[3] = { cli_global_options, NULL, NULL };
		bool group = e->sub != NULL;
		int used;

		if (e->options != NULL)
			tables[1] = e->options;
		self.entry = e;
		self.name = sb_str(&name);
		if ((rc = args_parse(tables, argc, argv, group, &self.args, &cause)) != 0) {
			cmd_fail(NULL, rc, cause);
			if (e == &cli_root)
				main_help(stderr);
			else if (group)
				group_usage(stderr, self.name, e);
			else
				cmd_usage(&self);
			goto out;
		}
		if ((rc = apply_globals(app, &self.args, &g)) != 0)
			goto out;
		if (g.version) {
			printf("airejse %s\n", VERSION);
			goto out;
		}
		if (!group || self.args.noperands == 0)
			break;
		/* In order: the operands are the last words. */
		used = argc - (int)self.args.noperands;
		if ((sub = cli_find(e, argv[used])) == NULL) {
			rc = unknown(self.name, e, argv[used]);
			goto out;
		}
		sb_addf(&name, "%s%s", name.len ? " " : "", sub->name);
		argc -= used + 1;
		argv += used + 1;
		args_free(&self.args);
		e = sub;
	}
	if (g.help && e == &cli_root) {
		main_help(stdout);
	} else if (g.help && e->sub != NULL) {
		group_usage(stdout, self.name, e);
	} else if (g.help) {
		rc = cmd_help(&self);
	} else if (e->exec == NULL) {
		group_usage(stderr, self.name, e);
		rc = EX_USAGE;
	} else if ((int)self.args.noperands < e->lower ||
	    (e->upper >= 0 && (int)self.args.noperands > e->upper)) {
		rc = cmd_usage(&self);
	} else {
		rc = e->exec(&self);
	}
out:
	args_free(&self.args);
	sb_free(&name);
	return rc;
}

/* Without a command: the terminal program, else the plain prompts
 * (asked for with --plain, or a terminal curses cannot drive). */
static int
front_end(struct cmd *self)
{
	struct action a;
	char *cause = NULL;
	int rc;

	/* A read-only database still opens, to look; a save says why not.
	 * A new one is made on first use. */
	self->app->create_db = true;
	if ((rc = cmd_action(self, false, &a)) != 0)
		return rc;
	rc = tui_main(self->app, &cause);
	cmd_fail(self, rc == TUI_PLAIN ? 0 : rc, cause);
	return rc == TUI_PLAIN ? plain_main(self->app) : rc;
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

int
cli_main(int argc, char **argv)
{
	struct diags d = { 0 };
	struct app app;
	char *cause = NULL;
	int rc;

	xalloc_on_oom(out_of_memory);
	/* A file that reaches the size limit (ulimit -f) is a failed write,
	 * reported as one, like a full disk, not a death without a word. */
	signal(SIGXFSZ, SIG_IGN);
	/* Messages about the options themselves need gettext first. */
	rc = app_init(&app, &d, &cause);
	rc = cmd_report(NULL, rc, &d, &cause);
	if (app.not_utf8)
		cmd_error(NULL, 0, _("the locale does not use UTF-8; airejse works in UTF-8 anyway, but set LANG to a UTF-8 locale (e.g. da_DK.UTF-8) for your other programs"));
	if (rc == 0)
		rc = cmd_finish_output(dispatch(&app, argc - 1, argv + 1));
	app_free(&app);
	return status_exit(rc);
}
