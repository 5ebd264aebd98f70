/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports: one walk over the model that lays out the document Markdown
 * and HTML both render, through their table of operations. */
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/calendar.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/expr.h"
#include "airejse/legal.h"
#include "airejse/export-render.h"
#include "airejse/review.h"
#include "airejse/settings.h"
#include "airejse/strbuf.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

struct walk {
	const struct export_data	*d;
	const struct export_opts	*o;
	const struct doc_ops		*ops;
	void				*w;
	enum lang			 lang;
};

static void
fact_owned(struct walk *k, const char *label, char *value)
{
	if (value != NULL)
		k->ops->fact(k->w, label, value);
	free(value);
}

/* "Kliniker (Anne Hansen)" or just the role's name. */
static char *
owner_text(const struct role *r, const char *contact, enum lang lang)
{
	if (r == NULL)
		return contact ? xstrdup(contact) : NULL;
	if (contact != NULL)
		return xasprintf("%s (%s)", text_in(&r->name, lang), contact);
	return xstrdup(text_in(&r->name, lang));
}

/* Each fact of f, in one block. */
static void
facts_block(struct walk *k, const struct xfacts *f)
{
	size_t i;

	if (f->n == 0)
		return;
	k->ops->facts_begin(k->w);
	for (i = 0; i < f->n; i++)
		k->ops->fact(k->w, f->v[i].label, f->v[i].value);
	k->ops->facts_end(k->w);
}

/* The cover: what the file is of, when and by whom it was made, the
 * legal footing; then the counts by state and what the states mean,
 * so the first page says where the project stands. */
static void
cover_part(struct walk *k)
{
	struct xfacts f;

	xcover(k->d, k->lang, &f);
	facts_block(k, &f);
	xfacts_free(&f);
	xcounts(k->d, k->o, &f);
	if (f.n > 0) {
		k->ops->heading(k->w, 2, _("Where it stands"));
		facts_block(k, &f);
	}
	xfacts_free(&f);
	xlegend(k->o, &f);
	if (f.n > 0) {
		k->ops->heading(k->w, 2, _("What the states mean"));
		facts_block(k, &f);
	}
	xfacts_free(&f);
}

static void
item_entry(struct walk *k, const struct xitem *x, enum clayout layout)
{
	size_t i;

	if (layout == CLAYOUT_DOCUMENT) {
		if (x->state == ITEM_NA)
			return;
		k->ops->entry_begin(k->w, -1, text_in(&x->item->title, k->lang));
	} else {
		k->ops->entry_begin(k->w, (int)x->state, text_in(&x->item->title, k->lang));
	}
	for (i = 0; i < x->nanswers; i++) {
		char *t = xanswer_text(&x->answers[i], k->lang);

		k->ops->answer(k->w, text_in(&x->answers[i].q->prompt, k->lang), t);
		free(t);
	}
	if (layout == CLAYOUT_TABLE) {
		/* L10N: what an item lacks to be done, or why it does not apply. */
		fact_owned(k, x->state == ITEM_NA ? _("Why") : _("What is missing"),
		    xitem_reason(k->d, x, k->lang));
		fact_owned(k, _("Step"), xstep_text(x->step, k->lang));
		fact_owned(k, _("Group"), step_group_text(x->step, k->lang));
		fact_owned(k, _("Owner"), owner_text(x->owner, x->contact, k->lang));
		fact_owned(k, _("Legal basis"), xitem_legal_text(x));
		/* A "not met" reason says what it takes already. */
		if (x->item->help.s[LANG_DA] != NULL && item_state_pending(x->state) &&
		    x->state != ITEM_NOT_MET)
			k->ops->fact(k->w, _("What it takes"), text_in(&x->item->help, k->lang));
		fact_owned(k, _("Notes"), xitem_notes(k->d, x, k->lang));
	} else {
		/* A document marks a missing answer where it would stand. */
		fact_owned(k, _("Notes"), x->state == ITEM_OPEN ? xitem_notes(k->d, x, k->lang) :
		    xitem_remarks(k->d, x, k->lang));
	}
	k->ops->entry_end(k->w);
}

/* True if e compares something with the setting. */
static bool
uses_setting(const struct expr *e, int setting)
{
	if (e == NULL)
		return false;
	if ((e->a.kind == OPD_SETTING && e->a.setting == setting) ||
	    (e->b.kind == OPD_SETTING && e->b.setting == setting))
		return true;
	return uses_setting(e->l, setting) || uses_setting(e->r, setting);
}

/* The tender threshold, when the checklist's conditions weigh an amount
 * against it: the reader sees what "above the threshold" means, and
 * where the figure comes from (the EU's for the period, or the region's
 * own). */
static char *
threshold_text(const struct export_data *d, const struct checklist *cl, enum lang lang)
{
	size_t i, j;

	for (i = 0; i < cl->nitems; i++) {
		const struct citem *it = checklist_item_at(cl, i);
		bool uses = uses_setting(it->when.expr, SETTING_TENDER_THRESHOLD) ||
		    uses_setting(it->done.expr, SETTING_TENDER_THRESHOLD) ||
		    uses_setting(it->blocked.expr, SETTING_TENDER_THRESHOLD);

		for (j = 0; j < it->nnotes && !uses; j++)
			uses = uses_setting(it->notes[j].when.expr, SETTING_TENDER_THRESHOLD);
		if (uses)
			return xthreshold_text(d, lang);
	}
	return NULL;
}

/* Who signs the checklist off: each role that owns a part of it, with
 * its sign-off and the review of each of its parts. */
static void
signoff_part(struct walk *k, const struct checklist *cl, int level)
{
	const struct review_board *b = k->d->board;
	size_t i, j, n = 0;

	k->ops->heading(k->w, level, _("Sign-off"));
	for (i = 0; b != NULL && i < b->nroles; i++) {
		const struct review_role *rr = &b->roles[i];

		if (!xsignoff_of(rr, cl))
			continue;
		n++;
		k->ops->entry_begin(k->w, -1, text_in(&rr->role->name, k->lang));
		fact_owned(k, _("Sign-off"), xsignoff_text(rr, k->d->snap->progress, k->lang));
		for (j = 0; j < rr->nsubjects; j++)
			if (rr->subjects[j].checklist == cl)
				fact_owned(k, text_in(&rr->subjects[j].section->title, k->lang),
				    xsubject_text(&rr->subjects[j], k->lang));
		k->ops->entry_end(k->w);
	}
	if (n == 0)
		k->ops->para(k->w, _("No role owns an item of this checklist that applies, so there is nothing to sign off."));
}

/* The oldest check of the checklist's legal dates, and how many of them
 * were not checked against the legal text: the reader sees how fresh the
 * law behind the checklist is. */
static char *
checked_text(const struct checklist *cl, enum lang lang)
{
	const char *oldest = cl->dates[0]->checked;
	size_t i, nsec = 0;
	char *when, *r;

	for (i = 0; i < cl->ndates; i++) {
		const struct legal_date *dt = cl->dates[i];

		if (strcmp(dt->checked, oldest) < 0)
			oldest = dt->checked;
		nsec += strcmp(legal_source_kind(dt->source_kind, dt->source), "legal") != 0;
	}
	when = xdate_text(oldest, lang);
	if (nsec == 0)
		return when;
	r = xasprintf(P_("%s (%zu not checked against the legal text)",
	    "%s (%zu not checked against the legal text)", nsec), when, nsec);
	free(when);
	return r;
}

/* A table through the renderer, or as an entry per row where it has
 * none. */
static void
doc_table(struct walk *k, const char *const *cells, size_t ncols, size_t nrows)
{
	size_t r, c;

	if (k->ops->table != NULL) {
		k->ops->table(k->w, cells, ncols, nrows);
		return;
	}
	for (r = 1; r < nrows; r++) {
		k->ops->entry_begin(k->w, -1, cells[r * ncols]);
		for (c = 1; c < ncols; c++)
			k->ops->fact(k->w, cells[c], cells[r * ncols + c]);
		k->ops->entry_end(k->w);
	}
}

/* The answer to q among the checklist's, for people, or NULL. */
static char *
biz_answer(const struct xchecklist *xc, const struct question *q, enum lang lang)
{
	size_t i, j;

	for (i = 0; q != NULL && i < xc->checklist->nitems; i++)
		for (j = 0; j < xc->items[i].nanswers; j++)
			if (xc->items[i].answers[j].q == q)
				return xanswer_text(&xc->items[i].answers[j], lang);
	return NULL;
}

/* An amount, or a dash where it cannot be worked out. */
static char *
biz_amount(bool known, int64_t v, enum lang lang)
{
	return known ? value_format_amount(v, lang) : xstrdup("–");
}

static void
biz_fact_amount(struct walk *k, char *label, bool known, int64_t v)
{
	fact_owned(k, label, known ? value_format_amount(v, k->lang) :
	    xstrdup(_("cannot be worked out yet: an answer it needs is missing (below)")));
	free(label);
}

/* The table by year: years 0 to the horizon and the totals. */
static void
biz_years(struct walk *k, const struct bizcase_calc *kc)
{
	size_t nrows = (size_t)kc->years + 3, r, c;
	char **cells = xcalloc(nrows * XBIZ__COLS, sizeof(*cells));

	for (c = 0; c < XBIZ__COLS; c++)
		cells[c] = xstrdup(xbiz_col_label((int)c));
	for (r = 1; r < nrows; r++) {
		int t = r + 1 == nrows ? -1 : (int)r - 1;

		for (c = 0; c < XBIZ__COLS; c++) {
			int64_t v;
			bool known = xbiz_cell(kc, t, (int)c, &v);

			if (c == XBIZ_YEAR)
				cells[r * XBIZ__COLS] = t < 0 ? xstrdup(_("Total")) :
				    xasprintf(_("Year %d"), t);
			else
				cells[r * XBIZ__COLS + c] = biz_amount(known, v, k->lang);
		}
	}
	doc_table(k, (const char *const *)cells, XBIZ__COLS, nrows);
	for (r = 0; r < nrows * XBIZ__COLS; r++)
		free(cells[r]);
	free(cells);
}

/* Doing nothing, the proposal and the other way, side by side. */
static void
biz_alternatives(struct walk *k, const struct bizcase *b)
{
	enum { NC = 6 };
	const struct bizcase_calc *rows[3] = { NULL, &b->calc, b->has_alt ? &b->alt : NULL };
	char *cells[4 * NC];
	size_t r, c;
	char *proposal = xasprintf(_("The proposal: %s"), xbiz_route_label(b->route, false));

	cells[0] = xstrdup(_("Alternative"));
	cells[1] = xstrdup(_("Set-up"));
	cells[2] = xstrdup(_("Running cost a year"));
	cells[3] = xstrdup(_("Total cost of ownership"));
	cells[4] = xstrdup(_("Net"));
	cells[5] = xstrdup(_("Net present value"));
	cells[NC] = xstrdup(_("Do nothing"));
	cells[2 * NC] = proposal;
	cells[3 * NC] = xstrdup(xbiz_route_label(b->route, true));
	for (r = 0; r < 3; r++) {
		const struct bizcase_calc *kc = rows[r];

		for (c = 1; c < NC; c++) {
			char **cell = &cells[(r + 1) * NC + c];

			if (r == 0) {
				*cell = value_format_amount(0, k->lang);
				continue;
			}
			if (kc == NULL) {
				*cell = xstrdup("–");
				continue;
			}
			switch (c) {
			case 1:
				*cell = biz_amount(kc->has[BC_SETUP], kc->y[0].v[BC_SETUP], k->lang);
				break;
			case 2:
				*cell = biz_amount(kc->has[BC_RUNNING], kc->y[1].v[BC_RUNNING], k->lang);
				break;
			case 3:
				*cell = biz_amount(kc->has_tco, kc->tco, k->lang);
				break;
			case 4:
				*cell = biz_amount(kc->complete, kc->net, k->lang);
				break;
			default:
				*cell = biz_amount(kc->complete, kc->npv, k->lang);
				break;
			}
		}
	}
	doc_table(k, (const char *const *)cells, NC, 4);
	for (r = 0; r < 4 * NC; r++)
		free(cells[r]);
	k->ops->para(k->w, _("Doing nothing costs nothing and gains nothing: the task goes on taking the time it takes today. The other way shares the proposal's staff time and benefit; only its set-up and running cost are its own."));
	if (!b->has_alt && !b->alt_asked) {
		k->ops->para(k->w, _("The other way is not worked out: the project's tracks do not ask what it would cost."));
	} else if (!b->has_alt) {
		char *gaps = xbiz_gaps_text(b->alt_gaps, b->nalt_gaps, k->lang);
		char *t = xasprintf(_("The other way is not worked out: %s."), gaps);

		k->ops->para(k->w, t);
		free(t);
		free(gaps);
	}
}

/* The business case in figures: a summary a manager reads first, the
 * table by year, where each figure comes from, the alternatives. */
static void
bizcase_part(struct walk *k, const struct xchecklist *xc, int level)
{
	const struct settings *s = k->d->settings;
	const struct bizcase_calc *kc;
	struct bizcase b;
	char *gaps, *pct;
	int c, n;

	bizcase_make(k->d->snap->progress, s, &b);
	kc = &b.calc;
	n = kc->years;
	k->ops->heading(k->w, level, _("Summary"));
	k->ops->facts_begin(k->w);
	fact_owned(k, _("The decision asked for"), biz_answer(xc, b.decision_q, k->lang));
	k->ops->fact(k->w, _("The proposal"), xbiz_route_label(b.route, false));
	biz_fact_amount(k, xasprintf(P_("Total cost of ownership over %d year",
	    "Total cost of ownership over %d years", n), n), kc->has_tco, kc->tco);
	biz_fact_amount(k, xasprintf(P_("Benefit over %d year", "Benefit over %d years", n), n),
	    kc->has[BC_BENEFIT], kc->total[BC_BENEFIT]);
	biz_fact_amount(k, xasprintf(P_("Net over %d year", "Net over %d years", n), n),
	    kc->complete, kc->net);
	pct = xbiz_percent(b.in.discount_bp, k->lang);
	biz_fact_amount(k, xasprintf(_("Net present value at %s a year"), pct), kc->complete,
	    kc->npv);
	free(pct);
	fact_owned(k, _("Paid back"), kc->complete ? xbiz_payback_text(kc, k->lang) :
	    xstrdup(_("cannot be worked out yet: an answer it needs is missing (below)")));
	fact_owned(k, _("Risks"), biz_answer(xc, b.risks_q, k->lang));
	k->ops->facts_end(k->w);
	if ((gaps = xbiz_gaps_text(b.gaps, b.ngaps, k->lang)) != NULL) {
		char *t = xasprintf(_("Missing for the figures: %s."), gaps);

		k->ops->notice(k->w, t);
		free(t);
		free(gaps);
	}
	k->ops->heading(k->w, level, _("Year by year"));
	biz_years(k, kc);
	k->ops->heading(k->w, level, _("Where the figures come from"));
	k->ops->facts_begin(k->w);
	for (c = 0; c < BC__COLS; c++) {
		char *from = xbiz_sources_text(&b, c, s, k->d->snap->progress, k->lang);

		if (from == NULL)
			from = xstrdup(_("(missing)"));
		k->ops->fact(k->w, xbiz_col_label(XBIZ_SETUP + c), from);
		free(from);
	}
	fact_owned(k, _("Horizon, discounting and rounding"), xbiz_basis_text(s, k->lang));
	k->ops->facts_end(k->w);
	k->ops->heading(k->w, level, _("Alternatives"));
	biz_alternatives(k, &b);
	bizcase_free(&b);
}

/* The project's regulatory calendar, the lines of the checklist's legal
 * dates only: what they require of this project, given its answers. */
static void
calendar_part(struct walk *k, const struct checklist *cl, int level)
{
	struct calendar cal;
	size_t i, j, shown = 0;

	calendar_make(k->d->content, k->d->snap->progress, k->d->today, &cal);
	for (i = 0; i < cal.n; i++) {
		const struct cal_line *l = &cal.v[i];
		char *when, *title;

		for (j = 0; j < cl->ndates && strcmp(cl->dates[j]->id, l->fact) != 0; j++)
			;
		if (j == cl->ndates)
			continue;
		if (shown++ == 0)
			k->ops->heading(k->w, level + 1, _("Regulatory calendar for the project"));
		when = xdate_text(l->date, k->lang);
		title = xasprintf("%s: %s", when, l->text);
		k->ops->entry_begin(k->w, -1, title);
		k->ops->fact(k->w, i18n_cgettext("calendar", "Kind"), cal_kind_label(l->kind));
		k->ops->fact(k->w, _("Legal basis"), l->law);
		k->ops->entry_end(k->w);
		free(title);
		free(when);
	}
	calendar_free(&cal);
}

static void
checklist_part(struct walk *k, const struct xchecklist *xc, int level)
{
	const struct checklist *cl = xc->checklist;
	size_t i, j, n = 0;
	char *threshold;

	k->ops->heading(k->w, level, xchecklist_title(k->d, cl, k->lang));
	k->ops->para(k->w, text_in(&cl->summary, k->lang));
	if (xbiz_checklist(cl))
		bizcase_part(k, xc, level + 1);
	/* A table's counts by state are on the cover. */
	else if (cl->layout == CLAYOUT_DOCUMENT &&
	    xc->count[ITEM_DONE] + xc->count[ITEM_NA] < cl->nitems - xc->off_route)
		k->ops->notice(k->w, _("Gaps are marked: fill them in by answering the questions in airejse."));
	threshold = threshold_text(k->d, cl, k->lang);
	if (cl->legal.n > 0 || cl->ndates > 0 || threshold != NULL) {
		k->ops->facts_begin(k->w);
		fact_owned(k, _("Legal basis"), xlegal_text(&cl->legal));
		fact_owned(k, _("Tender threshold"), threshold);
		threshold = NULL;
		for (i = 0; i < cl->ndates; i++) {
			const struct legal_date *dt = cl->dates[i];
			char *when = xdate_text(dt->date, k->lang);
			char *checked = xdate_text(dt->checked, k->lang);

			fact_owned(k, text_in(&dt->title, k->lang),
			    xasprintf(_("%s (%s; checked %s)"), when, dt->law, checked));
			free(when);
			free(checked);
		}
		if (cl->ndates > 0)
			fact_owned(k, _("Legal content last checked"), checked_text(cl, k->lang));
		k->ops->facts_end(k->w);
	}
	free(threshold);
	if (cl->ndates > 0)
		calendar_part(k, cl, level);
	for (i = 0; i < cl->nsections; i++) {
		const struct csection *sec = &cl->sections[i];
		size_t on = 0;

		/* A section wholly on other tracks' routes is left out. */
		for (j = 0; j < sec->nitems; j++)
			on += !xc->items[n + j].off_route;
		if (on == 0) {
			n += sec->nitems;
			continue;
		}
		k->ops->heading(k->w, level + 1, text_in(&sec->title, k->lang));
		if (sec->summary.s[LANG_DA] != NULL)
			k->ops->para(k->w, text_in(&sec->summary, k->lang));
		for (j = 0; j < sec->nitems; j++, n++)
			if (!xc->items[n].off_route)
				item_entry(k, &xc->items[n], cl->layout);
	}
	if (xc->off_route > 0) {
		char *left = xasprintf(ngettext("%zu item is left out: no step of the project's tracks asks for it.",
		    "%zu items are left out: no step of the project's tracks asks for them.", xc->off_route),
		    xc->off_route);

		k->ops->para(k->w, left);
		free(left);
	}
	signoff_part(k, cl, level + 1);
}

/* One hand-off of a packet: why the role is asked, its state (overdue
 * in words), when it is due, whom to contact and the latest note. */
static void
packet_handoff(struct walk *k, const struct xpacket *p, const struct xhandoff *h)
{
	char *title = xhandoff_title(p, h, k->lang);

	/* Numbered for the questions to refer to; the rule's id is for
	 * machines (csv, json), not for the people who read this. */
	k->ops->entry_begin(k->w, -1, title);
	free(title);
	fact_owned(k, _("State"), xhandoff_state_text(k->d, h->handoff));
	if (h->handoff->due != NULL)
		fact_owned(k, _("Due"), xdue_text(h->handoff->due,
		    export_overdue(k->d, h->handoff), k->lang));
	if (h->handoff->contact != NULL)
		k->ops->fact(k->w, _("Contact"), h->handoff->contact);
	if (h->handoff->note != NULL)
		k->ops->fact(k->w, _("Note"), h->handoff->note);
	k->ops->entry_end(k->w);
}

/* One question of a packet, with what it takes and what it has. */
static void
packet_question(struct walk *k, const struct xpacket *p, const struct xpquestion *pq)
{
	char *served = xserved_numbers(p, pq);

	const struct question *q = pq->x.q;

	k->ops->entry_begin(k->w, -1, text_in(&q->prompt, k->lang));
	fact_owned(k, _("Answer as"), xqtype_text(q, k->lang));
	fact_owned(k, _("Choices"), xchoices_text(q, k->lang));
	if (q->help.s[LANG_DA] != NULL)
		k->ops->fact(k->w, _("Help"), text_in(&q->help, k->lang));
	fact_owned(k, _("Legal basis"), xlegal_text(&q->legal));
	fact_owned(k, _("Answer so far"), xcurrent_text(&pq->x, k->lang));
	fact_owned(k, ngettext("For hand-off", "For hand-offs", pq->nhandoffs), served);
	k->ops->answer_space(k->w);
	k->ops->entry_end(k->w);
}

/* What role p is asked: its hand-offs, then each question once. */
static void
packet_part(struct walk *k, const struct xpacket *p, int level)
{
	size_t i;

	k->ops->heading(k->w, level, text_in(&p->role->name, k->lang));
	if (p->overdue)
		k->ops->notice(k->w, _("A hand-off in this packet is overdue: please answer as soon as you can."));
	k->ops->heading(k->w, level + 1, _("Why you are asked"));
	for (i = 0; i < p->nhandoffs; i++)
		packet_handoff(k, p, p->handoffs[i]);
	k->ops->heading(k->w, level + 1, _("Questions"));
	if (p->nquestions == 0)
		k->ops->para(k->w, _("None of the hand-offs' questions applies to the project now."));
	for (i = 0; i < p->nquestions; i++)
		packet_question(k, p, &p->questions[i]);
}

static void
handoff_part(struct walk *k, int level)
{
	const struct export_data *d = k->d;
	const struct packet *pk = d->content->packet;
	const struct role *only = k->o->role;
	size_t i, n = 0;

	k->ops->heading(k->w, level, pk ? text_in(&pk->title, k->lang) : _("Hand-off packet"));
	if (pk != NULL)
		k->ops->para(k->w, text_in(&pk->intro, k->lang));
	if (d->ncontext > 0) {
		k->ops->heading(k->w, level + 1, _("The project"));
		k->ops->entry_begin(k->w, -1, d->snap->project->name);
		for (i = 0; i < d->ncontext; i++) {
			char *t = xanswer_text(&d->context[i], k->lang);

			k->ops->answer(k->w, text_in(&d->context[i].q->prompt, k->lang), t);
			free(t);
		}
		k->ops->entry_end(k->w);
	}
	for (i = 0; i < d->npackets; i++) {
		if (only != NULL && d->packets[i].role != only)
			continue;
		packet_part(k, &d->packets[i], level + 1);
		n++;
	}
	if (n == 0 && only != NULL) {
		char *none = xasprintf(_("There are no open hand-offs to %s in this project."),
		    text_in(&only->name, k->lang));

		k->ops->para(k->w, none);
		free(none);
	} else if (n == 0) {
		k->ops->para(k->w, _("There are no open hand-offs."));
	}
}

/* The title of an action plan line and where it comes from. */
static void
action_texts(const struct export_data *d, const struct xaction *a, enum lang lang,
    const char **title, const char **from, int *state)
{
	if (a->item != NULL) {
		*title = text_in(&a->item->item->title, lang);
		*from = xchecklist_title(d, a->item->item->checklist, lang);
		*state = (int)a->item->state;
	} else {
		*title = text_in(&a->handoff->rule->reason, lang);
		*from = NULL;
		*state = -1;
	}
}

static void
action_part(struct walk *k, int level)
{
	const struct export_data *d = k->d;
	size_t i;

	k->ops->heading(k->w, level, _("Action plan"));
	k->ops->para(k->w, _("Every checklist item that is not done and every open hand-off: dated ones first, then in the order of the journey."));
	if (d->nactions == 0)
		k->ops->para(k->w, _("Nothing is open."));
	for (i = 0; i < d->nactions; i++) {
		const struct xaction *a = &d->actions[i];
		const char *title, *from;
		int state;

		action_texts(k->d, a, k->lang, &title, &from, &state);
		k->ops->entry_begin(k->w, state, title);
		if (from != NULL)
			k->ops->fact(k->w, _("Checklist"), from);
		else {
			char *st = xhandoff_state_text(d, a->handoff->handoff);

			fact_owned(k, _("Hand-off"), xasprintf("%s (%s)",
			    text_in(&a->handoff->role->name, k->lang), st));
			free(st);
		}
		fact_owned(k, _("Step"), xstep_text(a->step, k->lang));
		fact_owned(k, _("Group"), step_group_text(a->step, k->lang));
		fact_owned(k, _("Owner"), owner_text(a->owner, a->contact, k->lang));
		if (a->due != NULL)
			fact_owned(k, _("Due"), xdue_text(a->due, a->overdue, k->lang));
		if (a->item != NULL)
			fact_owned(k, _("Notes"), xitem_remarks(d, a->item, k->lang));
		k->ops->entry_end(k->w);
	}
}

void
export_doc(const struct export_data *d, const struct export_opts *o,
    const struct doc_ops *ops, void *w)
{
	struct walk k = { d, o, ops, w, o->lang };
	const char *part;
	char *title;
	size_t i;

	switch (o->what.part) {
	case EXPORT_CHECKLIST:
		part = xchecklist_title(d, o->what.checklist, o->lang);
		break;
	case EXPORT_HANDOFF:
		part = d->content->packet ? text_in(&d->content->packet->title, o->lang) :
		    _("Hand-off packet");
		break;
	case EXPORT_ACTION_PLAN:
		part = _("Action plan");
		break;
	default:
		part = NULL;
		break;
	}
	title = part ? xasprintf("%s – %s", part, d->snap->project->name) :
	    xstrdup(d->snap->project->name);
	ops->begin(w, title, o->lang);
	ops->heading(w, 1, title);
	free(title);
	cover_part(&k);
	switch (o->what.part) {
	case EXPORT_CHECKLIST:
		for (i = 0; i < d->nchecklists; i++)
			if (d->checklists[i].checklist == o->what.checklist)
				checklist_part(&k, &d->checklists[i], 2);
		break;
	case EXPORT_HANDOFF:
		handoff_part(&k, 2);
		break;
	case EXPORT_ACTION_PLAN:
		action_part(&k, 2);
		break;
	default:
		action_part(&k, 2);
		for (i = 0; i < d->nchecklists; i++)
			checklist_part(&k, &d->checklists[i], 2);
		handoff_part(&k, 2);
		break;
	}
	ops->end(w);
}
