/* SPDX-License-Identifier: EUPL-1.2 */
/* History: the audit trail of one answer, newest first: when, who, from
 * where (tui, cli, import), and the value before and after; any earlier
 * value can be saved again (action_restore), the history kept. */
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/record.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/value.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

struct history {
	int64_t			 project;
	const struct question	*q;
	struct answer_event	*v;
	size_t			 n;
	struct tui_list		 list;
	int64_t			 base;	/* the revision shown as the answer when
					 * a restore was asked for */
};

static void
history_reload(struct tui *t, void *state)
{
	struct history *h = state;
	char *cause = NULL;
	int64_t keep = h->n > 0 && h->list.sel < h->n ? h->v[h->n - 1 - h->list.sel].id : 0;
	size_t i;

	answer_events_free(h->v, h->n);
	h->v = NULL;
	h->n = 0;
	if (action_answer_history(t->act, h->project, h->q->id, &h->v, &h->n, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	}
	/* The same change stays selected as newer ones come in above it. */
	for (i = 0; keep != 0 && i < h->n; i++)
		if (h->v[i].id == keep)
			h->list.sel = h->n - 1 - i;
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

/* The selected change, or NULL when there is none. */
static const struct answer_event *
selected(const struct history *h)
{
	return h->n > 0 && h->list.sel < h->n ? &h->v[h->n - 1 - h->list.sel] : NULL;
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
		/* In columns as shown: "Søren" is five wide (six bytes), a
		 * control character as wide as the "<U+202E>" that shows it. */
		char *user = ctrl_visible(e->user), *who = utf8_padded(user, 10);

		clock_local(e->time, when);
		s = xasprintf("%s  %s %-6s %s", when, who, source_name(e->source), nv);
		free(who);
		free(user);
		used = tui_put(top + r, 1, cols - 1, s, sel ? ST_SELECTED : ST_NORMAL, sel);
		(void)used;
		if (sel)
			tui_cursor(t, top + r, 0);
		free(s);
		free(nv);
	}
	{
		const struct answer_event *e = selected(h);
		char *ov = shown(h->q, e->old_kind, e->old_value);
		char *nv = shown(h->q, e->new_kind, e->new_value);
		char *who = record_who(e->user, e->account);
		char *s = e->respondent != NULL ?
		    xasprintf(_("Revision %lld.\nBefore: %s\nAfter: %s\nAnswered by %s through a hand-off packet; imported by %s."),
			(long long)e->revision, ov, nv, e->respondent, who) :
		    xasprintf(_("Revision %lld, by %s.\nBefore: %s\nAfter: %s"),
			(long long)e->revision, who, ov, nv);

		free(who);

		tui_clear(top + rows / 2, 0, cols, ST_DIM);
		tui_wrap(top + rows / 2 + 1, 1, cols - 2, rows - rows / 2 - 1, 0, s, ST_NORMAL);
		free(s);
		free(ov);
		free(nv);
	}
}

static bool
restore_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct history *h = arg;
	const struct answer_event *e = selected(h);
	struct answer_result res;
	char *cause = NULL;
	int64_t rev;

	(void)text;
	(void)choice;
	(void)checked;
	if (e == NULL)
		return true;
	rev = e->revision;
	/* The answer as this screen shows it: a change made meanwhile is a
	 * conflict, not overwritten. */
	if (action_restore(t->act, h->project, h->q->id, rev, h->base, &res,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	} else {
		tui_info(t, _("Revision %lld restored as revision %lld."), (long long)rev,
		    (long long)res.revision);
	}
	answer_result_free(&res);
	tui_reload(t);
	h->list.sel = 0;
	return true;
}

static bool
history_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct history *h = state;
	const struct answer_event *e;
	char *q, *nv, *cur;

	(void)key;
	if (req != REQ_RESTORE)
		return tui_list_move(&h->list, req);
	if ((e = selected(h)) == NULL)
		return true;
	if (e == &h->v[h->n - 1]) {
		tui_info(t, _("This is the answer now: choose an earlier revision to restore."));
		return true;
	}
	nv = shown(h->q, e->new_kind, e->new_value);
	cur = shown(h->q, h->v[h->n - 1].new_kind, h->v[h->n - 1].new_value);
	q = xasprintf(_("Make \"%s\" (revision %lld) the answer again, in place of \"%s\"? Both stay in the history."),
	    nv, (long long)e->revision, cur);
	h->base = h->v[h->n - 1].revision;
	tui_ask(t, DLG_CONFIRM, _("Restore revision"), q, NULL, restore_submit, h);
	free(q);
	free(nv);
	free(cur);
	return true;
}

static const struct tui_binding history_keys[] = {
	{ REQ_RESTORE, { 'r', 0 }, N_("Restore"),
	    N_("make the selected revision the answer again (asks first)") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_history_ops = {
	.kind = TUI_HISTORY,
	.name = "history",
	.title = N_("History"),
	.keys = history_keys,
	.open = history_open,
	.draw = history_draw,
	.key = history_key,
	.reload = history_reload,
	.close = history_close,
};
