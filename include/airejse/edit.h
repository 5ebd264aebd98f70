/* SPDX-License-Identifier: EUPL-1.2 */
/* The editing model behind the terminal program's text fields: a UTF-8
 * buffer with a cursor that moves by grapheme cluster (so "å" or an emoji
 * with a modifier is one step), word moves, deletion and long pastes.
 * No curses here: the model is tested and fuzzed on its own, and
 * src/tui-edit.c draws it. */
#ifndef AIREJSE_EDIT_H
#define AIREJSE_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most bytes a field holds unless told otherwise: far beyond any
 * answer's limit, so a long paste arrives whole and the answer's own
 * check can say what is too long. */
#define EDIT_MAX_BYTES (2u << 20)

struct edit {
	char	*buf;		/* valid UTF-8, NUL-terminated, never NULL */
	size_t	 len;
	size_t	 cap;
	size_t	 cur;		/* byte offset, always on a cluster boundary */
	size_t	 max;		/* the most bytes buf holds */
	bool	 multiline;	/* line breaks allowed */
	bool	 full;		/* an insertion was cut at max */
};

/* Starts with text (NULL: empty), the cursor at its end. */
void edit_init(struct edit *e, const char *text, bool multiline);
void edit_free(struct edit *e);
/* Replaces the whole text, the cursor at its end. */
void edit_set(struct edit *e, const char *text);
const char *edit_text(const struct edit *e);

/* Inserts n bytes at the cursor: invalid bytes become U+FFFD, control
 * characters are dropped, and in a one-line field a line break or tab
 * becomes a space. "\r\n" and "\r" become "\n". Stops at max (and sets
 * full). Returns the bytes inserted. */
size_t edit_insert(struct edit *e, const char *s, size_t n);
/* Inserts one code point. */
size_t edit_insert_cp(struct edit *e, int32_t cp);

/* Movements; each returns false when the cursor could not move. */
bool edit_left(struct edit *e);
bool edit_right(struct edit *e);
bool edit_word_left(struct edit *e);
bool edit_word_right(struct edit *e);
/* The start or end of the current line (the whole text in a one-line
 * field). */
bool edit_home(struct edit *e);
bool edit_end(struct edit *e);

/* Deletions; each returns false when there was nothing to delete. */
bool edit_backspace(struct edit *e);
bool edit_delete(struct edit *e);
bool edit_delete_word_left(struct edit *e);	/* Ctrl-W */
bool edit_kill_to_end(struct edit *e);		/* Ctrl-K: to the end of the line */
bool edit_kill_to_start(struct edit *e);	/* Ctrl-U: to the start of the line */

/* The column of the cursor within its line, in terminal columns. */
int edit_column(const struct edit *e);

/* A visual line of a wrapped text: bytes [start, end) of the buffer. */
struct edit_line {
	size_t	start;
	size_t	end;
};

/* Wraps the text at width columns (at spaces where it can, inside a word
 * when it must) into *lines (grown as needed; caller frees). Returns the
 * number of lines, at least 1. *cur_line gets the line of the cursor. */
size_t edit_wrap(const struct edit *e, int width, struct edit_line **lines,
    size_t *cap, size_t *cur_line);
/* Moves the cursor dir (-1 up, +1 down) visual lines of a text wrapped
 * at width, keeping its column where it can. */
bool edit_vertical(struct edit *e, int width, int dir);

#endif
