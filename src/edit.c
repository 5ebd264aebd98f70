/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "airejse/edit.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* How far back a backward move starts looking for cluster boundaries:
 * longer than any common cluster (an emoji family is about 25 bytes), so
 * a step back does not rescan a whole megabyte paste. */
#define BACK_WINDOW 64

void
edit_init(struct edit *e, const char *text, bool multiline)
{
	memset(e, 0, sizeof(*e));
	e->multiline = multiline;
	e->max = EDIT_MAX_BYTES;
	e->buf = xstrdup("");
	if (text != NULL)
		edit_set(e, text);
}

void
edit_free(struct edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof(*e));
}

void
edit_set(struct edit *e, const char *text)
{
	size_t max = e->max ? e->max : EDIT_MAX_BYTES;

	e->buf[0] = '\0';
	e->len = e->cur = 0;
	e->full = false;
	e->max = max;
	edit_insert(e, text, strlen(text));
}

const char *
edit_text(const struct edit *e)
{
	return e->buf;
}

/* Makes room for n more bytes at the cursor. */
static void
open_gap(struct edit *e, size_t n)
{
	xgrow(&e->buf, &e->cap, e->len + n + 1, 1);
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	e->len += n;
}

/* What cp becomes in this field, or -1 to drop it. */
static int32_t
filter(const struct edit *e, int32_t cp)
{
	if (cp == '\n')
		return e->multiline ? '\n' : ' ';
	if (cp == '\t')
		return ' ';
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return -1;
	return cp;
}

/* Appends one filtered code point to the gap at e->cur + *at. */
static bool
put_cp(struct edit *e, int32_t cp, size_t *at)
{
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n;

	if ((cp = filter(e, cp)) < 0)
		return true;
	n = utf8proc_encode_char(cp, enc);
	if (n <= 0)
		return true;
	if (e->len + (size_t)n > e->max) {
		e->full = true;
		return false;
	}
	e->cur += *at;
	open_gap(e, (size_t)n);
	memcpy(e->buf + e->cur, enc, (size_t)n);
	e->cur -= *at;
	*at += (size_t)n;
	return true;
}

/* Moves the cursor forward onto a cluster boundary after an insertion
 * that began at from (a combining mark may have joined the next text). */
static void
snap(struct edit *e, size_t from)
{
	size_t p = from;

	while (p < e->cur) {
		size_t n = utf8_next(e->buf + p, e->len - p);

		p += n ? n : 1;
	}
	e->cur = p;
}

/* Appends printable ASCII s[0..n) as it is, as far as it fits; false
 * when it did not all fit. */
static bool
put_ascii(struct edit *e, const char *s, size_t n, size_t *at)
{
	bool fits = e->len + n <= e->max;

	if (!fits) {
		e->full = true;
		n = e->max > e->len ? e->max - e->len : 0;
	}
	e->cur += *at;
	open_gap(e, n);
	memcpy(e->buf + e->cur, s, n);
	e->cur -= *at;
	*at += n;
	return fits;
}

size_t
edit_insert(struct edit *e, const char *s, size_t n)
{
	size_t at = 0, off = 0, from = e->cur;
	int32_t cp;

	while (off < n) {
		size_t run = 0;
		int k;

		/* Runs of printable ASCII need no filter and no encoding:
		 * long texts are drawn through here on every redraw. */
		while (off + run < n && (unsigned char)s[off + run] >= 0x20 &&
		    (unsigned char)s[off + run] < 0x7f)
			run++;
		if (run > 0) {
			if (!put_ascii(e, s + off, run, &at))
				break;
			off += run;
			continue;
		}
		k = utf8_decode(s + off, n - off, &cp);

		if (k <= 0)
			k = 1;	/* cp is U+FFFD */
		if (cp == '\r') {
			cp = '\n';
			if (off + 1 < n && s[off + 1] == '\n')
				k = 2;
		}
		off += (size_t)k;
		if (cp == 0)
			continue;
		if (!put_cp(e, cp, &at))
			break;
	}
	e->cur += at;
	snap(e, from);
	return at;
}

size_t
edit_insert_cp(struct edit *e, int32_t cp)
{
	size_t at = 0, from = e->cur;

	put_cp(e, cp, &at);
	e->cur += at;
	snap(e, from);
	return at;
}

/* The start of the code point before byte w. */
static size_t
cp_before(const struct edit *e, size_t w)
{
	do
		w--;
	while (w > 0 && ((unsigned char)e->buf[w] & 0xc0) == 0x80);
	return w;
}

static bool
regional(int32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* Whether a cluster surely starts at w (w on a code point): a line's
 * start, or a break between two code points that no earlier context can
 * undo (flags and emoji joined by ZWJ depend on what came before). */
static bool
sure_start(const struct edit *e, size_t w)
{
	int32_t a, b;

	if (w == 0 || e->buf[w - 1] == '\n')
		return true;
	utf8_decode(e->buf + w, e->len - w, &b);
	utf8_decode(e->buf + cp_before(e, w), e->len - cp_before(e, w), &a);
	if (a == 0x200D || regional(a) || regional(b))
		return false;
	return utf8proc_grapheme_break(a, b);
}

/* The cluster boundary before off. */
static size_t
prev_boundary(const struct edit *e, size_t off)
{
	size_t p = off > BACK_WINDOW ? off - BACK_WINDOW : 0, last;

	/* Start where a cluster surely starts: usually within a few bytes,
	 * but a run of combining marks can be long. */
	while (p > 0 && ((unsigned char)e->buf[p] & 0xc0) == 0x80)
		p--;
	while (p > 0 && !sure_start(e, p))
		p = cp_before(e, p);
	last = p;
	while (p < off) {
		size_t n = utf8_next(e->buf + p, off - p);

		last = p;
		p += n ? n : 1;
	}
	return last;
}

static size_t
next_boundary(const struct edit *e, size_t off)
{
	size_t n = utf8_next(e->buf + off, e->len - off);

	return off + (n ? n : (off < e->len ? 1 : 0));
}

bool
edit_left(struct edit *e)
{
	if (e->cur == 0)
		return false;
	e->cur = prev_boundary(e, e->cur);
	return true;
}

bool
edit_right(struct edit *e)
{
	if (e->cur >= e->len)
		return false;
	e->cur = next_boundary(e, e->cur);
	return true;
}

/* Letters, digits and marks make words; the first code point of a
 * cluster decides. */
static bool
word_at(const struct edit *e, size_t off)
{
	int32_t cp;

	if (off >= e->len || utf8_decode(e->buf + off, e->len - off, &cp) <= 0)
		return false;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return true;
	default:
		return cp == '_';
	}
}

/* The start of the word before off (skipping what is not a word). */
static size_t
word_start_before(const struct edit *e, size_t off)
{
	size_t p = off;

	while (p > 0) {
		size_t q = prev_boundary(e, p);

		if (word_at(e, q))
			break;
		p = q;
	}
	while (p > 0) {
		size_t q = prev_boundary(e, p);

		if (!word_at(e, q))
			break;
		p = q;
	}
	return p;
}

bool
edit_word_left(struct edit *e)
{
	size_t p = word_start_before(e, e->cur);

	if (p == e->cur)
		return false;
	e->cur = p;
	return true;
}

bool
edit_word_right(struct edit *e)
{
	size_t p = e->cur;

	while (p < e->len && !word_at(e, p))
		p = next_boundary(e, p);
	while (p < e->len && word_at(e, p))
		p = next_boundary(e, p);
	if (p == e->cur)
		return false;
	e->cur = p;
	return true;
}

static size_t
line_start(const struct edit *e, size_t off)
{
	while (off > 0 && e->buf[off - 1] != '\n')
		off--;
	return off;
}

static size_t
line_end(const struct edit *e, size_t off)
{
	const char *nl = memchr(e->buf + off, '\n', e->len - off);

	return nl ? (size_t)(nl - e->buf) : e->len;
}

bool
edit_home(struct edit *e)
{
	size_t p = line_start(e, e->cur);

	if (p == e->cur)
		return false;
	e->cur = p;
	return true;
}

bool
edit_end(struct edit *e)
{
	size_t p = line_end(e, e->cur);

	if (p == e->cur)
		return false;
	e->cur = p;
	return true;
}

/* Removes bytes [from, to) and leaves the cursor at from. */
static bool
cut(struct edit *e, size_t from, size_t to)
{
	if (to <= from)
		return false;
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
	e->full = false;
	/* A mark after the cut may have joined the cluster before it: the
	 * cursor goes to that cluster's start. */
	if (from > 0) {
		size_t p = prev_boundary(e, from);

		if (next_boundary(e, p) > from)
			e->cur = p;
	}
	return true;
}

bool
edit_backspace(struct edit *e)
{
	if (e->cur == 0)
		return false;
	return cut(e, prev_boundary(e, e->cur), e->cur);
}

bool
edit_delete(struct edit *e)
{
	if (e->cur >= e->len)
		return false;
	return cut(e, e->cur, next_boundary(e, e->cur));
}

bool
edit_delete_word_left(struct edit *e)
{
	return cut(e, word_start_before(e, e->cur), e->cur);
}

bool
edit_kill_to_end(struct edit *e)
{
	size_t end = line_end(e, e->cur);

	/* At the end of a line, join the next one (as Emacs does). */
	if (end == e->cur && end < e->len)
		end++;
	return cut(e, e->cur, end);
}

bool
edit_kill_to_start(struct edit *e)
{
	return cut(e, line_start(e, e->cur), e->cur);
}

/* Columns of bytes [from, to), which hold whole clusters. */
static int
span_width(const struct edit *e, size_t from, size_t to)
{
	int w = 0;

	while (from < to) {
		size_t n = utf8_next(e->buf + from, to - from);

		if (n == 0)
			break;
		w += utf8_cluster_width(e->buf + from, n);
		from += n;
	}
	return w;
}

int
edit_column(const struct edit *e)
{
	return span_width(e, line_start(e, e->cur), e->cur);
}

static void
add_line(struct edit_line **lines, size_t *cap, size_t *n, size_t start, size_t end)
{
	xgrow(lines, cap, *n + 1, sizeof(**lines));
	(*lines)[*n].start = start;
	(*lines)[*n].end = end;
	(*n)++;
}

/* Wraps one logical line [p, end) into visual lines. */
static void
wrap_line(const struct edit *e, size_t p, size_t end, int width,
    struct edit_line **lines, size_t *cap, size_t *n)
{
	size_t start = p, brk = 0;
	int w = 0, wbrk = 0;

	while (p < end) {
		size_t k = utf8_next(e->buf + p, end - p);
		int cw = utf8_cluster_width(e->buf + p, k);

		if (w + cw > width && p > start) {
			if (brk > start) {
				add_line(lines, cap, n, start, brk);
				start = brk;
				w -= wbrk;
			} else {
				add_line(lines, cap, n, start, p);
				start = p;
				w = 0;
			}
			brk = 0;
			continue;
		}
		w += cw;
		p += k;
		if (e->buf[p - k] == ' ') {
			brk = p;
			wbrk = w;
		}
	}
	add_line(lines, cap, n, start, end);
}

size_t
edit_wrap(const struct edit *e, int width, struct edit_line **lines,
    size_t *cap, size_t *cur_line)
{
	size_t n = 0, p = 0, i;

	if (width < 1)
		width = 1;
	for (;;) {
		size_t end = e->multiline ? line_end(e, p) : e->len;

		wrap_line(e, p, end, width, lines, cap, &n);
		if (end >= e->len)
			break;
		p = end + 1;
	}
	*cur_line = 0;
	for (i = 0; i < n; i++)
		if ((*lines)[i].start <= e->cur)
			*cur_line = i;
	return n;
}

bool
edit_vertical(struct edit *e, int width, int dir)
{
	struct edit_line *lines = NULL;
	size_t cap = 0, cur, n, target, p, end;
	int col, w = 0;
	bool wrapped;

	n = edit_wrap(e, width, &lines, &cap, &cur);
	if ((dir < 0 && cur == 0) || (dir > 0 && cur + 1 >= n)) {
		free(lines);
		return false;
	}
	col = span_width(e, lines[cur].start, e->cur);
	target = dir < 0 ? cur - 1 : cur + 1;
	p = lines[target].start;
	end = lines[target].end;
	/* A line that wraps into the next ends where the next begins; the
	 * cursor cannot sit there without showing on the next line. */
	wrapped = target + 1 < n && lines[target + 1].start == end;
	while (p < end) {
		size_t k = utf8_next(e->buf + p, end - p);
		int cw = utf8_cluster_width(e->buf + p, k);

		if (w + cw > col || (wrapped && p + k >= end))
			break;
		w += cw;
		p += k;
	}
	e->cur = p;
	free(lines);
	return true;
}
