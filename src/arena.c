/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/arena.h"
#include "airejse/xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_EACH_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_EACH_MALLOC 1
#endif
#endif

/* Blocks grow so that a content of a few hundred kilobytes takes a few
 * of them; a block is a header and its bytes. */
#define ARENA_FIRST	(256u * 1024)
#define ARENA_ALIGN	alignof(max_align_t)

struct block {
	struct block	*next;
	size_t		 size, used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block	*blocks;	/* newest first */
	void		**owned;	/* adopted (and, under ASan, every) pointer */
	size_t		 nowned, capowned;
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

static void
own(struct arena *a, void *p)
{
	xgrow(&a->owned, &a->capowned, a->nowned + 1, sizeof(*a->owned));
	a->owned[a->nowned++] = p;
}

void *
arena_alloc(struct arena *a, size_t size)
{
#ifdef ARENA_EACH_MALLOC
	void *p = xcalloc(1, size ? size : 1);

	own(a, p);
	return p;
#else
	struct block *b = a->blocks;
	size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	void *p;

	if (need < size)
		need = SIZE_MAX;	/* xmalloc below refuses it */
	if (b == NULL || b->size - b->used < need) {
		size_t sz = b ? b->size * 2 : ARENA_FIRST;

		if (sz < need)
			sz = need;
		if (sz > SIZE_MAX - sizeof(*b))
			sz = SIZE_MAX - sizeof(*b);
		/* Zeroed once here (fresh pages from the kernel cost nothing
		 * to clear); bumped memory is never reused, so stays zero. */
		b = xcalloc(1, sizeof(*b) + sz);
		b->size = sz;
		b->next = a->blocks;
		a->blocks = b;
	}
	p = b->data + b->used;
	b->used += need;
	return p;
#endif
}

void *
arena_array(struct arena *a, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		return xreallocarray(NULL, n, size);	/* aborts with the message */
	return arena_alloc(a, n * size);
}

char *
arena_strdup(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(arena_alloc(a, n), s, n);
}

void
arena_adopt(struct arena *a, void *p)
{
	if (p != NULL)
		own(a, p);
}

void
arena_free(struct arena *a)
{
	struct block *b, *next;
	size_t i;

	if (a == NULL)
		return;
	for (b = a->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	for (i = 0; i < a->nowned; i++)
		free(a->owned[i]);
	free(a->owned);
	free(a);
}
