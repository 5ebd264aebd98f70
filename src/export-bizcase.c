/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports: the texts of the business case in figures (bizcase.h) that
 * every format shares: labels, where each figure comes from, what is
 * missing for it. */
#include <stdlib.h>
#include <string.h>

#include "airejse/bizcase.h"
#include "airejse/content.h"
#include "airejse/export-render.h"
#include "airejse/progress.h"
#include "airejse/settings.h"
#include "airejse/strbuf.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

bool
xbiz_checklist(const struct checklist *cl)
{
	return cl != NULL && strcmp(cl->id, XBIZ_CHECKLIST) == 0;
}

/* L10N: the columns of the business case's table by year. */
static const char *const col_labels[XBIZ__COLS] = {
	N_("Year"), N_("Set-up"), N_("Running cost"), N_("Staff time"), N_("Benefit"),
	N_("Net"), N_("Cumulative"), N_("Present value")
};

/* Keys for machines (JSON, the sheets' id column). */
static const char *const col_keys[XBIZ__COLS] = {
	"year", "setup", "running", "staff_time", "benefit", "net", "cumulative",
	"present_value"
};

const char *
xbiz_col_label(int col)
{
	return col >= 0 && col < XBIZ__COLS ? _(col_labels[col]) : "";
}

const char *
xbiz_col_key(int col)
{
	return col >= 0 && col < XBIZ__COLS ? col_keys[col] : "";
}

bool
xbiz_cell(const struct bizcase_calc *k, int t, int col, int64_t *v)
{
	const struct bizcase_year *y = t < 0 ? NULL : &k->y[t];

	switch (col) {
	case XBIZ_SETUP:
	case XBIZ_RUNNING:
	case XBIZ_STAFF:
	case XBIZ_BENEFIT:
		*v = y ? y->v[col - XBIZ_SETUP] : k->total[col - XBIZ_SETUP];
		return k->has[col - XBIZ_SETUP];
	case XBIZ_NET:
		*v = y ? y->net : k->net;
		return k->complete;
	case XBIZ_CUMULATIVE:
		/* The total row has none: it is the last year's. */
		*v = y ? y->cumulative : 0;
		return k->complete && y != NULL;
	case XBIZ_PV:
		*v = y ? y->pv : k->npv;
		return k->complete;
	default:
		*v = t;
		return t >= 0;
	}
}

char *
xbiz_percent(int bp, enum lang lang)
{
	char num[32];
	char *comma;

	if (bp % 100 == 0)
		snprintf(num, sizeof(num), "%d", bp / 100);
	else if (bp % 10 == 0)
		snprintf(num, sizeof(num), "%d.%d", bp / 100, bp % 100 / 10);
	else
		snprintf(num, sizeof(num), "%d.%02d", bp / 100, bp % 100);
	if (lang == LANG_EN)
		return xasprintf("%s%%", num);
	if ((comma = strchr(num, '.')) != NULL)
		*comma = ',';
	return xasprintf("%s %%", num);
}

char *
xbiz_quote(const struct question *q, const char *id, enum lang lang)
{
	/* L10N: a question named by its text in the business case. */
	return xasprintf(_("“%s”"), q ? text_in(&q->prompt, lang) : id);
}

char *
xbiz_gaps_text(const struct bizcase_gap *g, size_t n, enum lang lang)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		char *name = xbiz_quote(g[i].q, g[i].id, lang);

		if (i > 0)
			sb_add(&sb, "; ");
		sb_add(&sb, name);
		sb_add(&sb, " ");
		sb_add(&sb, g[i].kind == ANSWER_DONTKNOW ?
		    _("(answered “don't know”)") : _("(not answered)"));
		free(name);
	}
	return sb_detach(&sb);
}

/* "600 kr. an hour for doctors (the site's setting)". */
static char *
rate_text(const struct settings *s, int id, const char *whom, enum lang lang)
{
	char *kr = value_format_amount(s->rate[id], lang);
	char *r = xasprintf(s->site_rate[id] ?
	    _("%s an hour for %s (the site's setting hourly_rates: %s)") :
	    _("%s an hour for %s (the program's default; the site sets hourly_rates: %s)"),
	    kr, whom, settings_rate_key((enum rate_id)id));

	free(kr);
	return r;
}

char *
xbiz_sources_text(const struct bizcase *b, int col, const struct settings *s,
    const struct progress *pr, enum lang lang)
{
	const struct bizcase_sources *src = &b->src[col];
	struct strbuf sb = STRBUF_INIT;
	struct settings def;
	size_t i;

	settings_defaults(&def);
	if (s == NULL)
		s = &def;
	for (i = 0; i < src->n; i++) {
		char *name = xbiz_quote(src->q[i], src->q[i]->id, lang);

		if (i > 0)
			sb_add(&sb, "; ");
		sb_add(&sb, name);
		if (src->gap[i]) {
			sb_add(&sb, " ");
			sb_add(&sb, _("(missing)"));
		}
		free(name);
	}
	if (col == BC_STAFF || (col == BC_BENEFIT && b->task_rate_id >= 0)) {
		char *r;

		if (col == BC_STAFF) {
			r = rate_text(s, RATE_GENNEMSNIT, _("the project's own staff (the average)"), lang);
		} else {
			const struct question *g = pr->content->bizcase == NULL ? NULL :
			    content_question(pr->content, pr->content->bizcase->staff_group.id);
			const char *who = settings_rate_key((enum rate_id)b->task_rate_id);
			size_t j;

			for (j = 0; g != NULL && j < g->noptions; j++)
				if (strcmp(g->options[j].id, who) == 0)
					who = text_in(&g->options[j].label, lang);
			r = rate_text(s, b->task_rate_id, who, lang);
		}
		if (sb.len > 0)
			sb_add(&sb, "; ");
		sb_add(&sb, r);
		free(r);
	}
	if (col == BC_BENEFIT && b->measured)
		sb_add(&sb, _(" – the measured time saving is used in place of the expected"));
	settings_free(&def);
	return sb.len > 0 ? sb_detach(&sb) : (sb_free(&sb), (char *)NULL);
}

char *
xbiz_payback_text(const struct bizcase_calc *k, enum lang lang)
{
	(void)lang;
	if (!k->complete)
		return NULL;
	if (k->payback < 0)
		return xasprintf(P_("Not within the horizon of %d year",
		    "Not within the horizon of %d years", k->years), k->years);
	if (k->payback == 0)
		return xstrdup(_("Year 0: there is nothing to pay back"));
	return xasprintf(_("Year %d"), k->payback);
}

const char *
xbiz_route_label(enum bizcase_route r, bool other)
{
	if ((r == BIZCASE_BUY) != other)
		return _("Buy a finished product");
	return _("Build the product (develop it)");
}

char *
xbiz_basis_text(const struct settings *s, enum lang lang)
{
	struct settings def;
	char *pct, *r;

	settings_defaults(&def);
	if (s == NULL)
		s = &def;
	pct = xbiz_percent(s->discount_bp, lang);
	r = xasprintf(P_("%d year of operation after the set-up (%s), discounted at %s a year (%s). ",
	    "%d years of operation after the set-up (%s), discounted at %s a year (%s). ",
	    s->horizon_years), s->horizon_years,
	    s->site_horizon ? _("the site's setting horizon_years") :
	    _("the program's default; the site sets horizon_years"), pct,
	    s->site_discount ? _("the site's setting discount_rate") :
	    _("the program's default; the site sets discount_rate"));
	free(pct);
	pct = xasprintf("%s%s", r, _("Year 0 is the set-up and is not discounted; year t is discounted by (1 + rate)^t. Each year's figure is rounded to whole kroner, half away from zero; each total is the sum of the rounded figures."));
	free(r);
	settings_free(&def);
	return pct;
}
