/* SPDX-License-Identifier: EUPL-1.2 */
/* Export: pick what (each checklist, the business case, the hand-off
 * packet, the action plan, all) and the format; the file proposed is in
 * the export folder, named from the project's name, never from an
 * answer; an existing file is overwritten only when the user says so,
 * and the full path is shown after writing. The same code as `airejse
 * export` writes it. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "airejse/action.h"
#include "airejse/export.h"
#include "airejse/paths.h"
#include "airejse/settings.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/xalloc.h"

struct export {
	struct export_data	*d;
	struct export_choice	*choices;
	size_t			 n;
	struct tui_list		 list;
	struct export_opts	 opts;
	char			*path;		/* waiting for "overwrite?" */
	char			*folder;	/* the export folder, or NULL */
};

/* path for people: the home folder as ~ (the dialog's line is short).
 * Caller frees. */
static char *
shown_path(const char *path)
{
	const char *home = getenv("HOME");
	size_t n = home != NULL ? strlen(home) : 0;

	while (n > 1 && home[n - 1] == '/')
		n--;
	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		return xasprintf("~%s", path + n);
	return xstrdup(path);
}

static void *
export_open(struct tui *t, const void *arg)
{
	const struct tui_export_arg *a = arg;
	struct export *x = xcalloc(1, sizeof(*x));
	char *cause = NULL;
	size_t i;

	if (export_load(t->act, a->project, &x->d, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		free(x);
		return NULL;
	}
	x->choices = export_choices(t->content, i18n_lang(), &x->n);
	/* Without a home, names are relative to the current folder. */
	x->folder = paths_exports(t->act->settings->export_folder, &cause);
	free(cause);
	x->list.n = x->n;
	for (i = 0; a->what != NULL && i < x->n; i++)
		if (strcmp(x->choices[i].name, a->what) == 0)
			x->list.sel = i;
	return x;
}

static void
export_close(struct tui *t, void *state)
{
	struct export *x = state;

	export_free(x->d);
	free(x->choices);
	free(x->path);
	free(x->folder);
	free(x);
}

static void
export_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct export *x = state;
	int r;
	size_t i;

	tui_set_title(t, _("Export: %s"), x->d->snap->project->name);
	tui_put(top, 1, cols - 1, _("What should be exported? Enter chooses the format and the file."),
	    ST_DIM, false);
	tui_list_resize(&x->list, x->n, rows - 2);
	for (r = 0, i = x->list.top; r < rows - 2 && i < x->n; r++, i++) {
		bool sel = i == x->list.sel;

		tui_put(top + 2 + r, 2, cols - 2, x->choices[i].label,
		    sel ? ST_SELECTED : ST_NORMAL, sel);
		if (sel)
			tui_cursor(t, top + 2 + r, 0);
	}
}

static void
write_export(struct tui *t, struct export *x, bool force)
{
	char *cause = NULL, *full, *shown;
	size_t n = x->folder != NULL ? strlen(x->folder) : 0;

	x->opts.force = force;
	/* The export folder is made on first use, private to the user. */
	if (n > 0 && strncmp(x->path, x->folder, n) == 0 && x->path[n] == '/' &&
	    paths_make_dir(x->folder, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	if (export_write_file(x->d, &x->opts, x->path, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	full = realpath(x->path, NULL);
	shown = shown_path(full != NULL ? full : x->path);
	tui_info(t, _("Written to %s."), shown);
	free(shown);
	free(full);
}

static bool
overwrite_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	write_export(t, arg, true);
	return true;
}

static bool
path_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct export *x = arg;
	struct stat sb;
	char *q, *shown;

	if (*text == '\0') {
		tui_error(t, _("give the file a name"));
		return false;
	}
	free(x->path);
	/* ~ is the home folder; a name without a folder goes into the
	 * export folder the dialog proposed. */
	x->path = paths_expand_home(text);
	if (x->path[0] != '/' && x->folder != NULL) {
		char *in = xasprintf("%s/%s", x->folder, x->path);

		free(x->path);
		x->path = in;
	}
	if (stat(x->path, &sb) != 0) {
		write_export(t, x, false);
		return true;
	}
	shown = shown_path(x->path);
	q = xasprintf(_("%s exists. Overwrite it?"), shown);
	free(shown);
	tui_ask(t, DLG_CONFIRM, _("Export"), q, NULL, overwrite_submit, x);
	free(q);
	return false;	/* replaced by the question */
}

static bool
format_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct export *x = arg;
	char *name, *path, *shown;

	x->opts.format = (enum export_format)choice;
	name = export_file_name(x->d, &x->opts);
	path = x->folder != NULL ? xasprintf("%s/%s", x->folder, name) : xstrdup(name);
	shown = shown_path(path);
	tui_ask(t, DLG_LINE, _("Export"),
	    _("Write to the file (a name alone goes into the export folder; ~ is your home folder):"),
	    shown, path_submit, x);
	free(shown);
	free(path);
	free(name);
	return false;
}

static bool
export_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct export *x = state;
	struct tui_dialog d = { 0 };
	const char *formats[EXPORT__FORMATS];
	int f;

	if (req != REQ_ENTER)
		return tui_list_move(&x->list, req);
	if (x->n == 0)
		return true;
	x->opts.what = x->choices[x->list.sel].what;
	x->opts.lang = i18n_lang();
	for (f = 0; f < EXPORT__FORMATS; f++)
		formats[f] = export_format_name((enum export_format)f);
	d.kind = DLG_PICK;
	d.title = x->choices[x->list.sel].label;
	d.prompt = _("In which format? PDF to print or send, docx or odt to edit in Word or LibreOffice, Markdown for a mail or a wiki, HTML for a browser, CSV or xlsx for a spreadsheet, JSON for other programs.");
	d.options = formats;
	d.noptions = EXPORT__FORMATS;
	d.submit = format_submit;
	d.arg = x;
	tui_dialog_open(t, &d);
	return true;
}

static const struct tui_binding export_keys[] = {
	{ REQ_ENTER, { '\r', '\n', FK(KEY_ENTER) }, N_("Export"), N_("choose the format and the file, and write it") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_export_ops = {
	.kind = TUI_EXPORT,
	.name = "export",
	.title = N_("Export"),
	.keys = export_keys,
	.open = export_open,
	.draw = export_draw,
	.key = export_key,
	.close = export_close,
};
