/* SPDX-License-Identifier: EUPL-1.2 */
/* The terminal program: one dispatcher (src/tui.c) drives a stack of
 * screens, each a table of operations in its own file (src/tui-*.c), as
 * tig's views do. Keys become requests through each screen's live keymap,
 * which is also what help and the bottom line show. This header keeps
 * curses out, so the command line can start the program without it. */
#ifndef AIREJSE_TUI_H
#define AIREJSE_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct action;
struct app;
struct content;
struct tui;
struct tui_dlg;

/* tui_main: the plain prompts are for this run (--plain, or a terminal
 * curses cannot drive); nothing was shown. */
#define TUI_PLAIN (-1)

/* The terminal program on app, whose content and database are open
 * (app_open). Returns the exit status, or TUI_PLAIN; *cause (caller
 * frees) says why when there is something to say, else is NULL. */
int tui_main(struct app *app, char **cause);

/* Gives the terminal back when curses has it (else nothing), for a
 * program about to end: safe to call at any time. */
void tui_restore_terminal(void);

/* What a key asks for. */
enum tui_req {
	REQ_NONE,
	/* Moving. */
	REQ_UP,
	REQ_DOWN,
	REQ_LEFT,
	REQ_RIGHT,
	REQ_PAGE_UP,
	REQ_PAGE_DOWN,
	REQ_FIRST,
	REQ_LAST,
	REQ_SCROLL_UP,		/* the mouse wheel */
	REQ_SCROLL_DOWN,
	REQ_CLICK,		/* at tui.click_y, click_x */
	REQ_NEXT_PANE,
	/* Everywhere. */
	REQ_ENTER,
	REQ_BACK,
	REQ_CANCEL,		/* Esc: clear a filter, else back, never quit */
	REQ_QUIT,
	REQ_HELP,
	REQ_GLOSSARY,
	REQ_REDRAW,
	/* Screens. */
	REQ_NEW,
	REQ_RENAME,
	REQ_DELETE,
	REQ_SORT,
	REQ_FILTER,
	REQ_SEARCH,
	REQ_HANDOFFS,
	REQ_HISTORY,
	REQ_EXPORT,
	REQ_DONTKNOW,
	REQ_CLEAR,
	REQ_NEXT_STEP,
	REQ_PROJECTS,
	REQ_STATE_RAISED,
	REQ_STATE_SENT,
	REQ_STATE_ANSWERED,
	REQ_STATE_CLOSED,
	REQ_TRACK,
	REQ_MOVE_TRACK,		/* move the project to another track */
	REQ_RESTORE,
	REQ_IMPORT,
	REQ_DUE,
	REQ_NOTE,
	REQ_REVIEW,
	REQ_SIGNOFF,
	REQ_CALENDAR,
	REQ_VIEW,		/* the projects: stuck, by role, by track */
	REQ_ARCHIVED,		/* the projects: archived or in use */
	REQ_CHECK,		/* the numbers to look at again */
	REQ_MARK,		/* mark a project to compare */
	REQ_COMPARE
};

/* Key codes beside characters: the curses KEY_ codes are offset by this,
 * so both fit in one int without curses in this header. */
#define TUI_FKEY 0x200000
#define TUI_CTRL(c) ((c) & 0x1f)
#define TUI_ESC 0x1b

/* One entry of a keymap: the keys (0-terminated) that make a request. */
struct tui_binding {
	enum tui_req	 req;
	int		 keys[4];
	const char	*bar;	/* N_(): the short label of the bottom line, or NULL */
	const char	*help;	/* N_(): what it does, for the help screen */
};

/* Styles; in monochrome each becomes bold, reverse or plain. */
enum tui_style {
	ST_NORMAL,
	ST_TITLE,	/* the top line */
	ST_BAR,		/* the bottom line */
	ST_SELECTED,
	ST_HEADING,
	ST_DIM,
	ST_DONE,
	ST_PROGRESS,
	ST_BLOCKED,
	ST_ERROR,
	ST_INFO,
	ST_KEY,
	ST_MATCH,
	ST__COUNT
};

/* A screen. open returns its state (or NULL when it cannot open, after
 * saying why with tui_error); draw paints the body, rows [top, top+rows);
 * key handles a request (req) or a raw key the keymap did not name, and
 * returns true when it used it; reload reads its data again after a
 * change; close frees the state. */
/* The screens by kind. A screen opens another by its kind (tui_open),
 * through the table the program fills at its start (tui.c), as tig's
 * views open each other by request: no screen calls another's code. */
enum tui_screen {
	TUI_PROJECTS, TUI_JOURNEY, TUI_HANDOFFS, TUI_SEARCH, TUI_HELP, TUI_HISTORY,
	TUI_GLOSSARY, TUI_EXPORT, TUI_CALENDAR, TUI_ARCHIVED, TUI_CHECK, TUI_COMPARE,
	TUI_NSCREENS
};

struct step;

struct tui_view_ops {
	enum tui_screen			 kind;
	const char			*name;
	const char			*title;	/* N_() */
	const struct tui_binding	*keys;	/* REQ_NONE-terminated */
	void	*(*open)(struct tui *t, const void *arg);
	void	 (*draw)(struct tui *t, void *state, int top, int rows, int cols);
	bool	 (*key)(struct tui *t, void *state, enum tui_req req, int key);
	void	 (*reload)(struct tui *t, void *state);
	void	 (*close)(struct tui *t, void *state);
	/* Optional: shows step st and question (NULL: the first) in this
	 * screen; false if it cannot (the journey implements it). */
	bool	 (*go)(struct tui *t, void *state, const struct step *st, const char *question);
};

struct tui_frame {
	const struct tui_view_ops	*ops;
	void				*state;
};

#define TUI_DEPTH 16

/* The program's state, shared by the screens. */
struct tui {
	struct app		*app;
	const struct content	*content;
	struct action		*act;		/* what the screens' changes go through */
	int64_t			 data_version;	/* of the store, at the last draw */
	const struct tui_view_ops *screens[TUI_NSCREENS];	/* by kind, from tui.c */
	struct tui_frame	 stack[TUI_DEPTH];
	int			 depth;
	struct tui_dlg		*dlg;		/* the open dialog (tui-dialog.c) */
	char			*title;		/* set by the screen while drawing */
	char			*msg;		/* the status line */
	bool			 msg_error;
	int			 cur_y, cur_x;
	int			 rows, cols;	/* the whole screen */
	bool			 mono;		/* no colours */
	bool			 test;		/* driven by a key script */
	bool			 quit;
	bool			 pasting;	/* inside a paste outside a field */
	int			 click_y, click_x;	/* of the last REQ_CLICK */
};

/* The screens. */
extern const struct tui_view_ops tui_projects_ops;
extern const struct tui_view_ops tui_journey_ops;
extern const struct tui_view_ops tui_handoffs_ops;
extern const struct tui_view_ops tui_search_ops;
extern const struct tui_view_ops tui_help_ops;
extern const struct tui_view_ops tui_history_ops;
extern const struct tui_view_ops tui_glossary_ops;
extern const struct tui_view_ops tui_export_ops;
extern const struct tui_view_ops tui_calendar_ops;
extern const struct tui_view_ops tui_archived_ops;
extern const struct tui_view_ops tui_check_ops;
extern const struct tui_view_ops tui_compare_ops;

/* Asks for a file of answers to a hand-off packet of project (0: the
 * project the file names), shows the preview and imports the answers
 * ticked (src/tui-import.c). */
void tui_import(struct tui *t, int64_t project);

struct step;
struct progress;
struct question;
/* The first step of the project's tracks that asks q, or NULL. */
const struct step *tui_step_asking(const struct progress *pr, const struct question *q);

/* What the screens open on. */
struct tui_handoffs_arg {
	int64_t		 project;	/* 0: every project */
	const char	*role;		/* NULL: every role */
};

struct tui_export_arg {
	int64_t		 project;
	const char	*what;		/* NULL, or the --what name to start on */
};

struct tui_calendar_arg {
	int64_t		 project;
};

struct tui_history_arg {
	int64_t		 project;
	const char	*question;
};

struct tui_journey_arg {
	int64_t		 project;
	const char	*step;		/* NULL: the next step, or the first that
					 * asks question */
	const char	*track;		/* with step */
	const char	*question;	/* NULL: the first */
};

struct tui_compare_arg {
	const int64_t	*ids;		/* the projects, in their columns' order */
	size_t		 n;
};

/* The keys every screen shares, after its own. */
extern const struct tui_binding tui_global_keys[];

/* Opens a screen on top of the current one; false if it would not open. */
bool tui_push(struct tui *t, const struct tui_view_ops *ops, const void *arg);
/* The same by the screen's kind. */
bool tui_open(struct tui *t, enum tui_screen kind, const void *arg);
/* Closes the current screen (the last one ends the program). */
void tui_pop(struct tui *t);
/* Asks every open screen to read its data again. */
void tui_reload(struct tui *t);

/* The message of the status line, until the next key. */
void tui_info(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_error(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Where the terminal's cursor goes after drawing: the focused row (at
 * column 0) or the insertion point, so screen readers follow it. */
void tui_cursor(struct tui *t, int y, int x);

/* The title of the top line, set by a screen while it draws. */
void tui_set_title(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Drawing helpers (src/tui-draw.c), measured in columns, never bytes:
 * writes s at (y, x), cut to width columns, padded with spaces when pad;
 * returns the columns written. */
int tui_put(int y, int x, int width, const char *s, enum tui_style st, bool pad);
/* Fills the row from x with spaces for width columns. */
void tui_clear(int y, int x, int width, enum tui_style st);
/* Wraps s at width columns and draws the lines from the first'th on,
 * at most rows of them; returns the lines s takes in all. */
int tui_wrap(int y, int x, int width, int rows, int first, const char *s,
    enum tui_style st);
/* The number of lines s takes wrapped at width. */
int tui_wrap_count(const char *s, int width);
/* s cut to width columns with "…" at the end when it is longer
 * (caller frees). */
char *tui_shorten(const char *s, int width);
/* A text progress bar "[####....] 3/8" in width columns. */
void tui_progress(int y, int x, int width, size_t done, size_t total);

/* Dialogs (src/tui-dialog.c): a box over the current screen that takes
 * every key until it closes. */
enum tui_dlg_kind {
	DLG_LINE,	/* one line of text */
	DLG_TEXT,	/* several lines; Ctrl-E opens $VISUAL or $EDITOR */
	DLG_CONFIRM,	/* a destructive question: No (selected) or Yes */
	DLG_PICK,	/* one of the options */
	DLG_MULTI	/* any of the options, Space toggles */
};

struct tui_dialog {
	enum tui_dlg_kind	 kind;
	const char		*title;		/* copied */
	const char		*prompt;	/* copied; wrapped above the field */
	const char		*help;		/* copied; may be NULL */
	const char		*initial;	/* line, text: the text to start from */
	size_t			 maxlen;	/* line, text: a hint in characters; 0 none */
	const char *const	*options;	/* pick, multi: labels (copied) */
	const char *const	*details;	/* pick, multi: shown for the option under
						 * the cursor; may be NULL */
	size_t			 noptions;
	size_t			 selected;	/* pick: the option to start on */
	const bool		*checked;	/* multi: the options ticked at start */
	/* Enter: text for line and text ("y" for confirm), choice for pick,
	 * checked[] for multi. Returns true to close the dialog; false keeps
	 * it open (after tui_error said why). */
	bool	(*submit)(struct tui *t, void *arg, const char *text,
		    size_t choice, const bool *checked);
	/* Called once when the dialog closes, either way (may be NULL). */
	void	(*done)(struct tui *t, void *arg);
	void	*arg;
};

/* Opens a dialog; everything in spec is copied. */
void tui_dialog_open(struct tui *t, const struct tui_dialog *spec);
/* The common case: a line of text (DLG_LINE, starting from initial) or a
 * yes/no question (DLG_CONFIRM) with a submit callback and no done. */
void tui_ask(struct tui *t, enum tui_dlg_kind kind, const char *title,
    const char *prompt, const char *initial,
    bool (*submit)(struct tui *, void *, const char *, size_t, const bool *), void *arg);

/* For the dispatcher: draws the open dialog over the body, hands it a
 * key, closes it (calling its done). */
void tui_dialog_draw(struct tui *t);
void tui_dialog_key(struct tui *t, int key);
void tui_dialog_close(struct tui *t);

/* Runs $VISUAL, else $EDITOR, else sensible-editor, else nano on a
 * copy of text, with the terminal handed over and restored after; returns the edited text
 * (caller frees) or NULL when the editor failed (after saying why). */
char *tui_external_edit(struct tui *t, const char *text);

/* The editing keys of the text fields, for help: calls fn for each. */
void tui_edit_keys(void (*fn)(void *arg, const char *keys, const char *help), void *arg);

/* A keymap's key as people read it ("j", "Down", "Enter", "^E"). */
const char *tui_key_name(int key);
/* The request key makes in keys, or REQ_NONE. */
enum tui_req tui_key_req(const struct tui_binding *keys, int key);

/* The test mode (src/tui-test.c): a key script instead of a keyboard,
 * as tig's test mode does. The script is text typed as it stands, with
 * <Name> for other keys: <Enter> <Esc> <Tab> <BTab> <Space> <BS> <Del>
 * <Up> <Down> <Left> <Right> <Home> <End> <PgUp> <PgDn> <F1> <C-x>
 * (Ctrl-x) and <lt> ("<"); <resize COLSxROWS> resizes the screen and
 * <dump> writes it out. Line breaks in the script are ignored. */
enum tui_input {
	TUI_IN_KEY,
	TUI_IN_RESIZE,
	TUI_IN_DUMP,
	TUI_IN_END
};

struct tui_script;

/* Parses a script; NULL with *cause (caller frees) when it is wrong. */
struct tui_script *tui_script_parse(const char *s, char **cause);
/* The next item: a key in *key, or a size in *rows and *cols. */
enum tui_input tui_script_next(struct tui_script *sc, int *key, int *rows, int *cols);
void tui_script_free(struct tui_script *sc);
/* Writes the screen as text: a line "== COLSxROWS cursor Y,X", then each
 * row without trailing blanks. */
void tui_dump(struct tui *t, FILE *out);

#endif
