/* SPDX-License-Identifier: EUPL-1.2 */
/* Reading content files into the model: the YAML, through the schema
 * tables of yamldoc.h, into one arena, then linked (linker.h). */
#ifndef AIREJSE_LOADER_H
#define AIREJSE_LOADER_H

#include <stddef.h>

struct content;
struct diags;
struct yfield;

/* Loads every *.yaml under dir/journeys and dir/checklists. Files in
 * override replace a file of the same name in the folder (or are added),
 * so one edited file can be checked against the rest. Problems go to
 * diags (file:line:column). Returns 0 and sets *out, or EX_NOINPUT (no
 * content there), EX_DATAERR (errors in diags) or EX_IOERR. */
int loader_load(const char *dir, char *const *override, size_t noverride,
    struct diags *diags, struct content **out);
/* Loads exactly the files given, with nothing else. */
int loader_load_files(char *const *files, size_t nfiles,
    struct diags *diags, struct content **out);

/* What the loader fills, described for the content cache (cache.c),
 * which writes and reads content by the loader's own tables: a field a
 * table learns is cached without a line there. */
enum loader_kind {
	LOADER_UNKNOWN,	/* a handler the cache cannot keep */
	LOADER_STRING,	/* char * */
	LOADER_TEXT,	/* struct text */
	LOADER_REF,	/* struct ref */
	LOADER_COND,	/* struct cond */
	LOADER_STRLIST,	/* struct strlist */
	LOADER_INT,	/* int */
	LOADER_DOUBLE,	/* double */
	LOADER_BOUND,	/* double, and a bool at aux: whether it was given */
	LOADER_SIZE,	/* size_t */
	LOADER_ENUM,	/* an enum, at most max */
	LOADER_BOOL,	/* bool */
	LOADER_LIST	/* an array of structs and its count: list */
};

/* A list the loader fills: where its array and its count lie in what
 * holds it, the size of an item, where in an item its struct srcpos is,
 * and the table an item is read by. */
struct loader_list {
	size_t			 array, count, size, pos;
	const struct yfield	*fields;
};

struct loader_field {
	enum loader_kind		 kind;
	unsigned			 max;
	size_t				 aux;
	const struct loader_list	*list;
};

/* The lists of struct content, each an array of pointers to items,
 * ended by one whose fields are NULL; and its single blocks (the
 * packet, the calendar's names, the contract's and the business case's),
 * each a pointer at array in struct content (NULL when the content has
 * none), ended the same way. */
extern const struct loader_list loader_lists[];
extern const struct loader_list loader_singles[];
/* What field f of one of those tables holds. */
struct loader_field loader_field(const struct yfield *f);
/* The content files of dir, in the order they are read. */
int loader_files(const char *dir, struct diags *diags, char ***files, size_t *n);
void loader_files_free(char **files, size_t n);

#endif
