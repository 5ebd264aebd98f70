/* A region allocator: many small allocations freed together. Content
 * read back from the cache lives in one, so a start makes a handful of
 * allocations instead of ten thousand and frees them in one call.
 *
 * Built with AddressSanitizer, every allocation is its own malloc, so
 * reads past an object are still caught. */
#ifndef AIREJSE_ARENA_H
#define AIREJSE_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
/* size zeroed bytes aligned for any type; never NULL (aborts as xmalloc). */
void *arena_alloc(struct arena *a, size_t size);
/* Before the first allocation: makes the first block size bytes, its
 * pages mapped at once (for a restore whose size is known beforehand).
 * Nothing changes when that cannot be done. */
void arena_reserve(struct arena *a, size_t size);
/* An array of n zeroed elements; n may be 0 (a valid, empty array). */
void *arena_array(struct arena *a, size_t n, size_t size);
char *arena_strdup(struct arena *a, const char *s);
/* Takes p (from malloc) so that arena_free frees it. */
void arena_adopt(struct arena *a, void *p);
/* Takes a mapping (from mmap) so that arena_free unmaps it. */
void arena_adopt_map(struct arena *a, void *p, size_t len);
/* Frees everything allocated from a, and a. */
void arena_free(struct arena *a);

#endif
