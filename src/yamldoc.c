/* SPDX-License-Identifier: EUPL-1.2 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/arena.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/i18n.h"
#include "airejse/strbuf.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"
#include "airejse/yamldoc.h"

/* Content files are small; anything this large is a mistake. */
#define YDOC_MAX_BYTES (8 * 1024 * 1024)

struct srcpos
ydoc_pos(const struct ydoc *y, const yaml_node_t *n)
{
	struct srcpos p = { y->file, 0, 0 };

	if (n != NULL) {
		p.line = (int)n->start_mark.line + 1;
		p.col = (int)n->start_mark.column + 1;
	}
	return p;
}

static void
vreport(struct ydoc *y, enum diag_severity sev, struct srcpos pos,
    const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);

	diag_add(y->diags, sev, pos.file ? pos.file : y->file, pos.line, pos.col, "%s", msg);
	free(msg);
	if (sev == DIAG_ERROR)
		y->nerrors++;
}

void
ydoc_error(struct ydoc *y, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(y, DIAG_ERROR, ydoc_pos(y, n), fmt, ap);
	va_end(ap);
}

void
ydoc_warn_at(struct ydoc *y, struct srcpos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(y, DIAG_WARNING, pos, fmt, ap);
	va_end(ap);
}

/* Line and column (1-based, in characters) of byte offset off in buf. */
static void
offset_pos(const char *buf, size_t len, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static char *
read_file(const char *file, size_t *len, int *err)
{
	FILE *f = fopen(file, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;

	if (f == NULL) {
		*err = errno;
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		sb_addn(&sb, buf, n);
		if (sb.len > YDOC_MAX_BYTES) {
			fclose(f);
			sb_free(&sb);
			*err = EFBIG;
			return NULL;
		}
	}
	if (ferror(f)) {
		*err = errno ? errno : EIO;
		fclose(f);
		sb_free(&sb);
		return NULL;
	}
	fclose(f);
	*len = sb.len;
	return sb_detach(&sb);
}

int
ydoc_load(struct ydoc *y, const char *file, struct diags *diags, int *errno_out)
{
	yaml_parser_t parser;
	char *buf;
	size_t len = 0;
	int err = 0, line, col;

	memset(y, 0, sizeof(*y));
	y->file = file;
	y->diags = diags;
	if ((buf = read_file(file, &len, &err)) == NULL) {
		if (errno_out != NULL)
			*errno_out = err;
		diag_add(diags, DIAG_ERROR, file, 0, 0, _("cannot read the file: %s"),
		    strerror(err));
		y->nerrors++;
		return -1;
	}
	if (memchr(buf, '\0', len) != NULL) {
		offset_pos(buf, len, (size_t)((char *)memchr(buf, '\0', len) - buf), &line, &col);
		diag_add(diags, DIAG_ERROR, file, line, col,
		    _("the file contains a NUL byte; it is not a text file"));
		y->nerrors++;
		free(buf);
		return -1;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&parser, &y->doc)) {
		const char *problem = parser.problem ? parser.problem : _("unknown problem");

		if (parser.error == YAML_READER_ERROR) {
			offset_pos(buf, len, parser.problem_offset, &line, &col);
			diag_add(diags, DIAG_ERROR, file, line, col,
			    _("the file is not valid UTF-8 (%s); save it as UTF-8"), problem);
		} else {
			yaml_mark_t m = parser.problem_mark;

			if (parser.context != NULL)
				diag_add(diags, DIAG_ERROR, file, (int)m.line + 1, (int)m.column + 1,
				    _("YAML syntax: %s %s"), problem, parser.context);
			else
				diag_add(diags, DIAG_ERROR, file, (int)m.line + 1, (int)m.column + 1,
				    _("YAML syntax: %s"), problem);
		}
		y->nerrors++;
		yaml_parser_delete(&parser);
		free(buf);
		return -1;
	}
	y->loaded = true;
	/* One document per file: a second one would be silently ignored. */
	{
		yaml_document_t extra;

		if (yaml_parser_load(&parser, &extra)) {
			yaml_node_t *r = yaml_document_get_root_node(&extra);

			if (r != NULL) {
				diag_add(diags, DIAG_ERROR, file, (int)r->start_mark.line + 1,
				    (int)r->start_mark.column + 1,
				    _("a second YAML document; a content file holds one"));
				y->nerrors++;
			}
			yaml_document_delete(&extra);
		}
	}
	yaml_parser_delete(&parser);
	free(buf);
	return 0;
}

void
ydoc_free(struct ydoc *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = false;
}

yaml_node_t *
ydoc_root(struct ydoc *y)
{
	yaml_node_t *r;

	if (!y->loaded)
		return NULL;
	r = yaml_document_get_root_node(&y->doc);
	/* An empty file parses to an empty plain scalar or to nothing. */
	if (r != NULL && r->type == YAML_SCALAR_NODE && r->data.scalar.length == 0)
		return NULL;
	return r;
}

const char *
ydoc_type_name(yaml_node_type_t t)
{
	switch (t) {
	case YAML_SCALAR_NODE:	 return _("a value");
	case YAML_SEQUENCE_NODE: return _("a list");
	case YAML_MAPPING_NODE:	 return _("a mapping");
	default:		 return _("nothing");
	}
}

const char *
ydoc_scalar(struct ydoc *y, yaml_node_t *n)
{
	if (n->type != YAML_SCALAR_NODE) {
		ydoc_error(y, n, _("expected a value here, found %s"), ydoc_type_name(n->type));
		return NULL;
	}
	return (const char *)n->data.scalar.value;
}

static char *
key_list(const struct yfield *fields)
{
	struct strbuf sb = STRBUF_INIT;
	const struct yfield *f;

	for (f = fields; f->key != NULL; f++) {
		if (f != fields)
			sb_add(&sb, ", ");
		sb_add(&sb, f->key);
	}
	return sb_detach(&sb);
}

bool
ydoc_mapping(struct ydoc *y, yaml_node_t *map, const struct yfield *fields, void *obj)
{
	yaml_node_pair_t *pair;
	const struct yfield *f;
	size_t nfields = 0, i;
	yaml_node_t **seen;

	if (map->type != YAML_MAPPING_NODE) {
		ydoc_error(y, map, _("expected a mapping (key: value lines), found %s"),
		    ydoc_type_name(map->type));
		return false;
	}
	for (f = fields; f->key != NULL; f++)
		nfields++;
	seen = xcalloc(nfields ? nfields : 1, sizeof(*seen));
	for (pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(&y->doc, pair->value);
		const char *key;

		if (k == NULL || v == NULL)
			continue;
		if ((key = ydoc_scalar(y, k)) == NULL)
			continue;
		for (i = 0; i < nfields; i++)
			if (strcmp(fields[i].key, key) == 0)
				break;
		if (i == nfields) {
			char *keys = key_list(fields);

			/* {da: Drift, support} makes "support" a key of its own. */
			if (map->data.mapping.style == YAML_FLOW_MAPPING_STYLE &&
			    v->type == YAML_SCALAR_NODE && v->data.scalar.length == 0 &&
			    v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
				ydoc_error(y, k, _("'%s' looks like text cut at a comma: inside { } a comma separates entries, so put the text in quotes"), key);
			else
				ydoc_error(y, k, _("unknown key '%s'; expected one of: %s"), key, keys);
			free(keys);
			continue;
		}
		if (seen[i] != NULL) {
			ydoc_error(y, k, _("key '%s' appears twice in this mapping (first on line %d)"),
			    key, (int)seen[i]->start_mark.line + 1);
			continue;
		}
		seen[i] = k;
		if (fields[i].type != YAML_NO_NODE && v->type != fields[i].type) {
			ydoc_error(y, v, _("'%s' must be %s, not %s"), key,
			    ydoc_type_name(fields[i].type), ydoc_type_name(v->type));
			continue;
		}
		fields[i].fn(y, v, obj, &fields[i]);
	}
	for (i = 0; i < nfields; i++)
		if (fields[i].required && seen[i] == NULL)
			ydoc_error(y, map, _("'%s' is missing here"), fields[i].key);
	free(seen);
	return true;
}

#define FIELD(obj, f, type) ((type *)((char *)(obj) + (f)->offset))

/* Puts a copy of s in the string field of f: in y's arena, or on the
 * heap (then the field's owner frees it). */
static void
keep(struct ydoc *y, void *obj, const struct yfield *f, const char *s)
{
	if (y->arena != NULL) {
		*FIELD(obj, f, char *) = arena_strdup(y->arena, s);
		return;
	}
	free(*FIELD(obj, f, char *));
	*FIELD(obj, f, char *) = xstrdup(s);
}

void
yf_string(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	const char *s = ydoc_scalar(y, n);

	if (s == NULL)
		return;
	if (*s == '\0') {
		ydoc_error(y, n, _("'%s' is empty"), f->key);
		return;
	}
	keep(y, obj, f, s);
}

void
yf_id(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	const char *s = ydoc_scalar(y, n);

	if (s == NULL)
		return;
	if (!content_is_id(s)) {
		ydoc_error(y, n, _("'%s' is not a valid identifier: use lower-case a-z, digits, '_' and '-', starting with a letter or digit"), s);
		return;
	}
	keep(y, obj, f, s);
}

void
yf_text(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct text *t = FIELD(obj, f, struct text);
	static const struct yfield langs[] = {
		{ "da", YAML_SCALAR_NODE, yf_string, offsetof(struct text, s[LANG_DA]), true, NULL },
		{ "en", YAML_SCALAR_NODE, yf_string, offsetof(struct text, s[LANG_EN]), true, NULL },
		{ NULL, 0, NULL, 0, false, NULL }
	};

	if (n->type != YAML_MAPPING_NODE) {
		ydoc_error(y, n, _("'%s' must give the text in both languages, as da: ... and en: ..."), f->key);
		return;
	}
	ydoc_mapping(y, n, langs, t);
}

void
yf_int(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	const char *s = ydoc_scalar(y, n);
	char *end;
	long v;

	if (s == NULL)
		return;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < -1000000 || v > 1000000) {
		ydoc_error(y, n, _("'%s' must be a whole number, not '%s'"), f->key, s);
		return;
	}
	*FIELD(obj, f, int) = (int)v;
}

void
yf_double(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	const char *s = ydoc_scalar(y, n);
	double v;

	if (s == NULL)
		return;
	/* Authors write amounts like 1600000 or 1.600.000 kr. */
	if (value_parse_number(s, &v) != 0) {
		int64_t kr;

		if (value_parse_amount(s, &kr) != 0) {
			ydoc_error(y, n, _("'%s' must be a number, not '%s'"), f->key, s);
			return;
		}
		v = (double)kr;
	}
	*FIELD(obj, f, double) = v;
}

void
yf_date(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	const char *s = ydoc_scalar(y, n);
	char iso[11];

	if (s == NULL)
		return;
	if (value_parse_date(s, iso) != 0) {
		ydoc_error(y, n, _("'%s' must be a date written YYYY-MM-DD, not '%s'"), f->key, s);
		return;
	}
	keep(y, obj, f, iso);
}
