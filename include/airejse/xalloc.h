/* SPDX-License-Identifier: EUPL-1.2 */
/* Allocation that never returns NULL (tmux xmalloc.h): out of memory is
 * not recoverable for an interactive tool, so it calls the hook the
 * program installed, which ends the run (as tig's die() does). */
#ifndef AIREJSE_XALLOC_H
#define AIREJSE_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Installs what out of memory calls; it must not return. */
void xalloc_on_oom(void (*hook)(void));

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a new string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grow *array (of *cap elements of size size) to hold at least need. */
void xgrow(void *array, size_t *cap, size_t need, size_t size);

/* Free *p and set it to NULL. */
#define xfree(p) do { free(p); (p) = NULL; } while (0)

#endif
