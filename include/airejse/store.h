/* SPDX-License-Identifier: EUPL-1.2 */
/* The store: projects, answers, hand-offs and their history in one
 * database. The only module that knows SQL; its interface has no
 * database's types. Its files, one per concern (store-open.c: opening
 * and the migrations; store.c: transactions; store-project.c,
 * store-answer.c, store-handoff.c, store-walk.c, store-backup.c), share
 * store-impl.h and reach the database through a driver (db.h): db-sqlite.c
 * for one SQLite file, db-pg.c for a PostgreSQL server.
 *
 * Every function returns 0 or a sysexits.h status and, on failure, sets
 * *cause to a message the caller frees, saying what went wrong, why, and
 * what to do: EX_NOINPUT (no such file, project or hand-off), EX_DATAERR
 * (not an airejse database, a newer one, a damaged one, a name taken,
 * text with a control character: every text written passes ctrl_check),
 * EX_IOERR (read-only, disk full, I/O), STATUS_BUSY (status.h: another
 * writer held the database longer than the busy timeout; nothing was
 * saved), EX_CANTCREAT (cannot create the file).
 *
 * Writes happen inside store_begin .. store_commit, one transaction per
 * user action; what store_commit returned 0 for survives a crash. */
#ifndef AIREJSE_STORE_H
#define AIREJSE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airejse/record.h"
#include "airejse/status.h"

struct store;

/* The schema version this program writes (SQLite: PRAGMA user_version). */
#define STORE_VERSION 9

/* store_open flags. */
#define STORE_READONLY	0x1	/* never write; a missing file is EX_NOINPUT */
#define STORE_NOCREATE	0x2	/* a missing file is EX_NOINPUT (for reading
				 * commands); one there opens as without it */

/* Opens (creating it, its folders 0700 and the file 0600, if missing) and
 * brings the schema up to STORE_VERSION. A newer, foreign or damaged file
 * is refused untouched. A file the user may not write opens read-only. */
int store_open(const char *path, int flags, struct store **out, char **cause);
/* As store_open, but migrates only up to version (for the migration test). */
int store_open_version(const char *path, int flags, int version,
    struct store **out, char **cause);
/* Closes; an open transaction is rolled back. NULL is fine. */
void store_close(struct store *s);

/* The operating-system account that makes the changes through s,
 * recorded beside the user's name with each (NULL: none known). */
void store_set_account(struct store *s, const char *account);
const char *store_account(const struct store *s);

const char *store_path(const struct store *s);
/* False when opened read-only or the file cannot be written. */
bool store_writable(const struct store *s);
/* 0, or EX_IOERR with *cause saying why nothing can be saved. */
int store_check_writable(const struct store *s, char **cause);
int store_schema_version(const struct store *s);
/* A number that changes whenever another connection commits, and only
 * then: the terminal program compares it on each redraw and while it
 * waits for a key (once a second, and at once when store_watch_fd is
 * readable), to follow changes made by another process or user. Cheap:
 * for SQLite PRAGMA data_version, no read of the file; a server's
 * driver counts the other sessions' notices of a commit
 * (LISTEN/NOTIFY), read from its socket without a round trip, so it
 * moves when the notice has arrived, a moment after the commit. */
int64_t store_data_version(struct store *s);
/* A file descriptor that becomes readable when another connection may
 * have committed, or -1 (SQLite; a broken connection). */
int store_watch_fd(struct store *s);
/* How many transactions were committed through s: with
 * store_data_version, whether anything may have changed since. */
uint64_t store_commits(const struct store *s);

/* The latest change recorded (an answer, a hand-off, a review, a
 * project renamed, archived or made): the project's name and who made
 * it, each NULL when unknown (a project made has no history yet; a
 * purged one leaves none); caller frees. For saying what another
 * process changed when store_data_version moved. */
int store_latest_change(struct store *s, char **project, char **user, char **cause);

/* A write transaction (taken at once, waiting for other writers up to the
 * busy timeout). EX_IOERR if the store is read-only. */
int store_begin(struct store *s, char **cause);
/* A read transaction: the queries inside see one consistent state. */
int store_begin_read(struct store *s, char **cause);
/* Begins a read transaction for a function whose queries must see one
 * state, unless the caller has one open (a walk through the projects
 * does); *began says which, for store_read_end. */
int store_read_begin(struct store *s, bool *began, char **cause);
void store_read_end(struct store *s, bool began);
int store_commit(struct store *s, char **cause);
/* Abandons the transaction, if any. */
void store_rollback(struct store *s);

/* Projects. *_get and *_named return EX_NOINPUT when there is none, and
 * find archived projects too (archived is set); the lists and counts hold
 * only the projects in use unless said. The caller frees with
 * project_free / projects_free. A name taken by another project, archived
 * or not, is EX_DATAERR. */
int store_project_add(struct store *s, const char *name, char *const *tracks,
    size_t ntracks, int64_t now, int64_t *id, char **cause);
int store_project_get(struct store *s, int64_t id, struct project **out, char **cause);
int store_project_named(struct store *s, const char *name, struct project **out,
    char **cause);
/* Every project in use, by id. */
int store_projects(struct store *s, struct project **out, size_t *n, char **cause);
/* Every archived project, the latest archived first. */
int store_projects_archived(struct store *s, struct project **out, size_t *n,
    char **cause);
/* How many projects there are. */
int store_project_count(struct store *s, size_t *n, char **cause);
/* At most limit projects with their tracks, from the offset-th on (0:
 * the first) in the order of their last change: the latest first, those
 * changed in the same second by id. Read in one consistent state and
 * along an index, so that a page costs what it holds, not what the
 * store holds (the offset is counted, not read). */
int store_projects_by_change(struct store *s, size_t offset, size_t limit,
    struct project **out, size_t *n, char **cause);
/* The place of project id in that order (0: the latest changed), counted
 * along the index; EX_NOINPUT when there is no such project. */
int store_project_rank(struct store *s, int64_t id, size_t *rank, char **cause);
/* Renames the project and records it in its history. */
/* Makes tracks (n, in order) the project's tracks, recording the move
 * from old (comma-separated ids) in its history. Answers are untouched. */
int store_project_set_tracks(struct store *s, int64_t id, const char *old,
    char *const *tracks, size_t n, int64_t now, const char *user, enum source source,
    char **cause);
int store_project_rename(struct store *s, int64_t id, const char *name,
    int64_t now, const char *user, enum source source, char **cause);
/* Sets the project's changed time. */
int store_project_touch(struct store *s, int64_t id, int64_t now, char **cause);
/* Archives the project (archived: true) or brings it back into use, and
 * records it in its history; its answers, hand-offs and history stay. */
int store_project_archive(struct store *s, int64_t id, bool archived, int64_t now,
    const char *user, enum source source, char **cause);
/* Removes the project for good with its answers, hand-offs and history. */
int store_project_delete(struct store *s, int64_t id, char **cause);
/* The project's own history (renames, archiving), oldest first; caller
 * frees with project_events_free. */
int store_project_history(struct store *s, int64_t project,
    struct project_event **out, size_t *n, char **cause);

/* Answers. The project's answers, cleared ones included (kind ANSWER_NONE),
 * sorted by question id; caller frees with answers_free. */
int store_answers(struct store *s, int64_t project, struct answer **out,
    size_t *n, char **cause);
/* The stored answer to question; revision 0 and kind ANSWER_NONE when it
 * was never answered. Caller frees the members with answer_clear. */
int store_answer(struct store *s, int64_t project, const char *question,
    struct answer *out, char **cause);
/* Stores a new answer (value NULL unless kind is ANSWER_VALUE; ANSWER_NONE
 * clears), one revision up, and records the change in the history. Sets
 * *revision (may be NULL). Checks nothing: the action layer does. */
int store_answer_set(struct store *s, int64_t project, const char *question,
    enum answer_kind kind, const char *value, int64_t now, const char *user,
    enum source source, int64_t *revision, char **cause);
/* As store_answer_set, with respondent (may be NULL): who gave the
 * answer when it came through a hand-off packet, kept in its history
 * beside user, who saved it. */
int store_answer_set_by(struct store *s, int64_t project, const char *question,
    enum answer_kind kind, const char *value, int64_t now, const char *user,
    const char *respondent, enum source source, int64_t *revision, char **cause);
/* The history of question (NULL: every question), oldest first; caller
 * frees with answer_events_free. */
int store_answer_history(struct store *s, int64_t project, const char *question,
    struct answer_event **out, size_t *n, char **cause);

/* Hand-offs: one per project and rule. project 0 lists every project's,
 * by project and id; caller frees with handoffs_free. */
int store_handoffs(struct store *s, int64_t project, struct handoff **out,
    size_t *n, char **cause);
/* The project's hand-off for rule; EX_NOINPUT if none. Caller frees with
 * handoff_free. */
int store_handoff_get(struct store *s, int64_t project, const char *rule,
    struct handoff **out, char **cause);
/* Raises a new hand-off (state raised) and records it. */
int store_handoff_raise(struct store *s, int64_t project, const char *rule,
    const char *role, const char *contact, int64_t now, const char *user,
    enum source source, int64_t *id, char **cause);
/* Changes a hand-off's state, due date (NULL: none), contact and note
 * (NULL: keep the old note), and records the change with note. */
int store_handoff_set(struct store *s, int64_t id, enum handoff_state state,
    const char *due, const char *contact, const char *note, int64_t now,
    const char *user, enum source source, char **cause);
/* A hand-off's history, oldest first; caller frees with handoff_events_free. */
int store_handoff_history(struct store *s, int64_t handoff,
    struct handoff_event **out, size_t *n, char **cause);

/* One project with its answers, sorted by question id as store_answers
 * gives them (cleared ones included), and its hand-offs, by id. */
struct store_project {
	struct project	*project;
	struct answer	*answers;
	size_t		 nanswers;
	struct handoff	*handoffs;
	size_t		 nhandoffs;
};

/* Calls fn with every project in use (not archived) whose id is from or
 * more, by id, each read
 * as it comes: the projects, tracks, answers and hand-offs are each one
 * ordered walk through their table, kept open across the calls, so that
 * it costs a fraction of reading each project on its own and only one
 * project is held at a time. The walks see one consistent state: while
 * they are open the connection keeps one read transaction, also across
 * the reads fn makes itself (a store_begin_read .. store_rollback of its
 * own nests in it). What fn gets lasts for its call only; fn may read the
 * store, but not write to it nor call store_each_project. Stops at the
 * first non-zero return of fn and returns it; else 0, or a status with
 * *cause. */
int store_each_project(struct store *s, int64_t from,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause);

/* As store_each_project, but only the projects ids, in that order (one
 * not there, or archived, is passed over), each looked up by its key and all in one
 * read transaction, with only what progress.h needs: the answers (by
 * question, cleared ones included) with their question, kind and value
 * alone (no revision, time, user or source), and the hand-offs (by id)
 * with their id, project, rule, role, state, due date and time raised
 * alone (no contact, note or time changed). For the few projects a screen shows, which
 * the walk would reach only after every project before them. fn may
 * read the store (its reads join the transaction), but not write, nor
 * begin or end a transaction. ids NULL: every project, walked as by
 * store_each_project (whose rules fn follows), with only what progress
 * needs as above; for a search of every project, whose answers are
 * about half what such a walk reads. */
int store_each_progress(struct store *s, const int64_t *ids, size_t n,
    int (*fn)(const struct store_project *p, void *arg), void *arg, char **cause);

/* Whether the database is a server's (PostgreSQL), not a file. */
bool store_is_server(const struct store *s);
/* A question of a hand-off rule, for store_access_init. */
struct store_access_question {
	const char	*rule;
	const char	*question;
};
/* On a server, sets up the access rules the server enforces (see
 * store-access.c): a group role airejse_ROLE for each of roles and
 * airejse_team, their grants, and the triggers that refuse a change
 * (EX_NOPERM, naming the group it needs) to those not in its group;
 * questions say which questions each hand-off rule holds. Run again,
 * it brings the rules in line with the content. Nothing on SQLite. */
int store_access_init(struct store *s, const char *const *roles, size_t nroles,
    const struct store_access_question *questions, size_t nquestions, char **cause);

/* The tables store_copy copies, in their order. */
enum {
	STORE_COPY_PROJECTS, STORE_COPY_TRACKS, STORE_COPY_ANSWERS, STORE_COPY_ANSWER_EVENTS,
	STORE_COPY_HANDOFFS, STORE_COPY_HANDOFF_EVENTS, STORE_COPY_PROJECT_EVENTS,
	STORE_COPY_REVIEWS, STORE_COPY__TABLES
};
/* What store_copy copied: the rows of each table, and the digest of
 * every row's contents (the same read back from both stores). */
struct store_copy_counts {
	size_t		rows[STORE_COPY__TABLES];
	uint64_t	digest;
};
/* Copies every project, answer, revision, history entry, hand-off and
 * change of hand-off of from into to (either kind of store), keys kept,
 * in one transaction on each, and checks the copy before it is
 * committed: the rows counted and digested in both. A to that holds
 * projects is EX_CANTCREAT unless force, which replaces them. */
int store_copy(struct store *from, struct store *to, bool force, struct store_copy_counts *out,
    char **cause);
/* Copies the whole database to dest with SQLite's online backup, through
 * a temporary file renamed into place (mode 0600). An existing dest is
 * EX_CANTCREAT unless force. */
int store_backup(struct store *s, const char *dest, bool force, char **cause);

/* Reviews and sign-offs (review.h): the project's, oldest first (its
 * review history); caller frees with reviews_free. */
int store_reviews(struct store *s, int64_t project, struct review **out, size_t *n,
    char **cause);
/* Records r (its kind, subject, role, state, comment, name, seen, time,
 * user and source) as the project's latest review of its subject. */
int store_review_add(struct store *s, int64_t project, const struct review *r,
    char **cause);

#endif
