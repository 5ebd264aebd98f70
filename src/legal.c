/* SPDX-License-Identifier: EUPL-1.2 */
/* Legal facts as dated data, and the texts that quote them. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/arena.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/legal.h"
#include "airejse/settings.h"
#include "airejse/strbuf.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

/* The fact the {udbudsgraense} placeholder and the setting fall back to. */
#define THRESHOLD_FACT "udbudsgraense"

const struct fact *
legal_fact(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nfacts; i++)
		if (strcmp(c->facts[i]->id, id) == 0)
			return c->facts[i];
	return NULL;
}

const struct fact_value *
legal_value_on(const struct fact *f, const char *day)
{
	size_t i;

	for (i = 0; i < f->nvalues; i++) {
		const struct fact_value *v = &f->values[i];

		if (strcmp(v->from, day) <= 0 && (v->until == NULL || strcmp(day, v->until) <= 0))
			return v;
	}
	return NULL;
}

double
legal_threshold(const struct content *c, const struct settings *s,
    const char *day, const struct fact_value **from_fact)
{
	const struct fact *f = c ? legal_fact(c, THRESHOLD_FACT) : NULL;
	const struct fact_value *v = f ? legal_value_on(f, day) : NULL;

	if (from_fact != NULL)
		*from_fact = NULL;
	if (s != NULL && s->threshold_set)
		return s->value[SETTING_TENDER_THRESHOLD];
	if (v == NULL)
		return setting_def(SETTING_TENDER_THRESHOLD)->def;
	if (from_fact != NULL)
		*from_fact = v;
	return v->value;
}

const char *
legal_source_kind(const char *kind, const char *source)
{
	if (kind != NULL)
		return kind;
	if (source != NULL && strncmp(source, "Sekundær kilde", strlen("Sekundær kilde")) == 0)
		return "secondary";
	return "legal";
}

/* Texts: every user-visible text of the content, with the thing it
 * belongs to (for messages) and the field. */
typedef void text_fn(struct text *t, struct srcpos pos, const char *field, void *arg);

static void
each_text(struct content *c, text_fn *fn, void *arg)
{
	size_t i, j, k, l;

	for (i = 0; i < c->ntracks; i++) {
		struct track *t = c->tracks[i];

		fn(&t->title, t->pos, "title", arg);
		fn(&t->summary, t->pos, "summary", arg);
		for (j = 0; j < t->nphases; j++) {
			struct phase *ph = &t->phases[j];

			fn(&ph->title, ph->pos, "title", arg);
			fn(&ph->summary, ph->pos, "summary", arg);
			for (k = 0; k < ph->nsteps; k++) {
				struct step *st = &ph->steps[k];

				fn(&st->title, st->pos, "title", arg);
				fn(&st->guidance, st->pos, "guidance", arg);
				fn(&st->watch, st->pos, "watch", arg);
				fn(&st->why, st->pos, "why", arg);
				fn(&st->requires_text, st->pos, "requires_text", arg);
			}
		}
	}
	for (i = 0; i < c->nquestions; i++) {
		struct question *q = c->questions[i];

		fn(&q->prompt, q->pos, "prompt", arg);
		fn(&q->help, q->pos, "help", arg);
		for (j = 0; j < q->noptions; j++)
			fn(&q->options[j].label, q->options[j].pos, "label", arg);
	}
	for (i = 0; i < c->nroles; i++) {
		fn(&c->roles[i]->name, c->roles[i]->pos, "name", arg);
		fn(&c->roles[i]->description, c->roles[i]->pos, "description", arg);
		fn(&c->roles[i]->receives, c->roles[i]->pos, "receives", arg);
	}
	for (i = 0; i < c->ngroups; i++) {
		fn(&c->groups[i]->name, c->groups[i]->pos, "name", arg);
		fn(&c->groups[i]->description, c->groups[i]->pos, "description", arg);
	}
	for (i = 0; i < c->nhandoffs; i++)
		fn(&c->handoffs[i]->reason, c->handoffs[i]->pos, "reason", arg);
	for (i = 0; i < c->nglossary; i++) {
		fn(&c->glossary[i]->term, c->glossary[i]->pos, "term", arg);
		fn(&c->glossary[i]->definition, c->glossary[i]->pos, "definition", arg);
	}
	for (i = 0; i < c->ndates; i++)
		fn(&c->dates[i]->title, c->dates[i]->pos, "title", arg);
	for (i = 0; i < c->nfacts; i++)
		fn(&c->facts[i]->title, c->facts[i]->pos, "title", arg);
	for (i = 0; i < c->nlaws; i++)
		fn(&c->laws[i]->title, c->laws[i]->pos, "title", arg);
	for (i = 0; i < c->nchecklists; i++) {
		struct checklist *cl = c->checklists[i];

		fn(&cl->title, cl->pos, "title", arg);
		fn(&cl->summary, cl->pos, "summary", arg);
		for (j = 0; j < cl->nsections; j++) {
			struct csection *sec = &cl->sections[j];

			fn(&sec->title, sec->pos, "title", arg);
			fn(&sec->summary, sec->pos, "summary", arg);
			for (k = 0; k < sec->nitems; k++) {
				struct citem *it = &sec->items[k];

				fn(&it->title, it->pos, "title", arg);
				fn(&it->help, it->pos, "help", arg);
				for (l = 0; l < it->nnotes; l++)
					fn(&it->notes[l].text, it->notes[l].pos, "text", arg);
			}
		}
	}
	if (c->packet != NULL) {
		fn(&c->packet->title, c->packet->pos, "title", arg);
		fn(&c->packet->intro, c->packet->pos, "intro", arg);
	}
}

static const char *const months_da[] = { "januar", "februar", "marts", "april",
    "maj", "juni", "juli", "august", "september", "oktober", "november", "december" };
static const char *const months_en[] = { "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December" };

char *
legal_date_long(const char *iso, enum lang lang)
{
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return xstrdup(iso);
	if (lang == LANG_EN)
		return xasprintf("%d %s %d", d, months_en[m - 1], y);
	return xasprintf("%d. %s %d", d, months_da[m - 1], y);
}

/* A value in its unit and language. */
static char *
value_text(const struct fact *f, double value, enum lang lang)
{
	char *n, *r;

	if (f->unit == NULL || strcmp(f->unit, "dkk") == 0)
		return value_format_amount((int64_t)value, lang);
	/* The amount's digits without its currency, then the unit's. */
	n = value_format_amount((int64_t)value, LANG_DA);
	n[strcspn(n, " ")] = '\0';
	if (lang == LANG_EN)
		for (r = n; *r; r++)
			if (*r == '.')
				*r = ',';
	if (strcmp(f->unit, "eur") == 0)
		r = lang == LANG_EN ? xasprintf("EUR %s", n) : xasprintf("%s euro", n);
	else
		r = xstrdup(n);
	free(n);
	return r;
}

/* What the placeholders of a text stand for. */
struct fill {
	const struct content	*c;
	const char		*day;
	double			 threshold;
};

/* Reads the placeholder at s ('{', not "{{"): its length, or 0 if it has
 * no closing brace; into *kind 'u' (udbudsgraense), 'f' (fact), 'd'
 * (date) or '?' and the id into id. */
static size_t
placeholder(const char *s, int *kind, char *id, size_t idsize)
{
	const char *end = strchr(s + 1, '}'), *name = s + 1;
	size_t n;

	if (end == NULL || memchr(s + 1, '{', (size_t)(end - s - 1)) != NULL)
		return 0;
	n = (size_t)(end - name);
	*kind = '?';
	if (n == strlen(THRESHOLD_FACT) && strncmp(name, THRESHOLD_FACT, n) == 0) {
		*kind = 'u';
	} else if (strncmp(name, "fact:", 5) == 0) {
		*kind = 'f';
		name += 5;
	} else if (strncmp(name, "date:", 5) == 0) {
		*kind = 'd';
		name += 5;
	}
	n = (size_t)(end - name);
	if (n >= idsize)
		n = idsize - 1;
	memcpy(id, name, n);
	id[n] = '\0';
	return (size_t)(end - s) + 1;
}

/* Expands s into out (when fl is given); 0, or -1 with *err saying what
 * is wrong with the first bad placeholder (caller frees). */
static int
expand(const struct content *c, const struct fill *fl, const char *s, enum lang lang,
    struct strbuf *out, char **err)
{
	char id[128];
	int kind;

	*err = NULL;
	while (*s != '\0') {
		const struct fact *f;
		const struct fact_value *v;
		const struct legal_date *dt;
		size_t n;
		char *t = NULL;

		if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
			if (out)
				sb_addc(out, s[0]);
			s += 2;
			continue;
		}
		if (*s == '}') {
			*err = xstrdup(_("a '}' without its '{': write }} for a brace"));
			return -1;
		}
		if (*s != '{') {
			n = strcspn(s, "{}");
			if (out)
				sb_addn(out, s, n);
			s += n;
			continue;
		}
		if ((n = placeholder(s, &kind, id, sizeof(id))) == 0) {
			*err = xstrdup(_("a '{' without its '}': write {{ for a brace"));
			return -1;
		}
		switch (kind) {
		case 'u':
			if (fl)
				t = value_format_amount((int64_t)fl->threshold, lang);
			break;
		case 'f':
			if ((f = legal_fact(c, id)) == NULL) {
				*err = xasprintf(_("unknown fact '%s' in {fact:%s}"), id, id);
				return -1;
			}
			if (fl && (v = legal_value_on(f, fl->day)) != NULL)
				t = value_text(f, v->value, lang);
			else if (fl)	/* no value in force: legal_lint warns */
				t = xstrdup("?");
			break;
		case 'd':
			if ((dt = content_date(c, id)) == NULL) {
				*err = xasprintf(_("unknown legal date '%s' in {date:%s}"), id, id);
				return -1;
			}
			if (fl)
				t = legal_date_long(dt->date, lang);
			break;
		default:
			*err = xasprintf(_("unknown placeholder {%s}: use {udbudsgraense}, {fact:ID} or {date:ID}, and {{ for a brace"),
			    id);
			return -1;
		}
		if (t != NULL) {
			sb_add(out, t);
			free(t);
		}
		s += n;
	}
	return 0;
}

/* Checks */

struct check {
	const struct content	*c;
	struct diags		*d;
	size_t			 nerr;
};

static void
check_text(struct text *t, struct srcpos pos, const char *field, void *arg)
{
	struct check *ck = arg;
	int l;

	for (l = 0; l < LANG__COUNT; l++) {
		char *err;

		if (t->s[l] == NULL || strpbrk(t->s[l], "{}") == NULL)
			continue;
		if (expand(ck->c, NULL, t->s[l], (enum lang)l, NULL, &err) != 0) {
			diag_add(ck->d, DIAG_ERROR, pos.file, pos.line, pos.col,
			    _("in '%s' (%s): %s"), field, lang_code((enum lang)l), err);
			ck->nerr++;
			free(err);
		}
	}
}

/* A quoted source takes no placeholder: it says what was read. */
static void
check_quoted(struct check *ck, const char *s, const char *field, struct srcpos pos)
{
	if (s == NULL || strpbrk(s, "{}") == NULL)
		return;
	diag_add(ck->d, DIAG_ERROR, pos.file, pos.line, pos.col,
	    _("'%s' quotes a source as written and takes no placeholder or brace"), field);
	ck->nerr++;
}

static bool
celex_ok(const char *s)
{
	size_t i;

	if (strlen(s) != 10)
		return false;
	for (i = 0; i < 10; i++)
		if (i == 5 ? !(s[i] >= 'A' && s[i] <= 'Z') : !(s[i] >= '0' && s[i] <= '9'))
			return false;
	return true;
}

static void
check_source(struct check *ck, const char *kind, const char *celex, struct srcpos pos)
{
	if (kind != NULL && strcmp(kind, "legal") != 0 && strcmp(kind, "authority") != 0 &&
	    strcmp(kind, "secondary") != 0) {
		diag_add(ck->d, DIAG_ERROR, pos.file, pos.line, pos.col,
		    _("'source_kind' is legal (the legal text), authority (a public authority's page) or secondary, not '%s'"),
		    kind);
		ck->nerr++;
	}
	if (celex != NULL && !celex_ok(celex)) {
		diag_add(ck->d, DIAG_ERROR, pos.file, pos.line, pos.col,
		    _("'%s' is not a CELEX number such as 32024R1689"), celex);
		ck->nerr++;
	}
}

static void
check_fact(struct check *ck, const struct fact *f)
{
	size_t i;

	check_quoted(ck, f->law, "law", f->pos);
	if (f->unit != NULL && strcmp(f->unit, "dkk") != 0 && strcmp(f->unit, "eur") != 0 &&
	    strcmp(f->unit, "number") != 0) {
		diag_add(ck->d, DIAG_ERROR, f->pos.file, f->pos.line, f->pos.col,
		    _("'unit' is dkk, eur or number, not '%s'"), f->unit);
		ck->nerr++;
	}
	if (f->nvalues == 0) {
		diag_add(ck->d, DIAG_ERROR, f->pos.file, f->pos.line, f->pos.col,
		    _("the fact '%s' has no values"), f->id);
		ck->nerr++;
	}
	for (i = 0; i < f->nvalues; i++) {
		const struct fact_value *v = &f->values[i], *p = i ? &f->values[i - 1] : NULL;
		struct srcpos at = v->pos;

		check_quoted(ck, v->source, "source", at);
		check_source(ck, v->source_kind, v->celex, at);
		if (v->until != NULL && strcmp(v->until, v->from) < 0) {
			diag_add(ck->d, DIAG_ERROR, at.file, at.line, at.col,
			    _("this value ends (%s) before it begins (%s)"), v->until, v->from);
			ck->nerr++;
		}
		if (p == NULL)
			continue;
		if (strcmp(v->from, p->from) <= 0) {
			diag_add(ck->d, DIAG_ERROR, at.file, at.line, at.col,
			    _("the values of '%s' must be in order of 'from': %s comes after %s"),
			    f->id, v->from, p->from);
			ck->nerr++;
		} else if (p->until == NULL || strcmp(v->from, p->until) <= 0) {
			diag_add(ck->d, DIAG_ERROR, at.file, at.line, at.col,
			    _("this value of '%s' from %s overlaps the one before it: end that one with 'until' before %s"),
			    f->id, v->from, v->from);
			ck->nerr++;
		}
	}
}

size_t
legal_link(const struct content *c, struct diags *d)
{
	struct check ck = { c, d, 0 };
	size_t i, j;

	for (i = 0; i < c->ndates; i++) {
		const struct legal_date *dt = c->dates[i];

		check_quoted(&ck, dt->law, "law", dt->pos);
		check_quoted(&ck, dt->source, "source", dt->pos);
		check_source(&ck, dt->source_kind, dt->celex, dt->pos);
	}
	for (i = 0; i < c->nlaws; i++) {
		check_quoted(&ck, c->laws[i]->cite, "cite", c->laws[i]->pos);
		check_quoted(&ck, c->laws[i]->source, "source", c->laws[i]->pos);
		check_source(&ck, c->laws[i]->source_kind, c->laws[i]->celex, c->laws[i]->pos);
	}
	for (i = 0; i < c->nfacts; i++) {
		check_fact(&ck, c->facts[i]);
		for (j = 0; j < i; j++)
			if (strcmp(c->facts[j]->id, c->facts[i]->id) == 0) {
				diag_add(d, DIAG_ERROR, c->facts[i]->pos.file, c->facts[i]->pos.line,
				    c->facts[i]->pos.col, _("the fact '%s' is defined twice (also at %s:%d)"),
				    c->facts[i]->id, c->facts[j]->pos.file, c->facts[j]->pos.line);
				ck.nerr++;
			}
	}
	each_text((struct content *)c, check_text, &ck);
	return ck.nerr;
}

/* Lint: figures typed instead of drawn from the data */

/* The ways a text could state a figure or a date. */
struct literal {
	char		*form[5];
	size_t		 nform;
	char		*what;	/* the placeholder to use */
};

struct lint {
	const struct content	*c;
	struct diags		*d;
	struct literal		*lit;
	size_t			 nlit;
};

/* s contains form, standing alone (no digit or separator glued on). */
static bool
states(const char *s, const char *form)
{
	size_t n = strlen(form);
	const char *p;

	for (p = strstr(s, form); p != NULL; p = strstr(p + 1, form)) {
		char before = p > s ? p[-1] : ' ', after = p[n];

		if ((before >= '0' && before <= '9') || before == '.' || before == ',')
			continue;
		if ((after >= '0' && after <= '9') ||
		    ((after == '.' || after == ',') && p[n + 1] >= '0' && p[n + 1] <= '9'))
			continue;
		return true;
	}
	return false;
}

static void
lint_text(struct text *t, struct srcpos pos, const char *field, void *arg)
{
	struct lint *ln = arg;
	size_t i, j;
	int l;

	for (l = 0; l < LANG__COUNT; l++) {
		if (t->s[l] == NULL)
			continue;
		for (i = 0; i < ln->nlit; i++)
			for (j = 0; j < ln->lit[i].nform; j++)
				if (states(t->s[l], ln->lit[i].form[j])) {
					diag_add(ln->d, DIAG_ERROR, pos.file, pos.line, pos.col,
					    _("'%s' (%s) states '%s' as typed: write %s, so the text follows the legal data"),
					    field, lang_code((enum lang)l), ln->lit[i].form[j], ln->lit[i].what);
					goto next;
				}
next:		;
	}
}

static void
add_literal(struct lint *ln, char *what)
{
	ln->lit = xreallocarray(ln->lit, ln->nlit + 1, sizeof(*ln->lit));
	memset(&ln->lit[ln->nlit], 0, sizeof(*ln->lit));
	ln->lit[ln->nlit++].what = what;
}

static void
add_form(struct lint *ln, char *form)
{
	struct literal *li = &ln->lit[ln->nlit - 1];

	li->form[li->nform++] = form;
}

/* "1.611.360" from "1.611.360 kr." and "1,611,360" from "DKK 1,611,360". */
static char *
digits_only(char *s)
{
	char *p = s, *q = s;

	while (*p != '\0' && !(*p >= '0' && *p <= '9'))
		p++;
	while ((*p >= '0' && *p <= '9') || ((*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9'))
		*q++ = *p++;
	*q = '\0';
	return s;
}

static void
collect_literals(struct lint *ln)
{
	const struct content *c = ln->c;
	size_t i, j;
	int y, m, d;

	for (i = 0; i < c->ndates; i++) {
		const struct legal_date *dt = c->dates[i];

		if (sscanf(dt->date, "%4d-%2d-%2d", &y, &m, &d) != 3)
			continue;
		add_literal(ln, xasprintf("{date:%s}", dt->id));
		add_form(ln, legal_date_long(dt->date, LANG_DA));
		add_form(ln, legal_date_long(dt->date, LANG_EN));
		add_form(ln, xasprintf("%02d.%02d.%04d", d, m, y));
		add_form(ln, xasprintf("%d.%d.%04d", d, m, y));
	}
	for (i = 0; i < c->nfacts; i++) {
		const struct fact *f = c->facts[i];

		for (j = 0; j < f->nvalues; j++) {
			/* A figure of a few digits stands for many things. */
			if (f->values[j].value < 10000)
				continue;
			add_literal(ln, strcmp(f->id, THRESHOLD_FACT) == 0 ?
			    xstrdup("{udbudsgraense}") : xasprintf("{fact:%s}", f->id));
			add_form(ln, digits_only(value_format_amount((int64_t)f->values[j].value, LANG_DA)));
			add_form(ln, digits_only(value_format_amount((int64_t)f->values[j].value, LANG_EN)));
			add_form(ln, xasprintf("%lld", (long long)f->values[j].value));
		}
	}
}

void
legal_add_months(const char *iso, int months, char out[11])
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	char buf[40];
	int y, m, d, last;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || months < 0) {
		snprintf(out, 11, "%s", iso);
		return;
	}
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (d > last)
		d = last;
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
	memcpy(out, buf, 10);
	out[10] = '\0';
}

static void
warn_checked(struct diags *dg, struct srcpos pos, const char *what, const char *checked,
    const char *kind, const char *source, const char *day, int months)
{
	char limit[11];

	legal_add_months(checked, months, limit);
	if (strcmp(day, limit) > 0) {
		char *when = value_format_date(checked, i18n_lang());

		diag_add(dg, DIAG_WARNING, pos.file, pos.line, pos.col,
		    P_("%s was last checked %s, more than %d month ago: check it against its source (%s) and update 'checked'",
		    "%s was last checked %s, more than %d months ago: check it against its source (%s) and update 'checked'",
		    months), what, when, months, source);
		free(when);
	}
	if (strcmp(kind, "legal") != 0)
		diag_add(dg, DIAG_WARNING, pos.file, pos.line, pos.col,
		    strcmp(kind, "authority") == 0 ?
		    _("%s rests on an authority's page, not on the legal text: check it against the act and set 'source_kind: legal'") :
		    _("%s rests on a secondary source, not on the legal text: check it against the act and set 'source_kind: legal'"),
		    what);
}

void
legal_lint(const struct content *c, const char *day, int months, bool warn,
    struct diags *d)
{
	struct lint ln = { c, d, NULL, 0 };
	size_t i, j;

	collect_literals(&ln);
	each_text((struct content *)c, lint_text, &ln);
	for (i = 0; i < ln.nlit; i++) {
		for (j = 0; j < ln.lit[i].nform; j++)
			free(ln.lit[i].form[j]);
		free(ln.lit[i].what);
	}
	free(ln.lit);
	if (!warn)
		return;
	for (i = 0; i < c->ndates; i++) {
		const struct legal_date *dt = c->dates[i];
		char *what = xasprintf(_("the legal date '%s'"), text_get(&dt->title));

		warn_checked(d, dt->pos, what, dt->checked, legal_source_kind(dt->source_kind, dt->source),
		    dt->source, day, months);
		free(what);
	}
	for (i = 0; i < c->nlaws; i++) {
		const struct law *lw = c->laws[i];
		char *what = xasprintf(_("the references to '%s'"), text_get(&lw->title));

		warn_checked(d, lw->pos, what, lw->checked, legal_source_kind(lw->source_kind, lw->source),
		    lw->source, day, months);
		free(what);
	}
	for (i = 0; i < c->nfacts; i++) {
		const struct fact *f = c->facts[i];

		for (j = 0; j < f->nvalues; j++) {
			const struct fact_value *v = &f->values[j];
			char *from = value_format_date(v->from, i18n_lang());
			char *what = xasprintf(_("the value of '%s' from %s"), text_get(&f->title), from);

			warn_checked(d, v->pos, what, v->checked, legal_source_kind(v->source_kind, v->source),
			    v->source, day, months);
			free(what);
			free(from);
		}
		if (f->nvalues > 0 && legal_value_on(f, day) == NULL)
			diag_add(d, DIAG_WARNING, f->pos.file, f->pos.line, f->pos.col,
			    _("no value of '%s' covers today: add the new period"), f->id);
	}
}

/* References */

char *
legal_ref_note(const struct law *lw)
{
	return legal_checked_note(lw->checked, legal_source_kind(lw->source_kind, lw->source));
}

char *
legal_checked_note(const char *checked, const char *kind)
{
	char *when = value_format_date(checked, i18n_lang()), *r;

	if (strcmp(kind, "legal") == 0)
		/* L10N: beside a legal reference: "AI-forordningen art. 26 (checked 04.12.2026)". */
		r = xasprintf(_("(checked %s)"), when);
	else if (strcmp(kind, "authority") == 0)
		r = xasprintf(_("(checked %s, an authority's page)"), when);
	else
		r = xasprintf(_("(checked %s, a secondary source)"), when);
	free(when);
	return r;
}

char *
legal_refs_text(const struct strlist *l, const char *sep)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, k;
	bool later;

	if (l->n == 0)
		return NULL;
	for (i = 0; i < l->n; i++) {
		const struct law *lw = l->law ? l->law[i] : NULL;

		if (i > 0)
			sb_add(&sb, sep);
		sb_add(&sb, l->v[i]);
		/* Once per act, after its last reference in the list. */
		for (later = false, k = i + 1; lw != NULL && k < l->n && !later; k++)
			later = l->law[k] == lw;
		if (lw != NULL && !later) {
			char *note = legal_ref_note(lw);

			sb_addf(&sb, " %s", note);
			free(note);
		}
	}
	return sb_detach(&sb);
}

const char *
legal_checked(const struct content *c, const char *day, size_t *unchecked)
{
	const char *oldest = NULL;
	size_t i, n = 0;

	for (i = 0; i < c->ndates; i++) {
		const struct legal_date *dt = c->dates[i];

		if (dt->checked == NULL)
			continue;
		if (oldest == NULL || strcmp(dt->checked, oldest) < 0)
			oldest = dt->checked;
		n += strcmp(legal_source_kind(dt->source_kind, dt->source), "legal") != 0;
	}
	for (i = 0; i < c->nfacts; i++) {
		const struct fact_value *v = legal_value_on(c->facts[i], day);

		if (v == NULL || v->checked == NULL)
			continue;
		if (oldest == NULL || strcmp(v->checked, oldest) < 0)
			oldest = v->checked;
		n += strcmp(legal_source_kind(v->source_kind, v->source), "legal") != 0;
	}
	if (unchecked != NULL)
		*unchecked = n;
	return oldest;
}

/* Filling */

static char *
store_str(struct content *c, char *old, const char *s)
{
	if (c->arena != NULL)
		return arena_strdup(c->arena, s);
	free(old);
	return xstrdup(s);
}

struct filling {
	struct content	*c;
	struct fill	 fl;
};

static void
fill_text(struct text *t, struct srcpos pos, const char *field, void *arg)
{
	struct filling *fg = arg;
	int l;

	(void)pos;
	(void)field;
	for (l = 0; l < LANG__COUNT; l++) {
		struct strbuf sb = STRBUF_INIT;
		char *err;

		if (t->s[l] == NULL || strpbrk(t->s[l], "{}") == NULL)
			continue;
		if (expand(fg->c, &fg->fl, t->s[l], (enum lang)l, &sb, &err) == 0)
			t->s[l] = store_str(fg->c, t->s[l], sb_str(&sb));
		free(err);
		sb_free(&sb);
	}
}

void
legal_fill(struct content *c, struct settings *s, const char *day)
{
	struct filling fg = { c, { c, day, legal_threshold(c, s, day, NULL) } };

	if (s != NULL)
		s->value[SETTING_TENDER_THRESHOLD] = fg.fl.threshold;
	each_text(c, fill_text, &fg);
}

char *
legal_expand(const struct content *c, const struct settings *s, const char *day,
    const char *text, enum lang lang)
{
	struct fill fl = { c, day, legal_threshold(c, s, day, NULL) };
	struct strbuf sb = STRBUF_INIT;
	char *err;

	if (text == NULL || strpbrk(text, "{}") == NULL)
		return NULL;
	if (expand(c, &fl, text, lang, &sb, &err) != 0) {
		free(err);
		sb_free(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}
