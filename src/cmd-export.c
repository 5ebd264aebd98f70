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

int
cmd_export(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "what", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	const struct command *self = cmd_find("export");
	const char *what = "all", *format = NULL, *output = NULL;
	struct export_opts o;
	struct export_data *d = NULL;
	struct project *p = NULL;
	struct action a;
	char *cause = NULL;
	int c, rc;

	memset(&o, 0, sizeof(o));
	while ((c = cli_getopt_mixed(app, argc, argv, "w:f:o:", opts)) != -1) {
		switch (c) {
		case 'w':
			what = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'F':
			o.force = true;
			break;
		case 'h':
			return cli_help(self);
		default:
			return cli_usage(self);
		}
	}
	if (argc - optind != 1)
		return cli_usage(self);
	if (output != NULL && strcmp(output, "-") == 0)
		output = NULL;
	if (format != NULL) {
		if (export_format_parse(format, &o.format) != 0) {
			cli_error(_("unknown format '%s': use md, html, csv, json or xlsx"), format);
			return EX_USAGE;
		}
	} else if (output == NULL || format_of_name(output, &o.format) != 0) {
		o.format = EXPORT_MD;
	}
	if (o.format == EXPORT_XLSX && output == NULL && isatty(STDOUT_FILENO)) {
		cli_error(_("an xlsx file is not for a terminal: give -o FILE.xlsx, or redirect the output to a file"));
		return EX_USAGE;
	}
	if ((rc = cli_action(app, false, &a)) != 0)
		return rc;
	if (export_parse_what(a.content, what, &o.what) != 0) {
		char *names = what_names(a.content);

		cli_error(_("unknown export '%s': use one of %s"), what, names);
		free(names);
		return EX_USAGE;
	}
	o.lang = app->lang;
	/* --role is a global option: for the packet, that role's part. */
	if (app->role != NULL && (rc = action_role_find(&a, app->role, &o.role, &cause)) != 0) {
		cli_error("%s", cause);
		free(cause);
		return rc;
	}
	if ((rc = cli_project(&a, argv[optind], &p)) != 0)
		return rc;
	rc = export_load(&a, p->id, &d, &cause);
	if (rc == 0 && o.role != NULL && o.what.part == EXPORT_HANDOFF &&
	    export_packet(d, o.role) == NULL)
		cli_error(_("note: %s has no open hand-offs in project %lld, so the packet asks nothing"),
		    text_get(&o.role->name), (long long)p->id);
	if (rc == 0) {
		if (output != NULL)
			rc = export_write_file(d, &o, output, &cause);
		else
			rc = export_write(d, &o, stdout, &cause);
	}
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
	}
	export_free(d);
	project_free(p);
	return rc;
}

int
cmd_import(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "project", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	const struct command *self = cmd_find("import");
	const char *name = NULL, *target = NULL;
	struct import_result res;
	struct action a;
	char *cause = NULL;
	size_t i;
	int c, rc;

	while ((c = cli_getopt_mixed(app, argc, argv, "n:p:", opts)) != -1) {
		switch (c) {
		case 'n':
			name = optarg;
			break;
		case 'p':
			target = optarg;
			break;
		case 'h':
			return cli_help(self);
		default:
			return cli_usage(self);
		}
	}
	if (argc - optind != 1)
		return cli_usage(self);
	if ((rc = cli_action(app, true, &a)) != 0)
		return rc;
	a.source = SOURCE_IMPORT;
	rc = import_file(&a, argv[optind], name, target, &res, &cause);
	for (i = 0; i < res.nmessages; i++)
		cli_error("%s", res.messages[i]);
	if (res.kind == IMPORT_PROJECT && rc == 0) {
		printf("%lld\n", (long long)res.project);
	} else if (res.kind == IMPORT_PACKET && res.project != 0) {
		printf(_("project %lld: %zu answers stored, %zu already there, %zu conflicts, %zu refused; %zu hand-offs marked answered\n"),
		    (long long)res.project, res.nstored, res.nunchanged, res.nconflicts,
		    res.nrefused, res.nanswered);
	}
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
	}
	import_result_free(&res);
	return rc;
}
