/* Exports and imports: export P --what W --format F [-o FILE] [--force],
 * and import FILE [--name NAME] [--project P]. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/export.h"
#include "airejse/import.h"
#include "airejse/record.h"
#include "airejse/xalloc.h"

/* The format a file name's extension asks for, if any. */
static int
format_of_name(const char *path, enum export_format *f)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	if (strcmp(dot + 1, "markdown") == 0) {
		*f = EXPORT_MD;
		return 0;
	}
	if (strcmp(dot + 1, "htm") == 0) {
		*f = EXPORT_HTML;
		return 0;
	}
	return export_format_parse(dot + 1, f);
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
	if (format != NULL) {
		if (export_format_parse(format, &o.format) != 0)
			return cmd_error(self, EX_USAGE,
			    _("unknown format '%s': use md, html, csv, json or xlsx"), format);
	} else if (output == NULL || format_of_name(output, &o.format) != 0) {
		o.format = EXPORT_MD;
	}
	if (o.format == EXPORT_XLSX && output == NULL && isatty(STDOUT_FILENO))
		return cmd_error(self, EX_USAGE,
		    _("an xlsx file is not for a terminal: give -o FILE.xlsx, or redirect the output to a file"));
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

static int
import(struct cmd *self)
{
	struct import_result res;
	struct action a;
	char *cause = NULL;
	size_t i;
	int rc;

	if ((rc = cmd_action(self, true, &a)) != 0)
		return rc;
	a.source = SOURCE_IMPORT;
	rc = import_file(&a, self->args.operands[0], args_get(&self->args, "name"),
	    args_get(&self->args, "project"), &res, &cause);
	for (i = 0; i < res.nmessages; i++)
		cmd_error(self, 0, "%s", res.messages[i]);
	if (res.kind == IMPORT_PROJECT && rc == 0) {
		ctrl_printf(stdout, "%lld\n", (long long)res.project);
	} else if (res.kind == IMPORT_PACKET && res.project != 0) {
		ctrl_printf(stdout, _("project %lld: %zu answers stored, %zu already there, %zu conflicts, %zu refused; %zu hand-offs marked answered\n"),
		    (long long)res.project, res.nstored, res.nunchanged, res.nconflicts,
		    res.nrefused, res.nanswered);
	}
	if (rc != 0)
		cmd_fail(self, rc, cause);
	import_result_free(&res);
	return rc;
}

static const struct args_option export_options[] = {
	{ "what", 'w', "PART", N_("what to export: indkoeb, mdr, ai-act, business-case, handoff, action-plan, a site's own checklist, or all (the default)"), NULL },
	{ "format", 'f', "md|html|csv|json|xlsx", N_("the format (default: the extension of FILE, else md)"), NULL },
	{ "output", 'o', "FILE", N_("write to FILE instead of standard output (- is standard output)"), NULL },
	{ "force", 0, NULL, N_("replace FILE if it exists"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand export_operands[] = {
	CMD_PROJECT_OPERAND,
	{ NULL, NULL }
};

const struct cmd_entry cmd_export_entry = {
	"export", NULL, "P [--role ROLE] [--what PART] [--format md|html|csv|json|xlsx] [-o FILE] [--force]",
	N_("export checklists, the business case, hand-off packets, action plan"),
	export_options, export_operands, 1, 1, export, NULL
};

static const struct args_option import_options[] = {
	{ "name", 'n', "NAME", N_("the name of the new project (when the exported one is taken)"), NULL },
	{ "project", 'p', "P", N_("the project a hand-off packet goes back into (default: the one it names)"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand import_operands[] = {
	{ "FILE", N_("a JSON file that 'airejse export' wrote") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_import_entry = {
	"import", NULL, "FILE [--name NAME] [--project P]",
	N_("read a JSON export as a new project, or a filled-in hand-off packet"),
	import_options, import_operands, 1, 1, import, NULL
};
