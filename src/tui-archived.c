/* SPDX-License-Identifier: EUPL-1.2 */
/* The archived projects, the projects screen's other view (A on one
 * opens the other): each with its tracks and when it was archived; one
 * can be brought back into use or, after asking, removed for good. The
 * same actions as 'airejse project list --archived', 'project restore'
 * and 'project purge'. */
#include <stdlib.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/strbuf.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

struct archived {
	struct project	*v;	/* the latest archived first */
	size_t		 n;
	struct tui_list	 list;
	int		 top;	/* the list's first row, as last drawn */
};

/* Each project takes two rows: its name and when it was archived, then
 * its tracks. */
#define ITEM_ROWS 2

static int
item_rows(void *arg, size_t i)
{
	return ITEM_ROWS;
}

static void
archived_reload(struct tui *t, void *state)
{
	struct archived *a = state;
	char *cause = NULL;

	projects_free(a->v, a->n);
	a->v = NULL;
	a->n = 0;
	if (action_projects_archived(t->act, &a->v, &a->n, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	}
	if (a->list.sel >= a->n)
		a->list.sel = a->n > 0 ? a->n - 1 : 0;
	a->list.n = a->n;
}

static void *
archived_open(struct tui *t, const void *arg)
{
	struct archived *a = xcalloc(1, sizeof(*a));

	a->list.rows = item_rows;
	a->list.whole = true;
	a->list.arg = a;
	archived_reload(t, a);
	return a;
}

static void
archived_close(struct tui *t, void *state)
{
	struct archived *a = state;

	projects_free(a->v, a->n);
	free(a);
}

/* The titles of a project's tracks, "Ny idé, Indkøb" (caller frees). */
static char *
tracks_text(const struct content *c, const struct project *pj)
{
	struct strbuf sb = STRBUF_INIT;
	size_t k;

	for (k = 0; k < pj->ntracks; k++) {
		const struct track *tr = content_track(c, pj->tracks[k]);

		sb_addf(&sb, "%s%s", k ? ", " : "", tr ? text_get(&tr->title) : pj->tracks[k]);
	}
	return sb_detach(&sb);
}

struct draw_ctx {
	struct tui	*t;
	struct archived	*a;
	int		 top, cols;
};

static void
draw_one(void *arg, size_t i, int y, int first, int rows, bool sel)
{
	struct draw_ctx *d = arg;
	const struct project *pj = &d->a->v[i];
	char when[17], *right, *tracks;
	int rw, row = d->top + y;

	if (first == 0) {
		clock_local(pj->archived, when);
		right = xasprintf(_("archived %s"), when);
		rw = utf8_width(right);
		tui_put(row, 0, d->cols, " ", sel ? ST_SELECTED : ST_NORMAL, true);
		tui_put(row, 1, d->cols - rw - 3, pj->name, sel ? ST_SELECTED : ST_HEADING, false);
		if (rw < d->cols - 4)
			tui_put(row, d->cols - rw - 1, rw, right, sel ? ST_SELECTED : ST_DIM, false);
		free(right);
		row++;
	}
	if (first + rows > 1) {
		tracks = tracks_text(d->t->content, pj);
		tui_put(row, 3, d->cols - 4, tracks, ST_NORMAL, false);
		free(tracks);
	}
	if (sel)
		tui_cursor(d->t, d->top + y, 0);
}

static void
archived_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct archived *a = state;
	struct draw_ctx d = { t, a, top, cols };

	tui_set_title(t, P_("Archived projects: %zu project", "Archived projects: %zu projects",
	    a->n), a->n);
	if (a->n == 0) {
		tui_wrap(top + 1, 2, cols - 4, rows - 1, 0,
		    _("No project is archived. Press A to go back to the projects in use."),
		    ST_DIM);
		return;
	}
	a->top = top;
	tui_list_resize(&a->list, a->n, rows);
	tui_list_each(&a->list, draw_one, &d);
}

static const struct project *
selected(struct archived *a)
{
	return a->list.sel < a->n ? &a->v[a->list.sel] : NULL;
}

static bool
purge_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct archived *a = arg;
	const struct project *pj = selected(a);
	char *cause = NULL, *name;

	if (pj == NULL)
		return true;
	name = xstrdup(pj->name);
	if (action_project_purge(t->act, pj->id, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	} else {
		tui_info(t, _("Project \"%s\" removed for good."), name);
	}
	free(name);
	tui_reload(t);
	return true;
}

static void
restore(struct tui *t, struct archived *a, const struct project *pj)
{
	char *cause = NULL, *name = xstrdup(pj->name);

	if (action_project_archive(t->act, pj->id, false, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	} else {
		tui_info(t, _("Project \"%s\" is back in use, in the list of projects."), name);
	}
	free(name);
	tui_reload(t);
}

static bool
archived_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct archived *a = state;
	const struct project *pj;
	char *q;

	if (req == REQ_ARCHIVED) {
		tui_pop(t);
		return true;
	}
	if (req == REQ_CLICK && a->n > 0) {
		tui_list_click(&a->list, t->click_y - a->top);
		return true;
	}
	if (req != REQ_RESTORE && req != REQ_DELETE)
		return tui_list_move(&a->list, req);
	if ((pj = selected(a)) == NULL)
		return true;
	if (req == REQ_RESTORE) {
		restore(t, a, pj);
		return true;
	}
	q = xasprintf(_("Remove the project \"%s\" for good, with all its answers, hand-offs and history? This cannot be undone."),
	    pj->name);
	tui_ask(t, DLG_CONFIRM, _("Remove for good"), q, NULL, purge_submit, a);
	free(q);
	return true;
}

static const struct tui_binding archived_keys[] = {
	{ REQ_RESTORE, { 'r' }, N_("Restore"), N_("bring the project back into use, into the list of projects") },
	{ REQ_DELETE, { 'd', FK(KEY_DC) }, N_("Remove"), N_("remove the project for good, with its answers, hand-offs and history (asks first)") },
	{ REQ_ARCHIVED, { 'A' }, N_("In use"), N_("back to the projects in use") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_archived_ops = {
	.kind = TUI_ARCHIVED,
	.name = "archived",
	.title = N_("Archived projects"),
	.keys = archived_keys,
	.open = archived_open,
	.draw = archived_draw,
	.key = archived_key,
	.reload = archived_reload,
	.close = archived_close,
};
