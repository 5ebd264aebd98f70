/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "airejse/utf8.h"
#include "airejse/xalloc.h"

bool
utf8_valid(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;

	while (len > 0) {
		utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &cp);

		if (n <= 0 || cp == 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

int
utf8_decode(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;

	if (len == 0) {
		*cp = 0;
		return 0;
	}
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);
	if (n <= 0) {
		*cp = 0xFFFD;
		return -1;
	}
	*cp = c;
	return (int)n;
}

size_t
utf8_next(const char *s, size_t len)
{
	utf8proc_int32_t prev, cp;
	utf8proc_int32_t state = 0;
	size_t off;
	int n;

	if (len == 0)
		return 0;
	/* Two ASCII characters always break, but for CR LF: most text
	 * never needs the tables. */
	if ((unsigned char)s[0] < 0x80 && (len == 1 || ((unsigned char)s[1] < 0x80 &&
	    !(s[0] == '\r' && s[1] == '\n'))))
		return 1;
	n = utf8_decode(s, len, &prev);
	off = n > 0 ? (size_t)n : 1;
	while (off < len) {
		n = utf8_decode(s + off, len - off, &cp);
		if (n <= 0)
			break;
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
		off += (size_t)n;
	}
	return off;
}

size_t
utf8_nchars(const char *s)
{
	size_t len = strlen(s), off = 0, n = 0;

	while (off < len) {
		off += utf8_next(s + off, len - off);
		n++;
	}
	return n;
}

int
utf8_cp_width(int32_t cp)
{
	int w;

	if (cp == '\t')
		return 1;
	w = utf8proc_charwidth(cp);
	if (w < 0)
		return 0;
	/* Control characters are shown as one replacement column. */
	if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC)
		return 1;
	return w;
}

int
utf8_cluster_width(const char *s, size_t len)
{
	int32_t cp;
	size_t off = 0;
	int w = 0;

	/* One ASCII byte: a character or a control, one column either way. */
	if (len == 1 && (unsigned char)s[0] < 0x80)
		return 1;
	/* The first code point with a width decides (base + combining). */
	while (off < len) {
		int n = utf8_decode(s + off, len - off, &cp);

		if (n <= 0)
			return 1;
		if (w == 0)
			w = utf8_cp_width(cp);
		else if (cp == 0xFE0F)	/* emoji presentation */
			w = 2;
		off += (size_t)n;
	}
	return w;
}

int
utf8_width(const char *s)
{
	size_t len = strlen(s), off = 0;
	int w = 0;

	while (off < len) {
		size_t n = utf8_next(s + off, len - off);

		w += utf8_cluster_width(s + off, n);
		off += n;
	}
	return w;
}

size_t
utf8_fit(const char *s, int width, int *used)
{
	size_t len = strlen(s), off = 0;
	int w = 0;

	while (off < len) {
		size_t n = utf8_next(s + off, len - off);
		int cw = utf8_cluster_width(s + off, n);

		if (w + cw > width)
			break;
		w += cw;
		off += n;
	}
	if (used != NULL)
		*used = w;
	return off;
}

static char *
mapped(const char *s, int options)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	    (utf8proc_option_t)(UTF8PROC_NULLTERM | UTF8PROC_STABLE | options));
	if (n < 0)
		return NULL;
	return (char *)out;
}

char *
utf8_fold(const char *s)
{
	return mapped(s, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

char *
utf8_nfc(const char *s)
{
	return mapped(s, UTF8PROC_COMPOSE);
}

static bool
is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\v' || cp == '\f' || cp == 0xA0 ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

char *
utf8_trim(const char *s)
{
	size_t len = strlen(s), start = 0, end = 0, off = 0;
	int32_t cp;

	while (off < len) {
		int n = utf8_decode(s + off, len - off, &cp);

		if (n <= 0)
			n = 1;
		if (!is_space(cp)) {
			if (end == 0)
				start = off;
			end = off + (size_t)n;
		}
		off += (size_t)n;
	}
	return xstrndup(s + start, end > start ? end - start : 0);
}

char *
utf8_padded(const char *s, int width)
{
	int w = utf8_width(s), pad = width > w ? width - w : 0;
	size_t len = strlen(s);
	char *out = xmalloc(len + (size_t)pad + 1);

	memcpy(out, s, len);
	memset(out + len, ' ', (size_t)pad);
	out[len + (size_t)pad] = '\0';
	return out;
}
