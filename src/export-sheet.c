/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports: the model as sheets of typed cells, for CSV and xlsx. Every
 * sheet has the same columns, so CSV can put several one after another
 * under one header. */
#include <stdlib.h>
#include <string.h>

#include "airejse/content.h"
#include "airejse/export-render.h"
#include "airejse/review.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

/* L10N: the column headers of CSV and xlsx exports. */
static const char *const columns[XCOL__COUNT] = {
	N_("Section"), N_("Id"), N_("Item"), N_("State"), N_("Question id"),
	N_("Question"), N_("Answer"), N_("Step"), N_("Group"), N_("Owner"),
	N_("Contact"), N_("Due"), N_("Legal basis"), N_("Notes")
};

const char *
export_column(int col)
{
	return col >= 0 && col < XCOL__COUNT ? _(columns[col]) : "";
}

struct sheetb {
	struct xsheet	*s;
	size_t		 cap;
	enum lang	 lang;
};

/* A new row of empty text cells; returns its first cell. */
static struct xcell *
row(struct sheetb *b)
{
	struct xcell *r;
	size_t i;

	xgrow(&b->s->cells, &b->cap, (b->s->nrows + 1) * XCOL__COUNT, sizeof(*b->s->cells));
	r = &b->s->cells[b->s->nrows * XCOL__COUNT];
	memset(r, 0, XCOL__COUNT * sizeof(*r));
	for (i = 0; i < XCOL__COUNT; i++)
		r[i].text = xstrdup("");
	b->s->nrows++;
	return r;
}

/* Sets a text cell (NULL: empty), taking s. */
static void
set_owned(struct xcell *c, char *s)
{
	free(c->text);
	c->text = s ? s : xstrdup("");
}

static void
set(struct xcell *c, const char *s)
{
	set_owned(c, s ? xstrdup(s) : NULL);
}

static void
set_date(struct xcell *c, const char *iso, enum lang lang)
{
	if (iso == NULL)
		return;
	c->type = XC_DATE;
	snprintf(c->date, sizeof(c->date), "%s", iso);
	set_owned(c, xdate_text(iso, lang));
}

/* The answer cell, typed by the question's type. */
static void
set_answer(struct xcell *c, const struct xanswer *x, enum lang lang)
{
	char *t = xanswer_text(x, lang);
	bool approx;

	if (t == NULL) {
		set(c, _("(missing)"));
		return;
	}
	set_owned(c, t);
	if (x->kind != ANSWER_VALUE)
		return;
	switch (x->q->type) {
	case Q_AMOUNT:
	case Q_NUMBER:
		/* "ca. 450" stays text: a bare 450 would drop the "ca.". */
		if (value_number(x->value, &c->num, &approx) && !approx)
			c->type = x->q->type == Q_AMOUNT ? XC_AMOUNT : XC_NUMBER;
		break;
	case Q_DATE:
		c->type = XC_DATE;
		snprintf(c->date, sizeof(c->date), "%s", x->value);
		break;
	default:
		break;
	}
}

static const char *
role_name(const struct role *r, enum lang lang)
{
	return r ? text_in(&r->name, lang) : NULL;
}

static void
item_rows(const struct export_data *d, struct sheetb *b, const struct xitem *x)
{
	enum lang l = b->lang;
	size_t i, n = x->nanswers ? x->nanswers : 1;

	for (i = 0; i < n; i++) {
		struct xcell *r = row(b);

		set(&r[XCOL_SECTION], text_in(&x->item->section->title, l));
		set(&r[XCOL_ID], x->item->id);
		set(&r[XCOL_TITLE], text_in(&x->item->title, l));
		set(&r[XCOL_STATE], item_state_label(x->state));
		if (x->nanswers > 0) {
			set(&r[XCOL_QID], x->answers[i].q->id);
			set(&r[XCOL_QUESTION], text_in(&x->answers[i].q->prompt, l));
			set_answer(&r[XCOL_ANSWER], &x->answers[i], l);
		}
		set_owned(&r[XCOL_STEP], xstep_text(x->step, l));
		set_owned(&r[XCOL_GROUP], step_group_text(x->step, l));
		set(&r[XCOL_OWNER], role_name(x->owner, l));
		set(&r[XCOL_CONTACT], x->contact);
		set_date(&r[XCOL_DUE], x->handoff ? x->handoff->due : NULL, l);
		set_owned(&r[XCOL_LEGAL], xitem_legal_text(x));
		set_owned(&r[XCOL_REMARKS], xitem_remarks(d, x, l));
	}
}

/* The sign-off block: a row per role that owns a part of the checklist,
 * then a row per part it reviews. */
static void
signoff_rows(const struct export_data *d, struct sheetb *b, const struct checklist *cl)
{
	enum lang l = b->lang;
	size_t i, j;

	for (i = 0; d->board != NULL && i < d->board->nroles; i++) {
		const struct review_role *rr = &d->board->roles[i];
		struct xcell *r;

		if (!xsignoff_of(rr, cl))
			continue;
		r = row(b);
		set(&r[XCOL_SECTION], _("Sign-off"));
		set(&r[XCOL_ID], rr->role->id);
		set(&r[XCOL_TITLE], text_in(&rr->role->name, l));
		set(&r[XCOL_STATE], review_status_label(rr->status));
		set(&r[XCOL_OWNER], text_in(&rr->role->name, l));
		set_owned(&r[XCOL_REMARKS], xsignoff_text(rr, d->snap->progress, l));
		for (j = 0; j < rr->nsubjects; j++) {
			const struct review_subject *sub = &rr->subjects[j];

			if (sub->checklist != cl)
				continue;
			r = row(b);
			set(&r[XCOL_SECTION], _("Sign-off"));
			set(&r[XCOL_ID], sub->subject);
			set(&r[XCOL_TITLE], text_in(&sub->section->title, l));
			set(&r[XCOL_STATE], review_status_label(sub->status));
			set(&r[XCOL_OWNER], text_in(&rr->role->name, l));
			set_owned(&r[XCOL_REMARKS], xsubject_text(sub, l));
		}
	}
}

/* A figure of the business case: an amount, or a dash that says it
 * cannot be worked out. */
static struct xcell *
biz_row(struct sheetb *b, const char *section, char *id, char *title, bool known, int64_t v)
{
	struct xcell *r = row(b);

	set(&r[XCOL_SECTION], section);
	set_owned(&r[XCOL_ID], id);
	set_owned(&r[XCOL_TITLE], title);
	if (known) {
		r[XCOL_ANSWER].type = XC_AMOUNT;
		r[XCOL_ANSWER].num = (double)v;
		set_owned(&r[XCOL_ANSWER], value_format_amount(v, b->lang));
	} else {
		set(&r[XCOL_ANSWER], "–");
	}
	return r;
}

/* The business case in figures, before its answers: the totals, then
 * a row per figure and year, each with where it comes from. */
static void
bizcase_rows(const struct export_data *d, struct sheetb *b)
{
	const char *sum = _("Summary"), *years = _("Year by year");
	const struct bizcase_calc *k;
	struct bizcase bc;
	enum lang l = b->lang;
	char *from[XBIZ__COLS] = { NULL }, *pct;
	int t, c;

	bizcase_make(d->snap->progress, d->settings, &bc);
	k = &bc.calc;
	for (c = 0; c < BC__COLS; c++)
		from[XBIZ_SETUP + c] = xbiz_sources_text(&bc, c, d->settings, d->snap->progress, l);
	set_owned(&row(b)[XCOL_REMARKS], xbiz_basis_text(d->settings, l));
	set(&b->s->cells[(b->s->nrows - 1) * XCOL__COUNT + XCOL_SECTION], sum);
	set(&b->s->cells[(b->s->nrows - 1) * XCOL__COUNT + XCOL_TITLE],
	    _("Horizon, discounting and rounding"));
	biz_row(b, sum, xstrdup("tco"), xstrdup(_("Total cost of ownership")), k->has_tco, k->tco);
	biz_row(b, sum, xstrdup("benefit"), xstrdup(_("Benefit")), k->has[BC_BENEFIT],
	    k->total[BC_BENEFIT]);
	biz_row(b, sum, xstrdup("net"), xstrdup(_("Net")), k->complete, k->net);
	pct = xbiz_percent(bc.in.discount_bp, l);
	biz_row(b, sum, xstrdup("npv"), xasprintf(_("Net present value at %s a year"), pct),
	    k->complete, k->npv);
	free(pct);
	{
		struct xcell *r = row(b);

		set(&r[XCOL_SECTION], sum);
		set(&r[XCOL_ID], "payback");
		set(&r[XCOL_TITLE], _("Paid back"));
		set_owned(&r[XCOL_ANSWER], k->complete ? xbiz_payback_text(k, l) : xstrdup("–"));
		r = row(b);
		set(&r[XCOL_SECTION], sum);
		set(&r[XCOL_ID], "missing");
		set(&r[XCOL_TITLE], _("Missing for the figures"));
		set_owned(&r[XCOL_REMARKS], xbiz_gaps_text(bc.gaps, bc.ngaps, l));
	}
	for (t = 0; t <= k->years + 1; t++) {
		int yr = t > k->years ? -1 : t;

		for (c = XBIZ_SETUP; c < XBIZ__COLS; c++) {
			int64_t v;
			bool known = xbiz_cell(k, yr, c, &v);

			if (yr < 0 && c == XBIZ_CUMULATIVE)
				continue;
			set(&biz_row(b, years, yr < 0 ? xasprintf("total/%s", xbiz_col_key(c)) :
			    xasprintf("year-%d/%s", yr, xbiz_col_key(c)),
			    yr < 0 ? xasprintf("%s: %s", _("Total"), xbiz_col_label(c)) :
			    xasprintf(_("Year %d: %s"), yr, xbiz_col_label(c)), known, v)[XCOL_REMARKS],
			    from[c]);
		}
	}
	for (c = 0; c < XBIZ__COLS; c++)
		free(from[c]);
	bizcase_free(&bc);
}

static void
checklist_sheet(const struct export_data *d, struct sheetb *b, const struct xchecklist *xc)
{
	size_t i;

	b->s->name = xstrdup(xchecklist_title(d, xc->checklist, b->lang));
	b->s->key = xstrdup(xc->checklist->id);
	if (xbiz_checklist(xc->checklist))
		bizcase_rows(d, b);
	for (i = 0; i < xc->checklist->nitems; i++)
		if (!xc->items[i].off_route)
			item_rows(d, b, &xc->items[i]);
	signoff_rows(d, b, xc->checklist);
}

/* A role's packet: a row per hand-off, then a row per question. */
static void
packet_rows(const struct export_data *d, struct sheetb *b, const struct xpacket *p)
{
	enum lang l = b->lang;
	size_t i;

	for (i = 0; i < p->nhandoffs; i++) {
		const struct xhandoff *h = p->handoffs[i];
		struct xcell *r = row(b);

		set(&r[XCOL_SECTION], role_name(p->role, l));
		set(&r[XCOL_ID], h->rule->id);
		set(&r[XCOL_TITLE], text_in(&h->rule->reason, l));
		set_owned(&r[XCOL_STATE], xhandoff_state_text(d, h->handoff));
		set(&r[XCOL_OWNER], role_name(h->role, l));
		set(&r[XCOL_CONTACT], h->handoff->contact);
		set_date(&r[XCOL_DUE], h->handoff->due, l);
		set(&r[XCOL_REMARKS], h->handoff->note);
	}
	for (i = 0; i < p->nquestions; i++) {
		const struct xpquestion *pq = &p->questions[i];
		struct xcell *r = row(b);
		char *type = xqtype_text(pq->x.q, l), *choices = xchoices_text(pq->x.q, l);

		set(&r[XCOL_SECTION], role_name(p->role, l));
		set_owned(&r[XCOL_ID], xserved_text(pq));
		set(&r[XCOL_QID], pq->x.q->id);
		set(&r[XCOL_QUESTION], text_in(&pq->x.q->prompt, l));
		set_answer(&r[XCOL_ANSWER], &pq->x, l);
		set(&r[XCOL_OWNER], role_name(p->role, l));
		set_owned(&r[XCOL_LEGAL], xlegal_text(&pq->x.q->legal));
		/* L10N: the notes of a packet question in a sheet: what kind of
		 * answer, the choices, the revision of the answer so far. */
		set_owned(&r[XCOL_REMARKS], choices ?
		    xasprintf(_("%s: %s (revision %lld)"), type, choices,
			(long long)pq->x.revision) :
		    xasprintf(_("%s (revision %lld)"), type,
			(long long)pq->x.revision));
		free(type);
		free(choices);
	}
}

static void
handoff_sheet(const struct export_data *d, const struct export_opts *o, struct sheetb *b)
{
	enum lang l = b->lang;
	size_t i;

	b->s->name = xstrdup(d->content->packet ? text_in(&d->content->packet->title, l) :
	    _("Hand-off packet"));
	b->s->key = xstrdup("handoff");
	for (i = 0; i < d->ncontext; i++) {
		struct xcell *r = row(b);

		set(&r[XCOL_SECTION], _("The project"));
		set(&r[XCOL_QID], d->context[i].q->id);
		set(&r[XCOL_QUESTION], text_in(&d->context[i].q->prompt, l));
		set_answer(&r[XCOL_ANSWER], &d->context[i], l);
	}
	for (i = 0; i < d->npackets; i++)
		if (o->role == NULL || d->packets[i].role == o->role)
			packet_rows(d, b, &d->packets[i]);
}

static void
action_sheet(const struct export_data *d, struct sheetb *b)
{
	enum lang l = b->lang;
	size_t i;

	b->s->name = xstrdup(_("Action plan"));
	b->s->key = xstrdup("action-plan");
	for (i = 0; i < d->nactions; i++) {
		const struct xaction *a = &d->actions[i];
		struct xcell *r = row(b);

		if (a->item != NULL) {
			set(&r[XCOL_SECTION], xchecklist_title(d, a->item->item->checklist, l));
			set(&r[XCOL_ID], a->item->item->id);
			set(&r[XCOL_TITLE], text_in(&a->item->item->title, l));
			set_owned(&r[XCOL_STATE], a->overdue ?
			    xasprintf(_("%s, overdue"), item_state_label(a->item->state)) :
			    xstrdup(item_state_label(a->item->state)));
			set_owned(&r[XCOL_LEGAL], xitem_legal_text(a->item));
			set_owned(&r[XCOL_REMARKS], xitem_remarks(d, a->item, l));
		} else {
			set(&r[XCOL_SECTION], _("Hand-off"));
			set(&r[XCOL_ID], a->handoff->rule->id);
			set(&r[XCOL_TITLE], text_in(&a->handoff->rule->reason, l));
			set_owned(&r[XCOL_STATE], xhandoff_state_text(d, a->handoff->handoff));
		}
		set_owned(&r[XCOL_STEP], xstep_text(a->step, l));
		set_owned(&r[XCOL_GROUP], step_group_text(a->step, l));
		set(&r[XCOL_OWNER], role_name(a->owner, l));
		set(&r[XCOL_CONTACT], a->contact);
		set_date(&r[XCOL_DUE], a->due, l);
	}
}

struct xsheet *
export_sheets(const struct export_data *d, const struct export_opts *o, size_t *n)
{
	struct xsheet *v = xcalloc(d->nchecklists + 2, sizeof(*v));
	size_t k = 0, i;

#define NEXT(b) struct sheetb b = { &v[k++], 0, o->lang }
	switch (o->what.part) {
	case EXPORT_CHECKLIST:
		for (i = 0; i < d->nchecklists; i++) {
			if (d->checklists[i].checklist == o->what.checklist) {
				NEXT(b);
				checklist_sheet(d, &b, &d->checklists[i]);
			}
		}
		break;
	case EXPORT_HANDOFF: {
		NEXT(b);
		handoff_sheet(d, o, &b);
		break;
	}
	case EXPORT_ACTION_PLAN: {
		NEXT(b);
		action_sheet(d, &b);
		break;
	}
	default: {
		NEXT(b);
		action_sheet(d, &b);
		for (i = 0; i < d->nchecklists; i++) {
			NEXT(c);
			checklist_sheet(d, &c, &d->checklists[i]);
		}
		{
			NEXT(h);
			handoff_sheet(d, o, &h);
		}
		break;
	}
	}
#undef NEXT
	*n = k;
	return v;
}

void
export_sheets_free(struct xsheet *v, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < v[i].nrows * XCOL__COUNT; j++)
			free(v[i].cells[j].text);
		free(v[i].cells);
		free(v[i].name);
		free(v[i].key);
	}
	free(v);
}
