/* SPDX-License-Identifier: EUPL-1.2 */
/* UTF-8 text measured in characters and terminal columns (utf8proc). */
#ifndef AIREJSE_UTF8_H
#define AIREJSE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True if s[0..len) is well-formed UTF-8 without NUL bytes. */
bool utf8_valid(const char *s, size_t len);

/* Decodes one code point at s (at most len bytes) into *cp; returns the
 * bytes used, or -1 (and *cp = U+FFFD) for an invalid sequence. */
int utf8_decode(const char *s, size_t len, int32_t *cp);

/* The byte length of the grapheme cluster (user-perceived character)
 * starting at s; 0 at the end of the string. */
size_t utf8_next(const char *s, size_t len);

/* Characters (grapheme clusters) in s. */
size_t utf8_nchars(const char *s);
/* Terminal columns of the code point cp, or of the cluster at s. */
int utf8_cp_width(int32_t cp);
int utf8_cluster_width(const char *s, size_t len);
/* Terminal columns of the whole string (tabs count as one column). */
int utf8_width(const char *s);

/* The number of bytes of s that fit in width columns, never splitting a
 * character; *used (if not NULL) gets the columns they take. */
size_t utf8_fit(const char *s, int width, int *used);

/* NFC-normalised, case-folded copy for comparison; NULL if s is not
 * valid UTF-8. Caller frees. */
char *utf8_fold(const char *s);
/* NFC-normalised copy, or NULL if s is not valid UTF-8. Caller frees. */
char *utf8_nfc(const char *s);

/* s and then spaces up to width terminal columns (never cut), for
 * columns that line up whatever the letters. Caller frees. */
char *utf8_padded(const char *s, int width);

/* Copy of s without leading and trailing white space. Caller frees. */
char *utf8_trim(const char *s);

#endif
