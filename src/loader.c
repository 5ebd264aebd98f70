/* Reading content files into the model: one schema table per mapping. */
#include <errno.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/expr.h"
#include "airejse/i18n.h"
#include "airejse/loader.h"
#include "airejse/xalloc.h"
#include "airejse/yamldoc.h"

#define APPEND(arr, n, item) do {					\
	(arr) = xreallocarray((arr), (n) + 1, sizeof(*(arr)));		\
	(arr)[(n)++] = (item);						\
} while (0)

static struct content *
ctx_content(struct ydoc *y)
{
	return y->user;
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
	free(c->src);
	c->src = xstrdup(s);
	c->pos = ydoc_pos(y, n);
	c->exact = n->start_mark.line == n->end_mark.line &&
	    style != YAML_LITERAL_SCALAR_STYLE && style != YAML_FOLDED_SCALAR_STYLE;
	if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		c->pos.col++;
	expr_free(c->expr);
	c->expr = expr_parse(s, &col, &msg);
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
	if (!ydoc_mapping(y, n, option_fields, &o) || o.id == NULL) {
		free(o.id);
		text_free(&o.label);
		return;
	}
	APPEND(q->options, q->noptions, o);
}

static void
yf_options(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
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
	{ "legal", YAML_SEQUENCE_NODE, yf_strlist, offsetof(struct question, legal), false, NULL },
	{ "when", YAML_SCALAR_NODE, yf_cond, offsetof(struct question, when), false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

/* Reads a question definition; returns it (added to the content) or NULL. */
static struct question *
question_def(struct ydoc *y, yaml_node_t *n, bool bank)
{
	struct content *c = ctx_content(y);
	struct question *q = xcalloc(1, sizeof(*q));

	q->type = Q__COUNT;
	q->pos = ydoc_pos(y, n);
	q->bank = bank;
	if (!ydoc_mapping(y, n, question_fields, q) || q->id == NULL ||
	    q->type == Q__COUNT) {
		content_question_free(q);
		return NULL;
	}
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

		if (!ydoc_is_id(id)) {
			ydoc_error(y, n, _("'%s' is not a valid question identifier"), id);
			return;
		}
		strlist_add(&st->question_ids, id, ydoc_pos(y, n));
		return;
	}
	if (n->type != YAML_MAPPING_NODE) {
		ydoc_error(y, n, _("a question is either the id of a bank question or a mapping that defines one"));
		return;
	}
	if ((q = question_def(y, n, false)) != NULL)
		strlist_add(&st->question_ids, q->id, q->pos);
}

static void
yf_step_questions(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
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
	if (!ydoc_mapping(y, n, step_fields, &st) || st.id == NULL) {
		content_step_clear(&st);
		return;
	}
	APPEND(ph->steps, ph->nsteps, st);
}

static void
yf_steps(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
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
	if (!ydoc_mapping(y, n, phase_fields, &ph) || ph.id == NULL) {
		content_phase_clear(&ph);
		return;
	}
	if (ph.nsteps == 0)
		ydoc_error(y, n, _("phase '%s' has no steps"), ph.id);
	APPEND(t->phases, t->nphases, ph);
}

static void
yf_phases(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
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
	struct track *t = xcalloc(1, sizeof(*t));

	(void)obj;
	(void)f;
	t->pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, track_fields, t) || t->id == NULL) {
		content_track_free(t);
		return;
	}
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
#define LIST_OF(name, T, fields, arr, n, freefn)				\
static void								\
name##_item(struct ydoc *y, yaml_node_t *node, void *arg)		\
{									\
	struct content *c = ctx_content(y);				\
	T *o = xcalloc(1, sizeof(*o));					\
									\
	(void)arg;							\
	o->pos = ydoc_pos(y, node);					\
	if (!ydoc_mapping(y, node, fields, o) || o->id == NULL) {	\
		freefn(o);						\
		return;							\
	}								\
	APPEND(c->arr, c->n, o);					\
}									\
static void								\
yf_##name(struct ydoc *y, yaml_node_t *node, void *obj, const struct yfield *f) \
{									\
	(void)obj;							\
	each(y, node, f->key, name##_item, NULL);			\
}

LIST_OF(roles, struct role, role_fields, roles, nroles, content_role_free)
LIST_OF(groups, struct group, group_fields, groups, ngroups, content_group_free)
LIST_OF(handoffs, struct handoff_rule, handoff_fields, handoffs, nhandoffs, content_handoff_free)
LIST_OF(glossary, struct glossary_entry, glossary_fields, glossary, nglossary, content_term_free)
LIST_OF(dates, struct legal_date, date_fields, dates, ndates, content_date_free)

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
	if (!ydoc_mapping(y, n, note_fields, &no)) {
		content_note_clear(&no);
		return;
	}
	APPEND(it->notes, it->nnotes, no);
}

static void
yf_notes(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
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
	if (!ydoc_mapping(y, n, citem_fields, &it) || it.id == NULL) {
		content_citem_clear(&it);
		return;
	}
	APPEND(sec->items, sec->nitems, it);
}

static void
yf_citems(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
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
	if (!ydoc_mapping(y, n, csection_fields, &sec) || sec.id == NULL) {
		content_csection_clear(&sec);
		return;
	}
	if (sec.nitems == 0)
		ydoc_error(y, n, _("section '%s' has no items"), sec.id);
	APPEND(cl->sections, cl->nsections, sec);
}

static void
yf_csections(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
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
	struct checklist *cl = xcalloc(1, sizeof(*cl));

	(void)obj;
	(void)f;
	cl->pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, checklist_fields, cl) || cl->id == NULL) {
		content_checklist_free(cl);
		return;
	}
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
	struct packet *p = xcalloc(1, sizeof(*p));

	(void)obj;
	(void)f;
	p->pos = ydoc_pos(y, n);
	if (!ydoc_mapping(y, n, packet_fields, p)) {
		content_packet_free(p);
		return;
	}
	if (c->packet != NULL) {
		ydoc_error(y, n, _("a second hand-off packet layout (the first is at %s:%d); keep one"),
		    c->packet->pos.file, c->packet->pos.line);
		content_packet_free(p);
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

static int
load_list(char **files, size_t n, const char *dir, struct diags *diags,
    struct content **out)
{
	struct content *c = xcalloc(1, sizeof(*c));
	size_t i;
	bool unread = false;
	int rc = 0, r;

	c->dir = dir ? xstrdup(dir) : NULL;
	c->files = files;
	c->nfiles = n;
	for (i = 0; i < n; i++) {
		r = loader_file(c, files[i], diags, &unread);
		if (r == EX_NOINPUT && rc == 0)
			rc = EX_NOINPUT;
		else if (r != 0 && rc == 0)
			rc = EX_DATAERR;
	}
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
	return load_list(files, n, dir, diags, out);
}

int
content_load_files(char *const *paths, size_t n, struct diags *diags,
    struct content **out)
{
	char **files = xreallocarray(NULL, n ? n : 1, sizeof(*files));
	size_t i;

	for (i = 0; i < n; i++)
		files[i] = xstrdup(paths[i]);
	return load_list(files, n, NULL, diags, out);
}
