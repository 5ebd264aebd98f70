/* Each action: check what the user gave, then one transaction that reads
 * what it needs, writes, brings the hand-offs in line and commits. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/brief.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/handoff.h"
#include "airejse/i18n.h"
#include "airejse/progress.h"
#include "airejse/settings.h"
#include "airejse/store.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

#define NAME_MAX_CHARS 200
#define NOTE_MAX_CHARS 2000

static const char *
user_of(const struct action *a)
{
	return a->user && *a->user ? a->user : "unknown";
}

/* Ends a transaction that failed with status; returns status. */
static int
abandon(struct action *a, int status)
{
	store_rollback(a->store);
	return status;
}

int
action_check_name(const char *name, char **clean, char **cause)
{
	char *trimmed, *nfc;
	size_t n;
	const char *p;

	*clean = NULL;
	if (name == NULL || !utf8_valid(name, strlen(name))) {
		*cause = xstrdup(_("the name is not valid UTF-8 text: type it again, or check the terminal's encoding"));
		return EX_DATAERR;
	}
	for (p = name; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			*cause = xstrdup(_("the name holds a control character (a tab or a line break): give it on one line"));
			return EX_DATAERR;
		}
	}
	trimmed = utf8_trim(name);
	nfc = utf8_nfc(trimmed);
	free(trimmed);
	n = nfc ? utf8_nchars(nfc) : 0;
	if (n == 0 || n > NAME_MAX_CHARS) {
		*cause = n == 0 ? xasprintf(_("a project needs a name of 1 to %d characters"), NAME_MAX_CHARS) :
		    xasprintf(_("the name is %zu characters long: shorten it to at most %d"), n, NAME_MAX_CHARS);
		free(nfc);
		return EX_DATAERR;
	}
	*clean = nfc;
	return 0;
}

char *
action_answer_text(const struct question *q, enum expr_answer kind, const char *value)
{
	if (kind == EXPR_DONTKNOW)
		return xstrdup(value_dontknow_text(i18n_lang()));
	if (kind != EXPR_VALUE || value == NULL)
		return xstrdup(_("(no answer)"));
	if (q == NULL)
		return xstrdup(value);
	return value_format(q, value, i18n_lang());
}

/* "Name <e-mail>" for role from the site configuration, or NULL. */
static char *
contact_for(const struct action *a, const char *role)
{
	const struct role_contact *rc;

	if (a->settings == NULL || (rc = settings_contact(a->settings, role)) == NULL)
		return NULL;
	if (rc->name && rc->email)
		return xasprintf("%s <%s>", rc->name, rc->email);
	if (rc->name || rc->email)
		return xstrdup(rc->name ? rc->name : rc->email);
	return NULL;
}

/* Loads the project's records inside the current transaction. */
static int
load(struct action *a, int64_t id, struct snapshot *s, char **cause)
{
	int status;

	memset(s, 0, sizeof(*s));
	if ((status = store_project_get(a->store, id, &s->project, cause)) != 0 ||
	    (status = store_answers(a->store, id, &s->answers, &s->nanswers, cause)) != 0 ||
	    (status = store_handoffs(a->store, id, &s->handoffs, &s->nhandoffs, cause)) != 0)
		return status;
	s->progress = progress_new(a->content, a->settings, s->project, s->answers,
	    s->nanswers, s->handoffs, s->nhandoffs);
	return 0;
}

static void
unload(struct snapshot *s)
{
	progress_free(s->progress);
	project_free(s->project);
	answers_free(s->answers, s->nanswers);
	handoffs_free(s->handoffs, s->nhandoffs);
	memset(s, 0, sizeof(*s));
}

static int sync_brief_locked(struct action *a, int64_t project, int64_t now,
    struct handoff_sync **out, size_t *nout, struct progress_brief **brief,
    struct project **pout, char **cause);

/* Inside a write transaction, after the action's other writes to the
 * project: keeps the brief of pr, the project as it now stands, under
 * stamp (nothing is kept without one), and hands it to *out when out is
 * not NULL. */
static int
keep_brief(struct action *a, int64_t project, const struct progress *pr,
    const char *stamp, struct progress_brief **out, char **cause)
{
	struct progress_brief *b = brief_of(pr);
	struct stored_brief sb;
	int status = 0;

	if (*stamp != '\0') {
		brief_to_stored(b, stamp, &sb);
		status = store_brief_put(a->store, project, &sb, cause);
		stored_brief_clear(&sb);
	}
	if (status == 0 && out != NULL)
		*out = b;
	else
		brief_free(b);
	return status;
}

/* The same, loading the project first. */
static int
keep_brief_loaded(struct action *a, int64_t project, char **cause)
{
	char stamp[BRIEF_STAMP_SIZE];
	struct snapshot s;
	int status;

	brief_stamp(a->content, a->settings, stamp);
	if (*stamp == '\0')
		return 0;
	if ((status = load(a, project, &s, cause)) == 0)
		status = keep_brief(a, project, s.progress, stamp, NULL, cause);
	unload(&s);
	return status;
}

/* Inside a write transaction: raises and withdraws what the answers now
 * call for, hands the changes to the caller, and keeps the project's
 * brief as it then stands (handing it to *brief when that is not NULL;
 * *project, when not NULL, gets the project as read). The last write of
 * every action that changes answers or tracks. */
static int
sync_locked(struct action *a, int64_t project, int64_t now,
    struct handoff_sync **out, size_t *nout, char **cause)
{
	return sync_brief_locked(a, project, now, out, nout, NULL, NULL, cause);
}

static int
sync_brief_locked(struct action *a, int64_t project, int64_t now,
    struct handoff_sync **out, size_t *nout, struct progress_brief **brief,
    struct project **pout, char **cause)
{
	char stamp[BRIEF_STAMP_SIZE];
	struct snapshot s;
	struct handoff_sync *v;
	size_t n, i;
	int status;

	*out = NULL;
	*nout = 0;
	if ((status = load(a, project, &s, cause)) != 0) {
		unload(&s);
		return status;
	}
	n = handoff_sync(s.progress, s.handoffs, s.nhandoffs, &v);
	for (i = 0; i < n && status == 0; i++) {
		const struct handoff_rule *r = v[i].rule;
		char *contact = contact_for(a, r->role->id);

		if (v[i].id == 0) {
			status = store_handoff_raise(a->store, project, r->id, r->role->id,
			    contact, now, user_of(a), a->source, NULL, cause);
		} else {
			const struct handoff *h = handoff_find(s.handoffs, s.nhandoffs, r->id);

			/* A hand-off raised again goes to today's contact. */
			status = store_handoff_set(a->store, v[i].id, v[i].to, h->due,
			    v[i].to == HANDOFF_RAISED && contact ? contact : h->contact,
			    NULL, now, user_of(a), a->source, cause);
		}
		free(contact);
	}
	/* The brief of the project with these changes made. */
	if (status == 0 && n > 0) {
		unload(&s);
		status = load(a, project, &s, cause);
	}
	if (status == 0) {
		brief_stamp(a->content, a->settings, stamp);
		if (*stamp != '\0' || brief != NULL)
			status = keep_brief(a, project, s.progress, stamp, brief, cause);
	}
	if (status == 0 && pout != NULL) {
		*pout = s.project;
		s.project = NULL;
	}
	unload(&s);
	if (status != 0) {
		free(v);
		return status;
	}
	*out = v;
	*nout = n;
	return 0;
}

static int
check_tracks(const struct action *a, char *const *tracks, size_t n, char **cause)
{
	size_t i, j;

	if (n == 0) {
		*cause = xstrdup(_("a project needs at least one track: see 'airejse journeys' for them"));
		return EX_DATAERR;
	}
	for (i = 0; i < n; i++) {
		if (content_track(a->content, tracks[i]) == NULL) {
			*cause = xasprintf(_("there is no track '%s': see 'airejse journeys' for them"), tracks[i]);
			return EX_DATAERR;
		}
		for (j = 0; j < i; j++)
			if (strcmp(tracks[i], tracks[j]) == 0) {
				*cause = xasprintf(_("the track '%s' is given twice"), tracks[i]);
				return EX_DATAERR;
			}
	}
	return 0;
}

int
action_project_new(struct action *a, const char *name, char *const *tracks,
    size_t ntracks, int64_t *id, char **cause)
{
	struct handoff_sync *changes = NULL;
	int64_t now = clock_now(), pid = 0;
	size_t nchanges;
	char *clean;
	int status;

	if ((status = action_check_name(name, &clean, cause)) != 0)
		return status;
	if ((status = check_tracks(a, tracks, ntracks, cause)) != 0 ||
	    (status = store_begin(a->store, cause)) != 0) {
		free(clean);
		return status;
	}
	/* A rule may hold before anything is answered. */
	if ((status = store_project_add(a->store, clean, tracks, ntracks, now, &pid, cause)) != 0 ||
	    (status = sync_locked(a, pid, now, &changes, &nchanges, cause)) != 0 ||
	    (status = store_commit(a->store, cause)) != 0) {
		free(clean);
		return abandon(a, status);
	}
	free(changes);
	free(clean);
	if (id != NULL)
		*id = pid;
	return 0;
}

int
action_project_rename(struct action *a, int64_t id, const char *name, char **cause)
{
	char *clean;
	int status;

	if ((status = action_check_name(name, &clean, cause)) != 0)
		return status;
	if ((status = store_begin(a->store, cause)) == 0) {
		if ((status = store_project_rename(a->store, id, clean, clock_now(), cause)) != 0 ||
		    (status = store_commit(a->store, cause)) != 0)
			abandon(a, status);
	}
	free(clean);
	return status;
}

int
action_project_delete(struct action *a, int64_t id, char **cause)
{
	int status;

	if ((status = store_begin(a->store, cause)) != 0)
		return status;
	if ((status = store_project_delete(a->store, id, cause)) != 0 ||
	    (status = store_commit(a->store, cause)) != 0)
		return abandon(a, status);
	return 0;
}

int
action_project_find(struct action *a, const char *key, struct project **out, char **cause)
{
	char *end, *clean = NULL, *ignored = NULL;
	long long id;
	int status;

	*out = NULL;
	id = strtoll(key, &end, 10);
	if (*key >= '0' && *key <= '9' && *end == '\0' && id > 0) {
		status = store_project_get(a->store, id, out, cause);
		if (status != EX_NOINPUT)
			return status;
		xfree(*cause);
	}
	/* The name as it would have been stored. */
	if (action_check_name(key, &clean, &ignored) != 0) {
		free(ignored);
		clean = xstrdup(key);
	}
	status = store_project_named(a->store, clean, out, cause);
	if (status == EX_NOINPUT) {
		free(*cause);
		*cause = xasprintf(_("there is no project '%s': give its id or its exact name, see 'airejse project list'"),
		    key);
	}
	free(clean);
	return status;
}

/* Why q is not asked in the project now. Caller frees. */
static char *
why_not_asked(const struct snapshot *s, const struct question *q)
{
	size_t t, i, k;
	bool in_tracks = false;

	for (t = 0; t < s->progress->ntracks; t++) {
		const struct track *tr = s->progress->tracks[t].track;

		for (i = 0; i < tr->nsteps; i++) {
			const struct step *st = track_step_at(tr, i);

			for (k = 0; k < st->nquestions; k++)
				if (st->questions[k] == q)
					in_tracks = true;
		}
	}
	if (!in_tracks)
		return xasprintf(_("question '%s' is not asked in the project's tracks"), q->id);
	if (q->when.src != NULL && !progress_holds(s->progress, &q->when))
		return xasprintf(_("question '%s' is asked only when %s, which the answers so far do not say"),
		    q->id, q->when.src);
	return xasprintf(_("question '%s' is asked only in steps that do not apply to the project now"),
	    q->id);
}

static bool
same_answer(const struct answer *cur, enum expr_answer kind, const char *value)
{
	if (cur->kind != kind)
		return false;
	return kind != EXPR_VALUE || (cur->value && value && strcmp(cur->value, value) == 0);
}

/* The common path of answer and clear. */
static int
set_answer(struct action *a, int64_t project, const char *question,
    const struct question *q, enum expr_answer kind, const char *value,
    int64_t expect, struct answer_result *res, char **cause)
{
	int64_t now = clock_now();
	struct answer cur;
	struct snapshot s;
	int status;

	memset(&s, 0, sizeof(s));
	memset(&cur, 0, sizeof(cur));
	if ((status = store_begin(a->store, cause)) != 0)
		return status;
	if ((status = load(a, project, &s, cause)) != 0 ||
	    (status = store_answer(a->store, project, question, &cur, cause)) != 0)
		goto fail;
	if (expect != ACTION_ANY_REVISION && cur.revision != expect) {
		char *theirs = action_answer_text(q, cur.kind, cur.value);
		char *mine = action_answer_text(q, kind, value);
		char when[17];

		clock_local(cur.time, when);
		*cause = cur.revision == 0 ?
		    xasprintf(_("question '%s' has no answer at revision %lld; yours was '%s': look again and answer with --expect 0"),
			question, (long long)expect, mine) :
		    xasprintf(_("question '%s' was changed by %s at %s to '%s' (revision %lld) after the revision you started from (%lld); yours was '%s': look at both and answer again with --expect %lld"),
			question, cur.user, when, theirs, (long long)cur.revision, (long long)expect,
			mine, (long long)cur.revision);
		free(theirs);
		free(mine);
		res->theirs = cur;
		memset(&cur, 0, sizeof(cur));
		res->mine_kind = kind;
		res->mine = value ? xstrdup(value) : NULL;
		status = EX_TEMPFAIL;
		goto fail;
	}
	if (kind != EXPR_NONE && !progress_applies(s.progress, q)) {
		char *why = why_not_asked(&s, q);

		*cause = xasprintf(_("cannot save the answer: %s"), why);
		free(why);
		status = EX_DATAERR;
		goto fail;
	}
	res->revision = cur.revision;
	if (same_answer(&cur, kind, value)) {
		/* Nothing to write: end the transaction without a change. */
		answer_clear(&cur);
		unload(&s);
		store_rollback(a->store);
		return 0;
	}
	if ((status = store_answer_set(a->store, project, question, kind, value, now,
	    user_of(a), a->source, &res->revision, cause)) != 0 ||
	    (status = sync_locked(a, project, now, &res->handoffs, &res->nhandoffs, cause)) != 0 ||
	    (status = store_project_touch(a->store, project, now, cause)) != 0 ||
	    (status = store_commit(a->store, cause)) != 0)
		goto fail;
	res->changed = true;
	answer_clear(&cur);
	unload(&s);
	return 0;
fail:
	if (status != EX_TEMPFAIL) {
		xfree(res->handoffs);
		res->nhandoffs = 0;
	}
	answer_clear(&cur);
	unload(&s);
	return abandon(a, status);
}

static const struct question *
known_question(const struct action *a, const char *id, char **cause)
{
	const struct question *q = content_question(a->content, id);

	if (q == NULL)
		*cause = xasprintf(_("there is no question '%s': see 'airejse project show' for the project's questions"),
		    id);
	return q;
}

int
action_answer(struct action *a, int64_t project, const char *question,
    const char *input, int64_t expect, struct answer_result *res, char **cause)
{
	const struct question *q;
	struct answer_result local;
	enum expr_answer kind = EXPR_VALUE;
	char *canon = NULL, *why = NULL;
	int status;

	if (res == NULL)
		res = &local;
	memset(res, 0, sizeof(*res));
	if ((q = known_question(a, question, cause)) == NULL)
		return EX_DATAERR;
	if (input == NULL)
		input = "";
	if (value_is_dontknow(input)) {
		kind = EXPR_DONTKNOW;
	} else if (value_parse(q, input, &canon, &why) != 0) {
		*cause = xasprintf(_("cannot save the answer to '%s': %s"), question, why);
		free(why);
		return EX_DATAERR;
	}
	status = set_answer(a, project, question, q, kind, canon, expect, res, cause);
	free(canon);
	if (res == &local)
		answer_result_free(&local);
	return status;
}

int
action_clear(struct action *a, int64_t project, const char *question,
    int64_t expect, struct answer_result *res, char **cause)
{
	const struct question *q;
	struct answer_result local;
	int status;

	if (res == NULL)
		res = &local;
	memset(res, 0, sizeof(*res));
	/* An answer to a question the content dropped can still be cleared. */
	if ((q = content_question(a->content, question)) == NULL) {
		struct answer cur;
		bool stored;

		if ((status = store_answer(a->store, project, question, &cur, cause)) != 0)
			return status;
		stored = cur.kind != EXPR_NONE;
		answer_clear(&cur);
		if (!stored) {
			known_question(a, question, cause);
			return EX_DATAERR;
		}
	}
	status = set_answer(a, project, question, q, EXPR_NONE, NULL, expect, res, cause);
	if (res == &local)
		answer_result_free(&local);
	return status;
}

void
answer_result_free(struct answer_result *res)
{
	if (res == NULL)
		return;
	free(res->handoffs);
	answer_clear(&res->theirs);
	free(res->mine);
	memset(res, 0, sizeof(*res));
}

int
action_handoff(struct action *a, int64_t project, const char *rule,
    const struct handoff_edit *edit, char **cause)
{
	struct project *p = NULL;
	struct handoff *h = NULL;
	enum handoff_state to;
	char iso[11], *due;
	int status;

	if (edit->due != NULL && *edit->due != '\0' && value_parse_date(edit->due, iso) != 0) {
		*cause = xasprintf(_("'%s' is not a date: write it as 2026-11-23 or 23.11.2026"), edit->due);
		return EX_DATAERR;
	}
	if (edit->note != NULL && (!utf8_valid(edit->note, strlen(edit->note)) ||
	    utf8_nchars(edit->note) > NOTE_MAX_CHARS)) {
		*cause = xasprintf(_("the note must be UTF-8 text of at most %d characters"), NOTE_MAX_CHARS);
		return EX_DATAERR;
	}
	if ((status = store_begin(a->store, cause)) != 0)
		return status;
	if ((status = store_project_get(a->store, project, &p, cause)) != 0 ||
	    (status = store_handoff_get(a->store, project, rule, &h, cause)) != 0)
		goto out;
	to = edit->set_state ? edit->state : h->state;
	if (to != h->state && (status = handoff_check_move(h->state, to, cause)) != 0)
		goto out;
	due = edit->due == NULL ? h->due : *edit->due == '\0' ? NULL : iso;
	if (to == h->state && edit->note == NULL &&
	    (due == h->due || (due && h->due && strcmp(due, h->due) == 0))) {
		/* Nothing changes: write nothing. */
		handoff_free(h);
		project_free(p);
		store_rollback(a->store);
		return 0;
	}
	if ((status = store_handoff_set(a->store, h->id, to, due, h->contact, edit->note,
	    clock_now(), user_of(a), a->source, cause)) != 0 ||
	    (status = store_project_touch(a->store, project, clock_now(), cause)) != 0 ||
	    (status = keep_brief_loaded(a, project, cause)) != 0)
		goto out;
	status = store_commit(a->store, cause);
out:
	handoff_free(h);
	project_free(p);
	return status ? abandon(a, status) : 0;
}

/* action_sync, or with nowait failing at once when another writer holds
 * the database. */
static int
sync_project(struct action *a, int64_t project, bool nowait,
    struct handoff_sync **changes, size_t *n, char **cause)
{
	struct handoff_sync *v = NULL;
	int64_t now = clock_now();
	size_t nv = 0;
	int status;

	if ((status = nowait ? store_begin_nowait(a->store, cause) :
	    store_begin(a->store, cause)) != 0)
		return status;
	if ((status = sync_locked(a, project, now, &v, &nv, cause)) != 0 ||
	    (nv > 0 && (status = store_project_touch(a->store, project, now, cause)) != 0) ||
	    (status = store_commit(a->store, cause)) != 0) {
		free(v);
		return abandon(a, status);
	}
	if (changes != NULL)
		*changes = v;
	else
		free(v);
	if (n != NULL)
		*n = nv;
	return 0;
}

int
action_sync(struct action *a, int64_t project, struct handoff_sync **changes,
    size_t *n, char **cause)
{
	return sync_project(a, project, false, changes, n, cause);
}

int
action_snapshot(struct action *a, int64_t id, struct snapshot **out, char **cause)
{
	struct snapshot *s = xcalloc(1, sizeof(*s));
	int status;

	*out = NULL;
	if ((status = store_begin_read(a->store, cause)) != 0) {
		free(s);
		return status;
	}
	status = load(a, id, s, cause);
	store_rollback(a->store);
	if (status != 0) {
		snapshot_free(s);
		return status;
	}
	*out = s;
	return 0;
}

void
snapshot_free(struct snapshot *s)
{
	if (s == NULL)
		return;
	unload(s);
	free(s);
}

struct each {
	struct action	*a;
	int		(*fn)(const struct snapshot *s, void *arg);
	void		*arg;
	bool		 refresh;	/* stop at a project whose hand-offs lag */
	int64_t		 synced;	/* brought in line already: not again */
	int64_t		 lagging;	/* the project stopped at, or 0 */
};

/* A snapshot of one project as the store walks them. */
static int
each_one(const struct store_project *p, void *arg)
{
	struct each *e = arg;
	struct snapshot s;
	int status;

	s.project = p->project;
	s.answers = p->answers;
	s.nanswers = p->nanswers;
	s.handoffs = p->handoffs;
	s.nhandoffs = p->nhandoffs;
	s.progress = progress_new(e->a->content, e->a->settings, s.project, s.answers,
	    s.nanswers, s.handoffs, s.nhandoffs);
	if (e->refresh && s.project->id != e->synced && store_writable(e->a->store)) {
		struct handoff_sync *v;
		size_t n = handoff_sync(s.progress, s.handoffs, s.nhandoffs, &v);

		free(v);
		if (n > 0) {
			progress_free(s.progress);
			e->lagging = s.project->id;
			return 1;
		}
	}
	status = e->fn(&s, e->arg);
	progress_free(s.progress);
	return status;
}

int
action_each_snapshot(struct action *a,
    int (*fn)(const struct snapshot *s, void *arg), void *arg, char **cause)
{
	struct each e = { a, fn, arg, false, 0, 0 };

	return store_each_project(a->store, 0, each_one, &e, cause);
}

/* Every project (ids NULL) or the n of ids, each refreshed; with nowait
 * a sync another writer keeps from being saved at once is left. */
static int
each_refreshed(struct action *a, const int64_t *ids, size_t n, bool nowait,
    int (*fn)(const struct snapshot *s, void *arg), void *arg, char **cause)
{
	struct each e = { a, fn, arg, true, 0, 0 };
	int64_t from = 0;
	size_t at = 0;
	char *why = NULL;
	int status;

	for (;;) {
		e.lagging = 0;
		status = ids == NULL ?
		    store_each_project(a->store, from, each_one, &e, cause) :
		    store_each_progress(a->store, ids + at, n - at, each_one, &e, cause);
		if (e.lagging == 0)
			return status;
		/* Saved outside the walk, which only reads; then on from
		 * that project. As action_refresh: shown as it is when the
		 * sync cannot be saved. */
		if (sync_project(a, e.lagging, nowait, NULL, NULL, &why) != 0)
			xfree(why);
		e.synced = from = e.lagging;
		while (ids != NULL && at < n && ids[at] != e.lagging)
			at++;
	}
}

int
action_each_refreshed(struct action *a,
    int (*fn)(const struct snapshot *s, void *arg), void *arg, char **cause)
{
	return each_refreshed(a, NULL, 0, false, fn, arg, cause);
}

int
action_refresh(struct action *a, int64_t id, struct snapshot **out, char **cause)
{
	struct handoff_sync *v;
	size_t n;
	int status;

	if ((status = action_snapshot(a, id, out, cause)) != 0 || !store_writable(a->store))
		return status;
	n = handoff_sync((*out)->progress, (*out)->handoffs, (*out)->nhandoffs, &v);
	free(v);
	if (n == 0)
		return 0;
	snapshot_free(*out);
	*out = NULL;
	/* Showing the project matters more than bringing it up to date: if
	 * the sync cannot be saved (a busy or vanished file), show it as it
	 * is; the next save reports the trouble. */
	if (action_sync(a, id, NULL, NULL, cause) != 0)
		xfree(*cause);
	return action_snapshot(a, id, out, cause);
}

/* Briefs. */

struct brief_entry {
	struct project		 project;	/* id 0: gone meanwhile */
	struct progress_brief	*brief;		/* NULL until found or worked out */
};

struct briefs {
	struct brief_entry	*v;
	size_t			 n;
};

static void
briefs_free(struct briefs *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		project_clear(&b->v[i].project);
		brief_free(b->v[i].brief);
	}
	free(b->v);
}

/* Takes over *p's members as entry e's project, and frees the shell. */
static void
entry_take(struct brief_entry *e, struct project *p)
{
	project_clear(&e->project);
	e->project = *p;
	free(p);
}

/* In a read transaction: the projects ids (NULL: every one) and the
 * briefs kept for them that still hold. */
static int
read_briefs(struct action *a, const int64_t *ids, size_t n, const char *stamp,
    struct briefs *out, char **cause)
{
	struct project *all, *p;
	size_t i, nall;
	int status = 0;

	if (ids == NULL) {
		if ((status = store_projects(a->store, &all, &nall, cause)) != 0)
			return status;
		out->v = xcalloc(nall + 1, sizeof(*out->v));
		for (i = 0; i < nall; i++)
			out->v[i].project = all[i];
		free(all);
		out->n = nall;
	} else {
		out->v = xcalloc(n + 1, sizeof(*out->v));
		for (i = 0; i < n && status == 0; i++) {
			if ((status = store_project_get(a->store, ids[i], &p, cause)) == EX_NOINPUT) {
				/* Deleted meanwhile: left out. */
				xfree(*cause);
				status = 0;
				continue;
			}
			if (status == 0)
				entry_take(&out->v[out->n++], p);
		}
	}
	for (i = 0; i < out->n && status == 0; i++)
		out->v[i].brief = brief_from_stored(a->content, out->v[i].project.brief, stamp);
	return status;
}

/* Works out the missing briefs in one write transaction, bringing the
 * hand-offs in line as a refresh does, and keeps them. False when that
 * cannot be done now (read-only, another writer, an error): nothing is
 * then kept, and the briefs are as they were. */
static bool
keep_missing(struct action *a, struct briefs *b)
{
	struct progress_brief **made = xcalloc(b->n + 1, sizeof(*made));
	struct project **read = xcalloc(b->n + 1, sizeof(*read));
	struct handoff_sync *v;
	int64_t now = clock_now();
	char *why = NULL;
	size_t i, nv;
	int status;

	if ((status = store_begin_nowait(a->store, &why)) != 0) {
		free(why);
		free(made);
		free(read);
		return false;
	}
	for (i = 0; i < b->n && status == 0; i++) {
		if (b->v[i].brief != NULL)
			continue;
		status = sync_brief_locked(a, b->v[i].project.id, now, &v, &nv, &made[i],
		    &read[i], &why);
		free(v);
		if (status == EX_NOINPUT) {
			xfree(why);
			status = 0;
			continue;
		}
		/* A change saved here moves the project up, as action_sync. */
		if (status == 0 && nv > 0 &&
		    (status = store_project_touch(a->store, b->v[i].project.id, now, &why)) == 0)
			read[i]->changed = now;
	}
	if (status == 0)
		status = store_commit(a->store, &why);
	else
		store_rollback(a->store);
	for (i = 0; i < b->n; i++) {
		if (status == 0 && b->v[i].brief == NULL) {
			b->v[i].brief = made[i];
			if (read[i] != NULL)
				entry_take(&b->v[i], read[i]);
			else
				b->v[i].project.id = 0;
		} else {
			brief_free(made[i]);
			project_free(read[i]);
		}
	}
	xfree(why);
	free(made);
	free(read);
	return status == 0;
}

static int
cmp_entry_id(const void *key, const void *elem)
{
	const int64_t *id = key;
	const struct brief_entry *e = elem;

	return (*id > e->project.id) - (*id < e->project.id);
}

/* A brief worked out as the store is read, for the fallback. */
static int
live_one(const struct snapshot *s, void *arg)
{
	struct briefs *b = arg;
	struct brief_entry *e;
	struct project *p;

	e = bsearch(&s->project->id, b->v, b->n, sizeof(*b->v), cmp_entry_id);
	if (e == NULL || e->brief != NULL)
		return 0;
	e->brief = brief_of(s->progress);
	p = xcalloc(1, sizeof(*p));
	project_copy(p, s->project);
	entry_take(e, p);
	return 0;
}

static int
cmp_entry(const void *x, const void *y)
{
	const struct brief_entry *a = x, *b = y;

	return (a->project.id > b->project.id) - (a->project.id < b->project.id);
}

/* The missing briefs worked out without keeping them, each project as a
 * refresh gives it. */
static int
live_missing(struct action *a, struct briefs *b, bool all, char **cause)
{
	struct briefs byid = { NULL, 0 };
	int64_t *ids;
	size_t i, n = 0;
	int status;

	/* Never waiting for another writer: this is the way round one. */
	if (all)
		return each_refreshed(a, NULL, 0, true, live_one, b, cause);
	/* Looked up by id in a copy sorted by it, then put back in order. */
	ids = xcalloc(b->n + 1, sizeof(*ids));
	byid.v = xcalloc(b->n + 1, sizeof(*byid.v));
	for (i = 0; i < b->n; i++)
		if (b->v[i].brief == NULL && b->v[i].project.id != 0) {
			ids[n] = b->v[i].project.id;
			byid.v[n].project.id = ids[n];
			n++;
		}
	byid.n = n;
	qsort(byid.v, byid.n, sizeof(*byid.v), cmp_entry);
	status = each_refreshed(a, ids, n, true, live_one, &byid, cause);
	for (i = 0; i < b->n && status == 0; i++) {
		struct brief_entry *e;

		if (b->v[i].brief != NULL || b->v[i].project.id == 0)
			continue;
		e = bsearch(&b->v[i].project.id, byid.v, byid.n, sizeof(*byid.v), cmp_entry_id);
		if (e == NULL || e->brief == NULL) {
			/* Not there any more. */
			b->v[i].project.id = 0;
			continue;
		}
		/* Copied: an id asked for twice is found twice. */
		b->v[i].brief = brief_copy(e->brief);
		project_clear(&b->v[i].project);
		project_copy(&b->v[i].project, &e->project);
	}
	free(ids);
	briefs_free(&byid);
	return status;
}

struct progress_brief *
action_brief_kept(const struct action *a, const struct project *p)
{
	char stamp[BRIEF_STAMP_SIZE];

	if (p->brief == NULL)
		return NULL;
	brief_stamp(a->content, a->settings, stamp);
	return brief_from_stored(a->content, p->brief, stamp);
}

int
action_briefs(struct action *a, const int64_t *ids, size_t n,
    int (*fn)(const struct project *p, const struct progress_brief *b, void *arg),
    void *arg, char **cause)
{
	char stamp[BRIEF_STAMP_SIZE];
	struct briefs b = { NULL, 0 };
	size_t i, missing = 0;
	int status;

	brief_stamp(a->content, a->settings, stamp);
	if ((status = store_begin_read(a->store, cause)) != 0)
		return status;
	status = read_briefs(a, ids, n, stamp, &b, cause);
	store_rollback(a->store);
	for (i = 0; i < b.n; i++)
		missing += b.v[i].brief == NULL;
	if (status == 0 && missing > 0 &&
	    (*stamp == '\0' || !store_writable(a->store) || !keep_missing(a, &b)))
		status = live_missing(a, &b, ids == NULL, cause);
	for (i = 0; i < b.n && status == 0; i++)
		if (b.v[i].project.id != 0 && b.v[i].brief != NULL)
			status = fn(&b.v[i].project, b.v[i].brief, arg);
	briefs_free(&b);
	return status;
}
