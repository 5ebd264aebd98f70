/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports: the names of formats, parts and states, escaping for each
 * format, and the texts every format shares. Everything here is below
 * export.c and the renderers, which all use it. */
#include <stdlib.h>
#include <string.h>

#include "config.h"

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/export-render.h"
#include "airejse/legal.h"
#include "airejse/settings.h"
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

/* The machine codes are stable: JSON carries them. */
static const char *const state_names[ITEM__STATES] = {
	"done", "open", "unknown", "not-met", "awaiting-review", "not-applicable"
};

/* L10N: the state of a checklist item in an export. */
static const char *const state_labels[ITEM__STATES] = {
	NC_("checklist state", "Done"), NC_("checklist state", "Not answered"),
	NC_("checklist state", "Unknown"), NC_("checklist state", "Not met"),
	NC_("checklist state", "Awaiting review"), NC_("checklist state", "Not applicable")
};

/* L10N: what each state of a checklist item means, for the legend of an
 * export. */
static const char *const state_legends[ITEM__STATES] = {
	N_("Answered, and the answers meet it."),
	N_("Not answered yet: a question it rests on has no answer."),
	N_("A question is answered \"don't know\": waiting on the role named, who would know."),
	N_("The answers given do not meet it, or rule it out for now: what to do is given."),
	N_("Handed off to the role named: awaiting its answer or review."),
	N_("It does not apply to this project: why is given."),
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

const char *
item_state_legend(enum item_state s)
{
	return _(state_legends[s < ITEM__STATES ? s : ITEM_OPEN]);
}

bool
item_state_pending(enum item_state s)
{
	return s != ITEM_DONE && s != ITEM_NA && s < ITEM__STATES;
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
	/* The track by its title: ids are for machines (JSON has them). */
	return xasprintf("%s (%s)", text_in(&st->title, lang), text_in(&st->track->title, lang));
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

/* The role's name, or NULL. */
static const char *
role_text(const struct role *r, enum lang lang)
{
	return r ? text_in(&r->name, lang) : NULL;
}

/* How many answers a reason names at most. */
#define NA_QUESTIONS 4

/* Each answered question of e's comparisons with its answer, "\"prompt\": answer",
 * once, joined by "; " into sb. */
static void
cond_answers(const struct export_data *d, const struct expr *e, struct strbuf *sb,
    const struct question **seen, size_t *nseen, enum lang lang)
{
	const struct operand *ops[2];
	size_t i, j;

	if (e == NULL)
		return;
	ops[0] = &e->a;
	ops[1] = &e->b;
	for (i = 0; i < 2; i++) {
		const struct question *q = ops[i]->kind == OPD_QUESTION ? ops[i]->q : NULL;
		struct xanswer x;
		char *t;

		for (j = 0; q != NULL && j < *nseen; j++)
			if (seen[j] == q)
				q = NULL;
		if (q == NULL || *nseen == NA_QUESTIONS)
			continue;
		memset(&x, 0, sizeof(x));
		x.q = q;
		x.kind = progress_counts(d->snap->progress, q, &x.value);
		/* The answers given decide; a question not answered is
		 * named only when no answer is given at all (na_reason). */
		if ((t = xanswer_text(&x, lang)) == NULL)
			continue;
		seen[(*nseen)++] = q;
		if (sb->len > 0)
			sb_add(sb, "; ");
		sb_add(sb, "\"");
		sb_add(sb, text_in(&q->prompt, lang));
		sb_add(sb, "\": ");
		sb_add(sb, t);
		free(t);
	}
	cond_answers(d, e->l, sb, seen, nseen, lang);
	cond_answers(d, e->r, sb, seen, nseen, lang);
}

/* Why x does not apply. */
static char *
na_reason(const struct export_data *d, const struct xitem *x, enum lang lang)
{
	struct strbuf sb = STRBUF_INIT;
	const struct question *seen[NA_QUESTIONS];
	size_t nseen = 0, i;
	char *r;

	if (x->na_by_item) {
		cond_answers(d, x->item->when.expr, &sb, seen, &nseen, lang);
	} else {
		/* Its questions are not asked: those whose own condition
		 * fails say why; the others are not on the project's tracks. */
		for (i = 0; i < x->item->nquestions; i++) {
			const struct question *q = x->item->questions[i];

			if (!progress_holds(d->snap->progress, &q->when))
				cond_answers(d, q->when.expr, &sb, seen, &nseen, lang);
		}
	}
	if (sb.len == 0) {
		sb_free(&sb);
		return xstrdup(x->na_by_item ? _("Its condition does not hold for this project: it rests on questions not answered yet.") :
		    _("None of its questions applies to this project's tracks and answers."));
	}
	/* L10N: why a checklist item does not apply: the answers its
	 * condition rests on. */
	r = xasprintf(_("Not applicable given the answers: %s"), sb.s);
	sb_free(&sb);
	return r;
}

/* What an open hand-off stands at, for a reason: "sent, due 01.12.2026". */
static char *
handoff_at(const struct export_data *d, const struct handoff *h, enum lang lang)
{
	char *st = xhandoff_state_text(d, h), *due, *r;

	if (h->due == NULL)
		return st;
	due = xdate_text(h->due, lang);
	/* L10N: a hand-off's state and due date: "sendt, frist 01.12.2026". */
	r = xasprintf(_("%s, due %s"), st, due);
	free(st);
	free(due);
	return r;
}

char *
xitem_reason(const struct export_data *d, const struct xitem *x, enum lang lang)
{
	const char *who = role_text(x->waiting_on, lang), *owner = role_text(x->owner, lang);
	char *at, *r;
	size_t i, n = 0;

	switch (x->state) {
	case ITEM_OPEN:
		for (i = 0; i < x->nanswers; i++)
			n += x->answers[i].kind == ANSWER_NONE;
		if (x->missing == NULL)
			return owner ? xasprintf(_("Not answered yet; %s answers it."), owner) :
			    xstrdup(_("Not answered yet."));
		return n > 1 ? xasprintf(P_("\"%s\" and %zu more question are not answered.",
		    "\"%s\" and %zu more questions are not answered.", n - 1),
		    text_in(&x->missing->prompt, lang), n - 1) :
		    xasprintf(_("\"%s\" is not answered."), text_in(&x->missing->prompt, lang));
	case ITEM_UNKNOWN:
		if (x->handoff != NULL && who != NULL) {
			at = handoff_at(d, x->handoff, lang);
			r = xasprintf(_("\"%s\" is answered \"don't know\": waiting on %s, to whom it is handed off (%s)."),
			    text_in(&x->unknown->prompt, lang), who, at);
			free(at);
			return r;
		}
		return who ? xasprintf(_("\"%s\" is answered \"don't know\": waiting on %s to find out."),
		    text_in(&x->unknown->prompt, lang), who) :
		    xasprintf(_("\"%s\" is answered \"don't know\": find out who knows."),
		    text_in(&x->unknown->prompt, lang));
	case ITEM_NOT_MET:
		if (x->item->help.s[LANG_DA] != NULL)
			return xasprintf(_("The answers do not meet it. What it takes: %s"),
			    text_in(&x->item->help, lang));
		if (x->nnotes > 0)
			return xstrdup(x->by_condition ?
			    _("The answers rule it out for now: see the notes for what to do.") :
			    _("The answers do not meet it: see the notes for what to do."));
		return owner ? xasprintf(_("The answers do not meet it: %s must settle what to do."), owner) :
		    xstrdup(_("The answers do not meet it: settle what to do before going on."));
	case ITEM_AWAITING:
		at = handoff_at(d, x->handoff, lang);
		r = xasprintf(_("Handed off to %s (%s): awaiting their answer or review."),
		    who ? who : x->handoff->role, at);
		free(at);
		return r;
	case ITEM_NA:
		return na_reason(d, x, lang);
	default:
		return NULL;
	}
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

/* Whether x asks the contract value (the content's contract:
 * typed_value). */
static bool
asks_contract(const struct content *c, const struct xitem *x)
{
	size_t i;

	for (i = 0; c->contract != NULL && i < x->nanswers; i++)
		if (x->answers[i].applies &&
		    strcmp(x->answers[i].q->id, c->contract->typed_value.id) == 0)
			return true;
	return false;
}

char *
xitem_remarks(const struct export_data *d, const struct xitem *x, enum lang lang)
{
	char *notes = xitem_notes(d, x, lang), *reason = xitem_reason(d, x, lang), *r;

	if (notes == NULL || reason == NULL)
		return notes ? notes : reason;
	r = xasprintf("%s\n%s", notes, reason);
	free(notes);
	free(reason);
	return r;
}

char *
xitem_notes(const struct export_data *d, const struct xitem *x, enum lang lang)
{
	struct strbuf sb = STRBUF_INIT;
	char *contract = asks_contract(d->content, x) ? xcontract_text(d->snap->progress, lang) : NULL;
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

/* h's number in packet p, from 1; 0 when p does not hold it. */
static size_t
handoff_number(const struct xpacket *p, const struct xhandoff *h)
{
	size_t i;

	for (i = 0; i < p->nhandoffs; i++)
		if (p->handoffs[i] == h)
			return i + 1;
	return 0;
}

char *
xserved_numbers(const struct xpacket *p, const struct xpquestion *pq)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	char num[24];

	if (p->nhandoffs <= 1)
		return NULL;
	for (i = 0; i < pq->nhandoffs; i++) {
		if (i > 0)
			sb_add(&sb, i + 1 == pq->nhandoffs ? _(" and ") : ", ");
		snprintf(num, sizeof(num), "%zu", handoff_number(p, pq->handoffs[i]));
		sb_add(&sb, num);
	}
	return sb_detach(&sb);
}

char *
xhandoff_title(const struct xpacket *p, const struct xhandoff *h, enum lang lang)
{
	const char *reason = text_in(&h->rule->reason, lang);

	if (p->nhandoffs <= 1)
		return xstrdup(reason);
	return xasprintf("%zu. %s", handoff_number(p, h), reason);
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

/* The cover */

static void
fact_add(struct xfacts *f, const char *label, char *value)
{
	if (value == NULL)
		return;
	f->v = xreallocarray(f->v, f->n + 1, sizeof(*f->v));
	f->v[f->n].label = label;
	f->v[f->n].value = value;
	f->n++;
}

void
xfacts_free(struct xfacts *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->v[i].value);
	free(f->v);
	f->v = NULL;
	f->n = 0;
}

char *
xthreshold_text(const struct export_data *d, enum lang lang)
{
	const struct fact *f = legal_fact(d->content, "udbudsgraense");
	const struct fact_value *v = f ? legal_value_on(f, d->today) : NULL;
	char *amount, *eu, *r;

	amount = value_format_amount((int64_t)legal_threshold(d->content, d->settings,
	    d->today, NULL), lang);
	if (v == NULL)
		return amount;
	if (d->settings != NULL && d->settings->threshold_set) {
		eu = value_format_amount((int64_t)v->value, lang);
		r = strcmp(eu, amount) == 0 ? xstrdup(amount) :
		    xasprintf(_("%s (set by the region; the EU threshold is %s)"), amount, eu);
		free(eu);
	} else {
		r = xasprintf(_("%s (EU threshold %.4s–%.4s, %s)"), amount, v->from,
		    v->until ? v->until : v->from, f->law);
	}
	free(amount);
	return r;
}

void
xcover(const struct export_data *d, enum lang lang, struct xfacts *out)
{
	char when[17], day[11], *date;
	const char *checked;
	size_t unchecked = 0;

	memset(out, 0, sizeof(*out));
	fact_add(out, _("Project"), xstrdup(d->snap->project->name));
	fact_add(out, _("Tracks"), xtracks_text(d, lang));
	if (d->settings != NULL && d->settings->organisation != NULL)
		fact_add(out, _("Organisation"), xstrdup(d->settings->organisation));
	clock_local(d->now, when);
	clock_day(d->now, day);
	date = xdate_text(day, lang);
	/* L10N: when an export was made: "23.11.2026 kl. 11:00". */
	fact_add(out, _("Exported"), xasprintf(_("%s at %s"), date, when + 11));
	free(date);
	if (d->user != NULL || d->account != NULL)
		fact_add(out, _("Exported by"), record_who(d->user, d->account));
	fact_add(out, _("Program"), xstrdup("airejse " VERSION));
	if ((checked = legal_checked(d->content, d->today, &unchecked)) != NULL) {
		char *c = xdate_text(checked, lang);

		fact_add(out, _("Legal content last checked"), unchecked == 0 ? c :
		    xasprintf(P_("%s (%zu not checked against the legal text)",
		    "%s (%zu not checked against the legal text)", unchecked), c, unchecked));
		if (unchecked != 0)
			free(c);
	}
	fact_add(out, _("Tender threshold"), xthreshold_text(d, lang));
}

/* "Done: 2 · Not answered: 7 · ...": every state, or with pending only
 * those that need work. */
static char *
counts_text(const size_t count[ITEM__STATES], bool pending)
{
	struct strbuf sb = STRBUF_INIT;
	int s;

	for (s = 0; s < ITEM__STATES; s++) {
		if (pending && !item_state_pending((enum item_state)s))
			continue;
		if (sb.len > 0)
			sb_add(&sb, " · ");
		sb_addf(&sb, "%s: %zu", item_state_label((enum item_state)s), count[s]);
	}
	return sb_detach(&sb);
}

void
xcounts(const struct export_data *d, const struct export_opts *o, struct xfacts *out)
{
	size_t i, count[ITEM__STATES];
	bool all = o->what.part == EXPORT_ALL;

	memset(out, 0, sizeof(*out));
	if (all || o->what.part == EXPORT_ACTION_PLAN) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < d->nactions; i++)
			if (d->actions[i].item != NULL)
				count[d->actions[i].item->state]++;
		fact_add(out, _("Action plan"), counts_text(count, true));
	}
	for (i = 0; i < d->nchecklists; i++) {
		const struct xchecklist *xc = &d->checklists[i];

		if (xc->checklist->layout != CLAYOUT_TABLE ||
		    (!all && xc->checklist != o->what.checklist))
			continue;
		fact_add(out, xchecklist_title(d, xc->checklist, o->lang),
		    counts_text(xc->count, false));
	}
}

void
xlegend(const struct export_opts *o, struct xfacts *out)
{
	int s;

	memset(out, 0, sizeof(*out));
	if (o->what.part == EXPORT_HANDOFF || (o->what.part == EXPORT_CHECKLIST &&
	    o->what.checklist->layout != CLAYOUT_TABLE))
		return;
	for (s = 0; s < ITEM__STATES; s++)
		fact_add(out, item_state_label((enum item_state)s),
		    xstrdup(item_state_legend((enum item_state)s)));
}

const char *
xchecklist_title(const struct export_data *d, const struct checklist *cl, enum lang lang)
{
	size_t i;

	for (i = 0; i < cl->ntitles; i++)
		if (progress_holds(d->snap->progress, &cl->titles[i].when))
			return text_in(&cl->titles[i].text, lang);
	return text_in(&cl->title, lang);
}
