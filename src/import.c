/* SPDX-License-Identifier: EUPL-1.2 */
/* Importing JSON exports: a whole project as a new project (ids remapped,
 * history kept, every change marked as imported), and a filled-in
 * hand-off packet as answers to the project it came from. Everything is
 * read and checked before anything is written. */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/export.h"
#include "airejse/handoff.h"
#include "airejse/i18n.h"
#include "airejse/import.h"
#include "airejse/progress.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

/* Exports are small; anything this large is not one. */
#define IMPORT_MAX_BYTES (64L * 1024 * 1024)

struct reader {
	const char	*file;
	char		*err;	/* the first problem */
};

static void
bad(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
bad(struct reader *r, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (r->err != NULL)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	r->err = xasprintf(_("%s is not an export this airejse can read: %s"), r->file, msg);
	free(msg);
}

/* The member key of o with the JSON type want (JSON_NULL allowed when
 * nullable; a missing member counts as null). */
static json_t *
member(struct reader *r, json_t *o, const char *path, const char *key,
    json_type want, bool nullable)
{
	/* L10N: what a JSON value must be: "... must be a string". */
	static const char *const names[] = { N_("an object"), N_("an array"),
	    N_("a string"), N_("a whole number"), N_("a number"), N_("true"),
	    N_("false"), N_("null") };
	json_t *v = json_object_get(o, key);

	if (v == NULL || json_is_null(v)) {
		if (!nullable)
			bad(r, _("%s.%s is missing"), path, key);
		return NULL;
	}
	if (json_typeof(v) != want && !(want == JSON_TRUE && json_is_boolean(v))) {
		bad(r, _("%s.%s must be %s"), path, key, _(names[want]));
		return NULL;
	}
	return v;
}

static const char *
str(struct reader *r, json_t *o, const char *path, const char *key, bool nullable)
{
	json_t *v = member(r, o, path, key, JSON_STRING, nullable);

	return v ? json_string_value(v) : NULL;
}

/* A time as exported (YYYY-MM-DDTHH:MM:SSZ), or def when null. */
static int64_t
when(struct reader *r, json_t *o, const char *path, const char *key, int64_t def)
{
	const char *s = str(r, o, path, key, true);
	int64_t t;

	if (s == NULL)
		return def;
	if (clock_parse(s, &t) != 0) {
		bad(r, _("%s.%s is '%s', not a time like 2026-11-23T10:00:00Z"), path, key, s);
		return def;
	}
	return t;
}

static enum answer_kind
kind(struct reader *r, json_t *o, const char *path, const char *key)
{
	const char *s = str(r, o, path, key, false);

	if (s == NULL || strcmp(s, "none") == 0)
		return ANSWER_NONE;
	if (strcmp(s, "value") == 0)
		return ANSWER_VALUE;
	if (strcmp(s, "dontknow") == 0)
		return ANSWER_DONTKNOW;
	bad(r, _("%s.%s is '%s'; it is value, dontknow or none"), path, key, s);
	return ANSWER_NONE;
}

/* An optional array member; NULL (which iterates as empty) if missing. */
static json_t *
array(struct reader *r, json_t *o, const char *path, const char *key)
{
	return member(r, o, path, key, JSON_ARRAY, true);
}

/* Reads the file and checks its schema; returns the root (caller
 * decrefs) or NULL with *rc and r->err set. */
static json_t *
load(struct reader *r, const char *path, const char **schema, int *rc)
{
	struct stat sb;
	json_error_t je;
	json_t *root, *ver;

	if (stat(path, &sb) != 0) {
		r->err = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		*rc = errno == ENOENT ? EX_NOINPUT : EX_IOERR;
		return NULL;
	}
	*rc = EX_DATAERR;
	if (sb.st_size > IMPORT_MAX_BYTES) {
		bad(r, _("the file is larger than any export"));
		return NULL;
	}
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL) {
		r->err = xasprintf(_("%s:%d:%d: not valid JSON: %s; import reads the JSON that 'airejse export --format json' writes"),
		    path, je.line, je.column, je.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		bad(r, _("the top level must be an object"));
		json_decref(root);
		return NULL;
	}
	*schema = str(r, root, "$", "schema", false);
	ver = member(r, root, "$", "schema_version", JSON_INTEGER, false);
	if (r->err == NULL && strcmp(*schema, EXPORT_PROJECT_SCHEMA) != 0 &&
	    strcmp(*schema, EXPORT_PACKET_SCHEMA) != 0 && strcmp(*schema, EXPORT_ANSWERS_SCHEMA) != 0)
		bad(r, _("its schema is '%s'; import reads %s, %s and %s"), *schema,
		    EXPORT_PROJECT_SCHEMA, EXPORT_PACKET_SCHEMA, EXPORT_ANSWERS_SCHEMA);
	if (r->err == NULL) {
		bool project = strcmp(*schema, EXPORT_PROJECT_SCHEMA) == 0;
		int want = strcmp(*schema, EXPORT_PACKET_SCHEMA) == 0 ? EXPORT_PACKET_VERSION :
		    strcmp(*schema, EXPORT_ANSWERS_SCHEMA) == 0 ? EXPORT_ANSWERS_VERSION :
		    EXPORT_JSON_VERSION;
		json_int_t v = json_integer_value(ver);

		if (v != want && !(project && v >= EXPORT_JSON_OLDEST && v < want))
			r->err = xasprintf(_("%s has schema version %lld, and this airejse reads version %d: update airejse, or export again with this version"),
			    path, (long long)json_integer_value(ver), want);
	}
	if (r->err != NULL) {
		json_decref(root);
		return NULL;
	}
	return root;
}

static void
message(struct import_result *res, char *msg)
{
	res->messages = xreallocarray(res->messages, res->nmessages + 1, sizeof(*res->messages));
	res->messages[res->nmessages++] = msg;
}

void
import_result_free(struct import_result *res)
{
	size_t i;

	for (i = 0; i < res->nmessages; i++)
		free(res->messages[i]);
	free(res->messages);
	memset(res, 0, sizeof(*res));
}

/* A whole project */

struct imp_change {
	const char	*question;
	enum answer_kind kind;
	const char	*value;
	int64_t		 time;
	const char	*user;
	const char	*respondent;
};

struct imp_hevent {
	enum handoff_state state;
	const char	*note, *due, *user;
	int64_t		 time;
};

struct imp_handoff {
	const char	*rule, *role, *due, *contact, *note, *user;
	enum handoff_state state;
	int64_t		 raised, changed;
	struct imp_hevent *ev;
	size_t		 nev;
};

struct imp_project {
	struct review	*reviews;	/* their strings point into the JSON */
	size_t		 nreviews;
	const char	*name;
	char		**tracks;	/* point into the JSON */
	size_t		 ntracks;
	int64_t		 created, changed;
	struct imp_change *history, *answers;
	size_t		 nhistory, nanswers;
	struct imp_handoff *handoffs;
	size_t		 nhandoffs;
};

static void
imp_project_free(struct imp_project *p)
{
	size_t i;

	free(p->reviews);
	free(p->tracks);
	free(p->history);
	free(p->answers);
	for (i = 0; i < p->nhandoffs; i++)
		free(p->handoffs[i].ev);
	free(p->handoffs);
}

/* Checks a stored value against the question, if the content has it. */
static void
check_value(struct reader *r, const struct content *c, const char *path,
    const struct imp_change *ch)
{
	const struct question *q;
	char *why = NULL;

	if (ch->kind != ANSWER_VALUE)
		return;
	if (ch->value == NULL) {
		bad(r, _("%s has kind value but no value"), path);
		return;
	}
	if ((q = content_question(c, ch->question)) == NULL)
		return;
	if (value_check_canonical(q, ch->value, &why) != 0)
		bad(r, _("%s: %s"), path, why);
	free(why);
}

static void
read_change(struct reader *r, const struct content *c, json_t *o, const char *path,
    const char *kkey, const char *vkey, struct imp_change *ch)
{
	if (!json_is_object(o)) {
		bad(r, _("%s must be an object"), path);
		return;
	}
	ch->question = str(r, o, path, "question", false);
	ch->kind = kind(r, o, path, kkey);
	ch->value = str(r, o, path, vkey, true);
	ch->time = when(r, o, path, "time", 0);
	ch->user = str(r, o, path, "user", true);
	ch->respondent = str(r, o, path, "respondent", true);
	if (r->err == NULL && !content_is_id(ch->question))
		bad(r, _("%s.question '%s' is not a question identifier"), path, ch->question);
	if (r->err == NULL)
		check_value(r, c, path, ch);
}

/* The answers or the history: the array root.key of changes. */
static void
read_changes(struct reader *r, const struct content *c, json_t *root, const char *key,
    const char *kkey, const char *vkey, struct imp_change **out, size_t *n)
{
	json_t *a = array(r, root, "$", key), *v;
	size_t i;

	*out = xcalloc(json_array_size(a) + 1, sizeof(**out));
	json_array_foreach(a, i, v) {
		char *path = xasprintf("$.%s[%zu]", key, i);

		read_change(r, c, v, path, kkey, vkey, &(*out)[(*n)++]);
		free(path);
	}
}

static enum handoff_state
state(struct reader *r, json_t *o, const char *path, const char *key)
{
	const char *s = str(r, o, path, key, false);
	enum handoff_state st = HANDOFF_RAISED;

	if (s != NULL && handoff_state_parse(s, &st) != 0)
		bad(r, _("%s.%s is '%s', not a hand-off state"), path, key, s);
	return st;
}

static void
read_handoff(struct reader *r, json_t *o, const char *path, struct imp_handoff *h)
{
	json_t *hist, *e;
	size_t i;
	char *p;

	if (!json_is_object(o)) {
		bad(r, _("%s must be an object"), path);
		return;
	}
	h->rule = str(r, o, path, "rule", false);
	h->role = str(r, o, path, "role", false);
	h->state = state(r, o, path, "state");
	h->due = str(r, o, path, "due", true);
	h->contact = str(r, o, path, "contact", true);
	h->note = str(r, o, path, "note", true);
	h->raised = when(r, o, path, "raised", 0);
	h->changed = when(r, o, path, "changed", h->raised);
	if (r->err == NULL && (!content_is_id(h->rule) || !content_is_id(h->role)))
		bad(r, _("%s names a rule or role that is not an identifier"), path);
	if (h->due != NULL && value_parse_date(h->due, NULL) != 0)
		bad(r, _("%s.due '%s' is not a date"), path, h->due);
	hist = array(r, o, path, "history");
	h->ev = xcalloc(json_array_size(hist) + 1, sizeof(*h->ev));
	json_array_foreach(hist, i, e) {
		struct imp_hevent *ev = &h->ev[h->nev];

		p = xasprintf("%s.history[%zu]", path, i);
		if (!json_is_object(e)) {
			bad(r, _("%s must be an object"), p);
		} else if (json_is_null(json_object_get(e, "old_state"))) {
			/* Being raised is recreated by raising it. */
			if (i == 0)
				h->user = str(r, e, p, "user", true);
		} else {
			ev->state = state(r, e, p, "new_state");
			ev->note = str(r, e, p, "note", true);
			ev->due = str(r, e, p, "due", true);
			ev->user = str(r, e, p, "user", true);
			ev->time = when(r, e, p, "time", h->changed);
			h->nev++;
		}
		free(p);
	}
}

/* The project's reviews and sign-offs (missing before version 7). */
static void
read_reviews(struct reader *r, json_t *root, struct imp_project *p)
{
	json_t *a = array(r, root, "$", "reviews"), *o;
	const char *s;
	size_t i;
	char *path;

	p->reviews = xcalloc(json_array_size(a) + 1, sizeof(*p->reviews));
	json_array_foreach(a, i, o) {
		struct review *v = &p->reviews[p->nreviews];

		path = xasprintf("$.reviews[%zu]", i);
		if (!json_is_object(o)) {
			bad(r, _("%s must be an object"), path);
			free(path);
			return;
		}
		if ((s = str(r, o, path, "kind", false)) != NULL &&
		    review_kind_parse(s, &v->kind) != 0)
			bad(r, _("%s.kind is '%s'; it is handoff, section or signoff"), path, s);
		if ((s = str(r, o, path, "state", false)) != NULL &&
		    review_state_parse(s, &v->state) != 0)
			bad(r, _("%s.state is '%s', not a review state"), path, s);
		v->subject = (char *)str(r, o, path, "subject", false);
		v->role = (char *)str(r, o, path, "role", false);
		v->comment = (char *)str(r, o, path, "comment", true);
		v->name = (char *)str(r, o, path, "name", true);
		v->seen = (char *)str(r, o, path, "seen", true);
		v->user = (char *)str(r, o, path, "user", true);
		v->time = when(r, o, path, "time", clock_now());
		if (r->err == NULL && !content_is_id(v->role))
			bad(r, _("%s names a role that is not an identifier"), path);
		free(path);
		if (r->err != NULL)
			return;
		p->nreviews++;
	}
}

/* The last change to question in the history, or NULL. */
static const struct imp_change *
last_change(const struct imp_project *p, const char *question)
{
	const struct imp_change *last = NULL;
	size_t i;

	for (i = 0; i < p->nhistory; i++)
		if (strcmp(p->history[i].question, question) == 0)
			last = &p->history[i];
	return last;
}

/* The history ends, question by question, in the answers: one that says
 * more or other than them (an export read while someone saved, or an
 * edited file) would add changes to the audit trail that never
 * happened. A file without any history is taken as its answers alone. */
static void
check_history(struct reader *r, const struct imp_project *p)
{
	size_t i, k;

	for (i = 0; r->err == NULL && i < p->nhistory; i++) {
		const struct imp_change *last = last_change(p, p->history[i].question);
		const struct imp_change *an = NULL;

		if (last != &p->history[i])
			continue;
		for (k = 0; k < p->nanswers; k++)
			if (strcmp(p->answers[k].question, last->question) == 0)
				an = &p->answers[k];
		if (an == NULL ? last->kind != ANSWER_NONE : an->kind != last->kind ||
		    (an->kind == ANSWER_VALUE && strcmp(an->value, last->value) != 0))
			bad(r, _("the history of '%s' does not end in the answer the file gives (it was exported while someone saved, or edited): export it again"),
			    last->question);
	}
	for (k = 0; r->err == NULL && p->nhistory > 0 && k < p->nanswers; k++)
		if (p->answers[k].kind != ANSWER_NONE && last_change(p, p->answers[k].question) == NULL)
			bad(r, _("the history of '%s' does not end in the answer the file gives (it was exported while someone saved, or edited): export it again"),
			    p->answers[k].question);
}

static void
read_project(struct reader *r, const struct content *c, json_t *root, struct imp_project *p)
{
	json_t *jp = member(r, root, "$", "project", JSON_OBJECT, false), *tr, *v, *a;
	size_t i;
	char *path;

	if (jp == NULL)
		return;
	p->name = str(r, jp, "$.project", "name", false);
	p->created = when(r, jp, "$.project", "created", clock_now());
	p->changed = when(r, jp, "$.project", "changed", p->created);
	tr = member(r, jp, "$.project", "tracks", JSON_ARRAY, false);
	if (tr == NULL)
		return;
	p->tracks = xcalloc(json_array_size(tr) + 1, sizeof(*p->tracks));
	json_array_foreach(tr, i, v) {
		if (!json_is_string(v)) {
			bad(r, _("$.project.tracks[%zu] must be a string"), i);
			return;
		}
		if (content_track(c, json_string_value(v)) == NULL) {
			bad(r, _("the project follows the track '%s', which this content does not have; add the track to the content (or use the airejse that exported it)"),
			    json_string_value(v));
			return;
		}
		p->tracks[p->ntracks++] = (char *)json_string_value(v);
	}
	if (p->ntracks == 0)
		bad(r, _("$.project.tracks is empty"));
	read_changes(r, c, root, "history", "new_kind", "new_value", &p->history, &p->nhistory);
	read_changes(r, c, root, "answers", "kind", "value", &p->answers, &p->nanswers);
	if (r->err == NULL)
		check_history(r, p);
	a = array(r, root, "$", "handoffs");
	p->handoffs = xcalloc(json_array_size(a) + 1, sizeof(*p->handoffs));
	json_array_foreach(a, i, v) {
		path = xasprintf("$.handoffs[%zu]", i);
		read_handoff(r, v, path, &p->handoffs[p->nhandoffs++]);
		free(path);
	}
	read_reviews(r, root, p);
}

/* Stores ch unless the stored answer is already the same. */
static int
replay(struct action *a, int64_t id, const struct imp_change *ch, char **cause)
{
	struct answer cur;
	bool same;
	int rc;

	if ((rc = store_answer(a->store, id, ch->question, &cur, cause)) != 0)
		return rc;
	same = cur.kind == ch->kind && (ch->kind != ANSWER_VALUE ||
	    (cur.value != NULL && strcmp(cur.value, ch->value) == 0));
	answer_clear(&cur);
	if (same)
		return 0;
	return store_answer_set_by(a->store, id, ch->question, ch->kind,
	    ch->kind == ANSWER_VALUE ? ch->value : NULL, ch->time ? ch->time : clock_now(),
	    ch->user ? ch->user : a->user, ch->respondent, SOURCE_IMPORT, NULL, cause);
}

static int
write_project(struct action *a, const struct imp_project *p, const char *name,
    struct import_result *res, char **cause)
{
	char *clean = NULL;
	int64_t id = 0, hid;
	size_t i, j;
	int rc;

	if ((rc = action_check_name(name, &clean, cause)) != 0)
		return rc;
	if ((rc = store_begin(a->store, cause)) != 0) {
		free(clean);
		return rc;
	}
	{
		struct project *old = NULL;

		rc = store_project_named(a->store, clean, &old, cause);
		project_free(old);
		if (rc == 0) {
			*cause = xasprintf(_("there is already a project named '%s': import it under another name with --name NAME"),
			    clean);
			rc = EX_DATAERR;
		} else if (rc == EX_NOINPUT) {
			free(*cause);
			*cause = NULL;
			rc = store_project_add(a->store, clean, p->tracks, p->ntracks, p->created,
			    &id, cause);
		}
	}
	/* The history first, then whatever the answers say beyond it. */
	for (i = 0; rc == 0 && i < p->nhistory; i++)
		rc = replay(a, id, &p->history[i], cause);
	for (i = 0; rc == 0 && i < p->nanswers; i++)
		rc = replay(a, id, &p->answers[i], cause);
	for (i = 0; rc == 0 && i < p->nhandoffs; i++) {
		const struct imp_handoff *h = &p->handoffs[i];
		enum handoff_state last = HANDOFF_RAISED;

		rc = store_handoff_raise(a->store, id, h->rule, h->role, h->contact,
		    h->raised ? h->raised : p->created, h->user ? h->user : a->user,
		    SOURCE_IMPORT, &hid, cause);
		for (j = 0; rc == 0 && j < h->nev; j++) {
			const struct imp_hevent *e = &h->ev[j];

			rc = store_handoff_set(a->store, hid, e->state, e->due, h->contact,
			    e->note, e->time, e->user ? e->user : a->user, SOURCE_IMPORT, cause);
			last = e->state;
		}
		/* What the history does not say (a hand-edited file). */
		if (rc == 0 && (last != h->state || (h->nev == 0 && (h->due || h->note))))
			rc = store_handoff_set(a->store, hid, h->state, h->due, h->contact,
			    h->note, h->changed, a->user, SOURCE_IMPORT, cause);
	}
	for (i = 0; rc == 0 && i < p->nreviews; i++) {
		struct review v = p->reviews[i];

		if (v.seen == NULL)
			v.seen = "";
		if (v.user == NULL)
			v.user = (char *)a->user;
		v.source = SOURCE_IMPORT;
		rc = store_review_add(a->store, id, &v, cause);
	}
	if (rc == 0)
		rc = store_project_touch(a->store, id, p->changed, cause);
	if (rc == 0)
		rc = store_commit(a->store, cause);
	if (rc != 0)
		store_rollback(a->store);
	else
		res->project = id;
	res->nstored = p->nanswers;
	for (i = 0; rc == 0 && i < p->nanswers; i++)
		if (content_question(a->content, p->answers[i].question) == NULL)
			message(res, xasprintf(_("kept the answer to '%s', a question this content does not have"),
			    p->answers[i].question));
	for (i = 0; rc == 0 && i < p->nhandoffs; i++)
		if (content_handoff(a->content, p->handoffs[i].rule) == NULL)
			message(res, xasprintf(_("kept the hand-off '%s', a rule this content does not have"),
			    p->handoffs[i].rule));
	free(clean);
	return rc;
}

int
import_file(struct action *a, const char *path, const char *name,
    struct import_result *res, char **cause)
{
	struct reader r = { path, NULL };
	struct imp_project p;
	const char *schema = NULL;
	json_t *root;
	int rc;

	memset(res, 0, sizeof(*res));
	memset(&p, 0, sizeof(p));
	*cause = NULL;
	res->kind = IMPORT_PROJECT;
	if ((root = load(&r, path, &schema, &rc)) == NULL) {
		*cause = r.err;
		return rc;
	}
	if (strcmp(schema, EXPORT_PROJECT_SCHEMA) != 0) {
		*cause = xasprintf(_("%s holds answers to a hand-off packet, not a project: import it as such"),
		    path);
		json_decref(root);
		return EX_DATAERR;
	}
	read_project(&r, a->content, root, &p);
	if (r.err != NULL) {
		*cause = r.err;
		rc = EX_DATAERR;
	} else {
		rc = write_project(a, &p, name ? name : p.name, res, cause);
	}
	imp_project_free(&p);
	json_decref(root);
	return rc;
}

int
import_kind_of(const char *path, enum import_kind *kind, char **cause)
{
	struct reader r = { path, NULL };
	const char *schema = NULL;
	json_t *root;
	int rc;

	*cause = NULL;
	if ((root = load(&r, path, &schema, &rc)) == NULL) {
		*cause = r.err;
		return rc;
	}
	*kind = strcmp(schema, EXPORT_PROJECT_SCHEMA) == 0 ? IMPORT_PROJECT :
	    strcmp(schema, EXPORT_PACKET_SCHEMA) == 0 ? IMPORT_PACKET : IMPORT_ANSWERS;
	json_decref(root);
	return 0;
}

/* Answers to a hand-off packet: an answer file (the form's) or a filled-in
 * JSON packet. Each section (one role's packet) is checked as a whole
 * first: that it was made from the packet it names (its id, worked out
 * again), that it answers only its own hand-offs' questions, and that no
 * question is given two different answers; then each answer is read as
 * the role wrote it and compared with the database: the preview. */

/* One role's answers as read from the file. */
struct imp_section {
	const char	*role;
	const char	*packet;	/* its id, as the file gives it */
	const char	*respondent;	/* may be NULL */
	const char	**rules;
	size_t		 nrules;
	const char	**questions;	/* every question of the packet */
	int64_t		*revisions;	/* the revision it showed */
	const char	**answers;	/* what was written; NULL: none */
	size_t		 nquestions;
	const char	*path;		/* where it is in the file, for messages */
};

struct imp_file {
	int64_t		 project;
	const char	*name;
	const char	*made;		/* when the packet was made, as written */
	int64_t		 made_t;
	const char	*lang_code;
	enum lang	 lang;
	struct imp_section *sections;
	size_t		 nsections;
};

static void
imp_file_free(struct imp_file *f)
{
	size_t i;

	for (i = 0; i < f->nsections; i++) {
		free(f->sections[i].rules);
		free(f->sections[i].questions);
		free(f->sections[i].revisions);
		free(f->sections[i].answers);
	}
	free(f->sections);
	memset(f, 0, sizeof(*f));
}

/* The header both shapes share: the project, the language, when made. */
static void
read_head(struct reader *r, json_t *root, const char *made_key, struct imp_file *f)
{
	json_t *jp = member(r, root, "$", "project", JSON_OBJECT, false);
	json_t *jid = jp ? member(r, jp, "$.project", "id", JSON_INTEGER, false) : NULL;

	f->name = jp ? str(r, jp, "$.project", "name", false) : NULL;
	f->project = jid ? json_integer_value(jid) : 0;
	f->lang_code = str(r, root, "$", "language", false);
	f->made = str(r, root, "$", made_key, false);
	if (r->err == NULL && lang_parse(f->lang_code, &f->lang) != 0)
		bad(r, _("$.language is '%s'; it is da or en"), f->lang_code);
	if (r->err == NULL && clock_parse(f->made, &f->made_t) != 0)
		bad(r, _("$.%s is '%s', not a time like 2026-11-23T10:00:00Z"), made_key, f->made);
}

static struct imp_section *
new_section(struct imp_file *f, size_t nq, size_t nrules)
{
	struct imp_section *s;

	f->sections = xreallocarray(f->sections, f->nsections + 1, sizeof(*f->sections));
	s = &f->sections[f->nsections++];
	memset(s, 0, sizeof(*s));
	s->rules = xcalloc(nrules + 1, sizeof(*s->rules));
	s->questions = xcalloc(nq + 1, sizeof(*s->questions));
	s->revisions = xcalloc(nq + 1, sizeof(*s->revisions));
	s->answers = xcalloc(nq + 1, sizeof(*s->answers));
	return s;
}

/* An answer as written: text, or null for none. */
static const char *
answer_text(struct reader *r, json_t *o, const char *path)
{
	json_t *v = json_object_get(o, "answer");

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		bad(r, _("%s.answer must be text, as the answer would be typed"), path);
		return NULL;
	}
	return *json_string_value(v) == '\0' ? NULL : json_string_value(v);
}

/* One question of a section: its id (under key), the revision the packet
 * showed and the answer written. */
static void
read_question(struct reader *r, json_t *v, const char *path, const char *key,
    struct imp_section *s)
{
	json_t *rev;

	if (!json_is_object(v)) {
		bad(r, _("%s must be an object"), path);
		return;
	}
	s->questions[s->nquestions] = str(r, v, path, key, false);
	rev = member(r, v, path, "revision", JSON_INTEGER, false);
	s->revisions[s->nquestions] = rev ? json_integer_value(rev) : 0;
	s->answers[s->nquestions] = answer_text(r, v, path);
	s->nquestions++;
}

/* The answer file the form saves (schema airejse-handoff-answers). */
static void
read_answer_file(struct reader *r, json_t *root, struct imp_file *f)
{
	json_t *hs = member(r, root, "$", "handoffs", JSON_ARRAY, false);
	json_t *as = member(r, root, "$", "answers", JSON_ARRAY, false), *v;
	struct imp_section *s;
	size_t i;

	read_head(r, root, "exported", f);
	if (r->err != NULL)
		return;
	s = new_section(f, json_array_size(as), json_array_size(hs));
	s->path = "$";
	s->role = str(r, root, "$", "role", false);
	s->packet = str(r, root, "$", "packet", false);
	s->respondent = str(r, root, "$", "respondent", true);
	json_array_foreach(hs, i, v) {
		if (!json_is_string(v)) {
			bad(r, _("$.handoffs[%zu] must be a hand-off's id"), i);
			return;
		}
		s->rules[s->nrules++] = json_string_value(v);
	}
	json_array_foreach(as, i, v) {
		char *p = xasprintf("$.answers[%zu]", i);

		read_question(r, v, p, "question", s);
		free(p);
		if (r->err != NULL)
			return;
	}
}

/* A filled-in packet (schema airejse-handoff-packet): a section per role. */
static void
read_filled_packet(struct reader *r, json_t *root, struct imp_file *f)
{
	json_t *rs = member(r, root, "$", "roles", JSON_ARRAY, false), *ro;
	size_t i, j;

	read_head(r, root, "exported", f);
	json_array_foreach(rs, i, ro) {
		char *path = xasprintf("$.roles[%zu]", i);
		json_t *hs, *qs, *v;
		struct imp_section *s;

		if (r->err != NULL || !json_is_object(ro)) {
			bad(r, _("%s must be an object"), path);
			free(path);
			return;
		}
		hs = member(r, ro, path, "handoffs", JSON_ARRAY, false);
		qs = member(r, ro, path, "questions", JSON_ARRAY, false);
		if (r->err != NULL) {
			free(path);
			return;
		}
		s = new_section(f, json_array_size(qs), json_array_size(hs));
		s->path = "$.roles";
		s->role = str(r, ro, path, "role", false);
		s->packet = str(r, ro, path, "packet", false);
		s->respondent = str(r, ro, path, "respondent", true);
		json_array_foreach(hs, j, v) {
			char *p = xasprintf("%s.handoffs[%zu]", path, j);

			s->rules[s->nrules] = json_is_object(v) ? str(r, v, p, "rule", false) : NULL;
			if (s->rules[s->nrules] == NULL)
				bad(r, _("%s must name its rule"), p);
			s->nrules++;
			free(p);
		}
		json_array_foreach(qs, j, v) {
			char *p = xasprintf("%s.questions[%zu]", path, j);

			read_question(r, v, p, "id", s);
			free(p);
		}
		free(path);
	}
}

/* Whether q is asked by one of the section's hand-offs (of its role). */
static bool
in_scope(const struct content *c, const struct imp_section *s, const char *q)
{
	size_t i, j;

	for (i = 0; i < s->nrules; i++) {
		const struct handoff_rule *hr = content_handoff(c, s->rules[i]);

		for (j = 0; hr != NULL && j < hr->nquestions; j++)
			if (strcmp(hr->questions[j]->id, q) == 0)
				return true;
	}
	return false;
}

/* The checks that make a whole file refused (EX_DATAERR, nothing read
 * into the preview): a section that does not match its packet id, names
 * a hand-off of another role, or answers a question outside its
 * hand-offs. */
static int
check_section(const struct action *a, const struct imp_file *f, const struct imp_section *s,
    const char *file, char **cause)
{
	char id[EXPORT_PACKET_ID_SIZE];
	const struct role *role = content_role(a->content, s->role);
	size_t i;

	if (role == NULL) {
		*cause = xasprintf(_("%s answers for the role '%s', which this content does not have"),
		    file, s->role);
		return EX_DATAERR;
	}
	for (i = 0; i < s->nrules; i++) {
		const struct handoff_rule *hr = content_handoff(a->content, s->rules[i]);

		if (hr == NULL || hr->role != role) {
			*cause = xasprintf(_("%s names the hand-off '%s', which is not one of %s's in this content"),
			    file, s->rules[i], text_get(&role->name));
			return EX_DATAERR;
		}
	}
	for (i = 0; i < s->nquestions; i++) {
		const struct question *q = content_question(a->content, s->questions[i]);

		if (q == NULL || !in_scope(a->content, s, s->questions[i])) {
			*cause = xasprintf(_("%s answers \"%s\", which none of its hand-offs to %s asks: an answer file may answer only its packet's questions, so nothing was imported"),
			    file, q ? text_get(&q->prompt) : s->questions[i], text_get(&role->name));
			return EX_DATAERR;
		}
	}
	export_packet_id(f->project, f->name, s->role, f->lang_code, f->made, s->rules,
	    s->nrules, s->questions, s->revisions, s->nquestions, id);
	if (strcmp(id, s->packet) != 0) {
		*cause = xasprintf(_("%s was not made from the packet it names (%s): it was changed by hand beyond its answers and the respondent, or made for another project; export the packet again and answer that"),
		    file, s->packet);
		return EX_DATAERR;
	}
	return 0;
}

static void
item_free(struct import_item *it)
{
	free(it->input);
	free(it->value);
	free(it->note);
	free(it->why);
	free(it->role);
	answer_clear(&it->current);
}

void
import_plan_free(struct import_plan *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nitems; i++)
		item_free(&p->items[i]);
	free(p->items);
	for (i = 0; i < p->nrules; i++)
		free(p->rules[i]);
	free(p->rules);
	free(p->project_name);
	free(p->respondent);
	free(p->roles);
	free(p->file);
	free(p);
}

/* Reads what the role wrote for q as an answer: the kind and the
 * canonical value, or why not. */
static void
read_offer(const struct question *q, const char *input, enum lang lang, struct import_item *it)
{
	char *why = NULL;

	it->input = xstrdup(input);
	if (value_is_dontknow(input)) {
		it->kind = ANSWER_DONTKNOW;
		return;
	}
	it->kind = ANSWER_VALUE;
	if (value_read(q, input, lang, &it->value, &it->note, &why) != 0) {
		it->verdict = IMPORT_INVALID;
		it->why = why;
	}
}

static bool
same_offer(const struct import_item *a, const struct import_item *b)
{
	return a->kind == b->kind && a->verdict != IMPORT_INVALID && b->verdict != IMPORT_INVALID &&
	    (a->kind != ANSWER_VALUE || strcmp(a->value, b->value) == 0);
}

/* Adds the section's answers to the plan; the same question answered
 * twice (in two sections) alike is one item, differently a refusal. */
static int
plan_section(struct action *a, const struct imp_file *f, const struct imp_section *s,
    struct import_plan *p, size_t *cap, const char *file, char **cause)
{
	size_t i, j;

	for (i = 0; i < s->nquestions; i++) {
		const struct question *q = content_question(a->content, s->questions[i]);
		struct import_item it;

		if (s->answers[i] == NULL)
			continue;
		memset(&it, 0, sizeof(it));
		it.q = q;
		it.role = xstrdup(s->role);
		it.revision = s->revisions[i];
		read_offer(q, s->answers[i], f->lang, &it);
		for (j = 0; j < p->nitems; j++)
			if (p->items[j].q == q)
				break;
		if (j < p->nitems) {
			bool same = same_offer(&p->items[j], &it) ||
			    strcmp(p->items[j].input, it.input) == 0;

			if (!same) {
				*cause = xasprintf(_("%s answers \"%s\" twice, as '%s' and as '%s': give it one answer, so nothing was imported"),
				    file, text_get(&q->prompt), p->items[j].input, it.input);
			}
			item_free(&it);
			if (!same)
				return EX_DATAERR;
			continue;
		}
		xgrow(&p->items, cap, p->nitems + 1, sizeof(*p->items));
		p->items[p->nitems++] = it;
	}
	for (i = 0; i < s->nrules; i++) {
		for (j = 0; j < p->nrules; j++)
			if (strcmp(p->rules[j], s->rules[i]) == 0)
				break;
		if (j == p->nrules) {
			p->rules = xreallocarray(p->rules, p->nrules + 1, sizeof(*p->rules));
			p->rules[p->nrules++] = xstrdup(s->rules[i]);
		}
	}
	return 0;
}

/* Compares each answer offered with the database: same, new, changed
 * since the packet (a conflict), or not an answer the project takes now. */
static int
plan_compare(struct action *a, struct import_plan *p, char **cause)
{
	struct snapshot *s = NULL;
	size_t i;
	int rc;

	if ((rc = action_snapshot(a, p->project, &s, cause)) != 0)
		return rc;
	for (i = 0; i < p->nitems; i++) {
		struct import_item *it = &p->items[i];
		const struct answer *cur = progress_answer(s->progress, it->q);

		if (cur != NULL)
			answer_copy(&it->current, cur);
		else
			it->current.kind = ANSWER_NONE;
		if (it->verdict == IMPORT_INVALID)
			continue;
		if (it->current.kind == it->kind && (it->kind != ANSWER_VALUE ||
		    strcmp(it->current.value, it->value) == 0)) {
			it->verdict = IMPORT_SAME;
		} else if (!progress_applies(s->progress, it->q)) {
			it->verdict = IMPORT_INVALID;
			it->why = xasprintf(_("\"%s\" does not apply to the project now, so it cannot be answered"),
			    text_get(&it->q->prompt));
		} else if (it->current.revision != it->revision) {
			it->verdict = IMPORT_CONFLICT;
		} else {
			it->verdict = IMPORT_NEW;
			it->accept = true;
		}
	}
	snapshot_free(s);
	return 0;
}

int
import_plan_read(struct action *a, const char *path, const char *target,
    struct import_plan **out, char **cause)
{
	struct reader r = { path, NULL };
	struct imp_file f;
	struct import_plan *p;
	struct project *proj = NULL;
	const char *schema = NULL;
	json_t *root;
	size_t i, cap = 0;
	int rc = 0;

	*out = NULL;
	*cause = NULL;
	memset(&f, 0, sizeof(f));
	if ((root = load(&r, path, &schema, &rc)) == NULL) {
		*cause = r.err;
		return rc;
	}
	rc = 0;
	if (strcmp(schema, EXPORT_PROJECT_SCHEMA) == 0) {
		*cause = xasprintf(_("%s is a whole project, not answers to a packet: import it without a preview"),
		    path);
		json_decref(root);
		return EX_DATAERR;
	}
	if (strcmp(schema, EXPORT_ANSWERS_SCHEMA) == 0)
		read_answer_file(&r, root, &f);
	else
		read_filled_packet(&r, root, &f);
	if (r.err != NULL) {
		*cause = r.err;
		r.err = NULL;
		rc = EX_DATAERR;
		goto out;
	}
	for (i = 0; i < f.nsections && rc == 0; i++)
		rc = check_section(a, &f, &f.sections[i], path, cause);
	if (rc != 0)
		goto out;
	if (target != NULL) {
		rc = action_project_find(a, target, &proj, cause);
	} else {
		char *key = xasprintf("%lld", (long long)f.project);

		rc = action_project_find(a, key, &proj, cause);
		free(key);
		if (rc == EX_NOINPUT || (rc == 0 && strcmp(proj->name, f.name) != 0)) {
			free(*cause);
			*cause = xasprintf(_("the packet belongs to project %lld '%s', which is not in this database under that id and name: name the project with --project P"),
			    (long long)f.project, f.name);
			rc = EX_NOINPUT;
		}
	}
	if (rc != 0)
		goto out;
	p = xcalloc(1, sizeof(*p));
	p->kind = strcmp(schema, EXPORT_ANSWERS_SCHEMA) == 0 ? IMPORT_ANSWERS : IMPORT_PACKET;
	p->project = proj->id;
	p->project_name = xstrdup(proj->name);
	p->made = f.made_t;
	p->lang = f.lang;
	p->file = xstrdup(path);
	for (i = 0; i < f.nsections && rc == 0; i++) {
		const struct imp_section *s = &f.sections[i];
		char *t;

		size_t before = p->nitems, j;

		rc = plan_section(a, &f, s, p, &cap, path, cause);
		/* The roles that answered something, by their names. */
		for (j = 0; j < s->nquestions && (f.nsections == 1 || p->nitems == before); j++)
			if (s->answers[j] != NULL)
				break;
		if (f.nsections == 1 || j < s->nquestions) {
			t = xasprintf("%s%s%s", p->roles ? p->roles : "", p->roles ? ", " : "",
			    text_get(&content_role(a->content, s->role)->name));
			free(p->roles);
			p->roles = t;
		}
		if (s->respondent != NULL && p->respondent == NULL) {
			char *clean = utf8_trim(s->respondent);

			if (*clean != '\0')
				p->respondent = clean;
			else
				free(clean);
		}
	}
	if (rc == 0)
		rc = plan_compare(a, p, cause);
	if (rc != 0)
		import_plan_free(p);
	else
		*out = p;
out:
	project_free(proj);
	imp_file_free(&f);
	free(r.err);
	json_decref(root);
	return rc;
}

/* The hand-offs to mark answered: the open ones every question of which
 * that applies gets an answer from the file (stored, or already so). */
static char **
answered_rules(struct action *a, const struct import_plan *p, size_t *n)
{
	struct snapshot *s = NULL;
	char **v = xcalloc(p->nrules + 1, sizeof(*v)), *cause = NULL;
	size_t i, j, k;

	*n = 0;
	if (action_snapshot(a, p->project, &s, &cause) != 0) {
		free(cause);
		return v;
	}
	for (i = 0; i < p->nrules; i++) {
		const struct handoff_rule *hr = content_handoff(a->content, p->rules[i]);
		const struct handoff *h = handoff_find(s->handoffs, s->nhandoffs, p->rules[i]);
		bool all = hr != NULL && h != NULL && handoff_is_open(h->state);

		for (j = 0; all && j < hr->nquestions; j++) {
			if (!progress_applies(s->progress, hr->questions[j]))
				continue;
			for (k = 0; k < p->nitems; k++)
				if (p->items[k].q == hr->questions[j] &&
				    (p->items[k].verdict == IMPORT_SAME || p->items[k].accept))
					break;
			all = k < p->nitems;
		}
		if (all)
			v[(*n)++] = p->rules[i];
	}
	snapshot_free(s);
	return v;
}

int
import_plan_apply(struct action *a, const struct import_plan *p, struct import_result *res,
    char **cause)
{
	struct action_item *v = xcalloc(p->nitems + 1, sizeof(*v));
	struct action_batch out;
	char **rules, *note;
	size_t i, n = 0, nrules;
	int rc;

	memset(res, 0, sizeof(*res));
	memset(&out, 0, sizeof(out));
	*cause = NULL;
	res->kind = IMPORT_PACKET;
	res->project = p->project;
	for (i = 0; i < p->nitems; i++) {
		const struct import_item *it = &p->items[i];

		switch (it->verdict) {
		case IMPORT_SAME:
			res->nunchanged++;
			continue;
		case IMPORT_INVALID:
			res->nleft++;
			continue;
		default:
			break;
		}
		if (!it->accept) {
			if (it->verdict == IMPORT_CONFLICT && !it->rejected)
				res->nkept++;
			else
				res->nleft++;
			continue;
		}
		v[n].question = it->q->id;
		v[n].kind = it->kind;
		v[n].value = it->value;
		/* What the preview saw: a change since is a conflict. */
		v[n].expect = it->current.revision;
		n++;
	}
	rules = answered_rules(a, p, &nrules);
	note = p->respondent ? xasprintf(_("answered by %s through the hand-off packet"), p->respondent) :
	    xstrdup(_("answered through the hand-off packet"));
	rc = action_answers(a, p->project, v, n, p->respondent, rules, nrules, note, &out, cause);
	if (rc == 0) {
		res->nstored = out.nchanged;
		res->nanswered = out.nmarked;
	}
	action_batch_free(&out);
	free(note);
	free(rules);
	free(v);
	return rc;
}
