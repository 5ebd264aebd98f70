/* SPDX-License-Identifier: EUPL-1.2 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "airejse/i18n.h"

static enum lang current = LANG_DA;

int
lang_parse(const char *s, enum lang *out)
{
	if (s == NULL)
		return -1;
	if (strncasecmp(s, "da", 2) == 0) {
		*out = LANG_DA;
		return 0;
	}
	if (strncasecmp(s, "en", 2) == 0) {
		*out = LANG_EN;
		return 0;
	}
	return -1;
}

const char *
lang_code(enum lang lang)
{
	return lang == LANG_EN ? "en" : "da";
}

int
lang_from_env(enum lang *out)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	enum lang l;
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v == NULL || *v == '\0')
			continue;
		if (lang_parse(v, &l) == 0) {
			*out = l;
			return 0;
		}
		/* C and POSIX name no language; any other locale does. */
		if (strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 ||
		    strncmp(v, "C.", 2) == 0)
			continue;
		if (i == 0)	/* LANGUAGE may list others first: da:en */
			continue;
		*out = LANG_EN;
		return 0;
	}
	return -1;
}

void
i18n_set_lang(enum lang lang)
{
	current = lang;
	/* GNU gettext honours LANGUAGE over the locale (but not in "C",
	 * which is why i18n_init never leaves LC_MESSAGES at plain "C"). */
	setenv("LANGUAGE", lang_code(lang), 1);
	/* Changing LANGUAGE needs this to flush gettext's cache. */
	textdomain(textdomain(NULL));
}

void
i18n_init(enum lang lang, const char *localedir, int *not_utf8)
{
	const char *loc = setlocale(LC_ALL, "");
	int utf8 = loc != NULL && strcmp(nl_langinfo(CODESET), "UTF-8") == 0;

	if (not_utf8 != NULL)
		*not_utf8 = 0;
	if (!utf8) {
		/* Only complain when the user picked a locale; plain C is
		 * the default of scripts and needs no warning. */
		if (not_utf8 != NULL && loc != NULL && strcmp(loc, "C") != 0 &&
		    strcmp(loc, "POSIX") != 0)
			*not_utf8 = 1;
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C.utf8");
	} else if (loc != NULL && strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0) {
		setlocale(LC_MESSAGES, "C.UTF-8");
	}
	/* Numbers are formatted by our own code, never by the C library. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain("airejse", localedir);
	bind_textdomain_codeset("airejse", "UTF-8");
	textdomain("airejse");
	i18n_set_lang(lang);
}

const char *
i18n_cgettext(const char *ctx, const char *msgid)
{
	char buf[512];
	int n = snprintf(buf, sizeof(buf), "%s\004%s", ctx, msgid);
	const char *t;

	if (n < 0 || (size_t)n >= sizeof(buf))
		return msgid;
	t = gettext(buf);
	return t == buf ? msgid : t;
}

enum lang
i18n_lang(void)
{
	return current;
}

const char *
text_in(const struct text *t, enum lang lang)
{
	const char *s = t->s[lang];

	if (s == NULL || *s == '\0')
		s = t->s[lang == LANG_DA ? LANG_EN : LANG_DA];
	return s ? s : "";
}

const char *
text_get(const struct text *t)
{
	return text_in(t, current);
}
