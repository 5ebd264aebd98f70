/* SPDX-License-Identifier: EUPL-1.2 */
/* Commands about the content itself: journeys and validate. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "airejse/app.h"
#include "airejse/clock.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/diag.h"
#include "airejse/loader.h"
#include "airejse/legal.h"
#include "airejse/paths.h"
#include "airejse/report.h"
#include "airejse/strbuf.h"
#include "airejse/table.h"
#include "airejse/xalloc.h"

static json_t *
track_json(const struct track *t)
{
	json_t *jt = json_object(), *phases = json_array();
	size_t i, j, k;

	json_object_set_new(jt, "id", json_string(t->id));
	json_object_set_new(jt, "title", json_string(text_get(&t->title)));
	json_object_set_new(jt, "summary", json_string(text_get(&t->summary)));
	json_object_set_new(jt, "source", json_string(t->source));
	json_object_set_new(jt, "phases_count", json_integer((json_int_t)t->nphases));
	json_object_set_new(jt, "steps_count", json_integer((json_int_t)t->nsteps));
	for (i = 0; i < t->nphases; i++) {
		const struct phase *ph = &t->phases[i];
		json_t *jp = json_object(), *steps = json_array();

		json_object_set_new(jp, "id", json_string(ph->id));
		json_object_set_new(jp, "title", json_string(text_get(&ph->title)));
		for (j = 0; j < ph->nsteps; j++) {
			const struct step *st = &ph->steps[j];
			json_t *js = json_object(), *qs = json_array();

			json_object_set_new(js, "id", json_string(st->id));
			json_object_set_new(js, "title", json_string(text_get(&st->title)));
			json_object_set_new(js, "owner", json_string(st->owner->id));
			json_object_set_new(js, "group", st->group ? json_string(st->group->id) : json_null());
			json_object_set_new(js, "group_confirmed",
			    st->group ? json_boolean(!st->group_assumed) : json_null());
			json_object_set_new(js, "source", json_string(st->source));
			json_object_set_new(js, "basis", st->basis == BASIS_UNSET ? json_null() :
			    json_string(basis_name(st->basis)));
			json_object_set_new(js, "legal", report_strlist(&st->legal));
			json_object_set_new(js, "needs", report_strlist(&st->needs_ids));
			json_object_set_new(js, "requires", st->requires.src ?
			    json_string(st->requires.src) : json_null());
			json_object_set_new(js, "has_guidance",
			    json_boolean(st->guidance.s[LANG_DA] != NULL));
			for (k = 0; k < st->nquestions; k++)
				json_array_append_new(qs, json_string(st->questions[k]->id));
			json_object_set_new(js, "questions", qs);
			json_array_append_new(steps, js);
		}
		json_object_set_new(jp, "steps", steps);
		json_array_append_new(phases, jp);
	}
	json_object_set_new(jt, "phases", phases);
	return jt;
}

static int
journeys(struct cmd *self)
{
	enum out_format fmt;
	const struct content *c;
	struct table *t;
	size_t i;
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0 || (rc = cmd_content(self)) != 0)
		return rc;
	c = self->app->content;
	if (fmt == OUT_JSON) {
		json_t *root = json_object(), *tracks = json_array();

		json_object_set_new(root, "language", json_string(lang_code(i18n_lang())));
		for (i = 0; i < c->ntracks; i++)
			json_array_append_new(tracks, track_json(c->tracks[i]));
		json_object_set_new(root, "tracks", tracks);
		rc = cmd_print_json(root);
		json_decref(root);
		return rc;
	}
	t = table_new(4);
	if (fmt == OUT_TSV)
		table_addf(t, "id\ttitle\tphases\tsteps");
	for (i = 0; i < c->ntracks; i++) {
		const struct track *tr = c->tracks[i];

		if (fmt == OUT_TSV) {
			table_addf(t, "%s\t%s\t%zu\t%zu", tr->id, text_get(&tr->title),
			    tr->nphases, tr->nsteps);
		} else {
			char *ph = xasprintf(P_("%zu phase", "%zu phases", tr->nphases), tr->nphases);
			char *st = xasprintf(P_("%zu step", "%zu steps", tr->nsteps), tr->nsteps);
			const char *cells[4] = { tr->id, text_get(&tr->title), ph, st };

			table_add(t, cells);
			free(ph);
			free(st);
		}
	}
	if (fmt == OUT_TSV)
		table_print_tsv(t, stdout);
	else
		table_print(t, stdout);
	table_free(t);
	return 0;
}

static bool
is_dir(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int
validate(struct cmd *self)
{
	char **argv = self->args.operands;
	struct diags d = { 0 };
	struct content *content = NULL;
	char *dir = NULL;
	char **files = NULL;
	size_t nfiles = 0, nsteps = 0, i;
	int rc;

	/* A folder replaces the content folder; files replace their
	 * namesakes in it, so an edited copy is checked with the rest. */
	for (i = 0; i < self->args.noperands; i++) {
		struct stat sb;

		if (is_dir(argv[i])) {
			free(dir);
			dir = xstrdup(argv[i]);
			continue;
		}
		if (stat(argv[i], &sb) != 0) {
			rc = cmd_error(self, EX_NOINPUT, _("cannot read %s: %s"), argv[i], strerror(errno));
			free(dir);
			free(files);
			return rc;
		}
		files = xreallocarray(files, nfiles + 1, sizeof(*files));
		files[nfiles++] = argv[i];
	}
	if (dir == NULL)
		dir = paths_content(self->app->content_opt);
	rc = loader_load(dir, files, nfiles, &d, &content);
	if (rc == 0 && legal_link(content, &d) > 0)
		rc = EX_DATAERR;
	if (rc == 0) {
		char day[11];

		clock_today(day);
		legal_lint(content, day, self->app->settings.legal_check_months,
		    !args_has(&self->args, "no-legal-warnings"), &d);
		if (d.nerrors > 0)
			rc = EX_DATAERR;
	}
	diag_print(&d, stderr);
	if (rc == 0) {
		for (i = 0; i < content->ntracks; i++)
			nsteps += content->tracks[i]->nsteps;
		struct strbuf sb = STRBUF_INIT;

		sb_addf(&sb, P_("%zu file", "%zu files", content->nfiles), content->nfiles);
		sb_add(&sb, ", ");
		sb_addf(&sb, P_("%zu track", "%zu tracks", content->ntracks), content->ntracks);
		sb_add(&sb, ", ");
		sb_addf(&sb, P_("%zu step", "%zu steps", nsteps), nsteps);
		sb_add(&sb, ", ");
		sb_addf(&sb, P_("%zu question", "%zu questions", content->nquestions),
		    content->nquestions);
		sb_add(&sb, ", ");
		sb_addf(&sb, P_("%zu hand-off rule", "%zu hand-off rules", content->nhandoffs),
		    content->nhandoffs);
		sb_add(&sb, ", ");
		sb_addf(&sb, P_("%zu checklist", "%zu checklists", content->nchecklists),
		    content->nchecklists);
		ctrl_printf(stdout, "%s: %s: ", dir, sb_str(&sb));
		sb_free(&sb);
		if (d.nwarnings > 0)
			ctrl_printf(stdout, P_("valid, with %zu warning\n", "valid, with %zu warnings\n", d.nwarnings),
			    d.nwarnings);
		else
			ctrl_printf(stdout, _("valid\n"));
	} else if (rc == EX_DATAERR) {
		cmd_error(self, rc, P_("%zu error in the content", "%zu errors in the content",
		    d.nerrors), d.nerrors);
	} else {
		cmd_error(self, rc, _("cannot read the content in %s"), dir);
	}
	content_free(content);
	diag_free(&d);
	free(files);
	free(dir);
	return rc;
}

static const struct args_option journeys_options[] = {
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

const struct cmd_entry cmd_journeys_entry = {
	"journeys", NULL, "[--format text|tsv|json]",
	N_("list the tracks with their phases and steps"),
	journeys_options, NULL, 0, 0, journeys, NULL
};

static const struct cmd_operand validate_operands[] = {
	{ NC_("placeholder", "FILE|DIR"), N_("a content folder to check instead of the installed one, or a file that replaces its namesake in it") },
	{ NULL, NULL }
};

static const struct args_option validate_options[] = {
	{ "no-legal-warnings", 0, NULL, N_("do not warn about legal facts checked long ago or not against the legal text"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

const struct cmd_entry cmd_validate_entry = {
	"validate", NULL, N_("[--no-legal-warnings] [FILE|DIR...]"),
	N_("check content files and report every problem"),
	validate_options, validate_operands, 0, -1, validate, NULL
};
