/* SPDX-License-Identifier: EUPL-1.2 */
/* The user's actions, shared by the command line and the terminal
 * program: each function is one action and one transaction. Values are
 * checked here (value.h), conflicts are found here, and the hand-offs an
 * answer raises or withdraws are stored with it. No SQL, no curses.
 *
 * Functions return 0 or a sysexits.h status with *cause set (caller
 * frees): EX_DATAERR for a refused value, name or state change,
 * EX_NOINPUT for an unknown project, STATUS_CONFLICT (status.h) when
 * someone else changed the answer first, and the store's statuses
 * (store.h: STATUS_BUSY when another writer held the database too long).
 * On failure nothing was written. */
#ifndef AIREJSE_ACTION_H
#define AIREJSE_ACTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airejse/expr.h"
#include "airejse/i18n.h"
#include "airejse/record.h"
#include "airejse/status.h"

struct store;
struct content;
struct settings;
struct progress;
struct progress_brief;
struct handoff_sync;
struct question;
struct action_memo;
struct review_board;
struct role;

/* Who acts, where, on what. Filled by the caller; nothing is owned. */
struct action {
	struct store		*store;
	const struct content	*content;
	const struct settings	*settings;	/* may be NULL: the defaults */
	const char		*user;
	enum source		 source;
	/* Where the projects' briefs are kept in memory between calls
	 * (action_memo_new), or NULL: each call works them out. */
	struct action_memo	*memo;
};

/* No revision check: the save overwrites whatever is stored. */
#define ACTION_ANY_REVISION (-1)

/* What an answer (or clear) did; free with answer_result_free. */
struct answer_result {
	int64_t			 revision;	/* the stored revision afterwards */
	bool			 changed;	/* false: that answer was already stored */
	struct handoff_sync	*handoffs;	/* hand-offs raised or withdrawn by it */
	size_t			 nhandoffs;
	/* On STATUS_CONFLICT: the answer stored by the other writer and the one
	 * this save tried (kind and canonical value). */
	struct answer		 theirs;
	enum answer_kind	 mine_kind;
	char			*mine;
	/* On success: how the input was read, when that was not the usual
	 * way of its language (value_read), for the user to see; or NULL. */
	char			*note;
};

/* A user's change to a hand-off; fields left NULL/false stay as they are. */
struct handoff_edit {
	bool			 set_state;
	enum handoff_state	 state;	/* raised, sent, answered or closed */
	const char		*note;	/* recorded with the change; the reason of a move back */
	const char		*due;	/* a date in any form value.h takes; "" clears */
	bool			 unanswered_ok;	/* the user said yes to "answered"
						 * with none of its questions answered */
};

/* Checks a project name (trimmed, 1-200 characters, UTF-8, no control
 * characters). Returns 0 and sets *clean (NFC, trimmed; caller frees) or
 * EX_DATAERR with *cause. */
int action_check_name(const char *name, char **clean, char **cause);

/* Creates a project following tracks (ids the content has, no repeats). */
int action_project_new(struct action *a, const char *name, char *const *tracks,
    size_t ntracks, int64_t *id, char **cause);
/* Renames the project (kept in its history); the same name is no change. */
int action_project_rename(struct action *a, int64_t id, const char *name, char **cause);
/* What moving project id to tracks (n, in order) would change, for
 * people to read before they confirm: the tracks whose steps leave or
 * join its journey, and how many of its answers the new tracks do not
 * ask (kept, and asked again if it moves back). Refuses an unknown,
 * repeated or missing track, and the tracks it follows already. */
int action_track_move_text(struct action *a, int64_t id, char *const *tracks, size_t n,
    char **text, char **cause);
/* Moves project id to tracks in one transaction: every answer is kept,
 * the move is recorded in its history, hand-offs follow the new tracks. */
int action_project_tracks(struct action *a, int64_t id, char *const *tracks, size_t n,
    char **cause);
/* Archives the project (archived: true), which hides it from the lists
 * and keeps it unchanged with its history, or brings it back into use.
 * EX_DATAERR when it is so already. Nothing in an archived project can be
 * changed (answers, hand-offs, its name): EX_DATAERR. */
int action_project_archive(struct action *a, int64_t id, bool archived, char **cause);
/* Removes an archived project for good, with its answers, hand-offs and
 * history; EX_DATAERR for a project in use. */
int action_project_purge(struct action *a, int64_t id, char **cause);
/* Every archived project, the latest archived first; free with
 * projects_free. */
int action_projects_archived(struct action *a, struct project **out, size_t *n,
    char **cause);
/* Every project in use, by id; free with projects_free. */
int action_projects(struct action *a, struct project **out, size_t *n, char **cause);
/* At most limit projects in use from place offset of the order of their
 * last change (store_projects_by_change); free with projects_free. */
int action_projects_page(struct action *a, size_t offset, size_t limit,
    struct project **out, size_t *n, char **cause);
/* The projects screen as it opens, as of one moment: how many projects
 * are in use (*count), the place of project keep in the order of their
 * last change (*rank; 0 when keep is 0 or gone), and the page of size
 * limit that holds that place (*out, *n, starting at *offset). */
int action_projects_first(struct action *a, int64_t keep, size_t limit, size_t *count,
    size_t *rank, size_t *offset, struct project **out, size_t *n, char **cause);
/* The revisions of question's answer (NULL: every question's), oldest
 * first; free with answer_events_free. */
int action_answer_history(struct action *a, int64_t project, const char *question,
    struct answer_event **out, size_t *n, char **cause);
/* The project whose id or exact name is key (an id wins). EX_NOINPUT if
 * none; caller frees with project_free. */
int action_project_find(struct action *a, const char *key, struct project **out,
    char **cause);

/* The role id names, or EX_USAGE with *cause listing every role by its
 * id and its name. */
int action_role_find(const struct action *a, const char *id, const struct role **out,
    char **cause);

/* Answers question with what the user typed: a value of the question's
 * type or "don't know" (value.h). expect is the revision the user saw
 * (0: no answer) or ACTION_ANY_REVISION; a different stored revision is a
 * conflict (STATUS_CONFLICT, both answers in *res). Refuses a question that
 * does not apply to the project now. res may be NULL; free it with
 * answer_result_free whatever the outcome. */
int action_answer(struct action *a, int64_t project, const char *question,
    const char *input, int64_t expect, struct answer_result *res, char **cause);
/* As action_answer, with the input read as written in lang rather than
 * in the program's language (an answer file written in the other one). */
int action_answer_in(struct action *a, int64_t project, const char *question,
    const char *input, enum lang lang, int64_t expect, struct answer_result *res,
    char **cause);
/* One answer of a batch, canonical as value.h gives it. */
struct action_item {
	const char		*question;
	enum answer_kind	 kind;		/* ANSWER_VALUE or ANSWER_DONTKNOW */
	const char		*value;
	int64_t			 expect;	/* the revision seen, or ACTION_ANY_REVISION */
};

/* What a batch did; free with action_batch_free. */
struct action_batch {
	size_t			 nchanged;	/* answers stored */
	size_t			 nmarked;	/* hand-offs marked answered */
	struct handoff_sync	*handoffs;	/* raised or withdrawn by the answers */
	size_t			 nhandoffs;
};

/* Stores the n answers as one action and one transaction, each checked
 * as action_answer checks it (its revision, that it applies) and kept
 * in the history as given by respondent (may be NULL) and saved by the
 * user, then marks answered, with note, each of rules whose hand-off is
 * still open (raised or sent). Any refusal (EX_DATAERR) or conflict
 * (STATUS_CONFLICT, with both answers in *cause) writes nothing. */
int action_answers(struct action *a, int64_t project, const struct action_item *v, size_t n,
    const char *respondent, char *const *rules, size_t nrules, const char *note,
    struct action_batch *res, char **cause);
void action_batch_free(struct action_batch *b);
/* Clears the answer (it keeps its history); as action_answer otherwise,
 * but allowed for a question that does not apply. */
int action_clear(struct action *a, int64_t project, const char *question,
    int64_t expect, struct answer_result *res, char **cause);
/* Saves again what question was at revision (as its history has it: a
 * value, "don't know" or cleared), as a new revision; the history is
 * kept. As action_answer otherwise (expect, conflicts, res). EX_NOINPUT
 * when the history has no such revision; EX_DATAERR when the content no
 * longer takes that value. */
int action_restore(struct action *a, int64_t project, const char *question,
    int64_t revision, int64_t expect, struct answer_result *res, char **cause);
void answer_result_free(struct answer_result *res);

/* Review and sign-off by role (review.h). */
/* A role's review of one subject: a hand-off's answers (REVIEW_HANDOFF,
 * subject its rule id) or its part of a checklist section
 * (REVIEW_SECTION, "checklist/section"); role (may be NULL when one role
 * owns the subject) is the role's id. state is acceptable, to-correct
 * (comment says what: it goes back to the project) or not-reviewed.
 * Records the revision of every answer it covers. */
int action_review(struct action *a, int64_t project, enum review_kind kind, const char *subject,
    const char *role, enum review_state state, const char *comment, char **cause);
/* role's sign-off of everything it reviews in the project, by name (NULL:
 * the user), or with withdraw its withdrawal. Refused while the role has
 * marked something to be corrected. */
int action_signoff(struct action *a, int64_t project, const char *role, const char *name,
    bool withdraw, char **cause);
/* The project in s's reviews (oldest first) and its board (review.h);
 * caller frees with reviews_free and review_board_free. */
int action_review_board(struct action *a, const struct snapshot *s, struct review **reviews,
    size_t *n, struct review_board **out, char **cause);
/* A review's subject for people: "Indkøb › Aftaler", or the hand-off's
 * id. Caller frees. */
char *action_subject_text(const struct action *a, enum review_kind kind, const char *subject);

/* Changes the project's hand-off for rule. */
int action_handoff(struct action *a, int64_t project, const char *rule,
    const struct handoff_edit *edit, char **cause);
/* Brings the project's hand-offs in line with the rules (after the
 * content or the site's threshold changed); *changes and *n (may be NULL)
 * get what changed, caller frees *changes. */
int action_sync(struct action *a, int64_t project, struct handoff_sync **changes,
    size_t *n, char **cause);

/* Loads project id with its answers and hand-offs in one read, and works
 * out its progress. Caller frees with snapshot_free. */
int action_snapshot(struct action *a, int64_t id, struct snapshot **out, char **cause);
void snapshot_free(struct snapshot *s);
/* Calls fn with a snapshot of every project, by id, as action_snapshot
 * makes them, but read project after project in one walk through the
 * store that sees one consistent state (store_each_project): several
 * times faster than a snapshot each, holding one project at a time. A
 * snapshot lasts for its call only; fn may read the store, not write to
 * it. Stops at the first non-zero return of fn and returns it; else 0,
 * or the store's status with *cause. */
int action_each_snapshot(struct action *a,
    int (*fn)(const struct snapshot *s, void *arg), void *arg, char **cause);
/* As action_each_snapshot, but each project with only what its progress
 * needs (store_each_progress): answers without revision, time, user or
 * source, hand-offs without contact, note or time changed. For a search
 * of every project, which reads half as much so. */
int action_each_progress(struct action *a,
    int (*fn)(const struct snapshot *s, void *arg), void *arg, char **cause);
/* As action_each_snapshot, but each project as action_refresh gives it:
 * where the store is writable, the projects whose stored hand-offs lag
 * behind the rules are brought in line after the walk, and then, when
 * there were any, reset(arg) forgets what fn was given and every
 * project is walked again; so what fn last got is one state of the
 * store, read in one transaction. */
int action_each_refreshed(struct action *a, int (*fn)(const struct snapshot *s, void *arg),
    void (*reset)(void *arg), void *arg, char **cause);
/* Calls fn with a snapshot of each project keys name (an id or an exact
 * name, as action_project_find), once each, in the order first named;
 * the names are looked up and the projects read in one read
 * transaction. Stops at the first key not found (EX_NOINPUT with
 * *cause naming it) or non-zero return of fn. */
int action_each_named(struct action *a, char *const *keys, size_t n,
    int (*fn)(const struct snapshot *s, void *arg), void *arg, char **cause);
/* Calls fn with each of the projects ids (NULL: every project, by id),
 * in that order, and its progress in brief (progress.h), as
 * action_refresh would show it: where the store can be written, of its
 * hand-offs brought in line with the rules (in memory: nothing is
 * written). Read in one read transaction, only what progress needs of
 * the projects ids (store_each_progress), every project in one walk
 * (store_each_project). A project not there (any more) is passed over.
 * With a memo, the briefs are kept in it and taken from it while no
 * transaction has been committed to the store since (by anyone), and the
 * content and settings are the same. fn is called as each project is
 * read, inside that transaction: p and b last for the call only (copy
 * what is kept), and fn must not use a. For the projects screen and
 * 'project list'. Stops at the first non-zero return of fn and returns
 * it; else 0, or the store's status. */
int action_briefs(struct action *a, const int64_t *ids, size_t n,
    int (*fn)(const struct project *p, const struct progress_brief *b, void *arg),
    void *arg, char **cause);
/* The brief of p kept in a's memo, while it still holds (as above); else
 * NULL (then action_briefs works it out). Caller frees with
 * progress_brief_free. */
struct progress_brief *action_brief_kept(const struct action *a, const struct project *p);
/* A memo for struct action, empty; for a program that shows the
 * projects' progress again and again (the terminal program). */
struct action_memo *action_memo_new(void);
/* NULL is fine. */
void action_memo_free(struct action_memo *m);

/* Following other processes and users: *seen is a mark of the store's
 * state (store_data_version: set it from action_data_version when a
 * screen opens). action_changed says whether another connection
 * committed since, and moves *seen on; it costs no read of the
 * database, so a screen calls it whenever it waits for a key. */
int64_t action_data_version(struct action *a);
bool action_changed(struct action *a, int64_t *seen);
/* A file descriptor to wait on beside the terminal: readable when
 * another connection may have committed (a server's notice), so that
 * the screen follows at once; -1 when there is none (SQLite), and the
 * screen asks action_changed once a second. */
int action_watch_fd(struct action *a);
/* Who made the latest change and to which project (by its name), each
 * NULL (*project, *user: caller frees) when the history does not say. */
int action_latest_change(struct action *a, char **project, char **user, char **cause);
/* As action_snapshot, but when the stored hand-offs lag behind the rules
 * (after an upgrade, or a change to the content or the site's threshold)
 * and the store is writable, brings them in line first (action_sync). */
int action_refresh(struct action *a, int64_t id, struct snapshot **out, char **cause);
/* As action_refresh, but on success returns inside the read transaction
 * the snapshot was read in, so that what the caller reads next (the
 * history of an export) is as of the same moment; end it with
 * action_read_end. On failure no transaction is left open. */
int action_refresh_open(struct action *a, int64_t id, struct snapshot **out,
    char **cause);
void action_read_end(struct action *a);

#endif
