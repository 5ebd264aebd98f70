/* SPDX-License-Identifier: EUPL-1.2 */
/* The terminal: curses set up and given back (also on signals and
 * crashes), bracketed paste, and the hand-over to an external editor. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "airejse/app.h"
#include "airejse/edit.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-term.h"
#include "airejse/xalloc.h"

static volatile sig_atomic_t curses_on;
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

/* Whether prog is a program on $PATH. */
static bool
on_path(const char *prog)
{
	const char *path = getenv("PATH");
	char *dirs, *dir, *save = NULL, *full;
	bool found = false;

	if (path == NULL || *path == '\0')
		return false;
	dirs = xstrdup(path);
	for (dir = strtok_r(dirs, ":", &save); dir != NULL && !found;
	    dir = strtok_r(NULL, ":", &save)) {
		full = xasprintf("%s/%s", *dir ? dir : ".", prog);
		found = access(full, X_OK) == 0;
		free(full);
	}
	free(dirs);
	return found;
}

/* The editor ^E runs: $VISUAL, $EDITOR, then Debian's choice
 * (sensible-editor), then nano, which says its keys on the screen;
 * never vi by surprise to someone who has not chosen it. NULL when
 * there is none. */
static const char *
tui_editor(void)
{
	static const char *const fallback[] = { "sensible-editor", "nano" };
	const char *e = getenv("VISUAL");
	size_t i;

	if (e == NULL || *e == '\0')
		e = getenv("EDITOR");
	if (e != NULL && *e != '\0')
		return e;
	for (i = 0; i < sizeof(fallback) / sizeof(fallback[0]); i++)
		if (on_path(fallback[i]))
			return fallback[i];
	return NULL;
}

char *
tui_external_edit(struct tui *t, const char *text)
{
	const char *editor = tui_editor();
	const char *tmp = getenv("TMPDIR");
	struct sigaction ign, dfl, old_int, old_quit, old_tstp;
	char *path, *cmd, *out = NULL;
	size_t len = strlen(text);
	int fd, status = -1;
	pid_t pid;

	if (editor == NULL) {
		tui_error(t, _("no editor: set VISUAL or EDITOR to the one you use, or install nano"));
		return NULL;
	}
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
bool
tui_term_usable(void)
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

bool
tui_term_start(struct tui *t, FILE **devnull)
{
	SCREEN *scr;

	catch_signals();

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
	/* A lone Esc acts after 25 ms, not curses' second, unless the
	 * user has said how long in ESCDELAY (curses reads it). */
	if (getenv("ESCDELAY") == NULL || *getenv("ESCDELAY") == '\0')
		set_escdelay(25);
	/* The mouse only when the configuration asks for it: taking it
	 * takes the terminal's own selection and copy away. */
	if (t->app->settings.mouse && !t->test) {
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	} else {
		mousemask(0, NULL);
	}
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
