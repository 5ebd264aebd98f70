/* SPDX-License-Identifier: EUPL-1.2 */
/* Where a project stands: which questions and steps apply, the status of
 * each step, the progress of each phase and track, and the next step.
 * Pure functions over the content and one project's records: no SQL, no
 * curses. Cheap enough to recompute on every redraw.
 *
 * A question applies when its own condition holds and a step of one of
 * the project's tracks that applies asks it. A step applies when its
 * condition holds. Conditions see only answers to questions that apply,
 * so a chain of conditional questions collapses as a whole. Answers to
 * questions that stop applying are kept but do not count.
 *
 * Step status, for a step that applies:
 *   done         every question that applies has an answer other than
 *                "don't know", and no open hand-off asks one of them;
 *   blocked      not done, and a step it needs (that applies) is not
 *                done, or its 'requires' condition does not hold, or
 *                every question without an answer (or with "don't
 *                know") is asked by an open (raised or sent) hand-off:
 *                nothing is left that the owner can do;
 *   in progress  not done or blocked, and some question is answered
 *                ("don't know" counts as answered but open), or an open
 *                hand-off asks one of its answered questions;
 *   not started  otherwise. */
#ifndef AIREJSE_PROGRESS_H
#define AIREJSE_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "airejse/expr.h"
#include "airejse/record.h"

struct citem;
struct content;
struct role;
struct settings;
struct cond;
struct question;
struct step;
struct phase;
struct track;

enum step_status {
	STEP_NOT_APPLICABLE,
	STEP_NOT_STARTED,
	STEP_IN_PROGRESS,
	STEP_BLOCKED,
	STEP_DONE,
	STEP__COUNT
};

struct step_progress {
	const struct step	*step;
	enum step_status	 status;
	size_t			 nquestions;	/* questions that apply */
	size_t			 nanswered;	/* of those, with a value */
	size_t			 ndontknow;	/* of those, "don't know" */
	/* Why it is blocked or not done (either may be set): */
	const struct step	*waits_for;	/* a needed step not done yet */
	bool			 waits_requires;	/* its 'requires' does not hold */
	const struct handoff	*handoff;	/* an open hand-off on its questions */
	bool			 handoff_blocks;	/* every open question waits on one */
};

struct phase_progress {
	const struct phase	*phase;
	size_t			 done;		/* steps done */
	size_t			 applicable;	/* steps that apply */
};

struct track_progress {
	const struct track	*track;
	struct step_progress	*steps;		/* track->nsteps, in track order */
	struct phase_progress	*phases;	/* track->nphases */
	size_t			 done, applicable;
	/* The first step that applies, is neither done nor blocked and has
	 * a question left to answer; else the first one not done; NULL when
	 * every step is done. */
	const struct step_progress *next;
};

struct progress_q;

struct progress {
	const struct content	*content;
	const struct settings	*settings;
	/* The project's tracks that the content has, in the project's order;
	 * tracks the content lacks are left out (see nmissing). */
	struct track_progress	*tracks;
	size_t			 ntracks;
	size_t			 nmissing;
	/* The next step over all tracks, as track_progress.next. */
	const struct step_progress *next;
	size_t			 nopen_handoffs;	/* raised or sent */
	/* Private. */
	struct progress_q	*q;		/* per question of the content */
	const struct step	**asked_by;	/* the block q[].asked_by point into */
	const struct project	*project;
	const struct handoff	*handoffs;	/* as given to progress_new */
	size_t			 nhandoffs;
	bool			 evaluated;	/* every condition is memoised */
	char			 contract_used[32];	/* the value kontraktvaerdi stands for */
	unsigned char		 contract_memo;	/* whether it stands for contract_used */
	size_t			 nbusy;		/* half-made memos met so far */
};

/* Works out where project p stands from its answers (any order) and its
 * hand-offs. settings may be NULL (the defaults). The result points into
 * c, settings, p, answers and handoffs: keep them until progress_free. */
struct progress *progress_new(const struct content *c, const struct settings *settings,
    const struct project *p, const struct answer *answers, size_t nanswers,
    const struct handoff *handoffs, size_t nhandoffs);
void progress_free(struct progress *pr);

/* Whether q is asked in this project now. */
bool progress_applies(const struct progress *pr, const struct question *q);
/* The stored answer to q, whether or not q applies; NULL when there is
 * none (never answered or cleared). */
const struct answer *progress_answer(const struct progress *pr, const struct question *q);
/* The stored row of q, a cleared one included (ANSWER_NONE, with the
 * revision, time and user of the clear); NULL when never answered. */
const struct answer *progress_stored(const struct progress *pr, const struct question *q);
/* The revision of q's stored row, which a save must expect: a cleared
 * answer keeps its own; 0 when never answered. */
int64_t progress_revision(const struct progress *pr, const struct question *q);
/* The answer that counts: ANSWER_NONE unless q applies; *value (may be
 * NULL) gets the canonical value for ANSWER_VALUE. */
enum answer_kind progress_counts(const struct progress *pr, const struct question *q,
    const char **value);
/* The estimated contract value (udbudsloven § 30): the typed answer to
 * kontraktvaerdi, the value worked out from the payments to the vendor
 * (one-off + yearly × contract years, 4 years when the period is not
 * known, § 38), and the one conditions use, the larger; the questions
 * are those the content's contract: block names. */
struct contract_value {
	bool	 has_typed, has_worked;
	double	 typed, worked, used;
	double	 once, yearly, years;
	bool	 years_assumed;		/* the period is not known: 4 years */
};
/* Fills cv; false when neither value is known (or the content names no
 * contract questions). In conditions, kontraktvaerdi means cv.used. */
bool progress_contract(const struct progress *pr, struct contract_value *cv);

/* Whether a condition holds for this project (NULL expression: true). */
bool progress_holds(const struct progress *pr, const struct cond *c);
/* The progress of step st, or NULL when st is not in the project's tracks. */
const struct step_progress *progress_step(const struct progress *pr, const struct step *st);
/* The progress of track t, or NULL when the project does not follow it. */
const struct track_progress *progress_track(const struct progress *pr, const struct track *t);
/* The step a checklist item is shown with: of the steps it names, the
 * first in the project's first track that has one; else the first step
 * of the project's tracks that asks one of its questions; or NULL. */
const struct step *progress_item_step(const struct progress *pr, const struct citem *it);
/* Who owns the item: its own owner, else its step's; or NULL. */
const struct role *progress_item_owner(const struct progress *pr, const struct citem *it);
/* Whether the project follows track id. */
bool progress_has_track(const struct progress *pr, const char *id);

/* A step's mark on the map, by one rule that the map's legend, help, the
 * role view and airejse(1) all state:
 *   [x] done           every question that applies is answered, and no
 *                      hand-off is open on them;
 *   [<] earlier step   an earlier step it needs is not done, or the
 *                      condition it requires does not hold yet;
 *   [!] hand-off       all that is left waits on another role's open
 *                      hand-off: nothing for its owner to answer;
 *   [~] in progress    something is answered, and something is left
 *                      that its owner can answer;
 *   [ ] not started    nothing is answered yet;
 *   [-]                the step does not apply. */
enum step_mark {
	MARK_NOT_APPLICABLE,
	MARK_NOT_STARTED,
	MARK_IN_PROGRESS,
	MARK_HANDOFF,
	MARK_EARLIER,
	MARK_DONE,
	MARK__COUNT
};

/* A project's progress in brief, as the projects screen (a workshop's
 * board), 'project list' and 'next' without a project show it: per
 * track the steps done and those that apply; the questions answered;
 * the next step, its mark and whom it waits on; the open hand-offs and
 * the one due first. It points into the content only, not into the
 * progress it was taken from. */
struct progress_brief {
	struct brief_track {
		const struct track	*track;
		size_t			 done, applicable;
	}		*tracks;	/* the project's tracks the content has, in its order */
	size_t		 ntracks;
	size_t		 nopen_handoffs;
	/* Questions that apply over the project's steps, and of those
	 * the ones answered (a value or "don't know"). */
	size_t		 nanswered, nquestions;
	const struct step *next;	/* the next step; NULL: all done */
	enum step_mark	 next_mark;
	/* Whom the next step waits on: the role of the open hand-off it
	 * waits on, else its owner; NULL with no next step. */
	const struct role *waits_on;
	/* The open hand-off due first: its due date (YYYY-MM-DD, "" when
	 * none has one) and role. */
	char		 first_due[11];
	const struct role *first_due_role;
	int64_t		 first_raised;	/* the oldest open hand-off raised, 0: none */
};

/* The brief of pr; free with progress_brief_free. */
struct progress_brief *progress_brief_of(const struct progress *pr);
/* A copy of b, to keep beyond a callback's call. */
struct progress_brief *progress_brief_copy(const struct progress_brief *b);
void progress_brief_free(struct progress_brief *b);
/* The entry of track t, or NULL when the project has no such track. */
const struct brief_track *progress_brief_track(const struct progress_brief *b,
    const struct track *t);

/* What keeps a step open: one thing each. */
enum left_kind {
	LEFT_UNANSWERED,	/* a question that applies has no answer */
	LEFT_DONTKNOW,		/* a question answered "don't know" */
	LEFT_HANDOFF,		/* an answered question an open hand-off asks */
	LEFT_NEEDS,		/* an earlier step it needs is not done */
	LEFT_REQUIRES		/* its 'requires' condition does not hold */
};

struct left {
	enum left_kind		 kind;
	const struct question	*question;	/* the first three kinds */
	/* The open hand-off that asks the question (whose role it waits
	 * on, since it was raised), or NULL: always for LEFT_HANDOFF. */
	const struct handoff	*handoff;
	const struct step	*step;		/* LEFT_NEEDS: the step it needs */
};

/* What keeps step sp open: its questions that apply and are not
 * answered, are answered "don't know", or that an open hand-off asks,
 * in its order; then the earlier step it needs and its requirement.
 * Nothing for a step that is done or does not apply. Returns the count
 * and sets *out (caller frees; NULL when there is none). */
size_t progress_left(const struct progress *pr, const struct step_progress *sp,
    struct left **out);
/* One thing left, for people, in the program's language: the question
 * by its text, the role it waits on and since when, the hand-off's due
 * date (and that it is overdue, by today, YYYY-MM-DD). Caller frees. */
char *progress_left_text(const struct progress *pr, const struct left *l, const char *today);
/* In a few words, what the n things left in v are (for one line: "2
 * questions not answered; waits on the lawyer"). Caller frees. */
char *progress_left_brief(const struct progress *pr, const struct left *v, size_t n);

/* The next question to work on after question q of step st (both NULL:
 * from the start). The open questions are, in the order of the
 * project's tracks and their steps, those that apply, have no answer
 * or "don't know", and wait on no hand-off, in a step that waits for no
 * earlier step and no requirement; a question asked twice is listed
 * once. After one of them comes the one that follows it (after the
 * last, the first again); anywhere else, the first. False when there
 * is none; else *step and *question are set. */
bool progress_next_open(const struct progress *pr, const struct step *st,
    const struct question *q, const struct step **step, const struct question **question);

/* The steps done in before that are not done in after (two progresses
 * of one project over the same content): what an answer reopened.
 * Returns the count and sets *out to the steps' progress in after
 * (caller frees the array; NULL when none). */
size_t progress_reopened(const struct progress *before, const struct progress *after,
    const struct step_progress ***out);


enum step_mark progress_mark(const struct step_progress *sp);
/* "[x]" and friends. */
const char *step_mark_symbol(enum step_mark m);
/* Machine name: "done", "earlier", "handoff", "in-progress",
 * "not-started", "not-applicable". */
const char *step_mark_name(enum step_mark m);
/* A few words for people ("waits on a hand-off"), translated. */
const char *step_mark_label(enum step_mark m);
/* The rule, for the legend and help ("all that is left waits on ..."),
 * translated. */
const char *step_mark_rule(enum step_mark m);

/* Machine name ("not-started", "in-progress", "blocked", "done",
 * "not-applicable") and the label for people (translated). */
const char *step_status_name(enum step_status s);
const char *step_status_label(enum step_status s);

#endif
