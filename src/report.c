/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdlib.h>
#include <string.h>

#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/handoff.h"
#include "airejse/progress.h"
#include "airejse/report.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

json_t *
report_text(const char *s)
{
	json_t *j;
	char *shown;

	if (s == NULL)
		return json_null();
	if ((j = json_string(s)) != NULL)
		return j;
	/* Not UTF-8 (a damaged database, or one another program wrote):
	 * jansson makes no string of it, and json_object_set_new would drop
	 * the key without a word. Shown as every other output shows it. */
	shown = ctrl_visible(s);
	j = json_string(shown);
	free(shown);
	return j ? j : json_null();
}

static json_t *
str_or_null(const char *s)
{
	return report_text(s);
}

json_t *
report_strlist(const struct strlist *l)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

json_t *
report_time(int64_t t)
{
	char buf[21];

	clock_iso(t, buf);
	return json_string(buf);
}

json_t *
report_review(const struct review *r)
{
	json_t *o;

	if (r == NULL)
		return json_null();
	o = json_object();
	json_object_set_new(o, "state", json_string(review_state_name(r->state)));
	json_object_set_new(o, "comment", r->comment ? report_text(r->comment) : json_null());
	json_object_set_new(o, "name", r->name ? report_text(r->name) : json_null());
	json_object_set_new(o, "time", report_time(r->time));
	json_object_set_new(o, "user", report_text(r->user));
	json_object_set_new(o, "source", json_string(source_name(r->source)));
	return o;
}

json_t *
report_answer(const struct question *q, const struct answer *a)
{
	json_t *o = json_object();
	enum answer_kind kind = a ? a->kind : ANSWER_NONE;
	char *text = value_answer_text(q, kind, a ? a->value : NULL);

	json_object_set_new(o, "kind", json_string(answer_kind_name(kind)));
	json_object_set_new(o, "value", str_or_null(kind == ANSWER_VALUE ? a->value : NULL));
	json_object_set_new(o, "text", kind == ANSWER_NONE ? json_null() : report_text(text));
	json_object_set_new(o, "revision", json_integer(a ? a->revision : 0));
	if (a != NULL && a->revision > 0) {
		json_object_set_new(o, "time", report_time(a->time));
		json_object_set_new(o, "user", str_or_null(a->user));
		json_object_set_new(o, "source", json_string(source_name(a->source)));
	}
	free(text);
	return o;
}

json_t *
report_step(const struct step_progress *sp)
{
	const struct step *st = sp->step;
	json_t *o = json_object();

	json_object_set_new(o, "track", json_string(st->track->id));
	json_object_set_new(o, "phase", json_string(st->phase->id));
	json_object_set_new(o, "step", json_string(st->id));
	json_object_set_new(o, "title", json_string(text_get(&st->title)));
	json_object_set_new(o, "owner", json_string(st->owner->id));
	json_object_set_new(o, "status", json_string(step_status_name(sp->status)));
	json_object_set_new(o, "questions", json_integer((json_int_t)sp->nquestions));
	json_object_set_new(o, "answered", json_integer((json_int_t)sp->nanswered));
	json_object_set_new(o, "dontknow", json_integer((json_int_t)sp->ndontknow));
	json_object_set_new(o, "waits_for", sp->waits_for ? json_string(sp->waits_for->id) : json_null());
	json_object_set_new(o, "waits_until", sp->waits_requires ?
	    json_string(step_requires_text(st)) : json_null());
	json_object_set_new(o, "handoff", sp->handoff ? report_text(sp->handoff->rule) : json_null());
	return o;
}

json_t *
report_handoff(const struct content *c, const struct progress *pr,
    const struct handoff *h, const struct project *p, const char *today)
{
	const struct handoff_rule *r = content_handoff(c, h->rule);
	const struct role *role = content_role(c, h->role);
	json_t *o = json_object(), *qs = json_array();
	size_t i;

	json_object_set_new(o, "project", json_integer(h->project));
	json_object_set_new(o, "project_name", str_or_null(p ? p->name : NULL));
	json_object_set_new(o, "id", report_text(h->rule));
	json_object_set_new(o, "role", report_text(h->role));
	json_object_set_new(o, "role_name", role ? json_string(text_get(&role->name)) : json_null());
	json_object_set_new(o, "state", json_string(handoff_state_name(h->state)));
	json_object_set_new(o, "due", str_or_null(h->due));
	json_object_set_new(o, "overdue", json_boolean(handoff_overdue(h, today)));
	json_object_set_new(o, "contact", str_or_null(h->contact));
	json_object_set_new(o, "note", str_or_null(h->note));
	json_object_set_new(o, "reason", r ? json_string(text_get(&r->reason)) : json_null());
	for (i = 0; r != NULL && i < r->nquestions; i++) {
		const struct question *q = r->questions[i];
		json_t *jq = json_object();

		json_object_set_new(jq, "id", json_string(q->id));
		json_object_set_new(jq, "title", json_string(text_get(&q->prompt)));
		if (pr != NULL) {
			json_object_set_new(jq, "applies", json_boolean(progress_applies(pr, q)));
			json_object_set_new(jq, "answer", report_answer(q, progress_stored(pr, q)));
		}
		json_array_append_new(qs, jq);
	}
	json_object_set_new(o, "questions", qs);
	json_object_set_new(o, "raised", report_time(h->raised));
	json_object_set_new(o, "changed", report_time(h->changed));
	return o;
}

json_t *
report_project_summary(const struct content *c, const struct project *p,
    const struct progress_brief *b)
{
	json_t *o = json_object(), *tracks = json_array();
	size_t i;

	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "name", report_text(p->name));
	for (i = 0; i < p->ntracks; i++) {
		const struct track *t = content_track(c, p->tracks[i]);
		const struct brief_track *tp = t ? progress_brief_track(b, t) : NULL;
		json_t *jt = json_object();

		json_object_set_new(jt, "id", report_text(p->tracks[i]));
		json_object_set_new(jt, "title", t ? json_string(text_get(&t->title)) : json_null());
		json_object_set_new(jt, "done", json_integer(tp ? (json_int_t)tp->done : 0));
		json_object_set_new(jt, "applicable", json_integer(tp ? (json_int_t)tp->applicable : 0));
		json_array_append_new(tracks, jt);
	}
	json_object_set_new(o, "tracks", tracks);
	json_object_set_new(o, "open_handoffs", json_integer((json_int_t)b->nopen_handoffs));
	json_object_set_new(o, "created", report_time(p->created));
	json_object_set_new(o, "changed", report_time(p->changed));
	return o;
}

static json_t *
question_json(const struct progress *pr, const struct question *q, const struct step *st)
{
	json_t *o = json_object();
	json_t *answer = report_answer(q, progress_stored(pr, q));

	json_object_set_new(o, "id", json_string(q->id));
	json_object_set_new(o, "type", json_string(qtype_name(q->type)));
	json_object_set_new(o, "title", json_string(text_get(&q->prompt)));
	json_object_set_new(o, "track", json_string(st->track->id));
	json_object_set_new(o, "step", json_string(st->id));
	/* The revision beside the answer: what a save must --expect. */
	json_object_set(o, "revision", json_object_get(answer, "revision"));
	json_object_del(answer, "revision");
	json_object_set_new(o, "answer", answer);
	return o;
}

json_t *
report_project(const struct content *c, const struct snapshot *s, const char *today)
{
	const struct progress *pr = s->progress;
	struct progress_brief *b = progress_brief_of(pr);
	json_t *o = report_project_summary(c, s->project, b);
	json_t *questions = json_array(), *seen = json_object(), *hs = json_array();
	json_t *tracks = json_object_get(o, "tracks");
	size_t t, i, j, k, idx;

	progress_brief_free(b);
	for (t = 0; t < json_array_size(tracks); t++) {
		json_t *jt = json_array_get(tracks, t), *phases = json_array();
		/* No id when the stored one is not UTF-8 (a damaged file). */
		const char *id = json_string_value(json_object_get(jt, "id"));
		const struct track *tr = id != NULL ? content_track(c, id) : NULL;
		const struct track_progress *tp = tr ? progress_track(pr, tr) : NULL;

		for (i = 0, idx = 0; tp != NULL && i < tr->nphases; i++) {
			json_t *jp = json_object(), *steps = json_array();

			json_object_set_new(jp, "id", json_string(tr->phases[i].id));
			json_object_set_new(jp, "title", json_string(text_get(&tr->phases[i].title)));
			json_object_set_new(jp, "done", json_integer((json_int_t)tp->phases[i].done));
			json_object_set_new(jp, "applicable", json_integer((json_int_t)tp->phases[i].applicable));
			for (j = 0; j < tr->phases[i].nsteps; j++, idx++) {
				const struct step_progress *sp = &tp->steps[idx];

				json_array_append_new(steps, report_step(sp));
				if (sp->status == STEP_NOT_APPLICABLE)
					continue;
				for (k = 0; k < sp->step->nquestions; k++) {
					const struct question *q = sp->step->questions[k];

					if (!progress_applies(pr, q) || json_object_get(seen, q->id))
						continue;
					json_object_set_new(seen, q->id, json_true());
					json_array_append_new(questions, question_json(pr, q, sp->step));
				}
			}
			json_object_set_new(jp, "steps", steps);
			json_array_append_new(phases, jp);
		}
		json_object_set_new(jt, "phases", phases);
		json_object_set_new(jt, "next", tp && tp->next ? json_string(tp->next->step->id) : json_null());
	}
	json_decref(seen);
	json_object_set_new(o, "questions", questions);
	json_object_set_new(o, "kept_answers", json_integer((json_int_t)report_kept_answers(s)));
	for (i = 0; i < s->nhandoffs; i++)
		json_array_append_new(hs, report_handoff(c, pr, &s->handoffs[i], s->project, today));
	json_object_set_new(o, "handoffs", hs);
	json_object_set_new(o, "next", pr->next ? report_step(pr->next) : json_null());
	return o;
}

size_t
report_kept_answers(const struct snapshot *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nanswers; i++) {
		const struct question *q = content_question(s->progress->content, s->answers[i].question);

		if (s->answers[i].kind != ANSWER_NONE && (q == NULL || !progress_applies(s->progress, q)))
			n++;
	}
	return n;
}
