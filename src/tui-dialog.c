/* SPDX-License-Identifier: EUPL-1.2 */
/* Dialogs: a framed box over the current screen for a line of text, a
 * long text, a yes/no question, or a choice of one or several options.
 * The text fields are the editing model of edit.c drawn with curses. */
#include <stdlib.h>
#include <string.h>

#include "airejse/edit.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* Most text rows of a long-text field, and most prompt and help rows
 * (the help scrolls when it has more: a question's guidance is never
 * cut). */
#define TEXT_ROWS 8
#define PROMPT_ROWS 4
#define HELP_ROWS 8
#define DETAIL_ROWS 4

struct tui_dlg {
	enum tui_dlg_kind	 kind;
	char			*title, *prompt, *help;
	struct edit		 ed;
	size_t			 maxlen;
	int			 hscroll;	/* line: first column shown */
	size_t			 vscroll;	/* text: first visual line shown */
	int			 width;		/* of the field when last drawn */
	int			 help_top;	/* the first help line shown */
	int			 help_rows;	/* help rows when last drawn */
	int			 help_lines;	/* the help's lines, wrapped */
	char			**options, **details;
	size_t			 n;
	struct tui_list		 list;		/* of the options */
	bool			*checked;
	bool			 pasting;	/* inside a bracketed paste */
	bool			(*submit)(struct tui *, void *, const char *, size_t, const bool *);
	void			(*done)(struct tui *, void *);
	void			*arg;
};

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void
tui_dialog_open(struct tui *t, const struct tui_dialog *spec)
{
	struct tui_dlg *d = xcalloc(1, sizeof(*d));
	size_t i;

	if (t->dlg != NULL)
		tui_dialog_close(t);
	d->kind = spec->kind;
	d->title = dup_or_null(spec->title);
	d->prompt = dup_or_null(spec->prompt);
	d->help = spec->help && *spec->help ? xstrdup(spec->help) : NULL;
	edit_init(&d->ed, spec->initial, spec->kind == DLG_TEXT);
	d->maxlen = spec->maxlen;
	d->n = d->kind == DLG_CONFIRM ? 0 : spec->noptions;
	if (d->kind != DLG_CONFIRM) {
		d->options = xcalloc(d->n + 1, sizeof(*d->options));
		d->details = xcalloc(d->n + 1, sizeof(*d->details));
		d->checked = xcalloc(d->n + 1, sizeof(*d->checked));
	}
	for (i = 0; i < d->n; i++) {
		d->options[i] = xstrdup(spec->options[i]);
		d->details[i] = spec->details ? dup_or_null(spec->details[i]) : NULL;
		d->checked[i] = spec->checked ? spec->checked[i] : false;
	}
	/* A question that asks to destroy something needs a deliberate
	 * yes: its choices are "No" (selected) and "Yes", and the keys that
	 * move elsewhere (j, k, arrows) only move between them. */
	if (d->kind == DLG_CONFIRM) {
		d->n = 2;
		d->options = xcalloc(3, sizeof(*d->options));
		d->details = xcalloc(3, sizeof(*d->details));
		d->checked = xcalloc(3, sizeof(*d->checked));
		d->options[0] = xstrdup(_("No"));
		d->options[1] = xstrdup(_("Yes"));
	}
	d->list.n = d->n;
	d->list.sel = spec->selected < d->n && d->kind != DLG_CONFIRM ? spec->selected : 0;
	d->submit = spec->submit;
	d->done = spec->done;
	d->arg = spec->arg;
	t->dlg = d;
}

void
tui_ask(struct tui *t, enum tui_dlg_kind kind, const char *title,
    const char *prompt, const char *initial,
    bool (*submit)(struct tui *, void *, const char *, size_t, const bool *), void *arg)
{
	struct tui_dialog d = { 0 };

	d.kind = kind;
	d.title = title;
	d.prompt = prompt;
	d.initial = initial;
	d.submit = submit;
	d.arg = arg;
	tui_dialog_open(t, &d);
}

void
tui_dialog_close(struct tui *t)
{
	struct tui_dlg *d = t->dlg;
	size_t i;

	if (d == NULL)
		return;
	t->dlg = NULL;
	if (d->done)
		d->done(t, d->arg);
	for (i = 0; i < d->n; i++) {
		free(d->options[i]);
		free(d->details[i]);
	}
	free(d->options);
	free(d->details);
	free(d->checked);
	free(d->title);
	free(d->prompt);
	free(d->help);
	edit_free(&d->ed);
	free(d);
}

/* The keys the dialog shows on its last row. */
static const char *
hint(const struct tui_dlg *d)
{
	switch (d->kind) {
	case DLG_LINE:
		return _("Enter OK  Esc Cancel");
	case DLG_TEXT:
		return _("Enter OK  ^J New line  ^E Editor  Esc Cancel");
	case DLG_CONFIRM:
		return _("Up/Down Choose  Enter OK  y Yes  n No");
	case DLG_PICK:
		return _("Up/Down Move  Enter Choose  Esc Cancel");
	case DLG_MULTI:
		return _("Space Tick  Enter OK  Esc Cancel");
	}
	return "";
}

static int
min_int(int a, int b)
{
	return a < b ? a : b;
}

/* Rows the field wants. */
static int
field_rows(const struct tui_dlg *d)
{
	switch (d->kind) {
	case DLG_LINE:
		return 1;
	case DLG_TEXT:
		return TEXT_ROWS;
	default:
		return (int)d->n;
	}
}

static void
draw_frame(int y, int x, int h, int w, const char *title)
{
	int i;

	for (i = 0; i < h; i++) {
		tui_clear(y + i, x, w, ST_NORMAL);
		tui_put(y + i, x, 1, "|", ST_DIM, false);
		tui_put(y + i, x + w - 1, 1, "|", ST_DIM, false);
	}
	for (i = 1; i < w - 1; i++) {
		tui_put(y, x + i, 1, "-", ST_DIM, false);
		tui_put(y + h - 1, x + i, 1, "-", ST_DIM, false);
	}
	tui_put(y, x, 1, "+", ST_DIM, false);
	tui_put(y, x + w - 1, 1, "+", ST_DIM, false);
	tui_put(y + h - 1, x, 1, "+", ST_DIM, false);
	tui_put(y + h - 1, x + w - 1, 1, "+", ST_DIM, false);
	if (title != NULL && *title != '\0') {
		char *s = xasprintf(" %s ", title);

		tui_put(y, x + 2, w - 4, s, ST_HEADING, false);
		free(s);
	}
}

/* A one-line field: scrolled sideways so the cursor shows. */
static void
draw_line(struct tui *t, struct tui_dlg *d, int y, int x, int w)
{
	int col = edit_column(&d->ed), used;
	const char *s = d->ed.buf;
	size_t skip;

	d->width = w;
	if (col < d->hscroll)
		d->hscroll = col;
	if (col >= d->hscroll + w)
		d->hscroll = col - w + 1;
	/* Skip hscroll columns, whole clusters only. */
	skip = utf8_fit(s, d->hscroll, &used);
	tui_put(y, x, w, s + skip, ST_SELECTED, true);
	tui_cursor(t, y, x + col - used);
}

static void
draw_text(struct tui *t, struct tui_dlg *d, int y, int x, int w, int rows)
{
	struct edit_line *lines = NULL;
	size_t cap = 0, n, cur, i;
	int r;

	d->width = w;
	n = edit_wrap(&d->ed, w, &lines, &cap, &cur);
	if (cur < d->vscroll)
		d->vscroll = cur;
	if (cur >= d->vscroll + (size_t)rows)
		d->vscroll = cur - (size_t)rows + 1;
	for (r = 0, i = d->vscroll; r < rows; r++, i++) {
		char *s = i < n ? xstrndup(d->ed.buf + lines[i].start,
		    lines[i].end - lines[i].start) : xstrdup("");

		tui_put(y + r, x, w, s, ST_SELECTED, true);
		if (i == cur) {
			/* The column of the cursor within its visual line. */
			char *head = xstrndup(d->ed.buf + lines[i].start,
			    d->ed.cur - lines[i].start);

			tui_cursor(t, y + r, x + min_int(utf8_width(head), w - 1));
			free(head);
		}
		free(s);
	}
	free(lines);
}

static void
draw_options(struct tui *t, struct tui_dlg *d, int y, int x, int w, int rows)
{
	size_t i;
	int r;

	tui_list_resize(&d->list, d->n, rows);
	tui_list_fit(&d->list);
	for (r = 0, i = d->list.top; r < rows && i < d->n; r++, i++) {
		char *s;

		if (d->kind == DLG_MULTI)
			s = xasprintf("[%s] %s", d->checked[i] ? "x" : " ", d->options[i]);
		else if (d->kind == DLG_CONFIRM)
			s = xasprintf("%s %s", i == d->list.sel ? ">" : " ", d->options[i]);
		else
			s = xasprintf("%zu) %s", i + 1, d->options[i]);
		tui_put(y + r, x, w, s, i == d->list.sel ? ST_SELECTED : ST_NORMAL, true);
		if (i == d->list.sel)
			tui_cursor(t, y + r, x);
		free(s);
	}
}

void
tui_dialog_draw(struct tui *t)
{
	struct tui_dlg *d = t->dlg;
	int body = t->rows - 3, w, iw, h, y, x, prows, hrows, frows, drows = 0;
	const char *detail = NULL;

	w = min_int(t->cols - 2, 76);
	iw = w - 4;
	prows = d->prompt ? min_int(tui_wrap_count(d->prompt, iw), PROMPT_ROWS) : 0;
	d->help_lines = d->help ? tui_wrap_count(d->help, iw) : 0;
	hrows = min_int(d->help_lines, HELP_ROWS);
	if ((d->kind == DLG_PICK || d->kind == DLG_MULTI) && d->details[d->list.sel]) {
		detail = d->details[d->list.sel];
		drows = min_int(tui_wrap_count(detail, iw), DETAIL_ROWS);
	}
	frows = field_rows(d);
	/* The frame, a blank row after the text, and the hint row. */
	h = 2 + prows + hrows + frows + (drows ? drows + 1 : 0) + 2;
	/* Too tall: the help down to two rows (it scrolls), the details,
	 * then prompt and rows. */
	while (h > body) {
		if (hrows > 2)
			hrows--, h--;
		else if (drows > 0)
			h -= drows + 1, drows = 0;
		else if (frows > 3)
			frows--, h--;
		else if (prows > 1)
			prows--, h--;
		else
			break;
	}
	if (h > body)
		h = body;
	y = 1 + (body - h) / 2;
	x = (t->cols - w) / 2;
	draw_frame(y, x, h, w, d->title);
	y++;
	if (prows > 0)
		y += min_int(tui_wrap(y, x + 2, iw, prows, 0, d->prompt, ST_HEADING), prows);
	d->help_rows = hrows;
	if (d->help_top > d->help_lines - hrows)
		d->help_top = d->help_lines - hrows > 0 ? d->help_lines - hrows : 0;
	if (hrows > 0) {
		tui_wrap(y, x + 2, iw, hrows, d->help_top, d->help, ST_DIM);
		y += hrows;
		/* More above or below: say so, and how to see it. */
		if (d->help_lines > hrows) {
			const char *more = d->help_top + hrows < d->help_lines ?
			    _("PgDn: more of the text") : _("PgUp: the start of the text");
			int mw = utf8_width(more);

			tui_put(y, x + w - 2 - mw, mw, more, ST_KEY, false);
		}
	}
	y++;
	switch (d->kind) {
	case DLG_LINE:
		draw_line(t, d, y, x + 2, iw);
		break;
	case DLG_TEXT:
		draw_text(t, d, y, x + 2, iw, frows);
		break;
	default:
		draw_options(t, d, y, x + 2, iw, frows);
		break;
	}
	y += frows;
	if (drows > 0) {
		tui_wrap(y + 1, x + 2, iw, drows, 0, detail, ST_DIM);
		y += drows + 1;
	}
	tui_put(y, x + 2, iw, hint(d), ST_KEY, false);
}

/* Finishes the dialog with what it holds. */
static void
submit(struct tui *t, struct tui_dlg *d)
{
	bool close = true;

	if (d->kind == DLG_CONFIRM && d->list.sel != 1) {
		tui_dialog_close(t);
		return;
	}
	if (d->submit != NULL)
		close = d->submit(t, d->arg, d->kind == DLG_CONFIRM ? "y" : d->ed.buf,
		    d->list.sel, d->checked);
	/* The callback may have opened another dialog in this one's place. */
	if (close && t->dlg == d)
		tui_dialog_close(t);
}

/* Ctrl with the arrow keys, where the terminal has them. */
static int
ctrl_arrow(const char *cap)
{
	char *s = tigetstr(cap);

	if (s == NULL || s == (char *)-1)
		return -1;
	return key_defined(s);
}

/* The width of the field being edited, for moves up and down. */
static int edit_width;

static bool
line_up(struct edit *e)
{
	return e->multiline && edit_vertical(e, edit_width, -1);
}

static bool
line_down(struct edit *e)
{
	return e->multiline && edit_vertical(e, edit_width, 1);
}

static bool
new_line(struct edit *e)
{
	return edit_insert_cp(e, '\n') > 0;
}

/* The editing keys: what edit_key does and what help shows. A key of
 * -1 or -2 is Ctrl-Left or Ctrl-Right, where the terminal has them. */
static const struct {
	int		 keys[3];
	bool		(*fn)(struct edit *e);
	const char	*names;		/* as help shows them */
	const char	*help;		/* N_() */
} edit_keys[] = {
	{ { FK(KEY_LEFT) }, edit_left, "Left", N_("one character left") },
	{ { FK(KEY_RIGHT) }, edit_right, "Right", N_("one character right") },
	{ { -1 }, edit_word_left, "Ctrl-Left", N_("one word left") },
	{ { -2 }, edit_word_right, "Ctrl-Right", N_("one word right") },
	{ { FK(KEY_HOME), TUI_CTRL('a') }, edit_home, "Home, ^A", N_("to the start of the line") },
	{ { FK(KEY_END) }, edit_end, "End", N_("to the end of the line") },
	{ { FK(KEY_UP) }, line_up, "Up", N_("a line up (long text)") },
	{ { FK(KEY_DOWN) }, line_down, "Down", N_("a line down (long text)") },
	{ { FK(KEY_BACKSPACE), 0x7f, TUI_CTRL('h') }, edit_backspace, "Backspace",
	    N_("delete the character before the cursor") },
	{ { FK(KEY_DC), TUI_CTRL('d') }, edit_delete, "Delete, ^D",
	    N_("delete the character under the cursor") },
	{ { TUI_CTRL('w') }, edit_delete_word_left, "^W", N_("delete the word before the cursor") },
	{ { TUI_CTRL('k') }, edit_kill_to_end, "^K", N_("delete to the end of the line") },
	{ { TUI_CTRL('u') }, edit_kill_to_start, "^U", N_("delete to the start of the line") },
	{ { '\n' }, new_line, "^J", N_("a new line (long text)") },
};
#define NEDIT_KEYS (sizeof(edit_keys) / sizeof(edit_keys[0]))

void
tui_edit_keys(void (*fn)(void *arg, const char *keys, const char *help), void *arg)
{
	size_t i;

	fn(arg, _("Enter"), _("save the answer (a rejected one stays, with the reason)"));
	fn(arg, "Esc", _("cancel"));
	for (i = 0; i < NEDIT_KEYS; i++)
		fn(arg, edit_keys[i].names, _(edit_keys[i].help));
	fn(arg, "^E", _("edit a long text in $VISUAL, $EDITOR, sensible-editor or nano"));
	fn(arg, "PgUp, PgDn", _("scroll the question's guidance when it is longer than its room"));
}

static bool
edit_key(struct tui *t, struct tui_dlg *d, int key)
{
	struct edit *e = &d->ed;
	int cl = ctrl_arrow("kLFT5"), cr = ctrl_arrow("kRIT5");
	size_t i, k;

	if (cl > 0 && key == FK(cl))
		key = -1;
	else if (cr > 0 && key == FK(cr))
		key = -2;
	edit_width = d->width;
	for (i = 0; i < NEDIT_KEYS; i++)
		for (k = 0; k < 3 && edit_keys[i].keys[k] != 0; k++)
			if (edit_keys[i].keys[k] == key) {
				edit_keys[i].fn(e);
				return true;
			}
	if (key == TUI_CTRL('e') && d->kind == DLG_TEXT) {
		char *s = tui_external_edit(t, e->buf);

		if (s != NULL) {
			edit_set(e, s);
			free(s);
		}
		return true;
	}
	if (key == TUI_CTRL('e')) {
		edit_end(e);
		return true;
	}
	if (key >= 0x20 && key < TUI_FKEY && key != 0x7f) {
		edit_insert_cp(e, key);
		if (e->full)
			tui_error(t, _("the text is too long: the rest was left out"));
		return true;
	}
	return false;
}

static void
options_key(struct tui *t, struct tui_dlg *d, int key)
{
	enum tui_req req = tui_key_req(tui_global_keys, key);

	if (key >= '1' && key <= '9' && (size_t)(key - '1') < d->n) {
		tui_list_select(&d->list, (size_t)(key - '1'));
		if (d->kind == DLG_PICK) {
			submit(t, d);
			return;
		}
		d->checked[d->list.sel] = !d->checked[d->list.sel];
		return;
	}
	if (key == ' ' && d->kind == DLG_MULTI) {
		d->checked[d->list.sel] = !d->checked[d->list.sel];
		return;
	}
	tui_list_move(&d->list, req);
}

void
tui_dialog_key(struct tui *t, int key)
{
	struct tui_dlg *d = t->dlg;

	if (key == FK(KEY_PASTE_START) || key == FK(KEY_PASTE_END)) {
		d->pasting = key == FK(KEY_PASTE_START);
		return;
	}
	/* Inside a paste a line break is text, never "OK". */
	if (d->pasting && (key == '\r' || key == '\n')) {
		if (d->kind == DLG_LINE || d->kind == DLG_TEXT)
			edit_insert_cp(&d->ed, '\n');
		return;
	}
	if (key == TUI_ESC) {
		tui_dialog_close(t);
		return;
	}
	/* A help longer than its rows scrolls with PgUp and PgDn. */
	if ((key == FK(KEY_NPAGE) || key == FK(KEY_PPAGE)) && d->help_lines > d->help_rows) {
		int step = d->help_rows > 1 ? d->help_rows - 1 : 1;

		d->help_top += key == FK(KEY_NPAGE) ? step : -step;
		if (d->help_top > d->help_lines - d->help_rows)
			d->help_top = d->help_lines - d->help_rows;
		if (d->help_top < 0)
			d->help_top = 0;
		return;
	}
	if (d->kind == DLG_CONFIRM) {
		if (key == 'y' || key == 'Y') {
			d->list.sel = 1;
			submit(t, d);
		} else if (key == 'n' || key == 'N' || key == 'q') {
			tui_dialog_close(t);
		} else if (key == '\r' || key == FK(KEY_ENTER)) {
			submit(t, d);
		} else {
			/* Left and Right too: the choices may read as a row. */
			enum tui_req req = tui_key_req(tui_global_keys, key);

			if (req == REQ_LEFT || req == REQ_RIGHT || key == '\t')
				d->list.sel = !d->list.sel;
			else
				tui_list_move(&d->list, req);
		}
		return;
	}
	if (key == '\r' || key == FK(KEY_ENTER)) {
		submit(t, d);
		return;
	}
	if (d->kind == DLG_LINE || d->kind == DLG_TEXT)
		edit_key(t, d, key);
	else
		options_key(t, d, key);
}
