/* SPDX-License-Identifier: EUPL-1.2 */
/* The business case in figures (bizcase.h): which answers each figure
 * comes from, and the arithmetic. */
#include <stdlib.h>
#include <string.h>

#include "airejse/bizcase.h"
#include "airejse/content.h"
#include "airejse/progress.h"
#include "airejse/settings.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

int64_t
bizcase_round(double kr)
{
	return kr < 0 ? -(int64_t)(-kr + 0.5) : (int64_t)(kr + 0.5);
}

void
bizcase_calc(const struct bizcase_in *in, struct bizcase_calc *out)
{
	/* long double: 30 years of a factor near 1 keep their digits. */
	long double factor = 1, step = 1 + (long double)in->discount_bp / 10000;
	int t, c, n = in->years < 1 ? 1 : in->years > BIZCASE_MAX_YEARS ?
	    BIZCASE_MAX_YEARS : in->years;

	memset(out, 0, sizeof(*out));
	out->years = n;
	out->payback = -1;
	out->complete = true;
	for (c = 0; c < BC__COLS; c++) {
		out->has[c] = in->has[c];
		out->complete = out->complete && in->has[c];
	}
	for (t = 0; t <= n; t++) {
		struct bizcase_year *y = &out->y[t];

		if (t == 0) {
			y->v[BC_SETUP] = in->setup;
		} else {
			y->v[BC_RUNNING] = in->running;
			y->v[BC_STAFF] = bizcase_round(in->run_hours * (double)in->staff_rate);
			/* Multiplied before the division by 100, so whole
			 * figures stay exact. */
			y->v[BC_BENEFIT] = bizcase_round(in->task_hours * in->saved_pct *
			    (double)in->task_rate / 100) + in->other;
		}
		for (c = 0; c < BC__COLS; c++) {
			if (!in->has[c])
				y->v[c] = 0;
			out->total[c] += y->v[c];
		}
		if (!out->complete)
			continue;
		if (t > 0)
			factor *= step;
		y->net = y->v[BC_BENEFIT] - y->v[BC_SETUP] - y->v[BC_RUNNING] - y->v[BC_STAFF];
		y->cumulative = (t > 0 ? out->y[t - 1].cumulative : 0) + y->net;
		y->pv = bizcase_round((double)((long double)y->net / factor));
		out->net += y->net;
		out->npv += y->pv;
		if (out->payback < 0 && y->cumulative >= 0)
			out->payback = t;
	}
	out->has_tco = in->has[BC_SETUP] && in->has[BC_RUNNING] && in->has[BC_STAFF];
	if (out->has_tco)
		out->tco = out->total[BC_SETUP] + out->total[BC_RUNNING] + out->total[BC_STAFF];
}

/* Gathering the answers */

struct gather {
	const struct progress	*pr;
	struct bizcase_gap	*gaps;
	size_t			 ngaps;
};

static void
gap(struct gather *g, const struct question *q, const char *id, enum answer_kind kind)
{
	size_t i;

	for (i = 0; i < g->ngaps; i++)
		if (strcmp(g->gaps[i].id, id) == 0)
			return;
	g->gaps = xreallocarray(g->gaps, g->ngaps + 1, sizeof(*g->gaps));
	g->gaps[g->ngaps].q = q;
	g->gaps[g->ngaps].id = q ? q->id : id;
	g->gaps[g->ngaps].kind = kind == ANSWER_DONTKNOW ? ANSWER_DONTKNOW : ANSWER_NONE;
	g->ngaps++;
}

static void
source(struct bizcase_sources *src, const struct question *q, bool missing)
{
	if (src != NULL && q != NULL && src->n < BIZCASE_MAX_SOURCES) {
		src->gap[src->n] = missing;
		src->q[src->n++] = q;
	}
}

/* The answer that counts to the question r names as text; NULL (and a
 * gap) when there is none. */
static const char *
answer(struct gather *g, const struct ref *r, struct bizcase_sources *src)
{
	const char *id = r->id;
	const struct question *q = content_question(g->pr->content, id);
	const char *v = NULL;
	enum answer_kind k = q ? progress_counts(g->pr, q, &v) : ANSWER_NONE;

	if (k == ANSWER_VALUE && v != NULL) {
		source(src, q, false);
		return v;
	}
	source(src, q, true);
	gap(g, q, id, k);
	return NULL;
}

/* A number or an amount ("ca. 450" counts as 450: the approximation is
 * the answer's). */
static bool
number(struct gather *g, const struct ref *r, double *out, struct bizcase_sources *src)
{
	const char *v = answer(g, r, src);
	bool approx;

	return v != NULL && value_number(v, out, &approx);
}

static bool
amount(struct gather *g, const struct ref *r, int64_t *out, struct bizcase_sources *src)
{
	double d;

	if (!number(g, r, &d, src))
		return false;
	*out = bizcase_round(d);
	return true;
}

static bool
applies(const struct progress *pr, const struct ref *r)
{
	const struct question *q = content_question(pr->content, r->id);

	return q != NULL && progress_applies(pr, q);
}

/* The time saving: the measured one once there is one, else the
 * expected. */
static bool
saving(struct gather *g, const struct bizmap *m, struct bizcase *b,
    struct bizcase_sources *src)
{
	const struct question *q = content_question(g->pr->content, m->saving_measured.id);
	const char *v = NULL;
	bool approx;

	if (q != NULL && progress_counts(g->pr, q, &v) == ANSWER_VALUE &&
	    value_number(v, &b->in.saved_pct, &approx)) {
		source(src, q, false);
		b->measured = true;
		return true;
	}
	return number(g, &m->saving_expected, &b->in.saved_pct, src);
}

void
bizcase_make(const struct progress *pr, const struct settings *s, struct bizcase *out)
{
	const struct bizmap *m = pr->content->bizcase;
	struct settings def;
	struct gather g = { pr, NULL, 0 };
	struct bizcase_in *in = &out->in;
	struct bizcase_sources *src = out->src;
	const char *group;
	int64_t dev = 0;
	bool ok;

	memset(out, 0, sizeof(*out));
	settings_defaults(&def);
	if (s == NULL)
		s = &def;
	in->years = s->horizon_years;
	in->discount_bp = s->discount_bp;
	in->staff_rate = s->rate[RATE_GENNEMSNIT];
	out->task_rate_id = -1;
	if (m == NULL) {
		/* The content names no figures (business_case:): none known. */
		bizcase_calc(in, &out->calc);
		bizcase_calc(in, &out->alt);
		settings_free(&def);
		return;
	}
	out->route = applies(pr, &m->development) ? BIZCASE_BUILD : BIZCASE_BUY;

	/* Each condition is evaluated in full, so that every missing
	 * answer is named, not only the first. */
	ok = amount(&g, &m->setup, &in->setup, &src[BC_SETUP]);
	if (out->route == BIZCASE_BUILD) {
		ok = amount(&g, &m->development, &dev, &src[BC_SETUP]) && ok;
		in->setup += dev;
	}
	in->has[BC_SETUP] = ok;
	in->has[BC_RUNNING] = amount(&g, &m->running, &in->running, &src[BC_RUNNING]);
	in->has[BC_STAFF] = number(&g, &m->staff_hours, &in->run_hours, &src[BC_STAFF]);
	ok = number(&g, &m->task_hours, &in->task_hours, &src[BC_BENEFIT]);
	ok = saving(&g, m, out, &src[BC_BENEFIT]) && ok;
	if ((group = answer(&g, &m->staff_group, &src[BC_BENEFIT])) != NULL &&
	    (out->task_rate_id = settings_rate_find(group)) >= 0)
		in->task_rate = s->rate[out->task_rate_id];
	ok = out->task_rate_id >= 0 && ok;
	ok = amount(&g, &m->other_benefit, &in->other, &src[BC_BENEFIT]) && ok;
	in->has[BC_BENEFIT] = ok;
	bizcase_calc(in, &out->calc);
	out->gaps = g.gaps;
	out->ngaps = g.ngaps;

	/* The other way shares the proposal's staff time and benefit. */
	{
		struct gather ag = { pr, NULL, 0 };
		struct bizcase_in alt = *in;

		alt.has[BC_SETUP] = amount(&ag, &m->alternative_setup, &alt.setup, NULL);
		alt.has[BC_RUNNING] = amount(&ag, &m->alternative_running, &alt.running, NULL);
		out->alt_asked = applies(pr, &m->alternative_setup) &&
		    applies(pr, &m->alternative_running);
		out->has_alt = alt.has[BC_SETUP] && alt.has[BC_RUNNING];
		bizcase_calc(&alt, &out->alt);
		out->alt_gaps = ag.gaps;
		out->nalt_gaps = ag.ngaps;
	}
	out->risks_q = content_question(pr->content, m->risks.id);
	out->decision_q = content_question(pr->content, m->decision.id);
	settings_free(&def);
}

void
bizcase_free(struct bizcase *b)
{
	free(b->gaps);
	free(b->alt_gaps);
	memset(b, 0, sizeof(*b));
}
