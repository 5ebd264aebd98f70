/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports: the names of formats, parts and states, escaping for each
 * format, and the texts every format shares. Everything here is below
 * export.c and the renderers, which all use it. */
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/export-render.h"
#include "airejse/legal.h"
#include "airejse/progress.h"
#include "airejse/review.h"
#include "airejse/strbuf.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

/* Names */

static const char *const format_names[EXPORT__FORMATS] = {
	"md", "html", "csv", "json", "xlsx", "pdf", "docx", "odt"
};

static const char *const state_names[ITEM__STATES] = {
	"done", "open", "blocked", "not-applicable"
};

/* L10N: the state of a checklist item in an export. */
static const char *const state_labels[ITEM__STATES] = {
	NC_("checklist state", "Done"), NC_("checklist state", "Open"),
	NC_("checklist state", "Blocked"), NC_("checklist state", "Not applicable")
};

const char *
item_state_name(enum item_state s)
{
	return s < ITEM__STATES ? state_names[s] : "open";
}

const char *
item_state_label(enum item_state s)
{
	return i18n_cgettext("checklist state", state_labels[s < ITEM__STATES ? s : ITEM_OPEN]);
}

int
export_format_parse(const char *s, enum export_format *out)
{
	int i;

	for (i = 0; i < EXPORT__FORMATS; i++) {
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum export_format)i;
			return 0;
		}
	}
	return -1;
}

const char *
export_format_name(enum export_format f)
{
	return f < EXPORT__FORMATS ? format_names[f] : "md";
}

/* The parts that are not checklists, as --what names them. */
static const struct {
	const char		*name;
	enum export_part	 part;
	const char		*label;
} parts[] = {
	/* L10N: export choices. */
	{ "handoff", EXPORT_HANDOFF, N_("Hand-off packet") },
	{ "action-plan", EXPORT_ACTION_PLAN, N_("Action plan") },
	{ "all", EXPORT_ALL, N_("Everything") },
};

int
export_parse_what(const struct content *c, const char *name, struct export_what *out)
{
	size_t i;

	out->checklist = NULL;
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (strcmp(name, parts[i].name) == 0) {
			out->part = parts[i].part;
			return 0;
		}
	}
	if ((out->checklist = content_checklist(c, name)) != NULL) {
		out->part = EXPORT_CHECKLIST;
		return 0;
	}
	return -1;
}

const char *
export_what_name(const struct export_what *w)
{
	size_t i;

	if (w->part == EXPORT_CHECKLIST)
		return w->checklist->id;
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (parts[i].part == w->part)
			return parts[i].name;
	return "all";
}

struct export_choice *
export_choices(const struct content *c, enum lang lang, size_t *n)
{
	size_t np = sizeof(parts) / sizeof(parts[0]), i, k = 0;
	struct export_choice *v = xcalloc(c->nchecklists + np, sizeof(*v));
	enum lang saved = i18n_lang();

	i18n_set_lang(lang);
	for (i = 0; i < c->nchecklists; i++, k++) {
		v[k].what.part = EXPORT_CHECKLIST;
		v[k].what.checklist = c->checklists[i];
		v[k].name = c->checklists[i]->id;
		v[k].label = text_in(&c->checklists[i]->title, lang);
	}
	for (i = 0; i < np; i++, k++) {
		v[k].what.part = parts[i].part;
		v[k].name = parts[i].name;
		/* Static strings: the catalogue keeps them after the switch back. */
		v[k].label = _(parts[i].label);
	}
	i18n_set_lang(saved);
	*n = k;
	return v;
}

/* Escaping */

/* Calls fn for each character of s: a valid UTF-8 sequence as it is, an
 * invalid byte or a control character (other than tab, CR and LF; C1
 * and bidirectional controls too, ctrl.h) as U+FFFD. */
static void
each_char(const char *s, void (*fn)(struct strbuf *, const char *, size_t), struct strbuf *sb)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		int32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n < 0 || (ctrl_is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r')) {
			fn(sb, "\xEF\xBF\xBD", 3);
			i += n < 0 ? 1 : (size_t)n;
			continue;
		}
		fn(sb, s + i, (size_t)n);
		i += (size_t)n;
	}
}

static void
html_char(struct strbuf *sb, const char *c, size_t n)
{
	switch (n == 1 ? *c : 0) {
	case '&':	sb_add(sb, "&amp;"); break;
	case '<':	sb_add(sb, "&lt;"); break;
	case '>':	sb_add(sb, "&gt;"); break;
	case '"':	sb_add(sb, "&quot;"); break;
	case '\'':	sb_add(sb, "&#39;"); break;
	default:	sb_addn(sb, c, n); break;
	}
}

char *
export_html_escape(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	each_char(s ? s : "", html_char, &sb);
	return sb_detach(&sb);
}

void
export_html_put(FILE *out, const char *s, bool lines)
{
	char *e = export_html_escape(s);
	const char *p;

	if (!lines) {
		fputs(e, out);
	} else {
		for (p = e; *p != '\0'; p++) {
			if (*p == '\n')
				fputs("<br>", out);
			else if (*p != '\r')
				fputc(*p, out);
		}
	}
	free(e);
}

static void
plain_char(struct strbuf *sb, const char *c, size_t n)
{
	sb_addn(sb, c, n);
}

/* A copy of s with invalid bytes and control characters replaced. */
static char *
clean_text(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	each_char(s ? s : "", plain_char, &sb);
	return sb_detach(&sb);
}

char *
export_md_escape(const char *s, const char *br, bool line_start)
{
	struct strbuf sb = STRBUF_INIT;
	char *clean = clean_text(s);
	const char *p;
	bool bol = line_start;

	for (p = clean; *p != '\0'; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n') {
			sb_add(&sb, br);
			bol = true;
			continue;
		}
		if (bol) {
			const char *q = p;

			/* What would start a heading, a list, a quote or a rule. */
			while (*q == ' ')
				q++;
			if ((*q == '-' || *q == '+' || *q == '=') && q == p)
				sb_addc(&sb, '\\');
			while (*q >= '0' && *q <= '9')
				q++;
			if (q > p && (*q == '.' || *q == ')')) {
				sb_addn(&sb, p, (size_t)(q - p));
				sb_addc(&sb, '\\');
				p = q;
			}
		}
		bol = false;
		if (strchr("\\`*_[]<>|#~&!", *p) != NULL)
			sb_addc(&sb, '\\');
		sb_addc(&sb, *p);
	}
	free(clean);
	return sb_detach(&sb);
}

bool
export_formula_like(const char *s)
{
	return s != NULL && *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

char *
export_csv_cell(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	char *clean = clean_text(s);
	bool formula = export_formula_like(clean);
	const char *p;

	/* Tabs and line breaks stay (quoted); other control characters
	 * were replaced by clean_text. */
	if (!formula && strpbrk(clean, ";\"\r\n") == NULL) {
		sb_add(&sb, clean);
	} else {
		sb_addc(&sb, '"');
		if (formula)
			sb_addc(&sb, '\'');
		for (p = clean; *p != '\0'; p++) {
			if (*p == '"')
				sb_addc(&sb, '"');
			sb_addc(&sb, *p);
		}
		sb_addc(&sb, '"');
	}
	free(clean);
	return sb_detach(&sb);
}

/* Shared texts */

char *
xanswer_text(const struct xanswer *x, enum lang lang)
{
	switch (x->kind) {
	case ANSWER_VALUE:
		return value_format(x->q, x->value, lang);
	case ANSWER_DONTKNOW:
		return xstrdup(value_dontknow_text(lang));
	default:
		return NULL;
	}
}

char *
xstep_text(const struct step *st, enum lang lang)
{
	if (st == NULL)
		return NULL;
	return xasprintf("%s (%s/%s)", text_in(&st->title, lang), st->track->id, st->id);
}

char *
xdate_text(const char *iso, enum lang lang)
{
	return value_format_date(iso, lang);
}

char *
xtracks_text(const struct export_data *d, enum lang lang)
{
	const struct project *p = d->snap->project;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < p->ntracks; i++) {
		const struct track *t = content_track(d->content, p->tracks[i]);

		if (i > 0)
			sb_add(&sb, ", ");
		sb_add(&sb, t ? text_in(&t->title, lang) : p->tracks[i]);
	}
	return sb_detach(&sb);
}

char *
xlegal_text(const struct strlist *l)
{
	return legal_refs_text(l, "; ");
}

/* Whether l's first n strings hold s. */
static bool
listed(char *const *l, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(l[i], s) == 0)
			return true;
	return false;
}

/* Adds what of from is not in l yet, with the act each cites. */
static void
add_refs(struct strlist *l, const struct strlist *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		if (!listed(l->v, l->n, from->v[i])) {
			l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
			l->law = xreallocarray(l->law, l->n + 1, sizeof(*l->law));
			l->v[l->n] = from->v[i];
			l->law[l->n++] = from->law ? from->law[i] : NULL;
		}
}

char *
xitem_legal_text(const struct xitem *x)
{
	struct strlist l = { NULL, NULL, 0, NULL };
	size_t i;
	char *r;

	add_refs(&l, &x->item->legal);
	for (i = 0; i < x->nanswers; i++)
		if (x->answers[i].applies)
			add_refs(&l, &x->answers[i].q->legal);
	r = xlegal_text(&l);
	free(l.v);
	free(l.law);
	return r;
}

char *
xitem_reason(const struct export_data *d, const struct xitem *x, enum lang lang)
{
	if (x->state != ITEM_BLOCKED)
		return NULL;
	if (x->handoff != NULL) {
		const struct role *r = content_role(d->content, x->handoff->role);

		return xasprintf(_("Waiting for %s (hand-off %s)."),
		    r ? text_in(&r->name, lang) : x->handoff->role, x->handoff->rule);
	}
	if (x->unknown != NULL)
		return xasprintf(_("\"%s\" is answered \"don't know\"."),
		    text_in(&x->unknown->prompt, lang));
	return xstrdup(_("The answers stand in the way; see the notes."));
}

/* When the typed contract value and the one worked out from the
 * payments differ, which is used and how it was worked out (issue 14);
 * NULL otherwise. */
char *
xcontract_text(const struct progress *pr, enum lang lang)
{
	struct contract_value cv;
	char *t, *w, *o, *y, *r;
	double years;

	if (!progress_contract(pr, &cv) || !cv.has_typed || !cv.has_worked ||
	    (cv.typed - cv.worked < 1 && cv.worked - cv.typed < 1))
		return NULL;
	t = value_format_amount((int64_t)cv.typed, lang);
	w = value_format_amount((int64_t)cv.worked, lang);
	o = value_format_amount((int64_t)cv.once, lang);
	y = value_format_amount((int64_t)cv.yearly, lang);
	years = cv.years;
	r = xasprintf(cv.typed < cv.worked ?
	    _("The typed contract value (%s) is less than the worked-out one (%s + %s × %g years = %s): the larger is used%s") :
	    _("The typed contract value (%s) is more than the worked-out one (%s + %s × %g years = %s): the larger is used%s"),
	    t, o, y, years, w, cv.years_assumed ?
	    _("; the contract period is unknown, so 48 months (udbudsloven § 38)") : "");
	free(t);
	free(w);
	free(o);
	free(y);
	return r;
}

/* Whether x asks the contract value. */
static bool
asks_contract(const struct xitem *x)
{
	size_t i;

	for (i = 0; i < x->nanswers; i++)
		if (x->answers[i].applies && strcmp(x->answers[i].q->id, "kontraktvaerdi") == 0)
			return true;
	return false;
}

char *
xitem_remarks(const struct export_data *d, const struct xitem *x, enum lang lang)
{
	struct strbuf sb = STRBUF_INIT;
	char *reason = xitem_reason(d, x, lang);
	char *contract = asks_contract(x) ? xcontract_text(d->snap->progress, lang) : NULL;
	size_t i;

	if (contract != NULL) {
		sb_add(&sb, contract);
		free(contract);
	}
	for (i = 0; i < x->nnotes; i++) {
		if (sb.len > 0)
			sb_addc(&sb, '\n');
		sb_add(&sb, text_in(&x->notes[i]->text, lang));
	}
	if (reason != NULL) {
		if (sb.len > 0)
			sb_addc(&sb, '\n');
		sb_add(&sb, reason);
		free(reason);
	}
	if (sb.len == 0)
		return NULL;
	return sb_detach(&sb);
}

char *
xdue_text(const char *iso, bool overdue, enum lang lang)
{
	char *day = xdate_text(iso, lang), *s;

	if (!overdue)
		return day;
	/* L10N: a due date that has passed: "01.12.2026, overdue". */
	s = xasprintf(_("%s, overdue"), day);
	free(day);
	return s;
}

char *
xhandoff_state_text(const struct export_data *d, const struct handoff *h)
{
	if (export_overdue(d, h))
		return xasprintf(_("%s, overdue"), handoff_state_label(h->state));
	return xstrdup(handoff_state_label(h->state));
}

char *
xqtype_text(const struct question *q, enum lang lang)
{
	/* L10N: what kind of answer a question takes, in a hand-off packet. */
	static const char *const labels[Q__COUNT] = {
		[Q_TEXT] = N_("Text on one line"), [Q_LONGTEXT] = N_("Text"),
		[Q_YESNO] = N_("Yes or no"), [Q_CHOICE] = N_("One of the choices"),
		[Q_MULTI] = N_("One or more of the choices"), [Q_NUMBER] = N_("A number"),
		[Q_AMOUNT] = N_("An amount in Danish kroner"), [Q_DATE] = N_("A date"),
		[Q_EMAIL] = N_("An e-mail address"), [Q_URL] = N_("A web address"),
	};
	const char *label = q->type < Q__COUNT && labels[q->type] ? _(labels[q->type]) : "";
	char *ex, *s;

	if (q->type == Q_NUMBER && q->unit == QU_PERCENT)
		label = _("A percentage");
	if (q->type == Q_YESNO || q->type == Q_CHOICE || q->type == Q_MULTI ||
	    q->type == Q_TEXT || q->type == Q_LONGTEXT)
		return xstrdup(label);
	ex = value_examples(q, lang);
	/* L10N: "An amount in Danish kroner, like 1.600.000 kr. or 2,4 mio. kr." */
	s = *ex ? xasprintf(_("%s, like %s"), label, ex) : xstrdup(label);
	free(ex);
	return s;
}

char *
xchoices_text(const struct question *q, enum lang lang)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (q->noptions == 0)
		return NULL;
	for (i = 0; i < q->noptions; i++) {
		if (i > 0)
			sb_add(&sb, "; ");
		sb_add(&sb, text_in(&q->options[i].label, lang));
	}
	return sb_detach(&sb);
}

char *
xcurrent_text(const struct xanswer *x, enum lang lang)
{
	char *t = xanswer_text(x, lang), *s;

	if (t == NULL || x->a == NULL)
		return t;
	/* L10N: the answer so far in a packet: "Ja (revision 2)". */
	s = xasprintf(_("%s (revision %lld)"), t, (long long)x->a->revision);
	free(t);
	return s;
}

char *
xserved_text(const struct xpquestion *pq)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < pq->nhandoffs; i++) {
		if (i > 0)
			sb_add(&sb, ", ");
		sb_add(&sb, pq->handoffs[i]->rule->id);
	}
	return sb_detach(&sb);
}

/* The date of t for people. */
static char *
day_text(int64_t t, enum lang lang)
{
	char day[11];

	clock_day(t, day);
	return xdate_text(day, lang);
}

char *
xsignoff_text(const struct review_role *rr, const struct progress *pr, enum lang lang)
{
	char *day, *s;

	switch (rr->status) {
	case RS_SIGNED:
		day = day_text(rr->signoff->time, lang);
		/* L10N: a role's sign-off in a checklist export. */
		s = xasprintf(_("Signed off by %s on %s"), rr->signoff->name, day);
		free(day);
		return s;
	case RS_TO_REVIEW: {
		const struct answer *a = progress_answer(pr, rr->changed);

		day = a ? day_text(a->time, lang) : NULL;
		s = a && a->user ? xasprintf(_("To be reviewed again: the answer to \"%s\" was changed by %s on %s, after the sign-off by %s"),
		    text_in(&rr->changed->prompt, lang), a->user, day, rr->signoff->name) :
		    xasprintf(_("To be reviewed again: the answer to \"%s\" changed after the sign-off by %s"),
		    text_in(&rr->changed->prompt, lang), rr->signoff->name);
		free(day);
		return s;
	}
	default:
		return xstrdup(_("Not signed off"));
	}
}

char *
xsubject_text(const struct review_subject *sub, enum lang lang)
{
	char *day, *s;

	if (sub->status == RS_TO_REVIEW)
		return xasprintf(_("%s: the answer to \"%s\" changed after the review"),
		    review_status_label(sub->status), text_in(&sub->changed->prompt, lang));
	if (sub->current == NULL || sub->status == RS_NOT_REVIEWED)
		return xstrdup(review_status_label(sub->status));
	day = day_text(sub->current->time, lang);
	s = sub->current->comment ?
	    xasprintf(_("%s (%s, %s): %s"), review_status_label(sub->status), sub->current->user,
		day, sub->current->comment) :
	    xasprintf(_("%s (%s, %s)"), review_status_label(sub->status), sub->current->user, day);
	free(day);
	return s;
}

bool
xsignoff_of(const struct review_role *rr, const struct checklist *cl)
{
	size_t i;

	for (i = 0; i < rr->nsubjects; i++)
		if (rr->subjects[i].checklist == cl)
			return true;
	return false;
}
