/* SPDX-License-Identifier: EUPL-1.2 */
/* Export: pick what (each checklist, the business case, the hand-off
 * packet, the action plan, all) and the format; the file name is made
 * from the project's id, never from an answer, and an existing file is
 * overwritten only when the user says so. The same code as `airejse
 * export` writes it. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "airejse/action.h"
#include "airejse/export.h"
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
};

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
	char *cause = NULL;

	x->opts.force = force;
	if (export_write_file(x->d, &x->opts, x->path, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	tui_info(t, _("Written to %s."), x->path);
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
	char *q;

	if (*text == '\0') {
		tui_error(t, _("give the file a name"));
		return false;
	}
	free(x->path);
	x->path = xstrdup(text);
	if (stat(x->path, &sb) != 0) {
		write_export(t, x, false);
		return true;
	}
	q = xasprintf(_("%s exists. Overwrite it?"), x->path);
	tui_ask(t, DLG_CONFIRM, _("Export"), q, NULL, overwrite_submit, x);
	free(q);
	return false;	/* replaced by the question */
}

static bool
format_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct export *x = arg;
	char *name;

	x->opts.format = (enum export_format)choice;
	name = export_file_name(x->d, &x->opts);
	tui_ask(t, DLG_LINE, _("Export"),
	    _("Write to the file (in the current folder unless you give a path):"),
	    name, path_submit, x);
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
	"export", N_("Export"), export_keys, export_open, export_draw, export_key,
	NULL, export_close
};
