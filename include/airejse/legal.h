/* SPDX-License-Identifier: EUPL-1.2 */
/* Legal facts as dated data: the values the law sets for a period (the
 * tender threshold), the placeholders that put them and the legal dates
 * into the content's texts, and the checks that keep them honest (a
 * malformed fact, a figure typed instead of drawn from the data, a fact
 * not checked for too long). */
#ifndef AIREJSE_LEGAL_H
#define AIREJSE_LEGAL_H

#include <stdbool.h>
#include <stddef.h>

#include "airejse/i18n.h"

struct content;
struct diags;
struct fact;
struct law;
struct strlist;
struct fact_value;
struct settings;

/* The fact with that id, or NULL. */
const struct fact *legal_fact(const struct content *c, const char *id);
/* The value of f in force on day (YYYY-MM-DD), or NULL. */
const struct fact_value *legal_value_on(const struct fact *f, const char *day);

/* The tender threshold a project uses on day: the site's setting when
 * it sets one, else the udbudsgraense fact's value in force, else the
 * built-in default. *from_fact tells which (may be NULL). */
double legal_threshold(const struct content *c, const struct settings *s,
    const char *day, const struct fact_value **from_fact);

/* The date the legal content was last checked, as of day: the oldest
 * 'checked' of the legal dates and of the facts' values in force on day
 * (a reader can trust nothing fresher), or NULL when there is none.
 * *unchecked (may be NULL) gets how many of those were not checked
 * against the legal text itself (legal_source_kind). */
const char *legal_checked(const struct content *c, const char *day, size_t *unchecked);

/* The checks that need no clock, run on content once loaded (by the
 * program and by validate): facts well
 * formed (values sorted, not overlapping, known source kinds, CELEX
 * numbers), and every placeholder naming a known fact or date and
 * standing only in texts. Returns the number of errors added to d. */
size_t legal_link(const struct content *c, struct diags *d);

/* What validate adds, as of day: a text that states a fact's figure or a
 * legal date literally is an error; with warn, a fact last checked more
 * than months before day, a source that is not the legal text, and a
 * fact with no value in force are warnings. */
void legal_lint(const struct content *c, const char *day, int months, bool warn,
    struct diags *d);

/* Puts the facts into the texts, as the project sees them on day (the
 * site's threshold when it sets one), and makes the settings' threshold
 * the fact's when the site sets none. Unknown placeholders are left as
 * written (legal_link reports them). */
void legal_fill(struct content *c, struct settings *s, const char *day);

/* A text with its placeholders filled in, in lang, as legal_fill does
 * (caller frees); NULL when it has none. */
char *legal_expand(const struct content *c, const struct settings *s,
    const char *day, const char *text, enum lang lang);

/* iso (YYYY-MM-DD) plus months, the day kept or else the month's last,
 * into out (11 bytes). */
void legal_add_months(const char *iso, int months, char out[11]);

/* The long form of a date in prose: "2. december 2027", "2 December
 * 2027" (caller frees). */
char *legal_date_long(const char *iso, enum lang lang);

/* When the references to an act were checked, for beside them, in the
 * current language: "(kontrolleret 04.12.2026)", saying so when the
 * source was not the legal text (caller frees). */
char *legal_ref_note(const struct law *lw);
/* The same for a check on day checked against a source of kind. */
char *legal_checked_note(const char *checked, const char *kind);

/* The legal references of l joined by sep, each act's check date after
 * its last reference (l linked: see struct strlist); NULL when l is
 * empty (caller frees). */
char *legal_refs_text(const struct strlist *l, const char *sep);

/* What kind of source it is: kind (legal, authority, secondary) when
 * given, else "secondary" for a source that starts by saying so
 * ("Sekundær kilde"), else "legal". */
const char *legal_source_kind(const char *kind, const char *source);

#endif
