/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports as JSON (jansson): the whole project with its history, its
 * hand-offs and the derived checklists; or, for the hand-off packet, a
 * document the receiving role fills in and sends back (see import.c).
 * The shapes are documented in airejse(1) and carry a schema version. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "config.h"

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/export-render.h"
#include "airejse/legal.h"
#include "airejse/review.h"
#include "airejse/settings.h"
#include "airejse/progress.h"
#include "airejse/report.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

static json_t *
jstr(const char *s)
{
	return report_text(s);
}

/* A string we made ourselves, taken over. */
static json_t *
jstr_owned(char *s)
{
	json_t *j = jstr(s);

	free(s);
	return j;
}

static json_t *
jtime(int64_t t)
{
	char buf[21];

	if (t <= 0)
		return json_null();
	clock_iso(t, buf);
	return json_string(buf);
}

static json_t *
jkind_value(json_t *o, const char *kkey, const char *vkey, enum answer_kind k,
    const char *v)
{
	json_object_set_new(o, kkey, json_string(answer_kind_name(k)));
	json_object_set_new(o, vkey, k == ANSWER_VALUE ? jstr(v) : json_null());
	return o;
}

static json_t *
jheader(const struct export_data *d, const struct export_opts *o, const char *schema)
{
	json_t *root = json_object();

	json_object_set_new(root, "schema", json_string(schema));
	json_object_set_new(root, "schema_version", json_integer(EXPORT_JSON_VERSION));
	json_object_set_new(root, "generator", json_string("airejse"));
	json_object_set_new(root, "exported", jtime(d->now));
	json_object_set_new(root, "language", json_string(lang_code(o->lang)));
	return root;
}

static json_t *
jproject(const struct project *p)
{
	json_t *o = json_object(), *t = json_array();
	size_t i;

	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "name", report_text(p->name));
	for (i = 0; i < p->ntracks; i++)
		json_array_append_new(t, report_text(p->tracks[i]));
	json_object_set_new(o, "tracks", t);
	json_object_set_new(o, "created", jtime(p->created));
	json_object_set_new(o, "changed", jtime(p->changed));
	return o;
}

static json_t *
janswers(const struct export_data *d, enum lang lang)
{
	const struct snapshot *s = d->snap;
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < s->nanswers; i++) {
		const struct answer *an = &s->answers[i];
		const struct question *q = content_question(d->content, an->question);
		json_t *o = json_object();

		json_object_set_new(o, "question", report_text(an->question));
		jkind_value(o, "kind", "value", an->kind, an->value);
		json_object_set_new(o, "text", an->kind == ANSWER_VALUE && q != NULL ?
		    jstr_owned(value_format(q, an->value, lang)) :
		    an->kind == ANSWER_DONTKNOW ? json_string(value_dontknow_text(lang)) : json_null());
		json_object_set_new(o, "applies", json_boolean(q != NULL &&
		    progress_applies(s->progress, q)));
		json_object_set_new(o, "revision", json_integer(an->revision));
		json_object_set_new(o, "time", jtime(an->time));
		json_object_set_new(o, "user", jstr(an->user));
		json_object_set_new(o, "source", json_string(source_name(an->source)));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
jhistory(const struct export_data *d)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < d->nhistory; i++) {
		const struct answer_event *e = &d->history[i];
		json_t *o = json_object();

		json_object_set_new(o, "question", report_text(e->question));
		jkind_value(o, "old_kind", "old_value", e->old_kind, e->old_value);
		jkind_value(o, "new_kind", "new_value", e->new_kind, e->new_value);
		json_object_set_new(o, "revision", json_integer(e->revision));
		json_object_set_new(o, "time", jtime(e->time));
		json_object_set_new(o, "user", jstr(e->user));
		json_object_set_new(o, "source", json_string(source_name(e->source)));
		/* Only an answer given through a hand-off packet has one. */
		if (e->respondent != NULL)
			json_object_set_new(o, "respondent", report_text(e->respondent));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
jhandoffs(const struct export_data *d)
{
	const struct snapshot *s = d->snap;
	json_t *a = json_array();
	size_t i, j;

	for (i = 0; i < s->nhandoffs; i++) {
		const struct handoff *h = &s->handoffs[i];
		json_t *o = json_object(), *hist = json_array();

		json_object_set_new(o, "id", json_integer(h->id));
		json_object_set_new(o, "rule", report_text(h->rule));
		json_object_set_new(o, "role", report_text(h->role));
		json_object_set_new(o, "state", json_string(handoff_state_name(h->state)));
		json_object_set_new(o, "due", jstr(h->due));
		json_object_set_new(o, "contact", jstr(h->contact));
		json_object_set_new(o, "note", jstr(h->note));
		json_object_set_new(o, "raised", jtime(h->raised));
		json_object_set_new(o, "changed", jtime(h->changed));
		for (j = 0; d->hevents != NULL && j < d->nhevents[i]; j++) {
			const struct handoff_event *e = &d->hevents[i][j];
			json_t *eo = json_object();

			json_object_set_new(eo, "old_state", e->old_state < 0 ? json_null() :
			    json_string(handoff_state_name((enum handoff_state)e->old_state)));
			json_object_set_new(eo, "new_state", json_string(handoff_state_name(e->new_state)));
			json_object_set_new(eo, "note", jstr(e->note));
			json_object_set_new(eo, "due", jstr(e->due));
			json_object_set_new(eo, "time", jtime(e->time));
			json_object_set_new(eo, "user", jstr(e->user));
			json_object_set_new(eo, "source", json_string(source_name(e->source)));
			json_array_append_new(hist, eo);
		}
		json_object_set_new(o, "history", hist);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
jxanswer(const struct xanswer *x, enum lang lang)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_string(x->q->id));
	json_object_set_new(o, "applies", json_boolean(x->applies));
	jkind_value(o, "kind", "value", x->kind, x->value);
	json_object_set_new(o, "text", jstr_owned(xanswer_text(x, lang)));
	return o;
}

static json_t *
jstep(const struct step *st)
{
	return st ? jstr_owned(xasprintf("%s/%s", st->track->id, st->id)) : json_null();
}

/* The step, its owner group and whether that group is confirmed (null
 * without a group): the name stays the group's own, for machines. */
static void
jstep_set(json_t *o, const struct step *st)
{
	bool group = st != NULL && st->group != NULL;

	json_object_set_new(o, "step", jstep(st));
	json_object_set_new(o, "group", group ? json_string(st->group->id) : json_null());
	json_object_set_new(o, "group_confirmed", group ? json_boolean(!st->group_assumed) : json_null());
}

/* Who signs the checklist off, and each part they reviewed. */
static json_t *
jsignoff(const struct export_data *d, const struct checklist *cl, enum lang lang)
{
	json_t *a = json_array();
	size_t i, j;

	for (i = 0; d->board != NULL && i < d->board->nroles; i++) {
		const struct review_role *rr = &d->board->roles[i];
		json_t *o, *parts;

		if (!xsignoff_of(rr, cl))
			continue;
		o = json_object();
		parts = json_array();
		json_object_set_new(o, "role", json_string(rr->role->id));
		json_object_set_new(o, "status", json_string(review_status_name(rr->status)));
		json_object_set_new(o, "signoff", report_review(rr->signoff));
		json_object_set_new(o, "changed", rr->changed ? json_string(rr->changed->id) : json_null());
		json_object_set_new(o, "text", jstr_owned(xsignoff_text(rr, d->snap->progress, lang)));
		for (j = 0; j < rr->nsubjects; j++) {
			const struct review_subject *sub = &rr->subjects[j];
			json_t *p;

			if (sub->checklist != cl)
				continue;
			p = json_object();
			json_object_set_new(p, "section", json_string(sub->section->id));
			json_object_set_new(p, "status", json_string(review_status_name(sub->status)));
			json_object_set_new(p, "review", report_review(sub->current));
			json_object_set_new(p, "changed", sub->changed ? json_string(sub->changed->id) :
			    json_null());
			json_array_append_new(parts, p);
		}
		json_object_set_new(o, "sections", parts);
		json_array_append_new(a, o);
	}
	return a;
}

/* An item's state for machines and people: its code, its label, the
 * role it waits on and what is missing (or why it does not apply). */
static json_t *
jstatus(const struct export_data *d, const struct xitem *x, enum lang lang)
{
	json_t *o = json_object();

	json_object_set_new(o, "code", json_string(item_state_name(x->state)));
	json_object_set_new(o, "label", json_string(item_state_label(x->state)));
	json_object_set_new(o, "role", x->waiting_on ? json_string(x->waiting_on->id) :
	    json_null());
	json_object_set_new(o, "role_name", x->waiting_on ?
	    json_string(text_in(&x->waiting_on->name, lang)) : json_null());
	json_object_set_new(o, "handoff", x->handoff ? json_string(x->handoff->rule) : json_null());
	json_object_set_new(o, "unknown", x->unknown ? json_string(x->unknown->id) : json_null());
	json_object_set_new(o, "missing", x->missing ? json_string(x->missing->id) : json_null());
	json_object_set_new(o, "condition", json_boolean(x->by_condition));
	json_object_set_new(o, "text", jstr_owned(xitem_reason(d, x, lang)));
	return o;
}

/* A figure in whole kroner, or null when it cannot be worked out. */
static json_t *
jkroner(bool known, int64_t v)
{
	return known ? json_integer((json_int_t)v) : json_null();
}

static json_t *
jgaps(const struct bizcase_gap *g, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "question", json_string(g[i].id));
		json_object_set_new(o, "kind", json_string(g[i].kind == ANSWER_DONTKNOW ?
		    "dontknow" : "none"));
		json_array_append_new(a, o);
	}
	return a;
}

/* The totals of one alternative (or the proposal). */
static json_t *
jbiz_totals(const struct bizcase_calc *k)
{
	json_t *o = json_object();

	json_object_set_new(o, "setup", jkroner(k->has[BC_SETUP], k->total[BC_SETUP]));
	json_object_set_new(o, "running", jkroner(k->has[BC_RUNNING], k->total[BC_RUNNING]));
	json_object_set_new(o, "staff_time", jkroner(k->has[BC_STAFF], k->total[BC_STAFF]));
	json_object_set_new(o, "benefit", jkroner(k->has[BC_BENEFIT], k->total[BC_BENEFIT]));
	json_object_set_new(o, "total_cost_of_ownership", jkroner(k->has_tco, k->tco));
	json_object_set_new(o, "net", jkroner(k->complete, k->net));
	json_object_set_new(o, "net_present_value", jkroner(k->complete, k->npv));
	json_object_set_new(o, "payback_year", k->complete && k->payback >= 0 ?
	    json_integer(k->payback) : json_null());
	return o;
}

/* The business case in figures (airejse(1) documents the shape). */
static json_t *
jbizcase(const struct export_data *d)
{
	json_t *o = json_object(), *years = json_array(), *from = json_object(), *alts;
	struct bizcase b;
	int t, c;

	bizcase_make(d->snap->progress, d->settings, &b);
	json_object_set_new(o, "route", json_string(b.route == BIZCASE_BUY ? "buy" : "build"));
	json_object_set_new(o, "horizon_years", json_integer(b.calc.years));
	json_object_set_new(o, "discount_rate_percent", json_real(b.in.discount_bp / 100.0));
	json_object_set_new(o, "hourly_rate_staff", json_integer((json_int_t)b.in.staff_rate));
	json_object_set_new(o, "hourly_rate_task", b.task_rate_id >= 0 ?
	    json_integer((json_int_t)b.in.task_rate) : json_null());
	json_object_set_new(o, "measured_saving", json_boolean(b.measured));
	json_object_set_new(o, "complete", json_boolean(b.calc.complete));
	for (t = 0; t <= b.calc.years; t++) {
		json_t *y = json_object();

		for (c = XBIZ_YEAR; c < XBIZ__COLS; c++) {
			int64_t v;
			bool known = xbiz_cell(&b.calc, t, c, &v);

			json_object_set_new(y, xbiz_col_key(c), c == XBIZ_YEAR ?
			    json_integer(t) : jkroner(known, v));
		}
		json_array_append_new(years, y);
	}
	json_object_set_new(o, "years", years);
	json_object_set_new(o, "totals", jbiz_totals(&b.calc));
	for (c = 0; c < BC__COLS; c++) {
		json_t *qs = json_array();
		size_t i;

		for (i = 0; i < b.src[c].n; i++)
			json_array_append_new(qs, json_string(b.src[c].q[i]->id));
		json_object_set_new(from, xbiz_col_key(XBIZ_SETUP + c), qs);
	}
	json_object_set_new(o, "sources", from);
	json_object_set_new(o, "missing", jgaps(b.gaps, b.ngaps));
	alts = json_object();
	json_object_set_new(alts, "other_way", b.has_alt ? jbiz_totals(&b.alt) : json_null());
	json_object_set_new(alts, "other_way_missing", jgaps(b.alt_gaps, b.nalt_gaps));
	json_object_set_new(o, "alternatives", alts);
	bizcase_free(&b);
	return o;
}

static json_t *
jchecklist(const struct export_data *d, const struct xchecklist *xc, enum lang lang)
{
	const struct checklist *cl = xc->checklist;
	json_t *o = json_object(), *counts = json_object(), *items = json_array();
	size_t i, j;
	int s;

	json_object_set_new(o, "id", json_string(cl->id));
	json_object_set_new(o, "title", json_string(xchecklist_title(d, cl, lang)));
	json_object_set_new(o, "layout", json_string(cl->layout == CLAYOUT_DOCUMENT ? "document" : "table"));
	for (s = 0; s < ITEM__STATES; s++)
		json_object_set_new(counts, item_state_name((enum item_state)s),
		    json_integer((json_int_t)xc->count[s]));
	json_object_set_new(o, "counts", counts);
	json_object_set_new(o, "left_out", json_integer((json_int_t)xc->off_route));
	if (xbiz_checklist(cl))
		json_object_set_new(o, "figures", jbizcase(d));
	for (i = 0; i < cl->nitems; i++) {
		const struct xitem *x = &xc->items[i];
		json_t *io, *qs, *notes;

		if (x->off_route)
			continue;
		io = json_object();
		qs = json_array();
		notes = json_array();

		json_object_set_new(io, "id", json_string(x->item->id));
		json_object_set_new(io, "section", json_string(x->item->section->id));
		json_object_set_new(io, "title", json_string(text_in(&x->item->title, lang)));
		json_object_set_new(io, "state", json_string(item_state_name(x->state)));
		jstep_set(io, x->step);
		json_object_set_new(io, "owner", x->owner ? json_string(x->owner->id) : json_null());
		json_object_set_new(io, "contact", jstr(x->contact));
		json_object_set_new(io, "legal", report_strlist(&x->item->legal));
		for (j = 0; j < x->nanswers; j++)
			json_array_append_new(qs, jxanswer(&x->answers[j], lang));
		json_object_set_new(io, "questions", qs);
		for (j = 0; j < x->nnotes; j++)
			json_array_append_new(notes, json_string(text_in(&x->notes[j]->text, lang)));
		json_object_set_new(io, "notes", notes);
		json_object_set_new(io, "status", jstatus(d, x, lang));
		json_array_append_new(items, io);
	}
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "signoff", jsignoff(d, cl, lang));
	return o;
}

static json_t *
jactions(const struct export_data *d, enum lang lang)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < d->nactions; i++) {
		const struct xaction *x = &d->actions[i];
		json_t *o = json_object();

		if (x->item != NULL) {
			json_object_set_new(o, "kind", json_string("item"));
			json_object_set_new(o, "checklist", json_string(x->item->item->checklist->id));
			json_object_set_new(o, "id", json_string(x->item->item->id));
			json_object_set_new(o, "title", json_string(text_in(&x->item->item->title, lang)));
			json_object_set_new(o, "state", json_string(item_state_name(x->item->state)));
		} else {
			json_object_set_new(o, "kind", json_string("handoff"));
			json_object_set_new(o, "checklist", json_null());
			json_object_set_new(o, "id", json_string(x->handoff->rule->id));
			json_object_set_new(o, "title", json_string(text_in(&x->handoff->rule->reason, lang)));
			json_object_set_new(o, "state", json_string(handoff_state_name(x->handoff->handoff->state)));
		}
		jstep_set(o, x->step);
		json_object_set_new(o, "owner", x->owner ? json_string(x->owner->id) : json_null());
		json_object_set_new(o, "contact", jstr(x->contact));
		json_object_set_new(o, "due", jstr(x->due));
		json_object_set_new(o, "overdue", json_boolean(x->overdue));
		json_array_append_new(a, o);
	}
	return a;
}

/* A number bound of q as the content gives it, or null. */
static json_t *
jbound(bool has, double v)
{
	return has ? json_real(v) : json_null();
}

/* A question as the receiving role sees it, with room for the answer. */
static json_t *
jpacket_question(const struct xpquestion *pq, enum lang lang)
{
	const struct question *q = pq->x.q;
	json_t *o = json_object(), *opts = json_array(), *hs = json_array();
	size_t i;

	json_object_set_new(o, "id", json_string(q->id));
	json_object_set_new(o, "type", json_string(qtype_name(q->type)));
	json_object_set_new(o, "unit", json_string(q->unit == QU_PERCENT ? "percent" : "none"));
	json_object_set_new(o, "prompt", json_string(text_in(&q->prompt, lang)));
	json_object_set_new(o, "help", q->help.s[LANG_DA] ? json_string(text_in(&q->help, lang)) :
	    json_null());
	json_object_set_new(o, "legal", report_strlist(&q->legal));
	for (i = 0; i < q->noptions; i++) {
		json_t *op = json_object();

		json_object_set_new(op, "id", json_string(q->options[i].id));
		json_object_set_new(op, "label", json_string(text_in(&q->options[i].label, lang)));
		json_array_append_new(opts, op);
	}
	json_object_set_new(o, "options", opts);
	json_object_set_new(o, "min", jbound(q->has_min, q->min));
	json_object_set_new(o, "max", jbound(q->has_max, q->max));
	json_object_set_new(o, "accepts", jstr_owned(xqtype_text(q, lang)));
	for (i = 0; i < pq->nhandoffs; i++)
		json_array_append_new(hs, json_string(pq->handoffs[i]->rule->id));
	json_object_set_new(o, "handoffs", hs);
	jkind_value(o, "current_kind", "current_value", pq->x.kind, pq->x.value);
	json_object_set_new(o, "current", jstr_owned(xanswer_text(&pq->x, lang)));
	json_object_set_new(o, "revision", json_integer(pq->x.revision));
	json_object_set_new(o, "answer", json_null());
	return o;
}

static json_t *
jpacket_role(const struct export_data *d, const struct xpacket *p, enum lang lang)
{
	json_t *o = json_object(), *hs = json_array(), *qs = json_array();
	char id[EXPORT_PACKET_ID_SIZE];
	size_t i;

	export_packet_id_of(d, p, lang, id);
	json_object_set_new(o, "role", json_string(p->role->id));
	json_object_set_new(o, "role_name", json_string(text_in(&p->role->name, lang)));
	json_object_set_new(o, "packet", json_string(id));
	json_object_set_new(o, "respondent", json_null());
	for (i = 0; i < p->nhandoffs; i++) {
		const struct xhandoff *h = p->handoffs[i];
		json_t *ho = json_object();

		json_object_set_new(ho, "id", json_integer(h->handoff->id));
		json_object_set_new(ho, "rule", json_string(h->rule->id));
		json_object_set_new(ho, "state", json_string(handoff_state_name(h->handoff->state)));
		json_object_set_new(ho, "due", jstr(h->handoff->due));
		json_object_set_new(ho, "overdue", json_boolean(export_overdue(d, h->handoff)));
		json_object_set_new(ho, "contact", jstr(h->handoff->contact));
		json_object_set_new(ho, "note", jstr(h->handoff->note));
		json_object_set_new(ho, "reason", json_string(text_in(&h->rule->reason, lang)));
		json_array_append_new(hs, ho);
	}
	json_object_set_new(o, "handoffs", hs);
	for (i = 0; i < p->nquestions; i++)
		json_array_append_new(qs, jpacket_question(&p->questions[i], lang));
	json_object_set_new(o, "questions", qs);
	return o;
}

/* The cover, as people read it (label and text) and as machines do. */
static json_t *
jcover(const struct export_data *d, const struct export_opts *o)
{
	json_t *c = json_object(), *facts = json_array(), *by = json_object();
	struct xfacts f;
	const char *checked = legal_checked(d->content, d->today, NULL);
	size_t i;

	json_object_set_new(c, "project", json_string(d->snap->project->name));
	json_object_set_new(c, "organisation", d->settings ? jstr(d->settings->organisation) :
	    json_null());
	json_object_set_new(c, "exported", jtime(d->now));
	json_object_set_new(by, "user", jstr(d->user));
	json_object_set_new(by, "account", jstr(d->account));
	json_object_set_new(c, "exported_by", by);
	json_object_set_new(c, "version", json_string(VERSION));
	json_object_set_new(c, "legal_checked", jstr(checked));
	json_object_set_new(c, "threshold", json_integer((json_int_t)legal_threshold(d->content,
	    d->settings, d->today, NULL)));
	xcover(d, o->lang, &f);
	for (i = 0; i < f.n; i++) {
		json_t *fo = json_object();

		json_object_set_new(fo, "label", json_string(f.v[i].label));
		json_object_set_new(fo, "text", json_string(f.v[i].value));
		json_array_append_new(facts, fo);
	}
	xfacts_free(&f);
	json_object_set_new(c, "facts", facts);
	return c;
}

/* What each state code means, in the export's language. */
static json_t *
jstatuses(void)
{
	json_t *a = json_array();
	int s;

	for (s = 0; s < ITEM__STATES; s++) {
		json_t *o = json_object();

		json_object_set_new(o, "code", json_string(item_state_name((enum item_state)s)));
		json_object_set_new(o, "label", json_string(item_state_label((enum item_state)s)));
		json_object_set_new(o, "meaning",
		    json_string(item_state_legend((enum item_state)s)));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
jpacket(const struct export_data *d, const struct export_opts *o)
{
	enum lang lang = o->lang;
	json_t *root = jheader(d, o, EXPORT_PACKET_SCHEMA), *p = json_object();
	json_t *ctx = json_array(), *roles = json_array();
	size_t i;

	json_object_set_new(root, "schema_version", json_integer(EXPORT_PACKET_VERSION));
	json_object_set_new(root, "instructions", json_string(
	    _("Write your name in \"respondent\" and each answer as text in \"answer\" (ja/nej, a number, an amount such as 1.600.000, a date, an option's id or label, or \"ved ikke\"), leave the rest as it is, and send the file back. The project lead reads it with: airejse import FILE")));
	json_object_set_new(p, "id", json_integer(d->snap->project->id));
	json_object_set_new(p, "name", report_text(d->snap->project->name));
	json_object_set_new(root, "project", p);
	json_object_set_new(root, "cover", jcover(d, o));
	for (i = 0; i < d->ncontext; i++) {
		json_t *c = json_object();

		json_object_set_new(c, "question", json_string(d->context[i].q->id));
		json_object_set_new(c, "prompt", json_string(text_in(&d->context[i].q->prompt, lang)));
		json_object_set_new(c, "text", jstr_owned(xanswer_text(&d->context[i], lang)));
		json_array_append_new(ctx, c);
	}
	json_object_set_new(root, "context", ctx);
	for (i = 0; i < d->npackets; i++)
		if (o->role == NULL || d->packets[i].role == o->role)
			json_array_append_new(roles, jpacket_role(d, &d->packets[i], lang));
	json_object_set_new(root, "roles", roles);
	return root;
}

/* Every review and sign-off, oldest first: what an import needs to
 * keep them. */
static json_t *
jreviews(const struct export_data *d)
{
	json_t *a = json_array(), *o;
	size_t i;

	for (i = 0; i < d->nreviews; i++) {
		const struct review *r = &d->reviews[i];

		o = report_review(r);
		json_object_set_new(o, "kind", json_string(review_kind_name(r->kind)));
		json_object_set_new(o, "subject", report_text(r->subject));
		json_object_set_new(o, "role", report_text(r->role));
		json_object_set_new(o, "seen", jstr(r->seen));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
jproject_doc(const struct export_data *d, const struct export_opts *o)
{
	json_t *root = jheader(d, o, EXPORT_PROJECT_SCHEMA), *cls = json_array();
	size_t i;
	bool all = o->what.part == EXPORT_ALL;

	json_object_set_new(root, "what", json_string(export_what_name(&o->what)));
	json_object_set_new(root, "cover", jcover(d, o));
	json_object_set_new(root, "statuses", jstatuses());
	json_object_set_new(root, "project", jproject(d->snap->project));
	json_object_set_new(root, "answers", janswers(d, o->lang));
	json_object_set_new(root, "history", jhistory(d));
	json_object_set_new(root, "handoffs", jhandoffs(d));
	json_object_set_new(root, "reviews", jreviews(d));
	for (i = 0; i < d->nchecklists; i++)
		if (all || d->checklists[i].checklist == o->what.checklist)
			json_array_append_new(cls, jchecklist(d, &d->checklists[i], o->lang));
	json_object_set_new(root, "checklists", cls);
	json_object_set_new(root, "action_plan", all || o->what.part == EXPORT_ACTION_PLAN ?
	    jactions(d, o->lang) : json_array());
	return root;
}

int
export_json(const struct export_data *d, const struct export_opts *o, FILE *out,
    char **cause)
{
	json_t *root = o->what.part == EXPORT_HANDOFF ? jpacket(d, o) : jproject_doc(d, o);
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER), *safe;
	int rc;

	json_decref(root);
	if (s == NULL)
		return EX_IOERR;
	/* The same JSON, safe to print to a terminal (-o -). */
	safe = ctrl_json(s);
	free(s);
	rc = fputs(safe, out);
	free(safe);
	if (rc == EOF || fputc('\n', out) == EOF)
		return EX_IOERR;
	(void)cause;
	return 0;
}
