/* SPDX-License-Identifier: EUPL-1.2 */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/cmd.h"
#include "airejse/ctrl.h"
#include "airejse/diag.h"
#include "airejse/status.h"
#include "airejse/table.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* The items of the list cmd_json_item is writing, not yet ended: of the
 * process, as standard output is (a command at a time). */
static size_t json_items;

/* Writes json as cmd_print_json does, without the final newline, each
 * line after the first indented by indent: an item inside a list. */
static int
put_json(const json_t *json, const char *indent)
{
	char *s = json_dumps(json, JSON_INDENT(2) | JSON_PRESERVE_ORDER), *safe, *p, *nl;

	if (s == NULL)
		return EX_IOERR;
	safe = ctrl_json(s);
	for (p = safe; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		fwrite(p, 1, (size_t)(nl - p) + 1, stdout);
		fputs(indent, stdout);
	}
	fputs(p, stdout);
	free(safe);
	free(s);
	return 0;
}

/* Where every message goes out: "airejse: message" on standard error.
 * An error of a command given --format json is also an object on
 * standard output, {"error": {"code", "status", "message"}}, whose code
 * (status_name) tells a script what happened without reading the words:
 * "busy" and "conflict" both exit 75. */
static void
say(const struct cmd *self, int status, const char *msg)
{
	const char *format = self != NULL ? args_get(&self->args, "format") : NULL;

	fflush(stdout);
	ctrl_printf(stderr, "airejse: %s\n", msg);
	if (status != 0 && format != NULL && strcmp(format, "json") == 0) {
		json_t *o = json_pack("{s:s, s:i, s:s}", "code", status_name(status),
		    "status", status_exit(status), "message", msg);

		/* A message that is not UTF-8 (a path) makes no object. */
		if (json_items > 0) {
			/* After a list begun: beside it, in its object. */
			fputs("\n  ]", stdout);
			if (o != NULL) {
				fputs(",\n  \"error\": ", stdout);
				put_json(o, "  ");
			}
			fputs("\n}\n", stdout);
			json_items = 0;
		} else if (o != NULL) {
			json_t *root = json_pack("{s:O}", "error", o);

			cmd_print_json(root);
			json_decref(root);
		}
		json_decref(o);
	}
}

int
cmd_error(const struct cmd *self, int status, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	say(self, status, msg);
	free(msg);
	return status;
}

int
cmd_fail(const struct cmd *self, int status, char *cause)
{
	if (cause != NULL)
		say(self, status, cause);
	free(cause);
	return status;
}

int
cmd_report(const struct cmd *self, int status, struct diags *d, char **cause)
{
	fflush(stdout);
	diag_print(d, stderr);
	diag_free(d);
	cmd_fail(self, status, *cause);
	*cause = NULL;
	return status;
}

void
cmd_usage_line(FILE *out, const char *name, const struct cmd_entry *e)
{
	/* Only usages that name a placeholder (FILE, NAME ...) are marked
	 * for translation; an empty one must not reach gettext. */
	fprintf(out, _("usage: airejse %s %s\n"), name, *e->usage ? _(e->usage) : "");
}

int
cmd_usage(const struct cmd *self)
{
	cmd_usage_line(stderr, self->name, self->entry);
	fprintf(stderr, _("Try 'airejse %s --help' or 'man airejse'.\n"), self->name);
	return EX_USAGE;
}

/* A placeholder as the user's language writes it (FIL for FILE); a list
 * of values (md|html) is marked for no one and stays as it is. */
static const char *
placeholder(const char *s)
{
	return i18n_cgettext("placeholder", s);
}

/* "-f, --format FORMAT" or "    --force": the left column of help. */
static char *
option_words(const struct args_option *o)
{
	char letter[5] = "    ";

	if (o->letter != 0)
		snprintf(letter, sizeof(letter), "-%c, ", o->letter);
	return xasprintf("%s--%s%s%s", letter, o->name, o->arg ? " " : "",
	    o->arg ? placeholder(o->arg) : "");
}

void
cmd_print_options(FILE *out, const struct args_option *opts)
{
	const struct args_option *o;
	size_t width = 0, n;
	char *w, *p;

	for (o = opts; o->name != NULL; o++) {
		w = option_words(o);
		if ((n = (size_t)utf8_width(w)) > width)
			width = n;
		free(w);
	}
	for (o = opts; o->name != NULL; o++) {
		w = option_words(o);
		/* In columns: SPØRGSMÅL is nine wide, eleven bytes. */
		p = utf8_padded(w, (int)width);
		fprintf(out, "  %s  %s", p, _(o->help));
		free(p);
		if (o->alias != NULL)
			/* L10N: after an option's help: another name for it. */
			fprintf(out, _(" (also --%s)"), o->alias);
		fputc('\n', out);
		free(w);
	}
}

int
cmd_help(const struct cmd *self)
{
	const struct cmd_entry *e = self->entry;
	const struct cmd_operand *op;
	int width = 0;

	cmd_usage_line(stdout, self->name, e);
	printf("%s\n", _(e->summary));
	if (e->options != NULL && e->options->name != NULL) {
		printf(_("\nOptions:\n"));
		cmd_print_options(stdout, e->options);
	}
	if (e->operands != NULL && e->operands->name != NULL) {
		for (op = e->operands; op->name != NULL; op++)
			if (utf8_width(placeholder(op->name)) > width)
				width = utf8_width(placeholder(op->name));
		printf(_("\nOperands:\n"));
		for (op = e->operands; op->name != NULL; op++) {
			char *name = utf8_padded(placeholder(op->name), width);

			printf("  %s  %s\n", name, _(op->help));
			free(name);
		}
	}
	printf(_("\nThe global options (see 'airejse --help') may be given too; 'man airejse' has the output formats.\n"));
	return 0;
}

int
cmd_format(const struct cmd *self, enum out_format *out)
{
	const char *s;
	size_t i = 0;

	*out = OUT_TEXT;
	while ((s = args_next(&self->args, "format", &i)) != NULL) {
		if (strcmp(s, "text") == 0)
			*out = OUT_TEXT;
		else if (strcmp(s, "tsv") == 0)
			*out = OUT_TSV;
		else if (strcmp(s, "json") == 0)
			*out = OUT_JSON;
		else
			return cmd_error(self, EX_USAGE, _("unknown format '%s': use text, tsv or json"), s);
	}
	return 0;
}

int
cmd_content(struct cmd *self)
{
	struct diags d = { 0 };
	char *cause = NULL;

	return cmd_report(self, app_content(self->app, &d, &cause), &d, &cause);
}

int
cmd_store(struct cmd *self, bool writable)
{
	struct diags d = { 0 };
	char *cause = NULL;

	return cmd_report(self, app_store(self->app, writable, &cause), &d, &cause);
}

int
cmd_action(struct cmd *self, bool writable, struct action *a)
{
	struct diags d = { 0 };
	char *cause = NULL;
	int rc;

	rc = cmd_report(self, app_open(self->app, writable, &d, &cause), &d, &cause);
	if (rc == 0)
		app_action(self->app, SOURCE_CLI, a);
	return rc;
}

int
cmd_project(const struct cmd *self, struct action *a, const char *key,
    struct project **out)
{
	char *cause = NULL;
	int rc;

	if ((rc = action_project_find(a, key, out, &cause)) != 0)
		cmd_fail(self, rc, cause);
	return rc;
}

void
cmd_row(struct table *t, ...)
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
cmd_json_item(const char *key, void *item)
{
	int rc;

	if (json_items++ == 0)
		printf("{\n  \"%s\": [\n    ", key);
	else
		fputs(",\n    ", stdout);
	rc = put_json(item, "    ");
	json_decref(item);
	return rc;
}

int
cmd_json_end(const char *key)
{
	if (json_items == 0)
		printf("{\n  \"%s\": []\n}\n", key);
	else
		fputs("\n  ]\n}\n", stdout);
	json_items = 0;
	return 0;
}

int
cmd_print_json(void *json)
{
	char *s = json_dumps(json, JSON_INDENT(2) | JSON_PRESERVE_ORDER), *safe;

	if (s == NULL)
		return EX_IOERR;
	/* The same JSON, with nothing in it a terminal acts on. */
	safe = ctrl_json(s);
	fputs(safe, stdout);
	fputc('\n', stdout);
	free(safe);
	free(s);
	return 0;
}

int
cmd_finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_error(NULL, status ? status : EX_IOERR, _("cannot write the output: %s"),
		    strerror(errno ? errno : EIO));
		return status ? status : EX_IOERR;
	}
	return status;
}

bool
cmd_confirm(const char *question)
{
	char line[64];

	ctrl_printf(stderr, "%s ", question);
	fflush(stderr);
	if (fgets(line, sizeof(line), stdin) == NULL)
		return false;
	line[strcspn(line, "\r\n")] = '\0';
	/* L10N: the answers that mean yes to a question on the terminal. */
	return strcasecmp(line, "y") == 0 || strcasecmp(line, "yes") == 0 ||
	    strcasecmp(line, "j") == 0 || strcasecmp(line, "ja") == 0;
}
