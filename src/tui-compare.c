/* SPDX-License-Identifier: EUPL-1.2 */
/* The comparison of chosen projects (marked with m on the projects
 * screen), phase by phase: the phases as rows, the projects as columns,
 * each cell the steps done and the mark and role of the first step not
 * done (compare.h, as 'airejse compare' prints it). The columns that do
 * not fit scroll sideways with the selected cell; below, the selected
 * cell in words. */
#include <stdlib.h>

#include "airejse/action.h"
#include "airejse/compare.h"
#include "airejse/content.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* A line of the list: a track's heading (row SIZE_MAX) or a phase. */
struct line {
	const struct track	*track;
	size_t			 row;	/* in compare's phases */
};

#define HEADING ((size_t)-1)

struct cmp {
	int64_t		*ids;
	size_t		 nids;
	struct compare	*c;
	struct line	*lines;
	size_t		 nlines;
	size_t		 col;	/* the selected project */
	size_t		 left;	/* the first project shown */
	struct tui_list	 list;
	int		 top;	/* the list's first row, as last drawn */
};

/* The least columns of the phases' titles, and the least and most of a
 * project's: four projects fit in 80 columns. */
#define LABEL_MIN 16
#define CELL_MIN 13
#define CELL_MAX 26

static bool
selectable(void *arg, size_t i)
{
	const struct cmp *m = arg;

	return m->lines[i].row != HEADING;
}

static void
cmp_reload(struct tui *t, void *state)
{
	struct cmp *m = state;
	const struct track *tr = NULL;
	char *cause = NULL;
	size_t r;

	compare_free(m->c);
	m->c = NULL;
	free(m->lines);
	m->lines = NULL;
	m->nlines = 0;
	if (compare_projects(t->act, m->ids, m->nids, &m->c, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		m->list.n = 0;
		return;
	}
	m->lines = xcalloc(2 * m->c->nphases + 1, sizeof(*m->lines));
	for (r = 0; r < m->c->nphases; r++) {
		if (m->c->phases[r]->track != tr) {
			tr = m->c->phases[r]->track;
			m->lines[m->nlines].track = tr;
			m->lines[m->nlines++].row = HEADING;
		}
		m->lines[m->nlines].track = tr;
		m->lines[m->nlines++].row = r;
	}
	if (m->col >= m->c->nprojects)
		m->col = 0;
	m->list.n = m->nlines;
}

static void *
cmp_open(struct tui *t, const void *arg)
{
	const struct tui_compare_arg *a = arg;
	struct cmp *m = xcalloc(1, sizeof(*m));

	m->ids = xcalloc(a->n + 1, sizeof(*m->ids));
	for (m->nids = 0; m->nids < a->n; m->nids++)
		m->ids[m->nids] = a->ids[m->nids];
	m->list.selectable = selectable;
	m->list.arg = m;
	cmp_reload(t, m);
	if (m->c == NULL) {
		free(m->ids);
		free(m);
		return NULL;
	}
	tui_list_select(&m->list, 0);
	return m;
}

static void
cmp_close(struct tui *t, void *state)
{
	struct cmp *m = state;

	compare_free(m->c);
	free(m->lines);
	free(m->ids);
	free(m);
}

/* The widths: the phases' titles in *label, each project in *cell, and
 * how many projects fit. */
static size_t
layout(const struct cmp *m, int cols, int *label, int *cell)
{
	size_t fit, n = m->c->nprojects;

	fit = (size_t)((cols - LABEL_MIN) / CELL_MIN);
	if (fit < 1)
		fit = 1;
	if (fit > n)
		fit = n;
	*cell = (cols - LABEL_MIN) / (int)fit;
	if (*cell > CELL_MAX)
		*cell = CELL_MAX;
	*label = cols - (int)fit * *cell;
	return fit;
}

static enum tui_style
cell_style(const struct compare_cell *cell)
{
	if (!cell->follows || cell->applicable == 0)
		return ST_DIM;
	switch (cell->mark) {
	case MARK_DONE:
		return ST_DONE;
	case MARK_HANDOFF:
	case MARK_EARLIER:
		return ST_BLOCKED;
	case MARK_IN_PROGRESS:
		return ST_PROGRESS;
	default:
		return ST_NORMAL;
	}
}

/* Writes s in a cell of width columns at (y, x), shortened with "…"
 * rather than cut in the middle of a character. */
static void
put_cell(int y, int x, int width, const char *s, enum tui_style st)
{
	char *cut = tui_shorten(s, width - 1);

	tui_put(y, x, width, cut, st, true);
	free(cut);
}

struct draw_ctx {
	struct tui	*t;
	struct cmp	*m;
	int		 top, cols, label, cell;
	size_t		 fit;
};

static void
draw_one(void *arg, size_t i, int y, int first, int rows, bool sel)
{
	struct draw_ctx *d = arg;
	const struct line *ln = &d->m->lines[i];
	int row = d->top + y;
	size_t k;

	if (ln->row == HEADING) {
		put_cell(row, 1, d->cols - 1, text_get(&ln->track->title), ST_HEADING);
		return;
	}
	put_cell(row, 0, d->label, "", sel ? ST_SELECTED : ST_NORMAL);
	put_cell(row, 2, d->label - 2, text_get(&d->m->c->phases[ln->row]->title),
	    sel ? ST_SELECTED : ST_NORMAL);
	for (k = 0; k < d->fit; k++) {
		size_t col = d->m->left + k;
		const struct compare_cell *cell = compare_cell(d->m->c, ln->row, col);
		char *s = compare_cell_short(cell);

		put_cell(row, d->label + (int)k * d->cell, d->cell, s,
		    sel && col == d->m->col ? ST_SELECTED : cell_style(cell));
		free(s);
	}
	if (sel)
		tui_cursor(d->t, row, d->label + (int)(d->m->col - d->m->left) * d->cell);
}

static void
cmp_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct cmp *m = state;
	struct draw_ctx d;
	const struct line *ln;
	size_t k;
	char *s, *what;

	if (m->c == NULL)
		return;
	d.fit = layout(m, cols, &d.label, &d.cell);
	/* The selected project in view. */
	if (m->col < m->left)
		m->left = m->col;
	if (m->col >= m->left + d.fit)
		m->left = m->col - d.fit + 1;
	if (d.fit < m->c->nprojects)
		tui_set_title(t, _("Comparison: projects %zu–%zu of %zu (h and l move sideways)"),
		    m->left + 1, m->left + d.fit, m->c->nprojects);
	else
		tui_set_title(t, P_("Comparison: %zu project", "Comparison: %zu projects",
		    m->c->nprojects), m->c->nprojects);
	put_cell(top, 0, d.label, _("Phase"), ST_DIM);
	for (k = 0; k < d.fit; k++)
		put_cell(top, d.label + (int)k * d.cell, d.cell, m->c->projects[m->left + k].name,
		    m->left + k == m->col ? ST_HEADING : ST_DIM);
	d.t = t;
	d.m = m;
	d.top = m->top = top + 1;
	d.cols = cols;
	tui_list_resize(&m->list, m->nlines, rows - 5);
	tui_list_each(&m->list, draw_one, &d);
	/* The selected cell in words. */
	ln = m->list.sel < m->nlines ? &m->lines[m->list.sel] : NULL;
	if (ln == NULL || ln->row == HEADING)
		return;
	tui_clear(top + rows - 4, 0, cols, ST_DIM);
	what = compare_cell_text(compare_cell(m->c, ln->row, m->col));
	s = xasprintf("%s · %s: %s", m->c->projects[m->col].name,
	    text_get(&m->c->phases[ln->row]->title), what);
	tui_wrap(top + rows - 3, 1, cols - 2, 3, 0, s, ST_NORMAL);
	free(s);
	free(what);
}

static bool
cmp_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct cmp *m = state;
	const struct line *ln;

	if (m->c == NULL)
		return false;
	switch (req) {
	case REQ_LEFT:
		if (m->col > 0)
			m->col--;
		return true;
	case REQ_RIGHT:
		if (m->col + 1 < m->c->nprojects)
			m->col++;
		return true;
	case REQ_ENTER: {
		struct tui_journey_arg ja = { 0 };
		const struct compare_cell *cell;

		ln = m->list.sel < m->nlines ? &m->lines[m->list.sel] : NULL;
		if (ln == NULL || ln->row == HEADING)
			return true;
		cell = compare_cell(m->c, ln->row, m->col);
		if (!cell->follows) {
			tui_info(t, _("This project does not follow the track."));
			return true;
		}
		ja.project = m->c->projects[m->col].id;
		if (cell->step != NULL) {
			ja.track = ln->track->id;
			ja.step = cell->step->id;
		}
		tui_open(t, TUI_JOURNEY, &ja);
		return true;
	}
	case REQ_CLICK:
		tui_list_click(&m->list, t->click_y - m->top);
		return true;
	default:
		return tui_list_move(&m->list, req);
	}
}

static const struct tui_binding cmp_keys[] = {
	{ REQ_ENTER, { '\r', '\n', FK(KEY_ENTER) }, N_("Open"), N_("the selected project's journey, at the phase's first step not done") },
	{ REQ_LEFT, { 'h', FK(KEY_LEFT) }, NULL, N_("the project to the left") },
	{ REQ_RIGHT, { 'l', FK(KEY_RIGHT) }, NULL, N_("the project to the right") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_compare_ops = {
	.kind = TUI_COMPARE,
	.name = "compare",
	.title = N_("Comparison"),
	.keys = cmp_keys,
	.open = cmp_open,
	.draw = cmp_draw,
	.key = cmp_key,
	.reload = cmp_reload,
	.close = cmp_close,
};
