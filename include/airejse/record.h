/* SPDX-License-Identifier: EUPL-1.2 */
/* The records a project is made of: the project itself, its answers and
 * their history, its hand-offs and theirs. Plain data that the store
 * fills and the logic, the screens and the exports read; no SQL here. */
#ifndef AIREJSE_RECORD_H
#define AIREJSE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where a change came from. */
enum source {
	SOURCE_TUI,
	SOURCE_CLI,
	SOURCE_IMPORT,
	SOURCE__COUNT
};

/* A hand-off moves raised -> sent -> answered -> closed; withdrawn when
 * its rule stops holding before it was answered. */
enum handoff_state {
	HANDOFF_RAISED,
	HANDOFF_SENT,
	HANDOFF_ANSWERED,
	HANDOFF_CLOSED,
	HANDOFF_WITHDRAWN,
	HANDOFF__COUNT
};

/* The kind of a stored answer, and of the answer that counts in a
 * condition (expr.h). */
enum answer_kind {
	ANSWER_NONE,	/* no answer, or the question does not apply */
	ANSWER_VALUE,
	ANSWER_DONTKNOW
};

struct progress;

/* Times are seconds since the epoch (UTC); see clock.h. */

struct project {
	int64_t	  id;
	char	 *name;		/* trimmed, NFC UTF-8 */
	char	**tracks;	/* track ids, in the order chosen */
	size_t	  ntracks;
	int64_t	  created;
	int64_t	  changed;	/* the last change to anything in it */
	int64_t	  archived;	/* when it was archived; 0 while in use */
};

/* What happened to a project itself (its answers and hand-offs have
 * their own history). */
enum project_what {
	PROJECT_RENAMED,
	PROJECT_ARCHIVED,
	PROJECT_RESTORED,
	PROJECT_TRACKS,		/* moved to other tracks */
	PROJECT__WHATS
};

/* One change of a project, for the audit trail. */
struct project_event {
	int64_t		  id;
	enum project_what what;
	char		 *old_name, *new_name;	/* a rename's names; a move's track
						 * ids, comma-separated; else NULL */
	int64_t		  time;
	char		 *user;
	char		 *account;	/* the operating-system account; NULL before version 7 */
	enum source	  source;
};

/* The stored answer to one question. A cleared answer keeps its row (kind
 * ANSWER_NONE) so its revision goes on counting. */
struct answer {
	char		*question;	/* question id */
	enum answer_kind kind;		/* ANSWER_VALUE, ANSWER_DONTKNOW or ANSWER_NONE */
	char		*value;		/* canonical (value.h); NULL unless ANSWER_VALUE */
	int64_t		 revision;	/* 1 for the first answer; 0: never answered */
	int64_t		 time;
	char		*user;
	enum source	 source;
};

/* One change of an answer, for the audit trail. */
struct answer_event {
	int64_t		 id;
	char		*question;
	enum answer_kind old_kind, new_kind;
	char		*old_value, *new_value;	/* NULL unless ANSWER_VALUE */
	int64_t		 revision;		/* the revision it made */
	int64_t		 time;
	char		*user;			/* who saved it (imported it) */
	char		*account;		/* the operating-system account; NULL before version 7 */
	char		*login;			/* the server's user, or NULL */
	enum source	 source;
	char		*respondent;		/* who answered, when a packet said; or NULL */
};

struct handoff {
	int64_t			 id;
	int64_t			 project;
	char			*rule;		/* the content's hand-off rule id */
	char			*role;		/* role id */
	enum handoff_state	 state;
	char			*due;		/* YYYY-MM-DD or NULL */
	char			*contact;	/* "Name <e-mail>" from the site config, or NULL */
	char			*note;		/* the latest note, or NULL */
	int64_t			 raised;	/* first raised */
	int64_t			 changed;
};

/* One change of a hand-off. old_state is -1 when it was first raised. */
struct handoff_event {
	int64_t		 id;
	int64_t		 handoff;
	int		 old_state;	/* enum handoff_state, or -1 */
	enum handoff_state new_state;
	char		*note;		/* NULL if none */
	char		*due;		/* the due date after the change, or NULL */
	int64_t		 time;
	char		*user;
	char		*account;	/* the operating-system account; NULL before version 7 */
	char		*login;		/* the server's user, or NULL */
	enum source	 source;
};

/* A project loaded for reading, with where it stands (progress.h);
 * action_snapshot makes one and snapshot_free frees it (action.h). */
struct snapshot {
	struct project	*project;
	struct answer	*answers;
	size_t		 nanswers;
	struct handoff	*handoffs;
	size_t		 nhandoffs;
	struct progress	*progress;
};

/* What a role reviews: a hand-off's answers, its part of a checklist
 * section, or the whole (its sign-off). */
enum review_kind {
	REVIEW_HANDOFF,
	REVIEW_SECTION,
	REVIEW_SIGNOFF,
	REVIEW__KINDS
};

/* A review as given; a sign-off is signed or withdrawn. */
enum review_state {
	REVIEW_NOT_REVIEWED,
	REVIEW_ACCEPTABLE,
	REVIEW_TO_CORRECT,
	REVIEW_SIGNED,
	REVIEW_WITHDRAWN,
	REVIEW__STATES
};

/* One review or sign-off, as kept: the latest of a subject is where it
 * stands, the rest its history. */
struct review {
	int64_t			 id;
	int64_t			 project;
	enum review_kind	 kind;
	char			*subject;	/* a rule id, "checklist/section", or the role */
	char			*role;		/* the role that reviews */
	enum review_state	 state;
	char			*comment;	/* what is to be corrected; or NULL */
	char			*name;		/* a sign-off: who signed, as given */
	char			*seen;		/* the answers' revisions it covered: "q=2,r=0" */
	int64_t			 time;
	char			*user;
	enum source		 source;
};

/* Machine names ("tui", "raised") as stored and printed in tsv/json. */
const char *source_name(enum source s);
int source_parse(const char *s, enum source *out);	/* 0 or -1 */
const char *handoff_state_name(enum handoff_state s);
int handoff_state_parse(const char *s, enum handoff_state *out);	/* 0 or -1 */
/* The state for people, in the program's language. */
const char *handoff_state_label(enum handoff_state s);
/* Raised or sent: waiting on someone. */
bool handoff_is_open(enum handoff_state s);
/* "renamed", "archived", "restored", as stored and printed in tsv/json. */
const char *project_what_name(enum project_what w);
int project_what_parse(const char *s, enum project_what *out);	/* 0 or -1 */
/* Who made a change, for people: the name given ("mette"), with the
 * operating-system account when it differs ("mette (account: mhansen)").
 * Caller frees. */
char *record_who(const char *user, const char *account);

const char *review_kind_name(enum review_kind k);
int review_kind_parse(const char *s, enum review_kind *out);	/* 0 or -1 */
const char *review_state_name(enum review_state s);
int review_state_parse(const char *s, enum review_state *out);	/* 0 or -1 */
/* The state for people, in the program's language. */
const char *review_state_label(enum review_state s);
/* "value", "dontknow" or "none", as printed in tsv/json. */
const char *answer_kind_name(enum answer_kind k);

/* Free the members of one record (and zero it). */
void project_clear(struct project *p);
void answer_clear(struct answer *a);
void answer_event_clear(struct answer_event *e);
void handoff_clear(struct handoff *h);
void handoff_event_clear(struct handoff_event *e);
void project_event_clear(struct project_event *e);

void review_clear(struct review *r);

/* Free an array of n records and its members; NULL is fine. */
void projects_free(struct project *v, size_t n);
void answers_free(struct answer *v, size_t n);
void answer_events_free(struct answer_event *v, size_t n);
void handoffs_free(struct handoff *v, size_t n);
void handoff_events_free(struct handoff_event *v, size_t n);
void project_events_free(struct project_event *v, size_t n);

void reviews_free(struct review *v, size_t n);
/* Frees one record allocated on its own (from *_get) and its members. */
void project_free(struct project *p);
void handoff_free(struct handoff *h);

/* Copies of a record; the caller frees them with project_clear,
 * answer_clear and handoff_clear. */
void project_copy(struct project *dst, const struct project *src);
void answer_copy(struct answer *dst, const struct answer *src);
void handoff_copy(struct handoff *dst, const struct handoff *src);

#endif
