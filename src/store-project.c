/* SPDX-License-Identifier: EUPL-1.2 */
/* Projects and their tracks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/ctrl.h"
#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"

static const char sql_add[] =
    "INSERT INTO project (name, created, changed) VALUES (?, ?, ?) RETURNING id";
static const char sql_track_add[] =
    "INSERT INTO project_track (project, position, track) VALUES (?, ?, ?)";
static const char sql_tracks_clear[] = "DELETE FROM project_track WHERE project = ?";
/* Each of these is a PROJECT_COLS row. */
static const char sql_get[] = "SELECT " PROJECT_COLS " FROM project WHERE id = ?";
static const char sql_named[] = "SELECT " PROJECT_COLS " FROM project WHERE name = ?";
static const char sql_all[] = "SELECT " PROJECT_COLS " FROM project"
    " WHERE archived IS NULL ORDER BY id";
static const char sql_archived[] = "SELECT " PROJECT_COLS " FROM project"
    " WHERE archived IS NOT NULL ORDER BY archived DESC, id";
/* Along the index project_changed (of the projects in use), without
 * sorting; then each project's tracks. On a server, the page's projects
 * with their tracks, a row each (PROJECT_TRACKED_COLS): one statement, a
 * round trip, rather than one a project. SQLite, in the same process,
 * prepares the shorter statements for less than the join saves. */
static const char sql_by_change[] = "SELECT " PROJECT_COLS " FROM project"
    " WHERE archived IS NULL ORDER BY changed DESC, id LIMIT ? OFFSET ?";
static const char sql_by_change_tracked[] = "SELECT " PROJECT_TRACKED_COLS " FROM"
    " (SELECT " PROJECT_COLS " FROM project"
    "  WHERE archived IS NULL ORDER BY changed DESC, id LIMIT ? OFFSET ?) AS p"
    " LEFT JOIN project_track AS t ON t.project = p.id"
    " ORDER BY p.changed DESC, p.id, t.position";
/* One number. */
static const char sql_count[] = "SELECT count(*) FROM project WHERE archived IS NULL";
static const char sql_rank[] =
    "SELECT (SELECT count(*) FROM project WHERE archived IS NULL AND changed > p.changed) +"
    " (SELECT count(*) FROM project WHERE archived IS NULL AND changed = p.changed AND id < p.id)"
    " FROM project AS p WHERE p.id = ? AND p.archived IS NULL";
/* A project's tracks, in their order: one column. */
static const char sql_tracks_of[] =
    "SELECT track FROM project_track WHERE project = ? ORDER BY position";
/* Every project's tracks. */
static const char sql_tracks_all[] =
    "SELECT project, track FROM project_track ORDER BY project, position";
enum { TRACKS_PROJECT, TRACKS_TRACK };
/* Each returns the id of the project changed: none, no such project. */
static const char sql_rename[] = "UPDATE project SET name = ?, changed = ? WHERE id = ? RETURNING id";
static const char sql_touch[] = "UPDATE project SET changed = ? WHERE id = ? RETURNING id";
/* Archiving and restoring change the project: a restored project comes
 * back at the top of the list, where its user looks for it. */
static const char sql_archive[] =
    "UPDATE project SET archived = ?, changed = ? WHERE id = ? RETURNING id";
static const char sql_delete[] = "DELETE FROM project WHERE id = ? RETURNING id";
/* The old name of a project, for its history; one column. */
static const char sql_name_of[] = "SELECT name FROM project WHERE id = ?";
static const char sql_event[] =
    "INSERT INTO project_event (project, what, old_name, new_name, time, \"user\", account, source)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
/* PEVENT_COLS rows, oldest first. */
#define PEVENT_COLS "id, what, old_name, new_name, time, \"user\", account, source"
enum { PEVENT_ID, PEVENT_WHAT, PEVENT_OLD_NAME, PEVENT_NEW_NAME, PEVENT_TIME, PEVENT_USER,
	PEVENT_ACCOUNT, PEVENT_SOURCE };
static const char sql_history[] =
    "SELECT " PEVENT_COLS " FROM project_event WHERE project = ? ORDER BY id";

static int
no_project(int64_t id, char **cause)
{
	*cause = xasprintf(_("there is no project %lld: see 'airejse project list'"), (long long)id);
	return EX_NOINPUT;
}

static int
name_taken(struct store *s, enum db_rc rc, const char *name, char **cause)
{
	if (rc == DB_EUNIQUE) {
		*cause = xasprintf(_("there is already a project named '%s': choose another name"), name);
		return EX_DATAERR;
	}
	return store_fail(s, rc, _("cannot save the project"), cause);
}

/* Stores tracks as project pid's, in order. */
static int
add_tracks(struct store *s, int64_t pid, char *const *tracks, size_t n, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((st = db_prepare(s->db, sql_track_add, &rc)) == NULL)
			return store_fail(s, rc, _("cannot save the project"), cause);
		db_bind_int(st, 1, pid);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, tracks[i]);
		if ((rc = db_run(st, NULL)) != DB_OK)
			return store_fail(s, rc, _("cannot save the project"), cause);
	}
	return 0;
}

int
store_project_add(struct store *s, const char *name, char *const *tracks,
    size_t ntracks, int64_t now, int64_t *id, char **cause)
{
	struct db_stmt *st;
	int64_t pid = 0;
	enum db_rc rc;
	size_t i;
	int status;

	if ((status = ctrl_check(_("the project's name"), name, CTRL_LINE, cause)) != 0)
		return status;
	for (i = 0; i < ntracks; i++)
		if ((status = ctrl_check(_("the track's id"), tracks[i], CTRL_LINE, cause)) != 0)
			return status;
	if ((st = db_prepare(s->db, sql_add, &rc)) == NULL)
		return store_fail(s, rc, _("cannot save the project"), cause);
	db_bind_text(st, 1, name);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, now);
	if ((rc = db_run(st, &pid)) != DB_OK)
		return name_taken(s, rc, name, cause);
	if ((status = add_tracks(s, pid, tracks, ntracks, cause)) != 0)
		return status;
	if (id != NULL)
		*id = pid;
	return 0;
}

void
store_project_row(struct db_stmt *st, void *rec, struct store_pool *pool)
{
	struct project *p = rec;

	(void)pool;
	memset(p, 0, sizeof(*p));
	p->id = db_int(st, PROJECT_COL_ID);
	p->name = store_col_required(st, PROJECT_COL_NAME, NULL);
	p->created = db_int(st, PROJECT_COL_CREATED);
	p->changed = db_int(st, PROJECT_COL_CHANGED);
	p->archived = db_int(st, PROJECT_COL_ARCHIVED);
}

void
store_project_add_track(struct project *p, const char *track)
{
	p->tracks = xreallocarray(p->tracks, p->ntracks + 1, sizeof(*p->tracks));
	p->tracks[p->ntracks++] = xstrdup(track != NULL ? track : "");
}

enum db_rc
store_read_tracked(struct db_stmt *st, struct project **v, size_t *n)
{
	size_t cap = 0;
	enum db_rc rc;

	*v = NULL;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (*n == 0 || (*v)[*n - 1].id != db_int(st, PROJECT_COL_ID)) {
			xgrow(v, &cap, *n + 1, sizeof(**v));
			store_project_row(st, &(*v)[(*n)++], NULL);
		}
		if (db_text(st, PROJECT_COL__COUNT) != NULL)
			store_project_add_track(&(*v)[*n - 1], db_text(st, PROJECT_COL__COUNT));
	}
	db_reset(st);
	return rc == DB_DONE ? DB_OK : rc;
}

/* Adds the project's tracks to p. */
static enum db_rc
read_tracks(struct store *s, struct project *p)
{
	struct db_stmt *st;
	enum db_rc rc;

	if ((st = db_prepare(s->db, sql_tracks_of, &rc)) == NULL)
		return rc;
	db_bind_int(st, 1, p->id);
	while ((rc = db_step(st)) == DB_ROW)
		store_project_add_track(p, db_text(st, 0));
	db_reset(st);
	return rc == DB_DONE ? DB_OK : rc;
}

/* Reads one project by id or name, with its tracks. */
static int
project_one(struct store *s, const char *sql, int64_t pid, const char *name,
    struct project **out, char **cause)
{
	struct db_stmt *st;
	struct project *p;
	enum db_rc rc;

	*out = NULL;
	if ((st = db_prepare(s->db, sql, &rc)) == NULL)
		return store_fail(s, rc, _("cannot read the project"), cause);
	if (name != NULL)
		db_bind_text(st, 1, name);
	else
		db_bind_int(st, 1, pid);
	if ((rc = db_step(st)) != DB_ROW) {
		db_reset(st);
		if (rc != DB_DONE)
			return store_fail(s, rc, _("cannot read the project"), cause);
		if (name == NULL)
			return no_project(pid, cause);
		*cause = xasprintf(_("there is no project named '%s': see 'airejse project list'"), name);
		return EX_NOINPUT;
	}
	p = xcalloc(1, sizeof(*p));
	store_project_row(st, p, NULL);
	db_reset(st);
	if ((rc = read_tracks(s, p)) != DB_OK) {
		project_free(p);
		return store_fail(s, rc, _("cannot read the project"), cause);
	}
	*out = p;
	return 0;
}

int
store_project_get(struct store *s, int64_t id, struct project **out, char **cause)
{
	return project_one(s, sql_get, id, NULL, out, cause);
}

int
store_project_named(struct store *s, const char *name, struct project **out, char **cause)
{
	return project_one(s, sql_named, 0, name, out, cause);
}

int
store_projects(struct store *s, struct project **out, size_t *n, char **cause)
{
	struct project *v = NULL;
	size_t nv = 0, i = 0;
	struct db_stmt *st;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(s->db, sql_all, &rc)) != NULL)
		rc = store_read_rows(st, sizeof(*v), store_project_row, (void **)&v, &nv);
	if (rc == DB_OK && (st = db_prepare(s->db, sql_tracks_all, &rc)) != NULL) {
		/* Both are ordered by project id: merge them. */
		while ((rc = db_step(st)) == DB_ROW) {
			int64_t pid = db_int(st, TRACKS_PROJECT);

			while (i < nv && v[i].id < pid)
				i++;
			if (i < nv && v[i].id == pid)
				store_project_add_track(&v[i], db_text(st, TRACKS_TRACK));
		}
		db_reset(st);
		if (rc == DB_DONE)
			rc = DB_OK;
	}
	if (rc != DB_OK) {
		projects_free(v, nv);
		return store_fail(s, rc, _("cannot read the projects"), cause);
	}
	*out = v;
	*n = nv;
	return 0;
}

int
store_projects_archived(struct store *s, struct project **out, size_t *n, char **cause)
{
	struct project *v = NULL;
	size_t nv = 0, i;
	struct db_stmt *st;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	/* Few, and read on request: each with its own read of its tracks. */
	if ((st = db_prepare(s->db, sql_archived, &rc)) != NULL)
		rc = store_read_rows(st, sizeof(*v), store_project_row, (void **)&v, &nv);
	for (i = 0; rc == DB_OK && i < nv; i++)
		rc = read_tracks(s, &v[i]);
	if (rc != DB_OK) {
		projects_free(v, nv);
		return store_fail(s, rc, _("cannot read the projects"), cause);
	}
	*out = v;
	*n = nv;
	return 0;
}

/* The one number sql gives (binding id when it is not 0). */
static enum db_rc
one_number(struct store *s, const char *sql, int64_t id, int64_t *out)
{
	struct db_stmt *st;
	enum db_rc rc;

	*out = 0;
	if ((st = db_prepare(s->db, sql, &rc)) == NULL)
		return rc;
	if (id != 0)
		db_bind_int(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW)
		*out = db_int(st, 0);
	db_reset(st);
	return rc;
}

int
store_project_count(struct store *s, size_t *n, char **cause)
{
	int64_t v;
	enum db_rc rc = one_number(s, sql_count, 0, &v);

	*n = (size_t)v;
	if (rc != DB_ROW && rc != DB_DONE)
		return store_fail(s, rc, _("cannot read the projects"), cause);
	return 0;
}

int
store_projects_by_change(struct store *s, size_t offset, size_t limit,
    struct project **out, size_t *n, char **cause)
{
	bool server = store_is_server(s), began = false;
	struct project *v = NULL;
	struct db_stmt *st;
	size_t nv = 0, i;
	enum db_rc rc;
	int status;

	*out = NULL;
	*n = 0;
	/* The projects and their tracks as of one moment (one statement
	 * needs no transaction for it). */
	if (!server && (status = store_read_begin(s, &began, cause)) != 0)
		return status;
	if ((st = db_prepare(s->db, server ? sql_by_change_tracked : sql_by_change, &rc)) != NULL) {
		db_bind_int(st, 1, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
		db_bind_int(st, 2, offset > INT64_MAX ? INT64_MAX : (int64_t)offset);
		if (server)
			rc = store_read_tracked(st, &v, &nv);
		else
			rc = store_read_rows(st, sizeof(*v), store_project_row, (void **)&v, &nv);
	}
	for (i = 0; !server && rc == DB_OK && i < nv; i++)
		rc = read_tracks(s, &v[i]);
	store_read_end(s, began);
	if (rc != DB_OK) {
		projects_free(v, nv);
		return store_fail(s, rc, _("cannot read the projects"), cause);
	}
	*out = v;
	*n = nv;
	return 0;
}

int
store_project_rank(struct store *s, int64_t id, size_t *rank, char **cause)
{
	int64_t v;
	enum db_rc rc = one_number(s, sql_rank, id, &v);

	*rank = (size_t)v;
	if (rc == DB_ROW)
		return 0;
	if (rc != DB_DONE)
		return store_fail(s, rc, _("cannot read the projects"), cause);
	return no_project(id, cause);
}

/* Runs an update of one project (statement sql, bound already but for
 * the id, its last parameter); EX_NOINPUT when there is none. */
static int
project_update(struct store *s, struct db_stmt *st, int last, int64_t pid, const char *name,
    char **cause)
{
	int64_t changed;
	enum db_rc rc;

	db_bind_int(st, last, pid);
	if ((rc = db_run(st, &changed)) == DB_DONE)
		return no_project(pid, cause);
	if (rc != DB_OK)
		return name != NULL ? name_taken(s, rc, name, cause) :
		    store_fail(s, rc, _("cannot save the project"), cause);
	return 0;
}

/* Records what happened to project pid in its history. */
static enum db_rc
project_event(struct store *s, int64_t pid, enum project_what what, const char *old_name,
    const char *new_name, int64_t now, const char *user, enum source source)
{
	struct db_stmt *st;
	enum db_rc rc;

	if ((st = db_prepare(s->db, sql_event, &rc)) == NULL)
		return rc;
	db_bind_int(st, 1, pid);
	db_bind_text(st, 2, project_what_name(what));
	db_bind_text(st, 3, old_name);
	db_bind_text(st, 4, new_name);
	db_bind_int(st, 5, now);
	db_bind_text(st, 6, user);
	db_bind_text(st, 7, s->account);
	db_bind_text(st, 8, source_name(source));
	return db_run(st, NULL);
}

int
store_project_rename(struct store *s, int64_t id, const char *name, int64_t now,
    const char *user, enum source source, char **cause)
{
	struct db_stmt *st;
	char *old = NULL;
	enum db_rc rc;
	int status;

	if ((status = ctrl_check(_("the project's name"), name, CTRL_LINE, cause)) != 0)
		return status;
	if ((st = db_prepare(s->db, sql_name_of, &rc)) == NULL)
		return store_fail(s, rc, _("cannot save the project"), cause);
	db_bind_int(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW)
		old = store_col_text(st, 0);
	db_reset(st);
	if (rc == DB_DONE)
		return no_project(id, cause);
	if (rc != DB_ROW)
		return store_fail(s, rc, _("cannot save the project"), cause);
	if ((st = db_prepare(s->db, sql_rename, &rc)) == NULL) {
		free(old);
		return store_fail(s, rc, _("cannot save the project"), cause);
	}
	db_bind_text(st, 1, name);
	db_bind_int(st, 2, now);
	if ((status = project_update(s, st, 3, id, name, cause)) == 0 &&
	    (rc = project_event(s, id, PROJECT_RENAMED, old, name, now, user, source)) != DB_OK)
		status = store_fail(s, rc, _("cannot save the project"), cause);
	free(old);
	return status;
}

int
store_project_set_tracks(struct store *s, int64_t id, const char *old,
    char *const *tracks, size_t n, int64_t now, const char *user, enum source source,
    char **cause)
{
	struct db_stmt *st;
	struct strbuf to = STRBUF_INIT;
	enum db_rc rc;
	size_t i;
	int status;

	for (i = 0; i < n; i++)
		if ((status = ctrl_check(_("the track's id"), tracks[i], CTRL_LINE, cause)) != 0)
			return status;
	if ((st = db_prepare(s->db, sql_touch, &rc)) == NULL)
		return store_fail(s, rc, _("cannot save the project"), cause);
	db_bind_int(st, 1, now);
	if ((status = project_update(s, st, 2, id, NULL, cause)) != 0)
		return status;
	if ((st = db_prepare(s->db, sql_tracks_clear, &rc)) == NULL)
		return store_fail(s, rc, _("cannot save the project"), cause);
	db_bind_int(st, 1, id);
	if ((rc = db_run(st, NULL)) != DB_OK)
		return store_fail(s, rc, _("cannot save the project"), cause);
	if ((status = add_tracks(s, id, tracks, n, cause)) != 0)
		return status;
	for (i = 0; i < n; i++)
		sb_addf(&to, "%s%s", i ? "," : "", tracks[i]);
	rc = project_event(s, id, PROJECT_TRACKS, old, sb_str(&to), now, user, source);
	sb_free(&to);
	if (rc != DB_OK)
		return store_fail(s, rc, _("cannot save the project"), cause);
	return 0;
}

int
store_project_archive(struct store *s, int64_t id, bool archived, int64_t now,
    const char *user, enum source source, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;
	int status;

	if ((st = db_prepare(s->db, sql_archive, &rc)) == NULL)
		return store_fail(s, rc, _("cannot save the project"), cause);
	if (archived)
		db_bind_int(st, 1, now);
	else
		db_bind_text(st, 1, NULL);
	db_bind_int(st, 2, now);
	if ((status = project_update(s, st, 3, id, NULL, cause)) != 0)
		return status;
	if ((rc = project_event(s, id, archived ? PROJECT_ARCHIVED : PROJECT_RESTORED,
	    NULL, NULL, now, user, source)) != DB_OK)
		return store_fail(s, rc, _("cannot save the project"), cause);
	return 0;
}

static void
pevent_row(struct db_stmt *st, void *rec, struct store_pool *pool)
{
	struct project_event *e = rec;
	enum project_what w = PROJECT_RENAMED;
	const char *what = db_text(st, PEVENT_WHAT);

	(void)pool;
	memset(e, 0, sizeof(*e));
	e->id = db_int(st, PEVENT_ID);
	if (what != NULL)
		(void)project_what_parse(what, &w);
	e->what = w;
	e->old_name = store_col_text(st, PEVENT_OLD_NAME);
	e->new_name = store_col_text(st, PEVENT_NEW_NAME);
	e->time = db_int(st, PEVENT_TIME);
	e->user = store_col_text(st, PEVENT_USER);
	e->account = store_col_text(st, PEVENT_ACCOUNT);
	e->source = store_col_source(st, PEVENT_SOURCE);
}

int
store_project_history(struct store *s, int64_t project, struct project_event **out,
    size_t *n, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(s->db, sql_history, &rc)) != NULL) {
		db_bind_int(st, 1, project);
		rc = store_read_rows(st, sizeof(**out), pevent_row, (void **)out, n);
	}
	if (rc != DB_OK) {
		project_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, _("cannot read the history"), cause);
	}
	return 0;
}

int
store_project_touch(struct store *s, int64_t id, int64_t now, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	if ((st = db_prepare(s->db, sql_touch, &rc)) == NULL)
		return store_fail(s, rc, _("cannot save the project"), cause);
	db_bind_int(st, 1, now);
	return project_update(s, st, 2, id, NULL, cause);
}

int
store_project_delete(struct store *s, int64_t id, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	if ((st = db_prepare(s->db, sql_delete, &rc)) == NULL)
		return store_fail(s, rc, _("cannot save the project"), cause);
	return project_update(s, st, 1, id, NULL, cause);
}
