/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdlib.h>
#include <string.h>

#include "airejse/i18n.h"
#include "airejse/record.h"
#include "airejse/xalloc.h"

static const char *const source_names[SOURCE__COUNT] = { "tui", "cli", "import" };

static const char *const state_names[HANDOFF__COUNT] = {
	"raised", "sent", "answered", "closed", "withdrawn"
};

/* L10N: the states of a hand-off, as shown in lists. */
static const char *const state_labels[HANDOFF__COUNT] = {
	N_("raised"), N_("sent"), N_("answered"), N_("closed"), N_("withdrawn")
};

static const char *const what_names[PROJECT__WHATS] = { "renamed", "archived", "restored",
	"tracks" };

static const char *const review_kind_names[REVIEW__KINDS] = {
	"handoff", "section", "signoff"
};

static const char *const review_state_names[REVIEW__STATES] = {
	"not-reviewed", "acceptable", "to-correct", "signed", "withdrawn"
};

/* L10N: a review or a sign-off as given. */
static const char *const review_state_labels[REVIEW__STATES] = {
	NC_("review", "not reviewed"), NC_("review", "acceptable"),
	NC_("review", "to be corrected"), NC_("review", "signed off"),
	NC_("review", "sign-off withdrawn")
};

static int
name_index(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *
source_name(enum source s)
{
	return s < SOURCE__COUNT ? source_names[s] : "cli";
}

int
source_parse(const char *s, enum source *out)
{
	int i = name_index(source_names, SOURCE__COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum source)i;
	return 0;
}

const char *
handoff_state_name(enum handoff_state s)
{
	return s < HANDOFF__COUNT ? state_names[s] : "raised";
}

int
handoff_state_parse(const char *s, enum handoff_state *out)
{
	int i = name_index(state_names, HANDOFF__COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum handoff_state)i;
	return 0;
}

const char *
handoff_state_label(enum handoff_state s)
{
	return _(s < HANDOFF__COUNT ? state_labels[s] : state_labels[0]);
}

const char *
review_kind_name(enum review_kind k)
{
	return k < REVIEW__KINDS ? review_kind_names[k] : "handoff";
}

int
review_kind_parse(const char *s, enum review_kind *out)
{
	int i = name_index(review_kind_names, REVIEW__KINDS, s);

	if (i < 0)
		return -1;
	*out = (enum review_kind)i;
	return 0;
}

const char *
review_state_name(enum review_state s)
{
	return s < REVIEW__STATES ? review_state_names[s] : "not-reviewed";
}

int
review_state_parse(const char *s, enum review_state *out)
{
	int i = name_index(review_state_names, REVIEW__STATES, s);

	if (i < 0)
		return -1;
	*out = (enum review_state)i;
	return 0;
}

const char *
review_state_label(enum review_state s)
{
	return i18n_cgettext("review", review_state_labels[s < REVIEW__STATES ? s : 0]);
}

bool
handoff_is_open(enum handoff_state s)
{
	return s == HANDOFF_RAISED || s == HANDOFF_SENT;
}

const char *
project_what_name(enum project_what w)
{
	return w < PROJECT__WHATS ? what_names[w] : "renamed";
}

int
project_what_parse(const char *s, enum project_what *out)
{
	int i = name_index(what_names, PROJECT__WHATS, s);

	if (i < 0)
		return -1;
	*out = (enum project_what)i;
	return 0;
}

char *
record_who(const char *user, const char *account)
{
	if (user == NULL || *user == '\0')
		return xstrdup(account ? account : "?");
	if (account == NULL || strcmp(account, user) == 0)
		return xstrdup(user);
	/* L10N: a name given for the history, and the computer account
	 * that was logged in. */
	return xasprintf(_("%s (account: %s)"), user, account);
}

const char *
answer_kind_name(enum answer_kind k)
{
	switch (k) {
	case ANSWER_VALUE:
		return "value";
	case ANSWER_DONTKNOW:
		return "dontknow";
	default:
		return "none";
	}
}

void
project_clear(struct project *p)
{
	size_t i;

	free(p->name);
	for (i = 0; i < p->ntracks; i++)
		free(p->tracks[i]);
	free(p->tracks);
	memset(p, 0, sizeof(*p));
}

void
answer_clear(struct answer *a)
{
	free(a->question);
	free(a->value);
	free(a->user);
	memset(a, 0, sizeof(*a));
}

void
answer_event_clear(struct answer_event *e)
{
	free(e->question);
	free(e->old_value);
	free(e->new_value);
	free(e->user);
	free(e->account);
	free(e->respondent);
	free(e->login);
	memset(e, 0, sizeof(*e));
}

void
review_clear(struct review *r)
{
	free(r->subject);
	free(r->role);
	free(r->comment);
	free(r->name);
	free(r->seen);
	free(r->user);
	memset(r, 0, sizeof(*r));
}

void
handoff_clear(struct handoff *h)
{
	free(h->rule);
	free(h->role);
	free(h->due);
	free(h->contact);
	free(h->note);
	memset(h, 0, sizeof(*h));
}

void
handoff_event_clear(struct handoff_event *e)
{
	free(e->note);
	free(e->due);
	free(e->user);
	free(e->account);
	free(e->login);
	memset(e, 0, sizeof(*e));
}

void
project_event_clear(struct project_event *e)
{
	free(e->old_name);
	free(e->new_name);
	free(e->user);
	free(e->account);
	memset(e, 0, sizeof(*e));
}

/* One function per type keeps the callers type-checked. */
#define FREE_ARRAY(fn, type, clear)			\
void							\
fn(type *v, size_t n)					\
{							\
	size_t i;					\
							\
	for (i = 0; v != NULL && i < n; i++)		\
		clear(&v[i]);				\
	free(v);					\
}

FREE_ARRAY(projects_free, struct project, project_clear)
FREE_ARRAY(answers_free, struct answer, answer_clear)
FREE_ARRAY(answer_events_free, struct answer_event, answer_event_clear)
FREE_ARRAY(handoffs_free, struct handoff, handoff_clear)
FREE_ARRAY(handoff_events_free, struct handoff_event, handoff_event_clear)
FREE_ARRAY(project_events_free, struct project_event, project_event_clear)

FREE_ARRAY(reviews_free, struct review, review_clear)

void
project_free(struct project *p)
{
	projects_free(p, p != NULL);
}

void
handoff_free(struct handoff *h)
{
	handoffs_free(h, h != NULL);
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void
project_copy(struct project *dst, const struct project *src)
{
	size_t i;

	*dst = *src;
	dst->name = dup_or_null(src->name);
	dst->tracks = xcalloc(src->ntracks + 1, sizeof(*dst->tracks));
	for (i = 0; i < src->ntracks; i++)
		dst->tracks[i] = xstrdup(src->tracks[i]);
}

void
answer_copy(struct answer *dst, const struct answer *src)
{
	*dst = *src;
	dst->question = dup_or_null(src->question);
	dst->value = dup_or_null(src->value);
	dst->user = dup_or_null(src->user);
}

void
handoff_copy(struct handoff *dst, const struct handoff *src)
{
	*dst = *src;
	dst->rule = dup_or_null(src->rule);
	dst->role = dup_or_null(src->role);
	dst->due = dup_or_null(src->due);
	dst->contact = dup_or_null(src->contact);
	dst->note = dup_or_null(src->note);
}
