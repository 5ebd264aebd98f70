/* Reading content files into the model (used by content.c). */
#ifndef AIREJSE_LOADER_H
#define AIREJSE_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct content;
struct diags;
struct cond;
struct question;
struct step;
struct phase;
struct track;
struct role;
struct group;
struct handoff_rule;
struct glossary_entry;
struct legal_date;
struct cnote;
struct citem;
struct csection;
struct checklist;
struct packet;
struct arena;
struct yfield;

/* Reads one file into c; returns 0, EX_NOINPUT or EX_DATAERR. Sets
 * *unread when the file could not be read or parsed at all. */
int loader_file(struct content *c, const char *file, struct diags *diags, bool *unread);
/* Reports a problem at column col of the condition c. */
void loader_cond_error(struct diags *diags, const struct cond *c, int col, const char *msg);

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
 * ended by one whose fields are NULL; and the packet, one item. */
extern const struct loader_list loader_lists[];
extern const struct loader_list loader_packet;
/* What field f of one of those tables holds. */
struct loader_field loader_field(const struct yfield *f);
/* The content files of dir, in the order they are read. */
int loader_files(const char *dir, struct diags *diags, char ***files, size_t *n);
void loader_files_free(char **files, size_t n);

/* Provided by content.c: checks and links what the files defined. */
int content_link(struct content *c, struct diags *diags);

#endif
