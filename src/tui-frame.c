/* SPDX-License-Identifier: EUPL-1.2 */
/* The frame the screens live in: the stack of screens, the status
 * line, the title, the cursor and the keys every screen shares. The
 * screens and the dialogs call it; it calls no screen but through its
 * table of operations. */
#include <stdarg.h>
#include <stdlib.h>

#include "airejse/tui-curses.h"
#include "airejse/xalloc.h"

const struct tui_binding tui_global_keys[] = {
	{ REQ_HELP, { '?', FK(KEY_F(1)) }, N_("Help"), N_("help for this screen") },
	{ REQ_BACK, { 'q' }, N_("Back"), N_("go back (on the first screen: quit)") },
	{ REQ_CANCEL, { TUI_ESC }, NULL, N_("clear the filter, else go back; never quits") },
	{ REQ_GLOSSARY, { 'g' }, NULL, N_("the glossary") },
	{ REQ_QUIT, { 'Q' }, NULL, N_("quit the program") },
	{ REQ_UP, { 'k', FK(KEY_UP) }, NULL, N_("move up") },
	{ REQ_DOWN, { 'j', FK(KEY_DOWN) }, NULL, N_("move down") },
	{ REQ_LEFT, { 'h', FK(KEY_LEFT) }, NULL, N_("move left") },
	{ REQ_RIGHT, { 'l', FK(KEY_RIGHT) }, NULL, N_("move right") },
	{ REQ_PAGE_UP, { FK(KEY_PPAGE), TUI_CTRL('b') }, NULL, N_("a page up") },
	{ REQ_PAGE_DOWN, { FK(KEY_NPAGE), TUI_CTRL('f'), ' ' }, NULL, N_("a page down") },
	{ REQ_FIRST, { FK(KEY_HOME) }, NULL, N_("to the first line") },
	{ REQ_LAST, { FK(KEY_END), 'G' }, NULL, N_("to the last line") },
	{ REQ_ENTER, { '\n', '\r', FK(KEY_ENTER) }, NULL, N_("open the selected line") },
	{ REQ_REDRAW, { TUI_CTRL('l') }, NULL, N_("draw the screen again") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

static void
set_msg(struct tui *t, bool error, const char *fmt, va_list ap)
{
	free(t->msg);
	t->msg = xvasprintf(fmt, ap);
	t->msg_error = error;
}

void
tui_info(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_msg(t, false, fmt, ap);
	va_end(ap);
}

void
tui_error(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_msg(t, true, fmt, ap);
	va_end(ap);
	if (!t->test)
		beep();
}

void
tui_set_title(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	free(t->title);
	va_start(ap, fmt);
	t->title = xvasprintf(fmt, ap);
	va_end(ap);
}

void
tui_cursor(struct tui *t, int y, int x)
{
	t->cur_y = y;
	t->cur_x = x;
}

bool
tui_push(struct tui *t, const struct tui_view_ops *ops, const void *arg)
{
	void *state;

	if (t->depth >= TUI_DEPTH) {
		tui_error(t, _("too many screens open: go back with q first"));
		return false;
	}
	if ((state = ops->open(t, arg)) == NULL)
		return false;
	t->stack[t->depth].ops = ops;
	t->stack[t->depth].state = state;
	t->depth++;
	return true;
}

bool
tui_open(struct tui *t, enum tui_screen kind, const void *arg)
{
	return tui_push(t, t->screens[kind], arg);
}

void
tui_pop(struct tui *t)
{
	struct tui_frame *f;

	if (t->depth == 0)
		return;
	f = &t->stack[--t->depth];
	f->ops->close(t, f->state);
	f->ops = NULL;
	f->state = NULL;
	/* What the closed screen changed shows in the one below. */
	if (t->depth > 0 && t->stack[t->depth - 1].ops->reload)
		t->stack[t->depth - 1].ops->reload(t, t->stack[t->depth - 1].state);
}

void
tui_reload(struct tui *t)
{
	int i;

	for (i = 0; i < t->depth; i++)
		if (t->stack[i].ops->reload)
			t->stack[i].ops->reload(t, t->stack[i].state);
}

enum tui_req
tui_key_req(const struct tui_binding *keys, int key)
{
	size_t i, k;

	for (i = 0; keys[i].req != REQ_NONE; i++)
		for (k = 0; k < 4 && keys[i].keys[k] != 0; k++)
			if (keys[i].keys[k] == key)
				return keys[i].req;
	return REQ_NONE;
}
