/* SPDX-License-Identifier: EUPL-1.2 */
/* Each action: check what the user gave, then one transaction that reads
 * what it needs, writes, brings the hand-offs in line and commits. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/handoff.h"
#include "airejse/i18n.h"
#include "airejse/progress.h"
#include "airejse/review.h"
#include "airejse/settings.h"
#include "airejse/status.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
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

/* EX_DATAERR when p is archived: nothing in it changes until restored. */
static int
in_use(const struct project *p, char **cause)
{
	if (p->archived == 0)
		return 0;
	*cause = xasprintf(_("the project '%s' is archived, so nothing in it can be changed: bring it back with 'airejse project restore %lld' first"),
	    p->name, (long long)p->id);
	return EX_DATAERR;
}

int
action_check_name(const char *name, char **clean, char **cause)
{
	char *trimmed, *nfc;
	size_t n;
	int status;

	*clean = NULL;
	if (name == NULL || !utf8_valid(name, strlen(name))) {
		*cause = xstrdup(_("the name is not valid UTF-8 text: type it again, or check the terminal's encoding"));
		return EX_DATAERR;
	}
	if ((status = ctrl_check(_("the project's name"), name, CTRL_LINE, cause)) != 0)
		return status;
	trimmed = utf8_trim(name);
	nfc = utf8_nfc(trimmed);
	free(trimmed);
	n = nfc ? utf8_nchars(nfc) : 0;
	if (n == 0 || n > NAME_MAX_CHARS || strlen(nfc) > VALUE_FIELD_BYTES(NAME_MAX_CHARS)) {
		*cause = n == 0 ? xasprintf(_("a project needs a name of 1 to %d characters"), NAME_MAX_CHARS) :
		    xasprintf(ngettext(
		    "the name is %zu character and %zu bytes long: shorten it to at most %d characters and %zu bytes",
		    "the name is %zu characters and %zu bytes long: shorten it to at most %d characters and %zu bytes",
		    n), n, strlen(nfc), NAME_MAX_CHARS, VALUE_FIELD_BYTES(NAME_MAX_CHARS));
		free(nfc);
		return EX_DATAERR;
	}
	*clean = nfc;
	return 0;
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

/* Inside a write transaction: raises and withdraws what the answers now
 * call for, and hands the changes to the caller. The last write of
 * every action that changes answers or tracks. */
static int
sync_locked(struct action *a, int64_t project, int64_t now,
    struct handoff_sync **out, size_t *nout, char **cause)
{
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

/* When the name a project could not take is an archived project's, says
 * so in *cause instead: the user sees no project of that name. */
static void
archived_name(struct action *a, const char *name, char **cause)
{
	struct project *p = NULL;
	char *ignored = NULL;

	if (store_project_named(a->store, name, &p, &ignored) == 0 && p->archived != 0) {
		free(*cause);
		*cause = xasprintf(_("an archived project is named '%s': bring it back with 'airejse project restore %lld', or choose another name"),
		    name, (long long)p->id);
	}
	free(ignored);
	project_free(p);
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
		abandon(a, status);
		if (status == EX_DATAERR)
			archived_name(a, clean, cause);
		free(clean);
		return status;
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
	struct project *p = NULL;
	char *clean;
	int status;

	if ((status = action_check_name(name, &clean, cause)) != 0)
		return status;
	if ((status = store_begin(a->store, cause)) == 0) {
		if ((status = store_project_get(a->store, id, &p, cause)) != 0 ||
		    (status = in_use(p, cause)) != 0 ||
		    (strcmp(p->name, clean) != 0 &&
		    (status = store_project_rename(a->store, id, clean, clock_now(), user_of(a),
			a->source, cause)) != 0) ||
		    (status = store_commit(a->store, cause)) != 0) {
			abandon(a, status);
			if (status == EX_DATAERR && p != NULL && p->archived == 0)
				archived_name(a, clean, cause);
		}
	}
	project_free(p);
	free(clean);
	return status;
}

/* The tracks as a comma-separated list of ids (caller frees). */
static char *
track_list(char *const *tracks, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		sb_addf(&sb, "%s%s", i ? "," : "", tracks[i]);
	return sb_detach(&sb);
}

static bool
has_track(char *const *tracks, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(tracks[i], id) == 0)
			return true;
	return false;
}

/* Refuses a move to the tracks p follows already. */
static int
same_tracks(const struct project *p, char *const *tracks, size_t n, char **cause)
{
	size_t i;

	if (p->ntracks != n)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(p->tracks[i], tracks[i]) != 0)
			return 0;
	*cause = xasprintf(_("the project '%s' follows these tracks already"), p->name);
	return EX_DATAERR;
}

static size_t
track_nsteps(const struct track *t)
{
	size_t i, n = 0;

	for (i = 0; i < t->nphases; i++)
		n += t->phases[i].nsteps;
	return n;
}

/* Whether a step of one of the tracks asks question id. */
static bool
tracks_ask(const struct content *c, char *const *tracks, size_t n, const char *id)
{
	size_t i, j, k;

	for (i = 0; i < n; i++) {
		const struct track *t = content_track(c, tracks[i]);

		for (j = 0; t != NULL && j < track_nsteps(t); j++) {
			const struct step *st = track_step_at(t, j);

			for (k = 0; k < st->nquestions; k++)
				if (strcmp(st->questions[k]->id, id) == 0)
					return true;
		}
	}
	return false;
}

int
action_track_move_text(struct action *a, int64_t id, char *const *tracks, size_t n,
    char **text, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	struct snapshot *s = NULL;
	const struct project *p;
	size_t i, kept = 0, unasked = 0;
	int status;

	*text = NULL;
	if ((status = check_tracks(a, tracks, n, cause)) != 0 ||
	    (status = action_snapshot(a, id, &s, cause)) != 0)
		return status;
	p = s->project;
	if ((status = same_tracks(p, tracks, n, cause)) != 0) {
		snapshot_free(s);
		return status;
	}
	for (i = 0; i < s->nanswers; i++) {
		if (s->answers[i].kind == ANSWER_NONE)
			continue;
		kept++;
		if (!tracks_ask(a->content, tracks, n, s->answers[i].question))
			unasked++;
	}
	sb_addf(&sb, P_("Every answer is kept (%zu).\n", "Every answer is kept (%zu).\n", kept), kept);
	if (unasked > 0)
		sb_addf(&sb, P_("%zu is not asked in the new tracks; it counts again if the project moves back.\n",
		    "%zu are not asked in the new tracks; they count again if the project moves back.\n",
		    unasked), unasked);
	for (i = 0; i < p->ntracks; i++) {
		const struct track *t = content_track(a->content, p->tracks[i]);

		if (t != NULL && !has_track(tracks, n, t->id))
			sb_addf(&sb, P_("- %s: its %zu step leaves the journey\n",
			    "- %s: its %zu steps leave the journey\n", track_nsteps(t)),
			    text_get(&t->title), track_nsteps(t));
	}
	for (i = 0; i < n; i++) {
		const struct track *t = content_track(a->content, tracks[i]);

		if (!has_track(p->tracks, p->ntracks, t->id))
			sb_addf(&sb, P_("+ %s: %zu step joins the journey\n",
			    "+ %s: %zu steps join the journey\n", track_nsteps(t)),
			    text_get(&t->title), track_nsteps(t));
	}
	snapshot_free(s);
	*text = sb_detach(&sb);
	return 0;
}

int
action_project_tracks(struct action *a, int64_t id, char *const *tracks, size_t n,
    char **cause)
{
	struct handoff_sync *changes = NULL;
	struct project *p = NULL;
	int64_t now = clock_now();
	size_t nchanges;
	char *old = NULL;
	int status;

	if ((status = check_tracks(a, tracks, n, cause)) != 0 ||
	    (status = store_begin(a->store, cause)) != 0)
		return status;
	if ((status = store_project_get(a->store, id, &p, cause)) != 0 ||
	    (status = in_use(p, cause)) != 0 ||
	    (status = same_tracks(p, tracks, n, cause)) != 0 ||
	    (status = store_project_set_tracks(a->store, id, (old = track_list(p->tracks, p->ntracks)),
		tracks, n, now, user_of(a), a->source, cause)) != 0 ||
	    (status = sync_locked(a, id, now, &changes, &nchanges, cause)) != 0 ||
	    (status = store_commit(a->store, cause)) != 0)
		abandon(a, status);
	free(changes);
	free(old);
	project_free(p);
	return status;
}

int
action_project_archive(struct action *a, int64_t id, bool archived, char **cause)
{
	struct project *p = NULL;
	int status;

	if ((status = store_begin(a->store, cause)) != 0)
		return status;
	if ((status = store_project_get(a->store, id, &p, cause)) != 0)
		goto out;
	if ((p->archived != 0) == archived) {
		*cause = archived ?
		    xasprintf(_("the project '%s' is archived already"), p->name) :
		    xasprintf(_("the project '%s' is not archived: it is in use"), p->name);
		status = EX_DATAERR;
		goto out;
	}
	if ((status = store_project_archive(a->store, id, archived, clock_now(), user_of(a),
	    a->source, cause)) != 0)
		goto out;
	status = store_commit(a->store, cause);
out:
	project_free(p);
	return status ? abandon(a, status) : 0;
}

int
action_project_purge(struct action *a, int64_t id, char **cause)
{
	struct project *p = NULL;
	int status;

	if ((status = store_begin(a->store, cause)) != 0)
		return status;
	if ((status = store_project_get(a->store, id, &p, cause)) != 0)
		goto out;
	/* Two deliberate steps: what is removed for good was set aside first. */
	if (p->archived == 0) {
		*cause = xasprintf(_("the project '%s' is in use: archive it first with 'airejse project delete %lld'; only an archived project can be removed for good"),
		    p->name, (long long)p->id);
		status = EX_DATAERR;
		goto out;
	}
	if ((status = store_project_delete(a->store, id, cause)) != 0)
		goto out;
	status = store_commit(a->store, cause);
out:
	project_free(p);
	return status ? abandon(a, status) : 0;
}

/* A read of the store, shared by the command line's list and the
 * terminal program's view of the archived projects. */
int
action_projects_archived(struct action *a, struct project **out, size_t *n, char **cause)
{
	return store_projects_archived(a->store, out, n, cause);
}

int
action_projects(struct action *a, struct project **out, size_t *n, char **cause)
{
	return store_projects(a->store, out, n, cause);
}

int
action_projects_page(struct action *a, size_t offset, size_t limit, struct project **out,
    size_t *n, char **cause)
{
	return store_projects_by_change(a->store, offset, limit, out, n, cause);
}

int
action_projects_first(struct action *a, int64_t keep, size_t limit, size_t *count,
    size_t *rank, size_t *offset, struct project **out, size_t *n, char **cause)
{
	int status;

	*out = NULL;
	*n = *rank = *offset = *count = 0;
	/* One read for the three (and one look at the file, not three). */
	if ((status = store_begin_read(a->store, cause)) != 0)
		return status;
	if ((status = store_project_count(a->store, count, cause)) != 0)
		goto out;
	/* A project gone since is no error: the list opens at the top. */
	if (keep != 0 && (status = store_project_rank(a->store, keep, rank, cause)) != 0) {
		if (status != EX_NOINPUT)
			goto out;
		xfree(*cause);
		status = 0;
		*rank = 0;
	}
	if (*rank >= *count)
		*rank = 0;
	*offset = limit > 0 ? *rank / limit * limit : 0;
	status = store_projects_by_change(a->store, *offset, limit, out, n, cause);
out:
	store_rollback(a->store);
	return status;
}

int
action_answer_history(struct action *a, int64_t project, const char *question,
    struct answer_event **out, size_t *n, char **cause)
{
	return store_answer_history(a->store, project, question, out, n, cause);
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

int
action_role_find(const struct action *a, const char *id, const struct role **out,
    char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if ((*out = content_role(a->content, id)) != NULL)
		return 0;
	for (i = 0; i < a->content->nroles; i++) {
		const struct role *r = a->content->roles[i];

		sb_addf(&sb, "%s%s (%s)", i ? ", " : "", r->id, text_get(&r->name));
	}
	*cause = xasprintf(_("unknown role '%s': the roles are %s"), id, sb_str(&sb));
	sb_free(&sb);
	return EX_USAGE;
}

/* Adds the prompt of q to a list of them, once. */
static void
add_prompt(void *arg, const struct question *q)
{
	struct strbuf *sb = arg;
	char *quoted = xasprintf("\"%s\"", text_get(&q->prompt));

	if (sb->len == 0 || strstr(sb_str(sb), quoted) == NULL)
		sb_addf(sb, "%s%s", sb->len ? ", " : "", quoted);
	free(quoted);
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
		return xasprintf(_("the question \"%s\" is not asked in the project's tracks"),
		    text_get(&q->prompt));
	if (q->when.src != NULL && !progress_holds(s->progress, &q->when)) {
		struct strbuf sb = STRBUF_INIT;
		char *why;

		expr_questions(q->when.expr, add_prompt, &sb);
		why = sb.len == 0 ?
		    xasprintf(_("the question \"%s\" is asked only when the project calls for it, and so far it does not"),
			text_get(&q->prompt)) :
		    xasprintf(_("the question \"%s\" is asked only when the answers to %s call for it, and so far they do not"),
			text_get(&q->prompt), sb_str(&sb));
		sb_free(&sb);
		return why;
	}
	return xasprintf(_("the question \"%s\" is asked only in steps that do not apply to the project now"),
	    text_get(&q->prompt));
}

static bool
same_answer(const struct answer *cur, enum answer_kind kind, const char *value)
{
	if (cur->kind != kind)
		return false;
	return kind != ANSWER_VALUE || (cur->value && value && strcmp(cur->value, value) == 0);
}

/* Inside a write transaction: checks and stores one answer as the user's
 * action would (its revision, that it applies); *changed says whether
 * anything was written. The conflict fills res and *cause. */
static int
answer_locked(struct action *a, int64_t project, const char *question,
    const struct question *q, enum answer_kind kind, const char *value,
    int64_t expect, int64_t now, const char *respondent, struct answer_result *res,
    bool *changed, char **cause)
{
	struct answer cur;
	struct snapshot s;
	int status;

	*changed = false;
	memset(&s, 0, sizeof(s));
	memset(&cur, 0, sizeof(cur));
	if ((status = load(a, project, &s, cause)) != 0 ||
	    (status = in_use(s.project, cause)) != 0 ||
	    (status = store_answer(a->store, project, question, &cur, cause)) != 0)
		goto out;
	if (expect != ACTION_ANY_REVISION && cur.revision != expect) {
		char *theirs = value_answer_text(q, cur.kind, cur.value);
		char *mine = value_answer_text(q, kind, value);
		/* A question the content dropped has only its id. */
		const char *name = q != NULL ? text_get(&q->prompt) : question;
		char when[17];

		clock_local(cur.time, when);
		*cause = cur.revision == 0 ?
		    xasprintf(_("the question \"%s\" has no answer at revision %lld; yours was '%s': look again and answer with --expect 0"),
			name, (long long)expect, mine) :
		    xasprintf(_("the question \"%s\" was changed by %s at %s to '%s' (revision %lld) after the revision you started from (%lld); yours was '%s': look at both and answer again with --expect %lld"),
			name, cur.user, when, theirs, (long long)cur.revision, (long long)expect,
			mine, (long long)cur.revision);
		free(theirs);
		free(mine);
		res->theirs = cur;
		memset(&cur, 0, sizeof(cur));
		res->mine_kind = kind;
		res->mine = value ? xstrdup(value) : NULL;
		status = STATUS_CONFLICT;
		goto out;
	}
	if (kind != ANSWER_NONE && !progress_applies(s.progress, q)) {
		char *why = why_not_asked(&s, q);

		*cause = xasprintf(_("cannot save the answer: %s"), why);
		free(why);
		status = EX_DATAERR;
		goto out;
	}
	res->revision = cur.revision;
	if (same_answer(&cur, kind, value))
		goto out;
	if ((status = store_answer_set_by(a->store, project, question, kind, value, now,
	    user_of(a), respondent, a->source, &res->revision, cause)) == 0)
		*changed = true;
out:
	answer_clear(&cur);
	unload(&s);
	return status;
}

/* The common path of answer and clear. */
static int
set_answer(struct action *a, int64_t project, const char *question,
    const struct question *q, enum answer_kind kind, const char *value,
    int64_t expect, struct answer_result *res, char **cause)
{
	int64_t now = clock_now();
	bool changed;
	int status;

	if ((status = store_begin(a->store, cause)) != 0)
		return status;
	if ((status = answer_locked(a, project, question, q, kind, value, expect, now, NULL, res,
	    &changed, cause)) != 0)
		goto fail;
	if (!changed) {
		/* Nothing to write: end the transaction without a change. */
		store_rollback(a->store);
		return 0;
	}
	if ((status = sync_locked(a, project, now, &res->handoffs, &res->nhandoffs, cause)) != 0 ||
	    (status = store_project_touch(a->store, project, now, cause)) != 0 ||
	    (status = store_commit(a->store, cause)) != 0)
		goto fail;
	res->changed = true;
	return 0;
fail:
	if (status != STATUS_CONFLICT) {
		xfree(res->handoffs);
		res->nhandoffs = 0;
	}
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
	return action_answer_in(a, project, question, input, i18n_lang(), expect, res, cause);
}

int
action_answer_in(struct action *a, int64_t project, const char *question,
    const char *input, enum lang lang, int64_t expect, struct answer_result *res,
    char **cause)
{
	const struct question *q;
	struct answer_result local;
	enum answer_kind kind = ANSWER_VALUE;
	char *canon = NULL, *note = NULL;
	int status;

	if (res == NULL)
		res = &local;
	memset(res, 0, sizeof(*res));
	if ((q = known_question(a, question, cause)) == NULL)
		return EX_DATAERR;
	if (input == NULL)
		input = "";
	if (value_is_dontknow(input))
		kind = ANSWER_DONTKNOW;
	else if (value_read(q, input, lang, &canon, &note, cause) != 0)
		return EX_DATAERR;
	/* Only a text answer is free text; the store cannot tell. */
	if (canon != NULL && q->type != Q_TEXT && q->type != Q_LONGTEXT) {
		char *field = xasprintf(_("the answer to \"%s\""), text_get(&q->prompt));

		status = ctrl_check(field, canon, CTRL_LINE, cause);
		free(field);
		if (status != 0) {
			free(canon);
			free(note);
			return status;
		}
	}
	status = set_answer(a, project, question, q, kind, canon, expect, res, cause);
	free(canon);
	if (status == 0)
		res->note = note;
	else
		free(note);
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
		stored = cur.kind != ANSWER_NONE;
		answer_clear(&cur);
		if (!stored) {
			known_question(a, question, cause);
			return EX_DATAERR;
		}
	}
	status = set_answer(a, project, question, q, ANSWER_NONE, NULL, expect, res, cause);
	if (res == &local)
		answer_result_free(&local);
	return status;
}

int
action_restore(struct action *a, int64_t project, const char *question,
    int64_t revision, int64_t expect, struct answer_result *res, char **cause)
{
	struct answer_result local;
	struct answer_event *v = NULL;
	const struct question *q;
	const struct answer_event *e = NULL;
	size_t n = 0, i;
	int status;

	if (res == NULL)
		res = &local;
	memset(res, 0, sizeof(*res));
	if ((q = known_question(a, question, cause)) == NULL)
		return EX_DATAERR;
	/* A revision once written never changes: it may be read on its own. */
	if ((status = store_answer_history(a->store, project, question, &v, &n, cause)) != 0)
		return status;
	for (i = 0; i < n && e == NULL; i++)
		if (v[i].revision == revision)
			e = &v[i];
	if (e == NULL) {
		*cause = n == 0 ?
		    xasprintf(_("the question \"%s\" has no history in this project, so there is nothing to restore"),
			text_get(&q->prompt)) :
		    xasprintf(_("the question \"%s\" has no revision %lld: its history runs from 1 to %lld, see 'airejse history'"),
			text_get(&q->prompt), (long long)revision, (long long)v[n - 1].revision);
		status = EX_NOINPUT;
	} else if (e->new_kind == ANSWER_VALUE &&
	    (status = value_check_canonical(q, e->new_value, cause)) != 0) {
		/* The content changed since: the old value is no longer one. */
		status = EX_DATAERR;
	} else {
		status = set_answer(a, project, question, q, e->new_kind,
		    e->new_kind == ANSWER_VALUE ? e->new_value : NULL, expect, res, cause);
	}
	answer_events_free(v, n);
	if (res == &local)
		answer_result_free(&local);
	return status;
}

int
action_answers(struct action *a, int64_t project, const struct action_item *v, size_t n,
    const char *respondent, char *const *rules, size_t nrules, const char *note,
    struct action_batch *res, char **cause)
{
	int64_t now = clock_now();
	size_t i;
	int status = 0;

	memset(res, 0, sizeof(*res));
	for (i = 0; i < n; i++)
		if (known_question(a, v[i].question, cause) == NULL)
			return EX_DATAERR;
	if ((status = store_begin(a->store, cause)) != 0)
		return status;
	for (i = 0; i < n && status == 0; i++) {
		struct answer_result r;
		bool changed = false;

		memset(&r, 0, sizeof(r));
		status = answer_locked(a, project, v[i].question,
		    content_question(a->content, v[i].question), v[i].kind, v[i].value,
		    v[i].expect, now, respondent, &r, &changed, cause);
		answer_result_free(&r);
		res->nchanged += changed;
	}
	if (status == 0 && res->nchanged > 0)
		status = sync_locked(a, project, now, &res->handoffs, &res->nhandoffs, cause);
	/* After the answers, so that a hand-off they withdrew is left be. */
	for (i = 0; i < nrules && status == 0; i++) {
		struct handoff *h = NULL;

		if ((status = store_handoff_get(a->store, project, rules[i], &h, cause)) == EX_NOINPUT) {
			free(*cause);
			*cause = NULL;
			status = 0;
			continue;
		}
		if (status == 0 && handoff_is_open(h->state) &&
		    (status = store_handoff_set(a->store, h->id, HANDOFF_ANSWERED, h->due,
		    h->contact, note, now, user_of(a), a->source, cause)) == 0)
			res->nmarked++;
		handoff_free(h);
	}
	if (status == 0 && res->nchanged + res->nmarked == 0) {
		store_rollback(a->store);
		return 0;
	}
	if (status == 0 && (status = store_project_touch(a->store, project, now, cause)) == 0)
		status = store_commit(a->store, cause);
	if (status != 0) {
		action_batch_free(res);
		return abandon(a, status);
	}
	return 0;
}

void
action_batch_free(struct action_batch *b)
{
	free(b->handoffs);
	memset(b, 0, sizeof(*b));
}

void
answer_result_free(struct answer_result *res)
{
	if (res == NULL)
		return;
	free(res->handoffs);
	answer_clear(&res->theirs);
	free(res->mine);
	free(res->note);
	memset(res, 0, sizeof(*res));
}

/* Marking h answered while none of its questions has an answer is asked
 * first: EX_DATAERR unless the user said yes. */
static int
check_unanswered(struct action *a, int64_t project, const struct handoff *h, char **cause)
{
	const struct handoff_rule *r = content_handoff(a->content, h->rule);
	const struct role *ro = content_role(a->content, h->role);
	struct snapshot snap;
	int status;

	if (r == NULL || r->nquestions == 0)
		return 0;
	memset(&snap, 0, sizeof(snap));
	if ((status = load(a, project, &snap, cause)) == 0 && !handoff_has_answer(snap.progress, r)) {
		*cause = xasprintf(_("None of the questions of the hand-off to %s has an answer: mark it answered anyway only when the answer came another way"),
		    ro ? text_get(&ro->name) : h->role);
		status = EX_DATAERR;
	}
	unload(&snap);
	return status;
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
	    utf8_nchars(edit->note) > NOTE_MAX_CHARS ||
	    strlen(edit->note) > VALUE_FIELD_BYTES(NOTE_MAX_CHARS))) {
		*cause = xasprintf(_("the note must be UTF-8 text of at most %d characters and %zu bytes"),
		    NOTE_MAX_CHARS, VALUE_FIELD_BYTES(NOTE_MAX_CHARS));
		return EX_DATAERR;
	}
	if ((status = store_begin(a->store, cause)) != 0)
		return status;
	if ((status = store_project_get(a->store, project, &p, cause)) != 0 ||
	    (status = in_use(p, cause)) != 0 ||
	    (status = store_handoff_get(a->store, project, rule, &h, cause)) != 0)
		goto out;
	to = edit->set_state ? edit->state : h->state;
	if (to != h->state && (status = handoff_check_move(h->state, to, edit->note, cause)) != 0)
		goto out;
	if (to == HANDOFF_ANSWERED && h->state < HANDOFF_ANSWERED && !edit->unanswered_ok &&
	    (status = check_unanswered(a, project, h, cause)) != 0)
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
	    (status = store_project_touch(a->store, project, clock_now(), cause)) != 0)
		goto out;
	status = store_commit(a->store, cause);
out:
	handoff_free(h);
	project_free(p);
	return status ? abandon(a, status) : 0;
}

int
action_sync(struct action *a, int64_t project, struct handoff_sync **changes,
    size_t *n, char **cause)
{
	struct handoff_sync *v = NULL;
	int64_t now = clock_now();
	size_t nv = 0;
	int status;

	if ((status = store_begin(a->store, cause)) != 0)
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

/* Reads the project in a read transaction, left open with keep (for
 * action_refresh_open). */
static int
snapshot_read(struct action *a, int64_t id, bool keep, struct snapshot **out, char **cause)
{
	struct snapshot *s = xcalloc(1, sizeof(*s));
	bool began;
	int status;

	*out = NULL;
	if ((status = store_read_begin(a->store, &began, cause)) != 0) {
		free(s);
		return status;
	}
	status = load(a, id, s, cause);
	if (status != 0 || !keep)
		store_read_end(a->store, began);
	if (status != 0) {
		snapshot_free(s);
		return status;
	}
	*out = s;
	return 0;
}

int
action_snapshot(struct action *a, int64_t id, struct snapshot **out, char **cause)
{
	return snapshot_read(a, id, false, out, cause);
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
	bool		 refresh;	/* note the projects whose hand-offs lag */
	int64_t		*lagging;	/* those projects */
	size_t		 nlagging, caplagging;
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
	if (e->refresh && store_writable(e->a->store)) {
		struct handoff_sync *v;
		size_t n = handoff_sync(s.progress, s.handoffs, s.nhandoffs, &v);

		free(v);
		if (n > 0) {
			xgrow(&e->lagging, &e->caplagging, e->nlagging + 1, sizeof(*e->lagging));
			e->lagging[e->nlagging++] = s.project->id;
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
	struct each e = { a, fn, arg, false, NULL, 0, 0 };

	return store_each_project(a->store, 0, each_one, &e, cause);
}

int
action_each_progress(struct action *a,
    int (*fn)(const struct snapshot *s, void *arg), void *arg, char **cause)
{
	struct each e = { a, fn, arg, false, NULL, 0, 0 };

	return store_each_progress(a->store, NULL, 0, each_one, &e, cause);
}

int
action_each_refreshed(struct action *a, int (*fn)(const struct snapshot *s, void *arg),
    void (*reset)(void *arg), void *arg, char **cause)
{
	struct each e = { a, fn, arg, true, NULL, 0, 0 };
	char *why = NULL;
	size_t i;
	int status;

	status = store_each_project(a->store, 0, each_one, &e, cause);
	if (status != 0 || e.nlagging == 0) {
		free(e.lagging);
		return status;
	}
	/* The syncs are writes, saved outside the walk, which only reads;
	 * then every project again in one read, so that what fn was given
	 * is one state of the store. As action_refresh: a project is shown
	 * as it is when its sync cannot be saved. */
	for (i = 0; i < e.nlagging; i++)
		if (action_sync(a, e.lagging[i], NULL, NULL, &why) != 0)
			xfree(why);
	free(e.lagging);
	reset(arg);
	return action_each_snapshot(a, fn, arg, cause);
}

int
action_each_named(struct action *a, char *const *keys, size_t n,
    int (*fn)(const struct snapshot *s, void *arg), void *arg, char **cause)
{
	int64_t *ids = xcalloc(n ? n : 1, sizeof(*ids));
	size_t nids = 0, i, j;
	struct project *p;
	struct snapshot s;
	int status;

	if ((status = store_begin_read(a->store, cause)) != 0) {
		free(ids);
		return status;
	}
	/* The names looked up in the same read as the projects, so that a
	 * rename or a purge cannot fall between them. */
	for (i = 0; i < n && status == 0; i++) {
		if ((status = action_project_find(a, keys[i], &p, cause)) != 0)
			break;
		for (j = 0; j < nids && ids[j] != p->id; j++)
			;
		if (j == nids)
			ids[nids++] = p->id;
		project_free(p);
	}
	for (i = 0; i < nids && status == 0; i++) {
		if ((status = load(a, ids[i], &s, cause)) == 0) {
			status = fn(&s, arg);
			unload(&s);
		}
	}
	store_rollback(a->store);
	free(ids);
	return status;
}

static int
refresh(struct action *a, int64_t id, bool keep, struct snapshot **out, char **cause)
{
	struct handoff_sync *v;
	size_t n;
	int status;

	if ((status = snapshot_read(a, id, keep, out, cause)) != 0 || !store_writable(a->store) ||
	    (*out)->project->archived != 0)
		return status;
	n = handoff_sync((*out)->progress, (*out)->handoffs, (*out)->nhandoffs, &v);
	free(v);
	if (n == 0)
		return 0;
	/* The sync is a write: not inside the read. */
	if (keep)
		store_rollback(a->store);
	snapshot_free(*out);
	*out = NULL;
	/* Showing the project matters more than bringing it up to date: if
	 * the sync cannot be saved (a busy or vanished file), show it as it
	 * is; the next save reports the trouble. */
	if (action_sync(a, id, NULL, NULL, cause) != 0)
		xfree(*cause);
	return snapshot_read(a, id, keep, out, cause);
}

int
action_refresh(struct action *a, int64_t id, struct snapshot **out, char **cause)
{
	return refresh(a, id, false, out, cause);
}

int
action_refresh_open(struct action *a, int64_t id, struct snapshot **out, char **cause)
{
	return refresh(a, id, true, out, cause);
}

void
action_read_end(struct action *a)
{
	store_rollback(a->store);
}

/* Briefs. */

/* What a memo keeps: the briefs worked out since the store last changed,
 * by project id, and what they were worked out under. */
struct action_memo {
	const struct store	*store;
	const struct content	*content;
	double			 settings[SETTING__COUNT];
	int64_t			 data_version;	/* store_data_version */
	uint64_t		 commits;	/* store_commits */
	struct memo_entry {
		int64_t			 id;
		struct progress_brief	*brief;
	}			*v;		/* by id */
	size_t			 n, cap;
};

struct action_memo *
action_memo_new(void)
{
	return xcalloc(1, sizeof(struct action_memo));
}

static void
memo_clear(struct action_memo *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		progress_brief_free(m->v[i].brief);
	m->n = 0;
}

void
action_memo_free(struct action_memo *m)
{
	if (m == NULL)
		return;
	memo_clear(m);
	free(m->v);
	free(m);
}

int64_t
action_data_version(struct action *a)
{
	return store_data_version(a->store);
}

int
action_watch_fd(struct action *a)
{
	return store_watch_fd(a->store);
}

bool
action_changed(struct action *a, int64_t *seen)
{
	int64_t v = store_data_version(a->store);

	if (v == *seen)
		return false;
	*seen = v;
	return true;
}

int
action_latest_change(struct action *a, char **project, char **user, char **cause)
{
	return store_latest_change(a->store, project, user, cause);
}

/* The settings progress depends on, as a's values (the defaults without). */
static void
memo_settings(const struct action *a, double out[SETTING__COUNT])
{
	int i;

	for (i = 0; i < SETTING__COUNT; i++)
		out[i] = a->settings ? a->settings->value[i] :
		    setting_def((enum setting_id)i)->def;
}

/* a's memo, emptied first when anything it was worked out from may have
 * changed since: the store (a commit through this connection or
 * another), the content or the settings; NULL when a has none. Inside a
 * read transaction, the store is as that transaction sees it. */
static struct action_memo *
memo_of(const struct action *a)
{
	struct action_memo *m = a->memo;
	double settings[SETTING__COUNT];
	int64_t dv;

	if (m == NULL)
		return NULL;
	memo_settings(a, settings);
	dv = store_data_version(a->store);
	if (m->store != a->store || m->content != a->content || dv < 0 ||
	    m->data_version != dv || m->commits != store_commits(a->store) ||
	    memcmp(m->settings, settings, sizeof(settings)) != 0) {
		memo_clear(m);
		m->store = a->store;
		m->content = a->content;
		memcpy(m->settings, settings, sizeof(settings));
		/* -1 (the version could not be read) never matches. */
		m->data_version = dv < 0 ? INT64_MIN : dv;
		m->commits = store_commits(a->store);
	}
	return m;
}

static int
cmp_memo_id(const void *key, const void *elem)
{
	const int64_t *id = key;
	const struct memo_entry *e = elem;

	return (*id > e->id) - (*id < e->id);
}

/* The brief memo m keeps for project id, or NULL. */
static const struct progress_brief *
memo_get(const struct action_memo *m, int64_t id)
{
	const struct memo_entry *e;

	if (m == NULL || m->n == 0)
		return NULL;
	e = bsearch(&id, m->v, m->n, sizeof(*m->v), cmp_memo_id);
	return e ? e->brief : NULL;
}

/* Keeps a copy of b for project id in m (NULL: none kept). */
static void
memo_put(struct action_memo *m, int64_t id, const struct progress_brief *b)
{
	size_t at;

	if (m == NULL || memo_get(m, id) != NULL)
		return;
	/* Mostly in order (a walk by id): look from the end. */
	for (at = m->n; at > 0 && m->v[at - 1].id > id; at--)
		;
	xgrow(&m->v, &m->cap, m->n + 1, sizeof(*m->v));
	memmove(&m->v[at + 1], &m->v[at], (m->n - at) * sizeof(*m->v));
	m->v[at].id = id;
	m->v[at].brief = progress_brief_copy(b);
	m->n++;
}

struct progress_brief *
action_brief_kept(const struct action *a, const struct project *p)
{
	const struct progress_brief *b = memo_get(memo_of(a), p->id);

	return b ? progress_brief_copy(b) : NULL;
}

/* The brief of project sp as action_refresh would show it, worked out
 * without writing anything: where the store can be written and its
 * hand-offs lag behind the rules (after an upgrade, or a change to the
 * content or the site's threshold), of the hand-offs brought in line in
 * memory, as the sync that opening the project makes will save them. */
static struct progress_brief *
brief_in_line(const struct action *a, const struct store_project *sp)
{
	struct progress *pr;
	struct progress_brief *b;
	struct handoff_sync *v;
	struct handoff *h;
	size_t n, nh, i, k;

	pr = progress_new(a->content, a->settings, sp->project, sp->answers, sp->nanswers,
	    sp->handoffs, sp->nhandoffs);
	if (!store_writable(a->store) ||
	    (n = handoff_sync(pr, sp->handoffs, sp->nhandoffs, &v)) == 0) {
		b = progress_brief_of(pr);
		progress_free(pr);
		return b;
	}
	progress_free(pr);
	/* Copies that share the strings of sp, which outlive them. */
	h = xcalloc(sp->nhandoffs + n + 1, sizeof(*h));
	if (sp->nhandoffs > 0)
		memcpy(h, sp->handoffs, sp->nhandoffs * sizeof(*h));
	nh = sp->nhandoffs;
	for (i = 0; i < n; i++) {
		if (v[i].id == 0) {
			h[nh].project = sp->project->id;
			h[nh].rule = (char *)v[i].rule->id;
			h[nh].role = (char *)v[i].rule->role->id;
			h[nh].state = HANDOFF_RAISED;
			nh++;
			continue;
		}
		for (k = 0; k < sp->nhandoffs; k++)
			if (h[k].id == v[i].id)
				h[k].state = v[i].to;
	}
	free(v);
	pr = progress_new(a->content, a->settings, sp->project, sp->answers, sp->nanswers,
	    h, nh);
	b = progress_brief_of(pr);
	progress_free(pr);
	free(h);
	return b;
}

/* What action_briefs passes on, a project at a time. */
struct briefs {
	struct action	*a;
	struct action_memo *memo;	/* may be NULL */
	int		(*fn)(const struct project *p, const struct progress_brief *b,
			    void *arg);
	void		*arg;
};

/* One project's brief, handed on as it is read: 10,000 projects in a
 * list keep no more than one brief at a time (the memo, when there is
 * one, keeps its own copies). */
static int
brief_one(const struct store_project *sp, void *arg)
{
	struct briefs *b = arg;
	const struct progress_brief *kept;
	struct progress_brief *made;
	int status;

	if ((kept = memo_get(b->memo, sp->project->id)) != NULL)
		return b->fn(sp->project, kept, b->arg);
	made = brief_in_line(b->a, sp);
	memo_put(b->memo, sp->project->id, made);
	status = b->fn(sp->project, made, b->arg);
	progress_brief_free(made);
	return status;
}

int
action_briefs(struct action *a, const int64_t *ids, size_t n,
    int (*fn)(const struct project *p, const struct progress_brief *b, void *arg),
    void *arg, char **cause)
{
	struct briefs b = { a, NULL, fn, arg };
	int status;

	/* One read transaction: the memo checked against the state read. */
	if ((status = store_begin_read(a->store, cause)) != 0)
		return status;
	b.memo = memo_of(a);
	status = store_each_progress(a->store, ids, n, brief_one, &b, cause);
	store_rollback(a->store);
	return status;
}

/* Review and sign-off */

/* The project's board (review.h) from its records in s, read inside the
 * current transaction. */
static int
board_locked(struct action *a, const struct snapshot *s, struct review **v, size_t *n,
    struct review_board **out, char **cause)
{
	int status;

	*out = NULL;
	if ((status = store_reviews(a->store, s->project->id, v, n, cause)) != 0)
		return status;
	*out = review_board_new(a->content, s->progress, s->handoffs, s->nhandoffs, *v, *n);
	return 0;
}

int
action_review_board(struct action *a, const struct snapshot *s, struct review **reviews,
    size_t *n, struct review_board **out, char **cause)
{
	return board_locked(a, s, reviews, n, out, cause);
}

/* A subject as people read it: "Indkøb › Aftaler", or the hand-off by
 * the reason it was raised for. */
char *
action_subject_text(const struct action *a, enum review_kind kind, const char *subject)
{
	const char *slash = strchr(subject, '/');
	const struct handoff_rule *rule;
	const struct checklist *cl;
	size_t i;

	if (kind == REVIEW_HANDOFF) {
		rule = content_handoff(a->content, subject);
		/* L10N: what a role reviews: a hand-off's answers, by the
		 * reason the hand-off was raised. */
		return xasprintf(_("Hand-off: %s"), rule ? text_get(&rule->reason) : subject);
	}
	if (kind != REVIEW_SECTION || slash == NULL)
		return xstrdup(subject);
	{
		char *id = xstrndup(subject, (size_t)(slash - subject));

		cl = content_checklist(a->content, id);
		free(id);
	}
	for (i = 0; cl != NULL && i < cl->nsections; i++)
		if (strcmp(cl->sections[i].id, slash + 1) == 0)
			return xasprintf("%s › %s", text_get(&cl->title), text_get(&cl->sections[i].title));
	return xstrdup(subject);
}

/* The subject the user names, with its role; EX_DATAERR when the project
 * has none such, or (role NULL) several roles own parts of a section. */
static int
find_subject(struct action *a, const struct review_board *b, enum review_kind kind,
    const char *subject, const char *role, const struct review_subject **out, char **cause)
{
	const struct role *r = NULL;
	const struct review_subject *s, *other = NULL;
	char *text;
	size_t i, j;

	if (role != NULL && (r = content_role(a->content, role)) == NULL) {
		*cause = xasprintf(_("there is no role '%s'"), role);
		return EX_DATAERR;
	}
	if ((s = review_subject_of(b, kind, subject, r)) == NULL) {
		/* A hand-off as the user named it: it may be no rule at all. */
		text = kind == REVIEW_HANDOFF ? xstrdup(subject) : action_subject_text(a, kind, subject);
		*cause = kind == REVIEW_HANDOFF ?
		    xasprintf(_("the project has no hand-off '%s' to review: see 'airejse review' for what each role reviews"), text) :
		    r != NULL ?
		    xasprintf(_("%s owns nothing in '%s' in this project: see 'airejse review' for what each role reviews"),
			text_get(&r->name), text) :
		    xasprintf(_("nobody owns '%s' in this project: name a section as checklist/section, as 'airejse review' lists them"),
			text);
		free(text);
		return EX_DATAERR;
	}
	for (i = 0; r == NULL && i < b->nroles && other == NULL; i++)
		for (j = 0; j < b->roles[i].nsubjects; j++)
			if (&b->roles[i].subjects[j] != s && b->roles[i].subjects[j].kind == kind &&
			    strcmp(b->roles[i].subjects[j].subject, subject) == 0)
				other = &b->roles[i].subjects[j];
	if (other != NULL) {
		text = action_subject_text(a, kind, subject);
		*cause = xasprintf(_("both %s and %s own items in '%s': say whose part it is with --role"),
		    text_get(&s->role->name), text_get(&other->role->name), text);
		free(text);
		return EX_USAGE;
	}
	*out = s;
	return 0;
}

/* Checks a comment: UTF-8 text of at most NOTE_MAX_CHARS; trimmed into
 * *clean (NULL when empty). */
static int
check_comment(const char *comment, char **clean, char **cause)
{
	*clean = NULL;
	if (comment == NULL)
		return 0;
	if (!utf8_valid(comment, strlen(comment)) || utf8_nchars(comment) > NOTE_MAX_CHARS) {
		*cause = xasprintf(_("the comment must be UTF-8 text of at most %d characters"),
		    NOTE_MAX_CHARS);
		return EX_DATAERR;
	}
	*clean = utf8_trim(comment);
	if (**clean == '\0') {
		free(*clean);
		*clean = NULL;
	}
	return 0;
}

/* Stores r, stamped now by the action's user, as the project's latest
 * review of its subject, and commits. */
static int
review_commit(struct action *a, int64_t project, struct review *r, char **cause)
{
	int status;

	r->time = clock_now();
	r->user = (char *)user_of(a);
	r->source = a->source;
	if ((status = store_review_add(a->store, project, r, cause)) != 0 ||
	    (status = store_project_touch(a->store, project, r->time, cause)) != 0)
		return status;
	return store_commit(a->store, cause);
}

/* What a review or a sign-off reads in its transaction: the project and
 * its board. review_begin takes ownership of clean (freed by review_end,
 * also on failure); review_end rolls back what was not committed. */
struct review_txn {
	struct snapshot		 snap;
	struct review_board	*board;
	struct review		*reviews;
	size_t			 nreviews;
	char			*clean;
};

static int
review_begin(struct action *a, int64_t project, struct review_txn *t, char *clean,
    char **cause)
{
	int status;

	memset(t, 0, sizeof(*t));
	t->clean = clean;
	if ((status = store_begin(a->store, cause)) != 0)
		return status;
	if ((status = load(a, project, &t->snap, cause)) != 0)
		return status;
	return board_locked(a, &t->snap, &t->reviews, &t->nreviews, &t->board, cause);
}

static void
review_end(struct action *a, struct review_txn *t)
{
	/* After a commit there is nothing to roll back. */
	store_rollback(a->store);
	review_board_free(t->board);
	reviews_free(t->reviews, t->nreviews);
	unload(&t->snap);
	free(t->clean);
}

int
action_review(struct action *a, int64_t project, enum review_kind kind, const char *subject,
    const char *role, enum review_state state, const char *comment, char **cause)
{
	const struct review_subject *s = NULL;
	struct review_txn t;
	struct review r;
	char *clean = NULL, *seen = NULL;
	int status;

	if (state == REVIEW_SIGNED || state == REVIEW_WITHDRAWN || kind == REVIEW_SIGNOFF) {
		*cause = xstrdup(_("a review is acceptable, to-correct or not-reviewed; a sign-off is made with 'airejse signoff'"));
		return EX_USAGE;
	}
	if ((status = check_comment(comment, &clean, cause)) != 0)
		return status;
	if (state == REVIEW_TO_CORRECT && clean == NULL) {
		*cause = xstrdup(_("say what is to be corrected: the comment goes back to the project"));
		return EX_DATAERR;
	}
	if ((status = review_begin(a, project, &t, clean, cause)) != 0 ||
	    (status = find_subject(a, t.board, kind, subject, role, &s, cause)) != 0)
		goto out;
	seen = review_seen(t.snap.progress, s->questions, s->nquestions);
	if (s->current != NULL && s->current->state == state && s->changed == NULL &&
	    strcmp(s->current->seen ? s->current->seen : "", seen) == 0 &&
	    ((clean == NULL && s->current->comment == NULL) ||
	    (clean != NULL && s->current->comment != NULL && strcmp(clean, s->current->comment) == 0)))
		goto out;	/* as it was: nothing to write, rolled back */
	memset(&r, 0, sizeof(r));
	r.kind = kind;
	r.subject = s->subject;
	r.role = s->role->id;
	r.state = state;
	r.comment = clean;
	r.seen = seen;
	status = review_commit(a, project, &r, cause);
out:
	review_end(a, &t);
	free(seen);
	return status;
}

int
action_signoff(struct action *a, int64_t project, const char *role, const char *name,
    bool withdraw, char **cause)
{
	const struct review_role *rr;
	const struct role *ro = content_role(a->content, role);
	const struct question **qs = NULL;
	struct review_txn t;
	struct review r;
	char *clean = NULL, *seen = NULL, *text;
	size_t nq = 0, cap = 0, i, j, k;
	int status;

	if (ro == NULL) {
		*cause = xasprintf(_("there is no role '%s'"), role);
		return EX_USAGE;
	}
	if ((status = action_check_name(name ? name : user_of(a), &clean, cause)) != 0)
		return status;
	if ((status = review_begin(a, project, &t, clean, cause)) != 0)
		goto out;
	if ((rr = review_role_of(t.board, ro)) == NULL) {
		*cause = xasprintf(_("%s has nothing to review in the project: no hand-off and no checklist item is theirs"),
		    text_get(&ro->name));
		status = EX_DATAERR;
		goto out;
	}
	if (withdraw && rr->status == RS_NOT_SIGNED) {
		*cause = xasprintf(_("%s has not signed the project off: there is nothing to withdraw"),
		    text_get(&ro->name));
		status = EX_DATAERR;
		goto out;
	}
	/* A part to be corrected, or changed since it was reviewed, is
	 * reviewed again first: a sign-off never covers a stale review. */
	for (i = 0; !withdraw && i < rr->nsubjects; i++) {
		const struct review_subject *sub = &rr->subjects[i];

		if (sub->status != RS_TO_CORRECT && sub->status != RS_TO_REVIEW)
			continue;
		text = action_subject_text(a, sub->kind, sub->subject);
		*cause = sub->status == RS_TO_CORRECT ?
		    xasprintf(_("%s marked '%s' to be corrected (%s): review it again before signing off"),
			text_get(&ro->name), text, sub->current->comment) :
		    xasprintf(_("the answer to \"%s\" changed after %s reviewed '%s': review it again before signing off"),
			text_get(&sub->changed->prompt), text_get(&ro->name), text);
		free(text);
		status = EX_DATAERR;
		goto out;
	}
	/* The sign-off covers every answer the role reviews. */
	for (i = 0; i < rr->nsubjects; i++)
		for (j = 0; j < rr->subjects[i].nquestions; j++) {
			for (k = 0; k < nq && qs[k] != rr->subjects[i].questions[j]; k++)
				;
			if (k == nq) {
				xgrow(&qs, &cap, nq + 1, sizeof(*qs));
				qs[nq++] = rr->subjects[i].questions[j];
			}
		}
	seen = review_seen(t.snap.progress, qs, nq);
	memset(&r, 0, sizeof(r));
	r.kind = REVIEW_SIGNOFF;
	r.subject = ro->id;
	r.role = ro->id;
	r.state = withdraw ? REVIEW_WITHDRAWN : REVIEW_SIGNED;
	r.name = clean;
	r.seen = seen;
	status = review_commit(a, project, &r, cause);
out:
	review_end(a, &t);
	free(qs);
	free(seen);
	return status;
}
