/* SPDX-License-Identifier: EUPL-1.2 */
/* The content model: lookups, and freeing. */
#include <stdlib.h>
#include <string.h>

#include "airejse/arena.h"
#include "airejse/content.h"
#include "airejse/i18n.h"
#include "airejse/xalloc.h"

const char *
basis_name(enum basis b)
{
	switch (b) {
	case BASIS_LAW:		return "law";
	case BASIS_PRACTICE:	return "practice";
	default:		return "";
	}
}

bool
content_is_id(const char *s)
{
	size_t i;

	if (s == NULL || *s == '\0' || strlen(s) > 64)
		return false;
	for (i = 0; s[i]; i++) {
		char c = s[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			continue;
		if (i > 0 && (c == '_' || c == '-'))
			continue;
		return false;
	}
	return true;
}

void
content_free(struct content *c)
{
	if (c != NULL)
		arena_free(c->arena);	/* c is in it */
}

/* Lookups */

const struct track *
content_track(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->ntracks; i++)
		if (strcmp(c->tracks[i]->id, id) == 0)
			return c->tracks[i];
	return NULL;
}

static int
cmp_question_key(const void *key, const void *elem)
{
	const struct question *const *q = elem;

	return strcmp(key, (*q)->id);
}

const struct question *
content_question(const struct content *c, const char *id)
{
	struct question **q;

	if (c->nquestions == 0)
		return NULL;
	q = bsearch(id, c->questions, c->nquestions, sizeof(*c->questions), cmp_question_key);
	return q ? *q : NULL;
}

const struct role *
content_role(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nroles; i++)
		if (strcmp(c->roles[i]->id, id) == 0)
			return c->roles[i];
	return NULL;
}

const struct group *
content_group(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->ngroups; i++)
		if (strcmp(c->groups[i]->id, id) == 0)
			return c->groups[i];
	return NULL;
}

const struct handoff_rule *
content_handoff(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nhandoffs; i++)
		if (strcmp(c->handoffs[i]->id, id) == 0)
			return c->handoffs[i];
	return NULL;
}

const struct glossary_entry *
content_term(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nglossary; i++)
		if (strcmp(c->glossary[i]->id, id) == 0)
			return c->glossary[i];
	return NULL;
}

const struct legal_date *
content_date(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->ndates; i++)
		if (strcmp(c->dates[i]->id, id) == 0)
			return c->dates[i];
	return NULL;
}

const struct checklist *
content_checklist(const struct content *c, const char *name)
{
	size_t i, j;

	for (i = 0; i < c->nchecklists; i++) {
		const struct checklist *cl = c->checklists[i];

		if (strcmp(cl->id, name) == 0)
			return cl;
		for (j = 0; j < cl->aliases.n; j++)
			if (strcmp(cl->aliases.v[j], name) == 0)
				return cl;
	}
	return NULL;
}

const struct citem *
checklist_item_at(const struct checklist *cl, size_t idx)
{
	size_t i;

	for (i = 0; i < cl->nsections; i++) {
		if (idx < cl->sections[i].nitems)
			return &cl->sections[i].items[idx];
		idx -= cl->sections[i].nitems;
	}
	return NULL;
}

const struct step *
track_step(const struct track *t, const char *id)
{
	size_t i, j;

	for (i = 0; i < t->nphases; i++)
		for (j = 0; j < t->phases[i].nsteps; j++)
			if (strcmp(t->phases[i].steps[j].id, id) == 0)
				return &t->phases[i].steps[j];
	return NULL;
}

const struct step *
track_step_at(const struct track *t, size_t idx)
{
	size_t i;

	for (i = 0; i < t->nphases; i++) {
		if (idx < t->phases[i].nsteps)
			return &t->phases[i].steps[idx];
		idx -= t->phases[i].nsteps;
	}
	return NULL;
}

const struct qoption *
question_option(const struct question *q, const char *id)
{
	size_t i;

	for (i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i].id, id) == 0)
			return &q->options[i];
	return NULL;
}

const char *
step_requires_text(const struct step *st)
{
	if (st->requires.expr == NULL)
		return NULL;
	if (st->requires_text.s[LANG_DA] != NULL)
		return text_get(&st->requires_text);
	return st->requires.src;
}

char *
step_group_text(const struct step *st, enum lang lang)
{
	if (st == NULL || st->group == NULL)
		return NULL;
	if (st->group_assumed)
		/* L10N: an owner group the site has not confirmed yet. */
		return xasprintf(_("%s (to be confirmed)"), text_in(&st->group->name, lang));
	return xstrdup(text_in(&st->group->name, lang));
}
