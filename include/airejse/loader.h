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

/* Reads one file into c; returns 0, EX_NOINPUT or EX_DATAERR. Sets
 * *unread when the file could not be read or parsed at all. */
int loader_file(struct content *c, const char *file, struct diags *diags, bool *unread);
/* Reports a problem at column col of the condition c. */
void loader_cond_error(struct diags *diags, const struct cond *c, int col, const char *msg);

/* The content cache (cache.c): what the loader read, as bytes. */
int loader_save(const struct content *c, char **out, size_t *len);
/* Rebuilds (and links) content from loader_save's bytes; -1 if they are
 * damaged or do not link. The content lives in one arena and its strings
 * point into a copy of the bytes. */
int loader_restore(const char *dir, const void *data, size_t len, struct content **out);
/* The same, reading in place the bytes at data, which stay until a is
 * freed (content_free frees a; so does a -1). a takes data to free or
 * unmap it; the content lives in a too. */
int loader_restore_in(struct arena *a, const char *dir, const void *data, size_t len,
    struct content **out);
/* Changes whenever the schema tables change. */
uint64_t loader_schema_hash(void);
/* The content files of dir, in the order they are read. */
int loader_files(const char *dir, struct diags *diags, char ***files, size_t *n);
void loader_files_free(char **files, size_t n);

/* Provided by content.c: checks and links what the files defined. */
int content_link(struct content *c, struct diags *diags);
/* The same for content that passed content_link before (the cache):
 * without the checks that cannot fail a second time, and without binding
 * conditions, which the cache keeps bound. */
int content_relink(struct content *c, struct diags *diags);

#endif
