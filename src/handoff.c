/* SPDX-License-Identifier: EUPL-1.2 */
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

bool
handoff_has_answer(const struct progress *pr, const struct handoff_rule *r)
{
	const struct answer *an;
	size_t i;

	for (i = 0; r != NULL && i < r->nquestions; i++)
		if ((an = progress_answer(pr, r->questions[i])) != NULL && an->kind == ANSWER_VALUE)
			return true;
	return false;
}

int
handoff_check_move(enum handoff_state from, enum handoff_state to, const char *reason,
    char **cause)
{
	if (to == HANDOFF_WITHDRAWN || to >= HANDOFF__COUNT) {
		*cause = xasprintf(_("a hand-off is not marked %s: that follows from the answers"),
		    handoff_state_label(to));
		return EX_DATAERR;
	}
	if (from == HANDOFF_WITHDRAWN) {
		*cause = xstrdup(_("the hand-off was withdrawn because the answers no longer call for it: it comes back by itself if they do again"));
		return EX_DATAERR;
	}
	/* Back (answered to sent, closed to raised): a mistake undone, or
	 * an answer found wanting; why is kept in the history. */
	if (to < from && (reason == NULL || reason[strspn(reason, " \t\n")] == '\0')) {
		*cause = xasprintf(_("the hand-off moves back from %s to %s: say why; the reason is kept in its history"),
		    handoff_state_label(from), handoff_state_label(to));
		return EX_DATAERR;
	}
	return 0;
}

bool
handoff_overdue(const struct handoff *h, const char *today)
{
	return handoff_is_open(h->state) && h->due != NULL && strcmp(h->due, today) < 0;
}
