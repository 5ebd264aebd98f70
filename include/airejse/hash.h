/* SPDX-License-Identifier: EUPL-1.2 */
/* FNV-1a, 64 bits: for keys, stamps and hash tables of the program's own
 * data, never against someone choosing the input. */
#ifndef AIREJSE_HASH_H
#define AIREJSE_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_INIT 14695981039346656037ULL

/* h with the n bytes at p added. */
uint64_t hash_bytes(uint64_t h, const void *p, size_t n);
/* h with s and its terminating NUL added, so that strings added one
 * after the other cannot run into each other. */
uint64_t hash_str(uint64_t h, const char *s);

#endif
