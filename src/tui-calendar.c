/* SPDX-License-Identifier: EUPL-1.2 */
/* Calendar: the legal dates inside a project's life (calendar.h), one a
 * line with its kind; the selected one in full below, with its source. */
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/calendar.h"
#include "airejse/clock.h"
#include "airejse/legal.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

struct calview {
	int64_t		 project;
	char		*name;
	struct calendar	 cal;
	struct tui_list	 list;
};

static void
calendar_reload(struct tui *t, void *state)
{
	struct calview *c = state;
	struct snapshot *s = NULL;
	char today[11], *cause = NULL;

	calendar_free(&c->cal);
	if (action_refresh(t->act, c->project, &s, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	free(c->name);
	c->name = xstrdup(s->project->name);
	clock_today(today);
	calendar_make(t->content, s->progress, today, &c->cal);
	snapshot_free(s);
}

static void *
calendar_open(struct tui *t, const void *arg)
{
	const struct tui_calendar_arg *a = arg;
	struct calview *c = xcalloc(1, sizeof(*c));

	c->project = a->project;
	calendar_reload(t, c);
	return c;
}

static void
calendar_close(struct tui *t, void *state)
{
	struct calview *c = state;

	calendar_free(&c->cal);
	free(c->name);
	free(c);
}

static void
calendar_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct calview *c = state;
	const struct cal_line *l;
	int r;
	size_t i;
	char *s, *d, *note;

	tui_set_title(t, _("Regulatory calendar: %s"), c->name ? c->name : "");
	if (c->cal.n == 0) {
		tui_put(top + 1, 2, cols - 2, _("No legal date falls inside the project's life."), ST_DIM, false);
		return;
	}
	tui_list_resize(&c->list, c->cal.n, rows / 2);
	for (r = 0, i = c->list.top; r < rows / 2 && i < c->cal.n; r++, i++) {
		bool sel = i == c->list.sel;

		l = &c->cal.v[i];
		d = value_format_date(l->date, i18n_lang());
		s = xasprintf("%s  [%s]  %s", d, cal_kind_label(l->kind), l->text);
		tui_put(top + r, 1, cols - 1, s, sel ? ST_SELECTED : l->kind == CAL_RISK ?
		    ST_BLOCKED : ST_NORMAL, sel);
		if (sel)
			tui_cursor(t, top + r, 0);
		free(s);
		free(d);
	}
	l = &c->cal.v[c->list.sel];
	note = l->checked ? legal_checked_note(l->checked, l->source_kind) : xstrdup("");
	s = xasprintf(_("%s\nSource: %s %s"), l->text, l->law ? l->law : "", note);
	free(note);
	tui_clear(top + rows / 2, 0, cols, ST_DIM);
	tui_wrap(top + rows / 2 + 1, 1, cols - 2, rows - rows / 2 - 1, 0, s, ST_NORMAL);
	free(s);
}

static bool
calendar_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct calview *c = state;

	return tui_list_move(&c->list, req);
}

static const struct tui_binding calendar_keys[] = {
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_calendar_ops = {
	.kind = TUI_CALENDAR,
	.name = "calendar",
	.title = N_("Calendar"),
	.keys = calendar_keys,
	.open = calendar_open,
	.draw = calendar_draw,
	.key = calendar_key,
	.reload = calendar_reload,
	.close = calendar_close,
};
