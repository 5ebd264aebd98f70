/* SPDX-License-Identifier: EUPL-1.2 */
/* The numbers to look at again: the number answers an older airejse
 * saved that may have been read a thousand times too small (audit.h),
 * as 'airejse check' lists them. Enter opens the answer in its
 * project's journey, where it can be answered again. */
#include <stdlib.h>

#include "airejse/action.h"
#include "airejse/audit.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

struct check {
	struct audit_suspect	*v;
	size_t			 n;
	struct tui_list		 list;
	int			 top;	/* the list's first row, as last drawn */
};

/* Each answer takes two rows: the project and the question, then the
 * value stored, the one it would be as thousands and who saved it. */
static int
item_rows(void *arg, size_t i)
{
	return 2;
}

static void
check_reload(struct tui *t, void *state)
{
	struct check *c = state;
	char *cause = NULL;

	audit_suspects_free(c->v, c->n);
	c->v = NULL;
	c->n = 0;
	if (audit_misread(t->act, &c->v, &c->n, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	}
	if (c->list.sel >= c->n)
		c->list.sel = c->n > 0 ? c->n - 1 : 0;
	c->list.n = c->n;
}

static void *
check_open(struct tui *t, const void *arg)
{
	struct check *c = xcalloc(1, sizeof(*c));

	c->list.rows = item_rows;
	c->list.whole = true;
	c->list.arg = c;
	check_reload(t, c);
	return c;
}

static void
check_close(struct tui *t, void *state)
{
	struct check *c = state;

	audit_suspects_free(c->v, c->n);
	free(c);
}

struct draw_ctx {
	struct tui	*t;
	struct check	*c;
	int		 top, cols;
};

static void
draw_one(void *arg, size_t i, int y, int first, int rows, bool sel)
{
	struct draw_ctx *d = arg;
	const struct audit_suspect *s = &d->c->v[i];
	int row = d->top + y, x;
	char when[17], *now, *maybe, *line;

	if (first == 0) {
		tui_put(row, 0, d->cols, " ", sel ? ST_SELECTED : ST_NORMAL, true);
		x = 1 + tui_put(row, 1, d->cols / 2, s->project_name,
		    sel ? ST_SELECTED : ST_HEADING, false);
		tui_put(row, x, d->cols - x, ": ", sel ? ST_SELECTED : ST_NORMAL, false);
		tui_put(row, x + 2, d->cols - x - 3, text_get(&s->question->prompt),
		    sel ? ST_SELECTED : ST_NORMAL, false);
		row++;
	}
	if (first + rows > 1) {
		now = value_format(s->question, s->value, i18n_lang());
		maybe = value_format(s->question, s->maybe, i18n_lang());
		clock_local(s->time, when);
		/* L10N: the value stored, the value had it been typed with
		 * thousands grouped, when and by whom it was saved. */
		line = xasprintf(_("%s now; typed as thousands, %s · saved %s by %s"),
		    now, maybe, when, s->user ? s->user : "?");
		tui_put(row, 3, d->cols - 4, line, ST_NORMAL, false);
		free(line);
		free(now);
		free(maybe);
	}
	if (sel)
		tui_cursor(d->t, d->top + y, 0);
}

static void
check_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct check *c = state;
	struct draw_ctx d = { t, c, top, cols };
	int head;

	tui_set_title(t, P_("Numbers to look at: %zu answer", "Numbers to look at: %zu answers",
	    c->n), c->n);
	if (c->n == 0) {
		tui_wrap(top + 1, 2, cols - 4, rows - 1, 0,
		    _("No number answer needs a second look."), ST_DIM);
		return;
	}
	head = tui_wrap(top, 1, cols - 2, 3, 0,
	    _("An older airejse read a point in a number as the decimal mark, so 1.200 typed in Danish was stored as 1,2. If a value below is right, nothing needs doing; if not, press Enter and answer it again."),
	    ST_DIM);
	if (head > 3)
		head = 3;
	c->top = top + head + 1;
	tui_list_resize(&c->list, c->n, rows - head - 1);
	d.top = c->top;
	tui_list_each(&c->list, draw_one, &d);
}

static bool
check_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct check *c = state;
	struct tui_journey_arg ja = { 0 };

	if (c->n == 0)
		return false;
	if (req == REQ_CLICK) {
		if (tui_list_click(&c->list, t->click_y - c->top) != CLICK_OPEN)
			return true;
		req = REQ_ENTER;
	}
	if (req != REQ_ENTER)
		return tui_list_move(&c->list, req);
	if (c->list.sel >= c->n)
		return true;
	ja.project = c->v[c->list.sel].project;
	ja.question = c->v[c->list.sel].question->id;
	tui_open(t, TUI_JOURNEY, &ja);
	return true;
}

static const struct tui_binding check_keys[] = {
	{ REQ_ENTER, { '\r', '\n', FK(KEY_ENTER) }, N_("Go to"), N_("the answer in its project's journey, to answer it again") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_check_ops = {
	.kind = TUI_CHECK,
	.name = "check",
	.title = N_("Numbers to look at"),
	.keys = check_keys,
	.open = check_open,
	.draw = check_draw,
	.key = check_key,
	.reload = check_reload,
	.close = check_close,
};
