/* The content cache: the loaded content kept as bytes in the user's
 * cache folder, so a start skips parsing the YAML. It is keyed on the
 * content files' names, sizes, modification times and inodes, the
 * program's version and its schema, so any change reads the YAML again.
 * A damaged or foreign cache file is ignored, never trusted. */
#ifndef AIREJSE_CACHE_H
#define AIREJSE_CACHE_H

struct content;
struct diags;

/* As content_load(dir, NULL, 0, ...), through the cache: a valid cache
 * is read; otherwise the YAML is, and the cache written for next time
 * (quietly giving up where the cache folder cannot be written). Either
 * way the content's digest is set, the same for the same content.
 * $AIREJSE_CACHE=off reads the YAML every time. */
int content_load_cached(const char *dir, struct diags *diags, struct content **out);

/* The cache file for dir, or NULL where there is no cache folder.
 * Caller frees. */
char *cache_path(const char *dir);

#endif
