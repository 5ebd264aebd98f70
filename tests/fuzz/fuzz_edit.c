/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzzes the editing model: the input is a program of edits (one byte
 * each, with the bytes to insert taken from the input), and after each
 * edit the text must be valid UTF-8 with the cursor on a cluster
 * boundary. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/edit.h"
#include "airejse/utf8.h"
#include "fuzz.h"

/* Whether off is where a grapheme cluster starts (or the end). */
static int
on_boundary(const struct edit *e, size_t off)
{
	size_t p = 0;

	while (p < off) {
		size_t n = utf8_next(e->buf + p, e->len - p);

		p += n ? n : 1;
	}
	return p == off;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct edit e;
	struct edit_line *lines = NULL;
	size_t i = 0, cap = 0, cur;

	edit_init(&e, NULL, size > 0 && (data[0] & 1));
	e.max = 4096;
	while (i < size) {
		uint8_t op = data[i++];
		size_t n;

		switch (op % 16) {
		case 0:
		case 1:
		case 2:
			/* Insert the next few bytes as they are. */
			n = (size_t)(op >> 4) + 1;
			if (n > size - i)
				n = size - i;
			edit_insert(&e, (const char *)data + i, n);
			i += n;
			break;
		case 3: edit_insert_cp(&e, (int32_t)op * 37); break;
		case 4: edit_left(&e); break;
		case 5: edit_right(&e); break;
		case 6: edit_word_left(&e); break;
		case 7: edit_word_right(&e); break;
		case 8: edit_home(&e); break;
		case 9: edit_end(&e); break;
		case 10: edit_backspace(&e); break;
		case 11: edit_delete(&e); break;
		case 12: edit_delete_word_left(&e); break;
		case 13: (op & 16) ? edit_kill_to_end(&e) : edit_kill_to_start(&e); break;
		case 14: edit_vertical(&e, (op >> 4) + 1, (op & 8) ? 1 : -1); break;
		default:
			if (edit_wrap(&e, (op >> 4) + 1, &lines, &cap, &cur) == 0)
				abort();
			break;
		}
		if (e.cur > e.len || strlen(e.buf) != e.len || e.len > e.max ||
		    !utf8_valid(e.buf, e.len) || !on_boundary(&e, e.cur))
			abort();
	}
	(void)edit_column(&e);
	free(lines);
	edit_free(&e);
	return 0;
}
