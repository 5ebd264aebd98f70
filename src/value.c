#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "airejse/content.h"
#include "airejse/strbuf.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

/* Lower-cased, trimmed ASCII-insensitive copy for matching words. */
static char *
folded(const char *s)
{
	char *t = utf8_trim(s);
	char *f = utf8_fold(t);

	free(t);
	return f;
}

static bool
word_in(const char *s, const char *const *words)
{
	char *f = folded(s);
	bool found = false;

	for (; f != NULL && *words != NULL && !found; words++)
		found = strcmp(f, *words) == 0;
	free(f);
	return found;
}

bool
value_is_dontknow(const char *input)
{
	static const char *const words[] = { "ved ikke", "vedikke", "ved ik",
	    "?", "don't know", "dont know", "don’t know", "do not know",
	    "unknown", "ukendt", NULL };

	return word_in(input, words);
}

const char *
value_dontknow_text(enum lang lang)
{
	return lang == LANG_EN ? "Don't know" : "Ved ikke";
}

int
value_parse_yesno(const char *s, bool *yes)
{
	static const char *const y[] = { "ja", "j", "yes", "y", NULL };
	static const char *const n[] = { "nej", "n", "no", NULL };

	if (word_in(s, y)) {
		*yes = true;
		return 0;
	}
	if (word_in(s, n)) {
		*yes = false;
		return 0;
	}
	return -1;
}

/* Checks that s[0..len) is digits in groups of three after the first
 * group of one to three, separated by sep; appends the digits. */
static bool
grouped(const char *s, size_t len, char sep, struct strbuf *out)
{
	size_t i, run = 0;
	bool first = true;

	for (i = 0; i < len; i++) {
		if (s[i] == sep) {
			if ((first && (run < 1 || run > 3)) || (!first && run != 3))
				return false;
			first = false;
			run = 0;
		} else if (isdigit((unsigned char)s[i])) {
			sb_addc(out, s[i]);
			run++;
		} else {
			return false;
		}
	}
	return first ? run > 0 : run == 3;
}

static bool
all_digits(const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return false;
	for (i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* Digits of n = "[-]int[.frac]" without the integer part's leading zeros. */
static size_t
significant_digits(const char *n)
{
	size_t count = 0;

	if (*n == '-')
		n++;
	while (*n == '0')
		n++;
	for (; *n; n++)
		if (isdigit((unsigned char)*n))
			count++;
	return count;
}

/* Normalises a number written the Danish or the English way into
 * "[-]digits[.digits]". In amount mode a lone "." or "," followed by
 * exactly three digits separates thousands (1.600 kr. is 1600 kroner). */
static int
normalize_number(const char *in, bool amount, struct strbuf *out)
{
	struct strbuf digits = STRBUF_INIT;
	const char *s, *dec = NULL, *lastdot, *lastcomma;
	char tsep = 0;
	size_t len, intlen, i;
	int ndots = 0, ncommas = 0;
	int rc = -1;

	/* Spaces (also no-break and thin) may group thousands: drop them. */
	for (s = in; *s; s++) {
		if (*s == ' ')
			continue;
		if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			continue;
		}
		if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
		    ((unsigned char)s[2] == 0xAF || (unsigned char)s[2] == 0x89)) {
			s += 2;
			continue;
		}
		sb_addc(&digits, *s);
	}
	s = sb_str(&digits);
	if (*s == '-' || *s == '+') {
		if (*s == '-')
			sb_addc(out, '-');
		s++;
	} else if (strncmp(s, "\xe2\x88\x92", 3) == 0) {	/* minus sign */
		sb_addc(out, '-');
		s += 3;
	}
	len = strlen(s);
	if (len == 0 || len > 256)
		goto done;
	for (i = 0; i < len; i++) {
		if (s[i] == '.')
			ndots++;
		else if (s[i] == ',')
			ncommas++;
		else if (!isdigit((unsigned char)s[i]))
			goto done;
	}
	lastdot = strrchr(s, '.');
	lastcomma = strrchr(s, ',');
	if (ndots > 0 && ncommas > 0) {
		/* The later one is the decimal separator. */
		dec = lastdot > lastcomma ? lastdot : lastcomma;
		tsep = dec == lastdot ? ',' : '.';
		if ((dec == lastdot ? ndots : ncommas) != 1)
			goto done;
	} else if (ncommas == 1) {
		/* Øre have two digits, so 250,000 kr. is English grouping. */
		if (amount && strlen(lastcomma + 1) == 3 && lastcomma != s)
			tsep = ',';
		else
			dec = lastcomma;
	} else if (ncommas > 1) {
		tsep = ',';
	} else if (ndots == 1) {
		if (amount && strlen(lastdot + 1) == 3 && lastdot != s)
			tsep = '.';
		else
			dec = lastdot;
	} else if (ndots > 1) {
		tsep = '.';
	}
	intlen = dec ? (size_t)(dec - s) : len;
	if (intlen == 0) {
		sb_addc(out, '0');
	} else if (tsep) {
		if (!grouped(s, intlen, tsep, out))
			goto done;
	} else {
		if (!all_digits(s, intlen))
			goto done;
		sb_addn(out, s, intlen);
	}
	if (dec != NULL) {
		if (!all_digits(dec + 1, strlen(dec + 1)))
			goto done;
		sb_addc(out, '.');
		sb_add(out, dec + 1);
	}
	/* Bound the digits that matter, so that a value and its canonical
	 * form (leading zeros dropped or one added) are judged alike. */
	if (significant_digits(sb_str(out)) > 40)
		goto done;
	rc = 0;
done:
	sb_free(&digits);
	return rc;
}

/* Strips leading zeros and a zero fraction: "007.50" -> "7.5". */
static char *
tidy_number(const char *n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = n, *dot;
	size_t end;

	if (*p == '-')
		p++;
	while (*p == '0' && p[1] != '\0' && p[1] != '.')
		p++;
	dot = strchr(p, '.');
	end = strlen(p);
	if (dot != NULL) {
		while (end > 0 && p[end - 1] == '0')
			end--;
		if (p + end - 1 == dot)
			end--;
	}
	if (*n == '-' && !(end == 1 && p[0] == '0'))
		sb_addc(&sb, '-');
	sb_addn(&sb, p, end);
	return sb_detach(&sb);
}

int
value_parse_number(const char *s, double *out)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	rc = normalize_number(s, false, &sb);
	if (rc == 0 && out != NULL)
		*out = strtod(sb_str(&sb), NULL);
	sb_free(&sb);
	return rc;
}

/* Removes word (case-insensitive) from the end of s if it is there. */
static bool
strip_suffix(char *s, const char *word)
{
	size_t n = strlen(s), w = strlen(word);

	if (n < w || strcasecmp(s + n - w, word) != 0)
		return false;
	s[n - w] = '\0';
	/* Trim what is left. */
	while (n - w > 0 && s[n - w - 1] == ' ')
		s[--n - w] = '\0';
	return true;
}

static bool
strip_prefix(char **s, const char *word)
{
	size_t w = strlen(word);

	if (strncasecmp(*s, word, w) != 0)
		return false;
	*s += w;
	while (**s == ' ')
		(*s)++;
	return true;
}

int
value_parse_amount(const char *s, int64_t *kroner)
{
	static const char *const currency[] = { "kroner", "kr.", "kr", "dkk", ",-", ".-", NULL };
	static const struct { const char *word; double mult; } mults[] = {
		{ "millioner", 1e6 }, { "million", 1e6 }, { "mio.", 1e6 }, { "mio", 1e6 },
		{ "milliarder", 1e9 }, { "milliard", 1e9 }, { "mia.", 1e9 }, { "mia", 1e9 },
		{ "billion", 1e9 }, { "bn", 1e9 }, { "m", 1e6 },
	};
	struct strbuf num = STRBUF_INIT;
	char *buf = utf8_trim(s), *p = buf;
	double mult = 1, v;
	const char *const *c;
	bool again;
	size_t i;
	int rc = -1;

	/* Currency before or after, multiplier after: "1,6 mio. kr.". */
	for (c = currency; *c; c++)
		if (strip_prefix(&p, *c))
			break;
	do {
		again = false;
		for (c = currency; *c; c++)
			if (strip_suffix(p, *c))
				again = true;
	} while (again);
	for (i = 0; i < sizeof(mults) / sizeof(mults[0]); i++) {
		size_t n = strlen(p), w = strlen(mults[i].word);

		/* "m" only right after a digit or space: not inside words. */
		if (n > w && strcasecmp(p + n - w, mults[i].word) == 0 &&
		    (w > 1 || isdigit((unsigned char)p[n - 2]) || p[n - 2] == ' ')) {
			p[n - w] = '\0';
			mult = mults[i].mult;
			break;
		}
	}
	if (normalize_number(p, mult == 1, &num) != 0)
		goto done;
	v = strtod(sb_str(&num), NULL) * mult;
	if (mult == 1 && strchr(sb_str(&num), '.') != NULL) {
		/* Øre are not kept: "1.600.000,00" is fine, ",50" is not. */
		if (v != floor(v))
			goto done;
	}
	v = round(v);
	if (fabs(v) > (double)VALUE_AMOUNT_MAX)
		goto done;
	if (kroner != NULL)
		*kroner = (int64_t)v;
	rc = 0;
done:
	sb_free(&num);
	free(buf);
	return rc;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Reads 1..max digits; returns the count read. */
static int
read_int(const char *s, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)s[n]))
		v = v * 10 + (s[n++] - '0');
	*out = v;
	return n;
}

int
value_parse_date(const char *in, char *iso)
{
	char *s = utf8_trim(in);
	int a, b, c, na, nb, nc, y, m, d;
	char sep;
	int rc = -1;

	na = read_int(s, 4, &a);
	if (na == 0 || (sep = s[na]) == '\0' ||
	    (sep != '-' && sep != '.' && sep != '/'))
		goto done;
	nb = read_int(s + na + 1, 2, &b);
	if (nb == 0 || s[na + 1 + nb] != sep)
		goto done;
	nc = read_int(s + na + 1 + nb + 1, 4, &c);
	if (nc == 0 || s[na + 1 + nb + 1 + nc] != '\0')
		goto done;
	if (na == 4 && sep == '-' && nc <= 2) {
		y = a, m = b, d = c;		/* 2026-11-23 */
	} else if (na <= 2 && nc == 4) {
		d = a, m = b, y = c;		/* 23.11.2026 */
	} else {
		goto done;
	}
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
		goto done;
	if (iso != NULL)
		snprintf(iso, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	rc = 0;
done:
	free(s);
	return rc;
}

/* Patterns are compiled once, on first use (neomutt prex.c). */
enum pattern { PAT_EMAIL, PAT_URL, PAT__COUNT };

static bool
matches(enum pattern which, const char *s)
{
	static const char *const src[PAT__COUNT] = {
		[PAT_EMAIL] = "^[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"._-][^\\s@<>()\\[\\],;:\"]*"
		    "(?<![.-])(?:\\.[^\\s@<>()\\[\\],;:\".-][^\\s@<>()\\[\\],;:\".]*)*"
		    "\\.[^\\s@<>()\\[\\],;:\".0-9-]{2,}$",
		[PAT_URL] = "^https?://[^\\s/?#@:]+(?::[0-9]{1,5})?(?:[/?#]\\S*)?$",
	};
	static pcre2_code *code[PAT__COUNT];
	pcre2_match_data *md;
	int rc;

	if (code[which] == NULL) {
		int err;
		PCRE2_SIZE off;

		code[which] = pcre2_compile((PCRE2_SPTR)src[which], PCRE2_ZERO_TERMINATED,
		    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
		if (code[which] == NULL)
			abort();	/* a bug in the pattern above */
	}
	md = pcre2_match_data_create_from_pattern(code[which], NULL);
	rc = pcre2_match(code[which], (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
	pcre2_match_data_free(md);
	return rc >= 0;
}

int
value_check_email(const char *s)
{
	if (!utf8_valid(s, strlen(s)) || strlen(s) > 254)
		return -1;
	return matches(PAT_EMAIL, s) ? 0 : -1;
}

int
value_check_url(const char *s)
{
	if (!utf8_valid(s, strlen(s)) || strlen(s) > 2048)
		return -1;
	return matches(PAT_URL, s) ? 0 : -1;
}

/* The option of q named by s: its id, or its label in either language. */
static const struct qoption *
find_option(const struct question *q, const char *s)
{
	char *want = folded(s);
	const struct qoption *found = NULL;
	size_t i;
	int l;

	if (want == NULL)
		return NULL;
	for (i = 0; i < q->noptions && found == NULL; i++) {
		const struct qoption *o = &q->options[i];

		if (strcmp(o->id, want) == 0) {
			found = o;
			break;
		}
		for (l = 0; l < LANG__COUNT && found == NULL; l++) {
			char *label = o->label.s[l] ? folded(o->label.s[l]) : NULL;

			if (label != NULL && strcmp(label, want) == 0)
				found = o;
			free(label);
		}
	}
	free(want);
	return found;
}

static char *
option_list(const struct question *q)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < q->noptions; i++) {
		if (i > 0)
			sb_add(&sb, ", ");
		sb_add(&sb, q->options[i].id);
	}
	return sb_detach(&sb);
}

static int
parse_choice(const struct question *q, const char *input, char **canon, char **cause)
{
	const struct qoption *o = find_option(q, input);
	char *list;

	if (o != NULL) {
		*canon = xstrdup(o->id);
		return 0;
	}
	list = option_list(q);
	*cause = xasprintf(_("'%s' is not one of the options: %s"), input, list);
	free(list);
	return EX_DATAERR;
}

static int
parse_multi(const struct question *q, const char *input, char **canon, char **cause)
{
	bool *picked = xcalloc(q->noptions ? q->noptions : 1, sizeof(*picked));
	struct strbuf sb = STRBUF_INIT;
	char *copy, *tok, *save = NULL, *list;
	const struct qoption *o;
	size_t i, n = 0;
	int rc = 0;

	/* A label with a comma in it can still be given whole. */
	if ((o = find_option(q, input)) != NULL) {
		picked[o - q->options] = true;
		n = 1;
	} else {
		copy = xstrdup(input);
		for (tok = strtok_r(copy, ",;", &save); tok && rc == 0;
		    tok = strtok_r(NULL, ",;", &save)) {
			char *t = utf8_trim(tok);

			if (*t == '\0') {
				free(t);
				continue;
			}
			if ((o = find_option(q, t)) == NULL) {
				list = option_list(q);
				*cause = xasprintf(_("'%s' is not one of the options: %s"), t, list);
				free(list);
				rc = EX_DATAERR;
			} else {
				picked[o - q->options] = true;
				n++;
			}
			free(t);
		}
		free(copy);
	}
	if (rc == 0 && n == 0) {
		*cause = xstrdup(_("no option given; separate several with commas"));
		rc = EX_DATAERR;
	}
	if (rc == 0) {
		for (i = 0; i < q->noptions; i++) {
			if (!picked[i])
				continue;
			if (sb.len > 0)
				sb_addc(&sb, ',');
			sb_add(&sb, q->options[i].id);
		}
		*canon = sb_detach(&sb);
	}
	sb_free(&sb);
	free(picked);
	return rc;
}

static int
parse_text(const struct question *q, const char *input, char **canon, char **cause)
{
	size_t max = q->maxlen ? q->maxlen : (q->type == Q_LONGTEXT ?
	    VALUE_LONGTEXT_MAX : VALUE_TEXT_MAX);
	struct strbuf sb = STRBUF_INIT;
	char *nfc, *t;
	const unsigned char *p;
	size_t n;

	if (!utf8_valid(input, strlen(input))) {
		*cause = xstrdup(_("the text is not valid UTF-8; check the terminal's or the file's character set"));
		return EX_DATAERR;
	}
	for (p = (const unsigned char *)input; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;	/* CRLF becomes LF */
		if (*p == '\n' || *p == '\t' || *p == '\r') {
			if (q->type != Q_LONGTEXT) {
				*cause = xstrdup(_("the answer must be one line"));
				sb_free(&sb);
				return EX_DATAERR;
			}
			sb_addc(&sb, *p == '\r' ? '\n' : (char)*p);
			continue;
		}
		if (*p < 0x20 || *p == 0x7F) {
			*cause = xstrdup(_("the text contains a control character"));
			sb_free(&sb);
			return EX_DATAERR;
		}
		sb_addc(&sb, (char)*p);
	}
	t = utf8_trim(sb_str(&sb));
	sb_free(&sb);
	nfc = utf8_nfc(t);
	free(t);
	if (nfc == NULL) {
		*cause = xstrdup(_("the text is not valid UTF-8"));
		return EX_DATAERR;
	}
	if (*nfc == '\0') {
		free(nfc);
		*cause = xstrdup(_("the answer is empty; to remove an answer, clear it"));
		return EX_DATAERR;
	}
	n = utf8_nchars(nfc);
	if (n > max) {
		*cause = xasprintf(_("the answer is %zu characters long; at most %zu are allowed"), n, max);
		free(nfc);
		return EX_DATAERR;
	}
	*canon = nfc;
	return 0;
}

static int
check_bounds(const struct question *q, double v, char **cause)
{
	char *lim;

	if (q->has_min && v < q->min) {
		lim = q->type == Q_AMOUNT ? value_format_amount((int64_t)q->min, i18n_lang()) :
		    value_format_number(q->min, i18n_lang());
		*cause = xasprintf(_("the value is below the smallest allowed, %s"), lim);
		free(lim);
		return EX_DATAERR;
	}
	if (q->has_max && v > q->max) {
		lim = q->type == Q_AMOUNT ? value_format_amount((int64_t)q->max, i18n_lang()) :
		    value_format_number(q->max, i18n_lang());
		*cause = xasprintf(_("the value is above the largest allowed, %s"), lim);
		free(lim);
		return EX_DATAERR;
	}
	return 0;
}

int
value_parse(const struct question *q, const char *input, char **canon, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	char iso[11];
	char *t;
	bool yes;
	int64_t kr;
	double v;
	int rc;

	*canon = NULL;
	*cause = NULL;
	if (!utf8_valid(input, strlen(input))) {
		*cause = xstrdup(_("the value is not valid UTF-8; check the terminal's or the file's character set"));
		return EX_DATAERR;
	}
	switch (q->type) {
	case Q_TEXT:
	case Q_LONGTEXT:
		return parse_text(q, input, canon, cause);
	case Q_YESNO:
		if (value_parse_yesno(input, &yes) != 0) {
			*cause = xasprintf(_("'%s' is not yes or no; answer ja, nej, yes or no"), input);
			return EX_DATAERR;
		}
		*canon = xstrdup(yes ? "ja" : "nej");
		return 0;
	case Q_CHOICE:
		return parse_choice(q, input, canon, cause);
	case Q_MULTI:
		return parse_multi(q, input, canon, cause);
	case Q_NUMBER:
		t = utf8_trim(input);
		rc = normalize_number(t, false, &sb);
		free(t);
		if (rc != 0) {
			sb_free(&sb);
			*cause = xasprintf(_("'%s' is not a number; write it like 12,5 or 12.5"), input);
			return EX_DATAERR;
		}
		v = strtod(sb_str(&sb), NULL);
		if ((rc = check_bounds(q, v, cause)) != 0) {
			sb_free(&sb);
			return rc;
		}
		*canon = tidy_number(sb_str(&sb));
		sb_free(&sb);
		return 0;
	case Q_AMOUNT:
		if (value_parse_amount(input, &kr) != 0) {
			*cause = xasprintf(_("'%s' is not an amount in whole kroner; write it like 1.600.000 kr. or 1,6 mio."), input);
			return EX_DATAERR;
		}
		if (!q->has_min && kr < 0) {
			*cause = xstrdup(_("the amount is negative"));
			return EX_DATAERR;
		}
		if ((rc = check_bounds(q, (double)kr, cause)) != 0)
			return rc;
		*canon = xasprintf("%lld", (long long)kr);
		return 0;
	case Q_DATE:
		if (value_parse_date(input, iso) != 0) {
			*cause = xasprintf(_("'%s' is not a date; write it like 23.11.2026 or 2026-11-23"), input);
			return EX_DATAERR;
		}
		*canon = xstrdup(iso);
		return 0;
	case Q_EMAIL:
		t = utf8_trim(input);
		if (value_check_email(t) != 0) {
			*cause = xasprintf(_("'%s' is not an e-mail address like navn@rsyd.dk"), t);
			free(t);
			return EX_DATAERR;
		}
		*canon = t;
		return 0;
	case Q_URL:
		t = utf8_trim(input);
		if (value_check_url(t) != 0) {
			*cause = xasprintf(_("'%s' is not a web address starting with https:// or http://"), t);
			free(t);
			return EX_DATAERR;
		}
		*canon = t;
		return 0;
	default:
		break;
	}
	*cause = xstrdup(_("the question has an unknown type"));
	return EX_SOFTWARE;
}

/* Groups the integer digits of a canonical number with sep. */
static void
group_digits(struct strbuf *sb, const char *digits, size_t n, char sep)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			sb_addc(sb, sep);
		sb_addc(sb, digits[i]);
	}
}

static char *
format_canonical_number(const char *canon, enum lang lang)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = canon, *dot;
	size_t n;

	if (*p == '-') {
		sb_addc(&sb, '-');
		p++;
	}
	dot = strchr(p, '.');
	n = dot ? (size_t)(dot - p) : strlen(p);
	group_digits(&sb, p, n, lang == LANG_EN ? ',' : '.');
	if (dot != NULL) {
		sb_addc(&sb, lang == LANG_EN ? '.' : ',');
		sb_add(&sb, dot + 1);
	}
	return sb_detach(&sb);
}

char *
value_format_number(double v, enum lang lang)
{
	char buf[64];
	char *t, *r;

	snprintf(buf, sizeof(buf), "%.10f", v);
	t = tidy_number(buf);
	r = format_canonical_number(t, lang);
	free(t);
	return r;
}

char *
value_format_amount(int64_t kroner, enum lang lang)
{
	char buf[32];
	char *n, *r;

	snprintf(buf, sizeof(buf), "%lld", (long long)kroner);
	n = format_canonical_number(buf, lang);
	r = lang == LANG_EN ? xasprintf("DKK %s", n) : xasprintf("%s kr.", n);
	free(n);
	return r;
}

char *
value_format_date(const char *iso, enum lang lang)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return xstrdup(iso);
	if (lang == LANG_EN)
		return xasprintf("%d %s %04d", d, mon[m - 1], y);
	return xasprintf("%02d.%02d.%04d", d, m, y);
}

char *
value_format(const struct question *q, const char *canon, enum lang lang)
{
	struct strbuf sb = STRBUF_INIT;
	const struct qoption *o;
	char *copy, *tok, *save = NULL;

	switch (q->type) {
	case Q_YESNO:
		if (strcmp(canon, "ja") == 0)
			return xstrdup(lang == LANG_EN ? "Yes" : "Ja");
		if (strcmp(canon, "nej") == 0)
			return xstrdup(lang == LANG_EN ? "No" : "Nej");
		break;
	case Q_NUMBER:
		return format_canonical_number(canon, lang);
	case Q_AMOUNT:
		return value_format_amount(strtoll(canon, NULL, 10), lang);
	case Q_DATE:
		return value_format_date(canon, lang);
	case Q_CHOICE:
		if ((o = question_option(q, canon)) != NULL)
			return xstrdup(text_in(&o->label, lang));
		break;
	case Q_MULTI:
		copy = xstrdup(canon);
		for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			if (sb.len > 0)
				sb_add(&sb, ", ");
			o = question_option(q, tok);
			sb_add(&sb, o ? text_in(&o->label, lang) : tok);
		}
		free(copy);
		return sb_detach(&sb);
	default:
		break;
	}
	return xstrdup(canon);
}
