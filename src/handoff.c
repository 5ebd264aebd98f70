#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/content.h"
#include "airejse/handoff.h"
#include "airejse/i18n.h"
#include "airejse/progress.h"
#include "airejse/xalloc.h"

bool
handoff_holds(const struct progress *pr, const struct handoff_rule *r)
{
	return progress_holds(pr, &r->when);
}

const struct handoff *
handoff_find(const struct handoff *v, size_t n, const char *rule)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].rule, rule) == 0)
			return &v[i];
	return NULL;
}

size_t
handoff_sync(const struct progress *pr, const struct handoff *stored, size_t nstored,
    struct handoff_sync **out)
{
	const struct content *c = pr->content;
	struct handoff_sync *v = NULL;
	size_t i, n = 0, cap = 0;

	for (i = 0; i < c->nhandoffs; i++) {
		const struct handoff_rule *r = c->handoffs[i];
		const struct handoff *h = handoff_find(stored, nstored, r->id);
		bool holds = handoff_holds(pr, r);
		struct handoff_sync ch = { r, h ? h->id : 0, h ? h->state : HANDOFF_RAISED,
		    HANDOFF_RAISED };

		if (holds && h != NULL && h->state != HANDOFF_WITHDRAWN)
			continue;
		if (!holds && (h == NULL || !handoff_is_open(h->state)))
			continue;
		/* Answered and closed ones were dealt with: they stay. */
		ch.to = holds ? HANDOFF_RAISED : HANDOFF_WITHDRAWN;
		xgrow(&v, &cap, n + 1, sizeof(*v));
		v[n++] = ch;
	}
	*out = v;
	return n;
}

int
handoff_check_move(enum handoff_state from, enum handoff_state to, char **cause)
{
	if (to != HANDOFF_SENT && to != HANDOFF_ANSWERED && to != HANDOFF_CLOSED) {
		*cause = xasprintf(_("a hand-off can be marked sent, answered or closed, not %s (%s): raising and withdrawing follow from the answers"),
		    handoff_state_label(to), handoff_state_name(to));
		return EX_DATAERR;
	}
	if (from == HANDOFF_WITHDRAWN) {
		*cause = xstrdup(_("the hand-off was withdrawn because the answers no longer call for it: it comes back by itself if they do again"));
		return EX_DATAERR;
	}
	if (to < from) {
		*cause = xasprintf(_("the hand-off is already %s (%s): hand-offs move forward only (raised, sent, answered, closed)"),
		    handoff_state_label(from), handoff_state_name(from));
		return EX_DATAERR;
	}
	return 0;
}

bool
handoff_overdue(const struct handoff *h, const char *today)
{
	return handoff_is_open(h->state) && h->due != NULL && strcmp(h->due, today) < 0;
}
