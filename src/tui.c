/* The dispatcher of the terminal program: sets the terminal up and
 * restores it (also on signals and crashes), reads keys (or a test
 * script), turns them into requests through the live keymaps and hands
 * them to the screen on top; draws the frame around the screens. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/content.h"
#include "airejse/edit.h"
#include "airejse/store.h"
#include "airejse/tui-curses.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* Below this the screens cannot be used: say so instead (as ncdu does). */
#define MIN_COLS 40
#define MIN_ROWS 10

const struct tui_binding tui_global_keys[] = {
	{ REQ_HELP, { '?', FK(KEY_F(1)) }, N_("Help"), N_("help for this screen") },
	{ REQ_BACK, { 'q', TUI_ESC }, N_("Back"), N_("go back (on the first screen: quit)") },
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

static volatile sig_atomic_t curses_on;
static FILE *test_screen;	/* test mode: where <dump> writes */
static volatile sig_atomic_t paste_on;

/* Bracketed paste: the terminal marks pasted text, so a line break in a
 * paste is text, not Enter, and a paste outside a field is not taken
 * for commands. */
static void
bracketed_paste(bool on)
{
	static const char enable[] = "\033[?2004h", disable[] = "\033[?2004l";

	if (on)
		(void)!write(STDOUT_FILENO, enable, sizeof(enable) - 1);
	else
		(void)!write(STDOUT_FILENO, disable, sizeof(disable) - 1);
}

void
tui_restore_terminal(void)
{
	if (curses_on) {
		curses_on = 0;
		endwin();
		if (paste_on)
			bracketed_paste(false);
	}
}

static const int fatal_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT,
    SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define NSIGNALS (sizeof(fatal_signals) / sizeof(fatal_signals[0]))
static struct sigaction old_actions[NSIGNALS];

/* A signal or a crash: give the terminal back, then let the signal do
 * what it did before (a sanitizer's report, a core dump, the end). */
static void
on_signal(int sig, siginfo_t *si, void *ctx)
{
	bool fault = sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL;
	size_t i;

	(void)ctx;
	tui_restore_terminal();
	for (i = 0; i < NSIGNALS; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &old_actions[i], NULL);
	/* A real fault repeats when the handler returns; a signal sent
	 * with kill (si_code <= 0) would not, so it is raised again. */
	if (!fault || si == NULL || si->si_code <= 0) {
		raise(sig);
		/* Still here: the handler before ours let it pass (a
		 * sanitizer's does for a sent SIGSEGV). End as the signal
		 * says, never run on without a screen. */
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

static void
catch_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_signal;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NSIGNALS; i++)
		sigaction(fatal_signals[i], &sa, &old_actions[i]);
	atexit(tui_restore_terminal);
}

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

const struct tui_view_ops *
tui_below(const struct tui *t)
{
	return t->depth >= 2 ? t->stack[t->depth - 2].ops : NULL;
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

static void
draw(struct tui *t)
{
	struct tui_frame *f = &t->stack[t->depth - 1];

	int64_t v = store_data_version(t->store);

	/* Another process (the command line, a colleague) changed the
	 * database: show what is there now. */
	if (v != t->data_version) {
		t->data_version = v;
		tui_reload(t);
	}
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

static void
handle(struct tui *t, int key)
{
	struct tui_frame *f = &t->stack[t->depth - 1];
	enum tui_req req;

	if (key == FK(KEY_RESIZE))
		return;		/* the next draw measures the screen */
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
	case REQ_QUIT:
		t->quit = true;
		break;
	case REQ_HELP:
		if (f->ops != &tui_help_ops)
			tui_push(t, &tui_help_ops, f->ops);
		break;
	case REQ_GLOSSARY:
		if (f->ops != &tui_glossary_ops)
			tui_push(t, &tui_glossary_ops, NULL);
		break;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

/* The next key as an int (see tui-curses.h); wait says whether to block.
 * Returns false when there is none (or, in test mode, the script ended:
 * then t->quit is set). */
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
	nodelay(stdscr, !wait);
	rc = get_wch(&wc);
	nodelay(stdscr, FALSE);
	if (rc == ERR)
		return false;
	*key = rc == KEY_CODE_YES ? FK((int)wc) : (int)wc;
	return true;
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

/* The whole of a file of at most EDIT_MAX_BYTES, or NULL. */
static char *
read_small_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (f == NULL)
		return NULL;
	buf = xmalloc(EDIT_MAX_BYTES + 1);
	n = fread(buf, 1, EDIT_MAX_BYTES, f);
	buf[n] = '\0';
	if (ferror(f)) {
		xfree(buf);
	}
	fclose(f);
	return buf;
}

char *
tui_external_edit(struct tui *t, const char *text)
{
	const char *editor = getenv("VISUAL");
	const char *tmp = getenv("TMPDIR");
	struct sigaction ign, dfl, old_int, old_quit, old_tstp;
	char *path, *cmd, *out = NULL;
	size_t len = strlen(text);
	int fd, status = -1;
	pid_t pid;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	path = xasprintf("%s/airejse-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemps(path, 4)) < 0) {
		tui_error(t, _("cannot make a file for the editor: %s"), strerror(errno));
		free(path);
		return NULL;
	}
	if (write(fd, text, len) != (ssize_t)len || close(fd) != 0) {
		tui_error(t, _("cannot write a file for the editor: %s"), strerror(errno));
		unlink(path);
		free(path);
		return NULL;
	}
	/* Like system(): the editor gets Ctrl-C; its Ctrl-Z stops us with
	 * it, without curses drawing over it when both come back. */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	dfl = ign;
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	sigaction(SIGTSTP, &dfl, &old_tstp);
	def_prog_mode();
	endwin();
	if (paste_on)
		bracketed_paste(false);
	cmd = xasprintf("%s \"$1\"", editor);
	if ((pid = fork()) == 0) {
		sigaction(SIGINT, &dfl, NULL);
		sigaction(SIGQUIT, &dfl, NULL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	free(cmd);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	reset_prog_mode();
	if (paste_on)
		bracketed_paste(true);
	clearok(curscr, TRUE);
	refresh();
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		tui_error(t, _("the editor (%s) failed; the text is as it was"), editor);
	} else if ((out = read_small_file(path)) == NULL) {
		tui_error(t, _("cannot read back what the editor wrote: %s"), strerror(errno));
	} else {
		/* Editors end the last line with a line break. */
		size_t n = strlen(out);

		if (n > 0 && out[n - 1] == '\n')
			out[n - 1] = '\0';
	}
	unlink(path);
	free(path);
	return out;
}

/* Whether curses can drive this terminal: both ends a terminal, and a
 * TERM that can address the cursor. */
static bool
terminal_usable(void)
{
	const char *term = getenv("TERM");

	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term != NULL &&
	    *term != '\0' && strcmp(term, "dumb") != 0;
}

/* NO_COLOR (https://no-color.org), a terminal without colours, or one
 * that is dumb: a monochrome screen. */
static bool
want_mono(void)
{
	const char *nc = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	return (nc != NULL && *nc != '\0') || !has_colors() ||
	    (term != NULL && strcmp(term, "dumb") == 0);
}

/* Sets curses up on the terminal, or (test mode) on a screen of its own
 * that is never shown. Returns false when it cannot. */
static bool
start_curses(struct tui *t, FILE **devnull)
{
	SCREEN *scr;

	if (t->test) {
		const char *l = getenv("LINES"), *c = getenv("COLUMNS");
		int rows = l ? atoi(l) : 24, cols = c ? atoi(c) : 80;

		if ((*devnull = fopen("/dev/null", "r+")) == NULL)
			return false;
		scr = newterm("xterm-256color", *devnull, *devnull);
		if (scr == NULL)
			return false;
		resize_term(rows > 0 ? rows : 24, cols > 0 ? cols : 80);
	} else if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		return false;
	}
	curses_on = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mousemask(0, NULL);
	curs_set(1);
	if (!t->test) {
		define_key("\033[200~", KEY_PASTE_START);
		define_key("\033[201~", KEY_PASTE_END);
		bracketed_paste(true);
		paste_on = 1;
	}
	t->mono = want_mono();
	tui_styles_init(t->mono);
	return true;
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
	if (!tui_push(t, &tui_projects_ops, NULL))
		return EX_SOFTWARE;
	if (app->role != NULL) {
		struct tui_handoffs_arg arg = { 0, app->role };

		tui_push(t, &tui_handoffs_ops, &arg);
	}
	return 0;
}

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
	t.test = keys != NULL && *keys != '\0';
	if (!t.test && (app->plain || !terminal_usable()))
		return TUI_PLAIN;
	if (t.test && (sc = tui_script_parse(keys, &why)) == NULL) {
		*cause = xasprintf(_("AIREJSE_TEST_KEYS: %s"), why);
		free(why);
		return EX_USAGE;
	}
	app_action(app, SOURCE_TUI, &act);
	t.app = app;
	t.content = app->content;
	t.store = app->store;
	t.act = &act;
	t.data_version = store_data_version(t.store);
	if (app->role != NULL && content_role(t.content, app->role) == NULL) {
		*cause = xasprintf(_("unknown role '%s': see the roles in 'airejse journeys --format json' or the manual"),
		    app->role);
		rc = EX_USAGE;
		goto out;
	}
	if (t.test && (rc = open_test_screen(cause)) != 0)
		goto out;
	catch_signals();
	if (!start_curses(&t, &devnull)) {
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
