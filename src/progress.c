/* SPDX-License-Identifier: EUPL-1.2 */
/* Where a project stands. Applicability is worked out lazily and
 * memoised per question and step: conditions refer to other questions,
 * whose applicability the content guarantees is free of cycles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/progress.h"
#include "airejse/record.h"
#include "airejse/settings.h"
#include "airejse/strbuf.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

enum memo {
	MEMO_UNKNOWN,
	MEMO_BUSY,	/* being worked out: a cycle, which the loader refuses */
	MEMO_YES,
	MEMO_NO
};

struct progress_q {
	const struct answer	*answer;	/* NULL: none, or cleared */
	const struct answer	*stored;	/* NULL: never answered */
	const struct handoff	*handoff;	/* an open hand-off that asks it */
	const struct step	**asked_by;	/* steps of the project's tracks */
	size_t			 nasked_by;
	unsigned char		 applies;	/* enum memo */
};

/* The position of q in the content's sorted question list, or -1. */
static long
qindex(const struct content *c, const char *id)
{
	size_t lo = 0, hi = c->nquestions;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(id, c->questions[mid]->id);

		if (cmp == 0)
			return (long)mid;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* The same for a question of the content: its index, without a search
 * (a question not linked into c is looked up by id). */
static long
qpos(const struct content *c, const struct question *q)
{
	if (q->index < c->nquestions && c->questions[q->index] == q)
		return (long)q->index;
	return qindex(c, q->id);
}

static struct progress_q *
pq(const struct progress *pr, const struct question *q)
{
	long i = qpos(pr->content, q);

	return i < 0 ? NULL : &pr->q[i];
}

static bool question_applies(const struct progress *pr, struct progress_q *x,
    const struct question *q);

/* A memo met half made: the answer read there is not final, so nothing
 * worked out from it may be memoised (see env_answer). The memos live in
 * the progress, which progress_new allocates writable. */
static bool
met_busy(const struct progress *pr)
{
	((struct progress *)pr)->nbusy++;
	return false;
}

/* The answer as stored, if it counts. */
static enum answer_kind
stored_answer(const struct progress *pr, const struct question *q, const char **value)
{
	struct progress_q *x = pq(pr, q);

	if (x == NULL || x->answer == NULL || !question_applies(pr, x, q))
		return ANSWER_NONE;
	if (value != NULL)
		*value = x->answer->value;
	return x->answer->kind;
}

/* The number answered to the question r names, if it counts. */
static bool
number_of(const struct progress *pr, const struct ref *r, double *out)
{
	const struct question *q = content_question(pr->content, r->id);
	const char *v = NULL;

	return q != NULL && stored_answer(pr, q, &v) == ANSWER_VALUE && value_number(v, out, NULL);
}

bool
progress_contract(const struct progress *pr, struct contract_value *cv)
{
	const struct contractmap *m = pr->content->contract;

	memset(cv, 0, sizeof(*cv));
	/* The questions by the content's names (contract:). */
	if (m == NULL)
		return false;
	cv->has_typed = number_of(pr, &m->typed_value, &cv->typed);
	if (number_of(pr, &m->one_off, &cv->once) &&
	    number_of(pr, &m->yearly, &cv->yearly)) {
		if (!number_of(pr, &m->years, &cv->years)) {
			cv->years = 4;
			cv->years_assumed = true;
		}
		cv->worked = cv->once + cv->yearly * cv->years;
		cv->has_worked = true;
	}
	if (!cv->has_typed && !cv->has_worked)
		return false;
	cv->used = !cv->has_worked ? cv->typed : !cv->has_typed ? cv->worked :
	    cv->typed > cv->worked ? cv->typed : cv->worked;
	return true;
}

/* Conditions see the typed contract value (contract: typed_value in the
 * content, kontraktvaerdi) as the larger of the typed and the worked-out
 * value (issue 14): one typed number must not decide alone
 * whether the law requires a tender. Many conditions ask it, so what it
 * stands for is memoised, once it was worked out from final memos only. */
static enum answer_kind
env_answer(void *arg, const struct question *q, const char **value)
{
	struct progress *pr = arg;
	struct contract_value cv;
	struct progress_q *x;
	enum answer_kind k;
	size_t nbusy = pr->nbusy;

	if (pr->content->contract == NULL ||
	    strcmp(q->id, pr->content->contract->typed_value.id) != 0)
		return stored_answer(pr, q, value);
	if (pr->contract_memo == MEMO_YES) {
		if (value != NULL)
			*value = pr->contract_used;
		return ANSWER_VALUE;
	}
	k = stored_answer(pr, q, value);
	if (pr->contract_memo == MEMO_NO)
		return k;
	if ((x = pq(pr, q)) == NULL || !question_applies(pr, x, q) ||
	    !progress_contract(pr, &cv) || !cv.has_worked) {
		if (pr->nbusy == nbusy)
			pr->contract_memo = MEMO_NO;
		return k;
	}
	snprintf(pr->contract_used, sizeof(pr->contract_used), "%.0f", cv.used);
	if (pr->nbusy == nbusy)
		pr->contract_memo = MEMO_YES;
	if (value != NULL)
		*value = pr->contract_used;
	return ANSWER_VALUE;
}

static double
env_setting(void *arg, int id)
{
	const struct progress *pr = arg;

	if (id < 0 || id >= SETTING__COUNT)
		return 0;
	return pr->settings ? pr->settings->value[id] : setting_def((enum setting_id)id)->def;
}

static bool
env_track(void *arg, const char *track)
{
	return progress_has_track(arg, track);
}

bool
progress_holds(const struct progress *pr, const struct cond *c)
{
	struct expr_env env = { env_answer, env_setting, env_track, (void *)pr };

	return c == NULL || c->expr == NULL || expr_eval(c->expr, &env);
}

/* The memo of a step's condition lives in its progress record. */
static struct step_progress *
sp_of(const struct progress *pr, const struct step *st)
{
	size_t i;

	for (i = 0; i < pr->ntracks; i++)
		if (pr->tracks[i].track == st->track)
			return &pr->tracks[i].steps[st->index];
	return NULL;
}

static bool
step_applies(const struct progress *pr, const struct step *st)
{
	struct step_progress *sp = sp_of(pr, st);

	if (sp == NULL)
		return false;
	/* Until summarise() has evaluated every condition, status is the
	 * memo: STEP__COUNT unknown, STEP_BLOCKED being worked out (a cycle,
	 * which the loader refuses), else NOT_STARTED or NOT_APPLICABLE.
	 * Afterwards every status other than NOT_APPLICABLE means it applies. */
	if (sp->status == STEP__COUNT) {
		sp->status = STEP_BLOCKED;
		sp->status = progress_holds(pr, &st->when) ? STEP_NOT_STARTED :
		    STEP_NOT_APPLICABLE;
	} else if (sp->status == STEP_BLOCKED && !pr->evaluated) {
		return met_busy(pr);
	}
	return sp->status != STEP_NOT_APPLICABLE;
}

static bool
question_applies(const struct progress *pr, struct progress_q *x, const struct question *q)
{
	size_t i;
	bool yes = false;

	if (x->applies == MEMO_YES || x->applies == MEMO_NO)
		return x->applies == MEMO_YES;
	if (x->applies == MEMO_BUSY)
		return met_busy(pr);
	x->applies = MEMO_BUSY;
	for (i = 0; i < x->nasked_by && !yes; i++)
		yes = step_applies(pr, x->asked_by[i]);
	yes = yes && progress_holds(pr, &q->when);
	x->applies = yes ? MEMO_YES : MEMO_NO;
	return yes;
}

/* The step an item is shown with: of the steps it names, the first in
 * the project's first track that has one; else the first step of the
 * project's tracks that asks one of its questions. */
const struct step *
progress_item_step(const struct progress *pr, const struct citem *it)
{
	size_t i, t, j, k;

	for (t = 0; t < pr->ntracks; t++)
		for (i = 0; i < it->nsteps; i++)
			if (it->steps[i]->track == pr->tracks[t].track)
				return it->steps[i];
	for (t = 0; t < pr->ntracks; t++) {
		const struct track_progress *tp = &pr->tracks[t];

		for (j = 0; j < tp->track->nsteps; j++)
			for (k = 0; k < it->nquestions; k++)
				for (i = 0; i < tp->steps[j].step->nquestions; i++)
					if (tp->steps[j].step->questions[i] == it->questions[k])
						return tp->steps[j].step;
	}
	return NULL;
}

const struct role *
progress_item_owner(const struct progress *pr, const struct citem *it)
{
	const struct step *st;

	if (it->owner != NULL)
		return it->owner;
	return (st = progress_item_step(pr, it)) != NULL ? st->owner : NULL;
}

bool
progress_has_track(const struct progress *pr, const char *id)
{
	size_t i;

	for (i = 0; pr->project != NULL && i < pr->project->ntracks; i++)
		if (strcmp(pr->project->tracks[i], id) == 0)
			return true;
	return false;
}

/* Lists, for each question, the steps of the project's tracks that ask
 * it, in one block of memory. */
static void
index_steps(struct progress *pr)
{
	const struct content *c = pr->content;
	size_t t, i, k, total = 0;
	const struct step **v;

	for (t = 0; t < pr->ntracks; t++)
		for (i = 0; i < pr->tracks[t].track->nsteps; i++) {
			const struct step *st = track_step_at(pr->tracks[t].track, i);

			for (k = 0; k < st->nquestions; k++) {
				long qi = qpos(c, st->questions[k]);

				if (qi >= 0) {
					pr->q[qi].nasked_by++;
					total++;
				}
			}
		}
	v = pr->asked_by = xreallocarray(NULL, total ? total : 1, sizeof(*v));
	for (i = 0; i < c->nquestions; i++) {
		pr->q[i].asked_by = v;
		v += pr->q[i].nasked_by;
		pr->q[i].nasked_by = 0;
	}
	for (t = 0; t < pr->ntracks; t++)
		for (i = 0; i < pr->tracks[t].track->nsteps; i++) {
			const struct step *st = track_step_at(pr->tracks[t].track, i);

			for (k = 0; k < st->nquestions; k++) {
				long qi = qpos(c, st->questions[k]);

				if (qi >= 0)
					pr->q[qi].asked_by[pr->q[qi].nasked_by++] = st;
			}
		}
}

/* Counts the step's questions and finds an open hand-off on them. */
static void
count_step(struct progress *pr, struct step_progress *sp)
{
	const struct step *st = sp->step;
	size_t k, nopen = 0, nwaiting = 0;

	for (k = 0; k < st->nquestions; k++) {
		const struct question *q = st->questions[k];
		struct progress_q *x = pq(pr, q);
		bool value;

		if (x == NULL || !question_applies(pr, x, q))
			continue;
		sp->nquestions++;
		value = x->answer != NULL && x->answer->kind == ANSWER_VALUE;
		if (value)
			sp->nanswered++;
		else if (x->answer != NULL && x->answer->kind == ANSWER_DONTKNOW)
			sp->ndontknow++;
		if (x->handoff != NULL && sp->handoff == NULL)
			sp->handoff = x->handoff;
		if (!value) {
			nopen++;
			if (x->handoff != NULL)
				nwaiting++;
		}
	}
	/* Blocked only when nothing is left that the owner can answer:
	 * a hand-off that merely asks an answered question, or one of
	 * several open ones, leaves the step in progress. */
	sp->handoff_blocks = nopen > 0 && nwaiting == nopen;
	if (sp->nanswered == sp->nquestions && sp->handoff == NULL)
		sp->status = STEP_DONE;
	else if (sp->nanswered + sp->ndontknow > 0)
		sp->status = STEP_IN_PROGRESS;
	else
		sp->status = STEP_NOT_STARTED;
}

/* Marks a step that is not done blocked, when it must wait: for a step
 * it needs, for its 'requires' to hold, or for a hand-off. */
static void
block_step(struct progress *pr, struct track_progress *tp, struct step_progress *sp)
{
	size_t k;

	if (sp->status == STEP_DONE || sp->status == STEP_NOT_APPLICABLE)
		return;
	for (k = 0; k < sp->step->nneeds && sp->waits_for == NULL; k++) {
		const struct step_progress *need = &tp->steps[sp->step->needs[k]->index];

		if (need->status != STEP_NOT_APPLICABLE && need->status != STEP_DONE)
			sp->waits_for = need->step;
	}
	sp->waits_requires = !progress_holds(pr, &sp->step->requires);
	if (sp->waits_for != NULL || sp->waits_requires || sp->handoff_blocks)
		sp->status = STEP_BLOCKED;
}

static const struct step_progress *
first_next(const struct track_progress *tp, bool blocked_too)
{
	size_t i;

	for (i = 0; i < tp->track->nsteps; i++) {
		const struct step_progress *sp = &tp->steps[i];
		enum step_status s = sp->status;

		/* In progress with every question answered, it only waits
		 * for a hand-off: nothing for the owner to do there now. */
		if (s == STEP_IN_PROGRESS && !blocked_too &&
		    sp->nanswered == sp->nquestions)
			continue;
		if (s == STEP_NOT_STARTED || s == STEP_IN_PROGRESS ||
		    (blocked_too && s == STEP_BLOCKED))
			return &tp->steps[i];
	}
	return NULL;
}

/* Works out every status once applicability is known. */
static void
summarise(struct progress *pr)
{
	size_t t, i, j;

	/* Every condition first, while status is still the memo. */
	for (t = 0; t < pr->ntracks; t++)
		for (i = 0; i < pr->tracks[t].track->nsteps; i++)
			step_applies(pr, pr->tracks[t].steps[i].step);
	for (i = 0; i < pr->content->nquestions; i++)
		question_applies(pr, &pr->q[i], pr->content->questions[i]);
	pr->evaluated = true;
	for (t = 0; t < pr->ntracks; t++) {
		struct track_progress *tp = &pr->tracks[t];

		for (i = 0; i < tp->track->nsteps; i++)
			if (tp->steps[i].status != STEP_NOT_APPLICABLE)
				count_step(pr, &tp->steps[i]);
	}
	/* Needs may point at later steps: block only once all are counted. */
	for (t = 0; t < pr->ntracks; t++) {
		struct track_progress *tp = &pr->tracks[t];
		size_t idx = 0;

		for (i = 0; i < tp->track->nsteps; i++)
			block_step(pr, tp, &tp->steps[i]);
		for (i = 0; i < tp->track->nphases; i++) {
			struct phase_progress *pp = &tp->phases[i];

			pp->phase = &tp->track->phases[i];
			for (j = 0; j < pp->phase->nsteps; j++, idx++) {
				enum step_status s = tp->steps[idx].status;

				if (s == STEP_NOT_APPLICABLE)
					continue;
				pp->applicable++;
				pp->done += s == STEP_DONE;
			}
			tp->applicable += pp->applicable;
			tp->done += pp->done;
		}
		if ((tp->next = first_next(tp, false)) == NULL)
			tp->next = first_next(tp, true);
	}
	for (t = 0; t < pr->ntracks && pr->next == NULL; t++)
		pr->next = first_next(&pr->tracks[t], false);
	for (t = 0; t < pr->ntracks && pr->next == NULL; t++)
		pr->next = pr->tracks[t].next;
}

struct progress *
progress_new(const struct content *c, const struct settings *settings,
    const struct project *p, const struct answer *answers, size_t nanswers,
    const struct handoff *handoffs, size_t nhandoffs)
{
	struct progress *pr = xcalloc(1, sizeof(*pr));
	size_t i, k;

	pr->content = c;
	pr->settings = settings;
	pr->project = p;
	pr->handoffs = handoffs;
	pr->nhandoffs = nhandoffs;
	pr->q = xcalloc(c->nquestions ? c->nquestions : 1, sizeof(*pr->q));
	pr->tracks = xcalloc(p->ntracks ? p->ntracks : 1, sizeof(*pr->tracks));
	for (i = 0; i < p->ntracks; i++) {
		const struct track *t = content_track(c, p->tracks[i]);
		struct track_progress *tp;

		if (t == NULL) {
			pr->nmissing++;
			continue;
		}
		tp = &pr->tracks[pr->ntracks++];
		tp->track = t;
		tp->steps = xcalloc(t->nsteps ? t->nsteps : 1, sizeof(*tp->steps));
		tp->phases = xcalloc(t->nphases ? t->nphases : 1, sizeof(*tp->phases));
		for (k = 0; k < t->nsteps; k++) {
			tp->steps[k].step = track_step_at(t, k);
			tp->steps[k].status = STEP__COUNT;
		}
	}
	for (i = 0; i < nanswers; i++) {
		long qi = qindex(c, answers[i].question);

		if (qi < 0)
			continue;
		pr->q[qi].stored = &answers[i];
		if (answers[i].kind != ANSWER_NONE)
			pr->q[qi].answer = &answers[i];
	}
	for (i = 0; i < nhandoffs; i++) {
		const struct handoff_rule *r;

		if (!handoff_is_open(handoffs[i].state) ||
		    (r = content_handoff(c, handoffs[i].rule)) == NULL)
			continue;
		pr->nopen_handoffs++;
		for (k = 0; k < r->nquestions; k++) {
			long qi = qpos(c, r->questions[k]);

			if (qi >= 0 && pr->q[qi].handoff == NULL)
				pr->q[qi].handoff = &handoffs[i];
		}
	}
	index_steps(pr);
	summarise(pr);
	return pr;
}

void
progress_free(struct progress *pr)
{
	size_t i;

	if (pr == NULL)
		return;
	for (i = 0; i < pr->ntracks; i++) {
		free(pr->tracks[i].steps);
		free(pr->tracks[i].phases);
	}
	free(pr->tracks);
	free(pr->asked_by);
	free(pr->q);
	free(pr);
}

bool
progress_applies(const struct progress *pr, const struct question *q)
{
	struct progress_q *x = pq(pr, q);

	return x != NULL && question_applies(pr, x, q);
}

const struct answer *
progress_answer(const struct progress *pr, const struct question *q)
{
	struct progress_q *x = pq(pr, q);

	return x ? x->answer : NULL;
}

const struct answer *
progress_stored(const struct progress *pr, const struct question *q)
{
	struct progress_q *x = pq(pr, q);

	return x ? x->stored : NULL;
}

int64_t
progress_revision(const struct progress *pr, const struct question *q)
{
	const struct answer *a = progress_stored(pr, q);

	return a ? a->revision : 0;
}

enum answer_kind
progress_counts(const struct progress *pr, const struct question *q, const char **value)
{
	/* As typed: only conditions see the worked-out contract value. */
	return stored_answer(pr, q, value);
}

const struct step_progress *
progress_step(const struct progress *pr, const struct step *st)
{
	return sp_of(pr, st);
}

const struct track_progress *
progress_track(const struct progress *pr, const struct track *t)
{
	size_t i;

	for (i = 0; i < pr->ntracks; i++)
		if (pr->tracks[i].track == t)
			return &pr->tracks[i];
	return NULL;
}

/* What the workshop's board shows beside the steps done: the questions
 * answered, the next step and whom it waits on, the open hand-off due
 * first and the oldest one. */
static void
brief_board(const struct progress *pr, struct progress_brief *b)
{
	const struct content *c = pr->content;
	const struct step_progress *sp = pr->next;
	size_t i;

	for (i = 0; i < c->nquestions; i++) {
		const struct question *q = c->questions[i];

		if (pr->q[i].nasked_by == 0 || !progress_applies(pr, q))
			continue;
		b->nquestions++;
		b->nanswered += progress_counts(pr, q, NULL) != ANSWER_NONE;
	}
	if (sp != NULL) {
		b->next = sp->step;
		b->next_mark = progress_mark(sp);
		b->waits_on = sp->step->owner;
		if (b->next_mark == MARK_HANDOFF && sp->handoff != NULL)
			b->waits_on = content_role(c, sp->handoff->role);
		else if (b->next_mark == MARK_EARLIER && sp->waits_for != NULL)
			b->waits_on = sp->waits_for->owner;
	}
	for (i = 0; i < pr->nhandoffs; i++) {
		const struct handoff *h = &pr->handoffs[i];

		if (!handoff_is_open(h->state) || content_handoff(c, h->rule) == NULL)
			continue;
		if (h->raised > 0 && (b->first_raised == 0 || h->raised < b->first_raised))
			b->first_raised = h->raised;
		if (h->due != NULL && strlen(h->due) == 10 &&
		    (b->first_due[0] == '\0' || strcmp(h->due, b->first_due) < 0)) {
			memcpy(b->first_due, h->due, 11);
			b->first_due_role = content_role(c, h->role);
		}
	}
}

struct progress_brief *
progress_brief_of(const struct progress *pr)
{
	struct progress_brief *b = xcalloc(1, sizeof(*b));
	size_t i;

	b->tracks = xcalloc(pr->ntracks + 1, sizeof(*b->tracks));
	for (i = 0; i < pr->ntracks; i++) {
		b->tracks[i].track = pr->tracks[i].track;
		b->tracks[i].done = pr->tracks[i].done;
		b->tracks[i].applicable = pr->tracks[i].applicable;
	}
	b->ntracks = pr->ntracks;
	b->nopen_handoffs = pr->nopen_handoffs;
	brief_board(pr, b);
	return b;
}

struct progress_brief *
progress_brief_copy(const struct progress_brief *b)
{
	struct progress_brief *c = xcalloc(1, sizeof(*c));

	*c = *b;
	c->tracks = xcalloc(b->ntracks + 1, sizeof(*c->tracks));
	if (b->ntracks > 0)
		memcpy(c->tracks, b->tracks, b->ntracks * sizeof(*c->tracks));
	return c;
}

void
progress_brief_free(struct progress_brief *b)
{
	if (b == NULL)
		return;
	free(b->tracks);
	free(b);
}

const struct brief_track *
progress_brief_track(const struct progress_brief *b, const struct track *t)
{
	size_t i;

	for (i = 0; b != NULL && i < b->ntracks; i++)
		if (b->tracks[i].track == t)
			return &b->tracks[i];
	return NULL;
}

size_t
progress_left(const struct progress *pr, const struct step_progress *sp, struct left **out)
{
	const struct step *st = sp->step;
	struct left *v = NULL;
	size_t n = 0, cap = 0, k;

	*out = NULL;
	if (sp->status == STEP_DONE || sp->status == STEP_NOT_APPLICABLE)
		return 0;
	for (k = 0; k < st->nquestions; k++) {
		const struct question *q = st->questions[k];
		struct progress_q *x = pq(pr, q);
		enum left_kind kind;

		if (x == NULL || !question_applies(pr, x, q))
			continue;
		if (x->answer == NULL || x->answer->kind == ANSWER_NONE)
			kind = LEFT_UNANSWERED;
		else if (x->answer->kind == ANSWER_DONTKNOW)
			kind = LEFT_DONTKNOW;
		else if (x->handoff != NULL)
			kind = LEFT_HANDOFF;
		else
			continue;
		xgrow(&v, &cap, n + 1, sizeof(*v));
		memset(&v[n], 0, sizeof(v[n]));
		v[n].kind = kind;
		v[n].question = q;
		v[n].handoff = x->handoff;
		n++;
	}
	if (sp->waits_for != NULL) {
		xgrow(&v, &cap, n + 1, sizeof(*v));
		memset(&v[n], 0, sizeof(v[n]));
		v[n].kind = LEFT_NEEDS;
		v[n++].step = sp->waits_for;
	}
	if (sp->waits_requires) {
		xgrow(&v, &cap, n + 1, sizeof(*v));
		memset(&v[n], 0, sizeof(v[n]));
		v[n].kind = LEFT_REQUIRES;
		v[n++].step = st;
	}
	*out = v;
	return n;
}

static const char *
role_name(const struct progress *pr, const char *id)
{
	const struct role *r = content_role(pr->content, id);

	return r ? text_get(&r->name) : "";
}

/* A date for people from a time (the local day) or a YYYY-MM-DD. */
static char *
day_text(int64_t t, const char *iso)
{
	char buf[17];

	if (iso == NULL) {
		clock_local(t, buf);
		buf[10] = '\0';
		iso = buf;
	}
	return value_format_date(iso, i18n_lang());
}

/* Open, with a due date before today: as handoff_overdue, which lives
 * above this file. */
static bool
overdue(const struct handoff *h, const char *today)
{
	return handoff_is_open(h->state) && h->due != NULL && strcmp(h->due, today) < 0;
}

/* "the Lawyer since 23.11.2026, due 1.12.2026": whom h waits on. */
static char *
waits_on(const struct progress *pr, const struct handoff *h, const char *today)
{
	char *since = day_text(h->raised, NULL), *due, *s;

	/* L10N: a role and the day a hand-off to it was raised. */
	s = xasprintf(_("%s since %s"), role_name(pr, h->role), since);
	free(since);
	if (h->due != NULL) {
		char *with;

		due = day_text(0, h->due);
		if (overdue(h, today))
			/* L10N: the hand-off was due then and is still open. */
			with = xasprintf(_("%s, overdue since %s"), s, due);
		else
			with = xasprintf(_("%s, due %s"), s, due);
		free(due);
		free(s);
		s = with;
	}
	return s;
}

char *
progress_left_text(const struct progress *pr, const struct left *l, const char *today)
{
	const char *prompt = l->question ? text_get(&l->question->prompt) : "";
	char *w = l->handoff ? waits_on(pr, l->handoff, today) : NULL, *s;

	switch (l->kind) {
	case LEFT_UNANSWERED:
		s = w ? xasprintf(_("Not answered: %s — waits on %s"), prompt, w) :
		    xasprintf(_("Not answered: %s"), prompt);
		break;
	case LEFT_DONTKNOW:
		s = w ? xasprintf(_("Answered \"don't know\": %s — waits on %s"), prompt, w) :
		    xasprintf(_("Answered \"don't know\": %s — no hand-off asks it; answer it when you know"),
		    prompt);
		break;
	case LEFT_HANDOFF:
		s = xasprintf(_("A hand-off asks again: %s — waits on %s"), prompt, w ? w : "");
		break;
	case LEFT_NEEDS:
		s = xasprintf(_("Waits for an earlier step: %s"), text_get(&l->step->title));
		break;
	default:
		/* L10N: %s says what must hold, e.g. "the agreement with the
		 * vendor has been signed" (the content's requires_text). */
		s = xasprintf(_("Waits until %s."), step_requires_text(l->step));
		break;
	}
	free(w);
	return s;
}

char *
progress_left_brief(const struct progress *pr, const struct left *v, size_t n)
{
	struct strbuf sb = STRBUF_INIT, roles = STRBUF_INIT;
	size_t i, k, nq = 0;

	/* What it waits for first: nothing else can finish it; then what
	 * the owner can do; then whom else it waits on. */
	for (i = 0; i < n; i++) {
		if (v[i].kind == LEFT_NEEDS) {
			if (sb.len > 0)
				sb_add(&sb, "; ");
			sb_addf(&sb, _("first %s"), text_get(&v[i].step->title));
		} else if (v[i].kind == LEFT_REQUIRES) {
			if (sb.len > 0)
				sb_add(&sb, "; ");
			/* L10N: %s as in "Waits until %s." */
			sb_addf(&sb, _("waits until %s"), step_requires_text(v[i].step));
		}
	}
	for (i = 0; i < n; i++)
		if ((v[i].kind == LEFT_UNANSWERED || v[i].kind == LEFT_DONTKNOW) &&
		    v[i].handoff == NULL)
			nq++;
	if (nq > 0) {
		if (sb.len > 0)
			sb_add(&sb, "; ");
		sb_addf(&sb, P_("%zu question to answer", "%zu questions to answer", nq), nq);
	}
	/* Each role waited on once, in the order first met. */
	for (i = 0; i < n; i++) {
		if (v[i].handoff == NULL)
			continue;
		for (k = 0; k < i; k++)
			if (v[k].handoff != NULL && strcmp(v[k].handoff->role, v[i].handoff->role) == 0)
				break;
		if (k < i)
			continue;
		if (roles.len > 0)
			sb_add(&roles, ", ");
		sb_add(&roles, role_name(pr, v[i].handoff->role));
	}
	if (roles.len > 0) {
		if (sb.len > 0)
			sb_add(&sb, "; ");
		/* L10N: the roles whose hand-offs a step waits on. */
		sb_addf(&sb, _("waits on %s"), sb_str(&roles));
	}
	sb_free(&roles);
	return sb_detach(&sb);
}

/* Whether step sp can be worked on now: it applies, is not done and
 * waits for no earlier step or requirement. */
static bool
workable(const struct step_progress *sp)
{
	return sp->status != STEP_DONE && sp->status != STEP_NOT_APPLICABLE &&
	    sp->waits_for == NULL && !sp->waits_requires;
}

bool
progress_next_open(const struct progress *pr, const struct step *st,
    const struct question *q, const struct step **step, const struct question **question)
{
	const struct step *first_st = NULL;
	const struct question *first_q = NULL;
	bool *seen = xcalloc(pr->content->nquestions + 1, sizeof(*seen)), after = false;
	size_t t, i, k;

	for (t = 0; t < pr->ntracks; t++) {
		const struct track_progress *tp = &pr->tracks[t];

		for (i = 0; i < tp->track->nsteps; i++) {
			const struct step_progress *sp = &tp->steps[i];

			if (!workable(sp))
				continue;
			for (k = 0; k < sp->step->nquestions; k++) {
				const struct question *x = sp->step->questions[k];
				long qi = qpos(pr->content, x);
				struct progress_q *pqx = qi >= 0 ? &pr->q[qi] : NULL;

				if (pqx == NULL || seen[qi] || !question_applies(pr, pqx, x) ||
				    pqx->handoff != NULL ||
				    (pqx->answer != NULL && pqx->answer->kind == ANSWER_VALUE))
					continue;
				seen[qi] = true;
				if (after) {
					*step = sp->step;
					*question = x;
					free(seen);
					return true;
				}
				if (first_q == NULL) {
					first_st = sp->step;
					first_q = x;
				}
				after = sp->step == st && x == q;
			}
		}
	}
	free(seen);
	*step = first_st;
	*question = first_q;
	return first_q != NULL;
}

size_t
progress_reopened(const struct progress *before, const struct progress *after,
    const struct step_progress ***out)
{
	const struct step_progress **v = NULL;
	size_t n = 0, cap = 0, t, i;

	for (t = 0; t < after->ntracks; t++) {
		const struct track_progress *tp = &after->tracks[t];

		for (i = 0; i < tp->track->nsteps; i++) {
			const struct step_progress *now = &tp->steps[i];
			const struct step_progress *was = progress_step(before, now->step);

			if (was == NULL || was->status != STEP_DONE ||
			    now->status == STEP_DONE || now->status == STEP_NOT_APPLICABLE)
				continue;
			xgrow(&v, &cap, n + 1, sizeof(*v));
			v[n++] = now;
		}
	}
	*out = v;
	return n;
}

enum step_mark
progress_mark(const struct step_progress *sp)
{
	switch (sp->status) {
	case STEP_NOT_APPLICABLE:
		return MARK_NOT_APPLICABLE;
	case STEP_DONE:
		return MARK_DONE;
	default:
		break;
	}
	if (sp->waits_for != NULL || sp->waits_requires)
		return MARK_EARLIER;
	/* Every open question waits on a hand-off, or every question is
	 * answered and a hand-off asks one again. */
	if (sp->handoff != NULL && (sp->handoff_blocks || sp->nanswered == sp->nquestions))
		return MARK_HANDOFF;
	if (sp->nanswered + sp->ndontknow > 0)
		return MARK_IN_PROGRESS;
	return MARK_NOT_STARTED;
}

static const char *const mark_symbols[MARK__COUNT] = {
	"[-]", "[ ]", "[~]", "[!]", "[<]", "[x]"
};

/* L10N: a step's mark on the map, in a few words. */
static const char *const mark_labels[MARK__COUNT] = {
	N_("not applicable"), N_("not started"), N_("in progress"),
	N_("waits on a hand-off"), N_("waits for an earlier step or a condition"), N_("done")
};

/* L10N: what a step's mark on the map means (the legend). */
static const char *const mark_rules[MARK__COUNT] = {
	N_("does not apply to the project as it is answered"),
	N_("nothing is answered yet"),
	N_("something is answered, and something is left that its owner can answer"),
	N_("all that is left waits on another role's open hand-off"),
	N_("an earlier step it needs is not done, or what it requires does not hold yet"),
	N_("every question is answered, and no hand-off is open on them")
};

const char *
step_mark_symbol(enum step_mark m)
{
	return mark_symbols[m < MARK__COUNT ? m : 0];
}

const char *
step_mark_name(enum step_mark m)
{
	static const char *const names[MARK__COUNT] = {
		"not-applicable", "not-started", "in-progress", "handoff", "earlier", "done"
	};

	return names[m < MARK__COUNT ? m : 0];
}

const char *
step_mark_label(enum step_mark m)
{
	return _(mark_labels[m < MARK__COUNT ? m : 0]);
}

const char *
step_mark_rule(enum step_mark m)
{
	return _(mark_rules[m < MARK__COUNT ? m : 0]);
}

static const char *const status_names[STEP__COUNT] = {
	"not-applicable", "not-started", "in-progress", "blocked", "done"
};

/* L10N: the status of a step in the journey map. */
static const char *const status_labels[STEP__COUNT] = {
	N_("not applicable"), N_("not started"), N_("in progress"), N_("blocked"), N_("done")
};

const char *
step_status_name(enum step_status s)
{
	return s < STEP__COUNT ? status_names[s] : status_names[0];
}

const char *
step_status_label(enum step_status s)
{
	return _(s < STEP__COUNT ? status_labels[s] : status_labels[0]);
}
