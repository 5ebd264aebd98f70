/* SPDX-License-Identifier: EUPL-1.2 */
/* Review and sign-off by role, as logic: what each role reviews in a
 * project (its hand-offs' answers, and its part of each checklist
 * section it owns items in), where each review stands, and whether an
 * answer has changed since it was given. No SQL, no curses.
 *
 * A review or a sign-off keeps the revision of every answer it covered
 * ("seen"). An answer whose revision is no longer the one seen puts the
 * review or the sign-off back to "to be reviewed": worked out when it is
 * shown, never written, so that no change of an answer can miss it. */
#ifndef AIREJSE_REVIEW_H
#define AIREJSE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "airejse/record.h"

struct checklist;
struct content;
struct csection;
struct handoff_rule;
struct progress;
struct question;
struct role;

/* Where a review or a sign-off stands, as shown. */
enum review_status {
	RS_NOT_REVIEWED,
	RS_ACCEPTABLE,
	RS_TO_CORRECT,
	RS_TO_REVIEW,		/* an answer changed after it was reviewed or signed */
	RS_NOT_SIGNED,
	RS_SIGNED,
	RS__COUNT
};

/* Something a role reviews: a hand-off's answers, or its part of a
 * checklist section. */
struct review_subject {
	enum review_kind		 kind;
	char				*subject;	/* the rule id, or "checklist/section" */
	const struct role		*role;
	const struct handoff_rule	*rule;		/* REVIEW_HANDOFF */
	const struct checklist		*checklist;	/* REVIEW_SECTION */
	const struct csection		*section;
	const struct question		**questions;	/* covered: those that apply */
	size_t				 nquestions;
	const struct review		*current;	/* the latest review, or NULL */
	enum review_status		 status;
	const struct question		*changed;	/* RS_TO_REVIEW: the first changed */
};

/* A role's part: its subjects and its sign-off. */
struct review_role {
	const struct role	*role;
	struct review_subject	*subjects;
	size_t			 nsubjects;
	const struct review	*signoff;	/* the latest sign-off (or withdrawal), or NULL */
	enum review_status	 status;	/* RS_SIGNED, RS_NOT_SIGNED or RS_TO_REVIEW */
	const struct question	*changed;	/* RS_TO_REVIEW: the first changed */
};

/* Every role's part in a project, in the content's order of roles; the
 * reviews are the project's, oldest first (store_reviews), and are
 * pointed into, not copied. */
struct review_board {
	struct review_role	*roles;
	size_t			 nroles;
};

/* The board of the project whose progress is pr, its hand-offs (those
 * withdrawn are not reviewed) and its reviews. Caller frees. */
struct review_board *review_board_new(const struct content *c, const struct progress *pr,
    const struct handoff *hos, size_t nhos, const struct review *v, size_t n);
void review_board_free(struct review_board *b);

/* The role's part, or NULL when it has nothing to review. */
const struct review_role *review_role_of(const struct review_board *b, const struct role *r);
/* A subject of the board, or NULL; role NULL: any role's. */
const struct review_subject *review_subject_of(const struct review_board *b,
    enum review_kind kind, const char *subject, const struct role *role);

/* What a review of the questions qs records: each question's id and
 * the revision of its answer ("q=3,r=0"). Caller frees. */
char *review_seen(const struct progress *pr, const struct question *const *qs, size_t n);
/* The first of qs whose answer's revision is not the one seen records,
 * or NULL. */
const struct question *review_changed(const struct progress *pr,
    const struct question *const *qs, size_t n, const char *seen);

/* Machine names ("acceptable", "to-review") and labels for people. */
const char *review_status_name(enum review_status s);
const char *review_status_label(enum review_status s);

#endif
