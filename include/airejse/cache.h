/* SPDX-License-Identifier: EUPL-1.2 */
/* The content cache: the content as last read, kept as bytes in the
 * user's cache folder so that a start need not parse the YAML. A cache
 * is read only by a program built from the same sources as the one that
 * wrote it (the build key) and only while every content file has the
 * name, size, modification time and inode it had (the files key); a
 * damaged or foreign cache is ignored, never trusted. Content read from
 * it is linked and checked as content read from YAML is. */
#ifndef AIREJSE_CACHE_H
#define AIREJSE_CACHE_H

#include <stddef.h>
#include <stdint.h>

struct content;
struct diags;

/* A cache file: this header, then the body (cache_encode). */
struct cache_header {
	char		magic[32];	/* "airejse content cache 5\n", NULs */
	uint64_t	build;		/* the build key of the program */
	uint64_t	files;		/* the files key */
	uint64_t	len;		/* of the body */
	uint64_t	sum;		/* XXH3_64bits of the body */
};

/* As loader_load(dir, NULL, 0, ...), through the cache: a valid cache
 * is read; otherwise the YAML is, and the cache written for next time
 * (quietly giving up where the cache folder cannot be written).
 * $AIREJSE_CACHE=off reads the YAML every time. */
int cache_load(const char *dir, struct diags *diags, struct content **out);

/* The cache file for dir, or NULL where there is no cache folder.
 * Caller frees. */
char *cache_path(const char *dir);

/* This program's build key: a hash of the sources it was built from. */
uint64_t cache_build_key(void);

/* The body of a cache file for c. Returns 0 and sets *out (caller frees)
 * and *len, or -1. */
int cache_encode(const struct content *c, char **out, size_t *len);
/* Content from cache_encode's bytes (copied), linked; -1 if they are
 * damaged or do not link. */
int cache_decode(const char *dir, const void *data, size_t len, struct content **out);

#endif
