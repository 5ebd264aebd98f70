/* SPDX-License-Identifier: EUPL-1.2 */
/* Answer values: the one reader of what a user typed (the command line,
 * the terminal program, the plain prompts and the import all go through
 * value_read), the canonical form that is stored, and the text a stored
 * value is shown as. Whatever value_format shows reads back through
 * value_read, in the same language, as the same stored value.
 *
 * Canonical forms: yes/no "ja" or "nej"; number "12.5" (a point, no
 * grouping); amount whole kroner "1600000"; a number or an amount given
 * as approximate ("ca. 450", "about 450") has "~" before it: "~450";
 * date "2026-11-23"; choice an option id; multiple choice option ids in
 * option order joined by ","; text NFC UTF-8. */
#ifndef AIREJSE_VALUE_H
#define AIREJSE_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "airejse/i18n.h"
#include "airejse/record.h"

struct question;

/* Amounts beyond this many kroner are refused (exact in a double). */
#define VALUE_AMOUNT_MAX 999999999999999LL
/* Default length limits, in characters. */
#define VALUE_TEXT_MAX 200
#define VALUE_LONGTEXT_MAX 20000
/* A text field of n characters also takes at most this many bytes: four
 * to a character, a code point at its longest. A character counts its
 * combining marks too, so without it one letter could carry megabytes. */
#define VALUE_FIELD_BYTES(n) ((size_t)(n) * 4)

/* Reads input as an answer to q written the lang way: in Danish a point
 * groups thousands and a comma is the decimal mark, in English the
 * reverse; an input that can be read only the other way ("1.5" in
 * Danish) is read so. Returns 0 and sets *canon (caller frees) and, if
 * note is not NULL, *note: NULL, or (caller frees) how the input was
 * read when that was not lang's usual reading, for the caller to show.
 * Otherwise returns EX_DATAERR and sets *cause (caller frees): what was
 * wrong, naming the question by its prompt, with two examples of what
 * it accepts in lang. "Don't know" is not handled here: see
 * value_is_dontknow. */
int value_read(const struct question *q, const char *input, enum lang lang,
    char **canon, char **note, char **cause);
/* value_read in the program's language, without the note. */
int value_parse(const struct question *q, const char *input, char **canon,
    char **cause);

/* Whether value is a stored answer to q in canonical form (a backup being
 * read): 0, or EX_DATAERR with *cause (caller frees). */
int value_check_canonical(const struct question *q, const char *value, char **cause);

/* The stored value shown in lang ("1.600.000 kr.", "Ja", "ca. 450").
 * Caller frees. */
char *value_format(const struct question *q, const char *canon, enum lang lang);

/* The number a canonical number or amount holds, and whether it was given
 * as approximate (approx may be NULL): true, or false when canon is not
 * one. */
bool value_number(const char *canon, double *out, bool *approx);

/* Two examples of what value_read accepts for q, in lang, joined for a
 * sentence ("1.200 eller 12,5"). Caller frees. */
char *value_examples(const struct question *q, enum lang lang);

/* True for "ved ikke", "don't know", "?" and their variants. */
bool value_is_dontknow(const char *input);
/* The "don't know" answer shown in lang. */
const char *value_dontknow_text(enum lang lang);
/* An answer for people, in the program's language: the value formatted
 * (value_format), "Ved ikke", or "(no answer)". q may be NULL (a question
 * the content no longer has: the value as stored). Caller frees. */
char *value_answer_text(const struct question *q, enum answer_kind kind,
    const char *value);

/* The messages value_read refuses an input with or notes how it read one,
 * for a reader that works like it elsewhere (the packet's form): printf
 * formats, each in the order value.c gives its arguments (the input as
 * quoted first, the two examples last). */
enum value_msg {
	VM_FOREIGN,
	VM_PERCENT,
	VM_CURRENCY,
	VM_ORE,
	VM_NEGATIVE,
	VM_DIGITS,
	VM_BELOW,
	VM_ABOVE,
	VM_NOT_AMOUNT,
	VM_NOT_NUMBER,
	VM_SHORT_YEAR,
	VM_YEAR,
	VM_MONTH,
	VM_DAY,
	VM_NOT_DATE,
	VM_LINES,
	VM_CONTROL,
	VM_EMPTY,
	VM_TOO_LONG,
	VM_UTF8,
	VM_NOT_EMAIL,
	VM_NOT_URL,
	VM_READ_DA,
	VM_READ_EN,
	VM_SWAPPED,
	VM__COUNT
};

/* Message m in the program's language. */
const char *value_message(enum value_msg m);

/* The two examples of value_examples on their own: ex[0] and ex[1]
 * (caller frees both), or false (and NULLs) for text. */
bool value_example_pair(const struct question *q, enum lang lang, char *ex[2]);
/* The month's name in the program's language ("marts"), m from 1. */
const char *value_month_name(int m);
/* The smallest (low) or largest answer q allows, shown in lang; without
 * a bound of its own, an amount's (VALUE_AMOUNT_MAX). Caller frees. */
char *value_limit_text(const struct question *q, bool low, enum lang lang);

/* Readers for the content's and the site settings' own values (limits,
 * the tender threshold, due dates): as value_read reads them in Danish,
 * plain and approximate forms aside. Each returns 0 or -1. */
int value_parse_yesno(const char *s, bool *yes);
int value_parse_number(const char *s, double *out);
int value_parse_amount(const char *s, int64_t *kroner);
/* iso (if not NULL) gets YYYY-MM-DD and must hold 11 bytes. */
int value_parse_date(const char *s, char *iso);
int value_check_email(const char *s);
int value_check_url(const char *s);

char *value_format_amount(int64_t kroner, enum lang lang);
char *value_format_date(const char *iso, enum lang lang);

#endif
