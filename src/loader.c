/* Reading content files into the model: one schema table per mapping. */
#include <errno.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "airejse/arena.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/expr.h"
#include "airejse/i18n.h"
#include "airejse/hash.h"
#include "airejse/loader.h"
#include "airejse/settings.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"
#include "airejse/yamldoc.h"

/* Everything the loader reads lives in the content's arena. The lists
 * of struct content grow as files are read (by realloc, for they span
 * files) and pass to the arena when the last file is read; a list in a
 * file gets room for all its items at once (list_room). */
#define APPEND(arr, n, item) do {					\
	(arr) = xreallocarray((arr), (n) + 1, sizeof(*(arr)));		\
	(arr)[(n)++] = (item);						\
} while (0)

static struct content *
ctx_content(struct ydoc *y)
{
	return y->user;
}

/* The number of items of list node n (0 when it is not a list). */
static size_t
list_len(const yaml_node_t *n)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return 0;
	return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
}

/* Room for an item of size bytes for each item of list node n: each()
 * reads no more, and a handler is called once per mapping (ydoc_mapping
 * refuses a repeated key). */
static void *
list_room(struct ydoc *y, const yaml_node_t *n, size_t size)
{
	return arena_array(y->arena, list_len(n), size);
}

/* Calls fn for each item of a list node. */
static void
each(struct ydoc *y, yaml_node_t *n, const char *what,
    void (*fn)(struct ydoc *, yaml_node_t *, void *), void *arg)
{
	yaml_node_item_t *it;

	if (n->type != YAML_SEQUENCE_NODE) {
		ydoc_error(y, n, _("'%s' must be a list (lines starting with '- ')"), what);
		return;
	}
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(&y->doc, *it);

		if (item != NULL)
			fn(y, item, arg);
	}
}

/* Room in l for the items of list node n. */
static void
strlist_room(struct ydoc *y, struct strlist *l, const yaml_node_t *n)
{
	l->v = list_room(y, n, sizeof(*l->v));
	l->pos = list_room(y, n, sizeof(*l->pos));
	l->n = 0;
}

static void
strlist_push(struct ydoc *y, struct strlist *l, const char *s, struct srcpos pos)
{
	l->v[l->n] = arena_strdup(y->arena, s);
	l->pos[l->n++] = pos;
}

/* A struct ref at the field's offset: an identifier and where it is. */
static void
yf_ref(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct ref *r = (struct ref *)((char *)obj + f->offset);
	const char *s = ydoc_scalar(y, n);

	if (s == NULL)
		return;
	if (!content_is_id(s)) {
		ydoc_error(y, n, _("'%s' is not a valid identifier"), s);
		return;
	}
	r->id = arena_strdup(y->arena, s);
	r->pos = ydoc_pos(y, n);
}

/* A struct strlist at the field's offset: a list of scalars, or of
 * identifiers. */
static void
list_of(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f, bool ids)
{
	struct strlist *l = (struct strlist *)((char *)obj + f->offset);
	yaml_node_item_t *it;

	if (n->type == YAML_SCALAR_NODE) {
		ydoc_error(y, n, _("'%s' must be a list, e.g. [%s]"), f->key,
		    (const char *)n->data.scalar.value);
		return;
	}
	if (n->type != YAML_SEQUENCE_NODE) {
		ydoc_error(y, n, _("'%s' must be a list"), f->key);
		return;
	}
	strlist_room(y, l, n);
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(&y->doc, *it);
		const char *s;

		if (item == NULL || (s = ydoc_scalar(y, item)) == NULL)
			continue;
		if (*s == '\0') {
			ydoc_error(y, item, _("an empty item in '%s'"), f->key);
			continue;
		}
		if (ids && !content_is_id(s)) {
			ydoc_error(y, item, _("'%s' is not a valid identifier"), s);
			continue;
		}
		strlist_push(y, l, s, ydoc_pos(y, item));
	}
}

static void
yf_strlist(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	list_of(y, n, obj, f, false);
}

static void
yf_idlist(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	list_of(y, n, obj, f, true);
}

/* Conditions are parsed here, where the column of the text is known,
 * and bound to the questions once every file is read. */
static void
yf_cond(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct cond *c = (struct cond *)((char *)obj + f->offset);
	const char *s = ydoc_scalar(y, n);
	yaml_scalar_style_t style;
	char *msg = NULL;
	int col = 0;

	if (s == NULL)
		return;
	style = n->data.scalar.style;
	c->src = arena_strdup(y->arena, s);
	c->pos = ydoc_pos(y, n);
	c->exact = n->start_mark.line == n->end_mark.line &&
	    style != YAML_LITERAL_SCALAR_STYLE && style != YAML_FOLDED_SCALAR_STYLE;
	if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		c->pos.col++;
	c->expr = expr_parse(y->arena, s, &col, &msg);
	if (c->expr == NULL) {
		loader_cond_error(y->diags, c, col, msg);
		y->nerrors++;
		free(msg);
	}
}

void
loader_cond_error(struct diags *diags, const struct cond *c, int col, const char *msg)
{
	struct srcpos p = c->pos;

	if (c->exact) {
		p.col += col - 1;
		diag_add(diags, DIAG_ERROR, p.file, p.line, p.col, _("condition: %s"), msg);
	} else {
		diag_add(diags, DIAG_ERROR, p.file, p.line, p.col,
		    _("condition, at character %d: %s"), col, msg);
	}
}

static void
yf_qtype(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct question *q = obj;
	const char *s = ydoc_scalar(y, n);

	if (s != NULL && qtype_parse(s, &q->type) != 0)
		ydoc_error(y, n, _("unknown question type '%s'; use text, longtext, yesno, choice, multi, number, amount, date, email or url"), s);
	(void)f;
}

/* An enum basis at the field's offset (steps and checklist items). */
static void
yf_basis(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	enum basis *b = (enum basis *)((char *)obj + f->offset);
	const char *s = ydoc_scalar(y, n);

	if (s == NULL)
		return;
	if (strcmp(s, "law") == 0)
		*b = BASIS_LAW;
	else if (strcmp(s, "practice") == 0)
		*b = BASIS_PRACTICE;
	else
		ydoc_error(y, n, _("'basis' is law (lovkrav) or practice (god praksis), not '%s'"), s);
}

static void
yf_min(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct question *q = obj;

	yf_double(y, n, obj, f);
	q->has_min = true;
}

static void
yf_max(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct question *q = obj;

	yf_double(y, n, obj, f);
	q->has_max = true;
}

static void
yf_unit(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct question *q = obj;
	const char *s = ydoc_scalar(y, n);

	(void)f;
	if (s == NULL)
		return;
	if (strcmp(s, "percent") == 0)
		q->unit = QU_PERCENT;
	else
		ydoc_error(y, n, _("'unit' is percent, not '%s'"), s);
}

static void
yf_maxlen(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct question *q = obj;
	int v = -1;
	struct yfield g = *f;

	g.offset = 0;
	yf_int(y, n, &v, &g);
	if (v == -1)
		return;
	if (v < 1) {
		ydoc_error(y, n, _("'max_length' must be at least 1"));
		return;
	}
	q->maxlen = (size_t)v;
}

/* Options */

static const struct yfield option_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct qoption, id), true, NULL },
	{ "label", YAML_MAPPING_NODE, yf_text, offsetof(struct qoption, label), true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
option_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	struct question *q = arg;
	struct qoption o;

	memset(&o, 0, sizeof(o));
	o.pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, option_fields, &o) || o.id == NULL)
		return;
	q->options[q->noptions++] = o;
}

static void
yf_options(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct question *q = obj;

	q->options = list_room(y, n, sizeof(*q->options));
	each(y, n, f->key, option_item, obj);
}

/* Questions */

static const struct yfield question_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct question, id), true, NULL },
	{ "type", YAML_SCALAR_NODE, yf_qtype, 0, true, NULL },
	{ "prompt", YAML_MAPPING_NODE, yf_text, offsetof(struct question, prompt), true, NULL },
	{ "help", YAML_MAPPING_NODE, yf_text, offsetof(struct question, help), false, NULL },
	{ "options", YAML_SEQUENCE_NODE, yf_options, 0, false, NULL },
	{ "min", YAML_SCALAR_NODE, yf_min, offsetof(struct question, min), false, NULL },
	{ "max", YAML_SCALAR_NODE, yf_max, offsetof(struct question, max), false, NULL },
	{ "max_length", YAML_SCALAR_NODE, yf_maxlen, 0, false, NULL },
	{ "unit", YAML_SCALAR_NODE, yf_unit, 0, false, NULL },
	{ "legal", YAML_SEQUENCE_NODE, yf_strlist, offsetof(struct question, legal), false, NULL },
	{ "when", YAML_SCALAR_NODE, yf_cond, offsetof(struct question, when), false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

/* Reads a question definition; returns it (added to the content) or NULL. */
static struct question *
question_def(struct ydoc *y, yaml_node_t *n, bool bank)
{
	struct content *c = ctx_content(y);
	struct question *q = arena_alloc(y->arena, sizeof(*q));

	q->type = Q__COUNT;
	q->pos = ydoc_pos(y, n);
	q->bank = bank;
	if (!ydoc_mapping(y, n, question_fields, q) || q->id == NULL ||
	    q->type == Q__COUNT)
		return NULL;
	APPEND(c->questions, c->nquestions, q);
	return q;
}

static void
bank_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	(void)arg;
	question_def(y, n, true);
}

/* A step's question: a bank question's id, or a question defined here. */
static void
step_question_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	struct step *st = arg;
	struct question *q;

	if (n->type == YAML_SCALAR_NODE) {
		const char *id = (const char *)n->data.scalar.value;

		if (!content_is_id(id)) {
			ydoc_error(y, n, _("'%s' is not a valid question identifier"), id);
			return;
		}
		strlist_push(y, &st->question_ids, id, ydoc_pos(y, n));
		return;
	}
	if (n->type != YAML_MAPPING_NODE) {
		ydoc_error(y, n, _("a question is either the id of a bank question or a mapping that defines one"));
		return;
	}
	if ((q = question_def(y, n, false)) != NULL)
		strlist_push(y, &st->question_ids, q->id, q->pos);
}

static void
yf_step_questions(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct step *st = obj;

	strlist_room(y, &st->question_ids, n);
	each(y, n, f->key, step_question_item, obj);
}

/* Tracks */

static const struct yfield step_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct step, id), true, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct step, title), true, NULL },
	{ "owner", YAML_SCALAR_NODE, yf_ref, offsetof(struct step, owner_ref), true, NULL },
	{ "group", YAML_SCALAR_NODE, yf_ref, offsetof(struct step, group_ref), false, NULL },
	{ "source", YAML_SCALAR_NODE, yf_string, offsetof(struct step, source), true, NULL },
	{ "basis", YAML_SCALAR_NODE, yf_basis, offsetof(struct step, basis), false, NULL },
	{ "legal", YAML_SEQUENCE_NODE, yf_strlist, offsetof(struct step, legal), false, NULL },
	{ "needs", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct step, needs_ids), false, NULL },
	{ "terms", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct step, term_ids), false, NULL },
	{ "when", YAML_SCALAR_NODE, yf_cond, offsetof(struct step, when), false, NULL },
	{ "requires", YAML_SCALAR_NODE, yf_cond, offsetof(struct step, requires), false, NULL },
	{ "requires_text", YAML_MAPPING_NODE, yf_text, offsetof(struct step, requires_text), false, NULL },
	{ "guidance", YAML_MAPPING_NODE, yf_text, offsetof(struct step, guidance), false, NULL },
	{ "watch", YAML_MAPPING_NODE, yf_text, offsetof(struct step, watch), false, NULL },
	{ "why", YAML_MAPPING_NODE, yf_text, offsetof(struct step, why), false, NULL },
	{ "questions", YAML_SEQUENCE_NODE, yf_step_questions, 0, false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
step_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	struct phase *ph = arg;
	struct step st;

	memset(&st, 0, sizeof(st));
	st.pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, step_fields, &st) || st.id == NULL)
		return;
	ph->steps[ph->nsteps++] = st;
}

static void
yf_steps(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct phase *ph = obj;

	ph->steps = list_room(y, n, sizeof(*ph->steps));
	each(y, n, f->key, step_item, obj);
}

static const struct yfield phase_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct phase, id), true, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct phase, title), true, NULL },
	{ "summary", YAML_MAPPING_NODE, yf_text, offsetof(struct phase, summary), false, NULL },
	{ "steps", YAML_SEQUENCE_NODE, yf_steps, 0, true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
phase_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	struct track *t = arg;
	struct phase ph;

	memset(&ph, 0, sizeof(ph));
	ph.pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, phase_fields, &ph) || ph.id == NULL)
		return;
	if (ph.nsteps == 0)
		ydoc_error(y, n, _("phase '%s' has no steps"), ph.id);
	t->phases[t->nphases++] = ph;
}

static void
yf_phases(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct track *t = obj;

	t->phases = list_room(y, n, sizeof(*t->phases));
	each(y, n, f->key, phase_item, obj);
}

static const struct yfield track_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct track, id), true, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct track, title), true, NULL },
	{ "summary", YAML_MAPPING_NODE, yf_text, offsetof(struct track, summary), true, NULL },
	{ "source", YAML_SCALAR_NODE, yf_string, offsetof(struct track, source), true, NULL },
	{ "order", YAML_SCALAR_NODE, yf_int, offsetof(struct track, order), false, NULL },
	{ "phases", YAML_SEQUENCE_NODE, yf_phases, 0, true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
yf_track(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct content *c = ctx_content(y);
	struct track *t = arena_alloc(y->arena, sizeof(*t));

	(void)obj;
	(void)f;
	t->pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, track_fields, t) || t->id == NULL)
		return;
	if (t->nphases == 0)
		ydoc_error(y, n, _("track '%s' has no phases"), t->id);
	APPEND(c->tracks, c->ntracks, t);
}

/* Roles, groups, hand-offs, glossary, dates */

static const struct yfield role_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct role, id), true, NULL },
	{ "name", YAML_MAPPING_NODE, yf_text, offsetof(struct role, name), true, NULL },
	{ "description", YAML_MAPPING_NODE, yf_text, offsetof(struct role, description), true, NULL },
	{ "receives", YAML_MAPPING_NODE, yf_text, offsetof(struct role, receives), true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static const struct yfield group_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct group, id), true, NULL },
	{ "name", YAML_MAPPING_NODE, yf_text, offsetof(struct group, name), true, NULL },
	{ "description", YAML_MAPPING_NODE, yf_text, offsetof(struct group, description), false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static const struct yfield handoff_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct handoff_rule, id), true, NULL },
	{ "role", YAML_SCALAR_NODE, yf_ref, offsetof(struct handoff_rule, role_ref), true, NULL },
	{ "when", YAML_SCALAR_NODE, yf_cond, offsetof(struct handoff_rule, when), true, NULL },
	{ "reason", YAML_MAPPING_NODE, yf_text, offsetof(struct handoff_rule, reason), true, NULL },
	{ "questions", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct handoff_rule, question_ids), true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static const struct yfield glossary_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct glossary_entry, id), true, NULL },
	{ "term", YAML_MAPPING_NODE, yf_text, offsetof(struct glossary_entry, term), true, NULL },
	{ "definition", YAML_MAPPING_NODE, yf_text, offsetof(struct glossary_entry, definition), true, NULL },
	{ "see", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct glossary_entry, see), false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static const struct yfield date_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct legal_date, id), true, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct legal_date, title), true, NULL },
	{ "date", YAML_SCALAR_NODE, yf_date, offsetof(struct legal_date, date), true, NULL },
	{ "law", YAML_SCALAR_NODE, yf_string, offsetof(struct legal_date, law), true, NULL },
	{ "source", YAML_SCALAR_NODE, yf_string, offsetof(struct legal_date, source), true, NULL },
	{ "checked", YAML_SCALAR_NODE, yf_date, offsetof(struct legal_date, checked), true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

/* Defines a list handler that reads each item into a new T appended to
 * the content's array. */
#define LIST_OF(name, T, fields, arr, n)				\
static void								\
name##_item(struct ydoc *y, yaml_node_t *node, void *arg)		\
{									\
	struct content *c = ctx_content(y);				\
	T *o = arena_alloc(y->arena, sizeof(*o));			\
									\
	(void)arg;							\
	o->pos = ydoc_pos(y, node);					\
	if (!ydoc_mapping(y, node, fields, o) || o->id == NULL)		\
		return;							\
	APPEND(c->arr, c->n, o);					\
}									\
static void								\
yf_##name(struct ydoc *y, yaml_node_t *node, void *obj, const struct yfield *f) \
{									\
	(void)obj;							\
	each(y, node, f->key, name##_item, NULL);			\
}

LIST_OF(roles, struct role, role_fields, roles, nroles)
LIST_OF(groups, struct group, group_fields, groups, ngroups)
LIST_OF(handoffs, struct handoff_rule, handoff_fields, handoffs, nhandoffs)
LIST_OF(glossary, struct glossary_entry, glossary_fields, glossary, nglossary)
LIST_OF(dates, struct legal_date, date_fields, dates, ndates)

/* Checklists */

static const struct yfield note_fields[] = {
	{ "when", YAML_SCALAR_NODE, yf_cond, offsetof(struct cnote, when), true, NULL },
	{ "text", YAML_MAPPING_NODE, yf_text, offsetof(struct cnote, text), true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
note_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	struct citem *it = arg;
	struct cnote no;

	memset(&no, 0, sizeof(no));
	no.pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, note_fields, &no))
		return;
	it->notes[it->nnotes++] = no;
}

static void
yf_notes(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct citem *it = obj;

	it->notes = list_room(y, n, sizeof(*it->notes));
	each(y, n, f->key, note_item, obj);
}

static const struct yfield citem_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct citem, id), true, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct citem, title), true, NULL },
	{ "help", YAML_MAPPING_NODE, yf_text, offsetof(struct citem, help), false, NULL },
	{ "questions", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct citem, question_ids), true, NULL },
	{ "steps", YAML_SEQUENCE_NODE, yf_strlist, offsetof(struct citem, step_ids), false, NULL },
	{ "owner", YAML_SCALAR_NODE, yf_ref, offsetof(struct citem, owner_ref), false, NULL },
	{ "basis", YAML_SCALAR_NODE, yf_basis, offsetof(struct citem, basis), false, NULL },
	{ "legal", YAML_SEQUENCE_NODE, yf_strlist, offsetof(struct citem, legal), false, NULL },
	{ "when", YAML_SCALAR_NODE, yf_cond, offsetof(struct citem, when), false, NULL },
	{ "done", YAML_SCALAR_NODE, yf_cond, offsetof(struct citem, done), false, NULL },
	{ "blocked", YAML_SCALAR_NODE, yf_cond, offsetof(struct citem, blocked), false, NULL },
	{ "notes", YAML_SEQUENCE_NODE, yf_notes, 0, false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
citem_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	struct csection *sec = arg;
	struct citem it;

	memset(&it, 0, sizeof(it));
	it.pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, citem_fields, &it) || it.id == NULL)
		return;
	sec->items[sec->nitems++] = it;
}

static void
yf_citems(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct csection *sec = obj;

	sec->items = list_room(y, n, sizeof(*sec->items));
	each(y, n, f->key, citem_item, obj);
}

static const struct yfield csection_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct csection, id), true, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct csection, title), true, NULL },
	{ "summary", YAML_MAPPING_NODE, yf_text, offsetof(struct csection, summary), false, NULL },
	{ "items", YAML_SEQUENCE_NODE, yf_citems, 0, true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
csection_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	struct checklist *cl = arg;
	struct csection sec;

	memset(&sec, 0, sizeof(sec));
	sec.pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, csection_fields, &sec) || sec.id == NULL)
		return;
	if (sec.nitems == 0)
		ydoc_error(y, n, _("section '%s' has no items"), sec.id);
	cl->sections[cl->nsections++] = sec;
}

static void
yf_csections(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct checklist *cl = obj;

	cl->sections = list_room(y, n, sizeof(*cl->sections));
	each(y, n, f->key, csection_item, obj);
}

static void
yf_layout(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct checklist *cl = obj;
	const char *s = ydoc_scalar(y, n);

	if (s == NULL)
		return;
	if (strcmp(s, "table") == 0)
		cl->layout = CLAYOUT_TABLE;
	else if (strcmp(s, "document") == 0)
		cl->layout = CLAYOUT_DOCUMENT;
	else
		ydoc_error(y, n, _("'layout' is table (a checklist) or document (headings with the answers), not '%s'"), s);
	(void)f;
}

static const struct yfield checklist_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct checklist, id), true, NULL },
	{ "aliases", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct checklist, aliases), false, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct checklist, title), true, NULL },
	{ "summary", YAML_MAPPING_NODE, yf_text, offsetof(struct checklist, summary), true, NULL },
	{ "source", YAML_SCALAR_NODE, yf_string, offsetof(struct checklist, source), true, NULL },
	{ "order", YAML_SCALAR_NODE, yf_int, offsetof(struct checklist, order), false, NULL },
	{ "layout", YAML_SCALAR_NODE, yf_layout, 0, false, NULL },
	{ "legal", YAML_SEQUENCE_NODE, yf_strlist, offsetof(struct checklist, legal), false, NULL },
	{ "dates", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct checklist, date_ids), false, NULL },
	{ "sections", YAML_SEQUENCE_NODE, yf_csections, 0, true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
yf_checklist(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct content *c = ctx_content(y);
	struct checklist *cl = arena_alloc(y->arena, sizeof(*cl));

	(void)obj;
	(void)f;
	cl->pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, checklist_fields, cl) || cl->id == NULL)
		return;
	if (cl->nsections == 0)
		ydoc_error(y, n, _("checklist '%s' has no sections"), cl->id);
	APPEND(c->checklists, c->nchecklists, cl);
}

static const struct yfield packet_fields[] = {
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct packet, title), true, NULL },
	{ "intro", YAML_MAPPING_NODE, yf_text, offsetof(struct packet, intro), true, NULL },
	{ "context", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct packet, context_ids), true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
yf_packet(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct content *c = ctx_content(y);
	struct packet *p = arena_alloc(y->arena, sizeof(*p));

	(void)obj;
	(void)f;
	p->pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, packet_fields, p))
		return;
	if (c->packet != NULL) {
		ydoc_error(y, n, _("a second hand-off packet layout (the first is at %s:%d); keep one"),
		    c->packet->pos.file, c->packet->pos.line);
		return;
	}
	c->packet = p;
}

static void
yf_bank(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	(void)obj;
	each(y, n, f->key, bank_item, NULL);
}

static void
yf_format(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	int v = 0;
	struct yfield g = *f;

	(void)obj;
	g.offset = 0;
	yf_int(y, n, &v, &g);
	if (v != 1)
		ydoc_error(y, n, _("this airejse reads content format 1, not %s; update airejse or the file"),
		    (const char *)n->data.scalar.value);
}

static const struct yfield file_fields[] = {
	{ "format", YAML_SCALAR_NODE, yf_format, 0, false, NULL },
	{ "track", YAML_MAPPING_NODE, yf_track, 0, false, NULL },
	{ "roles", YAML_SEQUENCE_NODE, yf_roles, 0, false, NULL },
	{ "groups", YAML_SEQUENCE_NODE, yf_groups, 0, false, NULL },
	{ "questions", YAML_SEQUENCE_NODE, yf_bank, 0, false, NULL },
	{ "handoffs", YAML_SEQUENCE_NODE, yf_handoffs, 0, false, NULL },
	{ "glossary", YAML_SEQUENCE_NODE, yf_glossary, 0, false, NULL },
	{ "dates", YAML_SEQUENCE_NODE, yf_dates, 0, false, NULL },
	{ "checklist", YAML_MAPPING_NODE, yf_checklist, 0, false, NULL },
	{ "packet", YAML_MAPPING_NODE, yf_packet, 0, false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

int
loader_file(struct content *c, const char *file, struct diags *diags, bool *unread)
{
	struct ydoc y;
	yaml_node_t *root;
	int err = 0, rc;

	if (ydoc_load(&y, file, diags, &err) != 0) {
		*unread = true;
		return err != 0 ? EX_NOINPUT : EX_DATAERR;
	}
	y.user = c;
	y.arena = c->arena;
	if ((root = ydoc_root(&y)) == NULL)
		ydoc_warn_at(&y, ydoc_pos(&y, NULL), _("the file is empty"));
	else
		ydoc_mapping(&y, root, file_fields, c);
	rc = y.nerrors > 0 ? EX_DATAERR : 0;
	ydoc_free(&y);
	return rc;
}

/* The files to read from dir: its journeys/ and checklists/ YAML files,
 * with each override replacing a file of the same name. */
static int
collect(const char *dir, char *const *override, size_t noverride,
    struct diags *diags, char ***out, size_t *nout)
{
	static const char *const sub[] = { "journeys", "checklists" };
	char **files = NULL;
	size_t n = 0, i, j, k;
	struct stat sb;
	char *jdir = xasprintf("%s/journeys", dir);
	bool used;

	if (stat(jdir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		diag_add(diags, DIAG_ERROR, dir, 0, 0,
		    _("there is no content here (no journeys/ folder); use --content DIR or set AIREJSE_CONTENT"));
		free(jdir);
		return EX_NOINPUT;
	}
	free(jdir);
	for (i = 0; i < 2; i++) {
		char *pat = xasprintf("%s/%s/*.yaml", dir, sub[i]);
		glob_t g;

		if (glob(pat, 0, NULL, &g) == 0) {
			for (j = 0; j < g.gl_pathc; j++) {
				const char *base = strrchr(g.gl_pathv[j], '/') + 1;
				const char *file = g.gl_pathv[j];

				for (k = 0; k < noverride; k++) {
					const char *ob = strrchr(override[k], '/');

					if (strcmp(ob ? ob + 1 : override[k], base) == 0)
						file = override[k];
				}
				APPEND(files, n, xstrdup(file));
			}
			globfree(&g);
		}
		free(pat);
	}
	for (k = 0; k < noverride; k++) {
		used = false;
		for (j = 0; j < n; j++)
			if (strcmp(files[j], override[k]) == 0)
				used = true;
		if (!used)
			APPEND(files, n, xstrdup(override[k]));
	}
	*out = files;
	*nout = n;
	return 0;
}

void
loader_files_free(char **files, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

/* The content's lists grew by realloc as the files were read: the arena
 * takes them, so that it holds everything, whatever happens next. */
static void
adopt_lists(struct content *c)
{
	void *lists[] = { c->tracks, c->questions, c->roles, c->groups, c->handoffs,
	    c->glossary, c->dates, c->checklists };
	size_t i;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		arena_adopt(c->arena, lists[i]);
}

static int
load_list(char *const *files, size_t n, const char *dir, struct diags *diags,
    struct content **out)
{
	struct arena *a = arena_new();
	struct content *c = arena_alloc(a, sizeof(*c));
	size_t i;
	bool unread = false;
	int rc = 0, r;

	c->arena = a;
	c->dir = dir ? arena_strdup(a, dir) : NULL;
	c->files = arena_array(a, n, sizeof(*c->files));
	for (i = 0; i < n; i++)
		c->files[i] = arena_strdup(a, files[i]);
	c->nfiles = n;
	for (i = 0; i < n; i++) {
		r = loader_file(c, c->files[i], diags, &unread);
		if (r == EX_NOINPUT && rc == 0)
			rc = EX_NOINPUT;
		else if (r != 0 && rc == 0)
			rc = EX_DATAERR;
	}
	adopt_lists(c);
	/* With a file missing, every reference into it would be reported
	 * too; the reader fixes that file first. */
	if (!unread && content_link(c, diags) != 0 && rc == 0)
		rc = EX_DATAERR;
	if (rc != 0) {
		content_free(c);
		*out = NULL;
		return rc;
	}
	*out = c;
	return 0;
}

int
content_load(const char *dir, char *const *override, size_t noverride,
    struct diags *diags, struct content **out)
{
	char **files = NULL;
	size_t n = 0;
	int rc;

	*out = NULL;
	if ((rc = collect(dir, override, noverride, diags, &files, &n)) != 0)
		return rc;
	rc = load_list(files, n, dir, diags, out);
	loader_files_free(files, n);
	return rc;
}

int
content_load_files(char *const *paths, size_t n, struct diags *diags,
    struct content **out)
{
	return load_list(paths, n, NULL, diags, out);
}

/* The content cache: what the loader read, written field by field from
 * the same schema tables that read it, so a field added to a table is
 * cached without another line here. Conditions are kept as bound trees
 * (questions by index); the rest of the linking is redone on restore.
 * Restored content lives in one arena, its strings in the bytes read. */

struct wr {
	struct strbuf		 sb;
	const struct content	*c;
	bool			 bad;	/* a handler this file cannot save */
};

/* An operand whose question (or option of a question) is known by
 * index until every question has been read. */
struct fixup {
	struct operand	*o;
	uint32_t	 q, optq, opt;
};

struct rd {
	const unsigned char	*p, *end;
	struct content		*c;
	struct arena		*a;
	struct fixup		*fix;
	size_t			 nfix, capfix;
	bool			 bad;
};

static void
w_bytes(struct wr *w, const void *p, size_t n)
{
	sb_addn(&w->sb, p, n);
}

static void
w_u32(struct wr *w, uint32_t v)
{
	unsigned char b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >> 24) & 0xff };

	w_bytes(w, b, 4);
}

static void
w_i64(struct wr *w, int64_t v)
{
	w_u32(w, (uint32_t)((uint64_t)v & 0xffffffffu));
	w_u32(w, (uint32_t)((uint64_t)v >> 32));
}

static void
w_f64(struct wr *w, double d)
{
	uint64_t v;

	memcpy(&v, &d, sizeof(v));
	w_i64(w, (int64_t)v);
}

#define NULL_STR 0xffffffffu

/* A string is its length, its bytes and a NUL, so that restored content
 * can point at it where it lies. */
static void
w_str(struct wr *w, const char *s)
{
	if (s == NULL) {
		w_u32(w, NULL_STR);
		return;
	}
	w_u32(w, (uint32_t)strlen(s));
	w_bytes(w, s, strlen(s) + 1);
}

/* Where in the YAML a thing was is not kept: only the link reports
 * positions, and content read back links without a message (what does
 * not link is read from the YAML again, positions and all). Leaving them
 * out makes the cache a third smaller to check and read at every start. */
static void
w_pos(struct wr *w, struct srcpos p)
{
	(void)w;
	(void)p;
}

static void
w_text(struct wr *w, const struct text *t)
{
	int l;

	for (l = 0; l < LANG__COUNT; l++)
		w_str(w, t->s[l]);
}

static void
w_strlist(struct wr *w, const struct strlist *l)
{
	size_t i;

	w_u32(w, (uint32_t)l->n);
	for (i = 0; i < l->n; i++) {
		w_str(w, l->v[i]);
		w_pos(w, l->pos[i]);
	}
}

/* Reads are checked against the end, and a read past it leaves nothing
 * more to read, so a damaged file ends every loop at once. */
static inline uint32_t
r_u32(struct rd *r)
{
	uint32_t v;

	if (r->end - r->p < 4) {
		r->bad = true;
		r->p = r->end;
		return 0;
	}
	v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
	    (uint32_t)r->p[3] << 24;
	r->p += 4;
	return v;
}

static int64_t
r_i64(struct rd *r)
{
	uint64_t lo = r_u32(r), hi = r_u32(r);

	return (int64_t)(lo | hi << 32);
}

static double
r_f64(struct rd *r)
{
	uint64_t v = (uint64_t)r_i64(r);
	double d;

	memcpy(&d, &v, sizeof(d));
	return d;
}

/* A count of things each taking at least min bytes: bounded by what is
 * left, so a damaged file cannot make us allocate without end. */
static size_t
r_count(struct rd *r, size_t min)
{
	uint32_t n = r_u32(r);

	if (!r->bad && (size_t)n > (size_t)(r->end - r->p) / (min ? min : 1))
		r->bad = true;
	return r->bad ? 0 : n;
}

static char *
r_str(struct rd *r)
{
	uint32_t n = r_u32(r);
	char *s;

	if (r->bad || n == NULL_STR)
		return NULL;
	/* The NUL that ends it must be where its length says: then the
	 * string ends inside the bytes, whatever else they hold. */
	if ((size_t)(r->end - r->p) <= n || r->p[n] != '\0') {
		r->bad = true;
		return NULL;
	}
	/* Content is never written to once read: the bytes may be a
	 * read-only mapping of the cache file. */
	s = (char *)(uintptr_t)r->p;
	r->p += n + 1;
	return s;
}

static struct srcpos
r_pos(struct rd *r)
{
	struct srcpos p = { NULL, 0, 0 };

	(void)r;
	return p;
}

static void
r_text(struct rd *r, struct text *t)
{
	int l;

	for (l = 0; l < LANG__COUNT; l++)
		t->s[l] = r_str(r);
}

static void
r_strlist(struct rd *r, struct strlist *l)
{
	size_t n = r_count(r, 16), i;

	if (n == 0)
		return;
	l->v = arena_array(r->a, n, sizeof(*l->v));
	l->pos = arena_array(r->a, n, sizeof(*l->pos));
	for (i = 0; i < n && !r->bad; i++) {
		if ((l->v[i] = r_str(r)) == NULL) {
			r->bad = true;
			break;
		}
		l->n = i + 1;
		l->pos[i] = r_pos(r);
	}
}

/* A bound condition tree, node by node in prefix order. A node is a word
 * of its operator, comparison and which parts follow, its column, then
 * those parts: operand a, operand b, left, right. An operand is its kind
 * and column and what that kind needs: a question by index (content
 * questions are sorted by id when linked, and read back in that order),
 * an option by its question's index and its own. */
enum {
	NODE_A = 1u << 16, NODE_B = 1u << 17, NODE_L = 1u << 18, NODE_R = 1u << 19
};

static void
w_operand(struct wr *w, const struct operand *o, const struct question *owner)
{
	w_u32(w, o->kind);
	w_u32(w, (uint32_t)o->col);
	switch (o->kind) {
	case OPD_NAME:
	case OPD_STRING:
		w_str(w, o->name);
		break;
	case OPD_NUMBER:
		w_f64(w, o->num);
		break;
	case OPD_QUESTION:
		w_u32(w, (uint32_t)o->q->index);
		w_str(w, o->name);
		break;
	case OPD_SETTING:
		w_u32(w, (uint32_t)o->setting);
		w_str(w, o->name);
		break;
	case OPD_OPTION:
		/* An option is always on the right, of the question on the left. */
		if (owner == NULL || o->opt < owner->options ||
		    o->opt >= owner->options + owner->noptions) {
			w->bad = true;
			break;
		}
		w_u32(w, (uint32_t)owner->index);
		w_u32(w, (uint32_t)(o->opt - owner->options));
		break;
	case OPD_YES:
	case OPD_NO:
		break;
	}
}

/* The operands each operator has. */
static uint32_t
node_parts(enum expr_op op)
{
	switch (op) {
	case EXPR_OR:
	case EXPR_AND:
		return NODE_L | NODE_R;
	case EXPR_NOT:
		return NODE_L;
	case EXPR_CMP:
		return NODE_A | NODE_B;
	default:
		return NODE_A;
	}
}

static void
w_expr(struct wr *w, const struct expr *e)
{
	uint32_t parts;

	if (e == NULL) {
		w_u32(w, NULL_STR);	/* no condition */
		return;
	}
	parts = node_parts(e->op);
	w_u32(w, (uint32_t)e->op | (uint32_t)e->cmp << 8 | parts);
	w_u32(w, (uint32_t)e->col);
	if (parts & NODE_A)
		w_operand(w, &e->a, NULL);
	if (parts & NODE_B)
		w_operand(w, &e->b, e->a.q);
	if (parts & NODE_L)
		w_expr(w, e->l);
	if (parts & NODE_R)
		w_expr(w, e->r);
}

static void
fixup(struct rd *r, struct operand *o, uint32_t q, uint32_t optq, uint32_t opt)
{
	xgrow(&r->fix, &r->capfix, r->nfix + 1, sizeof(*r->fix));
	r->fix[r->nfix++] = (struct fixup){ o, q, optq, opt };
}

/* Reads an operand with what its kind needs, so that expr_eval and
 * expr_to_string never meet a NULL (questions and options are checked
 * when the fix-ups are made). */
static void
r_operand(struct rd *r, struct operand *o)
{
	uint32_t kind = r_u32(r), v;

	o->col = (int)r_u32(r);
	switch (kind) {
	case OPD_NAME:
	case OPD_STRING:
		if ((o->name = r_str(r)) == NULL)
			r->bad = true;
		break;
	case OPD_NUMBER:
		o->num = r_f64(r);
		break;
	case OPD_QUESTION:
		fixup(r, o, r_u32(r), NULL_STR, 0);
		o->name = r_str(r);
		break;
	case OPD_SETTING:
		if ((v = r_u32(r)) >= SETTING__COUNT)
			r->bad = true;
		o->setting = (int)v;
		o->name = r_str(r);
		break;
	case OPD_OPTION:
		v = r_u32(r);
		fixup(r, o, NULL_STR, v, r_u32(r));
		break;
	case OPD_YES:
	case OPD_NO:
		break;
	default:
		r->bad = true;
		return;
	}
	o->kind = (enum operand_kind)kind;
}

/* Conditions nest a few levels; a deeper tree is a damaged file. */
#define EXPR_DEPTH_MAX 64

static struct expr *
r_expr(struct rd *r, int depth)
{
	struct expr *e;
	uint32_t head = r_u32(r), op = head & 0xff, cmp = head >> 8 & 0xff;

	if (r->bad || head == NULL_STR)
		return NULL;
	if (op > EXPR_TRACK || cmp > CMP_INCLUDES || depth > EXPR_DEPTH_MAX ||
	    (head & ~0xffffu) != node_parts((enum expr_op)op)) {
		r->bad = true;
		return NULL;
	}
	e = arena_alloc(r->a, sizeof(*e));
	e->op = (enum expr_op)op;
	e->cmp = (enum expr_cmp)cmp;
	e->col = (int)r_u32(r);
	if (head & NODE_A)
		r_operand(r, &e->a);
	if (head & NODE_B)
		r_operand(r, &e->b);
	if (head & NODE_L && (e->l = r_expr(r, depth + 1)) == NULL)
		r->bad = true;
	if (head & NODE_R && (e->r = r_expr(r, depth + 1)) == NULL)
		r->bad = true;
	/* What evaluation takes for granted of the subject. */
	switch (e->op) {
	case EXPR_ANSWERED:
	case EXPR_UNKNOWN:
		r->bad |= e->a.kind != OPD_QUESTION;
		break;
	case EXPR_TRACK:
		r->bad |= e->a.kind != OPD_NAME;
		break;
	case EXPR_CMP:
		r->bad |= e->a.kind != OPD_QUESTION && e->a.kind != OPD_SETTING;
		break;
	default:
		break;
	}
	return r->bad ? NULL : e;
}

/* Points the operands read at their questions and options, now that
 * every question is read. */
static void
r_fixups(struct rd *r)
{
	const struct content *c = r->c;
	size_t i;

	for (i = 0; i < r->nfix && !r->bad; i++) {
		struct fixup *f = &r->fix[i];

		if (f->q != NULL_STR) {
			if (f->q >= c->nquestions)
				r->bad = true;
			else
				f->o->q = c->questions[f->q];
		} else if (f->optq >= c->nquestions || f->opt >= c->questions[f->optq]->noptions) {
			r->bad = true;
		} else {
			f->o->opt = &c->questions[f->optq]->options[f->opt];
		}
	}
}

/* A nested list of structs: where its array and count are, how big an
 * element is, its fields and where its position is. */
struct nested {
	yfield_fn		 fn;
	size_t			 array, count, size, pos;
	const struct yfield	*fields;
};

static const struct nested nested[] = {
	{ yf_options, offsetof(struct question, options), offsetof(struct question, noptions),
	    sizeof(struct qoption), offsetof(struct qoption, pos), option_fields },
	{ yf_steps, offsetof(struct phase, steps), offsetof(struct phase, nsteps),
	    sizeof(struct step), offsetof(struct step, pos), step_fields },
	{ yf_phases, offsetof(struct track, phases), offsetof(struct track, nphases),
	    sizeof(struct phase), offsetof(struct phase, pos), phase_fields },
	{ yf_notes, offsetof(struct citem, notes), offsetof(struct citem, nnotes),
	    sizeof(struct cnote), offsetof(struct cnote, pos), note_fields },
	{ yf_citems, offsetof(struct csection, items), offsetof(struct csection, nitems),
	    sizeof(struct citem), offsetof(struct citem, pos), citem_fields },
	{ yf_csections, offsetof(struct checklist, sections), offsetof(struct checklist, nsections),
	    sizeof(struct csection), offsetof(struct csection, pos), csection_fields },
};

static const struct nested *
nested_of(yfield_fn fn)
{
	size_t i;

	for (i = 0; i < sizeof(nested) / sizeof(nested[0]); i++)
		if (nested[i].fn == fn)
			return &nested[i];
	return NULL;
}

#define AT(obj, off, type) ((type *)((char *)(obj) + (off)))

static void save_fields(struct wr *w, const struct yfield *fields, const void *obj);
static void restore_fields(struct rd *r, const struct yfield *fields, void *obj);

static void
save_field(struct wr *w, const struct yfield *f, const void *obj)
{
	const struct nested *ne;
	const struct cond *c;
	size_t i, n;

	if (f->fn == yf_id || f->fn == yf_string || f->fn == yf_date) {
		w_str(w, *AT(obj, f->offset, char *const));
	} else if (f->fn == yf_text) {
		w_text(w, AT(obj, f->offset, const struct text));
	} else if (f->fn == yf_ref) {
		w_str(w, AT(obj, f->offset, const struct ref)->id);
		w_pos(w, AT(obj, f->offset, const struct ref)->pos);
	} else if (f->fn == yf_cond) {
		c = AT(obj, f->offset, const struct cond);
		w_str(w, c->src);
		w_pos(w, c->pos);
		w_u32(w, c->exact);
		w_expr(w, c->expr);
	} else if (f->fn == yf_strlist || f->fn == yf_idlist) {
		w_strlist(w, AT(obj, f->offset, const struct strlist));
	} else if (f->fn == yf_int) {
		w_i64(w, *AT(obj, f->offset, const int));
	} else if (f->fn == yf_double) {
		w_f64(w, *AT(obj, f->offset, const double));
	} else if (f->fn == yf_min || f->fn == yf_max) {
		const struct question *q = obj;

		w_u32(w, f->fn == yf_min ? q->has_min : q->has_max);
		w_f64(w, *AT(obj, f->offset, const double));
	} else if (f->fn == yf_maxlen) {
		w_i64(w, (int64_t)((const struct question *)obj)->maxlen);
	} else if (f->fn == yf_unit) {
		w_u32(w, ((const struct question *)obj)->unit);
	} else if (f->fn == yf_qtype) {
		w_u32(w, ((const struct question *)obj)->type);
	} else if (f->fn == yf_basis) {
		w_u32(w, *AT(obj, f->offset, const enum basis));
	} else if (f->fn == yf_layout) {
		w_u32(w, ((const struct checklist *)obj)->layout);
	} else if (f->fn == yf_step_questions) {
		w_strlist(w, &((const struct step *)obj)->question_ids);
	} else if ((ne = nested_of(f->fn)) != NULL) {
		const char *arr = *AT(obj, ne->array, const char *const);

		n = *AT(obj, ne->count, const size_t);
		w_u32(w, (uint32_t)n);
		for (i = 0; i < n; i++) {
			save_fields(w, ne->fields, arr + i * ne->size);
			w_pos(w, *AT(arr + i * ne->size, ne->pos, const struct srcpos));
		}
	} else {
		w->bad = true;
	}
}

static void
save_fields(struct wr *w, const struct yfield *fields, const void *obj)
{
	const struct yfield *f;

	for (f = fields; f->key != NULL; f++)
		save_field(w, f, obj);
}

static void
restore_field(struct rd *r, const struct yfield *f, void *obj)
{
	const struct nested *ne;
	struct cond *c;
	size_t i, n;
	uint32_t v;

	if (f->fn == yf_id || f->fn == yf_string || f->fn == yf_date) {
		*AT(obj, f->offset, char *) = r_str(r);
	} else if (f->fn == yf_text) {
		r_text(r, AT(obj, f->offset, struct text));
	} else if (f->fn == yf_ref) {
		AT(obj, f->offset, struct ref)->id = r_str(r);
		AT(obj, f->offset, struct ref)->pos = r_pos(r);
	} else if (f->fn == yf_cond) {
		c = AT(obj, f->offset, struct cond);
		c->src = r_str(r);
		c->pos = r_pos(r);
		c->exact = r_u32(r) != 0;
		c->expr = r_expr(r, 0);
		/* Every condition written has its tree, and only those. */
		if ((c->src == NULL) != (c->expr == NULL))
			r->bad = true;
	} else if (f->fn == yf_strlist || f->fn == yf_idlist) {
		r_strlist(r, AT(obj, f->offset, struct strlist));
	} else if (f->fn == yf_int) {
		*AT(obj, f->offset, int) = (int)r_i64(r);
	} else if (f->fn == yf_double) {
		*AT(obj, f->offset, double) = r_f64(r);
	} else if (f->fn == yf_min || f->fn == yf_max) {
		struct question *q = obj;
		bool has = r_u32(r) != 0;

		if (f->fn == yf_min)
			q->has_min = has;
		else
			q->has_max = has;
		*AT(obj, f->offset, double) = r_f64(r);
	} else if (f->fn == yf_maxlen) {
		((struct question *)obj)->maxlen = (size_t)r_i64(r);
	} else if (f->fn == yf_unit) {
		if ((v = r_u32(r)) > QU_PERCENT)
			r->bad = true;
		else
			((struct question *)obj)->unit = (enum qunit)v;
	} else if (f->fn == yf_qtype) {
		if ((v = r_u32(r)) >= Q__COUNT)
			r->bad = true;
		else
			((struct question *)obj)->type = (enum qtype)v;
	} else if (f->fn == yf_basis) {
		if ((v = r_u32(r)) > BASIS_PRACTICE)
			r->bad = true;
		else
			*AT(obj, f->offset, enum basis) = (enum basis)v;
	} else if (f->fn == yf_layout) {
		if ((v = r_u32(r)) > CLAYOUT_DOCUMENT)
			r->bad = true;
		else
			((struct checklist *)obj)->layout = (enum clayout)v;
	} else if (f->fn == yf_step_questions) {
		r_strlist(r, &((struct step *)obj)->question_ids);
	} else if ((ne = nested_of(f->fn)) != NULL) {
		char *arr;

		n = r_count(r, 4);
		arr = n ? arena_array(r->a, n, ne->size) : NULL;
		*AT(obj, ne->array, char *) = arr;
		*AT(obj, ne->count, size_t) = n;
		for (i = 0; i < n && !r->bad; i++) {
			restore_fields(r, ne->fields, arr + i * ne->size);
			*AT(arr + i * ne->size, ne->pos, struct srcpos) = r_pos(r);
		}
	} else {
		r->bad = true;
	}
}

/* What the loader insists on, insisted on again: a field it requires is
 * there, and a text is in both languages or neither. Code past the
 * loader counts on both, and a cache may be damaged. */
static bool
field_ok(const struct yfield *f, const void *obj)
{
	if (f->fn == yf_text) {
		const struct text *t = AT(obj, f->offset, const struct text);

		return (t->s[LANG_DA] == NULL) == (t->s[LANG_EN] == NULL) &&
		    (!f->required || t->s[LANG_DA] != NULL);
	}
	if (!f->required)
		return true;
	if (f->fn == yf_id || f->fn == yf_string || f->fn == yf_date)
		return *AT(obj, f->offset, char *const) != NULL;
	if (f->fn == yf_ref)
		return AT(obj, f->offset, const struct ref)->id != NULL;
	if (f->fn == yf_cond)
		return AT(obj, f->offset, const struct cond)->expr != NULL;
	return true;
}

static void
restore_fields(struct rd *r, const struct yfield *fields, void *obj)
{
	const struct yfield *f;

	for (f = fields; f->key != NULL && !r->bad; f++) {
		restore_field(r, f, obj);
		if (!field_ok(f, obj))
			r->bad = true;
	}
}

/* The top-level lists, each an array of pointers to structs. */
struct toplevel {
	size_t			 array, count, size, pos;
	const struct yfield	*fields;
};

static const struct toplevel toplevels[] = {
	{ offsetof(struct content, tracks), offsetof(struct content, ntracks),
	    sizeof(struct track), offsetof(struct track, pos), track_fields },
	{ offsetof(struct content, questions), offsetof(struct content, nquestions),
	    sizeof(struct question), offsetof(struct question, pos), question_fields },
	{ offsetof(struct content, roles), offsetof(struct content, nroles),
	    sizeof(struct role), offsetof(struct role, pos), role_fields },
	{ offsetof(struct content, groups), offsetof(struct content, ngroups),
	    sizeof(struct group), offsetof(struct group, pos), group_fields },
	{ offsetof(struct content, handoffs), offsetof(struct content, nhandoffs),
	    sizeof(struct handoff_rule), offsetof(struct handoff_rule, pos), handoff_fields },
	{ offsetof(struct content, glossary), offsetof(struct content, nglossary),
	    sizeof(struct glossary_entry), offsetof(struct glossary_entry, pos), glossary_fields },
	{ offsetof(struct content, dates), offsetof(struct content, ndates),
	    sizeof(struct legal_date), offsetof(struct legal_date, pos), date_fields },
	{ offsetof(struct content, checklists), offsetof(struct content, nchecklists),
	    sizeof(struct checklist), offsetof(struct checklist, pos), checklist_fields },
};

int
loader_save(const struct content *c, char **out, size_t *len)
{
	struct wr w = { STRBUF_INIT, c, false };
	size_t t, i, n;

	w_u32(&w, (uint32_t)c->nfiles);
	for (i = 0; i < c->nfiles; i++)
		w_str(&w, c->files[i]);
	for (t = 0; t < sizeof(toplevels) / sizeof(toplevels[0]); t++) {
		const struct toplevel *tl = &toplevels[t];
		void *const *arr = *AT(c, tl->array, void **const);

		n = *AT(c, tl->count, const size_t);
		w_u32(&w, (uint32_t)n);
		for (i = 0; i < n; i++) {
			save_fields(&w, tl->fields, arr[i]);
			w_pos(&w, *AT(arr[i], tl->pos, const struct srcpos));
		}
	}
	/* What no table holds. */
	for (i = 0; i < c->nquestions; i++)
		w_u32(&w, c->questions[i]->bank);
	w_u32(&w, c->packet != NULL);
	if (c->packet != NULL) {
		save_fields(&w, packet_fields, c->packet);
		w_pos(&w, c->packet->pos);
	}
	if (w.bad) {
		sb_free(&w.sb);
		return -1;
	}
	*len = w.sb.len;
	*out = sb_detach(&w.sb);
	return 0;
}

int
loader_restore_in(struct arena *a, const char *dir, const void *data, size_t len,
    struct content **out)
{
	struct content *c = arena_alloc(a, sizeof(*c));
	struct rd r = { data, (const unsigned char *)data + len, c, a, NULL, 0, 0, false };
	struct diags d = { 0 };
	size_t t, i, n;

	*out = NULL;
	c->arena = a;
	c->dir = dir ? arena_strdup(a, dir) : NULL;
	n = r_count(&r, 4);
	c->files = arena_array(a, n, sizeof(*c->files));
	for (i = 0; i < n && !r.bad; i++) {
		if ((c->files[i] = r_str(&r)) == NULL)
			r.bad = true;
		else
			c->nfiles++;
	}
	for (t = 0; t < sizeof(toplevels) / sizeof(toplevels[0]) && !r.bad; t++) {
		const struct toplevel *tl = &toplevels[t];
		void **arr;

		n = r_count(&r, 4);
		arr = arena_array(a, n, sizeof(*arr));
		*AT(c, tl->array, void **) = arr;
		for (i = 0; i < n && !r.bad; i++) {
			arr[i] = arena_alloc(a, tl->size);
			*AT(c, tl->count, size_t) = i + 1;
			restore_fields(&r, tl->fields, arr[i]);
			*AT(arr[i], tl->pos, struct srcpos) = r_pos(&r);
		}
	}
	for (i = 0; i < c->nquestions && !r.bad; i++)
		c->questions[i]->bank = r_u32(&r) != 0;
	if (!r.bad && r_u32(&r) != 0) {
		c->packet = arena_alloc(a, sizeof(*c->packet));
		restore_fields(&r, packet_fields, c->packet);
		c->packet->pos = r_pos(&r);
	}
	r_fixups(&r);
	free(r.fix);
	if (r.bad || r.p != r.end || content_relink(c, &d) != 0 || d.nerrors > 0) {
		diag_free(&d);
		content_free(c);
		return -1;
	}
	diag_free(&d);
	*out = c;
	return 0;
}

int
loader_restore(const char *dir, const void *data, size_t len, struct content **out)
{
	struct arena *a = arena_new();
	void *copy = xmalloc(len ? len : 1);

	memcpy(copy, data, len);
	arena_adopt(a, copy);
	return loader_restore_in(a, dir, copy, len, out);
}

/* Hashes every table's keys and handler kinds, so a cache written by a
 * program with another schema is never read. */
static void
hash_fields(uint64_t *h, const struct yfield *fields, int depth)
{
	const struct yfield *f;
	const struct nested *ne;

	for (f = fields; f->key != NULL; f++) {
		*h = hash_str(*h, f->key);
		*h = hash_bytes(*h, &f->offset, sizeof(f->offset));
		if ((ne = nested_of(f->fn)) != NULL && depth < 8)
			hash_fields(h, ne->fields, depth + 1);
	}
}

uint64_t
loader_schema_hash(void)
{
	uint64_t h = HASH_INIT;
	size_t t;

	for (t = 0; t < sizeof(toplevels) / sizeof(toplevels[0]); t++)
		hash_fields(&h, toplevels[t].fields, 0);
	hash_fields(&h, packet_fields, 0);
	return h;
}

int
loader_files(const char *dir, struct diags *diags, char ***files, size_t *n)
{
	return collect(dir, NULL, 0, diags, files, n);
}
