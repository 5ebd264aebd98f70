/* SPDX-License-Identifier: EUPL-1.2 */
/* Importing answers to a hand-off packet from the terminal program: a
 * line for the file (the newest answer file of the project in
 * ~/Downloads or here is proposed), then the preview as a dialog of
 * check boxes — one per answer offered, ticked when it would be stored,
 * with the answer stored and the one offered below the one under the
 * cursor — and Enter stores the ticked ones in one transaction, as
 * 'airejse import' does. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/import.h"
#include "airejse/status.h"
#include "airejse/tui-curses.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

struct imp_ctx {
	int64_t			 project;	/* 0: the one the file names */
	struct import_plan	*plan;
};

static void
ctx_done(struct tui *t, void *arg)
{
	struct imp_ctx *c = arg;

	import_plan_free(c->plan);
	free(c);
}

/* The newest answer file of project id in dir ("airejse-ID-…-svar.json"
 * or "-answers.json"), replacing *best if newer. */
static void
newest_in(const char *dir, int64_t id, char **best, time_t *when)
{
	char *prefix = xasprintf("airejse-%lld-", (long long)id);
	struct dirent *e;
	DIR *d;

	if (dir == NULL || (d = opendir(dir)) == NULL) {
		free(prefix);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		struct stat sb;
		char *path;

		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 ||
		    !((n > 10 && strcmp(e->d_name + n - 10, "-svar.json") == 0) ||
		    (n > 13 && strcmp(e->d_name + n - 13, "-answers.json") == 0)))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (stat(path, &sb) == 0 && (*best == NULL || sb.st_mtime > *when)) {
			free(*best);
			*best = path;
			*when = sb.st_mtime;
		} else {
			free(path);
		}
	}
	closedir(d);
	free(prefix);
}

/* "~/x" as $HOME/x. Caller frees. */
static char *
expand(const char *path)
{
	const char *home = getenv("HOME");
	char *t = utf8_trim(path), *r;

	if (t[0] == '~' && t[1] == '/' && home != NULL) {
		r = xasprintf("%s%s", home, t + 1);
		free(t);
		return r;
	}
	return t;
}

/* The line of an answer in the preview: what it would do, and the
 * question. */
static char *
item_line(const struct import_item *it)
{
	const char *what;
	char *pad, *s;

	switch (it->verdict) {
	case IMPORT_SAME:
		what = _("same");
		break;
	case IMPORT_INVALID:
		what = _("refused");
		break;
	case IMPORT_CONFLICT:
		/* L10N: an answer changed in the database after the packet was made. */
		what = _("changed here");
		break;
	default:
		what = _("new");
		break;
	}
	pad = utf8_padded(what, 12);
	s = xasprintf("%s %s", pad, text_get(&it->q->prompt));
	free(pad);
	return s;
}

/* The answer stored and the one offered, for the answer under the cursor. */
static char *
item_detail(const struct import_item *it)
{
	char *now = value_answer_text(it->q, it->current.kind, it->current.value);
	char *offered = it->verdict == IMPORT_INVALID && it->value == NULL && it->kind == ANSWER_VALUE ?
	    xstrdup(it->input) : value_answer_text(it->q, it->kind, it->value);
	char *s, when[17];

	if (it->verdict == IMPORT_CONFLICT) {
		clock_local(it->current.time, when);
		s = xasprintf(_("Now: %s (changed by %s at %s, after the packet was made)\nOffered: %s"),
		    now, it->current.user ? it->current.user : "?", when, offered);
	} else {
		s = xasprintf(_("Now: %s\nOffered: %s"), now, offered);
	}
	if (it->why != NULL || it->note != NULL) {
		char *t = xasprintf("%s\n%s", s, it->why ? it->why : it->note);

		free(s);
		s = t;
	}
	free(now);
	free(offered);
	return s;
}

static bool
preview_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct imp_ctx *c = arg;
	struct import_plan *p = c->plan;
	struct import_result res;
	enum source saved;
	char *cause = NULL;
	size_t i;
	int rc;

	for (i = 0; i < p->nitems; i++) {
		struct import_item *it = &p->items[i];

		if (checked[i] && it->verdict == IMPORT_INVALID) {
			tui_error(t, "%s", it->why);
			return false;
		}
		it->accept = checked[i] && (it->verdict == IMPORT_NEW || it->verdict == IMPORT_CONFLICT);
		it->rejected = !checked[i];
	}
	/* Marked in the history as imported, like 'airejse import'. */
	saved = t->act->source;
	t->act->source = SOURCE_IMPORT;
	rc = import_plan_apply(t->act, p, &res, &cause);
	t->act->source = saved;
	if (rc != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return rc != STATUS_CONFLICT;
	}
	tui_info(t, _("%zu answers stored, %zu already there, %zu left as they were; %zu hand-offs marked answered."),
	    res.nstored, res.nunchanged, res.nkept + res.nleft, res.nanswered);
	import_result_free(&res);
	tui_reload(t);
	return true;
}

/* The preview of the plan in c, as a dialog of check boxes. */
static void
preview(struct tui *t, struct imp_ctx *c)
{
	const struct import_plan *p = c->plan;
	char **opts = xcalloc(p->nitems + 1, sizeof(*opts));
	char **details = xcalloc(p->nitems + 1, sizeof(*details));
	bool *ticks = xcalloc(p->nitems + 1, sizeof(*ticks));
	struct tui_dialog d;
	char made[17], *prompt;
	size_t i;

	clock_local(p->made, made);
	prompt = p->respondent ?
	    xasprintf(_("Answers from %s (%s) to the packet made %s. Tick those to store (Space) and press Enter: they are stored in one go. Esc stores nothing."),
		p->respondent, p->roles, made) :
	    xasprintf(_("Answers (%s, no name given) to the packet made %s. Tick those to store (Space) and press Enter: they are stored in one go. Esc stores nothing."),
		p->roles, made);
	for (i = 0; i < p->nitems; i++) {
		opts[i] = item_line(&p->items[i]);
		details[i] = item_detail(&p->items[i]);
		ticks[i] = p->items[i].accept;
	}
	memset(&d, 0, sizeof(d));
	d.kind = DLG_MULTI;
	d.title = _("Import answers");
	d.prompt = prompt;
	d.options = (const char *const *)opts;
	d.details = (const char *const *)details;
	d.noptions = p->nitems;
	d.checked = ticks;
	d.submit = preview_submit;
	d.done = ctx_done;
	d.arg = c;
	tui_dialog_open(t, &d);
	for (i = 0; i < p->nitems; i++) {
		free(opts[i]);
		free(details[i]);
	}
	free(opts);
	free(details);
	free(ticks);
	free(prompt);
}

static bool
file_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct imp_ctx *c = arg, *next;
	char *path = expand(text), *cause = NULL, *key = NULL;
	int rc;

	if (*path == '\0') {
		free(path);
		tui_error(t, "%s", _("Write the path of the answer file."));
		return false;
	}
	if (c->project != 0)
		key = xasprintf("%lld", (long long)c->project);
	next = xcalloc(1, sizeof(*next));
	next->project = c->project;
	rc = import_plan_read(t->act, path, key, &next->plan, &cause);
	free(key);
	free(path);
	if (rc != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		free(next);
		return false;
	}
	if (next->plan->nitems == 0) {
		tui_info(t, "%s", _("The file answers nothing."));
		ctx_done(t, next);
		return true;
	}
	/* In this dialog's place. */
	preview(t, next);
	return true;
}

void
tui_import(struct tui *t, int64_t project)
{
	struct imp_ctx *c = xcalloc(1, sizeof(*c));
	struct tui_dialog d;
	char *guess = NULL, *dl;
	time_t when = 0;

	c->project = project;
	if (project != 0) {
		dl = getenv("HOME") ? xasprintf("%s/Downloads", getenv("HOME")) : NULL;
		newest_in(dl, project, &guess, &when);
		newest_in(".", project, &guess, &when);
		free(dl);
	}
	/* Shown under ~, as people write it (expand reads it back). */
	if (guess != NULL && getenv("HOME") != NULL &&
	    strncmp(guess, getenv("HOME"), strlen(getenv("HOME"))) == 0 &&
	    guess[strlen(getenv("HOME"))] == '/') {
		char *shown = xasprintf("~%s", guess + strlen(getenv("HOME")));

		free(guess);
		guess = shown;
	}
	memset(&d, 0, sizeof(d));
	d.kind = DLG_LINE;
	d.title = _("Import answers");
	d.prompt = _("The answer file that the packet's form saved, or a filled-in JSON packet:");
	d.initial = guess ? guess : "";
	d.submit = file_submit;
	d.done = ctx_done;
	d.arg = c;
	tui_dialog_open(t, &d);
	free(guess);
}
