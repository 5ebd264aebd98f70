/* SPDX-License-Identifier: EUPL-1.2 */
/* The search screen: asks for a regular expression, lists what search.c
 * finds in the open project's steps, guidance, questions and answers,
 * and Enter shows the match in the journey. */
#include <stdlib.h>

#include "airejse/action.h"
#include "airejse/content.h"
#include "airejse/search.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

struct search_view {
	int64_t			 project;
	struct snapshot		*snap;
	struct search		*re;	/* the pattern searched for, or NULL */
	struct search_results	 res;
	struct tui_list		 list;
};

static bool
pattern_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct search_view *se = arg;
	struct search *re;
	char *cause = NULL;

	if (*text == '\0') {
		tui_error(t, _("type a word or a regular expression to search for"));
		return false;
	}
	if (search_compile(text, &re, NULL, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	search_results_clear(&se->res);
	search_free(se->re);
	se->re = re;
	search_project(re, se->snap->progress, &se->res);
	tui_list_resize(&se->list, se->res.n, se->list.height);
	tui_list_move(&se->list, REQ_FIRST);
	if (search_skipped(re) > 0)
		tui_error(t, P_("The pattern backtracks too much on %zu text, which was skipped: simplify it.",
		    "The pattern backtracks too much on %zu texts, which were skipped: simplify it.",
		    search_skipped(re)), search_skipped(re));
	else if (se->res.n == 0)
		tui_info(t, _("Nothing matches \"%s\"."), text);
	return true;
}

static void
ask_pattern(struct tui *t, struct search_view *se)
{
	tui_ask(t, DLG_LINE, _("Search"),
	    _("Search the steps, guidance, questions and answers for (a regular expression, e.g. jurist|GDPR):"),
	    se->re ? search_pattern(se->re) : NULL, pattern_submit, se);
}

static void *
search_open(struct tui *t, const void *arg)
{
	struct search_view *se = xcalloc(1, sizeof(*se));
	char *cause = NULL;

	se->project = *(const int64_t *)arg;
	if (action_snapshot(t->act, se->project, &se->snap, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		free(se);
		return NULL;
	}
	ask_pattern(t, se);
	return se;
}

static void
search_close(struct tui *t, void *state)
{
	struct search_view *se = state;

	search_results_clear(&se->res);
	search_free(se->re);
	snapshot_free(se->snap);
	free(se);
}

/* Another user's change: the project read again and searched again,
 * the same match (place and field) kept selected when it still matches. */
static void
search_reload(struct tui *t, void *state)
{
	struct search_view *se = state;
	struct snapshot *snap;
	const struct step *st = NULL;
	const struct question *q = NULL;
	enum search_field f = 0;
	char *cause = NULL;
	size_t i;

	if (action_snapshot(t->act, se->project, &snap, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	if (se->res.n > 0) {
		st = se->res.v[se->list.sel].step;
		q = se->res.v[se->list.sel].question;
		f = se->res.v[se->list.sel].field;
	}
	/* The results point into the old snapshot: cleared before it goes. */
	search_results_clear(&se->res);
	snapshot_free(se->snap);
	se->snap = snap;
	if (se->re == NULL)
		return;
	search_project(se->re, se->snap->progress, &se->res);
	tui_list_resize(&se->list, se->res.n, se->list.height);
	for (i = 0; i < se->res.n; i++)
		if (se->res.v[i].step == st && se->res.v[i].question == q && se->res.v[i].field == f)
			break;
	se->list.sel = i < se->res.n ? i : se->list.sel < se->res.n ? se->list.sel : 0;
	tui_list_fit(&se->list);
}

static void
search_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct search_view *se = state;
	const struct search_match *m;
	int r, w, lw = 0;
	size_t i;
	char *label;

	/* The labels in one column, whatever the letters ("spørgsmål"). */
	for (i = 0; i < SEARCH__FIELDS; i++)
		if ((w = utf8_width(search_field_label(i))) > lw)
			lw = w;
	if (se->re)
		tui_set_title(t, P_("Search \"%s\": %zu match", "Search \"%s\": %zu matches", se->res.n),
		    search_pattern(se->re), se->res.n);
	else
		tui_set_title(t, _("Search"));
	if (se->res.n == 0) {
		tui_put(top + 1, 2, cols - 2, _("No matches. Press / to search again."), ST_DIM, false);
		return;
	}
	tui_list_resize(&se->list, se->res.n, rows / 2);
	for (r = 0, i = se->list.top; r < rows / 2 && i < se->res.n; r++, i++) {
		m = &se->res.v[i];
		label = utf8_padded(search_field_label(m->field), lw);
		char *s = xasprintf("%s %s", label, m->snippet);

		free(label);

		tui_put(top + r, 1, cols - 1, s, i == se->list.sel ? ST_SELECTED : ST_NORMAL,
		    i == se->list.sel);
		if (i == se->list.sel)
			tui_cursor(t, top + r, 0);
		free(s);
	}
	/* Where the match under the cursor is, and all of its text. */
	m = &se->res.v[se->list.sel];
	tui_clear(top + rows / 2, 0, cols, ST_DIM);
	tui_put(top + rows / 2 + 1, 1, cols - 2, text_get(&m->step->title), ST_HEADING, false);
	tui_wrap(top + rows / 2 + 2, 1, cols - 2, rows - rows / 2 - 2, 0, m->text, ST_NORMAL);
}

static bool
search_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct search_view *se = state;
	const struct search_match *m;

	if (req == REQ_SEARCH) {
		ask_pattern(t, se);
		return true;
	}
	if (req == REQ_ENTER && se->res.n > 0) {
		m = &se->res.v[se->list.sel];
		/* Show it in the journey below, or open one. */
		if (t->depth >= 2 && t->stack[t->depth - 2].ops->go != NULL) {
			const struct tui_frame *below = &t->stack[t->depth - 2];
			const struct step *st = m->step;
			const char *q = m->question ? m->question->id : NULL;

			tui_pop(t);
			below->ops->go(t, below->state, st, q);
		} else {
			struct tui_journey_arg ja = { se->project, m->step->id,
			    m->step->track->id, m->question ? m->question->id : NULL };

			tui_open(t, TUI_JOURNEY, &ja);
		}
		return true;
	}
	return tui_list_move(&se->list, req);
}

static const struct tui_binding search_keys[] = {
	{ REQ_ENTER, { '\r', '\n', FK(KEY_ENTER) }, N_("Show"), N_("show the match in the journey") },
	{ REQ_SEARCH, { '/' }, N_("Search again"), N_("search for something else") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_search_ops = {
	.kind = TUI_SEARCH,
	.name = "search",
	.title = N_("Search"),
	.keys = search_keys,
	.open = search_open,
	.draw = search_draw,
	.key = search_key,
	.reload = search_reload,
	.close = search_close,
};
