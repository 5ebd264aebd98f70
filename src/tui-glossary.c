/* SPDX-License-Identifier: EUPL-1.2 */
/* The glossary: the content's terms, filtered as you type after /, with
 * the definition of the term under the cursor below the list. */
#include <stdlib.h>
#include <string.h>

#include "airejse/content.h"
#include "airejse/strbuf.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

struct glossary {
	const struct glossary_entry	**v;	/* those the filter lets through */
	size_t				  n;
	char				 *filter;	/* folded, or NULL */
	struct tui_list			  list;
};

static bool
matches(const struct glossary_entry *e, const char *folded)
{
	char *a = utf8_fold(text_get(&e->term)), *b = utf8_fold(text_get(&e->definition));
	bool ok = (a && strstr(a, folded)) || (b && strstr(b, folded));

	free(a);
	free(b);
	return ok;
}

static void
glossary_reload(struct tui *t, void *state)
{
	struct glossary *g = state;
	size_t i;

	g->n = 0;
	for (i = 0; i < t->content->nglossary; i++)
		if (g->filter == NULL || matches(t->content->glossary[i], g->filter))
			g->v[g->n++] = t->content->glossary[i];
}

static void *
glossary_open(struct tui *t, const void *arg)
{
	struct glossary *g = xcalloc(1, sizeof(*g));

	g->v = xcalloc(t->content->nglossary + 1, sizeof(*g->v));
	glossary_reload(t, g);
	return g;
}

static void
glossary_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct glossary *g = state;
	const struct glossary_entry *e;
	int lrows = rows / 2, r;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (g->filter)
		tui_set_title(t, P_("Glossary: %zu term matching \"%s\"",
		    "Glossary: %zu terms matching \"%s\"", g->n), g->n, g->filter);
	else
		tui_set_title(t, P_("Glossary: %zu term", "Glossary: %zu terms", g->n), g->n);
	if (g->n == 0) {
		tui_put(top, 1, cols - 1, _("No term matches. Press / to search again."), ST_DIM, false);
		return;
	}
	tui_list_resize(&g->list, g->n, lrows);
	for (r = 0, i = g->list.top; r < lrows && i < g->n; r++, i++) {
		tui_put(top + r, 1, cols - 1, text_get(&g->v[i]->term),
		    i == g->list.sel ? ST_SELECTED : ST_NORMAL, i == g->list.sel);
		if (i == g->list.sel)
			tui_cursor(t, top + r, 0);
	}
	e = g->v[g->list.sel];
	tui_clear(top + lrows, 0, cols, ST_DIM);
	tui_put(top + lrows + 1, 1, cols - 1, text_get(&e->term), ST_HEADING, false);
	sb_add(&sb, text_get(&e->definition));
	for (i = 0; i < e->see.n; i++) {
		const struct glossary_entry *s = content_term(t->content, e->see.v[i]);

		sb_add(&sb, i == 0 ? _("\nSee also: ") : ", ");
		sb_add(&sb, s ? text_get(&s->term) : e->see.v[i]);
	}
	tui_wrap(top + lrows + 2, 1, cols - 2, rows - lrows - 2, 0, sb_str(&sb), ST_NORMAL);
	sb_free(&sb);
}

static bool
set_filter(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct glossary *g = arg;
	char *trimmed = utf8_trim(text);

	free(g->filter);
	g->filter = *trimmed ? utf8_fold(trimmed) : NULL;
	free(trimmed);
	glossary_reload(t, g);
	tui_list_resize(&g->list, g->n, g->list.height);
	tui_list_move(&g->list, REQ_FIRST);
	return true;
}

static bool
glossary_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct glossary *g = state;

	if (req == REQ_FILTER) {
		tui_ask(t, DLG_LINE, _("Search the glossary"),
		    _("Show the terms whose name or definition contains:"), g->filter,
		    set_filter, g);
		return true;
	}
	if (req == REQ_CANCEL && g->filter != NULL) {
		set_filter(t, g, "", 0, NULL);
		tui_info(t, "%s", _("Filter cleared: every term is shown."));
		return true;
	}
	return tui_list_move(&g->list, req);
}

static void
glossary_close(struct tui *t, void *state)
{
	struct glossary *g = state;

	free(g->v);
	free(g->filter);
	free(g);
}

static const struct tui_binding glossary_keys[] = {
	{ REQ_FILTER, { '/' }, N_("Search"), N_("show only the terms that contain a text") },
	{ REQ_CANCEL, { TUI_ESC }, NULL, N_("clear the search, else go back") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_glossary_ops = {
	.kind = TUI_GLOSSARY,
	.name = "glossary",
	.title = N_("Glossary"),
	.keys = glossary_keys,
	.open = glossary_open,
	.draw = glossary_draw,
	.key = glossary_key,
	.close = glossary_close,
};
