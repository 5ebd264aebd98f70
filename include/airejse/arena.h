/* SPDX-License-Identifier: EUPL-1.2 */
/* A region allocator: many small allocations freed together. Content
 * lives in one, whether read from YAML or from the cache, so it is freed
 * in one call and no part of it needs a free function of its own.
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
/* An array of n zeroed elements; n may be 0 (a valid, empty array). */
void *arena_array(struct arena *a, size_t n, size_t size);
char *arena_strdup(struct arena *a, const char *s);
/* Takes p (from malloc) so that arena_free frees it. */
void arena_adopt(struct arena *a, void *p);
/* Frees everything allocated from a, and a. */
void arena_free(struct arena *a);

#endif
