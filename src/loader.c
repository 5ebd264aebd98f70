/* SPDX-License-Identifier: EUPL-1.2 */
/* Reading content files into the model: one schema table per mapping. */
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
#include "airejse/linker.h"
#include "airejse/loader.h"
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
		linker_cond_error(y->diags, c, col, msg);
		y->nerrors++;
		free(msg);
	}
}

#define AT(obj, off, type) ((type *)((char *)(obj) + (off)))

/* An enum qtype at the field's offset. */
static void
yf_qtype(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	const char *s = ydoc_scalar(y, n);

	if (s != NULL && qtype_parse(s, AT(obj, f->offset, enum qtype)) != 0)
		ydoc_error(y, n, _("unknown question type '%s'; use text, longtext, yesno, choice, multi, number, amount, date, email or url"), s);
}

/* An enum basis at the field's offset (steps and checklist items). */
static void
yf_basis(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	enum basis *b = AT(obj, f->offset, enum basis);
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

/* A size_t at the field's offset: a count of characters. */
/* An enum qunit at the field's offset. */
static void
yf_unit(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	const char *s = ydoc_scalar(y, n);

	if (s == NULL)
		return;
	if (strcmp(s, "percent") == 0)
		*AT(obj, f->offset, enum qunit) = QU_PERCENT;
	else
		ydoc_error(y, n, _("'unit' is percent, not '%s'"), s);
}

static void
yf_maxlen(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
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
	*AT(obj, f->offset, size_t) = (size_t)v;
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
	{ "type", YAML_SCALAR_NODE, yf_qtype, offsetof(struct question, type), true, NULL },
	{ "prompt", YAML_MAPPING_NODE, yf_text, offsetof(struct question, prompt), true, NULL },
	{ "help", YAML_MAPPING_NODE, yf_text, offsetof(struct question, help), false, NULL },
	{ "options", YAML_SEQUENCE_NODE, yf_options, offsetof(struct question, options), false, NULL },
	{ "min", YAML_SCALAR_NODE, yf_min, offsetof(struct question, min), false, NULL },
	{ "max", YAML_SCALAR_NODE, yf_max, offsetof(struct question, max), false, NULL },
	{ "max_length", YAML_SCALAR_NODE, yf_maxlen, offsetof(struct question, maxlen), false, NULL },
	{ "unit", YAML_SCALAR_NODE, yf_unit, offsetof(struct question, unit), false, NULL },
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
	strlist_room(y, AT(obj, f->offset, struct strlist), n);
	each(y, n, f->key, step_question_item, obj);
}

/* Tracks */

/* group_confirmed: true or false; kept as its opposite, so that a step
 * without the key (zeroed) has a confirmed group. */
static void
yf_group_confirmed(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	const char *v = ydoc_scalar(y, n);

	if (v == NULL)
		return;
	if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0) {
		ydoc_error(y, n, _("'%s' is true or false, not '%s'"), f->key, v);
		return;
	}
	*AT(obj, f->offset, bool) = strcmp(v, "false") == 0;
}

static const struct yfield step_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct step, id), true, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct step, title), true, NULL },
	{ "owner", YAML_SCALAR_NODE, yf_ref, offsetof(struct step, owner_ref), true, NULL },
	{ "group", YAML_SCALAR_NODE, yf_ref, offsetof(struct step, group_ref), false, NULL },
	{ "group_confirmed", YAML_SCALAR_NODE, yf_group_confirmed, offsetof(struct step, group_assumed), false, NULL },
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
	{ "questions", YAML_SEQUENCE_NODE, yf_step_questions, offsetof(struct step, question_ids), false, NULL },
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
	{ "source_kind", YAML_SCALAR_NODE, yf_string, offsetof(struct legal_date, source_kind), false, NULL },
	{ "celex", YAML_SCALAR_NODE, yf_string, offsetof(struct legal_date, celex), false, NULL },
	{ "url", YAML_SCALAR_NODE, yf_string, offsetof(struct legal_date, url), false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static const struct yfield law_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct law, id), true, NULL },
	{ "cite", YAML_SCALAR_NODE, yf_string, offsetof(struct law, cite), true, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct law, title), true, NULL },
	{ "source", YAML_SCALAR_NODE, yf_string, offsetof(struct law, source), true, NULL },
	{ "checked", YAML_SCALAR_NODE, yf_date, offsetof(struct law, checked), true, NULL },
	{ "source_kind", YAML_SCALAR_NODE, yf_string, offsetof(struct law, source_kind), false, NULL },
	{ "celex", YAML_SCALAR_NODE, yf_string, offsetof(struct law, celex), false, NULL },
	{ "url", YAML_SCALAR_NODE, yf_string, offsetof(struct law, url), false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static const struct yfield fact_value_fields[] = {
	{ "value", YAML_SCALAR_NODE, yf_double, offsetof(struct fact_value, value), true, NULL },
	{ "eur", YAML_SCALAR_NODE, yf_double, offsetof(struct fact_value, eur), false, NULL },
	{ "from", YAML_SCALAR_NODE, yf_date, offsetof(struct fact_value, from), true, NULL },
	{ "until", YAML_SCALAR_NODE, yf_date, offsetof(struct fact_value, until), false, NULL },
	{ "source", YAML_SCALAR_NODE, yf_string, offsetof(struct fact_value, source), true, NULL },
	{ "source_kind", YAML_SCALAR_NODE, yf_string, offsetof(struct fact_value, source_kind), false, NULL },
	{ "celex", YAML_SCALAR_NODE, yf_string, offsetof(struct fact_value, celex), false, NULL },
	{ "checked", YAML_SCALAR_NODE, yf_date, offsetof(struct fact_value, checked), true, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
fact_value_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	struct fact *f = arg;
	struct fact_value v;

	memset(&v, 0, sizeof(v));
	v.pos = ydoc_pos(y, n);
	/* The loader reports what is missing; a value without a day or a
	 * check date cannot be placed or trusted. */
	if (!ydoc_mapping(y, n, fact_value_fields, &v) || v.from == NULL || v.checked == NULL ||
	    v.source == NULL)
		return;
	f->values[f->nvalues++] = v;
}

static void
yf_fact_values(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct fact *fa = obj;

	fa->values = list_room(y, n, sizeof(*fa->values));
	each(y, n, f->key, fact_value_item, obj);
}

static const struct yfield fact_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct fact, id), true, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct fact, title), true, NULL },
	{ "unit", YAML_SCALAR_NODE, yf_string, offsetof(struct fact, unit), false, NULL },
	{ "law", YAML_SCALAR_NODE, yf_string, offsetof(struct fact, law), true, NULL },
	{ "values", YAML_SEQUENCE_NODE, yf_fact_values, 0, true, NULL },
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
LIST_OF(facts, struct fact, fact_fields, facts, nfacts)
LIST_OF(laws, struct law, law_fields, laws, nlaws)

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

static void
title_item(struct ydoc *y, yaml_node_t *n, void *arg)
{
	struct checklist *cl = arg;
	struct cnote no;

	memset(&no, 0, sizeof(no));
	no.pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, note_fields, &no))
		return;
	cl->titles[cl->ntitles++] = no;
}

/* A checklist's titles by what applies: each a condition and a text,
 * as an item's notes. */
static void
yf_titles(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct checklist *cl = obj;

	cl->titles = list_room(y, n, sizeof(*cl->titles));
	each(y, n, f->key, title_item, obj);
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

/* An enum clayout at the field's offset. */
static void
yf_layout(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	enum clayout *l = AT(obj, f->offset, enum clayout);
	const char *s = ydoc_scalar(y, n);

	if (s == NULL)
		return;
	if (strcmp(s, "table") == 0)
		*l = CLAYOUT_TABLE;
	else if (strcmp(s, "document") == 0)
		*l = CLAYOUT_DOCUMENT;
	else
		ydoc_error(y, n, _("'layout' is table (a checklist) or document (headings with the answers), not '%s'"), s);
}

static const struct yfield checklist_fields[] = {
	{ "id", YAML_SCALAR_NODE, yf_id, offsetof(struct checklist, id), true, NULL },
	{ "aliases", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct checklist, aliases), false, NULL },
	{ "title", YAML_MAPPING_NODE, yf_text, offsetof(struct checklist, title), true, NULL },
	{ "titles", YAML_SEQUENCE_NODE, yf_titles, 0, false, NULL },
	{ "summary", YAML_MAPPING_NODE, yf_text, offsetof(struct checklist, summary), true, NULL },
	{ "source", YAML_SCALAR_NODE, yf_string, offsetof(struct checklist, source), true, NULL },
	{ "order", YAML_SCALAR_NODE, yf_int, offsetof(struct checklist, order), false, NULL },
	{ "layout", YAML_SCALAR_NODE, yf_layout, offsetof(struct checklist, layout), false, NULL },
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

/* Reads a mapping of which the content holds one into *slot, a new
 * object of size bytes with its struct srcpos at pos_off; second is the
 * message for another one (the first's file and line). */
static void
one_of(struct ydoc *y, yaml_node_t *n, const struct yfield *fields, size_t size,
    size_t pos_off, void **slot, const char *second)
{
	void *obj = arena_alloc(y->arena, size);
	const struct srcpos *first;

	*AT(obj, pos_off, struct srcpos) = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, fields, obj))
		return;
	if (*slot != NULL) {
		first = AT(*slot, pos_off, const struct srcpos);
		ydoc_error(y, n, second, first->file, first->line);
		return;
	}
	*slot = obj;
}

static void
yf_packet(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	(void)obj;
	(void)f;
	one_of(y, n, packet_fields, sizeof(struct packet), offsetof(struct packet, pos),
	    (void **)&ctx_content(y)->packet,
	    _("a second hand-off packet layout (the first is at %s:%d); keep one"));
}

#define CAL_FIELD(key, fn, member) \
	{ key, YAML_SCALAR_NODE, fn, offsetof(struct calmap, member), true, NULL }
static const struct yfield calendar_fields[] = {
	{ "project_dates", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct calmap, project_dates), true, NULL },
	{ "trial_start", YAML_SEQUENCE_NODE, yf_idlist, offsetof(struct calmap, trial_start), true, NULL },
	CAL_FIELD("go_live", yf_ref, go_live),
	CAL_FIELD("contract_signed", yf_ref, contract_signed),
	CAL_FIELD("contract_years", yf_ref, contract_years),
	CAL_FIELD("tender_date", yf_ref, tender_date),
	CAL_FIELD("certificate_until", yf_ref, certificate_until),
	CAL_FIELD("annex_iii", yf_cond, annex_iii),
	CAL_FIELD("annex_iii_point2", yf_cond, annex_iii_point2),
	CAL_FIELD("annex_iii_ruled_out", yf_cond, annex_iii_ruled_out),
	CAL_FIELD("annex_i", yf_cond, annex_i),
	CAL_FIELD("annex_i_ruled_out", yf_cond, annex_i_ruled_out),
	CAL_FIELD("provider", yf_cond, provider),
	CAL_FIELD("transparency", yf_cond, transparency),
	CAL_FIELD("mdd_class_iii", yf_cond, mdd_class_iii),
	CAL_FIELD("mdd_class_ii", yf_cond, mdd_class_ii),
	CAL_FIELD("ai_literacy_date", yf_ref, ai_literacy_date),
	CAL_FIELD("annex_iii_date", yf_ref, annex_iii_date),
	CAL_FIELD("annex_i_date", yf_ref, annex_i_date),
	CAL_FIELD("public_authority_date", yf_ref, public_authority_date),
	CAL_FIELD("transparency_date", yf_ref, transparency_date),
	CAL_FIELD("mdd_class_iii_date", yf_ref, mdd_class_iii_date),
	CAL_FIELD("mdd_class_ii_date", yf_ref, mdd_class_ii_date),
	CAL_FIELD("threshold", yf_ref, threshold),
	{ NULL, 0, NULL, 0, false, NULL }
};
#undef CAL_FIELD

static void
yf_calendar(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	(void)obj;
	(void)f;
	one_of(y, n, calendar_fields, sizeof(struct calmap), offsetof(struct calmap, pos),
	    (void **)&ctx_content(y)->calendar,
	    _("a second calendar (the first is at %s:%d); keep one"));
}

#define REF_FIELD(T, key, member) \
	{ key, YAML_SCALAR_NODE, yf_ref, offsetof(T, member), true, NULL }
static const struct yfield contract_fields[] = {
	REF_FIELD(struct contractmap, "typed_value", typed_value),
	REF_FIELD(struct contractmap, "one_off", one_off),
	REF_FIELD(struct contractmap, "yearly", yearly),
	REF_FIELD(struct contractmap, "years", years),
	{ NULL, 0, NULL, 0, false, NULL }
};

static const struct yfield bizcase_fields[] = {
	REF_FIELD(struct bizmap, "setup", setup),
	REF_FIELD(struct bizmap, "development", development),
	REF_FIELD(struct bizmap, "running", running),
	REF_FIELD(struct bizmap, "staff_hours", staff_hours),
	REF_FIELD(struct bizmap, "task_hours", task_hours),
	REF_FIELD(struct bizmap, "staff_group", staff_group),
	REF_FIELD(struct bizmap, "saving_expected", saving_expected),
	REF_FIELD(struct bizmap, "saving_measured", saving_measured),
	REF_FIELD(struct bizmap, "other_benefit", other_benefit),
	REF_FIELD(struct bizmap, "alternative_setup", alternative_setup),
	REF_FIELD(struct bizmap, "alternative_running", alternative_running),
	REF_FIELD(struct bizmap, "risks", risks),
	REF_FIELD(struct bizmap, "decision", decision),
	{ NULL, 0, NULL, 0, false, NULL }
};
#undef REF_FIELD

static void
yf_contract(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	(void)obj;
	(void)f;
	one_of(y, n, contract_fields, sizeof(struct contractmap), offsetof(struct contractmap, pos),
	    (void **)&ctx_content(y)->contract,
	    _("a second contract block (the first is at %s:%d); keep one"));
}

static void
yf_bizcase(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	(void)obj;
	(void)f;
	one_of(y, n, bizcase_fields, sizeof(struct bizmap), offsetof(struct bizmap, pos),
	    (void **)&ctx_content(y)->bizcase,
	    _("a second business_case block (the first is at %s:%d); keep one"));
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
	{ "facts", YAML_SEQUENCE_NODE, yf_facts, 0, false, NULL },
	{ "laws", YAML_SEQUENCE_NODE, yf_laws, 0, false, NULL },
	{ "checklist", YAML_MAPPING_NODE, yf_checklist, 0, false, NULL },
	{ "packet", YAML_MAPPING_NODE, yf_packet, 0, false, NULL },
	{ "calendar", YAML_MAPPING_NODE, yf_calendar, 0, false, NULL },
	{ "contract", YAML_MAPPING_NODE, yf_contract, 0, false, NULL },
	{ "business_case", YAML_MAPPING_NODE, yf_bizcase, 0, false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

/* Reads one file into c; returns 0, EX_NOINPUT or EX_DATAERR. Sets
 * *unread when the file could not be read or parsed at all. */
static int
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
	const struct loader_list *l;

	for (l = loader_lists; l->fields != NULL; l++)
		arena_adopt(c->arena, *AT(c, l->array, void *));
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
	if (!unread && linker_link(c, diags) != 0 && rc == 0)
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
loader_load(const char *dir, char *const *override, size_t noverride,
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
loader_load_files(char *const *paths, size_t n, struct diags *diags,
    struct content **out)
{
	return load_list(paths, n, NULL, diags, out);
}

/* What the loader fills, as the cache sees it (loader.h). */

static const struct {
	yfield_fn		 fn;
	struct loader_list	 list;
} nested[] = {
	{ yf_options, { offsetof(struct question, options), offsetof(struct question, noptions),
	    sizeof(struct qoption), offsetof(struct qoption, pos), option_fields } },
	{ yf_steps, { offsetof(struct phase, steps), offsetof(struct phase, nsteps),
	    sizeof(struct step), offsetof(struct step, pos), step_fields } },
	{ yf_phases, { offsetof(struct track, phases), offsetof(struct track, nphases),
	    sizeof(struct phase), offsetof(struct phase, pos), phase_fields } },
	{ yf_fact_values, { offsetof(struct fact, values), offsetof(struct fact, nvalues),
	    sizeof(struct fact_value), offsetof(struct fact_value, pos), fact_value_fields } },
	{ yf_notes, { offsetof(struct citem, notes), offsetof(struct citem, nnotes),
	    sizeof(struct cnote), offsetof(struct cnote, pos), note_fields } },
	{ yf_titles, { offsetof(struct checklist, titles), offsetof(struct checklist, ntitles),
	    sizeof(struct cnote), offsetof(struct cnote, pos), note_fields } },
	{ yf_citems, { offsetof(struct csection, items), offsetof(struct csection, nitems),
	    sizeof(struct citem), offsetof(struct citem, pos), citem_fields } },
	{ yf_csections, { offsetof(struct checklist, sections), offsetof(struct checklist, nsections),
	    sizeof(struct csection), offsetof(struct csection, pos), csection_fields } },
};

const struct loader_list loader_lists[] = {
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
	{ offsetof(struct content, facts), offsetof(struct content, nfacts),
	    sizeof(struct fact), offsetof(struct fact, pos), fact_fields },
	{ offsetof(struct content, checklists), offsetof(struct content, nchecklists),
	    sizeof(struct checklist), offsetof(struct checklist, pos), checklist_fields },
	{ offsetof(struct content, laws), offsetof(struct content, nlaws),
	    sizeof(struct law), offsetof(struct law, pos), law_fields },
	{ 0, 0, 0, 0, NULL }
};

const struct loader_list loader_singles[] = {
	{ offsetof(struct content, packet), 0, sizeof(struct packet),
	    offsetof(struct packet, pos), packet_fields },
	{ offsetof(struct content, calendar), 0, sizeof(struct calmap),
	    offsetof(struct calmap, pos), calendar_fields },
	{ offsetof(struct content, contract), 0, sizeof(struct contractmap),
	    offsetof(struct contractmap, pos), contract_fields },
	{ offsetof(struct content, bizcase), 0, sizeof(struct bizmap),
	    offsetof(struct bizmap, pos), bizcase_fields },
	{ 0, 0, 0, 0, NULL }
};

struct loader_field
loader_field(const struct yfield *f)
{
	struct loader_field lf = { LOADER_UNKNOWN, 0, 0, NULL };
	size_t i;

	if (f->fn == yf_id || f->fn == yf_string || f->fn == yf_date) {
		lf.kind = LOADER_STRING;
	} else if (f->fn == yf_text) {
		lf.kind = LOADER_TEXT;
	} else if (f->fn == yf_ref) {
		lf.kind = LOADER_REF;
	} else if (f->fn == yf_cond) {
		lf.kind = LOADER_COND;
	} else if (f->fn == yf_strlist || f->fn == yf_idlist || f->fn == yf_step_questions) {
		lf.kind = LOADER_STRLIST;
	} else if (f->fn == yf_int) {
		lf.kind = LOADER_INT;
	} else if (f->fn == yf_double) {
		lf.kind = LOADER_DOUBLE;
	} else if (f->fn == yf_min || f->fn == yf_max) {
		lf.kind = LOADER_BOUND;
		lf.aux = f->fn == yf_min ? offsetof(struct question, has_min) :
		    offsetof(struct question, has_max);
	} else if (f->fn == yf_maxlen) {
		lf.kind = LOADER_SIZE;
	} else if (f->fn == yf_qtype) {
		lf.kind = LOADER_ENUM;
		lf.max = Q__COUNT - 1;
	} else if (f->fn == yf_basis) {
		lf.kind = LOADER_ENUM;
		lf.max = BASIS_PRACTICE;
	} else if (f->fn == yf_layout) {
		lf.kind = LOADER_ENUM;
		lf.max = CLAYOUT_DOCUMENT;
	} else if (f->fn == yf_group_confirmed) {
		lf.kind = LOADER_BOOL;
	} else if (f->fn == yf_unit) {
		lf.kind = LOADER_ENUM;
		lf.max = QU_PERCENT;
	} else {
		for (i = 0; i < sizeof(nested) / sizeof(nested[0]); i++)
			if (nested[i].fn == f->fn) {
				lf.kind = LOADER_LIST;
				lf.list = &nested[i].list;
			}
	}
	return lf;
}

int
loader_files(const char *dir, struct diags *diags, char ***files, size_t *n)
{
	return collect(dir, NULL, 0, diags, files, n);
}
