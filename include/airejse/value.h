/* Answer values: parsing what a user typed into the canonical form that
 * is stored, and formatting a stored value for people.
 *
 * Canonical forms: yes/no "ja" or "nej"; number "12.5"; amount whole
 * kroner "1600000"; date "2026-11-23"; choice an option id; multiple
 * choice option ids in option order joined by ","; text NFC UTF-8. */
#ifndef AIREJSE_VALUE_H
#define AIREJSE_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "airejse/i18n.h"

struct question;

/* Amounts beyond this many kroner are refused (exact in a double). */
#define VALUE_AMOUNT_MAX 999999999999999LL
/* Default length limits, in characters. */
#define VALUE_TEXT_MAX 200
#define VALUE_LONGTEXT_MAX 20000

/* Parses input as an answer to q. Returns 0 and sets *canon (caller
 * frees), or returns EX_DATAERR and sets *cause to why (caller frees).
 * "Don't know" is not handled here: see value_is_dontknow. */
int value_parse(const struct question *q, const char *input, char **canon,
    char **cause);

/* The stored value shown in lang ("1.600.000 kr.", "Ja"). Caller frees. */
char *value_format(const struct question *q, const char *canon, enum lang lang);

/* True for "ved ikke", "don't know", "?" and their variants. */
bool value_is_dontknow(const char *input);
/* The "don't know" answer shown in lang. */
const char *value_dontknow_text(enum lang lang);

/* The parsers behind value_parse; each returns 0 or -1. */
int value_parse_yesno(const char *s, bool *yes);
int value_parse_number(const char *s, double *out);
int value_parse_amount(const char *s, int64_t *kroner);
/* iso (if not NULL) gets YYYY-MM-DD and must hold 11 bytes. */
int value_parse_date(const char *s, char *iso);
int value_check_email(const char *s);
int value_check_url(const char *s);

char *value_format_number(double v, enum lang lang);
char *value_format_amount(int64_t kroner, enum lang lang);
char *value_format_date(const char *iso, enum lang lang);

#endif
