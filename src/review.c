/* SPDX-License-Identifier: EUPL-1.2 */
/* Review and sign-off by role: the subjects of each role, and where each
 * review stands once the answers it covered have moved on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/content.h"
#include "airejse/handoff.h"
#include "airejse/i18n.h"
#include "airejse/progress.h"
#include "airejse/review.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"

static const char *const status_names[RS__COUNT] = {
	"not-reviewed", "acceptable", "to-correct", "to-review", "not-signed", "signed"
};

/* L10N: where a review or a sign-off stands. */
static const char *const status_labels[RS__COUNT] = {
	NC_("review", "not reviewed"), NC_("review", "acceptable"),
	NC_("review", "to be corrected"), NC_("review", "to be reviewed"),
	NC_("review", "not signed off"), NC_("review", "signed off")
};

const char *
review_status_name(enum review_status s)
{
	return s < RS__COUNT ? status_names[s] : "not-reviewed";
}

const char *
review_status_label(enum review_status s)
{
	return i18n_cgettext("review", status_labels[s < RS__COUNT ? s : RS_NOT_REVIEWED]);
}

static int64_t
revision_of(const struct progress *pr, const struct question *q)
{
	const struct answer *a = progress_answer(pr, q);

	return a != NULL ? a->revision : 0;
}

char *
review_seen(const struct progress *pr, const struct question *const *qs, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	sb_add(&sb, "");
	for (i = 0; i < n; i++)
		sb_addf(&sb, "%s%s=%lld", i ? "," : "", qs[i]->id, (long long)revision_of(pr, qs[i]));
	return sb_detach(&sb);
}

/* The revision seen records for question id: -1 when it does not name it. */
static int64_t
seen_revision(const char *seen, const char *id)
{
	size_t n = strlen(id);
	const char *p = seen;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, id, n) == 0 && p[n] == '=')
			return strtoll(p + n + 1, NULL, 10);
		if ((p = strchr(p, ',')) != NULL)
			p++;
	}
	return -1;
}

const struct question *
review_changed(const struct progress *pr, const struct question *const *qs, size_t n,
    const char *seen)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int64_t was = seen_revision(seen ? seen : "", qs[i]->id), now = revision_of(pr, qs[i]);

		/* A question not covered then and still unanswered changes nothing. */
		if (now != (was < 0 ? 0 : was))
			return qs[i];
	}
	return NULL;
}

/* Adds q to the list v (of cap), once. */
static void
add_question(const struct question ***v, size_t *n, size_t *cap, const struct question *q)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*v)[i] == q)
			return;
	xgrow(v, cap, *n + 1, sizeof(**v));
	(*v)[(*n)++] = q;
}

static struct review_subject *
add_subject(struct review_role *rr, size_t *cap, enum review_kind kind, char *subject)
{
	struct review_subject *s;

	xgrow(&rr->subjects, cap, rr->nsubjects + 1, sizeof(*rr->subjects));
	s = &rr->subjects[rr->nsubjects++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->subject = subject;
	s->role = rr->role;
	return s;
}

/* The role's subjects: its hand-offs that are not withdrawn, then its
 * part of each section where it owns an item that applies. */
static void
subjects_of(const struct content *c, const struct progress *pr, const struct handoff *hos,
    size_t nhos, struct review_role *rr)
{
	size_t cap = 0, i, j, k, l, qcap;

	for (i = 0; i < c->nhandoffs; i++) {
		const struct handoff_rule *hr = c->handoffs[i];
		const struct handoff *h = handoff_find(hos, nhos, hr->id);
		struct review_subject *s;

		if (hr->role != rr->role || h == NULL || h->state == HANDOFF_WITHDRAWN)
			continue;
		s = add_subject(rr, &cap, REVIEW_HANDOFF, xstrdup(hr->id));
		s->rule = hr;
		qcap = 0;
		for (j = 0; j < hr->nquestions; j++)
			if (progress_applies(pr, hr->questions[j]))
				add_question(&s->questions, &s->nquestions, &qcap, hr->questions[j]);
	}
	for (i = 0; i < c->nchecklists; i++) {
		const struct checklist *cl = c->checklists[i];

		for (j = 0; j < cl->nsections; j++) {
			const struct csection *sec = &cl->sections[j];
			const struct question **qs = NULL;
			size_t nq = 0;

			qcap = 0;
			for (k = 0; k < sec->nitems; k++) {
				const struct citem *it = &sec->items[k];

				if (progress_item_owner(pr, it) != rr->role || !progress_holds(pr, &it->when))
					continue;
				for (l = 0; l < it->nquestions; l++)
					if (progress_applies(pr, it->questions[l]))
						add_question(&qs, &nq, &qcap, it->questions[l]);
			}
			if (nq == 0) {
				free(qs);
				continue;
			}
			{
				struct review_subject *s = add_subject(rr, &cap, REVIEW_SECTION,
				    xasprintf("%s/%s", cl->id, sec->id));

				s->checklist = cl;
				s->section = sec;
				s->questions = qs;
				s->nquestions = nq;
			}
		}
	}
}

/* The latest review of kind and subject by role in v, or NULL. */
static const struct review *
latest(const struct review *v, size_t n, enum review_kind kind, const char *subject,
    const char *role)
{
	const struct review *r = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].kind == kind && strcmp(v[i].subject, subject) == 0 &&
		    strcmp(v[i].role, role) == 0)
			r = &v[i];
	return r;
}

static void
judge_subject(const struct progress *pr, struct review_subject *s, const struct review *v,
    size_t n)
{
	s->current = latest(v, n, s->kind, s->subject, s->role->id);
	if (s->current == NULL || s->current->state == REVIEW_NOT_REVIEWED) {
		s->status = RS_NOT_REVIEWED;
		return;
	}
	s->changed = review_changed(pr, s->questions, s->nquestions, s->current->seen);
	if (s->changed != NULL)
		s->status = RS_TO_REVIEW;
	else
		s->status = s->current->state == REVIEW_TO_CORRECT ? RS_TO_CORRECT : RS_ACCEPTABLE;
}

/* Every question the role's subjects cover, once. */
static const struct question **
covered(const struct review_role *rr, size_t *n)
{
	const struct question **v = NULL;
	size_t cap = 0, i, j;

	*n = 0;
	for (i = 0; i < rr->nsubjects; i++)
		for (j = 0; j < rr->subjects[i].nquestions; j++)
			add_question(&v, n, &cap, rr->subjects[i].questions[j]);
	return v;
}

static void
judge_role(const struct progress *pr, struct review_role *rr, const struct review *v, size_t n)
{
	const struct question **qs;
	size_t i, nq;

	for (i = 0; i < rr->nsubjects; i++)
		judge_subject(pr, &rr->subjects[i], v, n);
	rr->signoff = latest(v, n, REVIEW_SIGNOFF, rr->role->id, rr->role->id);
	rr->status = RS_NOT_SIGNED;
	if (rr->signoff == NULL || rr->signoff->state != REVIEW_SIGNED)
		return;
	qs = covered(rr, &nq);
	rr->changed = review_changed(pr, qs, nq, rr->signoff->seen);
	rr->status = rr->changed != NULL ? RS_TO_REVIEW : RS_SIGNED;
	free(qs);
}

struct review_board *
review_board_new(const struct content *c, const struct progress *pr,
    const struct handoff *hos, size_t nhos, const struct review *v, size_t n)
{
	struct review_board *b = xcalloc(1, sizeof(*b));
	size_t i;

	b->roles = xcalloc(c->nroles ? c->nroles : 1, sizeof(*b->roles));
	for (i = 0; i < c->nroles; i++) {
		struct review_role *rr = &b->roles[b->nroles];

		memset(rr, 0, sizeof(*rr));
		rr->role = c->roles[i];
		subjects_of(c, pr, hos, nhos, rr);
		if (rr->nsubjects == 0) {
			free(rr->subjects);
			continue;
		}
		judge_role(pr, rr, v, n);
		b->nroles++;
	}
	return b;
}

void
review_board_free(struct review_board *b)
{
	size_t i, j;

	if (b == NULL)
		return;
	for (i = 0; i < b->nroles; i++) {
		for (j = 0; j < b->roles[i].nsubjects; j++) {
			free(b->roles[i].subjects[j].subject);
			free(b->roles[i].subjects[j].questions);
		}
		free(b->roles[i].subjects);
	}
	free(b->roles);
	free(b);
}

const struct review_role *
review_role_of(const struct review_board *b, const struct role *r)
{
	size_t i;

	for (i = 0; b != NULL && i < b->nroles; i++)
		if (b->roles[i].role == r)
			return &b->roles[i];
	return NULL;
}

const struct review_subject *
review_subject_of(const struct review_board *b, enum review_kind kind, const char *subject,
    const struct role *role)
{
	size_t i, j;

	for (i = 0; b != NULL && i < b->nroles; i++) {
		if (role != NULL && b->roles[i].role != role)
			continue;
		for (j = 0; j < b->roles[i].nsubjects; j++) {
			const struct review_subject *s = &b->roles[i].subjects[j];

			if (s->kind == kind && strcmp(s->subject, subject) == 0)
				return s;
		}
	}
	return NULL;
}
