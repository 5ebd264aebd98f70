/* SPDX-License-Identifier: EUPL-1.2 */
/* Drawing helpers shared by the screens: text measured in terminal
 * columns and grapheme clusters (never bytes), wrapping, progress bars,
 * styles that degrade to monochrome, and key names for help. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "airejse/ctrl.h"
#include "airejse/edit.h"
#include "airejse/i18n.h"
#include "airejse/strbuf.h"
#include "airejse/tui-curses.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

static attr_t styles[ST__COUNT];

void
tui_styles_init(bool mono)
{
	/* Monochrome: reverse for what is selected or framed, bold for
	 * what must stand out; nothing depends on colour alone. */
	styles[ST_NORMAL] = A_NORMAL;
	styles[ST_TITLE] = A_REVERSE | A_BOLD;
	styles[ST_BAR] = A_NORMAL;
	styles[ST_SELECTED] = A_REVERSE;
	styles[ST_HEADING] = A_BOLD;
	styles[ST_DIM] = A_DIM;
	styles[ST_DONE] = A_NORMAL;
	styles[ST_PROGRESS] = A_NORMAL;
	styles[ST_BLOCKED] = A_BOLD;
	styles[ST_ERROR] = A_BOLD;
	styles[ST_INFO] = A_NORMAL;
	styles[ST_KEY] = A_BOLD;
	styles[ST_MATCH] = A_BOLD | A_UNDERLINE;
	if (mono)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_GREEN, -1);
	init_pair(3, COLOR_YELLOW, -1);
	init_pair(4, COLOR_RED, -1);
	init_pair(5, COLOR_CYAN, -1);
	styles[ST_TITLE] = COLOR_PAIR(1) | A_BOLD;
	styles[ST_DONE] = COLOR_PAIR(2);
	styles[ST_INFO] = COLOR_PAIR(2);
	styles[ST_PROGRESS] = COLOR_PAIR(3);
	styles[ST_BLOCKED] = COLOR_PAIR(4) | A_BOLD;
	styles[ST_ERROR] = COLOR_PAIR(4) | A_BOLD;
	styles[ST_KEY] = COLOR_PAIR(5) | A_BOLD;
}

/* Draws the cluster s[0..n) at (y, x) as one cell of cw columns. */
static void
put_cluster(int y, int x, const char *s, size_t n, attr_t a)
{
	wchar_t wc[CCHARW_MAX + 1];
	cchar_t cc;
	size_t off = 0;
	int k = 0;

	while (off < n && k < CCHARW_MAX) {
		int32_t cp;
		int m = utf8_decode(s + off, n - off, &cp);

		off += m > 0 ? (size_t)m : 1;
		/* Controls (a stray tab or line break) show as a space. */
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			cp = ' ';
		wc[k++] = (wchar_t)cp;
	}
	wc[k] = L'\0';
	if (setcchar(&cc, wc, a, (short)PAIR_NUMBER(a), NULL) == OK)
		mvadd_wch(y, x, &cc);
}

/* n characters of printable ASCII at (y, x), stored as cells as they
 * are: waddnstr would take each through the multibyte conversion. */
static void
put_ascii(int y, int x, const char *s, size_t n, attr_t a)
{
	chtype cells[256];
	size_t i, k;

	while (n > 0) {
		k = n < sizeof(cells) / sizeof(cells[0]) ? n : sizeof(cells) / sizeof(cells[0]);
		for (i = 0; i < k; i++)
			cells[i] = (chtype)(unsigned char)s[i] | a;
		mvaddchnstr(y, x, cells, (int)k);
		s += k;
		x += (int)k;
		n -= k;
	}
}

/* The bytes of the control at s (ESC, C1, a bidi control, a byte that
 * is not UTF-8), or 0 if s starts with none; a tab and a line feed are
 * none here, put_cluster shows them as a space. */
static size_t
control_len(const char *s, size_t len)
{
	int32_t cp;
	int k = utf8_decode(s, len, &cp);

	if (k < 0)
		return 1;
	return ctrl_is_control(cp) && cp != '\t' && cp != '\n' ? (size_t)k : 0;
}

/* Draws the control s[0..n) as the command line prints it (ctrl.h), "^["
 * or "<U+202E>": never sent to the terminal, nor hidden. Advances *w;
 * false if it does not fit in width. */
static bool
put_control(int y, int x, int *w, int width, const char *s, size_t n, attr_t a)
{
	struct strbuf sb = STRBUF_INIT;
	bool fits;

	ctrl_visible_add(&sb, s, n);
	if ((fits = *w + (int)sb.len <= width)) {
		put_ascii(y, x + *w, sb_str(&sb), sb.len, a);
		*w += (int)sb.len;
	}
	sb_free(&sb);
	return fits;
}

int
tui_put(int y, int x, int width, const char *s, enum tui_style st, bool pad)
{
	attr_t a = styles[st];
	size_t len = strlen(s), off = 0;
	int w = 0;

	if (y < 0 || y >= LINES || x < 0)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	while (off < len) {
		size_t n, run;
		int cw;

		/* A run of printable ASCII is drawn in one call: most of what
		 * a screen shows, and a call a character costs its redraw. */
		for (run = 0; off + run < len && w + (int)run < width &&
		    s[off + run] >= 0x20 && s[off + run] < 0x7f; run++)
			;
		if (run > 1 && off + run < len && (unsigned char)s[off + run] >= 0x80)
			run--;	/* the last may start a cluster with what follows */
		if (run > 1) {
			put_ascii(y, x + w, s + off, run, a);
			w += (int)run;
			off += run;
			continue;
		}
		if ((n = control_len(s + off, len - off)) > 0) {
			if (!put_control(y, x, &w, width, s + off, n, a))
				break;
			off += n;
			continue;
		}
		n = utf8_next(s + off, len - off);
		cw = utf8_cluster_width(s + off, n);

		if (w + cw > width)
			break;
		if (cw > 0) {
			put_cluster(y, x + w, s + off, n, a);
			w += cw;
		}
		off += n;
	}
	if (pad && w < width) {
		tui_clear(y, x + w, width - w, st);
		w = width;
	}
	return w;
}

/* Draws width cells of the character c (ASCII) at (y, x) in one call,
 * as tui_put would one at a time. */
static void
put_run(int y, int x, int width, char c, enum tui_style st)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (x + width > COLS)
		width = COLS - x;
	if (width <= 0)
		return;
	attrset(styles[st]);
	mvhline(y, x, (chtype)(unsigned char)c, width);
	attrset(A_NORMAL);
}

void
tui_clear(int y, int x, int width, enum tui_style st)
{
	put_run(y, x, width, ' ', st);
}

/* Long texts are shown in part; wrapping a megabyte on every redraw
 * would make each key wait. */
#define WRAP_MAX 8192

static size_t
wrap(const char *s, int width, struct edit *e, struct edit_line **lines, size_t *cap)
{
	size_t cur;
	char *head = NULL, *shown;

	if (strlen(s) > WRAP_MAX) {
		head = xstrndup(s, utf8_fit(s, WRAP_MAX, NULL));
		s = head;
	}
	/* Wrapped as shown: a control as "^[" (put_control), which the
	 * editing model would otherwise drop. */
	shown = ctrl_visible(s);
	edit_init(e, shown, true);
	free(shown);
	free(head);
	return edit_wrap(e, width, lines, cap, &cur);
}

int
tui_wrap(int y, int x, int width, int rows, int first, const char *s,
    enum tui_style st)
{
	struct edit e;
	struct edit_line *lines = NULL;
	size_t cap = 0, n, i;

	n = wrap(s, width, &e, &lines, &cap);
	for (i = (size_t)(first > 0 ? first : 0); i < n && rows > 0; i++, rows--, y++) {
		size_t start = lines[i].start;
		char *line;

		/* A word that filled the line pushes its space onto the next
		 * one; shown text does not begin with it. */
		if (i > 0 && start == lines[i - 1].end && start < lines[i].end &&
		    e.buf[start] == ' ')
			start++;
		line = xstrndup(e.buf + start, lines[i].end - start);

		tui_put(y, x, width, line, st, false);
		free(line);
	}
	edit_free(&e);
	free(lines);
	return (int)n;
}

int
tui_wrap_count(const char *s, int width)
{
	struct edit e;
	struct edit_line *lines = NULL;
	size_t cap = 0, n;

	n = wrap(s, width, &e, &lines, &cap);
	edit_free(&e);
	free(lines);
	return (int)n;
}

void
tui_progress(int y, int x, int width, size_t done, size_t total)
{
	char label[32];
	int lw, bar, fill;

	snprintf(label, sizeof(label), " %zu/%zu", done, total);
	lw = (int)strlen(label);
	bar = width - lw - 2;
	if (bar < 3) {
		tui_put(y, x, width, label + 1, ST_NORMAL, false);
		return;
	}
	fill = total ? (int)((size_t)bar * done / total) : 0;
	tui_put(y, x, 1, "[", ST_NORMAL, false);
	/* Each run of one character at once: a list of projects draws
	 * many bars. */
	put_run(y, x + 1, fill, '#', done == total ? ST_DONE : ST_PROGRESS);
	put_run(y, x + 1 + fill, bar - fill, '.', ST_DIM);
	tui_put(y, x + 1 + bar, 1, "]", ST_NORMAL, false);
	tui_put(y, x + 2 + bar, lw, label, ST_NORMAL, false);
}

char *
tui_shorten(const char *s, int width)
{
	int used;
	size_t n;

	if (utf8_width(s) <= width)
		return xstrdup(s);
	if (width < 1)
		return xstrdup("");
	n = utf8_fit(s, width - 1, &used);
	return xasprintf("%.*s…", (int)n, s);
}

const char *
tui_key_name(int key)
{
	static char names[2][16];
	static int next;
	char buf[16];

	switch (key) {
	case '\n':
	case '\r':
	case FK(KEY_ENTER):
		return _("Enter");
	case TUI_ESC:
		return "Esc";
	case '\t':
		return "Tab";
	case FK(KEY_BTAB):
		return "Shift-Tab";
	case ' ':
		return _("Space");
	case FK(KEY_UP):
		return _("Up");
	case FK(KEY_DOWN):
		return _("Down");
	case FK(KEY_LEFT):
		return _("Left");
	case FK(KEY_RIGHT):
		return _("Right");
	case FK(KEY_PPAGE):
		return "PgUp";
	case FK(KEY_NPAGE):
		return "PgDn";
	case FK(KEY_HOME):
		return "Home";
	case FK(KEY_END):
		return "End";
	case FK(KEY_BACKSPACE):
	case 0x7f:
		return "Backspace";
	case FK(KEY_DC):
		return "Delete";
	default:
		break;
	}
	if (key >= FK(KEY_F(1)) && key <= FK(KEY_F(12))) {
		snprintf(buf, sizeof(buf), "F%d", key - FK(KEY_F0));
	} else if (key > 0 && key < 0x20) {
		snprintf(buf, sizeof(buf), "^%c", key + '@');
	} else if (key >= TUI_FKEY) {
		snprintf(buf, sizeof(buf), "#%d", key - TUI_FKEY);
	} else {
		wchar_t w[2] = { (wchar_t)key, 0 };

		if (wcstombs(buf, w, sizeof(buf)) == (size_t)-1)
			buf[0] = '\0';
	}
	/* tui_key_name is called twice in one expression by help. */
	return strcpy(names[next = !next], buf);
}
