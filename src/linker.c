/* SPDX-License-Identifier: EUPL-1.2 */
/* The linker: what the loader read, checked and linked (references to
 * their targets, conditions bound through a resolver over the content
 * and the site settings), whether it was read from YAML or the cache. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/arena.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/expr.h"
#include "airejse/i18n.h"
#include "airejse/linker.h"
#include "airejse/settings.h"
#include "airejse/xalloc.h"

/* A track's steps sorted by id, for the linker's lookups. */
struct step_ids {
	const struct step	**v;
	size_t			 n;
};

struct linker {
	struct content	*c;
	struct diags	*d;
	int		 nerr;
	/* Lookup aids made once, for content is linked at every start and
	 * has hundreds of steps, terms and references between them: */
	const struct glossary_entry **terms;	/* by id */
	struct step_ids	*steps;			/* one per track */
	bool		*asked;			/* by question index */
};

/* An array the linker fills, in the content's arena. */
static void *
link_array(struct linker *lk, size_t n, size_t size)
{
	return arena_array(lk->c->arena, n, size);
}

static int
cmp_step_id(const void *a, const void *b)
{
	const struct step *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

static int
cmp_step_key(const void *key, const void *elem)
{
	const struct step *const *st = elem;

	return strcmp(key, (*st)->id);
}

/* Sorts the steps of track t (the i-th) by id for find_step. */
static void
index_steps(struct linker *lk, size_t i, const struct track *t)
{
	struct step_ids *ix = &lk->steps[i];
	size_t p, j;

	ix->n = 0;
	for (p = 0; p < t->nphases; p++)
		ix->n += t->phases[p].nsteps;
	ix->v = xreallocarray(NULL, ix->n ? ix->n : 1, sizeof(*ix->v));
	ix->n = 0;
	for (p = 0; p < t->nphases; p++)
		for (j = 0; j < t->phases[p].nsteps; j++)
			ix->v[ix->n++] = &t->phases[p].steps[j];
	if (ix->n > 1)
		qsort(ix->v, ix->n, sizeof(*ix->v), cmp_step_id);
}

/* track_step, by binary search over a track's index. */
static const struct step *
find_step(const struct step_ids *ix, const char *id)
{
	const struct step **st = bsearch(id, ix->v, ix->n, sizeof(*st), cmp_step_key);

	return st ? *st : NULL;
}

static int
cmp_term_id(const void *a, const void *b)
{
	const struct glossary_entry *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

static int
cmp_term_key(const void *key, const void *elem)
{
	const struct glossary_entry *const *e = elem;

	return strcmp(key, (*e)->id);
}

/* content_term, by binary search over the linker's index. */
static const struct glossary_entry *
link_term(const struct linker *lk, const char *id)
{
	const struct glossary_entry **e;

	e = bsearch(id, lk->terms, lk->c->nglossary, sizeof(*e), cmp_term_key);
	return e ? *e : NULL;
}

/* Marks the questions some step asks, once the tracks are linked. */
static void
index_asked(struct linker *lk)
{
	const struct content *c = lk->c;
	size_t t, i, k;

	lk->asked = xcalloc(c->nquestions ? c->nquestions : 1, sizeof(*lk->asked));
	for (t = 0; t < c->ntracks; t++)
		for (i = 0; i < c->tracks[t]->nsteps; i++) {
			const struct step *st = track_step_at(c->tracks[t], i);

			for (k = 0; k < st->nquestions; k++)
				lk->asked[st->questions[k]->index] = true;
		}
}

/* Whether ids->v[i] came earlier in the list. */
static bool
listed_before(const struct linker *lk, const struct strlist *ids, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (strcmp(ids->v[j], ids->v[i]) == 0)
			return true;
	return false;
}

static void
lerr(struct linker *lk, struct srcpos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
lerr(struct linker *lk, struct srcpos p, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(lk->d, DIAG_ERROR, p.file, p.line, p.col, "%s", msg);
	free(msg);
	lk->nerr++;
}

static void
lwarn(struct linker *lk, struct srcpos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
lwarn(struct linker *lk, struct srcpos p, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(lk->d, DIAG_WARNING, p.file, p.line, p.col, "%s", msg);
	free(msg);
}

/* Sorts v unless it is sorted already, as content read back from the
 * cache is: one pass instead of a merge sort at every start. */
static void
sort_once(void *v, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	const char *p = v;
	size_t i;

	for (i = 1; i < n; i++)
		if (cmp(p + (i - 1) * size, p + i * size) > 0)
			break;
	if (i < n)
		qsort(v, n, size, cmp);
}

/* An item's id and its place in its list, sorted by both. */
struct id_at {
	const char	*id;
	size_t		 i;
};

static int
cmp_id_at(const void *a, const void *b)
{
	const struct id_at *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c != 0 ? c : (x->i > y->i) - (x->i < y->i);
}

/* Reports every id that an earlier item already used, against the first
 * item that used it. */
static void
check_dups(struct linker *lk, void *const *items, size_t n,
    const char *(*id)(const void *), struct srcpos (*pos)(const void *),
    const char *what)
{
	struct id_at *v = xreallocarray(NULL, n ? n : 1, sizeof(*v));
	size_t i, first = 0;

	for (i = 0; i < n; i++)
		v[i] = (struct id_at){ id(items[i]), i };
	qsort(v, n, sizeof(*v), cmp_id_at);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i].id, v[first].id) != 0) {
			first = i;
		} else {
			struct srcpos at = pos(items[v[first].i]);

			lerr(lk, pos(items[v[i].i]), _("duplicate %s id '%s' (first defined at %s:%d)"),
			    what, v[i].id, at.file, at.line);
		}
	}
	free(v);
}

#define ACCESSORS(T)							\
static const char *T##_id(const void *p) { return ((const struct T *)p)->id; } \
static struct srcpos T##_pos(const void *p) { return ((const struct T *)p)->pos; }

ACCESSORS(track)
ACCESSORS(question)
ACCESSORS(role)
ACCESSORS(group)
ACCESSORS(handoff_rule)
ACCESSORS(glossary_entry)
ACCESSORS(legal_date)
ACCESSORS(checklist)
ACCESSORS(law)

static bool
text_blank(const struct text *t, int l)
{
	const char *s = t->s[l];

	if (s == NULL)
		return false;
	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	return *s == '\0';
}

/* Whether some language of t is blank. */
static bool
texts_blank(const struct text *t)
{
	int l;

	for (l = 0; l < LANG__COUNT; l++)
		if (text_blank(t, l))
			return true;
	return false;
}

static void
check_texts(struct linker *lk, const struct text *t, struct srcpos p, const char *what)
{
	/* The loader requires both keys; this catches whitespace-only text. */
	int l;

	for (l = 0; l < LANG__COUNT; l++)
		if (text_blank(t, l))
			lerr(lk, p, _("the %s text of %s is blank"), lang_code((enum lang)l), what);
}

static void
link_question(struct linker *lk, struct question *q)
{
	size_t i, j;
	bool choice = q->type == Q_CHOICE || q->type == Q_MULTI;
	bool numeric = q->type == Q_NUMBER || q->type == Q_AMOUNT;
	bool text = q->type == Q_TEXT || q->type == Q_LONGTEXT;

	if (choice && q->noptions < 2)
		lerr(lk, q->pos, _("question '%s' is a %s and needs at least two options"),
		    q->id, qtype_name(q->type));
	if (!choice && q->noptions > 0)
		lerr(lk, q->options[0].pos, _("question '%s' is %s; only choice and multi questions have options"),
		    q->id, qtype_name(q->type));
	for (i = 1; i < q->noptions; i++)
		for (j = 0; j < i; j++)
			if (strcmp(q->options[i].id, q->options[j].id) == 0) {
				lerr(lk, q->options[i].pos, _("duplicate option id '%s' in question '%s'"),
				    q->options[i].id, q->id);
				break;
			}
	if (!numeric && (q->has_min || q->has_max))
		lerr(lk, q->pos, _("question '%s' is %s; only number and amount questions have min and max"),
		    q->id, qtype_name(q->type));
	if (q->has_min && q->has_max && q->min > q->max)
		lerr(lk, q->pos, _("question '%s' has min greater than max"), q->id);
	if (q->unit != QU_NONE && q->type != Q_NUMBER)
		lerr(lk, q->pos, _("question '%s' is %s; only number questions have a unit"),
		    q->id, qtype_name(q->type));
	if (!text && q->maxlen > 0)
		lerr(lk, q->pos, _("question '%s' is %s; only text questions have max_length"),
		    q->id, qtype_name(q->type));
	check_texts(lk, &q->prompt, q->pos, q->id);
}

struct bind_ctx {
	struct linker		*lk;
	const struct cond	*c;
};

void
linker_cond_error(struct diags *diags, const struct cond *c, int col, const char *msg)
{
	struct srcpos p = c->pos;

	if (c->exact) {
		p.col += col - 1;
		diag_add(diags, DIAG_ERROR, p.file, p.line, p.col, _("condition: %s"), msg);
	} else {
		diag_add(diags, DIAG_ERROR, p.file, p.line, p.col,
		    _("condition, at character %d: %s"), col, msg);
	}
}

static void
bind_err(void *arg, int col, const char *msg)
{
	struct bind_ctx *b = arg;

	linker_cond_error(b->lk->d, b->c, col, msg);
	b->lk->nerr++;
}

/* The names in conditions: the content's questions, their options and
 * its tracks, and the site settings. */

static const struct question *
resolve_question(void *arg, const char *id, enum qtype *type)
{
	const struct question *q = content_question(arg, id);

	if (q != NULL)
		*type = q->type;
	return q;
}

static bool
resolve_option(void *arg, const struct question *q, const char *id)
{
	(void)arg;
	return question_option(q, id) != NULL;
}

static bool
resolve_track(void *arg, const char *id)
{
	return content_track(arg, id) != NULL;
}

static int
resolve_setting(void *arg, const char *name)
{
	const struct setting_def *sd = setting_find(name);

	(void)arg;
	return sd != NULL ? (int)sd->id : -1;
}

int
linker_bind(const struct content *c, struct expr *e,
    void (*err)(void *arg, int col, const char *msg), void *arg)
{
	const struct expr_resolver r = { resolve_question, resolve_option, resolve_track,
	    resolve_setting, (void *)c };

	return expr_bind(e, &r, err, arg);
}

static void
bind_cond(struct linker *lk, const struct cond *c)
{
	struct bind_ctx b = { lk, c };

	if (c->expr != NULL)
		linker_bind(lk->c, c->expr, bind_err, &b);
}

static void
link_step(struct linker *lk, const struct step_ids *ix, struct track *t, struct step *st)
{
	struct content *c = lk->c;
	size_t i;

	/* A missing required key was reported already. */
	if (st->owner_ref.id != NULL &&
	    (st->owner = content_role(c, st->owner_ref.id)) == NULL)
		lerr(lk, st->owner_ref.pos, _("unknown role '%s'"), st->owner_ref.id);
	if (st->group_ref.id != NULL &&
	    (st->group = content_group(c, st->group_ref.id)) == NULL)
		lerr(lk, st->group_ref.pos, _("unknown group '%s'"), st->group_ref.id);
	if (st->group_assumed && st->group_ref.id == NULL)
		lerr(lk, st->pos, _("step '%s' says its group is not confirmed (group_confirmed: false) but names no group; add 'group' or remove 'group_confirmed'"),
		    st->id);
	if (st->basis == BASIS_LAW && st->legal.n == 0)
		lerr(lk, st->pos, _("step '%s' is required by law (basis: law) but names no legal reference; add 'legal'"),
		    st->id);
	st->needs = link_array(lk, st->needs_ids.n, sizeof(*st->needs));
	for (i = 0; i < st->needs_ids.n; i++) {
		const struct step *n = find_step(ix, st->needs_ids.v[i]);

		if (n == NULL)
			lerr(lk, st->needs_ids.pos[i], _("unknown step '%s' in track '%s'"),
			    st->needs_ids.v[i], t->id);
		else if (n == st)
			lerr(lk, st->needs_ids.pos[i], _("step '%s' cannot need itself"), st->id);
		else
			st->needs[st->nneeds++] = n;
	}
	st->terms = link_array(lk, st->term_ids.n, sizeof(*st->terms));
	for (i = 0; i < st->term_ids.n; i++) {
		const struct glossary_entry *e = link_term(lk, st->term_ids.v[i]);

		if (e == NULL)
			lerr(lk, st->term_ids.pos[i], _("unknown glossary entry '%s'"), st->term_ids.v[i]);
		else
			st->terms[st->nterms++] = e;
	}
	st->questions = link_array(lk, st->question_ids.n, sizeof(*st->questions));
	for (i = 0; i < st->question_ids.n; i++) {
		const struct question *q = content_question(c, st->question_ids.v[i]);

		if (listed_before(lk, &st->question_ids, i)) {
			lerr(lk, st->question_ids.pos[i], _("question '%s' appears twice in step '%s'"),
			    st->question_ids.v[i], st->id);
		} else if (q == NULL) {
			lerr(lk, st->question_ids.pos[i], _("unknown question '%s'"), st->question_ids.v[i]);
		} else {
			st->questions[st->nquestions++] = q;
		}
	}
	check_texts(lk, &st->title, st->pos, st->id);
	bind_cond(lk, &st->when);
	bind_cond(lk, &st->requires);
	if (st->requires_text.s[LANG_DA] != NULL) {
		if (st->requires.src == NULL)
			lerr(lk, st->pos, _("step '%s' has 'requires_text' but no 'requires' condition"),
			    st->id);
		check_texts(lk, &st->requires_text, st->pos, st->id);
	}
	if (st->guidance.s[LANG_DA] == NULL)
		lwarn(lk, st->pos, _("step '%s' has no guidance"), st->id);
	if (st->question_ids.n == 0)
		lwarn(lk, st->pos, _("step '%s' has no questions"), st->id);
	if (st->basis == BASIS_UNSET)
		lwarn(lk, st->pos, _("step '%s' does not say whether the law requires it (basis: law or practice)"),
		    st->id);
}

/* Finds cycles among 'needs'; each step is reported once. */
static bool
needs_cycle(const struct step *st, const struct step *start, size_t depth)
{
	size_t i;

	if (depth > 1000)
		return true;
	for (i = 0; i < st->nneeds; i++) {
		if (st->needs[i] == start || needs_cycle(st->needs[i], start, depth + 1))
			return true;
	}
	return false;
}

/* Where column col of condition c is, as linker_cond_error counts it. */
static struct srcpos
cond_pos(const struct cond *c, int col)
{
	struct srcpos p = c->pos;

	if (c->exact)
		p.col += col - 1;
	return p;
}

static bool
step_asks(const struct step *st, const struct question *q)
{
	size_t k;

	for (k = 0; k < st->nquestions; k++)
		if (st->questions[k] == q)
			return true;
	return false;
}

/* Checks each question a step's 'requires' names: not one of the step's
 * own (it could never start), and asked by some step of its track (else
 * a project that follows only this track waits for ever). */
static void
check_requires_operand(struct linker *lk, const struct track *t, const struct step *st,
    const struct operand *o)
{
	size_t i, j;

	if (o->kind != OPD_QUESTION || o->q == NULL)
		return;
	if (step_asks(st, o->q)) {
		struct srcpos p = cond_pos(&st->requires, o->col);

		lerr(lk, p, _("step '%s' requires an answer to its own question '%s'; it could never start (require a question of an earlier step)"),
		    st->id, o->q->id);
		return;
	}
	for (i = 0; i < t->nphases; i++)
		for (j = 0; j < t->phases[i].nsteps; j++)
			if (step_asks(&t->phases[i].steps[j], o->q))
				return;
	lwarn(lk, cond_pos(&st->requires, o->col),
	    _("no step of track '%s' asks question '%s', which step '%s' requires; in a project that follows only this track the step waits for ever"),
	    t->id, o->q->id, st->id);
}

static void
check_requires(struct linker *lk, const struct track *t, const struct step *st,
    const struct expr *e)
{
	if (e == NULL)
		return;
	check_requires(lk, t, st, e->l);
	check_requires(lk, t, st, e->r);
	check_requires_operand(lk, t, st, &e->a);
	check_requires_operand(lk, t, st, &e->b);
}

static void
link_track(struct linker *lk, size_t ti, struct track *t)
{
	size_t i, j, k, idx = 0;

	index_steps(lk, ti, t);
	for (i = 0; i < t->nphases; i++) {
		struct phase *ph = &t->phases[i];

		for (k = 0; k < i; k++)
			if (strcmp(t->phases[k].id, ph->id) == 0)
				lerr(lk, ph->pos, _("duplicate phase id '%s' in track '%s'"), ph->id, t->id);
		ph->track = t;
		for (j = 0; j < ph->nsteps; j++) {
			struct step *st = &ph->steps[j];
			const struct step *first = track_step(t, st->id);

			if (first != st)
				lerr(lk, st->pos, _("duplicate step id '%s' in track '%s' (first defined at %s:%d)"),
				    st->id, t->id, first->pos.file, first->pos.line);
			st->phase = ph;
			st->track = t;
			st->index = idx++;
		}
	}
	t->nsteps = idx;
	for (i = 0; i < t->nphases; i++)
		for (j = 0; j < t->phases[i].nsteps; j++)
			link_step(lk, &lk->steps[ti], t, &t->phases[i].steps[j]);
	for (i = 0; i < t->nphases; i++)
		for (j = 0; j < t->phases[i].nsteps; j++) {
			const struct step *st = &t->phases[i].steps[j];

			if (needs_cycle(st, st, 0))
				lerr(lk, st->pos, _("step '%s' needs itself through other steps ('needs' forms a cycle)"),
				    st->id);
			check_requires(lk, t, st, st->requires.expr);
		}
	check_texts(lk, &t->title, t->pos, t->id);
}

/* The questions a question's applicability depends on: those in its own
 * condition and in the conditions of the steps that ask it, by index. */
struct deps {
	size_t	*to;
	size_t	 n, cap;
};

static void
add_dep(void *arg, const struct question *q)
{
	struct deps *d = arg;

	xgrow(&d->to, &d->cap, d->n + 1, sizeof(*d->to));
	d->to[d->n++] = q->index;
}

/* Whether question start is among those question qi depends on, however
 * indirectly; seen marks the questions looked at. */
static bool
reaches(const struct deps *deps, unsigned char *seen, size_t qi, size_t start)
{
	size_t i, to;

	for (i = 0; i < deps[qi].n; i++) {
		if ((to = deps[qi].to[i]) == start)
			return true;
		if (!seen[to]) {
			seen[to] = 1;
			if (reaches(deps, seen, to, start))
				return true;
		}
	}
	return false;
}

static void
check_cycles(struct linker *lk)
{
	struct content *c = lk->c;
	size_t n = c->nquestions, i, t, k;
	struct deps *deps = xcalloc(n ? n : 1, sizeof(*deps));
	unsigned char *seen = xcalloc(n ? n : 1, 1);

	for (i = 0; i < n; i++)
		expr_questions(c->questions[i]->when.expr, add_dep, &deps[i]);
	for (t = 0; t < c->ntracks; t++)
		for (i = 0; i < c->tracks[t]->nsteps; i++) {
			const struct step *st = track_step_at(c->tracks[t], i);

			for (k = 0; k < st->nquestions; k++)
				expr_questions(st->when.expr, add_dep, &deps[st->questions[k]->index]);
		}
	for (i = 0; i < n; i++) {
		memset(seen, 0, n);
		if (reaches(deps, seen, i, i))
			lerr(lk, c->questions[i]->pos,
			    _("whether question '%s' is asked depends on its own answer (its conditions, or its steps' conditions, lead back to it)"),
			    c->questions[i]->id);
	}
	for (i = 0; i < n; i++)
		free(deps[i].to);
	free(deps);
	free(seen);
}

static int
cmp_question(const void *a, const void *b)
{
	const struct question *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

static int
cmp_track(const void *a, const void *b)
{
	const struct track *const *x = a, *const *y = b;

	if ((*x)->order != (*y)->order)
		return (*x)->order < (*y)->order ? -1 : 1;
	return strcmp((*x)->id, (*y)->id);
}

static int
cmp_term(const void *a, const void *b)
{
	const struct glossary_entry *const *x = a, *const *y = b;

	return strcoll(text_in(&(*x)->term, LANG_DA), text_in(&(*y)->term, LANG_DA));
}

static void
warn_unused(struct linker *lk)
{
	struct content *c = lk->c;
	bool *qused = xcalloc(c->nquestions ? c->nquestions : 1, sizeof(bool));
	bool *rused = xcalloc(c->nroles ? c->nroles : 1, sizeof(bool));
	bool *gused = xcalloc(c->ngroups ? c->ngroups : 1, sizeof(bool));
	size_t t, i, j, k;

	for (t = 0; t < c->ntracks; t++) {
		const struct track *tr = c->tracks[t];

		for (i = 0; i < tr->nphases; i++)
			for (j = 0; j < tr->phases[i].nsteps; j++) {
				const struct step *st = &tr->phases[i].steps[j];

				for (k = 0; k < st->nquestions; k++)
					qused[st->questions[k]->index] = true;
				for (k = 0; k < c->nroles; k++)
					if (st->owner == c->roles[k])
						rused[k] = true;
				for (k = 0; k < c->ngroups; k++)
					if (st->group == c->groups[k])
						gused[k] = true;
			}
	}
	for (i = 0; i < c->nhandoffs; i++)
		for (k = 0; k < c->nroles; k++)
			if (c->handoffs[i]->role == c->roles[k])
				rused[k] = true;
	for (t = 0; t < c->nchecklists; t++)
		for (i = 0; i < c->checklists[t]->nitems; i++)
			for (k = 0; k < c->nroles; k++)
				if (checklist_item_at(c->checklists[t], i)->owner == c->roles[k])
					rused[k] = true;
	for (i = 0; i < c->nquestions; i++)
		if (!qused[i])
			lwarn(lk, c->questions[i]->pos, _("question '%s' is not asked in any step"),
			    c->questions[i]->id);
	for (i = 0; i < c->nroles; i++)
		if (!rused[i])
			lwarn(lk, c->roles[i]->pos, _("role '%s' owns no step and receives no hand-off"),
			    c->roles[i]->id);
	for (i = 0; i < c->ngroups; i++)
		if (!gused[i])
			lwarn(lk, c->groups[i]->pos, _("group '%s' owns no step"), c->groups[i]->id);
	free(qused);
	free(rused);
	free(gused);
}

/* What messages call a checklist item (or the packet): made when the
 * first message needs it, for content that links cleanly never does. */
struct owner_name {
	const struct checklist	*cl;
	const struct citem	*it;	/* NULL: fixed */
	const char		*fixed;
	char			*s;
};

static const char *
owner_name(struct owner_name *o)
{
	if (o->it == NULL)
		return o->fixed;
	if (o->s == NULL)
		o->s = xasprintf(_("item '%s' of checklist '%s'"), o->it->id, o->cl->id);
	return o->s;
}

/* Resolves a list of question ids into *out, reporting unknown and
 * repeated ones; owner names the list's owner for messages. */
static void
link_questions(struct linker *lk, const struct strlist *ids,
    const struct question ***out, size_t *n, struct owner_name *owner)
{
	size_t i;

	*out = link_array(lk, ids->n, sizeof(**out));
	*n = 0;
	for (i = 0; i < ids->n; i++) {
		const struct question *q = content_question(lk->c, ids->v[i]);

		if (listed_before(lk, ids, i))
			lerr(lk, ids->pos[i], _("question '%s' appears twice in %s"), ids->v[i],
			    owner_name(owner));
		else if (q == NULL)
			lerr(lk, ids->pos[i], _("unknown question '%s'"), ids->v[i]);
		else
			(*out)[(*n)++] = q;
	}
}

/* The step written "track/step", or NULL (reported). */
static const struct step *
link_step_ref(struct linker *lk, const char *ref, struct srcpos pos)
{
	const char *slash = strchr(ref, '/');
	const struct track *t;
	const struct step *st;
	size_t i;

	if (slash == NULL || slash == ref || slash[1] == '\0') {
		lerr(lk, pos, _("'%s' must name a step as track/step, e.g. rsd-indkoeb/business-case"), ref);
		return NULL;
	}
	for (i = 0; i < lk->c->ntracks; i++)
		if (strncmp(lk->c->tracks[i]->id, ref, (size_t)(slash - ref)) == 0 &&
		    lk->c->tracks[i]->id[slash - ref] == '\0')
			break;
	if (i == lk->c->ntracks) {
		char *tid = xstrndup(ref, (size_t)(slash - ref));

		lerr(lk, pos, _("unknown track '%s'"), tid);
		free(tid);
		return NULL;
	}
	t = lk->c->tracks[i];
	if ((st = find_step(&lk->steps[i], slash + 1)) == NULL)
		lerr(lk, pos, _("unknown step '%s' in track '%s'"), slash + 1, t->id);
	return st;
}

static void
link_citem(struct linker *lk, struct checklist *cl, struct csection *sec, struct citem *it)
{
	struct content *c = lk->c;
	struct owner_name where = { cl, it, NULL, NULL };
	size_t i, j;
	bool asked = false;

	it->section = sec;
	it->checklist = cl;
	link_questions(lk, &it->question_ids, &it->questions, &it->nquestions, &where);
	if (it->question_ids.n == 0)
		lerr(lk, it->pos, _("%s names no question; its state must rest on answers"),
		    owner_name(&where));
	it->steps = link_array(lk, it->step_ids.n, sizeof(*it->steps));
	for (i = 0; i < it->step_ids.n; i++) {
		const struct step *st = link_step_ref(lk, it->step_ids.v[i], it->step_ids.pos[i]);

		if (st == NULL)
			continue;
		for (j = 0; j < it->nquestions && !step_asks(st, it->questions[j]); j++)
			;
		if (it->nquestions > 0 && j == it->nquestions)
			lwarn(lk, it->step_ids.pos[i], _("step '%s' asks none of the questions of %s"),
			    it->step_ids.v[i], owner_name(&where));
		it->steps[it->nsteps++] = st;
	}
	for (i = 0; i < it->nquestions; i++)
		if (lk->asked[it->questions[i]->index])
			asked = true;
	if (it->nquestions > 0 && !asked)
		lwarn(lk, it->pos, _("no step asks any question of %s, so it can never be done"),
		    owner_name(&where));
	if (it->owner_ref.id != NULL &&
	    (it->owner = content_role(c, it->owner_ref.id)) == NULL)
		lerr(lk, it->owner_ref.pos, _("unknown role '%s'"), it->owner_ref.id);
	if (it->basis == BASIS_LAW && it->legal.n == 0)
		lerr(lk, it->pos, _("%s is required by law (basis: law) but names no legal reference; add 'legal'"),
		    owner_name(&where));
	check_texts(lk, &it->title, it->pos, it->id);
	bind_cond(lk, &it->when);
	bind_cond(lk, &it->done);
	bind_cond(lk, &it->blocked);
	for (i = 0; i < it->nnotes; i++) {
		bind_cond(lk, &it->notes[i].when);
		/* Named only when a message needs it. */
		if (texts_blank(&it->notes[i].text))
			check_texts(lk, &it->notes[i].text, it->notes[i].pos, owner_name(&where));
	}
	free(where.s);
}

static void
link_checklist(struct linker *lk, struct checklist *cl)
{
	size_t i, j, k, idx = 0;

	for (i = 0; i < cl->ntitles; i++) {
		bind_cond(lk, &cl->titles[i].when);
		check_texts(lk, &cl->titles[i].text, cl->titles[i].pos, cl->id);
	}

	for (i = 0; i < cl->nsections; i++) {
		struct csection *sec = &cl->sections[i];

		for (k = 0; k < i; k++)
			if (strcmp(cl->sections[k].id, sec->id) == 0)
				lerr(lk, sec->pos, _("duplicate section id '%s' in checklist '%s'"),
				    sec->id, cl->id);
		sec->checklist = cl;
		check_texts(lk, &sec->title, sec->pos, sec->id);
		for (j = 0; j < sec->nitems; j++) {
			struct citem *it = &sec->items[j];
			const struct citem *first;

			/* Content read back was checked when it was first read. */
			for (k = 0, first = it; (first = checklist_item_at(cl, k)) != it; k++)
				if (strcmp(first->id, it->id) == 0)
					break;
			if (first != it)
				lerr(lk, it->pos, _("duplicate item id '%s' in checklist '%s' (first defined at %s:%d)"),
				    it->id, cl->id, first->pos.file, first->pos.line);
			it->index = idx++;
			link_citem(lk, cl, sec, it);
		}
	}
	cl->nitems = idx;
	cl->dates = link_array(lk, cl->date_ids.n, sizeof(*cl->dates));
	for (i = 0; i < cl->date_ids.n; i++) {
		const struct legal_date *dt = content_date(lk->c, cl->date_ids.v[i]);

		if (dt == NULL)
			lerr(lk, cl->date_ids.pos[i], _("unknown date '%s'"), cl->date_ids.v[i]);
		else
			cl->dates[cl->ndates++] = dt;
	}
	check_texts(lk, &cl->title, cl->pos, cl->id);
}

/* A name export --what takes must pick one checklist. */
static void
check_aliases(struct linker *lk)
{
	struct content *c = lk->c;
	size_t i, j, k;

	for (i = 0; i < c->nchecklists; i++) {
		const struct checklist *cl = c->checklists[i];

		for (j = 0; j < cl->aliases.n; j++) {
			const struct checklist *o = content_checklist(c, cl->aliases.v[j]);

			for (k = 0; k < j; k++)
				if (strcmp(cl->aliases.v[k], cl->aliases.v[j]) == 0)
					o = NULL;
			if (o != NULL && o != cl)
				lerr(lk, cl->aliases.pos[j], _("'%s' already names checklist '%s'"),
				    cl->aliases.v[j], o->id);
		}
	}
}

static int
cmp_checklist(const void *a, const void *b)
{
	const struct checklist *const *x = a, *const *y = b;

	if ((*x)->order != (*y)->order)
		return (*x)->order < (*y)->order ? -1 : 1;
	return strcmp((*x)->id, (*y)->id);
}

static void
link_checklists(struct linker *lk)
{
	struct content *c = lk->c;
	size_t i;

	check_dups(lk, (void *const *)c->checklists, c->nchecklists, checklist_id,
	    checklist_pos, _("checklist"));
	sort_once(c->checklists, c->nchecklists, sizeof(*c->checklists), cmp_checklist);
	check_aliases(lk);
	for (i = 0; i < c->nchecklists; i++)
		link_checklist(lk, c->checklists[i]);
	if (c->packet != NULL) {
		struct owner_name packet = { NULL, NULL, _("the hand-off packet"), NULL };

		link_questions(lk, &c->packet->context_ids, &c->packet->context,
		    &c->packet->ncontext, &packet);
		check_texts(lk, &c->packet->title, c->packet->pos, _("the hand-off packet"));
	}
}

/* The act a legal reference cites: the law whose 'cite' is the longest
 * leading name of ref, ending where the name does (so "MDR" is not cited
 * by "MDRX art. 1"). */
static const struct law *
cited_law(const struct content *c, const char *ref)
{
	const struct law *best = NULL;
	size_t i, n;

	for (i = 0; i < c->nlaws; i++) {
		const struct law *lw = c->laws[i];

		if (lw->cite == NULL || (n = strlen(lw->cite)) == 0 || strncmp(ref, lw->cite, n) != 0)
			continue;
		if (ref[n] != '\0' && ref[n] != ' ' && ref[n] != ',' && ref[n] != '(')
			continue;
		if (best == NULL || n > strlen(best->cite))
			best = lw;
	}
	return best;
}

static void
link_legal(struct linker *lk, struct strlist *l)
{
	size_t i;

	if (l->n == 0)
		return;
	l->law = link_array(lk, l->n, sizeof(*l->law));
	for (i = 0; i < l->n; i++)
		l->law[i] = cited_law(lk->c, l->v[i]);
}

/* Every list of legal references learns the acts it cites. */
static void
link_legal_all(struct linker *lk)
{
	struct content *c = lk->c;
	size_t i, j, k, m;

	check_dups(lk, (void *const *)c->laws, c->nlaws, law_id, law_pos, _("law"));
	for (i = 0; i < c->nquestions; i++)
		link_legal(lk, &c->questions[i]->legal);
	for (i = 0; i < c->ntracks; i++)
		for (j = 0; j < c->tracks[i]->nphases; j++)
			for (k = 0; k < c->tracks[i]->phases[j].nsteps; k++)
				link_legal(lk, &c->tracks[i]->phases[j].steps[k].legal);
	for (i = 0; i < c->nchecklists; i++) {
		struct checklist *cl = c->checklists[i];

		link_legal(lk, &cl->legal);
		for (j = 0; j < cl->nsections; j++)
			for (m = 0; m < cl->sections[j].nitems; m++)
				link_legal(lk, &cl->sections[j].items[m].legal);
	}
}

/* What a block that names questions says of a name (below): one
 * missing (its id, the key), and one of the wrong type (the key, the
 * type wanted, its id, its type). */
struct names_msgs {
	const char	*missing;
	const char	*type;
};

static const struct names_msgs cal_msgs = {
	N_("the calendar names question '%s' as %s, but no file defines it; define the question or name another"),
	N_("the calendar's %s must be a question of type %s; '%s' is of type %s"),
};

/* A block names a question of type want (what: its key, for the
 * message). */
static void
named_question(struct linker *lk, const struct names_msgs *m, const char *id,
    struct srcpos pos, enum qtype want, const char *what)
{
	const struct question *q = content_question(lk->c, id);

	if (q == NULL)
		lerr(lk, pos, _(m->missing), id, what);
	else if (q->type != want)
		lerr(lk, pos, _(m->type), what, qtype_name(want), id, qtype_name(q->type));
}

static void
cal_question(struct linker *lk, const char *id, struct srcpos pos, enum qtype want,
    const char *what)
{
	named_question(lk, &cal_msgs, id, pos, want, what);
}

static void
cal_date(struct linker *lk, const struct ref *r, const char *what)
{
	if (content_date(lk->c, r->id) == NULL)
		lerr(lk, r->pos, _("the calendar names legal date '%s' as %s, but no file defines it under 'dates'; add it or name another"),
		    r->id, what);
}

/* Every name the calendar's rules rest on must be in the content: a
 * missing one would silently drop a legal date from every project. */
static void
link_calendar(struct linker *lk)
{
	struct calmap *m = lk->c->calendar;
	const struct { const struct ref *r; const char *what; } dates[] = {
		{ &m->ai_literacy_date, "ai_literacy_date" }, { &m->annex_iii_date, "annex_iii_date" },
		{ &m->annex_i_date, "annex_i_date" }, { &m->public_authority_date, "public_authority_date" },
		{ &m->transparency_date, "transparency_date" }, { &m->mdd_class_iii_date, "mdd_class_iii_date" },
		{ &m->mdd_class_ii_date, "mdd_class_ii_date" },
	};
	const struct { const struct ref *r; const char *what; } days[] = {
		{ &m->go_live, "go_live" }, { &m->contract_signed, "contract_signed" },
		{ &m->tender_date, "tender_date" }, { &m->certificate_until, "certificate_until" },
	};
	const struct cond *conds[] = { &m->annex_iii, &m->annex_iii_point2, &m->annex_iii_ruled_out,
		&m->annex_i, &m->annex_i_ruled_out, &m->provider, &m->transparency,
		&m->mdd_class_iii, &m->mdd_class_ii };
	size_t i;
	bool found = false;

	for (i = 0; i < m->project_dates.n; i++)
		cal_question(lk, m->project_dates.v[i], m->project_dates.pos[i], Q_DATE, "project_dates");
	for (i = 0; i < m->trial_start.n; i++)
		cal_question(lk, m->trial_start.v[i], m->trial_start.pos[i], Q_DATE, "trial_start");
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		if (days[i].r->id != NULL)
			cal_question(lk, days[i].r->id, days[i].r->pos, Q_DATE, days[i].what);
	if (m->contract_years.id != NULL)
		cal_question(lk, m->contract_years.id, m->contract_years.pos, Q_NUMBER, "contract_years");
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++)
		if (dates[i].r->id != NULL)
			cal_date(lk, dates[i].r, dates[i].what);
	for (i = 0; i < sizeof(conds) / sizeof(conds[0]); i++)
		bind_cond(lk, conds[i]);
	if (m->threshold.id != NULL) {
		for (i = 0; i < lk->c->nfacts; i++)
			if (strcmp(lk->c->facts[i]->id, m->threshold.id) == 0)
				found = true;
		if (!found)
			lerr(lk, m->threshold.pos, _("the calendar names fact '%s' as threshold, but no file defines it under 'facts'; add it or name another"),
			    m->threshold.id);
	}
}

/* The questions the contract value and the business case are worked
 * out from must be in the content and of the type the arithmetic reads:
 * a missing one would silently leave a figure out. */
static void
link_figures(struct linker *lk)
{
	static const struct names_msgs contract_msgs = {
		N_("the contract value names question '%s' as %s, but no file defines it; define the question or name another"),
		N_("the contract value's %s must be a question of type %s; '%s' is of type %s"),
	}, bizcase_msgs = {
		N_("the business case names question '%s' as %s, but no file defines it; define the question or name another"),
		N_("the business case's %s must be a question of type %s; '%s' is of type %s"),
	};
	const struct contractmap *k = lk->c->contract;
	const struct bizmap *b = lk->c->bizcase;
	const struct { const struct names_msgs *m; const struct ref *r; enum qtype want; const char *what; } v[] = {
		{ &contract_msgs, k ? &k->typed_value : NULL, Q_AMOUNT, "typed_value" },
		{ &contract_msgs, k ? &k->one_off : NULL, Q_AMOUNT, "one_off" },
		{ &contract_msgs, k ? &k->yearly : NULL, Q_AMOUNT, "yearly" },
		{ &contract_msgs, k ? &k->years : NULL, Q_NUMBER, "years" },
		{ &bizcase_msgs, b ? &b->setup : NULL, Q_AMOUNT, "setup" },
		{ &bizcase_msgs, b ? &b->development : NULL, Q_AMOUNT, "development" },
		{ &bizcase_msgs, b ? &b->running : NULL, Q_AMOUNT, "running" },
		{ &bizcase_msgs, b ? &b->staff_hours : NULL, Q_NUMBER, "staff_hours" },
		{ &bizcase_msgs, b ? &b->task_hours : NULL, Q_NUMBER, "task_hours" },
		{ &bizcase_msgs, b ? &b->staff_group : NULL, Q_CHOICE, "staff_group" },
		{ &bizcase_msgs, b ? &b->saving_expected : NULL, Q_NUMBER, "saving_expected" },
		{ &bizcase_msgs, b ? &b->saving_measured : NULL, Q_NUMBER, "saving_measured" },
		{ &bizcase_msgs, b ? &b->other_benefit : NULL, Q_AMOUNT, "other_benefit" },
		{ &bizcase_msgs, b ? &b->alternative_setup : NULL, Q_AMOUNT, "alternative_setup" },
		{ &bizcase_msgs, b ? &b->alternative_running : NULL, Q_AMOUNT, "alternative_running" },
		{ &bizcase_msgs, b ? &b->risks : NULL, Q_LONGTEXT, "risks" },
		{ &bizcase_msgs, b ? &b->decision : NULL, Q_CHOICE, "decision" },
	};

	const struct question *q;
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (v[i].r != NULL && v[i].r->id != NULL)
			named_question(lk, v[i].m, v[i].r->id, v[i].r->pos, v[i].want, v[i].what);
	/* The staff group's answer is priced by the settings' hourly rate
	 * of the same key: an option without one would leave the benefit
	 * out without a word. */
	if (b == NULL || b->staff_group.id == NULL ||
	    (q = content_question(lk->c, b->staff_group.id)) == NULL || q->type != Q_CHOICE)
		return;
	for (i = 0; i < q->noptions; i++)
		if (settings_rate_find(q->options[i].id) < 0)
			lerr(lk, q->options[i].pos, _("the business case prices the staff group '%s' by the hourly rate of the same key, and there is none: use laege, sygeplejerske, sekretaer or andet"),
			    q->options[i].id);
}

int
linker_link(struct content *c, struct diags *d)
{
	struct linker lk = { c, d, 0, NULL, NULL, NULL };
	size_t i, j;

	check_dups(&lk, (void *const *)c->tracks, c->ntracks, track_id, track_pos, _("track"));
	check_dups(&lk, (void *const *)c->questions, c->nquestions, question_id, question_pos, _("question"));
	check_dups(&lk, (void *const *)c->roles, c->nroles, role_id, role_pos, _("role"));
	check_dups(&lk, (void *const *)c->groups, c->ngroups, group_id, group_pos, _("group"));
	check_dups(&lk, (void *const *)c->handoffs, c->nhandoffs, handoff_rule_id, handoff_rule_pos, _("hand-off"));
	check_dups(&lk, (void *const *)c->glossary, c->nglossary, glossary_entry_id, glossary_entry_pos, _("glossary"));
	check_dups(&lk, (void *const *)c->dates, c->ndates, legal_date_id, legal_date_pos, _("date"));
	/* Lookups use binary search from here on. */
	sort_once(c->questions, c->nquestions, sizeof(*c->questions), cmp_question);
	for (i = 0; i < c->nquestions; i++)
		c->questions[i]->index = i;
	sort_once(c->tracks, c->ntracks, sizeof(*c->tracks), cmp_track);
	sort_once(c->glossary, c->nglossary, sizeof(*c->glossary), cmp_term);
	lk.terms = xreallocarray(NULL, c->nglossary ? c->nglossary : 1, sizeof(*lk.terms));
	if (c->nglossary > 0)
		memcpy(lk.terms, c->glossary, c->nglossary * sizeof(*lk.terms));
	if (c->nglossary > 1)
		qsort(lk.terms, c->nglossary, sizeof(*lk.terms), cmp_term_id);
	lk.steps = xcalloc(c->ntracks ? c->ntracks : 1, sizeof(*lk.steps));
	for (i = 0; i < c->nquestions; i++)
		link_question(&lk, c->questions[i]);
	for (i = 0; i < c->ntracks; i++)
		link_track(&lk, i, c->tracks[i]);
	index_asked(&lk);
	for (i = 0; i < c->nquestions; i++)
		bind_cond(&lk, &c->questions[i]->when);
	for (i = 0; i < c->nhandoffs; i++) {
		struct handoff_rule *h = c->handoffs[i];

		if (h->role_ref.id != NULL &&
		    (h->role = content_role(c, h->role_ref.id)) == NULL)
			lerr(&lk, h->role_ref.pos, _("unknown role '%s'"), h->role_ref.id);
		if (h->question_ids.n == 0)
			lerr(&lk, h->pos, _("hand-off '%s' lists no questions for the role to answer"), h->id);
		h->questions = link_array(&lk, h->question_ids.n, sizeof(*h->questions));
		for (j = 0; j < h->question_ids.n; j++) {
			const struct question *q = content_question(c, h->question_ids.v[j]);

			if (q == NULL)
				lerr(&lk, h->question_ids.pos[j], _("unknown question '%s'"),
				    h->question_ids.v[j]);
			else
				h->questions[h->nquestions++] = q;
		}
		bind_cond(&lk, &h->when);
	}
	for (i = 0; i < c->nglossary; i++) {
		struct glossary_entry *e = c->glossary[i];

		for (j = 0; j < e->see.n; j++)
			if (link_term(&lk, e->see.v[j]) == NULL)
				lerr(&lk, e->see.pos[j], _("unknown glossary entry '%s'"), e->see.v[j]);
	}
	link_checklists(&lk);
	if (c->calendar != NULL)
		link_calendar(&lk);
	link_figures(&lk);
	link_legal_all(&lk);
	if (lk.nerr == 0)
		check_cycles(&lk);
	if (lk.nerr == 0)
		warn_unused(&lk);
	for (i = 0; i < c->ntracks; i++)
		free(lk.steps[i].v);
	free(lk.steps);
	free(lk.terms);
	free(lk.asked);
	return lk.nerr > 0 ? -1 : 0;
}
