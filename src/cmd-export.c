/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports and imports: export P --what W --format F [-o FILE] [--force],
 * and import FILE [--name NAME] [--project P] [--dry-run] [--keep
 * current|file] [--reject QUESTION]... */
#include <ctype.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
#include "airejse/paths.h"
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

/* Whether -o names a folder: one that exists, or a name ending in /. */
static bool
names_folder(const char *path)
{
	struct stat sb;
	size_t n = strlen(path);

	return (n > 0 && path[n - 1] == '/') || (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode));
}

/* The file to write: the default name in folder dir (made, 0700, when
 * make), or with dir NULL in the export folder (made). NULL with *cause.
 * Caller frees. */
static char *
default_path(const struct action *a, const struct export_data *d, const struct export_opts *o,
    const char *dir, char **cause)
{
	char *folder = dir != NULL ? xstrdup(dir) : paths_exports(a->settings->export_folder, cause);
	char *name, *path;
	size_t n;

	if (folder == NULL)
		return NULL;
	if (dir == NULL && paths_make_dir(folder, cause) != 0) {
		free(folder);
		return NULL;
	}
	name = export_file_name(d, o);
	n = strlen(folder);
	path = xasprintf("%s%s%s", folder, n > 0 && folder[n - 1] == '/' ? "" : "/", name);
	free(name);
	free(folder);
	return path;
}

/* The written file's full path, on standard output. */
static void
print_path(const char *path)
{
	char *full = realpath(path, NULL);

	ctrl_printf(stdout, "%s\n", full != NULL ? full : path);
	free(full);
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

/* The format: --format, else the file name's extension, else Markdown;
 * a clash is a usage error. */
static int
choose_format(struct cmd *self, const char *format, const char *output,
    enum export_format *f)
{
	const char *ext;
	enum export_format by_name;

	if (format != NULL && export_format_parse(format, f) != 0)
		return cmd_error(self, EX_USAGE,
		    _("unknown format '%s': use md, html, csv, json, xlsx, pdf, docx or odt"), format);
	if (output == NULL || (ext = extension(output)) == NULL) {
		if (format == NULL)
			*f = EXPORT_MD;
		return 0;
	}
	/* The file's extension names the format; with --format, one that
	 * names another is a mistake, never a mislabelled file. */
	if (format_of_name(output, &by_name) == 0) {
		if (format != NULL && by_name != *f)
			return cmd_error(self, EX_USAGE,
			    _("--format %s and the file name %s disagree: give a file name ending in .%s, or leave out --format"),
			    format, output, export_format_name(*f));
		*f = by_name;
		return 0;
	}
	if (format == NULL)
		return cmd_error(self, EX_USAGE,
		    _("cannot tell the format from the file name %s (.%s): give --format md, html, csv, json, xlsx, pdf, docx or odt, or a file name ending in one of them"),
		    output, ext);
	return 0;
}

/* Loads the project and writes the export to path, or with path NULL
 * to standard output; a written file's full path is printed. */
static int
export_to(struct cmd *self, struct action *a, struct export_opts *o, const char *path,
    const char *folder, bool save)
{
	struct export_data *d = NULL;
	struct project *p = NULL;
	char *cause = NULL, *made = NULL;
	int rc;

	if ((rc = cmd_project(self, a, self->args.operands[0], &p)) != 0)
		return rc;
	rc = export_load(a, p->id, &d, &cause);
	if (rc == 0 && o->role != NULL && o->what.part == EXPORT_HANDOFF &&
	    export_packet(d, o->role) == NULL)
		cmd_error(self, 0,
		    _("note: %s has no open hand-offs in project %lld, so the packet asks nothing"),
		    text_get(&o->role->name), (long long)p->id);
	if (rc == 0 && (save || folder != NULL)) {
		if ((made = default_path(a, d, o, folder, &cause)) == NULL)
			rc = EX_CANTCREAT;
		path = made;
	}
	if (rc == 0) {
		if (path != NULL)
			rc = export_write_file(d, o, path, &cause);
		else
			rc = export_write(d, o, stdout, &cause);
	}
	if (rc == 0 && path != NULL)
		print_path(path);
	if (rc != 0)
		cmd_fail(self, rc, cause);
	free(made);
	export_free(d);
	project_free(p);
	return rc;
}

static int
export(struct cmd *self)
{
	const char *what = args_get(&self->args, "what");
	const char *format = args_get(&self->args, "format");
	const char *given = args_get(&self->args, "output");
	bool save = args_has(&self->args, "save");
	char *expanded = NULL, *cause = NULL;
	const char *output = NULL, *folder = NULL;
	struct export_opts o;
	struct action a;
	int rc;

	memset(&o, 0, sizeof(o));
	o.force = args_has(&self->args, "force");
	if (what == NULL)
		what = "all";
	if (save && given != NULL)
		return cmd_error(self, EX_USAGE,
		    _("--save writes into the export folder, -o to FILE: give one of them"));
	/* -o as given, relative to the current folder as scripts expect,
	 * with ~ as the home folder; a folder gets the default name. */
	if (given != NULL && strcmp(given, "-") != 0) {
		expanded = paths_expand_home(given);
		if (names_folder(expanded))
			folder = expanded;
		else
			output = expanded;
	}
	if ((rc = choose_format(self, format, output, &o.format)) != 0)
		goto out;
	if ((o.format == EXPORT_XLSX || o.format >= EXPORT_PDF) && output == NULL &&
	    folder == NULL && !save && isatty(STDOUT_FILENO)) {
		rc = cmd_error(self, EX_USAGE,
		    _("an %s file is not for a terminal: give -o FILE.%s, or redirect the output to a file"),
		    export_format_name(o.format), export_format_name(o.format));
		goto out;
	}
	if ((rc = cmd_action(self, false, &a)) != 0)
		goto out;
	if (export_parse_what(a.content, what, &o.what) != 0) {
		char *names = what_names(a.content);

		rc = cmd_error(self, EX_USAGE, _("unknown export '%s': use one of %s"), what, names);
		free(names);
		goto out;
	}
	o.lang = self->app->lang;
	/* --role is a global option: for the packet, that role's part. */
	if (self->app->role != NULL &&
	    (rc = action_role_find(&a, self->app->role, &o.role, &cause)) != 0) {
		cmd_fail(self, rc, cause);
		goto out;
	}
	rc = export_to(self, &a, &o, output, folder, save);
out:
	free(expanded);
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
	{ "what", 'w', NC_("placeholder", "PART"), N_("what to export: indkoeb, mdr, ai-act, business-case, handoff, action-plan, a site's own checklist, or all (the default)"), NULL },
	{ "format", 'f', "md|html|csv|json|xlsx|pdf|docx|odt", N_("the format (default: the extension of FILE, else md)"), NULL },
	{ "output", 'o', NC_("placeholder", "FILE"), N_("write to FILE instead of standard output (- is standard output; a folder: the default name in it); the full path is printed"), NULL },
	{ "save", 0, NULL, N_("write into the export folder under the default name (the project's name and the part); the full path is printed"), NULL },
	{ "force", 0, NULL, N_("replace FILE if it exists"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand export_operands[] = {
	CMD_PROJECT_OPERAND,
	{ NULL, NULL }
};

const struct cmd_entry cmd_export_entry = {
	"export", NULL, N_("P [--role ROLE] [--what PART] [--format md|html|csv|json|xlsx|pdf|docx|odt] [-o FILE | --save] [--force]"),
	N_("export checklists, the business case, hand-off packets, action plan"),
	export_options, export_operands, 1, 1, export, NULL
};

static const struct args_option import_options[] = {
	{ "name", 'n', NC_("placeholder", "NAME"), N_("the name of the new project (when the exported one is taken)"), NULL },
	{ "project", 'p', "P", N_("the project a hand-off packet goes back into (default: the one it names)"), NULL },
	{ "dry-run", 0, NULL, N_("answers to a packet: print the preview, store nothing"), NULL },
	{ "keep", 0, "current|file", N_("an answer changed here after the packet was made: keep this one or the file's"), NULL },
	{ "reject", 0, NC_("placeholder", "QUESTION"), N_("leave the file's answer to QUESTION out (again for more)"), NULL },
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand import_operands[] = {
	{ NC_("placeholder", "FILE"), N_("a JSON file that 'airejse export' wrote") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_import_entry = {
	"import", NULL,
	N_("FILE [--name NAME] [--project P] [--dry-run] [--keep current|file] [--reject QUESTION]... [--format text|tsv|json]"),
	N_("read a JSON export as a new project, or a filled-in hand-off packet"),
	import_options, import_operands, 1, 1, import, NULL
};
