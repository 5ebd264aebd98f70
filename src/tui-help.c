/* SPDX-License-Identifier: EUPL-1.2 */
/* Help: the keys of the screen it was opened from, read from that
 * screen's live keymap and the global one, so help never lies (tig's
 * help view does the same). */
#include <stdlib.h>
#include <string.h>

#include "airejse/progress.h"
#include "airejse/strbuf.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

struct help_line {
	char	*keys;		/* NULL: a heading */
	char	*text;
};

struct help {
	const struct tui_view_ops	*of;
	struct help_line		*v;
	size_t				 n, cap;
	struct tui_list			 list;
	int				 cols;	/* as last drawn */
};

/* The column the help of a key starts at. */
#define KEYS_W 16

/* A line's help wraps under itself, after the keys. */
static int
line_rows(void *arg, size_t i)
{
	const struct help *h = arg;
	int w = h->cols - 3 - KEYS_W;

	if (h->v[i].keys == NULL || w < 8)
		return 1;
	return tui_wrap_count(h->v[i].text, w);
}

static void
add(void *arg, const char *keys, const char *text)
{
	struct help *h = arg;

	xgrow(&h->v, &h->cap, h->n + 1, sizeof(*h->v));
	h->v[h->n].keys = keys ? xstrdup(keys) : NULL;
	h->v[h->n].text = xstrdup(text);
	h->n++;
}

/* "j, Down" for a binding. */
static char *
key_names(const struct tui_binding *b)
{
	struct strbuf sb = STRBUF_INIT;
	size_t k;

	for (k = 0; k < 4 && b->keys[k] != 0; k++) {
		const char *name = tui_key_name(b->keys[k]);
		size_t j;

		/* Enter has three codes and one name. */
		for (j = 0; j < k; j++)
			if (strcmp(tui_key_name(b->keys[j]), name) == 0)
				break;
		if (j < k)
			continue;
		if (sb.len > 0)
			sb_add(&sb, ", ");
		sb_add(&sb, name);
	}
	return sb_detach(&sb);
}

static void
add_map(struct help *h, const struct tui_binding *map, const struct tui_binding *over)
{
	size_t i;

	for (i = 0; map[i].req != REQ_NONE; i++) {
		char *k;

		/* A global key the screen gives its own meaning is listed once,
		 * with the screen's. */
		if (over != NULL && tui_key_req(over, map[i].keys[0]) != REQ_NONE)
			continue;
		k = key_names(&map[i]);
		add(h, k, _(map[i].help));
		free(k);
	}
}

/* Help is read, not chosen from: a pager. */
static bool
no_selection(void *arg, size_t i)
{
	return false;
}

static void *
help_open(struct tui *t, const void *arg)
{
	struct help *h = xcalloc(1, sizeof(*h));

	h->of = arg;
	h->list.selectable = no_selection;
	h->list.rows = line_rows;
	h->list.arg = h;
	h->cols = t->cols;
	if (h->of->kind == TUI_JOURNEY) {
		static const enum step_mark marks[] = { MARK_DONE, MARK_IN_PROGRESS,
		    MARK_HANDOFF, MARK_EARLIER, MARK_NOT_STARTED, MARK_NOT_APPLICABLE };
		size_t i;

		/* The legend first: what the map says is read before the keys. */
		add(h, NULL, _("The marks on the map"));
		for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
			char *s = xasprintf("%s: %s", step_mark_label(marks[i]),
			    step_mark_rule(marks[i]));

			add(h, step_mark_symbol(marks[i]), s);
			free(s);
		}
		add(h, NULL, "");
	}
	add(h, NULL, _(h->of->title));
	add_map(h, h->of->keys, NULL);
	add(h, NULL, "");
	add(h, NULL, _("On every screen"));
	add_map(h, tui_global_keys, h->of->keys);
	if (h->of->kind == TUI_JOURNEY || h->of->kind == TUI_PROJECTS) {
		add(h, NULL, "");
		add(h, NULL, _("Editing an answer or a name"));
		tui_edit_keys(add, h);
		add(h, NULL, "");
		add(h, NULL, _("Choosing"));
		add(h, _("Up, Down"), _("move between the options"));
		add(h, "1-9", _("choose or tick that option"));
		add(h, _("Space"), _("tick or untick (multiple choice)"));
	}
	return h;
}

struct help_ctx {
	struct help	*h;
	int		 top, cols;
};

static void
draw_line(void *arg, size_t i, int y, int first, int rows, bool sel)
{
	const struct help_ctx *c = arg;
	const struct help_line *l = &c->h->v[i];
	int row = c->top + y;

	if (l->keys == NULL) {
		tui_put(row, 1, c->cols - 1, l->text, ST_HEADING, false);
		return;
	}
	if (first == 0)
		tui_put(row, 2, KEYS_W, l->keys, ST_KEY, false);
	tui_wrap(row, 3 + KEYS_W, c->cols - 3 - KEYS_W, rows, first, l->text, ST_NORMAL);
}

static void
help_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct help *h = state;
	struct help_ctx c = { h, top, cols };

	tui_set_title(t, _("Help: %s"), _(h->of->title));
	h->cols = cols;
	tui_list_resize(&h->list, h->n, rows);
	tui_cursor(t, top, 0);
	tui_list_each(&h->list, draw_line, &c);
}

static bool
help_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct help *h = state;

	return tui_list_move(&h->list, req);
}

static void
help_close(struct tui *t, void *state)
{
	struct help *h = state;
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].keys);
		free(h->v[i].text);
	}
	free(h->v);
	free(h);
}

static const struct tui_binding help_keys[] = {
	{ REQ_DOWN, { 'j', FK(KEY_DOWN) }, NULL, N_("scroll down") },
	{ REQ_UP, { 'k', FK(KEY_UP) }, NULL, N_("scroll up") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_help_ops = {
	.kind = TUI_HELP,
	.name = "help",
	.title = N_("Help"),
	.keys = help_keys,
	.open = help_open,
	.draw = help_draw,
	.key = help_key,
	.close = help_close,
};
