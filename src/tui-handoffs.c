/* SPDX-License-Identifier: EUPL-1.2 */
/* Hand-offs: what the answers raised, with the role, the reason, the
 * questions for that role and the state; s, a and c move a hand-off on,
 * and back with a reason (R raises it again).
 * With a role (--role jurist) it shows only that role's hand-offs and
 * the steps the role owns, across the projects.
 *
 * Over every project it keeps only what the rows show: each project's
 * id and name, its hand-offs and, for a role, the steps it owns that are
 * not done, with their status; all read in one walk through the store
 * (action_each_refreshed), which also brings lagging hand-offs in line.
 * A project's full snapshot (its answers and progress) is read only
 * when a row needs it — the detail of the selected hand-off, Enter to
 * the journey — and kept, one at a time, while the selection stays in
 * that project. */
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/handoff.h"
#include "airejse/progress.h"
#include "airejse/review.h"
#include "airejse/strbuf.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

enum row_kind {
	ROW_HEADING,		/* the project's name */
	ROW_STEPS_HEADING,	/* the steps the role owns in the project */
	ROW_REVIEW_HEADING,	/* the one project's review and sign-off */
	ROW_SIGNOFF,		/* a role's sign-off (item: its place in the board) */
	ROW_SECTION,		/* a role's part of a checklist section (sub: the subject) */
	ROW_HANDOFF,
	ROW_STEP
};

/* A step the role owns, not done yet. */
struct owned {
	const struct step	*step;
	enum step_mark		 mark;	/* as the map shows it */
};

/* A project with rows: what they show of it. */
struct shown {
	int64_t		 id;
	char		*name;
	struct handoff	*hos;		/* the role's, or all */
	size_t		 nhos;
	struct owned	*steps;		/* with a role only */
	size_t		 nsteps;
};

struct row {
	enum row_kind	 kind;
	size_t		 proj;		/* in projs */
	size_t		 item;		/* in its hos or steps, or a role of the board */
	size_t		 sub;		/* ROW_SECTION: the role's subject */
};

struct handoffs {
	int64_t			 project;	/* 0: every project */
	char			*role;		/* NULL: every role */
	struct shown		*projs;		/* by id */
	size_t			 nprojs, pcap;
	struct row		*rows;
	size_t			 nrows, cap;
	/* The full snapshot of one project, read when a row of it needs
	 * one; NULL with snap_id set when it could not be read. */
	struct snapshot		*snap;
	int64_t			 snap_id;
	struct tui_list		 list;
	char			 today[11];	/* for "overdue" */
	/* The one project's reviews and sign-offs (review.h), or NULL
	 * over every project. */
	struct review_board	*board;
	struct review		*reviews;
	size_t			 nreviews;
	int			 state_cols;	/* the width of the states shown */
};

static bool
is_heading(const struct row *r)
{
	return r->kind == ROW_HEADING || r->kind == ROW_STEPS_HEADING ||
	    r->kind == ROW_REVIEW_HEADING;
}

static const struct handoff *
row_handoff(const struct handoffs *h, const struct row *r)
{
	return &h->projs[r->proj].hos[r->item];
}

static const struct owned *
row_step(const struct handoffs *h, const struct row *r)
{
	return &h->projs[r->proj].steps[r->item];
}

static void
shown_clear(struct shown *p)
{
	free(p->name);
	handoffs_free(p->hos, p->nhos);
	free(p->steps);
	memset(p, 0, sizeof(*p));
}

static bool
owned_open(const struct handoffs *h, const struct step_progress *sp)
{
	return strcmp(sp->step->owner->id, h->role) == 0 &&
	    sp->status != STEP_DONE && sp->status != STEP_NOT_APPLICABLE;
}

/* What the rows show of the project in s; false if none. */
static bool
shown_fill(const struct handoffs *h, struct shown *p, const struct snapshot *s)
{
	const struct progress *pr = s->progress;
	size_t k, tr, n = 0;

	memset(p, 0, sizeof(*p));
	for (k = 0; k < s->nhandoffs; k++)
		n += h->role == NULL || strcmp(s->handoffs[k].role, h->role) == 0;
	if (n > 0) {
		p->hos = xcalloc(n, sizeof(*p->hos));
		for (k = 0; k < s->nhandoffs; k++)
			if (h->role == NULL || strcmp(s->handoffs[k].role, h->role) == 0)
				handoff_copy(&p->hos[p->nhos++], &s->handoffs[k]);
	}
	n = 0;
	for (tr = 0; h->role != NULL && tr < pr->ntracks; tr++)
		for (k = 0; k < pr->tracks[tr].track->nsteps; k++)
			n += owned_open(h, &pr->tracks[tr].steps[k]);
	if (n > 0) {
		p->steps = xcalloc(n, sizeof(*p->steps));
		for (tr = 0; tr < pr->ntracks; tr++)
			for (k = 0; k < pr->tracks[tr].track->nsteps; k++) {
				const struct step_progress *sp = &pr->tracks[tr].steps[k];

				if (owned_open(h, sp)) {
					p->steps[p->nsteps].step = sp->step;
					p->steps[p->nsteps++].mark = progress_mark(sp);
				}
			}
	}
	p->id = s->project->id;
	p->name = xstrdup(s->project->name);
	return p->nhos + p->nsteps > 0;
}

/* A hand-off's state for people, overdue in words: "sendt, frist
 * overskredet". Caller frees. */
static char *
state_text(const struct handoffs *h, const struct handoff *ho)
{
	if (handoff_overdue(ho, h->today))
		return xasprintf(_("%s, overdue"), handoff_state_label(ho->state));
	return xstrdup(handoff_state_label(ho->state));
}

/* The columns the states take: the widest shown, at least 9. */
static int
state_width(const struct handoffs *h)
{
	int w = 9, n;
	size_t i;

	for (i = 0; i < h->nrows; i++) {
		char *st;

		if (h->rows[i].kind != ROW_HANDOFF)
			continue;
		st = state_text(h, row_handoff(h, &h->rows[i]));
		if ((n = utf8_width(st)) > w)
			w = n;
		free(st);
	}
	return w;
}

static void
add_row(struct handoffs *h, enum row_kind kind, size_t proj, size_t item)
{
	xgrow(&h->rows, &h->cap, h->nrows + 1, sizeof(*h->rows));
	h->rows[h->nrows].kind = kind;
	h->rows[h->nrows].proj = proj;
	h->rows[h->nrows].item = item;
	h->rows[h->nrows].sub = 0;
	h->nrows++;
}

/* The one project's review: each role's sign-off, then its parts of
 * the checklists' sections (its hand-offs are reviewed on their rows). */
static void
review_rows(struct handoffs *h)
{
	size_t i, k;

	if (h->board == NULL || h->board->nroles == 0 || h->nprojs == 0)
		return;
	add_row(h, ROW_REVIEW_HEADING, 0, 0);
	for (i = 0; i < h->board->nroles; i++) {
		const struct review_role *rr = &h->board->roles[i];

		if (h->role != NULL && strcmp(rr->role->id, h->role) != 0)
			continue;
		add_row(h, ROW_SIGNOFF, 0, i);
		for (k = 0; k < rr->nsubjects; k++) {
			if (rr->subjects[k].kind != REVIEW_SECTION)
				continue;
			add_row(h, ROW_SECTION, 0, i);
			h->rows[h->nrows - 1].sub = k;
		}
	}
}

/* The rows: every project's hand-offs under its name (over every
 * project), then each project's steps for a role. */
static void
make_rows(struct handoffs *h)
{
	size_t i, k;

	h->nrows = 0;
	for (i = 0; i < h->nprojs; i++) {
		if (h->project == 0 && h->projs[i].nhos > 0)
			add_row(h, ROW_HEADING, i, 0);
		for (k = 0; k < h->projs[i].nhos; k++)
			add_row(h, ROW_HANDOFF, i, k);
	}
	review_rows(h);
	for (i = 0; i < h->nprojs; i++) {
		if (h->projs[i].nsteps > 0)
			add_row(h, ROW_STEPS_HEADING, i, 0);
		for (k = 0; k < h->projs[i].nsteps; k++)
			add_row(h, ROW_STEP, i, k);
	}
	tui_list_resize(&h->list, h->nrows, h->list.height);
	h->state_cols = state_width(h);
}

static void
drop_snap(struct handoffs *h)
{
	snapshot_free(h->snap);
	h->snap = NULL;
	h->snap_id = 0;
}

static void
clear_rows(struct handoffs *h)
{
	size_t i;

	for (i = 0; i < h->nprojs; i++)
		shown_clear(&h->projs[i]);
	xfree(h->projs);
	h->nprojs = h->pcap = 0;
	h->nrows = 0;
	drop_snap(h);
	review_board_free(h->board);
	h->board = NULL;
	reviews_free(h->reviews, h->nreviews);
	h->reviews = NULL;
	h->nreviews = 0;
}

/* The one project's board, from its snapshot (said on the status line
 * when it cannot be read). */
static void
load_board(struct tui *t, struct handoffs *h)
{
	char *cause = NULL;

	review_board_free(h->board);
	reviews_free(h->reviews, h->nreviews);
	h->board = NULL;
	h->reviews = NULL;
	h->nreviews = 0;
	if (h->project == 0 || h->snap == NULL)
		return;
	if (action_review_board(t->act, h->snap, &h->reviews, &h->nreviews, &h->board, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	}
}

/* Keeps what the rows of the project in s show (always, when it is
 * the one project of the screen). */
static void
add_project(struct handoffs *h, const struct snapshot *s)
{
	struct shown p;

	if (!shown_fill(h, &p, s) && h->project == 0) {
		shown_clear(&p);
		return;
	}
	xgrow(&h->projs, &h->pcap, h->nprojs + 1, sizeof(*h->projs));
	h->projs[h->nprojs++] = p;
}

static int
add_each(const struct snapshot *s, void *arg)
{
	add_project(arg, s);
	return 0;
}

/* Forgets the projects of a walk that is to be made again. */
static void
add_reset(void *arg)
{
	clear_rows(arg);
}

/* What a row shows, by what it is rather than where: so that the same
 * row is selected after a reload that added or removed rows above it. */
struct row_key {
	enum row_kind		 kind;
	int64_t			 project;
	int64_t			 handoff;	/* ROW_HANDOFF */
	const struct step	*step;		/* ROW_STEP */
	size_t			 item, sub;	/* ROW_SIGNOFF, ROW_SECTION */
};

static struct row_key
row_key(const struct handoffs *h, const struct row *r)
{
	struct row_key k = { r->kind, h->projs[r->proj].id, 0, NULL, 0, 0 };

	if (r->kind == ROW_HANDOFF)
		k.handoff = row_handoff(h, r)->id;
	else if (r->kind == ROW_STEP)
		k.step = row_step(h, r)->step;
	else if (r->kind == ROW_SIGNOFF || r->kind == ROW_SECTION) {
		k.item = r->item;
		k.sub = r->sub;
	}
	return k;
}

/* Selects the row of key k, if it is still there. */
static void
select_key(struct handoffs *h, const struct row_key *k)
{
	size_t i;

	for (i = 0; i < h->nrows; i++) {
		struct row_key o = row_key(h, &h->rows[i]);

		if (o.kind == k->kind && o.project == k->project && o.handoff == k->handoff &&
		    o.step == k->step && o.item == k->item && o.sub == k->sub) {
			h->list.sel = i;
			tui_list_fit(&h->list);
			return;
		}
	}
}

static void
handoffs_reload(struct tui *t, void *state)
{
	struct handoffs *h = state;
	char *cause = NULL;
	struct row_key key;
	bool keep = h->nrows > 0 && h->list.sel < h->nrows;

	if (keep)
		key = row_key(h, &h->rows[h->list.sel]);
	clear_rows(h);
	clock_today(h->today);
	if (h->project != 0) {
		/* The one project: its snapshot is the one the rows need. */
		if (action_refresh(t->act, h->project, &h->snap, &cause) != 0) {
			tui_error(t, "%s", cause);
			free(cause);
		} else {
			h->snap_id = h->project;
			add_project(h, h->snap);
			load_board(t, h);
		}
	} else if (action_each_refreshed(t->act, add_each, add_reset, h, &cause) != 0) {
		/* The rows of the projects read before the trouble stay. */
		tui_error(t, "%s", cause);
		free(cause);
	}
	make_rows(h);
	if (keep)
		select_key(h, &key);
}

/* The full snapshot of projs[i], read now if it is not the one kept;
 * NULL if it cannot be read (said in the status line). */
static const struct snapshot *
snap_of(struct tui *t, struct handoffs *h, size_t i)
{
	char *cause = NULL;

	if (h->snap_id == h->projs[i].id)
		return h->snap;
	drop_snap(h);
	h->snap_id = h->projs[i].id;
	if (action_snapshot(t->act, h->snap_id, &h->snap, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	}
	return h->snap;
}

/* After a change to projs[i] made here: reads that project again, not
 * every one (another process's changes reload the whole screen). */
static void
reload_one(struct tui *t, struct handoffs *h, size_t i)
{
	struct snapshot *s = NULL;
	struct shown p;
	char *cause = NULL;

	if (action_refresh(t->act, h->projs[i].id, &s, &cause) != 0) {
		free(cause);
		handoffs_reload(t, h);
		return;
	}
	drop_snap(h);
	shown_clear(&h->projs[i]);
	if (!shown_fill(h, &p, s) && h->project == 0) {
		shown_clear(&p);
		memmove(&h->projs[i], &h->projs[i + 1], (h->nprojs - i - 1) * sizeof(*h->projs));
		h->nprojs--;
		snapshot_free(s);
	} else {
		h->projs[i] = p;
		h->snap = s;
		h->snap_id = p.id;
		load_board(t, h);
	}
	make_rows(h);
}

/* As reload_one, for the project of that id, if it is shown. */
static void
reload_project(struct tui *t, struct handoffs *h, int64_t id)
{
	size_t i;

	for (i = 0; i < h->nprojs; i++)
		if (h->projs[i].id == id) {
			reload_one(t, h, i);
			return;
		}
}

/* A project's name and the heading of its steps are not chosen. */
static bool
row_selectable(void *arg, size_t i)
{
	const struct handoffs *h = arg;

	return !is_heading(&h->rows[i]);
}

static void *
handoffs_open(struct tui *t, const void *arg)
{
	const struct tui_handoffs_arg *a = arg;
	struct handoffs *h = xcalloc(1, sizeof(*h));

	h->list.selectable = row_selectable;
	h->list.arg = h;
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
row_text(struct tui *t, const struct handoffs *h, const struct row *r)
{
	const struct handoff_rule *rule;
	const struct handoff *ho;
	char *label, *s, *st;

	switch (r->kind) {
	case ROW_HANDOFF:
		ho = row_handoff(h, r);
		rule = content_handoff(t->content, ho->rule);
		st = state_text(h, ho);
		label = utf8_padded(st, h->state_cols);
		free(st);
		s = xasprintf("%s %s: %s", label, role_name(t, ho->role),
		    rule ? text_get(&rule->reason) : ho->rule);
		free(label);
		return s;
	case ROW_STEP:
		/* The mark and its words as the map and its legend give them. */
		return xasprintf("%s %s (%s)", step_mark_symbol(row_step(h, r)->mark),
		    text_get(&row_step(h, r)->step->title),
		    step_mark_label(row_step(h, r)->mark));
	case ROW_STEPS_HEADING:
		return xasprintf(_("Steps owned by this role in %s"), h->projs[r->proj].name);
	case ROW_REVIEW_HEADING:
		return xstrdup(_("Review and sign-off by role"));
	case ROW_SIGNOFF: {
		const struct review_role *rr = &h->board->roles[r->item];

		label = utf8_padded(text_get(&rr->role->name), 22);
		s = rr->status == RS_SIGNED ?
		    xasprintf(_("%s %s by %s"), label, review_status_label(rr->status), rr->signoff->name) :
		    xasprintf("%s %s", label, review_status_label(rr->status));
		free(label);
		return s;
	}
	case ROW_SECTION: {
		const struct review_subject *sub = &h->board->roles[r->item].subjects[r->sub];
		char *text = action_subject_text(t->act, sub->kind, sub->subject);

		label = utf8_padded(review_status_label(sub->status), 20);
		s = xasprintf("  %s %s", label, text);
		free(label);
		free(text);
		return s;
	}
	default:
		return xstrdup(h->projs[r->proj].name);
	}
}

/* Where a review stands, for people: its status, who and when, the
 * comment, or which answer changed since. Caller frees. */
static char *
review_text(const struct review *cur, enum review_status st, const struct question *changed,
    const struct progress *pr, bool signoff)
{
	char when[17];

	if (st == RS_TO_REVIEW && changed != NULL) {
		const struct answer *a = pr ? progress_answer(pr, changed) : NULL;

		if (a != NULL && a->user != NULL) {
			clock_local(a->time, when);
			return xasprintf(signoff ?
			    _("%s: the answer to \"%s\" was changed by %s at %s, after the sign-off") :
			    _("%s: the answer to \"%s\" was changed by %s at %s, after the review"),
			    review_status_label(st), text_get(&changed->prompt), a->user, when);
		}
		return xasprintf(signoff ? _("%s: the answer to \"%s\" changed after the sign-off") :
		    _("%s: the answer to \"%s\" changed after the review"),
		    review_status_label(st), text_get(&changed->prompt));
	}
	if (cur == NULL || st == RS_NOT_REVIEWED || st == RS_NOT_SIGNED)
		return xstrdup(review_status_label(st));
	clock_local(cur->time, when);
	if (cur->comment != NULL)
		return xasprintf(_("%s (%s, %s): %s"), review_status_label(st),
		    cur->name ? cur->name : cur->user, when, cur->comment);
	return xasprintf(_("%s (%s, %s)"), review_status_label(st), cur->name ? cur->name : cur->user,
	    when);
}

/* The detail of a sign-off or a section row. */
static char *
review_detail(struct tui *t, const struct handoffs *h, const struct row *r)
{
	const struct review_role *rr = &h->board->roles[r->item];
	const struct progress *pr = h->snap ? h->snap->progress : NULL;
	struct strbuf sb = STRBUF_INIT;
	char *st;
	size_t i;

	if (r->kind == ROW_SIGNOFF) {
		st = review_text(rr->signoff, rr->status, rr->changed, pr, true);
		sb_addf(&sb, _("Sign-off by %s: %s"), text_get(&rr->role->name), st);
		free(st);
		sb_add(&sb, _("\nWhat the role reviews:"));
		for (i = 0; i < rr->nsubjects; i++) {
			char *text = action_subject_text(t->act, rr->subjects[i].kind,
			    rr->subjects[i].subject);

			st = review_text(rr->subjects[i].current, rr->subjects[i].status,
			    rr->subjects[i].changed, pr, false);
			sb_addf(&sb, "\n  %s — %s", text, st);
			free(text);
			free(st);
		}
		sb_add(&sb, _("\nS signs off (or withdraws the sign-off)."));
		return sb_detach(&sb);
	}
	{
		const struct review_subject *sub = &rr->subjects[r->sub];
		char *text = action_subject_text(t->act, sub->kind, sub->subject);

		st = review_text(sub->current, sub->status, sub->changed, pr, false);
		sb_addf(&sb, _("%s's part of %s: %s"), text_get(&rr->role->name), text, st);
		free(text);
		free(st);
		for (i = 0; i < sub->nquestions; i++) {
			const struct answer *a = pr ? progress_answer(pr, sub->questions[i]) : NULL;
			char *v = value_answer_text(sub->questions[i], a ? a->kind : ANSWER_NONE,
			    a ? a->value : NULL);

			sb_addf(&sb, "\n%zu. %s — %s", i + 1, text_get(&sub->questions[i]->prompt), v);
			free(v);
		}
		sb_add(&sb, _("\nr reviews it, S signs off."));
		return sb_detach(&sb);
	}
}

/* The rule's reason, contact, due date and questions with the answers
 * in s (NULL: the project could not be read, so no answers). */
static char *
detail(struct tui *t, const struct handoffs *h, const struct handoff *ho,
    const struct snapshot *s)
{
	const struct handoff_rule *rule = content_handoff(t->content, ho->rule);
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (rule == NULL)
		return xasprintf(_("The rule %s is no longer in the content."), ho->rule);
	sb_addf(&sb, _("To %s: %s"), role_name(t, ho->role), text_get(&rule->reason));
	if (ho->contact)
		sb_addf(&sb, _("\nContact: %s"), ho->contact);
	if (ho->due) {
		char *day = value_format_date(ho->due, i18n_lang());

		sb_addf(&sb, handoff_overdue(ho, h->today) ? _("\nDue: %s (overdue)") : _("\nDue: %s"),
		    day);
		free(day);
	}
	if (ho->note)
		sb_addf(&sb, _("\nNote: %s"), ho->note);
	{
		const struct review_subject *sub = review_subject_of(h->board, REVIEW_HANDOFF,
		    ho->rule, NULL);

		if (sub != NULL) {
			char *st = review_text(sub->current, sub->status, sub->changed,
			    s ? s->progress : NULL, false);

			sb_addf(&sb, _("\nReview: %s"), st);
			free(st);
		}
	}
	sb_add(&sb, _("\nQuestions for this role:"));
	for (i = 0; i < rule->nquestions; i++) {
		const struct question *q = rule->questions[i];
		const struct answer *a;
		char *v;

		if (s == NULL) {
			sb_addf(&sb, "\n%zu. %s", i + 1, text_get(&q->prompt));
			continue;
		}
		a = progress_answer(s->progress, q);
		v = a == NULL || a->kind == ANSWER_NONE ? xstrdup(_("(not answered)")) :
		    a->kind == ANSWER_DONTKNOW ? xstrdup(value_dontknow_text(i18n_lang())) :
		    value_format(q, a->value, i18n_lang());
		sb_addf(&sb, "\n%zu. %s — %s", i + 1, text_get(&q->prompt), v);
		free(v);
	}
	return sb_detach(&sb);
}

/* A sign-off or a part of a section in colour too (its words say it). */
static enum tui_style
review_style(const struct handoffs *h, const struct row *r)
{
	enum review_status st;

	if (r->kind == ROW_SIGNOFF)
		st = h->board->roles[r->item].status;
	else if (r->kind == ROW_SECTION)
		st = h->board->roles[r->item].subjects[r->sub].status;
	else
		return ST_NORMAL;
	return st == RS_SIGNED || st == RS_ACCEPTABLE ? ST_DONE :
	    st == RS_TO_CORRECT || st == RS_TO_REVIEW ? ST_BLOCKED : ST_NORMAL;
}

static void
handoffs_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct handoffs *h = state;
	const struct row *cur;
	int lrows = rows / 2, r;
	size_t i;

	if (h->role && h->project == 0)
		tui_set_title(t, _("Hand-offs and steps for %s"), role_name(t, h->role));
	else if (h->project != 0 && h->nprojs > 0)
		tui_set_title(t, _("Hand-offs: %s"), h->projs[0].name);
	else
		tui_set_title(t, _("Hand-offs of every project"));
	if (h->nrows == 0) {
		tui_wrap(top + 1, 2, cols - 4, rows - 1, 0, h->role ?
		    _("Nothing is waiting for this role. Hand-offs appear here when an answer calls for them.") :
		    _("No hand-offs yet. They are raised when an answer calls for a lawyer, an IT architect or another role."),
		    ST_DIM);
		return;
	}
	tui_list_resize(&h->list, h->nrows, lrows);
	for (r = 0, i = h->list.top; r < lrows && i < h->nrows; r++, i++) {
		const struct row *row = &h->rows[i];
		const struct handoff *ho = row->kind == ROW_HANDOFF ? row_handoff(h, row) : NULL;
		bool sel = i == h->list.sel;
		char *s = row_text(t, h, row);
		enum tui_style st = is_heading(row) ? ST_HEADING :
		    ho && handoff_is_open(ho->state) ? ST_BLOCKED :
		    ho && ho->state == HANDOFF_WITHDRAWN ? ST_DIM : review_style(h, row);

		tui_put(top + r, is_heading(row) ? 1 : 3, cols - 3, s,
		    sel ? ST_SELECTED : st, sel);
		if (sel)
			tui_cursor(t, top + r, 0);
		free(s);
	}
	tui_clear(top + lrows, 0, cols, ST_DIM);
	cur = &h->rows[h->list.sel];
	if (cur->kind == ROW_HANDOFF) {
		char *d = detail(t, h, row_handoff(h, cur), snap_of(t, h, cur->proj));

		tui_wrap(top + lrows + 1, 1, cols - 2, rows - lrows - 1, 0, d, ST_NORMAL);
		free(d);
	} else if (cur->kind == ROW_STEP) {
		tui_wrap(top + lrows + 1, 1, cols - 2, rows - lrows - 1, 0,
		    text_get(&row_step(h, cur)->step->guidance), ST_NORMAL);
	} else if (cur->kind == ROW_SIGNOFF || cur->kind == ROW_SECTION) {
		char *d = review_detail(t, h, cur);

		tui_wrap(top + lrows + 1, 1, cols - 2, rows - lrows - 1, 0, d, ST_NORMAL);
		free(d);
	}
}

static void
open_journey(struct tui *t, struct handoffs *h, const struct row *r)
{
	struct tui_journey_arg ja = { 0 };
	const struct step *st = NULL;

	ja.project = h->projs[r->proj].id;
	if (r->kind == ROW_STEP) {
		st = row_step(h, r)->step;
	} else {
		const struct handoff_rule *rule = content_handoff(t->content, row_handoff(h, r)->rule);
		const struct snapshot *s = snap_of(t, h, r->proj);
		size_t i;

		for (i = 0; s != NULL && rule != NULL && i < rule->nquestions && st == NULL; i++)
			if ((st = tui_step_asking(s->progress, rule->questions[i])) != NULL)
				ja.question = rule->questions[i]->id;
	}
	if (st != NULL) {
		ja.track = st->track->id;
		ja.step = st->id;
	}
	tui_open(t, TUI_JOURNEY, &ja);
}

/* A move of a hand-off waiting on the user: a reason to move it back,
 * or a yes to mark it answered with none of its questions answered. */
struct move_ctx {
	struct handoffs		*h;
	int64_t			 project;	/* by id: the rows may be read
						 * again under the dialog */
	char			*rule;
	char			*role;
	enum handoff_state	 to;
};

static void
move_done(struct tui *t, void *arg)
{
	struct move_ctx *c = arg;

	free(c->rule);
	free(c->role);
	free(c);
}

/* Moves the hand-off; false (said why) if it could not. */
static bool
move_apply(struct tui *t, const struct move_ctx *c, const char *reason, bool unanswered_ok)
{
	struct handoff_edit e = { 0 };
	char *cause = NULL;

	e.set_state = true;
	e.state = c->to;
	e.note = reason;
	e.unanswered_ok = unanswered_ok;
	if (action_handoff(t->act, c->project, c->rule, &e, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	tui_info(t, _("The hand-off to %s is now %s."), role_name(t, c->role),
	    handoff_state_label(c->to));
	reload_project(t, c->h, c->project);
	return true;
}

static bool
move_reason_submit(struct tui *t, void *arg, const char *text, size_t choice,
    const bool *checked)
{
	char *reason = utf8_trim(text);
	bool ok;

	if (*reason == '\0') {
		free(reason);
		tui_error(t, "%s", _("Write why it moves back, or press Esc."));
		return false;
	}
	ok = move_apply(t, arg, reason, false);
	free(reason);
	return ok;
}

static bool
move_confirm_submit(struct tui *t, void *arg, const char *text, size_t choice,
    const bool *checked)
{
	move_apply(t, arg, NULL, true);
	return true;
}

/* s, a, c and R: forward at once; back only with a reason, kept in the
 * history; answered with none of its questions answered only after
 * asking. */
static void
move_state(struct tui *t, struct handoffs *h, const struct row *r, enum handoff_state to)
{
	const struct handoff *ho = row_handoff(h, r);
	const struct snapshot *s;
	struct move_ctx *c = xcalloc(1, sizeof(*c));
	struct tui_dialog d;
	char *prompt = NULL;

	c->h = h;
	c->project = h->projs[r->proj].id;
	c->rule = xstrdup(ho->rule);
	c->role = xstrdup(ho->role);
	c->to = to;
	memset(&d, 0, sizeof(d));
	d.done = move_done;
	d.arg = c;
	if (to < ho->state && ho->state != HANDOFF_WITHDRAWN) {
		prompt = xasprintf(_("Why does the hand-off to %s go back from %s to %s? The reason is kept in its history."),
		    role_name(t, ho->role), handoff_state_label(ho->state), handoff_state_label(to));
		d.kind = DLG_LINE;
		d.title = _("Move back");
		d.maxlen = 2000;
		d.submit = move_reason_submit;
	} else if (to == HANDOFF_ANSWERED && ho->state < HANDOFF_ANSWERED &&
	    (s = snap_of(t, h, r->proj)) != NULL &&
	    !handoff_has_answer(s->progress, content_handoff(t->content, ho->rule))) {
		prompt = xasprintf(_("None of the questions of the hand-off to %s has an answer. Mark it answered anyway?"),
		    role_name(t, ho->role));
		d.kind = DLG_CONFIRM;
		d.title = _("Answered");
		d.submit = move_confirm_submit;
	} else {
		move_apply(t, c, NULL, false);
		move_done(t, c);
		return;
	}
	d.prompt = prompt;
	tui_dialog_open(t, &d);
	free(prompt);
}

/* What an edit of the hand-off's due date or note needs. */
struct edit_ctx {
	struct handoffs	*h;
	int64_t		 project;
	char		*rule;
	bool		 due;		/* else the note */
};

static void
edit_done(struct tui *t, void *arg)
{
	struct edit_ctx *c = arg;

	free(c->rule);
	free(c);
}

static bool
edit_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct edit_ctx *c = arg;
	struct handoff_edit e = { 0 };
	char *cause = NULL, *trimmed = utf8_trim(text);

	if (c->due) {
		e.due = trimmed;	/* "" clears it */
	} else if (*trimmed == '\0') {
		free(trimmed);
		tui_error(t, "%s", _("Write the note, or press Esc."));
		return false;
	} else {
		e.note = trimmed;
	}
	if (action_handoff(t->act, c->project, c->rule, &e, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		free(trimmed);
		return false;
	}
	if (c->due && *trimmed == '\0')
		tui_info(t, "%s", _("The due date is removed."));
	else if (c->due)
		tui_info(t, _("The hand-off is due %s."), trimmed);
	else
		tui_info(t, "%s", _("The note is saved in the hand-off's history."));
	free(trimmed);
	reload_project(t, c->h, c->project);
	return true;
}

/* Asks for the selected hand-off's due date (a date as the program
 * reads them, empty to remove it) or a new note. */
static void
edit_handoff(struct tui *t, struct handoffs *h, const struct row *r, bool due)
{
	const struct handoff *ho = row_handoff(h, r);
	struct edit_ctx *c = xcalloc(1, sizeof(*c));
	struct tui_dialog d;
	char *initial = due && ho->due ? value_format_date(ho->due, i18n_lang()) : NULL;

	c->h = h;
	c->project = h->projs[r->proj].id;
	c->rule = xstrdup(ho->rule);
	c->due = due;
	memset(&d, 0, sizeof(d));
	d.kind = DLG_LINE;
	d.title = due ? _("Due date") : _("Note");
	d.prompt = due ? _("When must the answer be back? A date such as 1.12.2026; empty: no due date.") :
	    _("A note for the hand-off's history (whom it was sent to, what was agreed):");
	d.initial = due ? initial : ho->note;
	d.maxlen = due ? 40 : 2000;
	d.submit = edit_submit;
	d.done = edit_done;
	d.arg = c;
	tui_dialog_open(t, &d);
	free(initial);
}

/* A review or a sign-off under way from this screen. */
struct review_ctx {
	struct handoffs		*h;
	enum review_kind	 kind;
	char			*subject;
	char			*role;
	enum review_state	 state;
	bool			 withdraw;
};

static void
review_done(struct tui *t, void *arg)
{
	struct review_ctx *c = arg;

	free(c->subject);
	free(c->role);
	free(c);
}

/* Reads the one project again after a review. */
static void
review_saved(struct tui *t, struct handoffs *h)
{
	if (h->nprojs > 0)
		reload_one(t, h, 0);
}

static bool
comment_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct review_ctx *c = arg;
	char *cause = NULL;

	if (action_review(t->act, c->h->project, c->kind, c->subject, c->role, c->state, text,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	tui_info(t, "%s", _("The review is saved; its comment goes back to the project."));
	review_saved(t, c->h);
	return true;
}

static bool
state_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	static const enum review_state states[] = { REVIEW_ACCEPTABLE, REVIEW_TO_CORRECT,
	    REVIEW_NOT_REVIEWED };
	struct review_ctx *c = arg, *next;
	struct tui_dialog d;
	char *cause = NULL;

	c->state = states[choice < 3 ? choice : 2];
	if (c->state == REVIEW_TO_CORRECT) {
		/* In this dialog's place: what is to be corrected. */
		next = xcalloc(1, sizeof(*next));
		*next = *c;
		next->subject = xstrdup(c->subject);
		next->role = xstrdup(c->role);
		memset(&d, 0, sizeof(d));
		d.kind = DLG_LINE;
		d.title = _("To be corrected");
		d.prompt = _("What is to be corrected? The comment goes back to the project.");
		d.maxlen = 2000;
		d.submit = comment_submit;
		d.done = review_done;
		d.arg = next;
		tui_dialog_open(t, &d);
		return true;
	}
	if (action_review(t->act, c->h->project, c->kind, c->subject, c->role, c->state, NULL,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	tui_info(t, _("Marked %s."), review_state_label(c->state));
	review_saved(t, c->h);
	return true;
}

/* Asks how the selected hand-off's answers or part of a section are. */
static void
review_row(struct tui *t, struct handoffs *h, const struct row *r)
{
	const struct review_subject *sub = r->kind == ROW_SECTION ?
	    &h->board->roles[r->item].subjects[r->sub] :
	    review_subject_of(h->board, REVIEW_HANDOFF, row_handoff(h, r)->rule, NULL);
	const char *opts[3];
	struct review_ctx *c;
	struct tui_dialog d;
	char *title, *text;

	if (sub == NULL) {
		tui_error(t, "%s", _("A withdrawn hand-off is not reviewed."));
		return;
	}
	c = xcalloc(1, sizeof(*c));
	c->h = h;
	c->kind = sub->kind;
	c->subject = xstrdup(sub->subject);
	c->role = xstrdup(sub->role->id);
	opts[0] = review_state_label(REVIEW_ACCEPTABLE);
	opts[1] = review_state_label(REVIEW_TO_CORRECT);
	opts[2] = review_state_label(REVIEW_NOT_REVIEWED);
	text = action_subject_text(t->act, sub->kind, sub->subject);
	title = xasprintf(_("Review by %s"), text_get(&sub->role->name));
	memset(&d, 0, sizeof(d));
	d.kind = DLG_PICK;
	d.title = title;
	d.prompt = text;
	d.options = opts;
	d.noptions = 3;
	d.selected = sub->current && sub->current->state == REVIEW_TO_CORRECT ? 1 :
	    sub->current && sub->current->state == REVIEW_NOT_REVIEWED ? 2 : 0;
	d.submit = state_submit;
	d.done = review_done;
	d.arg = c;
	tui_dialog_open(t, &d);
	free(title);
	free(text);
}

static bool
signoff_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct review_ctx *c = arg;
	const struct role *r = content_role(t->content, c->role);
	char *cause = NULL;

	if (action_signoff(t->act, c->h->project, c->role, c->withdraw ? NULL : text, c->withdraw,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	tui_info(t, c->withdraw ? _("%s's sign-off is withdrawn.") : _("%s signed off the project."),
	    text_get(&r->name));
	review_saved(t, c->h);
	return true;
}

/* Signs off the role of the selected row, asking the name; or, when it
 * has signed, asks whether to withdraw it. */
static void
signoff_row(struct tui *t, struct handoffs *h, const struct row *r)
{
	const struct review_role *rr;
	struct review_ctx *c;
	struct tui_dialog d;
	char *prompt;

	if (r->kind == ROW_HANDOFF) {
		const struct handoff_rule *hr = content_handoff(t->content, row_handoff(h, r)->rule);

		rr = hr ? review_role_of(h->board, hr->role) : NULL;
	} else {
		rr = &h->board->roles[r->item];
	}
	if (rr == NULL) {
		tui_error(t, "%s", _("This role has nothing to review in the project."));
		return;
	}
	c = xcalloc(1, sizeof(*c));
	c->h = h;
	c->role = xstrdup(rr->role->id);
	c->withdraw = rr->status == RS_SIGNED;
	memset(&d, 0, sizeof(d));
	if (c->withdraw) {
		prompt = xasprintf(_("Withdraw %s's sign-off, by %s?"), text_get(&rr->role->name),
		    rr->signoff->name);
		d.kind = DLG_CONFIRM;
	} else {
		prompt = xasprintf(_("Sign off everything %s reviews in the project, in the name of:"),
		    text_get(&rr->role->name));
		d.kind = DLG_LINE;
		d.initial = t->act->user;
		d.maxlen = 200;
	}
	d.title = _("Sign-off");
	d.prompt = prompt;
	d.submit = signoff_submit;
	d.done = review_done;
	d.arg = c;
	tui_dialog_open(t, &d);
	free(prompt);
}

static bool
handoffs_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct handoffs *h = state;
	const struct row *r = tui_list_has_selection(&h->list) ? &h->rows[h->list.sel] : NULL;

	if (tui_list_move(&h->list, req))
		return true;
	if (req == REQ_IMPORT) {
		tui_import(t, r != NULL ? h->projs[r->proj].id : h->project);
		return true;
	}
	if (r == NULL)
		return false;
	switch (req) {
	case REQ_ENTER:
		open_journey(t, h, r);
		return true;
	case REQ_STATE_RAISED:
	case REQ_STATE_SENT:
	case REQ_STATE_ANSWERED:
	case REQ_STATE_CLOSED:
		if (r->kind != ROW_HANDOFF)
			return false;
		move_state(t, h, r, req == REQ_STATE_RAISED ? HANDOFF_RAISED :
		    req == REQ_STATE_SENT ? HANDOFF_SENT :
		    req == REQ_STATE_ANSWERED ? HANDOFF_ANSWERED : HANDOFF_CLOSED);
		return true;
	case REQ_REVIEW:
	case REQ_SIGNOFF:
		if (h->board == NULL || (r->kind != ROW_HANDOFF && r->kind != ROW_SECTION &&
		    r->kind != ROW_SIGNOFF))
			return false;
		if (req == REQ_SIGNOFF)
			signoff_row(t, h, r);
		else if (r->kind != ROW_SIGNOFF)
			review_row(t, h, r);
		else
			return false;
		return true;
	case REQ_DUE:
	case REQ_NOTE:
		if (r->kind != ROW_HANDOFF)
			return false;
		edit_handoff(t, h, r, req == REQ_DUE);
		return true;
	case REQ_EXPORT: {
		struct tui_export_arg ea = { h->projs[r->proj].id, "handoff" };

		tui_open(t, TUI_EXPORT, &ea);
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
	{ REQ_STATE_RAISED, { 'R' }, NULL, N_("raise the hand-off again: back to raised, with a reason") },
	{ REQ_DUE, { 'd' }, NULL, N_("set or remove the hand-off's due date") },
	{ REQ_NOTE, { 'n' }, NULL, N_("add a note to the hand-off's history") },
	{ REQ_IMPORT, { 'i' }, N_("Import"), N_("import the answers to a hand-off packet") },
	{ REQ_REVIEW, { 'r' }, NULL, N_("review a hand-off's answers or a role's part of a checklist section") },
	{ REQ_SIGNOFF, { 'S' }, NULL, N_("sign off everything the role reviews (or withdraw it)") },
	{ REQ_EXPORT, { 'P' }, NULL, N_("export the hand-off packet") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_handoffs_ops = {
	.kind = TUI_HANDOFFS,
	.name = "handoffs",
	.title = N_("Hand-offs"),
	.keys = handoffs_keys,
	.open = handoffs_open,
	.draw = handoffs_draw,
	.key = handoffs_key,
	.reload = handoffs_reload,
	.close = handoffs_close,
};
