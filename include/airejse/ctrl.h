/* SPDX-License-Identifier: EUPL-1.2 */
/* Control characters: the one rule for what text may be stored, and the
 * one function every string printed to a terminal passes through.
 *
 * Two people may share a database: what one stores, the other's terminal
 * prints. A terminal acts on C0 controls (ESC starts a sequence that can
 * rename a window, reset the screen or paste into the shell), on C1
 * controls (U+009B is an 8-bit CSI) and shows text reordered around
 * bidirectional controls (U+202E turns what follows around). So the store
 * refuses them at its door (ctrl_check), and what reaches a terminal has
 * them made visible (ctrl_visible), for data stored before the rule and
 * for input quoted in a message. */
#ifndef AIREJSE_CTRL_H
#define AIREJSE_CTRL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct strbuf;

enum ctrl_field {
	CTRL_LINE,	/* a name, an id, an address, a date: no control */
	CTRL_FREE	/* free text: tabs, line breaks and bidi controls too */
};

/* Whether a terminal acts on the code point cp, or shows the text around
 * it reordered: C0 and DEL, C1, and the bidirectional controls (U+200E,
 * U+200F, U+061C, U+202A..U+202E, U+2066..U+2069). */
bool ctrl_is_control(int32_t cp);
bool ctrl_is_bidi(int32_t cp);

/* 0 if s (NULL is fine) may be stored in a field of kind; else EX_DATAERR
 * with *cause (caller frees) naming the field by field (its text, as
 * "the note") and the first character refused as U+XXXX with its place:
 * any C0 control and DEL (a CTRL_FREE field keeps tabs and line feeds),
 * any C1 control, a bidirectional control unless the field is free
 * text; and bytes that are not UTF-8. */
int ctrl_check(const char *field, const char *s, enum ctrl_field kind, char **cause);

/* Adds s[0..n) to sb with every control a terminal would act on made
 * visible: C0 and DEL as ^X (ESC as ^[, BEL as ^G, CR as ^M, DEL as ^?)
 * but tab and line feed as they are; C1 and bidirectional controls as
 * <U+XXXX>; a byte that is not UTF-8 as <0xXX>. */
void ctrl_visible_add(struct strbuf *sb, const char *s, size_t n);
/* A copy of s made visible so; caller frees. NULL gives "". */
char *ctrl_visible(const char *s);
/* printf to out through ctrl_visible: what the command line and the
 * plain prompts print. Returns what fputs returns. */
int ctrl_printf(FILE *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Writes s[0..n) to out through ctrl_visible_add. */
void ctrl_write(FILE *out, const char *s, size_t n);

/* A copy of the JSON text json with every C1 control, DEL and
 * bidirectional control written as a \uXXXX escape: the same JSON to a
 * parser (such characters can only stand inside its strings; jansson
 * already escapes C0), and nothing a terminal acts on. Caller frees. */
char *ctrl_json(const char *json);

#endif
