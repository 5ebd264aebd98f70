/* Hand-offs: what the answers raised, with the role, the reason, the
 * questions for that role and the state; s, a and c move a hand-off on.
 * With a role (--role jurist) it shows only that role's hand-offs and
 * the steps the role owns, across the projects. */
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/content.h"
#include "airejse/handoff.h"
#include "airejse/progress.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
#include "airejse/tui-curses.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

enum row_kind {
	ROW_HEADING,
	ROW_HANDOFF,
	ROW_STEP
};

struct row {
	enum row_kind			 kind;
	const struct snapshot		*snap;
	const struct handoff		*h;
	const struct step_progress	*sp;
	char				*text;	/* headings */
};

struct handoffs {
	int64_t			 project;	/* 0: every project */
	char			*role;		/* NULL: every role */
	struct snapshot		**snaps;
	size_t			 nsnaps;
	struct row		*rows;
	size_t			 nrows, cap;
	struct tui_list		 list;
};

static void
add_row(struct handoffs *h, enum row_kind kind, const struct snapshot *s,
    const struct handoff *ho, const struct step_progress *sp, char *text)
{
	xgrow(&h->rows, &h->cap, h->nrows + 1, sizeof(*h->rows));
	h->rows[h->nrows].kind = kind;
	h->rows[h->nrows].snap = s;
	h->rows[h->nrows].h = ho;
	h->rows[h->nrows].sp = sp;
	h->rows[h->nrows].text = text;
	h->nrows++;
}

static void
clear_rows(struct handoffs *h)
{
	size_t i;

	for (i = 0; i < h->nrows; i++)
		free(h->rows[i].text);
	h->nrows = 0;
	for (i = 0; i < h->nsnaps; i++)
		snapshot_free(h->snaps[i]);
	xfree(h->snaps);
	h->nsnaps = 0;
}

/* Loads the projects shown; false after an error was said. */
static bool
load_snaps(struct tui *t, struct handoffs *h)
{
	struct project *v = NULL;
	size_t n = 0, i;
	char *cause = NULL;

	if (h->project != 0) {
		h->snaps = xcalloc(1, sizeof(*h->snaps));
		if (action_refresh(t->act, h->project, &h->snaps[0], &cause) != 0) {
			tui_error(t, "%s", cause);
			free(cause);
			return false;
		}
		h->nsnaps = 1;
		return true;
	}
	if (store_projects(t->store, &v, &n, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	h->snaps = xcalloc(n + 1, sizeof(*h->snaps));
	for (i = 0; i < n; i++) {
		if (action_refresh(t->act, v[i].id, &h->snaps[h->nsnaps], &cause) == 0) {
			h->nsnaps++;
		} else {
			tui_error(t, "%s", cause);
			xfree(cause);
		}
	}
	projects_free(v, n);
	return true;
}

static void
handoffs_reload(struct tui *t, void *state)
{
	struct handoffs *h = state;
	size_t i, k, before;

	clear_rows(h);
	if (!load_snaps(t, h))
		return;
	for (i = 0; i < h->nsnaps; i++) {
		const struct snapshot *s = h->snaps[i];

		before = h->nrows;
		for (k = 0; k < s->nhandoffs; k++)
			if (h->role == NULL || strcmp(s->handoffs[k].role, h->role) == 0)
				add_row(h, ROW_HANDOFF, s, &s->handoffs[k], NULL, NULL);
		if (h->project == 0 && h->nrows > before)
			add_row(h, ROW_HEADING, s, NULL, NULL, xstrdup(s->project->name));
		/* The heading goes first. */
		if (h->project == 0 && h->nrows > before) {
			struct row head = h->rows[h->nrows - 1];

			memmove(&h->rows[before + 1], &h->rows[before],
			    (h->nrows - 1 - before) * sizeof(*h->rows));
			h->rows[before] = head;
		}
	}
	if (h->role == NULL)
		return;
	/* A role's own steps that are not done yet. */
	for (i = 0; i < h->nsnaps; i++) {
		const struct progress *pr = h->snaps[i]->progress;
		size_t tr;

		before = h->nrows;
		for (tr = 0; tr < pr->ntracks; tr++)
			for (k = 0; k < pr->tracks[tr].track->nsteps; k++) {
				const struct step_progress *sp = &pr->tracks[tr].steps[k];

				if (strcmp(sp->step->owner->id, h->role) == 0 &&
				    sp->status != STEP_DONE && sp->status != STEP_NOT_APPLICABLE)
					add_row(h, ROW_STEP, h->snaps[i], NULL, sp, NULL);
			}
		if (h->nrows > before) {
			struct row head;

			add_row(h, ROW_HEADING, h->snaps[i], NULL, NULL,
			    xasprintf(_("Steps owned by this role in %s"), h->snaps[i]->project->name));
			head = h->rows[h->nrows - 1];
			memmove(&h->rows[before + 1], &h->rows[before],
			    (h->nrows - 1 - before) * sizeof(*h->rows));
			h->rows[before] = head;
		}
	}
}

static void *
handoffs_open(struct tui *t, const void *arg)
{
	const struct tui_handoffs_arg *a = arg;
	struct handoffs *h = xcalloc(1, sizeof(*h));

	h->project = a->project;
	h->role = a->role ? xstrdup(a->role) : NULL;
	handoffs_reload(t, h);
	return h;
}

static void
handoffs_close(struct tui *t, void *state)
{
	struct handoffs *h = state;

	clear_rows(h);
	free(h->rows);
	free(h->role);
	free(h);
}

static const char *
role_name(struct tui *t, const char *id)
{
	const struct role *r = content_role(t->content, id);

	return r ? text_get(&r->name) : id;
}

static char *
row_text(struct tui *t, const struct row *r)
{
	const struct handoff_rule *rule;
	char *label, *s;

	switch (r->kind) {
	case ROW_HANDOFF:
		rule = content_handoff(t->content, r->h->rule);
		label = utf8_padded(handoff_state_label(r->h->state), 9);
		s = xasprintf("%s %s: %s", label, role_name(t, r->h->role),
		    rule ? text_get(&rule->reason) : r->h->rule);
		free(label);
		return s;
	case ROW_STEP:
		/* Columns, not bytes: "afsluttet" and "blokeret" line up. */
		label = utf8_padded(step_status_label(r->sp->status), 9);
		s = xasprintf("%s %s", label, text_get(&r->sp->step->title));
		free(label);
		return s;
	default:
		return xstrdup(r->text);
	}
}

/* The rule's reason, contact, due date and questions with answers. */
static char *
detail(struct tui *t, const struct row *r)
{
	const struct handoff_rule *rule = content_handoff(t->content, r->h->rule);
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (rule == NULL)
		return xasprintf(_("The rule %s is no longer in the content."), r->h->rule);
	sb_addf(&sb, _("To %s: %s"), role_name(t, r->h->role), text_get(&rule->reason));
	if (r->h->contact)
		sb_addf(&sb, _("\nContact: %s"), r->h->contact);
	if (r->h->due)
		sb_addf(&sb, _("\nDue: %s"), r->h->due);
	if (r->h->note)
		sb_addf(&sb, _("\nNote: %s"), r->h->note);
	sb_add(&sb, _("\nQuestions for this role:"));
	for (i = 0; i < rule->nquestions; i++) {
		const struct question *q = rule->questions[i];
		const struct answer *a = progress_answer(r->snap->progress, q);
		char *v = a == NULL || a->kind == EXPR_NONE ? xstrdup(_("(not answered)")) :
		    a->kind == EXPR_DONTKNOW ? xstrdup(value_dontknow_text(i18n_lang())) :
		    value_format(q, a->value, i18n_lang());

		sb_addf(&sb, "\n%zu. %s — %s", i + 1, text_get(&q->prompt), v);
		free(v);
	}
	return sb_detach(&sb);
}

static void
handoffs_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct handoffs *h = state;
	int lrows = rows / 2, r;
	size_t i;

	if (h->role && h->project == 0)
		tui_set_title(t, _("Hand-offs and steps for %s"), role_name(t, h->role));
	else if (h->project != 0 && h->nsnaps > 0)
		tui_set_title(t, _("Hand-offs: %s"), h->snaps[0]->project->name);
	else
		tui_set_title(t, _("Hand-offs of every project"));
	if (h->nrows == 0) {
		tui_wrap(top + 1, 2, cols - 4, rows - 1, 0, h->role ?
		    _("Nothing is waiting for this role. Hand-offs appear here when an answer calls for them.") :
		    _("No hand-offs yet. They are raised when an answer calls for a lawyer, an IT architect or another role."),
		    ST_DIM);
		return;
	}
	/* Never rest on a heading. */
	if (h->rows[h->list.sel].kind == ROW_HEADING && h->list.sel + 1 < h->nrows)
		h->list.sel++;
	tui_list_fit(&h->list, h->nrows, lrows);
	for (r = 0, i = h->list.top; r < lrows && i < h->nrows; r++, i++) {
		const struct row *row = &h->rows[i];
		bool sel = i == h->list.sel;
		char *s = row_text(t, row);
		enum tui_style st = row->kind == ROW_HEADING ? ST_HEADING :
		    row->kind == ROW_HANDOFF && handoff_is_open(row->h->state) ? ST_BLOCKED :
		    row->kind == ROW_HANDOFF && row->h->state == HANDOFF_WITHDRAWN ? ST_DIM : ST_NORMAL;

		tui_put(top + r, row->kind == ROW_HEADING ? 1 : 3, cols - 3, s,
		    sel ? ST_SELECTED : st, sel);
		if (sel)
			tui_cursor(t, top + r, 0);
		free(s);
	}
	tui_clear(top + lrows, 0, cols, ST_DIM);
	if (h->rows[h->list.sel].kind == ROW_HANDOFF) {
		char *d = detail(t, &h->rows[h->list.sel]);

		tui_wrap(top + lrows + 1, 1, cols - 2, rows - lrows - 1, 0, d, ST_NORMAL);
		free(d);
	} else if (h->rows[h->list.sel].kind == ROW_STEP) {
		tui_wrap(top + lrows + 1, 1, cols - 2, rows - lrows - 1, 0,
		    text_get(&h->rows[h->list.sel].sp->step->guidance), ST_NORMAL);
	}
}

/* The first step of the project that asks q, or NULL. */
static const struct step *
step_asking(const struct progress *pr, const struct question *q)
{
	size_t tr, k, i;

	for (tr = 0; tr < pr->ntracks; tr++)
		for (k = 0; k < pr->tracks[tr].track->nsteps; k++) {
			const struct step *st = pr->tracks[tr].steps[k].step;

			for (i = 0; i < st->nquestions; i++)
				if (st->questions[i] == q)
					return st;
		}
	return NULL;
}

static void
open_journey(struct tui *t, const struct row *r)
{
	struct tui_journey_arg ja = { 0 };
	const struct step *st = NULL;

	ja.project = r->snap->project->id;
	if (r->kind == ROW_STEP) {
		st = r->sp->step;
	} else {
		const struct handoff_rule *rule = content_handoff(t->content, r->h->rule);
		size_t i;

		for (i = 0; rule != NULL && i < rule->nquestions && st == NULL; i++)
			if ((st = step_asking(r->snap->progress, rule->questions[i])) != NULL)
				ja.question = rule->questions[i]->id;
	}
	if (st != NULL) {
		ja.track = st->track->id;
		ja.step = st->id;
	}
	tui_push(t, &tui_journey_ops, &ja);
}

static void
move_state(struct tui *t, struct handoffs *h, const struct row *r, enum handoff_state to)
{
	struct handoff_edit e = { 0 };
	char *cause = NULL;

	e.set_state = true;
	e.state = to;
	if (action_handoff(t->act, r->snap->project->id, r->h->rule, &e, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	tui_info(t, _("The hand-off to %s is now %s."), role_name(t, r->h->role),
	    handoff_state_label(to));
	handoffs_reload(t, h);
}

static bool
handoffs_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct handoffs *h = state;
	const struct row *r = h->nrows ? &h->rows[h->list.sel] : NULL;
	int lrows = (t->rows - 3) / 2;

	if (req == REQ_UP || req == REQ_DOWN) {
		size_t old = h->list.sel;

		tui_list_key(&h->list, req, h->nrows, lrows);
		/* Step over headings, in the direction of the move. */
		while (h->rows[h->list.sel].kind == ROW_HEADING && h->list.sel != old) {
			size_t before = h->list.sel;

			tui_list_key(&h->list, req, h->nrows, lrows);
			if (h->list.sel == before) {
				h->list.sel = old;
				break;
			}
		}
		return true;
	}
	if (tui_list_key(&h->list, req, h->nrows, lrows))
		return true;
	if (r == NULL || r->kind == ROW_HEADING)
		return false;
	switch (req) {
	case REQ_ENTER:
		open_journey(t, r);
		return true;
	case REQ_STATE_SENT:
	case REQ_STATE_ANSWERED:
	case REQ_STATE_CLOSED:
		if (r->kind != ROW_HANDOFF)
			return false;
		move_state(t, h, r, req == REQ_STATE_SENT ? HANDOFF_SENT :
		    req == REQ_STATE_ANSWERED ? HANDOFF_ANSWERED : HANDOFF_CLOSED);
		return true;
	case REQ_EXPORT: {
		struct tui_export_arg ea = { r->snap->project->id, "handoff" };

		tui_push(t, &tui_export_ops, &ea);
		return true;
	}
	default:
		return false;
	}
}

static const struct tui_binding handoffs_keys[] = {
	{ REQ_ENTER, { '\r', '\n', FK(KEY_ENTER) }, N_("Go to"),
	    N_("open the journey at the hand-off's questions or the step") },
	{ REQ_STATE_SENT, { 's' }, N_("Sent"), N_("mark the hand-off sent") },
	{ REQ_STATE_ANSWERED, { 'a' }, N_("Answered"), N_("mark the hand-off answered") },
	{ REQ_STATE_CLOSED, { 'c' }, N_("Closed"), N_("mark the hand-off closed") },
	{ REQ_EXPORT, { 'P' }, NULL, N_("export the hand-off packet") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_handoffs_ops = {
	"handoffs", N_("Hand-offs"), handoffs_keys, handoffs_open, handoffs_draw,
	handoffs_key, handoffs_reload, handoffs_close
};
