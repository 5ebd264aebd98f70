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
#include "airejse/i18n.h"
#include "airejse/import.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
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
	    strcmp(*schema, EXPORT_PACKET_SCHEMA) != 0)
		bad(r, _("its schema is '%s'; import reads %s and %s"), *schema,
		    EXPORT_PROJECT_SCHEMA, EXPORT_PACKET_SCHEMA);
	if (r->err == NULL) {
		int want = strcmp(*schema, EXPORT_PACKET_SCHEMA) == 0 ? EXPORT_PACKET_VERSION :
		    EXPORT_JSON_VERSION;

		if (json_integer_value(ver) != want)
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
	a = array(r, root, "$", "handoffs");
	p->handoffs = xcalloc(json_array_size(a) + 1, sizeof(*p->handoffs));
	json_array_foreach(a, i, v) {
		path = xasprintf("$.handoffs[%zu]", i);
		read_handoff(r, v, path, &p->handoffs[p->nhandoffs++]);
		free(path);
	}
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
	return store_answer_set(a->store, id, ch->question, ch->kind,
	    ch->kind == ANSWER_VALUE ? ch->value : NULL, ch->time ? ch->time : clock_now(),
	    ch->user ? ch->user : a->user, SOURCE_IMPORT, NULL, cause);
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

static int
import_project(struct action *a, struct reader *r, json_t *root, const char *name,
    struct import_result *res, char **cause)
{
	struct imp_project p;
	int rc;

	memset(&p, 0, sizeof(p));
	res->kind = IMPORT_PROJECT;
	read_project(r, a->content, root, &p);
	if (r->err != NULL) {
		imp_project_free(&p);
		*cause = r->err;
		r->err = NULL;
		return EX_DATAERR;
	}
	rc = write_project(a, &p, name ? name : p.name, res, cause);
	imp_project_free(&p);
	return rc;
}

/* A filled-in hand-off packet */

struct imp_reply {
	const char	*question;
	const char	*input;		/* what the role wrote */
	int64_t		 revision;	/* the revision the packet showed */
	const char	*rule;
	enum lang	 lang;		/* the packet's, which its answers are written in */
};

/* The project the packet goes back to. */
static int
packet_target(struct action *a, struct reader *r, json_t *root, const char *target,
    struct project **out, char **cause)
{
	json_t *jp = member(r, root, "$", "project", JSON_OBJECT, false);
	const char *name = jp ? str(r, jp, "$.project", "name", false) : NULL;
	json_t *jid = jp ? member(r, jp, "$.project", "id", JSON_INTEGER, false) : NULL;
	char *key;
	int rc;

	if (r->err != NULL)
		return EX_DATAERR;
	if (target != NULL)
		return action_project_find(a, target, out, cause);
	key = xasprintf("%lld", (long long)json_integer_value(jid));
	rc = action_project_find(a, key, out, cause);
	free(key);
	if (rc == EX_NOINPUT || (rc == 0 && strcmp((*out)->name, name) != 0)) {
		if (rc == 0) {
			project_free(*out);
			*out = NULL;
		}
		free(*cause);
		*cause = xasprintf(_("the packet belongs to project %lld '%s', which is not in this database under that id and name: name the project with --project P"),
		    (long long)json_integer_value(jid), name);
		return EX_NOINPUT;
	}
	return rc;
}

static void
read_replies(struct reader *r, json_t *root, struct imp_reply **out, size_t *n)
{
	json_t *rs = array(r, root, "$", "roles"), *ro, *qs, *q;
	json_t *language = json_object_get(root, "language");
	enum lang lang = i18n_lang();
	size_t i, j, cap = 0;
	char *path;

	*out = NULL;
	*n = 0;
	/* "1.200" is 1200 in a Danish packet and 1.2 in an English one. */
	if (json_is_string(language) && lang_parse(json_string_value(language), &lang) != 0)
		lang = i18n_lang();
	json_array_foreach(rs, i, ro) {
		path = xasprintf("$.roles[%zu]", i);
		if (!json_is_object(ro)) {
			bad(r, _("%s must be an object"), path);
			free(path);
			break;
		}
		qs = member(r, ro, path, "questions", JSON_ARRAY, false);
		json_array_foreach(qs, j, q) {
			char *qp = xasprintf("%s.questions[%zu]", path, j);
			struct imp_reply rep;
			json_t *rev, *hs;

			memset(&rep, 0, sizeof(rep));
			if (!json_is_object(q)) {
				bad(r, _("%s must be an object"), qp);
			} else {
				rep.question = str(r, q, qp, "id", false);
				rep.input = str(r, q, qp, "answer", true);
				rev = member(r, q, qp, "revision", JSON_INTEGER, false);
				rep.revision = rev ? json_integer_value(rev) : 0;
				hs = member(r, q, qp, "handoffs", JSON_ARRAY, false);
				rep.rule = json_string_value(json_array_get(hs, 0));
				if (r->err == NULL && rep.rule == NULL)
					bad(r, _("%s.handoffs must name a hand-off"), qp);
				rep.lang = lang;
			}
			free(qp);
			if (r->err != NULL || rep.input == NULL || *rep.input == '\0')
				continue;
			xgrow(out, &cap, *n + 1, sizeof(**out));
			(*out)[(*n)++] = rep;
		}
		free(path);
	}
}

/* True if the stored answer to q already is what input says. */
static bool
already(struct action *a, int64_t id, const struct question *q, const struct imp_reply *rep)
{
	const char *input = rep->input;
	struct answer cur;
	char *canon = NULL, *why = NULL, *c2 = NULL;
	bool same = false;

	if (store_answer(a->store, id, q->id, &cur, &c2) != 0) {
		free(c2);
		return false;
	}
	if (value_is_dontknow(input))
		same = cur.kind == ANSWER_DONTKNOW;
	else if (value_read(q, input, rep->lang, &canon, NULL, &why) == 0)
		same = cur.kind == ANSWER_VALUE && strcmp(cur.value, canon) == 0;
	free(canon);
	free(why);
	answer_clear(&cur);
	return same;
}

static int
store_reply(struct action *a, int64_t id, const struct imp_reply *rep,
    struct import_result *res, char **cause)
{
	const struct question *q = content_question(a->content, rep->question);
	struct answer_result ar;
	char *why = NULL;
	int rc;

	if (q == NULL) {
		res->nrefused++;
		message(res, xasprintf(_("'%s': this content has no such question; the answer was not stored"),
		    rep->question));
		return 0;
	}
	if (already(a, id, q, rep)) {
		res->nunchanged++;
		return 0;
	}
	memset(&ar, 0, sizeof(ar));
	rc = action_answer_in(a, id, q->id, rep->input, rep->lang, rep->revision, &ar, &why);
	if (rc == 0) {
		res->nstored++;
		if (ar.note != NULL)
			message(res, xasprintf("\"%s\": %s", text_get(&q->prompt), ar.note));
	} else if (rc == EX_TEMPFAIL) {
		char *theirs = value_answer_text(q, ar.theirs.kind, ar.theirs.value);

		res->nconflicts++;
		message(res, xasprintf(_("\"%s\": changed here since the packet was made (now: %s); the packet's answer '%s' was not stored: compare them and answer again"),
		    text_get(&q->prompt), theirs, rep->input));
		free(theirs);
		rc = 0;
	} else if (rc == EX_DATAERR) {
		res->nrefused++;
		message(res, why);
		why = NULL;
		rc = 0;
	} else {
		*cause = why;
		why = NULL;
	}
	answer_result_free(&ar);
	free(why);
	return rc;
}

/* Marks a hand-off answered once every question the packet asked in it
 * has the packet's answer. */
static void
mark_answered(struct action *a, int64_t id, const char *rule, const struct imp_reply *v,
    size_t n, struct import_result *res)
{
	const struct handoff_rule *hr = content_handoff(a->content, rule);
	struct handoff *h = NULL;
	struct handoff_edit edit;
	char *cause = NULL;
	size_t i, j;

	if (hr == NULL || store_handoff_get(a->store, id, rule, &h, &cause) != 0 ||
	    (h->state != HANDOFF_RAISED && h->state != HANDOFF_SENT)) {
		free(cause);
		handoff_free(h);
		return;
	}
	for (i = 0; i < hr->nquestions; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(v[j].question, hr->questions[i]->id) == 0 &&
			    already(a, id, hr->questions[i], &v[j]))
				break;
		if (j == n) {
			handoff_free(h);
			return;
		}
	}
	handoff_free(h);
	memset(&edit, 0, sizeof(edit));
	edit.set_state = true;
	edit.state = HANDOFF_ANSWERED;
	edit.note = _("answered through the hand-off packet");
	if (action_handoff(a, id, rule, &edit, &cause) == 0)
		res->nanswered++;
	else
		message(res, xasprintf(_("hand-off '%s' stays as it was: %s"), rule, cause));
	free(cause);
}

static int
import_packet(struct action *a, struct reader *r, json_t *root, const char *target,
    struct import_result *res, char **cause)
{
	struct project *p = NULL;
	struct imp_reply *v;
	size_t n, i, j;
	int rc;

	res->kind = IMPORT_PACKET;
	read_replies(r, root, &v, &n);
	if (r->err != NULL) {
		free(v);
		*cause = r->err;
		r->err = NULL;
		return EX_DATAERR;
	}
	if ((rc = packet_target(a, r, root, target, &p, cause)) != 0) {
		if (r->err != NULL) {
			*cause = r->err;
			r->err = NULL;
		}
		free(v);
		return rc;
	}
	res->project = p->id;
	for (i = 0; rc == 0 && i < n; i++) {
		/* A question asked in two hand-offs is answered once. */
		for (j = 0; j < i; j++)
			if (strcmp(v[j].question, v[i].question) == 0)
				break;
		if (j < i) {
			if (strcmp(v[j].input, v[i].input) != 0) {
				res->nconflicts++;
				const struct question *q = content_question(a->content, v[i].question);

				message(res, xasprintf(_("\"%s\": the packet answers it twice ('%s' and '%s'); only the first was used"),
				    q ? text_get(&q->prompt) : v[i].question, v[j].input, v[i].input));
			}
			continue;
		}
		rc = store_reply(a, p->id, &v[i], res, cause);
	}
	for (i = 0; rc == 0 && i < n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(v[j].rule, v[i].rule) == 0)
				break;
		if (j == i)
			mark_answered(a, p->id, v[i].rule, v, n, res);
	}
	if (rc == 0 && res->nrefused > 0)
		rc = EX_DATAERR;
	else if (rc == 0 && res->nconflicts > 0)
		rc = EX_TEMPFAIL;
	if (rc != 0 && *cause == NULL)
		*cause = xasprintf(P_("%zu answer in %s was not stored (see above)",
		    "%zu answers in %s were not stored (see above)", res->nrefused + res->nconflicts),
		    res->nrefused + res->nconflicts, r->file);
	project_free(p);
	free(v);
	return rc;
}

int
import_file(struct action *a, const char *path, const char *name,
    const char *target, struct import_result *res, char **cause)
{
	struct reader r = { path, NULL };
	const char *schema = NULL;
	json_t *root;
	int rc;

	memset(res, 0, sizeof(*res));
	*cause = NULL;
	if ((root = load(&r, path, &schema, &rc)) == NULL) {
		*cause = r.err;
		return rc;
	}
	if (strcmp(schema, EXPORT_PROJECT_SCHEMA) == 0)
		rc = import_project(a, &r, root, name, res, cause);
	else
		rc = import_packet(a, &r, root, target, res, cause);
	free(r.err);
	json_decref(root);
	return rc;
}
