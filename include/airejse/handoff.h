/* SPDX-License-Identifier: EUPL-1.2 */
/* Hand-offs as logic: which rules hold for a project, what that changes
 * in its stored hand-offs, and which state changes a user may make.
 * No SQL, no curses.
 *
 * A rule that holds and has no hand-off raises one; a raised or sent
 * hand-off whose rule stops holding is withdrawn; a withdrawn one whose
 * rule holds again is raised again. Answered and closed ones stay. A user
 * moves a hand-off forward only: raised -> sent -> answered -> closed,
 * skipping states if need be. */
#ifndef AIREJSE_HANDOFF_H
#define AIREJSE_HANDOFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airejse/record.h"

struct progress;
struct handoff_rule;

/* One change the answers call for. */
struct handoff_sync {
	const struct handoff_rule	*rule;	/* owned by the content */
	int64_t				 id;	/* the stored hand-off; 0: raise a new one */
	enum handoff_state		 from;	/* its state before (unused when id is 0) */
	enum handoff_state		 to;	/* HANDOFF_RAISED or HANDOFF_WITHDRAWN */
};

/* Whether rule r's condition holds for the project. */
bool handoff_holds(const struct progress *pr, const struct handoff_rule *r);
/* The changes that bring the stored hand-offs in line with the rules, in
 * rule order. Returns the count and sets *out (caller frees; NULL when 0). */
size_t handoff_sync(const struct progress *pr, const struct handoff *stored,
    size_t nstored, struct handoff_sync **out);

/* Whether a user may move a hand-off from one state to another: forward
 * (raised, sent, answered, closed, skipping any), or back with a reason
 * (may be NULL), never to or from withdrawn. Returns 0, or EX_DATAERR
 * with *cause (caller frees). */
int handoff_check_move(enum handoff_state from, enum handoff_state to, const char *reason,
    char **cause);
/* Whether any of rule r's questions has an answer ("ved ikke" is none):
 * marking a hand-off answered without one asks first. */
bool handoff_has_answer(const struct progress *pr, const struct handoff_rule *r);
/* Open, with a due date before today (YYYY-MM-DD). */
bool handoff_overdue(const struct handoff *h, const char *today);
/* The stored hand-off for rule id in v, or NULL. */
const struct handoff *handoff_find(const struct handoff *v, size_t n, const char *rule);

#endif
