/* SPDX-License-Identifier: EUPL-1.2 */
/* Projects side by side, phase by phase (compare.h). */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/compare.h"
#include "airejse/content.h"
#include "airejse/i18n.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"

/* Whether any of the n snapshots follows track tr. */
static bool
followed(struct snapshot **s, size_t n, const struct track *tr)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (progress_track(s[i]->progress, tr) != NULL)
			return true;
	return false;
}

/* The cell of one project's progress pr in phase ph. */
static void
fill_cell(const struct progress *pr, const struct phase *ph, struct compare_cell *cell)
{
	const struct content *c = pr->content;
	size_t k;

	cell->follows = progress_track(pr, ph->track) != NULL;
	if (!cell->follows)
		return;
	for (k = 0; k < ph->nsteps; k++) {
		const struct step_progress *sp = progress_step(pr, &ph->steps[k]);

		if (sp == NULL || sp->status == STEP_NOT_APPLICABLE)
			continue;
		cell->applicable++;
		if (sp->status == STEP_DONE) {
			cell->done++;
			continue;
		}
		if (cell->step != NULL)
			continue;
		cell->step = sp->step;
		cell->mark = progress_mark(sp);
		cell->waits_on = sp->step->owner;
		/* As the board says whom its next step waits on. */
		if (cell->mark == MARK_HANDOFF && sp->handoff != NULL)
			cell->waits_on = content_role(c, sp->handoff->role);
		else if (cell->mark == MARK_EARLIER && sp->waits_for != NULL)
			cell->waits_on = sp->waits_for->owner;
	}
	if (cell->step == NULL)
		cell->mark = cell->applicable > 0 ? MARK_DONE : MARK_NOT_APPLICABLE;
}

int
compare_projects(struct action *a, const int64_t *ids, size_t n, struct compare **out,
    char **cause)
{
	const struct content *ct = a->content;
	struct snapshot **s = xcalloc(n + 1, sizeof(*s));
	struct compare *c = xcalloc(1, sizeof(*c));
	size_t i, k, t, row;
	int status = 0;

	*out = NULL;
	c->projects = xcalloc(n + 1, sizeof(*c->projects));
	for (i = 0; i < n && status == 0; i++) {
		for (k = 0; k < i; k++)
			if (ids[k] == ids[i]) {
				*cause = xasprintf(_("the project '%s' is asked twice: name each project once"),
				    c->projects[k].name);
				status = EX_USAGE;
			}
		if (status == 0)
			status = action_snapshot(a, ids[i], &s[i], cause);
		if (status == 0) {
			c->projects[i].id = ids[i];
			c->projects[i].name = xstrdup(s[i]->project->name);
			c->nprojects++;
		}
	}
	if (status != 0)
		goto out;
	for (t = 0; t < ct->ntracks; t++)
		if (followed(s, n, ct->tracks[t]))
			c->nphases += ct->tracks[t]->nphases;
	c->phases = xcalloc(c->nphases + 1, sizeof(*c->phases));
	c->cells = xcalloc(c->nphases * n + 1, sizeof(*c->cells));
	row = 0;
	for (t = 0; t < ct->ntracks; t++) {
		const struct track *tr = ct->tracks[t];

		if (!followed(s, n, tr))
			continue;
		for (k = 0; k < tr->nphases; k++, row++) {
			c->phases[row] = &tr->phases[k];
			for (i = 0; i < n; i++)
				fill_cell(s[i]->progress, &tr->phases[k], &c->cells[row * n + i]);
		}
	}
out:
	for (i = 0; i < n; i++)
		if (s[i] != NULL)
			snapshot_free(s[i]);
	free(s);
	if (status != 0) {
		compare_free(c);
		return status;
	}
	*out = c;
	return 0;
}

void
compare_free(struct compare *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nprojects; i++)
		free(c->projects[i].name);
	free(c->projects);
	free(c->phases);
	free(c->cells);
	free(c);
}

const struct compare_cell *
compare_cell(const struct compare *c, size_t row, size_t col)
{
	return &c->cells[row * c->nprojects + col];
}

char *
compare_cell_short(const struct compare_cell *cell)
{
	if (!cell->follows)
		return xstrdup("—");
	if (cell->applicable == 0)
		return xstrdup(step_mark_symbol(MARK_NOT_APPLICABLE));
	if (cell->step == NULL)
		return xasprintf("%zu/%zu %s", cell->done, cell->applicable,
		    step_mark_symbol(MARK_DONE));
	return xasprintf("%zu/%zu %s %s", cell->done, cell->applicable,
	    step_mark_symbol(cell->mark), cell->waits_on ? text_get(&cell->waits_on->name) : "");
}

char *
compare_cell_text(const struct compare_cell *cell)
{
	struct strbuf sb = STRBUF_INIT;

	if (!cell->follows)
		return xstrdup(_("does not follow this track"));
	if (cell->applicable == 0)
		return xstrdup(_("no step of this phase applies"));
	sb_addf(&sb, P_("%zu of %zu step done", "%zu of %zu steps done", cell->applicable),
	    cell->done, cell->applicable);
	/* L10N: the step's title and owner and its mark in words ("in
	 * progress"); then, when another holds it, whom it waits on. */
	if (cell->step != NULL)
		sb_addf(&sb, _("; next %s (%s): %s"), text_get(&cell->step->title),
		    text_get(&cell->step->owner->name), step_mark_label(cell->mark));
	if (cell->step != NULL && cell->waits_on != NULL &&
	    (cell->mark == MARK_HANDOFF || cell->mark == MARK_EARLIER))
		sb_addf(&sb, _(" · waits on %s"), text_get(&cell->waits_on->name));
	return sb_detach(&sb);
}
