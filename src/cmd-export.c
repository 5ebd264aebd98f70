/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports and imports: export P --what W --format F [-o FILE] [--force],
 * and import FILE [--name NAME] [--project P] [--dry-run] [--keep
 * current|file] [--reject QUESTION]... */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/clock.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/export.h"
#include "airejse/import.h"
#include "airejse/status.h"
#include "airejse/record.h"
#include "airejse/report.h"
#include "airejse/table.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

/* The extension of a file name (after its last dot, in its last part),
 * or NULL. */
static const char *
extension(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	return dot != NULL && dot != base && dot[1] != '\0' ? dot + 1 : NULL;
}

/* The format a file name's extension asks for, if any. */
static int
format_of_name(const char *path, enum export_format *f)
{
	const char *ext = extension(path);
	char low[16];
	size_t i;

	if (ext == NULL || strlen(ext) >= sizeof(low))
		return -1;
	for (i = 0; ext[i] != '\0'; i++)
		low[i] = (char)tolower((unsigned char)ext[i]);
	low[i] = '\0';
	if (strcmp(low, "markdown") == 0) {
		*f = EXPORT_MD;
		return 0;
	}
	if (strcmp(low, "htm") == 0) {
		*f = EXPORT_HTML;
		return 0;
	}
	return export_format_parse(low, f);
}

/* The --what names, for a message. */
static char *
what_names(const struct content *c)
{
	size_t n, i;
	struct export_choice *v = export_choices(c, i18n_lang(), &n);
	char *s = xstrdup(""), *t;

	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%s", s, i ? ", " : "", v[i].name);
		free(s);
		s = t;
	}
	free(v);
	return s;
}

static int
export(struct cmd *self)
{
	const char *what = args_get(&self->args, "what");
	const char *format = args_get(&self->args, "format");
	const char *output = args_get(&self->args, "output");
	const char *ext;
	struct export_opts o;
	struct export_data *d = NULL;
	struct project *p = NULL;
	struct action a;
	char *cause = NULL;
	int rc;

	memset(&o, 0, sizeof(o));
	o.force = args_has(&self->args, "force");
	if (what == NULL)
		what = "all";
	if (output != NULL && strcmp(output, "-") == 0)
		output = NULL;
	/* The file's extension names the format; with --format, one that
	 * names another is a mistake, never a mislabelled file. */
	if (format != NULL && export_format_parse(format, &o.format) != 0)
		return cmd_error(self, EX_USAGE,
		    _("unknown format '%s': use md, html, csv, json, xlsx, pdf, docx or odt"), format);
	if (output != NULL && (ext = extension(output)) != NULL) {
		enum export_format by_name;

		if (format_of_name(output, &by_name) == 0) {
			if (format != NULL && by_name != o.format)
				return cmd_error(self, EX_USAGE,
				    _("--format %s and the file name %s disagree: give a file name ending in .%s, or leave out --format"),
				    format, output, export_format_name(o.format));
			o.format = by_name;
		} else if (format == NULL) {
			return cmd_error(self, EX_USAGE,
			    _("cannot tell the format from the file name %s (.%s): give --format md, html, csv, json, xlsx, pdf, docx or odt, or a file name ending in one of them"),
			    output, ext);
		}
	} else if (format == NULL) {
		o.format = EXPORT_MD;
	}
	if ((o.format == EXPORT_XLSX || o.format >= EXPORT_PDF) && output == NULL &&
	    isatty(STDOUT_FILENO))
		return cmd_error(self, EX_USAGE,
		    _("an %s file is not for a terminal: give -o FILE.%s, or redirect the output to a file"),
		    export_format_name(o.format), export_format_name(o.format));
	if ((rc = cmd_action(self, false, &a)) != 0)
		return rc;
	if (export_parse_what(a.content, what, &o.what) != 0) {
		char *names = what_names(a.content);

		rc = cmd_error(self, EX_USAGE, _("unknown export '%s': use one of %s"), what, names);
		free(names);
		return rc;
	}
	o.lang = self->app->lang;
	/* --role is a global option: for the packet, that role's part. */
	if (self->app->role != NULL &&
	    (rc = action_role_find(&a, self->app->role, &o.role, &cause)) != 0)
		return cmd_fail(self, rc, cause);
	if ((rc = cmd_project(self, &a, self->args.operands[0], &p)) != 0)
		return rc;
	rc = export_load(&a, p->id, &d, &cause);
	if (rc == 0 && o.role != NULL && o.what.part == EXPORT_HANDOFF &&
	    export_packet(d, o.role) == NULL)
		cmd_error(self, 0,
		    _("note: %s has no open hand-offs in project %lld, so the packet asks nothing"),
		    text_get(&o.role->name), (long long)p->id);
	if (rc == 0) {
		if (output != NULL)
			rc = export_write_file(d, &o, output, &cause);
		else
			rc = export_write(d, &o, stdout, &cause);
	}
	if (rc != 0)
		cmd_fail(self, rc, cause);
	export_free(d);
	project_free(p);
	return rc;
}

/* The verdict of an item, as tsv and json print it. */
static const char *
verdict_name(const struct import_item *it)
{
	switch (it->verdict) {
	case IMPORT_SAME:
		return "same";
	case IMPORT_INVALID:
		return "refused";
	case IMPORT_CONFLICT:
		return it->accept ? "replace" : "conflict";
	default:
		return it->accept ? "store" : "reject";
	}
}

/* The same for people, in a column of 10. */
static const char *
verdict_label(const struct import_item *it)
{
	switch (it->verdict) {
	case IMPORT_SAME:
		/* L10N: the preview of an import: the answer is already stored. */
		return _("same");
	case IMPORT_INVALID:
		return _("refused");
	case IMPORT_CONFLICT:
		return it->accept ? _("replace") : _("conflict");
	default:
		return it->accept ? _("store") : _("left out");
	}
}

static char *
offered_text(const struct import_item *it)
{
	if (it->verdict == IMPORT_INVALID && it->value == NULL && it->kind == ANSWER_VALUE)
		return xstrdup(it->input);
	return value_answer_text(it->q, it->kind, it->value);
}

/* The preview: what each answer would do, and why. */
static void
preview_text(const struct import_plan *p)
{
	size_t i;
	char made[17];

	clock_local(p->made, made);
	if (p->respondent != NULL)
		printf(_("Answers from %s (%s) for project %lld '%s', from the packet made %s:\n"),
		    p->respondent, p->roles, (long long)p->project, p->project_name, made);
	else
		printf(_("Answers (%s, no name given) for project %lld '%s', from the packet made %s:\n"),
		    p->roles, (long long)p->project, p->project_name, made);
	for (i = 0; i < p->nitems; i++) {
		const struct import_item *it = &p->items[i];
		char *label = utf8_padded(verdict_label(it), 10);
		char *now = value_answer_text(it->q, it->current.kind, it->current.value);
		char *offered = offered_text(it);

		printf("  %s %s\n", label, text_get(&it->q->prompt));
		if (it->verdict == IMPORT_CONFLICT) {
			char when[17];

			clock_local(it->current.time, when);
			printf(_("             now:     %s (changed by %s at %s, after the packet was made)\n"),
			    now, it->current.user ? it->current.user : "?", when);
		} else if (it->verdict != IMPORT_SAME) {
			printf(_("             now:     %s\n"), now);
		}
		printf(_("             offered: %s\n"), offered);
		if (it->why != NULL)
			printf("             %s\n", it->why);
		else if (it->note != NULL)
			printf("             %s\n", it->note);
		free(label);
		free(now);
		free(offered);
	}
	if (p->nitems == 0)
		printf(_("  (the file answers nothing)\n"));
}

static void
preview_tsv(const struct import_plan *p)
{
	struct table *t = table_new(10);
	size_t i;

	cmd_row(t, "action", "question", "role", "current_kind", "current_value",
	    "current_revision", "packet_revision", "offered_kind", "offered_value", "message");
	for (i = 0; i < p->nitems; i++) {
		const struct import_item *it = &p->items[i];
		char cr[24], pr[24];

		snprintf(cr, sizeof(cr), "%lld", (long long)it->current.revision);
		snprintf(pr, sizeof(pr), "%lld", (long long)it->revision);
		cmd_row(t, verdict_name(it), it->q->id, it->role, answer_kind_name(it->current.kind),
		    it->current.value, cr, pr, answer_kind_name(it->kind),
		    it->value ? it->value : it->kind == ANSWER_VALUE ? it->input : NULL,
		    it->why ? it->why : it->note);
	}
	table_print_tsv(t, stdout);
	table_free(t);
}

static int
preview_json(const struct import_plan *p)
{
	json_t *root = json_object(), *items = json_array();
	size_t i;
	int rc;

	json_object_set_new(root, "project", json_integer(p->project));
	json_object_set_new(root, "roles", json_string(p->roles));
	json_object_set_new(root, "respondent", p->respondent ? report_text(p->respondent) : json_null());
	json_object_set_new(root, "made", report_time(p->made));
	for (i = 0; i < p->nitems; i++) {
		const struct import_item *it = &p->items[i];
		json_t *o = json_object();

		json_object_set_new(o, "action", json_string(verdict_name(it)));
		json_object_set_new(o, "question", json_string(it->q->id));
		json_object_set_new(o, "role", report_text(it->role));
		json_object_set_new(o, "current", report_answer(it->q, &it->current));
		json_object_set_new(o, "packet_revision", json_integer(it->revision));
		json_object_set_new(o, "offered_kind", json_string(answer_kind_name(it->kind)));
		json_object_set_new(o, "offered_value", it->value ? report_text(it->value) : json_null());
		json_object_set_new(o, "input", report_text(it->input));
		json_object_set_new(o, "message", it->why ? report_text(it->why) :
		    it->note ? report_text(it->note) : json_null());
		json_array_append_new(items, o);
	}
	json_object_set_new(root, "answers", items);
	rc = cmd_print_json(root);
	json_decref(root);
	return rc;
}

/* Applies --keep and --reject to the preview's choices; EX_USAGE when a
 * question --reject names is not in the file. */
static int
resolve(const struct cmd *self, struct import_plan *p, const char *keep, char **reject, size_t nreject)
{
	size_t i, j;

	for (j = 0; j < nreject; j++) {
		for (i = 0; i < p->nitems; i++)
			if (strcmp(p->items[i].q->id, reject[j]) == 0)
				break;
		if (i == p->nitems) {
			return cmd_error(self, EX_USAGE,
			    _("--reject %s: the file does not answer that question"), reject[j]);
		}
		p->items[i].accept = false;
		p->items[i].rejected = true;
	}
	for (i = 0; i < p->nitems; i++)
		if (p->items[i].verdict == IMPORT_CONFLICT && !p->items[i].rejected)
			p->items[i].accept = keep != NULL && strcmp(keep, "file") == 0;
	return 0;
}

/* What stops the import: a refused answer or an open conflict, each
 * said with both values. Returns 0, EX_DATAERR or STATUS_CONFLICT. */
static int
blockers(const struct cmd *self, const struct import_plan *p, const char *keep)
{
	size_t i, nbad = 0, nconf = 0;

	for (i = 0; i < p->nitems; i++) {
		const struct import_item *it = &p->items[i];

		if (it->rejected)
			continue;
		if (it->verdict == IMPORT_INVALID) {
			cmd_error(self, 0, "%s", it->why);
			nbad++;
		} else if (it->verdict == IMPORT_CONFLICT && keep == NULL) {
			char *now = value_answer_text(it->q, it->current.kind, it->current.value);
			char *offered = offered_text(it);

			cmd_error(self, 0, _("\"%s\" was changed here after the packet was made: it is now '%s' (by %s), the file says '%s'"),
			    text_get(&it->q->prompt), now, it->current.user ? it->current.user : "?",
			    offered);
			free(now);
			free(offered);
			nconf++;
		}
	}
	if (nbad > 0) {
		cmd_error(self, 0, P_("%zu answer in %s cannot be stored (above), so nothing was imported: correct it, or leave it out with --reject QUESTION",
		    "%zu answers in %s cannot be stored (above), so nothing was imported: correct them, or leave them out with --reject QUESTION",
		    nbad), nbad, p->file);
		return EX_DATAERR;
	}
	if (nconf > 0) {
		cmd_error(self, 0, P_("%zu answer changed here after the packet was made (above), so nothing was imported: say which to keep with --keep current or --keep file",
		    "%zu answers changed here after the packet was made (above), so nothing was imported: say which to keep with --keep current or --keep file",
		    nconf), nconf);
		return STATUS_CONFLICT;
	}
	return 0;
}

/* Answers to a packet: the preview, then (unless --dry-run) the answers
 * chosen, in one transaction. */
static int
import_answers(struct cmd *self, struct action *a, const char *path, bool dry,
    const char *keep, char **reject, size_t nreject, enum out_format fmt)
{
	struct import_plan *p = NULL;
	struct import_result res;
	char *cause = NULL;
	int rc;

	if ((rc = import_plan_read(a, path, args_get(&self->args, "project"), &p, &cause)) != 0)
		return cmd_fail(self, rc, cause);
	if ((rc = resolve(self, p, keep, reject, nreject)) != 0) {
		import_plan_free(p);
		return rc;
	}
	if (dry) {
		if (fmt == OUT_JSON)
			preview_json(p);
		else if (fmt == OUT_TSV)
			preview_tsv(p);
		else
			preview_text(p);
	}
	rc = blockers(self, p, keep);
	if (rc == 0 && !dry) {
		rc = import_plan_apply(a, p, &res, &cause);
		if (rc == 0)
			printf(_("project %lld: %zu answers stored, %zu already there, %zu kept as they were, %zu left out; %zu hand-offs marked answered\n"),
			    (long long)res.project, res.nstored, res.nunchanged, res.nkept,
			    res.nleft, res.nanswered);
		else
			cmd_fail(self, rc, cause);
		import_result_free(&res);
	}
	import_plan_free(p);
	return rc;
}

static int
import(struct cmd *self)
{
	const char *keep = args_get(&self->args, "keep"), *path = self->args.operands[0], *r;
	bool dry = args_has(&self->args, "dry-run");
	enum out_format fmt;
	enum import_kind kind;
	struct import_result res;
	struct action a;
	char *cause = NULL, **reject = NULL;
	size_t nreject = 0, i = 0;
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0)
		return rc;
	if (keep != NULL && strcmp(keep, "current") != 0 && strcmp(keep, "file") != 0)
		return cmd_error(self, EX_USAGE,
		    _("--keep %s: keep 'current' (the answers here) or 'file' (the file's)"), keep);
	if ((rc = import_kind_of(path, &kind, &cause)) != 0)
		return cmd_fail(self, rc, cause);
	if (kind == IMPORT_PROJECT && dry)
		return cmd_error(self, EX_USAGE,
		    _("--dry-run previews answers to a packet; %s is a whole project, which is imported as a new one"),
		    path);
	if ((rc = cmd_action(self, !dry, &a)) != 0)
		return rc;
	a.source = SOURCE_IMPORT;
	if (kind != IMPORT_PROJECT) {
		while ((r = args_next(&self->args, "reject", &i)) != NULL) {
			reject = xreallocarray(reject, nreject + 1, sizeof(*reject));
			reject[nreject++] = (char *)r;
		}
		rc = import_answers(self, &a, path, dry, keep, reject, nreject, fmt);
		free(reject);
		return rc;
	}
	rc = import_file(&a, path, args_get(&self->args, "name"), &res, &cause);
	for (i = 0; i < res.nmessages; i++)
		cmd_error(self, 0, "%s", res.messages[i]);
	if (rc == 0)
		ctrl_printf(stdout, "%lld\n", (long long)res.project);
	else
		cmd_fail(self, rc, cause);
	import_result_free(&res);
	return rc;
}

static const struct args_option export_options[] = {
	{ "what", 'w', "PART", N_("what to export: indkoeb, mdr, ai-act, business-case, handoff, action-plan, a site's own checklist, or all (the default)"), NULL },
	{ "format", 'f', "md|html|csv|json|xlsx|pdf|docx|odt", N_("the format (default: the extension of FILE, else md)"), NULL },
	{ "output", 'o', "FILE", N_("write to FILE instead of standard output (- is standard output)"), NULL },
	{ "force", 0, NULL, N_("replace FILE if it exists"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand export_operands[] = {
	CMD_PROJECT_OPERAND,
	{ NULL, NULL }
};

const struct cmd_entry cmd_export_entry = {
	"export", NULL, "P [--role ROLE] [--what PART] [--format md|html|csv|json|xlsx|pdf|docx|odt] [-o FILE] [--force]",
	N_("export checklists, the business case, hand-off packets, action plan"),
	export_options, export_operands, 1, 1, export, NULL
};

static const struct args_option import_options[] = {
	{ "name", 'n', "NAME", N_("the name of the new project (when the exported one is taken)"), NULL },
	{ "project", 'p', "P", N_("the project a hand-off packet goes back into (default: the one it names)"), NULL },
	{ "dry-run", 0, NULL, N_("answers to a packet: print the preview, store nothing"), NULL },
	{ "keep", 0, "current|file", N_("an answer changed here after the packet was made: keep this one or the file's"), NULL },
	{ "reject", 0, "QUESTION", N_("leave the file's answer to QUESTION out (again for more)"), NULL },
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand import_operands[] = {
	{ "FILE", N_("a JSON file that 'airejse export' wrote") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_import_entry = {
	"import", NULL,
	"FILE [--name NAME] [--project P] [--dry-run] [--keep current|file] [--reject QUESTION]... [--format text|tsv|json]",
	N_("read a JSON export as a new project, or a filled-in hand-off packet"),
	import_options, import_operands, 1, 1, import, NULL
};
