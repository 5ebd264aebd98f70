/* SPDX-License-Identifier: EUPL-1.2 */
/* The plain front-end: numbered menus and one question at a time on
 * standard input and output, with no cursor movement and no colour, for
 * speech users, braille displays and bare consoles. It calls the same
 * action layer as the full screen and the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/handoff.h"
#include "airejse/plain.h"
#include "airejse/progress.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

struct plain {
	struct app	*app;
	struct action	 act;
	FILE		*in, *out;
	char		*line;
	size_t		 cap;
	bool		 eof;
};

/* Prints prompt and reads a line (without its line break); NULL at the
 * end of the input. */
static const char *
ask(struct plain *p, const char *prompt)
{
	ssize_t n;

	ctrl_printf(p->out, "%s", prompt);
	fflush(p->out);
	if (p->eof || (n = getline(&p->line, &p->cap, p->in)) < 0) {
		p->eof = true;
		fputc('\n', p->out);
		return NULL;
	}
	while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
		p->line[--n] = '\0';
	return p->line;
}

/* A number from 1 to max typed by the user, or 0. */
static size_t
number(const char *s, size_t max)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	while (*end == ' ')
		end++;
	return *s >= '0' && *s <= '9' && *end == '\0' && v >= 1 && v <= max ? v : 0;
}

/* The choices a question shows numbered (yes and no, its options), or 0. */
static size_t
numbered(const struct question *q)
{
	if (q->type == Q_YESNO)
		return 2;
	return q->type == Q_CHOICE || q->type == Q_MULTI ? q->noptions : 0;
}

static void
say_error(struct plain *p, char *cause)
{
	ctrl_printf(p->out, _("Not saved: %s\n"), cause);
	free(cause);
}

static struct snapshot *
snapshot(struct plain *p, int64_t id)
{
	struct snapshot *s = NULL;
	char *cause = NULL;

	if (action_refresh(&p->act, id, &s, &cause) != 0) {
		ctrl_printf(p->out, "%s\n", cause);
		free(cause);
		return NULL;
	}
	return s;
}

/* "Hvilket klinisk behov ...? [Ja/Nej]" with the options, the help and
 * the current answer. */
static void
show_question(struct plain *p, const struct progress *pr, const struct question *q,
    size_t i, size_t n)
{
	const struct answer *a = progress_answer(pr, q);
	size_t k;

	ctrl_printf(p->out, _("\nQuestion %zu of %zu: %s\n"), i, n, text_get(&q->prompt));
	if (q->help.s[LANG_DA] != NULL)
		ctrl_printf(p->out, "  %s\n", text_get(&q->help));
	if (q->type == Q_YESNO) {
		ctrl_printf(p->out, "  1) %s\n  2) %s\n", _("Yes"), _("No"));
	} else if (q->type == Q_CHOICE || q->type == Q_MULTI) {
		for (k = 0; k < q->noptions; k++)
			ctrl_printf(p->out, "  %zu) %s\n", k + 1, text_get(&q->options[k].label));
		if (q->type == Q_MULTI)
			ctrl_printf(p->out, _("  (several: the numbers separated by commas)\n"));
	}
	if (a != NULL && a->kind != ANSWER_NONE) {
		char *v = a->kind == ANSWER_DONTKNOW ? xstrdup(value_dontknow_text(i18n_lang())) :
		    value_format(q, a->value, i18n_lang());

		ctrl_printf(p->out, _("  Current answer: %s\n"), v);
		free(v);
	}
}

/* What the user typed, with option numbers turned into option ids. */
static char *
input_value(const struct question *q, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	char *copy, *tok, *save = NULL;
	size_t k;

	if (q->type == Q_YESNO && (k = number(s, 2)) != 0)
		return xstrdup(k == 1 ? "ja" : "nej");
	if (q->type == Q_CHOICE && (k = number(s, q->noptions)) != 0)
		return xstrdup(q->options[k - 1].id);
	if (q->type != Q_MULTI)
		return xstrdup(s);
	copy = xstrdup(s);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *tr = utf8_trim(tok);

		if (sb.len)
			sb_addc(&sb, ',');
		k = number(tr, q->noptions);
		sb_add(&sb, k ? q->options[k - 1].id : tr);
		free(tr);
	}
	free(copy);
	return sb_detach(&sb);
}

/* Asks q until it is saved or skipped; false at the end of input or "<". */
static bool
answer_one(struct plain *p, int64_t id, const struct question *q, int64_t rev)
{
	struct answer_result res;
	const char *s;
	char *cause = NULL, *v;
	int rc;
	size_t k;

	for (;;) {
		if ((s = ask(p, _("Answer (Enter skips, \"don't know\" if you do not know, < goes back): "))) == NULL)
			return false;
		if (strcmp(s, "<") == 0)
			return false;
		if (*s == '\0')
			return true;
		v = input_value(q, s);
		memset(&res, 0, sizeof(res));
		rc = action_answer(&p->act, id, q->id, v, rev, &res, &cause);
		free(v);
		if (rc == 0) {
			ctrl_printf(p->out, "%s", res.changed ? _("Saved.") : _("Saved (unchanged)."));
			if (res.note != NULL)
				ctrl_printf(p->out, " %s.", res.note);
			for (k = 0; k < res.nhandoffs; k++)
				ctrl_printf(p->out, res.handoffs[k].to == HANDOFF_RAISED ?
				    _(" A hand-off to %s was raised.") : _(" The hand-off to %s was withdrawn."),
				    text_get(&res.handoffs[k].rule->role->name));
			fputc('\n', p->out);
			answer_result_free(&res);
			return true;
		}
		if (rc == STATUS_CONFLICT && res.theirs.revision > 0) {
			char *theirs = value_answer_text(q, res.theirs.kind, res.theirs.value);

			ctrl_printf(p->out, _("Someone else answered this meanwhile: %s. Type your answer again to replace it, or press Enter to keep theirs.\n"),
			    theirs);
			free(theirs);
			rev = res.theirs.revision;
			free(cause);
			answer_result_free(&res);
			continue;
		}
		answer_result_free(&res);
		/* A choice refused: the numbers shown are what to type, not
		 * the options' words. */
		if (rc == EX_DATAERR && (k = numbered(q)) > 0) {
			free(cause);
			fprintf(p->out, q->type == Q_MULTI ?
			    _("Not saved: write numbers from 1 to %zu separated by commas, or \"don't know\".\n") :
			    _("Not saved: write a number from 1 to %zu, or \"don't know\".\n"), k);
			continue;
		}
		say_error(p, cause);
	}
}

/* Walks the questions of step st one at a time; the questions that an
 * answer makes apply are asked in their turn. */
static bool
walk_step(struct plain *p, int64_t id, const struct step *st)
{
	struct snapshot *s;
	size_t i = 0, n, k, asked = 0;

	ctrl_printf(p->out, "\n== %s (%s) ==\n", text_get(&st->title), text_get(&st->owner->name));
	if (st->guidance.s[LANG_DA] != NULL)
		ctrl_printf(p->out, "%s\n", text_get(&st->guidance));
	for (;;) {
		const struct question *q = NULL;

		if ((s = snapshot(p, id)) == NULL)
			return false;
		/* The i-th question that applies now. */
		for (k = 0, n = 0; k < st->nquestions; k++) {
			if (!progress_applies(s->progress, st->questions[k]))
				continue;
			if (n++ == i)
				q = st->questions[k];
		}
		if (q == NULL) {
			if (asked == 0)
				ctrl_printf(p->out, _("No question of this step applies now.\n"));
			snapshot_free(s);
			return true;
		}
		show_question(p, s->progress, q, i + 1, n);
		if (!answer_one(p, id, q, progress_revision(s->progress, q))) {
			snapshot_free(s);
			return false;
		}
		snapshot_free(s);
		asked++;
		i++;
	}
}

static const struct step *
choose_step(struct plain *p, const struct progress *pr)
{
	const struct step **v;
	size_t n = 0, tr, k, total = 0;
	const char *s;
	const struct step *st = NULL;

	for (tr = 0; tr < pr->ntracks; tr++)
		total += pr->tracks[tr].track->nsteps;
	v = xcalloc(total + 1, sizeof(*v));
	for (tr = 0; tr < pr->ntracks; tr++) {
		ctrl_printf(p->out, "\n%s\n", text_get(&pr->tracks[tr].track->title));
		for (k = 0; k < pr->tracks[tr].track->nsteps; k++) {
			const struct step_progress *sp = &pr->tracks[tr].steps[k];

			v[n++] = sp->step;
			ctrl_printf(p->out, "  %zu) %s — %s\n", n, text_get(&sp->step->title),
			    step_status_label(sp->status));
		}
	}
	if ((s = ask(p, _("Step number (Enter goes back): "))) != NULL && number(s, n))
		st = v[number(s, n) - 1];
	free(v);
	return st;
}

static void
handoffs_menu(struct plain *p, int64_t id)
{
	for (;;) {
		struct snapshot *s = snapshot(p, id);
		const struct handoff *h;
		const struct handoff_rule *r;
		struct handoff_edit e = { 0 };
		char *cause = NULL;
		const char *in;
		size_t i, k;

		if (s == NULL)
			return;
		if (s->nhandoffs == 0)
			ctrl_printf(p->out, _("\nNo hand-offs yet.\n"));
		for (i = 0; i < s->nhandoffs; i++) {
			r = content_handoff(p->app->content, s->handoffs[i].rule);
			ctrl_printf(p->out, "  %zu) %s — %s: %s\n", i + 1,
			    handoff_state_label(s->handoffs[i].state),
			    r ? text_get(&r->role->name) : s->handoffs[i].role,
			    r ? text_get(&r->reason) : s->handoffs[i].rule);
		}
		if ((in = ask(p, _("Hand-off number (Enter goes back): "))) == NULL ||
		    (i = number(in, s->nhandoffs)) == 0) {
			snapshot_free(s);
			return;
		}
		h = &s->handoffs[i - 1];
		if ((r = content_handoff(p->app->content, h->rule)) != NULL)
			for (k = 0; k < r->nquestions; k++)
				ctrl_printf(p->out, "  - %s\n", text_get(&r->questions[k]->prompt));
		in = ask(p, _("Mark it s) sent, a) answered, c) closed (Enter: leave it): "));
		e.set_state = in != NULL && (*in == 's' || *in == 'a' || *in == 'c') && in[1] == '\0';
		e.state = in && *in == 's' ? HANDOFF_SENT : in && *in == 'a' ? HANDOFF_ANSWERED :
		    HANDOFF_CLOSED;
		if (e.set_state) {
			if (action_handoff(&p->act, id, h->rule, &e, &cause) != 0)
				say_error(p, cause);
			else
				ctrl_printf(p->out, _("The hand-off is now %s.\n"), handoff_state_label(e.state));
		}
		snapshot_free(s);
		if (in == NULL)
			return;
	}
}

static void
project_menu(struct plain *p, int64_t id)
{
	for (;;) {
		struct snapshot *s = snapshot(p, id);
		const struct progress *pr;
		const struct step *next, *st;
		const char *in;
		size_t i;

		if (s == NULL)
			return;
		pr = s->progress;
		ctrl_printf(p->out, _("\n== Project: %s ==\n"), s->project->name);
		for (i = 0; i < pr->ntracks; i++)
			ctrl_printf(p->out, P_("%s: %zu of %zu step done\n",
			    "%s: %zu of %zu steps done\n", pr->tracks[i].applicable),
			    text_get(&pr->tracks[i].track->title), pr->tracks[i].done,
			    pr->tracks[i].applicable);
		next = pr->next ? pr->next->step : NULL;
		if (next)
			ctrl_printf(p->out, _("Next: %s (%s)\n"), text_get(&next->title),
			    text_get(&next->owner->name));
		else
			ctrl_printf(p->out, _("Every step is done.\n"));
		ctrl_printf(p->out, _("  1) Answer the questions of the next step\n"
		    "  2) Choose a step\n"
		    "  3) Hand-offs (%zu open)\n"
		    "  q) Back to the projects\n"), pr->nopen_handoffs);
		in = ask(p, _("Choose: "));
		if (in == NULL || strcmp(in, "q") == 0) {
			snapshot_free(s);
			return;
		}
		if (strcmp(in, "1") == 0 && next != NULL)
			walk_step(p, id, next);
		else if (strcmp(in, "2") == 0 && (st = choose_step(p, pr)) != NULL)
			walk_step(p, id, st);
		else if (strcmp(in, "3") == 0)
			handoffs_menu(p, id);
		snapshot_free(s);
		if (p->eof)
			return;
	}
}

static void
new_project(struct plain *p)
{
	const struct content *c = p->app->content;
	char **ids = xcalloc(c->ntracks + 1, sizeof(*ids));
	char *name = NULL, *cause = NULL, *copy, *tok, *save = NULL;
	const char *in;
	size_t i, n = 0, k;
	int64_t id;

	while (name == NULL) {
		if ((in = ask(p, _("Name of the new project: "))) == NULL || *in == '\0')
			goto out;
		if (action_check_name(in, &name, &cause) != 0)
			say_error(p, cause);
	}
	for (i = 0; i < c->ntracks; i++)
		ctrl_printf(p->out, "  %zu) %s — %s\n", i + 1, text_get(&c->tracks[i]->title),
		    text_get(&c->tracks[i]->summary));
	while (n == 0) {
		if ((in = ask(p, _("Tracks (numbers separated by commas): "))) == NULL || *in == '\0')
			goto out;
		copy = xstrdup(in);
		for (tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save))
			if ((k = number(tok, c->ntracks)) != 0)
				ids[n++] = c->tracks[k - 1]->id;
		free(copy);
	}
	if (action_project_new(&p->act, name, ids, n, &id, &cause) != 0)
		say_error(p, cause);
	else
		project_menu(p, id);
out:
	free(name);
	free(ids);
}

static void
projects_menu(struct plain *p)
{
	for (;;) {
		struct project *v = NULL;
		size_t n = 0, i;
		char *cause = NULL;
		const char *in;

		if (store_projects(p->act.store, &v, &n, &cause) != 0) {
			ctrl_printf(p->out, "%s\n", cause);
			free(cause);
			return;
		}
		ctrl_printf(p->out, _("\n== airejse: projects ==\n"));
		if (n == 0)
			ctrl_printf(p->out, _("There are no projects yet.\n"));
		for (i = 0; i < n; i++)
			ctrl_printf(p->out, "  %zu) %s\n", i + 1, v[i].name);
		ctrl_printf(p->out, _("  n) New project\n  q) Quit\n"));
		in = ask(p, _("Choose: "));
		if (in == NULL || strcmp(in, "q") == 0) {
			projects_free(v, n);
			return;
		}
		if (strcmp(in, "n") == 0)
			new_project(p);
		else if ((i = number(in, n)) != 0)
			project_menu(p, v[i - 1].id);
		projects_free(v, n);
		if (p->eof)
			return;
	}
}

int
plain_main(struct app *app)
{
	struct plain p;

	memset(&p, 0, sizeof(p));
	p.app = app;
	p.in = stdin;
	p.out = stdout;
	app_action(app, SOURCE_TUI, &p.act);
	projects_menu(&p);
	free(p.line);
	return 0;
}
