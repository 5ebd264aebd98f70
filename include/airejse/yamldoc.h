/* SPDX-License-Identifier: EUPL-1.2 */
/* Reading a YAML file into a node tree and walking its mappings with
 * schema tables of {key, node type, handler, offset} (as netplan's
 * parse.c does), reporting each problem at its file:line:column. */
#ifndef AIREJSE_YAMLDOC_H
#define AIREJSE_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "airejse/diag.h"
#include "airejse/i18n.h"

struct arena;
struct diags;

struct ydoc {
	const char	*file;		/* not owned */
	yaml_document_t	 doc;
	bool		 loaded;
	struct diags	*diags;
	int		 nerrors;
	void		*user;		/* for the handlers */
	/* Where the handlers put the strings they read; NULL: the heap,
	 * and the owner of the fields frees them. */
	struct arena	*arena;
};

struct yfield;
typedef void (*yfield_fn)(struct ydoc *y, yaml_node_t *node, void *obj,
    const struct yfield *f);

/* One key of a mapping. type is the node type the key must have (or
 * YAML_NO_NODE for any); fn fills the field at offset of obj. */
struct yfield {
	const char		*key;
	yaml_node_type_t	 type;
	yfield_fn		 fn;
	size_t			 offset;
	bool			 required;
	const void		*data;	/* handler-specific */
};

/* Parses file. Syntax errors (and invalid UTF-8) are reported; returns
 * 0, or -1 with nothing to walk. A missing or unreadable file gives -1
 * and *errno_out (when not NULL) is set. */
int ydoc_load(struct ydoc *y, const char *file, struct diags *diags, int *errno_out);
void ydoc_free(struct ydoc *y);
/* The root node, or NULL for an empty file. */
yaml_node_t *ydoc_root(struct ydoc *y);
struct srcpos ydoc_pos(const struct ydoc *y, const yaml_node_t *n);

void ydoc_error(struct ydoc *y, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ydoc_warn_at(struct ydoc *y, struct srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Walks a mapping: each key must be in fields (unknown keys, duplicate
 * keys and wrong node types are errors); required fields must be there.
 * Returns false if the node is not a mapping. */
bool ydoc_mapping(struct ydoc *y, yaml_node_t *map, const struct yfield *fields,
    void *obj);
/* The node's scalar text, or NULL (and an error) if it is not a scalar. */
const char *ydoc_scalar(struct ydoc *y, yaml_node_t *n);
const char *ydoc_type_name(yaml_node_type_t t);

/* Generic field handlers. */
void yf_string(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f);	/* char * */
void yf_id(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f);		/* char *, an identifier */
void yf_text(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f);	/* struct text */
void yf_int(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f);		/* int */
void yf_double(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f);	/* double */
void yf_date(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f);	/* char *, YYYY-MM-DD */


#endif
