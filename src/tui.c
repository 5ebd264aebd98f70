/* SPDX-License-Identifier: EUPL-1.2 */
/* The terminal program: its entry (tui_main) and the dispatcher, which
 * reads keys (or a test script), turns them into requests through the
 * live keymaps and hands them to the screen on top, and draws the frame
 * around the screens. What the screens call is below it: the stack and
 * the status line in tui-frame.c, the terminal in tui-term.c. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/content.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-term.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

static FILE *test_screen;	/* test mode: where <dump> writes */

/* Below this the screens cannot be used: say so instead (as ncdu does). */
#define MIN_COLS 40
#define MIN_ROWS 10

/* True if the screen's own keymap gives req another key than the global
 * one, so the bottom line does not show both. */
static bool
overridden(const struct tui_binding *keys, enum tui_req req)
{
	size_t i;

	for (i = 0; keys[i].req != REQ_NONE; i++)
		if (keys[i].req == req)
			return true;
	return false;
}

/* Whether binding b of pass m goes on the bottom line: first help, then
 * the screen's keys, then the other global ones it does not override. */
static bool
on_bar(const struct tui_binding *view, int m, const struct tui_binding *b)
{
	if (b->bar == NULL)
		return false;
	if (m == 0)
		return b->req == REQ_HELP;
	if (m == 1)
		return true;
	return b->req != REQ_HELP && !overridden(view, b->req);
}

/* "? Help  Enter Open  n New  q Back" from the live keymaps, cut to the
 * width. */
static void
draw_bar(struct tui *t, int y)
{
	const struct tui_binding *view = t->stack[t->depth - 1].ops->keys;
	const struct tui_binding *maps[3] = { tui_global_keys, view, tui_global_keys };
	int x = 0, m;
	size_t i;

	tui_clear(y, 0, t->cols, ST_BAR);
	for (m = 0; m < 3; m++) {
		for (i = 0; maps[m][i].req != REQ_NONE; i++) {
			const struct tui_binding *b = &maps[m][i];
			const char *name, *label;
			int need;

			if (!on_bar(view, m, b))
				continue;
			name = tui_key_name(b->keys[0]);
			label = _(b->bar);
			need = utf8_width(name) + 1 + utf8_width(label);
			if (x + need > t->cols)
				return;
			x += tui_put(y, x, t->cols - x, name, ST_KEY, false);
			x += tui_put(y, x, t->cols - x, " ", ST_BAR, false);
			x += tui_put(y, x, t->cols - x, label, ST_BAR, false);
			x += tui_put(y, x, t->cols - x, "  ", ST_BAR, false);
		}
	}
}

/* The status line; a long message (a rejected value's reason) takes up
 * to three rows above the bottom line rather than being cut. */
static void
draw_msg(struct tui *t)
{
	int n, i;

	if (t->msg == NULL)
		return;
	n = tui_wrap_count(t->msg, t->cols);
	if (n > 3)
		n = 3;
	for (i = 0; i < n; i++)
		tui_clear(t->rows - 1 - n + i, 0, t->cols, ST_NORMAL);
	tui_wrap(t->rows - 1 - n, 0, t->cols, n, 0, t->msg,
	    t->msg_error ? ST_ERROR : ST_INFO);
}

static void
draw_small(struct tui *t)
{
	char *s = xasprintf(_("The terminal is too small (%dx%d). Make it at least %dx%d, or press q to quit."),
	    t->cols, t->rows, MIN_COLS, MIN_ROWS);

	tui_wrap(0, 0, t->cols, t->rows, 0, s, ST_NORMAL);
	free(s);
	tui_cursor(t, 0, 0);
}

static bool
too_small(const struct tui *t)
{
	return t->cols < MIN_COLS || t->rows < MIN_ROWS;
}

static void dump_screen(struct tui *t);

/* How long the program waits for a key before it looks whether another
 * process changed the database: a change shows within a second, and in
 * between the program sleeps in the terminal's read. On a server, whose
 * notice of a change wakes the program at once, this is only a
 * fallback. */
#define IDLE_MS 1000

/* Another process (the command line, a colleague) changed the database:
 * every screen reads what is there now, keeping its place (each
 * screen's reload keeps its selection by what it is, not by its row),
 * and an open dialog keeps what is typed in it. The status line says
 * who changed which project, unless it holds an error, or, when over,
 * anything. Returns whether there was a change. */
static bool
follow(struct tui *t, bool over)
{
	char *project = NULL, *user = NULL, *cause = NULL;

	if (!action_changed(t->act, &t->data_version))
		return false;
	tui_reload(t);
	if (t->msg != NULL && (t->msg_error || !over))
		return true;
	if (action_latest_change(t->act, &project, &user, &cause) != 0)
		free(cause);
	if (project != NULL && user != NULL)
		tui_info(t, _("Updated: %s changed \"%s\"."), user, project);
	else if (project != NULL)
		tui_info(t, _("Updated: \"%s\" was changed elsewhere."), project);
	else
		tui_info(t, "%s", _("Updated: the projects were changed elsewhere."));
	free(project);
	free(user);
	return true;
}

static void
draw(struct tui *t)
{
	struct tui_frame *f = &t->stack[t->depth - 1];

	follow(t, false);
	t->rows = LINES;
	t->cols = COLS;
	erase();
	if (too_small(t)) {
		draw_small(t);
	} else {
		xfree(t->title);
		tui_cursor(t, 1, 0);
		f->ops->draw(t, f->state, 1, t->rows - 3, t->cols);
		tui_clear(0, 0, t->cols, ST_TITLE);
		tui_put(0, 1, t->cols - 1, t->title ? t->title : _(f->ops->title),
		    ST_TITLE, false);
		draw_bar(t, t->rows - 1);
		if (t->dlg != NULL)
			tui_dialog_draw(t);
		draw_msg(t);
	}
	if (t->cur_y >= t->rows)
		t->cur_y = t->rows - 1;
	if (t->cur_x >= t->cols)
		t->cur_x = t->cols - 1;
	move(t->cur_y, t->cur_x);
	refresh();
}

/* A click or the wheel (only when the configuration turned the mouse
 * on): the screen on top gets it as REQ_CLICK at t->click_y, click_x or
 * as REQ_SCROLL_UP, REQ_SCROLL_DOWN. A dialog takes none. */
static void
mouse_event(struct tui *t)
{
	struct tui_frame *f = &t->stack[t->depth - 1];
	enum tui_req req;
	MEVENT ev;

	if (getmouse(&ev) != OK || t->dlg != NULL || too_small(t))
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		req = REQ_SCROLL_UP;
	} else if (ev.bstate & BUTTON5_PRESSED) {
		req = REQ_SCROLL_DOWN;
	} else if (ev.bstate & BUTTON1_PRESSED) {
		req = REQ_CLICK;
		t->click_y = ev.y;
		t->click_x = ev.x;
	} else {
		return;
	}
	xfree(t->msg);
	f->ops->key(t, f->state, req, FK(KEY_MOUSE));
}

static void
handle(struct tui *t, int key)
{
	struct tui_frame *f = &t->stack[t->depth - 1];
	enum tui_req req;

	if (key == FK(KEY_RESIZE))
		return;		/* the next draw measures the screen */
	if (key == FK(KEY_MOUSE)) {
		mouse_event(t);
		return;
	}
	/* A paste outside a field is dropped, not run as keys. */
	if (t->dlg == NULL && (key == FK(KEY_PASTE_START) || t->pasting)) {
		t->pasting = key != FK(KEY_PASTE_END);
		return;
	}
	xfree(t->msg);
	if (too_small(t)) {
		if (key == 'q' || key == 'Q')
			t->quit = true;
		return;
	}
	if (t->dlg != NULL) {
		tui_dialog_key(t, key);
		return;
	}
	req = tui_key_req(f->ops->keys, key);
	if (req == REQ_NONE)
		req = tui_key_req(tui_global_keys, key);
	if (f->ops->key(t, f->state, req, key))
		return;
	switch (req) {
	case REQ_BACK:
		tui_pop(t);
		break;
	case REQ_CANCEL:
		/* Esc, pressed once too often or sent by the terminal
		 * with a sequence, must not end the program. */
		if (t->depth > 1)
			tui_pop(t);
		else
			tui_info(t, _("Esc does not quit: press q to leave airejse."));
		break;
	case REQ_QUIT:
		t->quit = true;
		break;
	case REQ_HELP:
		if (f->ops->kind != TUI_HELP)
			tui_open(t, TUI_HELP, f->ops);
		break;
	case REQ_GLOSSARY:
		if (f->ops->kind != TUI_GLOSSARY)
			tui_open(t, TUI_GLOSSARY, NULL);
		break;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

/* After an Esc: whether it was the Esc key. curses gives Esc and then
 * the rest when a sequence from the terminal is one it does not know (a
 * function key of another terminal, a report): that rest, a CSI (Esc [)
 * or OSC (Esc ]) to its final byte or an SS3 (Esc O) and one more, is
 * read and dropped here, so it never acts as Esc (which goes back) nor
 * as the keys it is made of. Anything else after Esc is a key of its
 * own, typed quickly (Esc q), and stays to be read. */
static bool
lone_esc(void)
{
	wint_t wc;
	int rc, n;

	timeout(0);
	rc = get_wch(&wc);
	if (rc != OK || (wc != '[' && wc != ']' && wc != 'O')) {
		if (rc == KEY_CODE_YES)
			ungetch((int)wc);
		else if (rc == OK)
			unget_wch(wc);
		timeout(-1);
		return true;
	}
	/* The rest came with the Esc (curses waited ESCDELAY for it). */
	timeout(get_escdelay());
	if (wc == 'O') {
		(void)get_wch(&wc);
	} else {
		bool osc = wc == ']';

		for (n = 0; n < 64 && get_wch(&wc) == OK; n++)
			if (osc ? wc == 0x07 || wc == '\\' : wc >= 0x40 && wc <= 0x7e)
				break;
	}
	timeout(-1);
	return false;
}

/* Sleeps until the terminal has a key (true; or a signal came, as for a
 * resize), or fd has news or IDLE_MS passed (false). */
static bool
key_came(int fd)
{
	struct pollfd p[2] = { { STDIN_FILENO, POLLIN, 0 }, { fd, POLLIN, 0 } };
	int n = poll(p, 2, IDLE_MS);

	return n < 0 ? errno == EINTR : n > 0 && p[0].revents != 0;
}

/* The next key as an int (see tui-curses.h); wait says whether to block.
 * Returns false when there is none (or, in test mode, the script ended:
 * then t->quit is set; or an unknown sequence was dropped). */
static bool
read_key(struct tui *t, struct tui_script *sc, bool wait, int *key)
{
	wint_t wc;
	int rc, rows, cols;

	if (sc != NULL) {
		if (!wait)
			return false;	/* every scripted key is drawn after */
		for (;;) {
			switch (tui_script_next(sc, key, &rows, &cols)) {
			case TUI_IN_KEY:
				return true;
			case TUI_IN_RESIZE:
				resize_term(rows, cols);
				*key = FK(KEY_RESIZE);
				return true;
			case TUI_IN_DUMP:
				dump_screen(t);
				continue;
			case TUI_IN_END:
				t->quit = true;
				return false;
			}
		}
	}
	/* Waiting, look at the database each IDLE_MS, and at once when
	 * its connection has news; a change ends the wait so that it is
	 * drawn. */
	for (;;) {
		int fd = wait ? action_watch_fd(t->act) : -1;

		/* With news to watch for, a key curses holds already is
		 * read first, then both the terminal and the news waited on. */
		timeout(wait && fd < 0 ? IDLE_MS : 0);
		rc = get_wch(&wc);
		timeout(-1);
		if (rc != ERR || !wait)
			break;
		if ((fd < 0 || !key_came(fd)) && follow(t, true))
			break;
	}
	if (rc == ERR)
		return false;
	*key = rc == KEY_CODE_YES ? FK((int)wc) : (int)wc;
	/* A sequence curses did not know: no key. */
	return *key != TUI_ESC || lone_esc();
}

static void
run(struct tui *t, struct tui_script *sc)
{
	int key;

	while (!t->quit && t->depth > 0) {
		draw(t);
		if (!read_key(t, sc, true, &key))
			continue;
		handle(t, key);
		/* Keys already waiting (a paste, a burst of resize events) are
		 * handled before the screen is drawn again. */
		while (!t->quit && t->depth > 0 && read_key(t, sc, false, &key))
			handle(t, key);
	}
}

/* In test mode: appends the screen to $AIREJSE_TEST_SCREEN (opened
 * by tui_main, so a bad path ends the run before it starts). */
static void
dump_screen(struct tui *t)
{
	if (test_screen != NULL) {
		tui_dump(t, test_screen);
		fflush(test_screen);
	}
}

/* A locale that is not UTF-8 is said once, on the status line: the
 * command line's warning went to a screen curses has since cleared. */
static void
locale_notice(struct tui *t)
{
	const char *v = getenv("LC_ALL");
	char *low, *p;

	if (v == NULL || *v == '\0')
		v = getenv("LC_CTYPE");
	if (v == NULL || *v == '\0')
		v = getenv("LANG");
	if (v == NULL || *v == '\0' || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0)
		return;
	low = xstrdup(v);
	for (p = low; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (strstr(low, "utf-8") == NULL && strstr(low, "utf8") == NULL)
		tui_info(t, _("The locale %s is not UTF-8: airejse works in UTF-8 anyway, but set LANG to a UTF-8 locale (e.g. da_DK.UTF-8) for your other programs."), v);
	free(low);
}

/* Opens $AIREJSE_TEST_SCREEN, if set, for dump_screen. */
static int
open_test_screen(char **cause)
{
	const char *path = getenv("AIREJSE_TEST_SCREEN");

	if (path == NULL || *path == '\0')
		return 0;
	if ((test_screen = fopen(path, "a")) == NULL) {
		*cause = xasprintf(_("cannot write the test screen to %s: %s"), path, strerror(errno));
		return EX_IOERR;
	}
	return 0;
}

static int
first_screens(struct tui *t, const struct app *app)
{
	if (!tui_open(t, TUI_PROJECTS, NULL))
		return EX_SOFTWARE;
	if (app->role != NULL) {
		struct tui_handoffs_arg arg = { 0, app->role };

		tui_open(t, TUI_HANDOFFS, &arg);
	}
	return 0;
}

/* The screens (tui.h): the one place that knows them all. Each goes in
 * the program's table under the kind it declares. */
static const struct tui_view_ops *const screens[] = {
	&tui_projects_ops, &tui_journey_ops, &tui_handoffs_ops, &tui_search_ops,
	&tui_help_ops, &tui_history_ops, &tui_glossary_ops, &tui_export_ops,
	&tui_calendar_ops, &tui_archived_ops, &tui_check_ops, &tui_compare_ops,
};
_Static_assert(sizeof(screens) / sizeof(screens[0]) == TUI_NSCREENS, "every screen is listed");

int
tui_main(struct app *app, char **cause)
{
	const char *keys = getenv("AIREJSE_TEST_KEYS");
	struct tui_script *sc = NULL;
	struct action act;
	struct tui t;
	FILE *devnull = NULL;
	char *why = NULL;
	int rc;

	*cause = NULL;
	memset(&t, 0, sizeof(t));
	for (size_t i = 0; i < TUI_NSCREENS; i++)
		t.screens[screens[i]->kind] = screens[i];
	t.test = keys != NULL && *keys != '\0';
	if (!t.test && (app->plain || !tui_term_usable()))
		return TUI_PLAIN;
	if (t.test && (sc = tui_script_parse(keys, &why)) == NULL) {
		*cause = xasprintf(_("AIREJSE_TEST_KEYS: %s"), why);
		free(why);
		return EX_USAGE;
	}
	app_action(app, SOURCE_TUI, &act);
	t.app = app;
	t.content = app->content;
	t.act = &act;
	t.data_version = action_data_version(&act);
	if (app->role != NULL && content_role(t.content, app->role) == NULL) {
		*cause = xasprintf(_("unknown role '%s': see the roles in 'airejse journeys --format json' or the manual"),
		    app->role);
		rc = EX_USAGE;
		goto out;
	}
	if (t.test && (rc = open_test_screen(cause)) != 0)
		goto out;
	if (!tui_term_start(&t, &devnull)) {
		*cause = xasprintf(_("cannot drive this terminal (TERM=%s): using plain prompts"),
		    getenv("TERM") ? getenv("TERM") : "");
		rc = TUI_PLAIN;
		goto out;
	}
	/* The projects' progress, kept while the store does not change. */
	act.memo = action_memo_new();
	locale_notice(&t);
	if ((rc = first_screens(&t, app)) != 0 && t.msg != NULL) {
		*cause = t.msg;
		t.msg = NULL;
	} else if (rc == 0) {
		run(&t, sc);
		dump_screen(&t);
	}
	if (t.dlg != NULL)
		tui_dialog_close(&t);
	while (t.depth > 0) {
		t.depth--;
		t.stack[t.depth].ops->close(&t, t.stack[t.depth].state);
	}
	tui_restore_terminal();
out:
	action_memo_free(act.memo);
	if (devnull != NULL)
		fclose(devnull);
	if (test_screen != NULL)
		fclose(test_screen);
	test_screen = NULL;
	free(t.title);
	free(t.msg);
	tui_script_free(sc);
	return rc;
}
