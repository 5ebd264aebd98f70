/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/ctrl.h"
#include "airejse/i18n.h"
#include "airejse/strbuf.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

bool
ctrl_is_bidi(int32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool
ctrl_is_control(int32_t cp)
{
	return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp < 0xA0) || ctrl_is_bidi(cp);
}

int
ctrl_check(const char *field, const char *s, enum ctrl_field kind, char **cause)
{
	size_t len, i = 0, nth = 0;

	if (s == NULL)
		return 0;
	len = strlen(s);
	while (i < len) {
		int32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		nth++;
		if (n < 0) {
			*cause = xasprintf(_("%s is not valid UTF-8 text (character %zu): type it again, or check the terminal's encoding"),
			    field, nth);
			return EX_DATAERR;
		}
		i += (size_t)n;
		if (!ctrl_is_control(cp) ||
		    (kind == CTRL_FREE && (cp == '\t' || cp == '\n' || ctrl_is_bidi(cp))))
			continue;
		if (cp == '\t' || cp == '\n' || cp == '\r')
			*cause = xasprintf(_("%s holds a tab or a line break (character %zu): give it on one line"),
			    field, nth);
		else if (ctrl_is_bidi(cp))
			*cause = xasprintf(_("%s holds the bidirectional control U+%04X (character %zu), which shows the text around it in another order: give it without"),
			    field, (unsigned)cp, nth);
		else
			*cause = xasprintf(_("%s holds the control character U+%04X (character %zu), which would act on the terminal of whoever reads it: give it without"),
			    field, (unsigned)cp, nth);
		return EX_DATAERR;
	}
	return 0;
}

void
ctrl_visible_add(struct strbuf *sb, const char *s, size_t n)
{
	size_t i = 0, from = 0;

	while (i < n) {
		int32_t cp;
		int k;

		/* Printable ASCII, most of what is printed, in runs. */
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (k > 0 && (!ctrl_is_control(cp) || cp == '\t' || cp == '\n')) {
			i += (size_t)k;
			continue;
		}
		sb_addn(sb, s + from, i - from);
		if (k < 0)
			sb_addf(sb, "<0x%02X>", (unsigned char)s[i]);
		else if (cp < 0x20)
			sb_addf(sb, "^%c", (char)(cp + 0x40));
		else if (cp == 0x7F)
			sb_add(sb, "^?");
		else
			sb_addf(sb, "<U+%04X>", (unsigned)cp);
		i += k < 0 ? 1 : (size_t)k;
		from = i;
	}
	sb_addn(sb, s + from, n - from);
}

char *
ctrl_visible(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	if (s != NULL)
		ctrl_visible_add(&sb, s, strlen(s));
	return sb_detach(&sb);
}

void
ctrl_write(FILE *out, const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	ctrl_visible_add(&sb, s, n);
	fwrite(sb_str(&sb), 1, sb.len, out);
	sb_free(&sb);
}

int
ctrl_printf(FILE *out, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	char *s;
	int rc;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	ctrl_visible_add(&sb, s, strlen(s));
	rc = fputs(sb_str(&sb), out);
	sb_free(&sb);
	free(s);
	return rc;
}

char *
ctrl_json(const char *json)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(json), i = 0, from = 0;

	while (i < len) {
		int32_t cp;
		int k;

		if ((unsigned char)json[i] < 0x7F) {
			i++;
			continue;
		}
		k = utf8_decode(json + i, len - i, &cp);
		if (k > 0 && !ctrl_is_control(cp)) {
			i += (size_t)k;
			continue;
		}
		sb_addn(&sb, json + from, i - from);
		if (k < 0)
			sb_add(&sb, "\\ufffd");	/* jansson writes only UTF-8 */
		else
			sb_addf(&sb, "\\u%04x", (unsigned)cp);
		i += k < 0 ? 1 : (size_t)k;
		from = i;
	}
	sb_addn(&sb, json + from, len - from);
	return sb_detach(&sb);
}
