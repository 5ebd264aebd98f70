/* SPDX-License-Identifier: EUPL-1.2 */
/* Projects: every project with its tracks, a progress bar per track, the
 * open hand-offs and the last change; new, open, rename, archive, sort and
 * filter. An empty database shows a welcome that says what to do first. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/progress.h"
#include "airejse/strbuf.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

enum sort {
	SORT_CHANGED,	/* the last changed first */
	SORT_NAME,
	SORT_PROGRESS,	/* the least done first */
	SORT_STUCK,	/* overdue first, then waiting longest */
	SORT__COUNT
};

/* Which projects the board shows besides the name filter. */
enum view {
	VIEW_ALL,
	VIEW_STUCK,	/* see stuck() */
	VIEW_ROLE,	/* the next step waits on a role */
	VIEW_TRACK	/* following a track */
};

/* A project is stuck after this many days without a change. */
#define IDLE_DAYS 14

/* What the list shows of a project's progress is its brief (progress.h):
 * worked out when the project first comes into view (or the list is
 * sorted by progress), so the screen opens as fast on a thousand
 * projects as on two, and only these few numbers stay in memory; the
 * action layer keeps them while the store does not change (action.h). */

/* Unfiltered and in the order of the last change, as the screen opens,
 * the list is read a page at a time, the pages the screen shows: the
 * first screen costs the same on a thousand projects as on two. A page
 * is as many projects as a screen can show (each takes two lines at
 * least), so the first screen reads one page and no more. */
static size_t
page_size(void)
{
	return LINES > 18 ? (size_t)(LINES - 2) / 2 : 8;
}

struct projects {
	/* Every project, by id; or, while lazy, by place in the order of
	 * the last change, each read with its page (id 0 until then). */
	struct project	 *all;
	size_t		  nall;
	bool		  lazy;
	/* A project read since the list was has another last change: the
	 * store's order is no longer the list's, so no page is read by
	 * place any more (arrange reads them all). */
	bool		  moved;
	struct progress_brief **sums;	/* per project of all; NULL until needed */
	size_t		 *shown;	/* indexes into all: filtered and sorted */
	size_t		  n;
	enum sort	  sort;
	char		 *filter;	/* folded, or NULL */
	enum view	  view;
	const struct role *role;	/* VIEW_ROLE */
	const struct track *track;	/* VIEW_TRACK */
	struct tui_list	  list;		/* over shown */
	struct tui	 *t;
	int64_t		  keep;		/* the project to select after a reload */
	int64_t		 *marked;	/* to compare (m), in the order marked */
	size_t		  nmarked;
	int		  top;		/* the list's first row, as last drawn */
	/* The project a rename or archive dialog was opened for, and its
	 * name then: the dialog acts on it even if another user's change
	 * reloads the list under the dialog and the selection moves. */
	int64_t		  asked;
	char		 *asked_name;
};

/* Whether the project a dialog was opened for is still in use (not
 * archived or removed since, by another user). */
static bool
asked_in_use(struct tui *t, const struct projects *p)
{
	struct project *pj = NULL;
	char key[24], *cause = NULL;
	bool in_use;

	snprintf(key, sizeof(key), "%lld", (long long)p->asked);
	in_use = action_project_find(t->act, key, &pj, &cause) == 0 && pj->archived == 0;
	project_free(pj);
	free(cause);
	return in_use;
}

static void
ask_about(struct projects *p, const struct project *pj)
{
	free(p->asked_name);
	p->asked = pj != NULL ? pj->id : 0;
	p->asked_name = pj != NULL ? xstrdup(pj->name) : NULL;
}

static void
free_all(struct projects *p)
{
	size_t i;

	for (i = 0; i < p->nall; i++) {
		progress_brief_free(p->sums[i]);
		if (p->all[i].id != 0)
			project_clear(&p->all[i]);
	}
	xfree(p->all);
	xfree(p->sums);
	xfree(p->shown);
	p->nall = p->n = 0;
}

static void arrange(struct tui *, struct projects *);

/* The brief of all[i] kept in memory, when it still holds: nothing more
 * to read for the project to be shown. */
static void
keep_kept(struct tui *t, struct projects *p, size_t i)
{
	if (p->sums[i] == NULL)
		p->sums[i] = action_brief_kept(t->act, &p->all[i]);
}

/* Puts page v (n projects from place from) where the list lacks them. */
static void
place_page(struct tui *t, struct projects *p, size_t from, struct project *v, size_t n)
{
	size_t k;

	for (k = 0; k < n && from + k < p->nall; k++)
		if (p->all[from + k].id == 0) {
			p->all[from + k] = v[k];
			memset(&v[k], 0, sizeof(v[k]));
			keep_kept(t, p, from + k);
		}
	projects_free(v, n);
}

/* Reads the page of the lazy list that holds place i. */
static void
read_page(struct tui *t, struct projects *p, size_t i)
{
	struct project *v;
	size_t n, page = page_size(), from = i / page * page;
	char *cause = NULL;

	if (action_projects_page(t->act, from, page, &v, &n, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	place_page(t, p, from, v, n);
}

/* The project shown at place i, read with its page if it is not yet;
 * NULL when it cannot be read. */
static const struct project *
item(struct tui *t, struct projects *p, size_t i)
{
	if (i < p->n && p->lazy && p->all[p->shown[i]].id == 0) {
		if (p->moved) {
			/* Every project, in the same order: the selected one
			 * keeps its place, read yet or not. */
			size_t sel = p->list.sel;

			arrange(t, p);
			if (sel < p->n)
				p->list.sel = sel;
		} else {
			read_page(t, p, i);
		}
	}
	if (i >= p->n || p->all[p->shown[i]].id == 0)
		return NULL;
	return &p->all[p->shown[i]];
}

/* Notes what a read of all[i] found: see moved. */
static void
note_read(struct projects *p, size_t i, const struct project *now)
{
	if (now->changed != p->all[i].changed)
		p->moved = true;
}

/* Briefs being read for the projects at indexes idx of all. */
struct some {
	struct projects	*p;
	const size_t	*idx;
	size_t		 n;
};

static int
some_one(const struct project *pj, const struct progress_brief *b, void *arg)
{
	struct some *f = arg;
	struct projects *p = f->p;
	size_t i, k;

	for (i = 0; i < f->n; i++) {
		k = f->idx[i];
		if (p->all[k].id == pj->id && p->sums[k] == NULL) {
			p->sums[k] = progress_brief_copy(b);
			note_read(p, k, pj);
			break;
		}
	}
	return 0;
}

/* Reads the briefs of the n projects at indexes idx of all together; one
 * the store no longer has gets an empty one. */
static void
read_briefs(struct tui *t, struct projects *p, const size_t *idx, size_t n)
{
	struct some f = { p, idx, n };
	int64_t *ids = xcalloc(n + 1, sizeof(*ids));
	char *cause = NULL;
	size_t i, nids = 0;

	for (i = 0; i < n; i++)
		if (p->all[idx[i]].id != 0 && p->sums[idx[i]] == NULL)
			ids[nids++] = p->all[idx[i]].id;
	if (nids > 0 && action_briefs(t->act, ids, nids, some_one, &f, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	}
	for (i = 0; i < n; i++)
		if (p->all[idx[i]].id != 0 && p->sums[idx[i]] == NULL)
			p->sums[idx[i]] = xcalloc(1, sizeof(*p->sums[idx[i]]));
	free(ids);
}

/* The briefs the projects shown from place from to place to lack. */
static void
summaries_some(struct tui *t, struct projects *p, size_t from, size_t to)
{
	read_briefs(t, p, p->shown + from, to - from);
}

/* The brief of all[i], read now if it is not yet. */
static const struct progress_brief *
summary(struct tui *t, struct projects *p, size_t i)
{
	if (p->sums[i] == NULL)
		read_briefs(t, p, &i, 1);
	return p->sums[i];
}

struct fill {
	struct projects	*p;
	size_t		 at;	/* in all, which is by id as action_briefs */
};

static int
fill_one(const struct project *pj, const struct progress_brief *b, void *arg)
{
	struct fill *f = arg;
	struct projects *p = f->p;

	while (f->at < p->nall && p->all[f->at].id < pj->id)
		f->at++;
	if (f->at < p->nall && p->all[f->at].id == pj->id && p->sums[f->at] == NULL)
		p->sums[f->at] = progress_brief_copy(b);
	return 0;
}

/* When most projects shown have no brief yet: every brief, in one call
 * rather than one each (any it does not find is read on its own
 * afterwards). */
static void
summaries_all(struct tui *t, struct projects *p)
{
	struct fill f = { p, 0 };
	char *cause = NULL;
	size_t i, missing = 0;

	for (i = 0; i < p->n; i++)
		missing += p->sums[p->shown[i]] == NULL;
	if (missing < 2 || missing < p->nall / 2)
		return;
	if (action_briefs(t->act, NULL, 0, fill_one, &f, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	}
}

/* Steps done over all tracks, as a fraction (for sorting). */
static double
done_part(const struct progress_brief *s)
{
	size_t i, done = 0, all = 0;

	for (i = 0; i < s->ntracks; i++) {
		done += s->tracks[i].done;
		all += s->tracks[i].applicable;
	}
	return all ? (double)done / (double)all : 0;
}

/* Whether the brief's first due hand-off is overdue today. */
static bool
overdue(const struct progress_brief *b, const char *today)
{
	return b->first_due[0] != '\0' && strcmp(b->first_due, today) < 0;
}

static const struct projects *sort_p;
static enum sort sort_by;
static char sort_today[11];

/* Stuck first: an overdue hand-off (the longest overdue first), then an
 * open hand-off (the one raised longest ago first), then the project
 * unchanged longest. */
static int
compare_stuck(const struct project *x, const struct progress_brief *bx,
    const struct project *y, const struct progress_brief *by)
{
	bool ox = overdue(bx, sort_today), oy = overdue(by, sort_today);

	if (ox != oy)
		return ox ? -1 : 1;
	if (ox)
		return strcmp(bx->first_due, by->first_due);
	if ((bx->first_raised != 0) != (by->first_raised != 0))
		return bx->first_raised != 0 ? -1 : 1;
	if (bx->first_raised != by->first_raised)
		return bx->first_raised < by->first_raised ? -1 : 1;
	if (x->changed != y->changed)
		return x->changed < y->changed ? -1 : 1;
	return 0;
}

static int
compare(const void *a, const void *b)
{
	size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
	const struct project *x = &sort_p->all[ia], *y = &sort_p->all[ib];
	double dx, dy;

	switch (sort_by) {
	case SORT_NAME:
		return strcoll(x->name, y->name);
	case SORT_PROGRESS:
		dx = done_part(sort_p->sums[ia]);
		dy = done_part(sort_p->sums[ib]);
		if (dx != dy)
			return dx < dy ? -1 : 1;
		break;
	case SORT_STUCK: {
		int c = compare_stuck(x, sort_p->sums[ia], y, sort_p->sums[ib]);

		if (c != 0)
			return c;
		break;
	}
	default:
		if (x->changed != y->changed)
			return x->changed > y->changed ? -1 : 1;
		break;
	}
	return x->id < y->id ? -1 : x->id > y->id;
}

static long days_since(int64_t t);

/* Stuck: a hand-off overdue or open, the next step held by another
 * role's hand-off or an earlier step, or no change for IDLE_DAYS. */
static bool
stuck(const struct project *pj, const struct progress_brief *b, const char *today)
{
	return overdue(b, today) || b->nopen_handoffs > 0 ||
	    (b->next != NULL && (b->next_mark == MARK_HANDOFF || b->next_mark == MARK_EARLIER)) ||
	    days_since(pj->changed) >= IDLE_DAYS;
}

static bool
in_view(const struct projects *p, size_t i, const char *today)
{
	const struct project *pj = &p->all[i];
	const struct progress_brief *b = p->sums[i];
	size_t k;

	switch (p->view) {
	case VIEW_STUCK:
		return b != NULL && stuck(pj, b, today);
	case VIEW_ROLE:
		return b != NULL && b->waits_on == p->role;
	case VIEW_TRACK:
		for (k = 0; k < pj->ntracks; k++)
			if (strcmp(pj->tracks[k], p->track->id) == 0)
				return true;
		return false;
	default:
		return true;
	}
}

static bool
passes(const struct projects *p, size_t i, const char *today)
{
	const struct project *pj = &p->all[i];
	char *f;
	bool ok;

	if (!in_view(p, i, today))
		return false;
	if (p->filter == NULL)
		return true;
	f = utf8_fold(pj->name);
	ok = f != NULL && strstr(f, p->filter) != NULL;
	free(f);
	return ok;
}

static int
cmp_id(const void *a, const void *b)
{
	const struct project *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* Turns the lazy list into one of every project, by id, keeping what was
 * read: the summaries, and the last change as listed, so that a project
 * that moved in the store since keeps its place (as the whole list,
 * read at once, keeps it until a reload). */
static bool
read_all(struct tui *t, struct projects *p)
{
	struct project *v, *q;
	struct progress_brief **sums;
	char *cause = NULL;
	size_t n, i;

	if (action_projects(t->act, &v, &n, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	sums = xcalloc(n + 1, sizeof(*sums));
	for (i = 0; i < p->nall; i++) {
		if (p->all[i].id == 0 ||
		    (q = bsearch(&p->all[i], v, n, sizeof(*v), cmp_id)) == NULL)
			continue;
		q->changed = p->all[i].changed;
		sums[q - v] = p->sums[i];
		p->sums[i] = NULL;
	}
	if (p->n > 0 && p->keep == 0)
		p->keep = p->all[p->shown[p->list.sel]].id;
	free_all(p);
	p->all = v;
	p->nall = n;
	p->sums = sums;
	for (i = 0; i < n; i++)
		keep_kept(t, p, i);
	p->shown = xcalloc(n + 1, sizeof(*p->shown));
	p->lazy = p->moved = false;
	return true;
}

/* Filters and sorts, keeping the selected project selected; a lazy list
 * is read whole for it. */
static void
arrange(struct tui *t, struct projects *p)
{
	size_t i;

	if (p->lazy && !read_all(t, p))
		return;
	if (p->n > 0 && p->keep == 0)
		p->keep = p->all[p->shown[p->list.sel]].id;
	clock_today(sort_today);
	/* Stuck and by role need every project's brief. */
	if (p->view == VIEW_STUCK || p->view == VIEW_ROLE) {
		for (i = 0; i < p->nall; i++)
			p->shown[i] = i;
		p->n = p->nall;
		summaries_all(t, p);
		for (i = 0; i < p->nall; i++)
			summary(t, p, i);
	}
	p->n = 0;
	for (i = 0; i < p->nall; i++)
		if (passes(p, i, sort_today))
			p->shown[p->n++] = i;
	/* Sorting by progress or by stuck needs every project's. */
	if (p->sort == SORT_PROGRESS || p->sort == SORT_STUCK) {
		summaries_all(t, p);
		for (i = 0; i < p->n; i++)
			summary(t, p, p->shown[i]);
	}
	sort_p = p;
	sort_by = p->sort;
	if (p->n > 1)
		qsort(p->shown, p->n, sizeof(*p->shown), compare);
	p->list.n = p->n;
	p->list.sel = 0;
	for (i = 0; i < p->n; i++)
		if (p->all[p->shown[i]].id == p->keep)
			p->list.sel = i;
	p->keep = 0;
	tui_list_fit(&p->list);
}

/* The list as the screen opens: how many projects there are, and the
 * page of the one to select; the others are read as they are shown. */
static void
read_lazy(struct tui *t, struct projects *p)
{
	struct project *v;
	char *cause = NULL;
	size_t n, i, rank, from, nv;

	if (action_projects_first(t->act, p->keep, page_size(), &n, &rank, &from, &v, &nv,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	p->lazy = true;
	p->moved = false;
	p->all = xcalloc(n + 1, sizeof(*p->all));
	p->nall = p->n = n;
	p->sums = xcalloc(n + 1, sizeof(*p->sums));
	p->shown = xcalloc(n + 1, sizeof(*p->shown));
	for (i = 0; i < n; i++)
		p->shown[i] = i;
	place_page(t, p, from, v, nv);
	p->list.n = n;
	p->list.sel = rank;
	p->keep = 0;
	tui_list_fit(&p->list);
}

static void
projects_reload(struct tui *t, void *state)
{
	struct projects *p = state;
	const struct project *pj;
	struct project *v = NULL;
	size_t n = 0, i;
	char *cause = NULL;

	if (p->n > 0 && p->keep == 0 && (pj = item(t, p, p->list.sel)) != NULL)
		p->keep = pj->id;
	free_all(p);
	if (p->sort == SORT_CHANGED && p->filter == NULL && p->view == VIEW_ALL) {
		read_lazy(t, p);
		return;
	}
	if (action_projects(t->act, &v, &n, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	p->lazy = false;
	p->all = v;
	p->nall = n;
	p->sums = xcalloc(n + 1, sizeof(*p->sums));
	p->shown = xcalloc(n + 1, sizeof(*p->shown));
	for (i = 0; i < n; i++)
		keep_kept(t, p, i);
	arrange(t, p);
}

static int item_rows(struct tui *, struct projects *, size_t);

static int
list_rows(void *arg, size_t i)
{
	struct projects *p = arg;

	return item_rows(p->t, p, i);
}

static void *
projects_open(struct tui *t, const void *arg)
{
	struct projects *p = xcalloc(1, sizeof(*p));

	p->t = t;
	p->list.rows = list_rows;
	p->list.whole = true;
	p->list.arg = p;
	projects_reload(t, p);
	return p;
}

static void
projects_close(struct tui *t, void *state)
{
	struct projects *p = state;

	free_all(p);
	free(p->filter);
	free(p->marked);
	free(p->asked_name);
	free(p);
}

/* The rows the item at place i takes: its name, the board's line (the
 * next step, whom it waits on, the questions answered, the days since
 * the last change), and a row per track the content has. */
static int
item_rows(struct tui *t, struct projects *p, size_t i)
{
	const struct project *pj = item(t, p, i);
	size_t k;
	int n = 2;

	for (k = 0; pj != NULL && k < pj->ntracks; k++)
		n += content_track(t->content, pj->tracks[k]) != NULL;
	return n;
}

static void
draw_welcome(struct tui *t, int top, int rows, int cols)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	sb_add(&sb, _("Welcome to airejse. It guides your team from a clinical need to an AI product that is procured, validated and in use, one step at a time.\n\n"
	    "There are no projects yet. Press n to make the first one: give it a name and choose the tracks it follows:\n"));
	for (i = 0; i < t->content->ntracks; i++)
		sb_addf(&sb, "\n  %s: %s\n", text_get(&t->content->tracks[i]->title),
		    text_get(&t->content->tracks[i]->summary));
	sb_add(&sb, _("\nPress ? for the keys of any screen, q to go back or leave."));
	tui_wrap(top + 1, 2, cols - 4, rows - 1, 0, sb_str(&sb), ST_NORMAL);
	sb_free(&sb);
	tui_cursor(t, top + 1, 2);
}

/* The columns a project's name keeps before what is on its right. */
#define NAME_ROOM 24

/* The hand-offs in words: the one overdue ("Lawyer overdue since
 * 20.11.2026"), else how many are open; NULL with none. */
static char *
handoffs_words(const struct progress_brief *b, const char *today)
{
	char *s, *d;

	if (overdue(b, today) && b->first_due_role != NULL) {
		d = value_format_date(b->first_due, i18n_lang());
		s = xasprintf(_("%s: overdue since %s"), text_get(&b->first_due_role->name), d);
		free(d);
		return s;
	}
	if (b->nopen_handoffs == 0)
		return NULL;
	return xasprintf(P_("%zu open hand-off", "%zu open hand-offs", b->nopen_handoffs),
	    b->nopen_handoffs);
}

/* Whole days from t to now. */
static long
days_since(int64_t t)
{
	int64_t d = (clock_now() - t) / 86400;

	return d > 0 ? (long)d : 0;
}

/* The board's line: "Next: Make an agreement (Lawyer) · waits on
 * Clinician · 15/40 answered · 12 days unchanged" (questions answered
 * of those that apply). */
static char *
board_line(const struct project *pj, const struct progress_brief *b)
{
	struct strbuf sb = STRBUF_INIT;
	long days = days_since(pj->changed);

	if (b->next == NULL)
		sb_add(&sb, _("Every step done"));
	else
		sb_addf(&sb, _("Next: %s (%s)"), text_get(&b->next->title),
		    text_get(&b->next->owner->name));
	/* Held by another role's hand-off or an earlier step. */
	if (b->next != NULL && b->waits_on != NULL &&
	    (b->next_mark == MARK_HANDOFF || b->next_mark == MARK_EARLIER))
		sb_addf(&sb, _(" · waits on %s"), text_get(&b->waits_on->name));
	sb_add(&sb, " · ");
	sb_addf(&sb, P_("%zu/%zu answered", "%zu/%zu answered", b->nquestions),
	    b->nanswered, b->nquestions);
	sb_add(&sb, " · ");
	if (days == 0)
		sb_add(&sb, _("changed today"));
	else
		sb_addf(&sb, P_("%ld day unchanged", "%ld days unchanged", days), days);
	return sb_detach(&sb);
}

/* Draws rows [first, first + rows) of a project's item from row y. */
static void
draw_item(struct tui *t, const struct project *pj, const struct progress_brief *sum, int y,
    int first, int rows, int cols, bool sel, bool marked)
{
	char when[17], today[11], *right, *open, *line;
	int rw, tw, r;
	size_t i;

	clock_today(today);
	if (first == 0) {
		clock_local(pj->changed, when);
		/* On the right the hand-offs (the one overdue, in words)
		 * and the last change, as much of it as leaves the name room
		 * (the hand-offs matter more); the name has the rest. */
		open = handoffs_words(sum, today);
		right = open ? xasprintf("%s  %s", open, when) : xstrdup(when);
		if (utf8_width(right) > cols - NAME_ROOM && open != NULL) {
			free(right);
			right = open;
			open = NULL;
		}
		rw = utf8_width(right);
		if (rw > cols - NAME_ROOM)
			rw = -2;
		tui_put(y, 0, cols, marked ? "*" : " ", sel ? ST_SELECTED : ST_NORMAL, true);
		tui_put(y, 1, cols - rw - 3, pj->name, sel ? ST_SELECTED : ST_HEADING, false);
		if (rw > 0)
			tui_put(y, cols - rw - 1, rw, right, sel ? ST_SELECTED :
			    overdue(sum, today) ? ST_ERROR :
			    sum->nopen_handoffs ? ST_BLOCKED : ST_DIM, false);
		free(right);
		free(open);
	}
	if (first <= 1 && first + rows > 1) {
		line = board_line(pj, sum);
		tui_put(y + 1 - first, 3, cols - 4, line, ST_NORMAL, false);
		free(line);
	}
	tw = cols / 2 - 4;
	for (i = 0, r = 2; i < sum->ntracks && r < first + rows; i++, r++) {
		const struct brief_track *ts = &sum->tracks[i];

		if (r < first)
			continue;
		tui_put(y + r - first, 3, tw, text_get(&ts->track->title), ST_NORMAL, false);
		tui_progress(y + r - first, 4 + tw, cols - tw - 5, ts->done, ts->applicable);
	}
}

/* The place of id among the marked projects; nmarked when it is not. */
static size_t
is_marked(const struct projects *p, int64_t id)
{
	size_t i;

	for (i = 0; i < p->nmarked && p->marked[i] != id; i++)
		;
	return i;
}

/* m: marks the selected project to compare, or unmarks it. */
static void
toggle_mark(struct tui *t, struct projects *p, const struct project *pj)
{
	size_t i = is_marked(p, pj->id);

	if (i < p->nmarked) {
		memmove(&p->marked[i], &p->marked[i + 1], (p->nmarked - i - 1) * sizeof(*p->marked));
		p->nmarked--;
	} else {
		p->marked = xreallocarray(p->marked, p->nmarked + 1, sizeof(*p->marked));
		p->marked[p->nmarked++] = pj->id;
	}
	tui_info(t, P_("%zu project marked: mark another with m, then press c to compare them.",
	    "%zu projects marked: press c to compare them, m marks or unmarks another.",
	    p->nmarked), p->nmarked);
}

static void
open_compare(struct tui *t, struct projects *p)
{
	struct tui_compare_arg ca;

	if (p->nmarked < 2) {
		tui_error(t, _("Mark two or more projects with m, then press c to compare them."));
		return;
	}
	ca.ids = p->marked;
	ca.n = p->nmarked;
	tui_open(t, TUI_COMPARE, &ca);
}

struct draw_ctx {
	struct tui	*t;
	struct projects	*p;
	int		 top, cols;
};

static void
draw_one(void *arg, size_t i, int y, int first, int rows, bool sel)
{
	struct draw_ctx *d = arg;
	const struct project *pj = item(d->t, d->p, i);

	if (pj != NULL)
		draw_item(d->t, pj, summary(d->t, d->p, d->p->shown[i]), d->top + y, first,
		    rows, d->cols, sel, is_marked(d->p, pj->id) < d->p->nmarked);
	if (sel)
		tui_cursor(d->t, d->top + y, 0);
}

static void
projects_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct projects *p = state;
	struct draw_ctx d;
	int y;
	size_t i;

	if (p->view != VIEW_ALL) {
		char *v = p->view == VIEW_STUCK ? xstrdup(_("stuck")) :
		    p->view == VIEW_ROLE ? xasprintf(_("waiting on %s"), text_get(&p->role->name)) :
		    xasprintf(_("following %s"), text_get(&p->track->title));

		if (p->filter)
			tui_set_title(t, _("Projects: %zu of %zu, %s, names containing \"%s\""),
			    p->n, p->nall, v, p->filter);
		else
			tui_set_title(t, _("Projects: %zu of %zu, %s"), p->n, p->nall, v);
		free(v);
	} else if (p->filter)
		tui_set_title(t, _("Projects: %zu of %zu, names containing \"%s\""),
		    p->n, p->nall, p->filter);
	else
		tui_set_title(t, P_("Projects: %zu project", "Projects: %zu projects", p->n), p->n);
	if (p->nall == 0) {
		draw_welcome(t, top, rows, cols);
		return;
	}
	if (p->n == 0) {
		tui_put(top + 1, 2, cols - 2, p->view != VIEW_ALL ?
		    _("No project matches. Press Esc to show every project, f to choose others.") :
		    _("No project matches. Press / to change the filter."), ST_DIM, false);
		return;
	}
	p->top = top;
	tui_list_resize(&p->list, p->n, rows);
	/* The briefs of the items shown, read together. */
	for (y = -p->list.skip, i = p->list.top; i < p->n && y < rows; i++)
		y += item_rows(t, p, i);
	summaries_some(t, p, p->list.top, i);
	d.t = t;
	d.p = p;
	d.top = top;
	d.cols = cols;
	tui_list_each(&p->list, draw_one, &d);
}

/* The project under the cursor, or NULL. */
static const struct project *
selected(struct tui *t, struct projects *p)
{
	return item(t, p, p->list.sel);
}

/* New project: the name, then the tracks. */
struct new_project {
	struct projects	*p;
	char		*name;
};

static void
new_done(struct tui *t, void *arg)
{
	struct new_project *np = arg;

	free(np->name);
	free(np);
}

static bool
new_tracks(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct new_project *np = arg;
	struct tui_journey_arg ja = { 0 };
	char **ids = xcalloc(t->content->ntracks + 1, sizeof(*ids));
	char *cause = NULL;
	size_t i, n = 0;
	int64_t id;
	int rc;

	for (i = 0; i < t->content->ntracks; i++)
		if (checked[i])
			ids[n++] = t->content->tracks[i]->id;
	if (n == 0) {
		free(ids);
		tui_error(t, _("choose at least one track: move to it and press Space"));
		return false;
	}
	rc = action_project_new(t->act, np->name, ids, n, &id, &cause);
	free(ids);
	if (rc != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	np->p->keep = id;
	projects_reload(t, np->p);
	tui_info(t, _("Project \"%s\" made."), np->name);
	ja.project = id;
	tui_dialog_close(t);
	tui_open(t, TUI_JOURNEY, &ja);
	return false;	/* already closed */
}

static bool
new_name(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct projects *p = arg;
	struct tui_dialog d = { 0 };
	struct new_project *np;
	const char **labels, **details;
	char *clean = NULL, *cause = NULL;
	size_t i, n = t->content->ntracks;

	if (action_check_name(text, &clean, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	np = xcalloc(1, sizeof(*np));
	np->p = p;
	np->name = clean;
	labels = xcalloc(n + 1, sizeof(*labels));
	details = xcalloc(n + 1, sizeof(*details));
	for (i = 0; i < n; i++) {
		labels[i] = text_get(&t->content->tracks[i]->title);
		details[i] = text_get(&t->content->tracks[i]->summary);
	}
	d.kind = DLG_MULTI;
	d.title = _("New project");
	d.prompt = _("Which tracks does the project follow? Tick one or more with Space.");
	d.options = labels;
	d.details = details;
	d.noptions = n;
	d.submit = new_tracks;
	d.done = new_done;
	d.arg = np;
	tui_dialog_open(t, &d);		/* closes this one */
	free(labels);
	free(details);
	return false;
}

static bool
rename_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct projects *p = arg;
	char *cause = NULL;

	if (p->asked == 0)
		return true;
	if (action_project_rename(t->act, p->asked, text, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		/* A name to correct keeps the dialog open; a project gone
		 * meanwhile closes it. */
		return !asked_in_use(t, p);
	}
	tui_info(t, _("Renamed."));
	projects_reload(t, p);
	return true;
}

static bool
delete_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct projects *p = arg;
	char *cause = NULL;

	if (p->asked == 0)
		return true;
	if (action_project_archive(t->act, p->asked, true, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	} else {
		tui_info(t, _("Project \"%s\" archived: A shows the archived projects, to bring it back."),
		    p->asked_name);
	}
	projects_reload(t, p);
	return true;
}

static bool
filter_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct projects *p = arg;
	char *trimmed = utf8_trim(text);

	free(p->filter);
	p->filter = *trimmed ? utf8_fold(trimmed) : NULL;
	free(trimmed);
	arrange(t, p);
	return true;
}

/* f: the projects shown: all, the stuck ones, those waiting on a role,
 * those following a track; the choices in that order. */
static bool
view_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct projects *p = arg;
	const struct content *c = t->content;

	p->view = VIEW_ALL;
	if (choice == 1) {
		p->view = VIEW_STUCK;
	} else if (choice >= 2 && choice < 2 + c->nroles) {
		p->view = VIEW_ROLE;
		p->role = c->roles[choice - 2];
	} else if (choice >= 2 + c->nroles && choice < 2 + c->nroles + c->ntracks) {
		p->view = VIEW_TRACK;
		p->track = c->tracks[choice - 2 - c->nroles];
	}
	projects_reload(t, p);
	return true;
}

static void
open_view_dialog(struct tui *t, struct projects *p)
{
	const struct content *c = t->content;
	size_t n = 2 + c->nroles + c->ntracks, i, k = 0, sel = 0;
	const char **opts = xcalloc(n + 1, sizeof(*opts));
	char **own = xcalloc(n + 1, sizeof(*own));
	struct tui_dialog d = { 0 };

	opts[k++] = _("Every project");
	opts[k++] = _("Stuck: a hand-off open, held, or 14 days unchanged");
	for (i = 0; i < c->nroles; i++, k++)
		opts[k] = own[k] = xasprintf(_("Waiting on %s"), text_get(&c->roles[i]->name));
	for (i = 0; i < c->ntracks; i++, k++)
		opts[k] = own[k] = xasprintf(_("Following %s"), text_get(&c->tracks[i]->title));
	if (p->view == VIEW_STUCK)
		sel = 1;
	for (i = 0; i < c->nroles; i++)
		if (p->view == VIEW_ROLE && c->roles[i] == p->role)
			sel = 2 + i;
	for (i = 0; i < c->ntracks; i++)
		if (p->view == VIEW_TRACK && c->tracks[i] == p->track)
			sel = 2 + c->nroles + i;
	d.kind = DLG_PICK;
	d.title = _("Show");
	d.prompt = _("Which projects does the board show?");
	d.options = opts;
	d.noptions = n;
	d.selected = sel;
	d.submit = view_submit;
	d.arg = p;
	tui_dialog_open(t, &d);
	for (i = 0; i < n; i++)
		free(own[i]);
	free(own);
	free(opts);
}

static void
open_name_dialog(struct tui *t, struct projects *p, bool rename)
{
	const struct project *pj = selected(t, p);

	if (rename) {
		if (pj == NULL)
			return;
		ask_about(p, pj);
	}
	tui_ask(t, DLG_LINE, rename ? _("Rename project") : _("New project"),
	    rename ? _("The new name of the project:") :
	    _("What is the project called? For example \"AI triage in the emergency department\"."),
	    rename && pj ? pj->name : NULL, rename ? rename_submit : new_name, p);
}

static bool
projects_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct projects *p = state;
	const struct project *pj;
	char *q;

	switch (req) {
	case REQ_NEW:
		open_name_dialog(t, p, false);
		return true;
	case REQ_FILTER:
		tui_ask(t, DLG_LINE, _("Filter"),
		    _("Show the projects whose name contains (empty: all):"), NULL,
		    filter_submit, p);
		return true;
	case REQ_SORT:
		p->sort = (p->sort + 1) % SORT__COUNT;
		arrange(t, p);
		tui_info(t, "%s", p->sort == SORT_NAME ? _("Sorted by name.") :
		    p->sort == SORT_PROGRESS ? _("Sorted by progress, the least done first.") :
		    p->sort == SORT_STUCK ? _("Sorted by stuck: overdue hand-offs first, then those waiting longest, then the longest unchanged.") :
		    _("Sorted by the last change."));
		return true;
	case REQ_VIEW:
		open_view_dialog(t, p);
		return true;
	case REQ_CANCEL:
		if (p->filter == NULL && p->view == VIEW_ALL)
			return false;
		p->view = VIEW_ALL;
		filter_submit(t, p, "", 0, NULL);
		tui_info(t, "%s", _("Filter cleared: every project is shown."));
		return true;
	case REQ_ARCHIVED:
		tui_open(t, TUI_ARCHIVED, NULL);
		return true;
	case REQ_CHECK:
		tui_open(t, TUI_CHECK, NULL);
		return true;
	case REQ_COMPARE:
		open_compare(t, p);
		return true;
	case REQ_HANDOFFS: {
		struct tui_handoffs_arg ha = { 0, t->app->role };

		tui_open(t, TUI_HANDOFFS, &ha);
		return true;
	}
	default:
		break;
	}
	if (p->n == 0)
		return false;
	/* A click selects a project; on the one selected, opens it. */
	if (req == REQ_CLICK) {
		if (tui_list_click(&p->list, t->click_y - p->top) != CLICK_OPEN)
			return true;
		req = REQ_ENTER;
	}
	/* The selected project is NULL when its page cannot be read (the
	 * reason is shown): nothing to open or delete then. */
	switch (req) {
	case REQ_ENTER: {
		struct tui_journey_arg ja = { 0 };

		if ((pj = selected(t, p)) == NULL)
			return true;
		ja.project = pj->id;
		tui_open(t, TUI_JOURNEY, &ja);
		return true;
	}
	case REQ_RENAME:
		open_name_dialog(t, p, true);
		return true;
	case REQ_MARK:
		if ((pj = selected(t, p)) != NULL)
			toggle_mark(t, p, pj);
		return true;
	case REQ_DELETE:
		if ((pj = selected(t, p)) == NULL)
			return true;
		ask_about(p, pj);
		q = xasprintf(_("Archive the project \"%s\"? It leaves the list; its answers, hand-offs and history are kept, and it can be brought back."),
		    pj->name);
		tui_ask(t, DLG_CONFIRM, _("Archive project"), q, NULL, delete_submit, p);
		free(q);
		return true;
	default:
		return tui_list_move(&p->list, req);
	}
}

static const struct tui_binding projects_keys[] = {
	{ REQ_ENTER, { '\r', '\n', FK(KEY_ENTER), 'l' }, N_("Open"), N_("open the project's journey") },
	{ REQ_NEW, { 'n' }, N_("New"), N_("make a new project") },
	{ REQ_RENAME, { 'r' }, N_("Rename"), N_("rename the project") },
	{ REQ_DELETE, { 'd', FK(KEY_DC) }, N_("Archive"), N_("archive the project: hide it, history kept (asks first)") },
	{ REQ_SORT, { 's' }, NULL, N_("sort by the last change, the name, the progress or stuck (overdue first, then waiting longest)") },
	{ REQ_FILTER, { '/' }, NULL, N_("show only the projects whose name contains a text") },
	{ REQ_VIEW, { 'f' }, NULL, N_("show only the stuck projects, those waiting on a role, or those following a track") },
	{ REQ_HANDOFFS, { 'H' }, NULL, N_("the hand-offs of every project") },
	{ REQ_BACK, { 'q' }, N_("Quit"), N_("leave the program") },
	{ REQ_MARK, { 'm' }, NULL, N_("mark the project to compare, or unmark it (* before its name)") },
	{ REQ_COMPARE, { 'c' }, NULL, N_("compare the marked projects phase by phase, side by side") },
	{ REQ_CHECK, { 'C' }, NULL, N_("the number answers an older airejse may have read a thousand times too small") },
	{ REQ_ARCHIVED, { 'A' }, N_("Archived"), N_("the archived projects: bring one back into use or remove it for good") },
	{ REQ_CANCEL, { TUI_ESC }, NULL, N_("clear the filter (never quits)") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_projects_ops = {
	.kind = TUI_PROJECTS,
	.name = "projects",
	.title = N_("Projects"),
	.keys = projects_keys,
	.open = projects_open,
	.draw = projects_draw,
	.key = projects_key,
	.reload = projects_reload,
	.close = projects_close,
};
