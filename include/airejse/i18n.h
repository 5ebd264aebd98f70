/* SPDX-License-Identifier: EUPL-1.2 */
/* Languages: gettext for the program's strings, and the choice between
 * the Danish and English texts the content carries. */
#ifndef AIREJSE_I18N_H
#define AIREJSE_I18N_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	(s)
#define P_(s, p, n)	ngettext((s), (p), (n))
/* For a table entry marked NC_: the context and the string given apart. */
#define NC_(ctx, s)	(s)

/* The translation of msgid in context ctx (gettext's msgctxt), for a
 * string marked NC_. */
const char *i18n_cgettext(const char *ctx, const char *msgid);

enum lang {
	LANG_DA,
	LANG_EN,
	LANG__COUNT
};

/* A user-visible text of the content, in every language. */
struct text {
	char	*s[LANG__COUNT];
};

/* Parses "da" or "en" (also "dansk", "english", da_DK.UTF-8 ...). */
int lang_parse(const char *s, enum lang *out);
const char *lang_code(enum lang lang);

/* The language the environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG): returns 0 and sets *out, or -1 when none of them names one. */
int lang_from_env(enum lang *out);

/* Sets the locale (falling back to C.UTF-8 when the user's locale is not
 * UTF-8, which *not_utf8 then reports), selects lang for program strings
 * and binds the catalogues in localedir. */
void i18n_init(enum lang lang, const char *localedir, int *not_utf8);
/* Changes the language after i18n_init (e.g. once the site config is read). */
void i18n_set_lang(enum lang lang);
enum lang i18n_lang(void);

/* The text in the current language; the other language when it is empty. */
const char *text_get(const struct text *t);
const char *text_in(const struct text *t, enum lang lang);

#endif
