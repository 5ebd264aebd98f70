/* SPDX-License-Identifier: EUPL-1.2 */
/* compare P P...: projects side by side, phase by phase (compare.h), as
 * the terminal program's comparison screen shows them. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "airejse/action.h"
#include "airejse/cmd.h"
#include "airejse/compare.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/table.h"
#include "airejse/xalloc.h"

static void
compare_table(const struct compare *c, bool tsv)
{
	size_t r, i, ncols = tsv ? 10 : c->nprojects + 1;
	const struct track *tr = NULL;
	struct table *t = table_new(ncols);
	const char **cells = xcalloc(ncols + 1, sizeof(*cells));

	if (tsv)
		table_addf(t, "track\tphase\tproject\tproject_name\tfollows\tdone\tapplicable\tmark\tstep\twaits_on");
	for (r = 0; r < c->nphases; r++) {
		const struct phase *ph = c->phases[r];

		if (tsv) {
			for (i = 0; i < c->nprojects; i++) {
				const struct compare_cell *cell = compare_cell(c, r, i);
				char id[24], done[24], all[24];

				snprintf(id, sizeof(id), "%lld", (long long)c->projects[i].id);
				snprintf(done, sizeof(done), "%zu", cell->done);
				snprintf(all, sizeof(all), "%zu", cell->applicable);
				cmd_row(t, ph->track->id, ph->id, id, c->projects[i].name,
				    cell->follows ? "yes" : "no", done, all,
				    cell->follows ? step_mark_name(cell->mark) : "",
				    cell->step ? cell->step->id : "",
				    cell->waits_on ? cell->waits_on->id : "");
			}
			continue;
		}
		/* A heading row per track, then its phases. */
		if (ph->track != tr) {
			tr = ph->track;
			if (r == 0) {
				cells[0] = _("PHASE");
				for (i = 0; i < c->nprojects; i++)
					cells[i + 1] = c->projects[i].name;
				table_add(t, cells);
			}
			cells[0] = text_get(&tr->title);
			for (i = 0; i < c->nprojects; i++)
				cells[i + 1] = "";
			table_add(t, cells);
		}
		{
			char **own = xcalloc(ncols + 1, sizeof(*own));

			own[0] = xasprintf("  %s", text_get(&ph->title));
			for (i = 0; i < c->nprojects; i++)
				own[i + 1] = compare_cell_short(compare_cell(c, r, i));
			for (i = 0; i < ncols; i++)
				cells[i] = own[i];
			table_add(t, cells);
			for (i = 0; i < ncols; i++)
				free(own[i]);
			free(own);
		}
	}
	if (tsv)
		table_print_tsv(t, stdout);
	else
		table_print(t, stdout);
	table_free(t);
	free(cells);
}

static json_t *
compare_json(const struct compare *c)
{
	json_t *root = json_object(), *projects = json_array(), *phases = json_array();
	size_t r, i;

	for (i = 0; i < c->nprojects; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "id", json_integer(c->projects[i].id));
		json_object_set_new(o, "name", json_string(c->projects[i].name));
		json_array_append_new(projects, o);
	}
	for (r = 0; r < c->nphases; r++) {
		const struct phase *ph = c->phases[r];
		json_t *o = json_object(), *cells = json_array();

		json_object_set_new(o, "track", json_string(ph->track->id));
		json_object_set_new(o, "phase", json_string(ph->id));
		json_object_set_new(o, "title", json_string(text_get(&ph->title)));
		for (i = 0; i < c->nprojects; i++) {
			const struct compare_cell *cell = compare_cell(c, r, i);
			json_t *x = json_object();

			json_object_set_new(x, "project", json_integer(c->projects[i].id));
			json_object_set_new(x, "follows", json_boolean(cell->follows));
			json_object_set_new(x, "done", json_integer((json_int_t)cell->done));
			json_object_set_new(x, "applicable", json_integer((json_int_t)cell->applicable));
			json_object_set_new(x, "mark", cell->follows ?
			    json_string(step_mark_name(cell->mark)) : json_null());
			json_object_set_new(x, "step", cell->step ? json_string(cell->step->id) : json_null());
			json_object_set_new(x, "waits_on", cell->waits_on ?
			    json_string(cell->waits_on->id) : json_null());
			json_array_append_new(cells, x);
		}
		json_object_set_new(o, "projects", cells);
		json_array_append_new(phases, o);
	}
	json_object_set_new(root, "projects", projects);
	json_object_set_new(root, "phases", phases);
	return root;
}

static int
compare(struct cmd *self)
{
	enum out_format fmt;
	struct compare *c = NULL;
	struct project *p;
	struct action a;
	int64_t *ids;
	char *cause = NULL;
	size_t i, n = self->args.noperands;
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0 || (rc = cmd_action(self, false, &a)) != 0)
		return rc;
	ids = xcalloc(n + 1, sizeof(*ids));
	for (i = 0; i < n; i++) {
		if ((rc = cmd_project(self, &a, self->args.operands[i], &p)) != 0) {
			free(ids);
			return rc;
		}
		ids[i] = p->id;
		project_free(p);
	}
	rc = compare_projects(&a, ids, n, &c, &cause);
	free(ids);
	if (rc != 0)
		return cmd_fail(self, rc, cause);
	if (fmt == OUT_JSON) {
		json_t *root = compare_json(c);

		rc = cmd_print_json(root);
		json_decref(root);
	} else {
		compare_table(c, fmt == OUT_TSV);
	}
	compare_free(c);
	return rc;
}

static const struct args_option compare_options[] = {
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand compare_operands[] = {
	{ "P...", N_("the projects to compare: each its number or its exact name") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_compare_entry = {
	"compare", NULL, "P P... [--format text|tsv|json]",
	N_("projects side by side, phase by phase: steps done and what each waits on"),
	compare_options, compare_operands, 1, -1, compare, NULL
};
