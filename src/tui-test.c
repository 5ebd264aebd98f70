/* SPDX-License-Identifier: EUPL-1.2 */
/* The test mode: key scripts instead of a keyboard, and the screen
 * written out as text, so tests can drive the real program and compare
 * what it shows with a file (tig's test mode does the same). */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "airejse/tui-curses.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

struct item {
	enum tui_input	kind;
	int		key;
	int		rows, cols;
};

struct tui_script {
	struct item	*v;
	size_t		 n, cap, next;
};

static const struct {
	const char	*name;
	int		 key;
} names[] = {
	{ "Enter", '\r' }, { "Esc", TUI_ESC }, { "Tab", '\t' },
	{ "BTab", FK(KEY_BTAB) }, { "Space", ' ' }, { "BS", FK(KEY_BACKSPACE) },
	{ "Del", FK(KEY_DC) }, { "Up", FK(KEY_UP) }, { "Down", FK(KEY_DOWN) },
	{ "Left", FK(KEY_LEFT) }, { "Right", FK(KEY_RIGHT) },
	{ "Home", FK(KEY_HOME) }, { "End", FK(KEY_END) },
	{ "PgUp", FK(KEY_PPAGE) }, { "PgDn", FK(KEY_NPAGE) },
	{ "F1", FK(KEY_F(1)) }, { "lt", '<' }
};

static void
add(struct tui_script *sc, enum tui_input kind, int key, int rows, int cols)
{
	xgrow(&sc->v, &sc->cap, sc->n + 1, sizeof(*sc->v));
	sc->v[sc->n].kind = kind;
	sc->v[sc->n].key = key;
	sc->v[sc->n].rows = rows;
	sc->v[sc->n].cols = cols;
	sc->n++;
}

/* One <Name>; returns 0 or -1. */
static int
add_named(struct tui_script *sc, const char *name, size_t len)
{
	char buf[32];
	int rows, cols;
	size_t i;

	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, name, len);
	buf[len] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(buf, names[i].name) == 0) {
			add(sc, TUI_IN_KEY, names[i].key, 0, 0);
			return 0;
		}
	}
	if (len == 3 && buf[0] == 'C' && buf[1] == '-' && buf[2] >= 'a' && buf[2] <= 'z') {
		add(sc, TUI_IN_KEY, TUI_CTRL(buf[2]), 0, 0);
		return 0;
	}
	if (strcmp(buf, "dump") == 0) {
		add(sc, TUI_IN_DUMP, 0, 0, 0);
		return 0;
	}
	if (sscanf(buf, "resize %dx%d", &cols, &rows) == 2 && rows > 0 &&
	    cols > 0 && rows < 1000 && cols < 1000) {
		add(sc, TUI_IN_RESIZE, 0, rows, cols);
		return 0;
	}
	return -1;
}

struct tui_script *
tui_script_parse(const char *s, char **cause)
{
	struct tui_script *sc = xcalloc(1, sizeof(*sc));
	size_t len = strlen(s), off = 0;

	while (off < len) {
		int32_t cp;
		int n;

		if (s[off] == '\n') {
			off++;
			continue;
		}
		if (s[off] == '<') {
			const char *end = strchr(s + off, '>');

			if (end == NULL || add_named(sc, s + off + 1,
			    (size_t)(end - s - (ptrdiff_t)off - 1)) != 0) {
				*cause = xasprintf(_("unknown key at '%.20s'"), s + off);
				tui_script_free(sc);
				return NULL;
			}
			off = (size_t)(end - s) + 1;
			continue;
		}
		if ((n = utf8_decode(s + off, len - off, &cp)) <= 0) {
			*cause = xasprintf(_("the script is not UTF-8 at byte %zu"), off);
			tui_script_free(sc);
			return NULL;
		}
		add(sc, TUI_IN_KEY, (int)cp, 0, 0);
		off += (size_t)n;
	}
	return sc;
}

enum tui_input
tui_script_next(struct tui_script *sc, int *key, int *rows, int *cols)
{
	const struct item *it;

	if (sc->next >= sc->n)
		return TUI_IN_END;
	it = &sc->v[sc->next++];
	*key = it->key;
	*rows = it->rows;
	*cols = it->cols;
	return it->kind;
}

void
tui_script_free(struct tui_script *sc)
{
	if (sc == NULL)
		return;
	free(sc->v);
	free(sc);
}

void
tui_dump(struct tui *t, FILE *out)
{
	wchar_t *row = xcalloc((size_t)COLS + 1, sizeof(*row));
	char *mb = xmalloc((size_t)COLS * MB_CUR_MAX + 1);
	int y, x, cy, cx;

	getyx(stdscr, cy, cx);
	fprintf(out, "== %dx%d cursor %d,%d\n", COLS, LINES, cy, cx);
	for (y = 0; y < LINES; y++) {
		size_t n;

		/* Reads characters, not cells: a wide character is one. */
		if (mvinnwstr(y, 0, row, COLS) == ERR)
			row[0] = L'\0';
		if ((n = wcstombs(mb, row, (size_t)COLS * MB_CUR_MAX)) == (size_t)-1)
			n = 0;
		mb[n] = '\0';
		while (n > 0 && mb[n - 1] == ' ')
			mb[--n] = '\0';
		fprintf(out, "%s\n", mb);
	}
	move(cy, cx);
	(void)x;
	free(row);
	free(mb);
	(void)t;
}
