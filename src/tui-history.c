/* History: the audit trail of one answer, newest first: when, who, from
 * where (tui, cli, import), and the value before and after. */
#include <stdlib.h>
#include <string.h>

#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/record.h"
#include "airejse/store.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

struct history {
	int64_t			 project;
	const struct question	*q;
	struct answer_event	*v;
	size_t			 n;
	struct tui_list		 list;
};

static void
history_reload(struct tui *t, void *state)
{
	struct history *h = state;
	char *cause = NULL;

	answer_events_free(h->v, h->n);
	h->v = NULL;
	h->n = 0;
	if (store_answer_history(t->store, h->project, h->q->id, &h->v, &h->n, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	}
}

static void *
history_open(struct tui *t, const void *arg)
{
	const struct tui_history_arg *a = arg;
	struct history *h = xcalloc(1, sizeof(*h));

	h->project = a->project;
	if ((h->q = content_question(t->content, a->question)) == NULL) {
		free(h);
		return NULL;
	}
	history_reload(t, h);
	return h;
}

static void
history_close(struct tui *t, void *state)
{
	struct history *h = state;

	answer_events_free(h->v, h->n);
	free(h);
}

static char *
shown(const struct question *q, enum answer_kind kind, const char *value)
{
	if (kind == ANSWER_DONTKNOW)
		return xstrdup(value_dontknow_text(i18n_lang()));
	if (kind != ANSWER_VALUE || value == NULL)
		return xstrdup("—");
	return value_format(q, value, i18n_lang());
}

static void
history_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct history *h = state;
	int r, used;
	size_t i;

	tui_set_title(t, _("History: %s"), text_get(&h->q->prompt));
	if (h->n == 0) {
		tui_put(top + 1, 2, cols - 2, _("This question has never been answered."), ST_DIM, false);
		return;
	}
	tui_list_resize(&h->list, h->n, rows / 2);
	/* Newest first. */
	for (r = 0, i = h->list.top; r < rows / 2 && i < h->n; r++, i++) {
		const struct answer_event *e = &h->v[h->n - 1 - i];
		bool sel = i == h->list.sel;
		char when[17], *nv = shown(h->q, e->new_kind, e->new_value), *s;

		clock_local(e->time, when);
		s = xasprintf("%s  %-10s %-6s %s", when, e->user, source_name(e->source), nv);
		used = tui_put(top + r, 1, cols - 1, s, sel ? ST_SELECTED : ST_NORMAL, sel);
		(void)used;
		if (sel)
			tui_cursor(t, top + r, 0);
		free(s);
		free(nv);
	}
	{
		const struct answer_event *e = &h->v[h->n - 1 - h->list.sel];
		char *ov = shown(h->q, e->old_kind, e->old_value);
		char *nv = shown(h->q, e->new_kind, e->new_value);
		char *s = xasprintf(_("Revision %lld.\nBefore: %s\nAfter: %s"),
		    (long long)e->revision, ov, nv);

		tui_clear(top + rows / 2, 0, cols, ST_DIM);
		tui_wrap(top + rows / 2 + 1, 1, cols - 2, rows - rows / 2 - 1, 0, s, ST_NORMAL);
		free(s);
		free(ov);
		free(nv);
	}
}

static bool
history_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct history *h = state;

	return tui_list_move(&h->list, req);
}

static const struct tui_binding history_keys[] = {
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_history_ops = {
	"history", N_("History"), history_keys, history_open, history_draw,
	history_key, history_reload, history_close
};
