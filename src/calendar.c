/* SPDX-License-Identifier: EUPL-1.2 */
/* A project's regulatory calendar (issue 14): the rules of
 * /work/notes/law-code.md section 4, over the answers that exist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/calendar.h"
#include "airejse/content.h"
#include "airejse/i18n.h"
#include "airejse/legal.h"
#include "airejse/progress.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

struct cal_ctx {
	const struct content	*c;
	const struct calmap	*m;	/* the names the rules rest on */
	const struct progress	*pr;
	struct calendar		*cal;
};

/* The answer that counts to question id, or NULL. */
static const char *
ans(const struct cal_ctx *x, const char *id)
{
	const struct question *q = content_question(x->c, id);
	const char *v = NULL;

	if (q == NULL || progress_counts(x->pr, q, &v) != ANSWER_VALUE)
		return NULL;
	return v;
}

static bool
holds(const struct cal_ctx *x, const struct cond *c)
{
	return progress_holds(x->pr, c);
}

/* A date as people read it, in the current language (caller frees). */
static char *
day_text(const char *iso)
{
	return value_format_date(iso, i18n_lang());
}

/* Adds a line for the legal date or fact id (skipped when the content
 * lacks it); text is taken over. */
static void
add(struct cal_ctx *x, const char *date, enum cal_kind kind, const char *id, char *text)
{
	const struct legal_date *dt = content_date(x->c, id);
	const struct fact *f = dt ? NULL : legal_fact(x->c, id);
	struct calendar *cal = x->cal;
	struct cal_line *l;

	if (dt == NULL && f == NULL) {
		free(text);
		return;
	}
	cal->v = xreallocarray(cal->v, cal->n + 1, sizeof(*cal->v));
	l = &cal->v[cal->n++];
	snprintf(l->date, sizeof(l->date), "%s", date);
	l->kind = kind;
	l->fact = dt ? dt->id : f->id;
	l->text = text;
	l->law = dt ? dt->law : f->law;
	l->checked = NULL;
	if (dt != NULL) {
		l->source_kind = legal_source_kind(dt->source_kind, dt->source);
		l->checked = dt->checked;
	} else {
		l->source_kind = f->nvalues ? legal_source_kind(f->values[f->nvalues - 1].source_kind,
		    f->values[f->nvalues - 1].source) : "legal";
		if (f->nvalues > 0)
			l->checked = f->values[f->nvalues - 1].checked;
	}
}

/* Adds a line that rests on the project's own answer to question id. */
static void
add_answer(struct cal_ctx *x, const char *date, enum cal_kind kind, const char *id, char *text)
{
	struct calendar *cal = x->cal;
	struct cal_line *l;

	cal->v = xreallocarray(cal->v, cal->n + 1, sizeof(*cal->v));
	l = &cal->v[cal->n++];
	snprintf(l->date, sizeof(l->date), "%s", date);
	l->kind = kind;
	l->fact = id;
	l->text = text;
	l->law = _("the project's answer");
	l->source_kind = "answer";
	l->checked = NULL;
}

static const char *
date_of(const struct cal_ctx *x, const char *id)
{
	const struct legal_date *dt = content_date(x->c, id);

	return dt ? dt->date : NULL;
}

/* The earliest of the project's own dates that are known. */
static void
life_from(const struct cal_ctx *x, const char *today, char out[11])
{
	const struct strlist *ids = &x->m->project_dates;
	const char *first = NULL, *v;
	size_t i;

	for (i = 0; i < ids->n; i++)
		if ((v = ans(x, ids->v[i])) != NULL && (first == NULL || strcmp(v, first) < 0))
			first = v;
	snprintf(out, 11, "%s", first ? first : today);
}

/* Rules 1-3: the high-risk duties of a route (Annex III or I) from its
 * date D, as they meet the project's go-live and trial. */
static void
high_risk(struct cal_ctx *x, const char *id, bool annex3, bool provider)
{
	const char *d = date_of(x, id), *golive = ans(x, x->m->go_live.id);
	const char *trial = NULL, *authority = x->m->public_authority_date.id;
	bool point2 = annex3 && holds(x, &x->m->annex_iii_point2);
	const char *duties;
	char *dd, *g;
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < x->m->trial_start.n && trial == NULL; i++)
		trial = ans(x, x->m->trial_start.v[i]);
	duties = !annex3 ? _("the deployer's duties (art. 26)") : point2 ?
	    _("the deployer's duties (art. 26) and national registration (art. 49(5))") :
	    _("the deployer's duties (art. 26), the FRIA (art. 27) and registration (art. 49)");
	dd = day_text(d);
	if (golive != NULL && strcmp(golive, d) >= 0) {
		g = day_text(golive);
		add(x, d, CAL_APPLIES, id, xasprintf(_("Your go-live %s is on or after %s: %s apply from the go-live"),
		    g, dd, duties));
		free(g);
	} else if (golive != NULL) {
		g = day_text(golive);
		if (strcmp(d, x->cal->life_until) <= 0)
			add(x, d, CAL_APPLIES, id, xasprintf(_("Your go-live %s is before %s: %s apply from %s, while the system is in use"),
			    g, dd, duties, dd));
		free(g);
		if (annex3 && date_of(x, authority) != NULL) {
			const char *d2 = date_of(x, authority);
			char *dd2 = day_text(d2);

			add(x, d2, CAL_DEADLINE, authority,
			    xasprintf(_("A system in use by a public authority before %s must comply by %s (art. 111(2))"),
			    dd, dd2));
			free(dd2);
		}
	} else {
		add(x, d, CAL_APPLIES, id, xasprintf(_("From %s, %s apply (no go-live date yet)"), dd, duties));
	}
	if (annex3 && trial != NULL && strcmp(trial, d) >= 0) {
		g = day_text(trial);
		add(x, trial, CAL_DEADLINE, id, point2 ?
		    xasprintf(_("The trial starts %s, on or after %s: register the system nationally before the trial"), g, dd) :
		    xasprintf(_("The trial starts %s, on or after %s: make the FRIA and register the use before the trial"), g, dd));
		free(g);
	}
	if (provider)
		add(x, d, CAL_APPLIES, id, xasprintf(_("The region develops or changes the system, so it is its provider: the provider's duties (art. 16) apply to the region from %s"),
		    dd));
	free(dd);
}

/* Rule 7: a certificate under the old directive, by class. */
static void
legacy(struct cal_ctx *x, const char *golive)
{
	const char *id, *d;
	char *dd;

	if (holds(x, &x->m->mdd_class_iii))
		id = x->m->mdd_class_iii_date.id;
	else if (holds(x, &x->m->mdd_class_ii))
		id = x->m->mdd_class_ii_date.id;
	else
		return;
	if ((d = date_of(x, id)) == NULL)
		return;
	dd = day_text(d);
	add(x, d, (golive && strcmp(golive, d) > 0) || strcmp(x->cal->life_until, d) > 0 ?
	    CAL_RISK : CAL_DEADLINE, id,
	    xasprintf(_("The CE mark under the old directive holds only until %s, and only on conditions: ask the vendor for the MDR certificate"),
	    dd));
	free(dd);
}

/* Rule 9: the threshold in force on the tender's day, or that it is not
 * known yet. */
static void
threshold(struct cal_ctx *x, const char *today)
{
	const struct fact *f = legal_fact(x->c, x->m->threshold.id);
	const char *day = ans(x, x->m->tender_date.id);
	const struct fact_value *v, *last;
	char *amount, *dd;
	int y = 0;

	if (f == NULL || f->nvalues == 0)
		return;
	if (day == NULL)
		day = today;
	dd = day_text(day);
	if ((v = legal_value_on(f, day)) != NULL) {
		amount = value_format_amount((int64_t)v->value, i18n_lang());
		add(x, day, CAL_APPLIES, f->id, xasprintf(_("The EU tender threshold on %s is %s (%.4s–%.4s): a contract value equal to or above it must go to tender"),
		    dd, amount, v->from, v->until ? v->until : v->from));
		free(amount);
	} else {
		last = &f->values[f->nvalues - 1];
		if (last->until != NULL && strcmp(day, last->until) > 0 && sscanf(day, "%4d", &y) == 1) {
			/* The thresholds run in two-year periods from an even year. */
			y -= y % 2;
			add(x, day, CAL_PENDING, f->id, xasprintf(_("The tender on %s falls in %d–%d, whose EU threshold is not yet known"),
			    dd, y, y + 1));
		}
	}
	free(dd);
}

static int
cmp_line(const void *a, const void *b)
{
	const struct cal_line *x = a, *y = b;
	int r = strcmp(x->date, y->date);

	return r ? r : (int)x->kind - (int)y->kind;
}

void
calendar_make(const struct content *c, const struct progress *pr, const char *today,
    struct calendar *out)
{
	const struct calmap *m = c->calendar;
	struct cal_ctx x = { c, m, pr, out };
	const char *golive, *signed_on, *years, *d, *cert;
	bool annex3, annex1, unsettled, provider;
	double nyears = 0;
	char *dd, *d3, *d1;

	memset(out, 0, sizeof(*out));
	if (m == NULL) {
		/* Content without a calendar lists nothing. */
		snprintf(out->life_from, sizeof(out->life_from), "%s", today);
		legal_add_months(out->life_from, 120, out->life_until);
		return;
	}
	golive = ans(&x, m->go_live.id);
	life_from(&x, today, out->life_from);
	signed_on = ans(&x, m->contract_signed.id);
	years = ans(&x, m->contract_years.id);
	if (signed_on != NULL && years != NULL && value_number(years, &nyears, NULL) && nyears > 0)
		legal_add_months(signed_on, (int)(nyears * 12 + 0.5), out->life_until);
	else
		legal_add_months(out->life_from, 120, out->life_until);

	annex3 = holds(&x, &m->annex_iii);
	annex1 = holds(&x, &m->annex_i);
	unsettled = !annex1 && !annex3 &&
	    !(holds(&x, &m->annex_i_ruled_out) && holds(&x, &m->annex_iii_ruled_out));
	provider = holds(&x, &m->provider);

	/* Rule 6: AI literacy, always, already. */
	if ((d = date_of(&x, m->ai_literacy_date.id)) != NULL) {
		dd = day_text(d);
		add(&x, d, CAL_APPLIES, m->ai_literacy_date.id,
		    xasprintf(_("Already applies (since %s): take measures for the staff's AI literacy (art. 4)"), dd));
		free(dd);
	}
	if (annex3)
		high_risk(&x, m->annex_iii_date.id, true, provider);
	if (annex1)
		high_risk(&x, m->annex_i_date.id, false, provider && !annex3);
	/* Rule 4: high-risk not settled either way. */
	if (unsettled) {
		const char *d3i = date_of(&x, m->annex_iii_date.id), *d1i = date_of(&x, m->annex_i_date.id);

		if (d3i != NULL && d1i != NULL) {
			d3 = day_text(d3i);
			d1 = day_text(d1i);
			/* Each route only while it is open. */
			if (!holds(&x, &m->annex_iii_ruled_out) && strcmp(d3i, out->life_until) <= 0)
				add(&x, d3i, CAL_PENDING, m->annex_iii_date.id,
				    xasprintf(_("Pending: applies if the system is high-risk (Annex III from %s, Annex I from %s)"), d3, d1));
			if (!holds(&x, &m->annex_i_ruled_out) && strcmp(d1i, out->life_until) <= 0)
				add(&x, d1i, CAL_PENDING, m->annex_i_date.id,
				    xasprintf(_("Pending: applies if the system is high-risk (Annex III from %s, Annex I from %s)"), d3, d1));
			free(d3);
			free(d1);
		}
	}
	/* Rule 5: transparency, when the tier says so (the question whether
	 * the system talks to people is not asked yet). */
	if (holds(&x, &m->transparency) && (d = date_of(&x, m->transparency_date.id)) != NULL) {
		dd = day_text(d);
		add(&x, d, CAL_PENDING, m->transparency_date.id,
		    xasprintf(_("To be decided: the transparency duties of art. 50 apply since %s if the system talks to people or generates content"), dd));
		free(dd);
	}
	legacy(&x, golive);
	/* Rule 8: the certificate's own end, from the project's answer. */
	if ((cert = ans(&x, m->certificate_until.id)) != NULL && strcmp(cert, out->life_until) <= 0) {
		char *g = golive ? day_text(golive) : NULL;

		dd = day_text(cert);
		add_answer(&x, cert, g && strcmp(cert, golive) < 0 ? CAL_RISK : CAL_DEADLINE,
		    m->certificate_until.id, g && strcmp(cert, golive) < 0 ?
		    xasprintf(_("The CE certificate expires %s, before the go-live %s"), dd, g) :
		    xasprintf(_("The CE certificate expires %s: ask the vendor for its renewal"), dd));
		free(dd);
		free(g);
	}
	threshold(&x, today);
	qsort(out->v, out->n, sizeof(*out->v), cmp_line);
}

void
calendar_free(struct calendar *cal)
{
	size_t i;

	for (i = 0; i < cal->n; i++)
		free(cal->v[i].text);
	free(cal->v);
	memset(cal, 0, sizeof(*cal));
}

const char *
cal_kind_name(enum cal_kind k)
{
	static const char *const names[CAL__COUNT] = { "applies", "deadline", "risk", "pending" };

	return (unsigned)k < CAL__COUNT ? names[k] : "?";
}

const char *
cal_kind_label(enum cal_kind k)
{
	/* The context keeps these apart from other uses of the words. */
	static const char *const labels[CAL__COUNT] = {
		NC_("calendar", "applies"), NC_("calendar", "deadline"),
		NC_("calendar", "risk"), NC_("calendar", "pending"),
	};

	return (unsigned)k < CAL__COUNT ? i18n_cgettext("calendar", labels[k]) : "?";
}
