/* SPDX-License-Identifier: EUPL-1.2 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "airejse/content.h"
#include "airejse/strbuf.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Lower-cased, trimmed ASCII-insensitive copy for matching words. */
static char *
folded(const char *s)
{
	char *t = utf8_trim(s);
	char *f = utf8_fold(t);

	free(t);
	return f;
}

/* folded() of a short ASCII s, without utf8proc: ASCII spaces trimmed,
 * A-Z lowered. False (out untouched) when s is longer or not ASCII. */
static bool
ascii_folded(const char *s, char *out, size_t size)
{
	size_t start = 0, end, i;

	while (s[start] != '\0' && strchr(" \t\n\r\v\f", s[start]) != NULL)
		start++;
	for (end = i = start; s[i] != '\0'; i++) {
		if ((unsigned char)s[i] >= 0x80 || i - start >= size - 1)
			return false;
		if (strchr(" \t\n\r\v\f", s[i]) == NULL)
			end = i + 1;
	}
	for (i = start; i < end; i++)
		out[i - start] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	out[end - start] = '\0';
	return true;
}

/* The conditions' literals (ja, nej, ...) are read at every start: most
 * are short ASCII, which need no Unicode folding. */
static bool
word_in(const char *s, const char *const *words)
{
	char buf[32];
	char *f = ascii_folded(s, buf, sizeof(buf)) ? buf : folded(s);
	size_t i;
	bool found = false;

	for (i = 0; f != NULL && words[i] != NULL && !found; i++)
		found = strcmp(f, words[i]) == 0;
	if (f != buf)
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

static bool
is_letter(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

/* A copy of s for reading numbers, amounts and dates: case-folded NFC,
 * every space (no-break, thin, tab ...) one ASCII space, the minus sign
 * U+2212 as '-', trimmed. NULL if s is not UTF-8. Caller frees. */
static char *
plain_copy(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	char *f = utf8_fold(s), *t;
	size_t len, off = 0;
	int32_t cp;
	int n;

	if (f == NULL)
		return NULL;
	len = strlen(f);
	while (off < len) {
		n = utf8_decode(f + off, len - off, &cp);
		if (n <= 0)
			n = 1;
		if (cp == ' ' || cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
		    cp == 0x202F || cp == 0x205F || cp == 0x3000) {
			if (sb.len > 0 && sb.s[sb.len - 1] != ' ')
				sb_addc(&sb, ' ');
		} else if (cp == 0x2212) {
			sb_addc(&sb, '-');
		} else {
			sb_addn(&sb, f + off, (size_t)n);
		}
		off += (size_t)n;
	}
	free(f);
	t = utf8_trim(sb_str(&sb));
	sb_free(&sb);
	return t;
}

/* Decimal numbers, kept as digits so that "2,4 mio." is exactly 2400000
 * and a fraction of a krone is seen, not rounded away. */

#define DEC_INPUT_DIGITS 64	/* more digits than this are refused */
#define DEC_SIGNIFICANT 40	/* the digits that matter, at most */

struct dec {
	bool	 neg;
	int	 n;		/* digits in d */
	int	 point;		/* digits before the decimal point */
	char	 d[DEC_INPUT_DIGITS + 16];
};

/* Multiplies by 10^k (k at most 15). */
static void
dec_shift(struct dec *v, int k)
{
	v->point += k;
	while (v->point > v->n)
		v->d[v->n++] = '0';
}

static bool
dec_whole(const struct dec *v)
{
	int i;

	for (i = v->point; i < v->n; i++)
		if (v->d[i] != '0')
			return false;
	return true;
}

/* The canonical text "[-]int[.frac]": no leading zeros, no trailing
 * zeros in the fraction, no "-0". *sig gets the significant digits. */
static void
dec_canon(const struct dec *v, struct strbuf *sb, int *sig)
{
	int i = 0, end = v->n, s = 0;
	bool zero = true;

	for (i = 0; i < v->n; i++)
		if (v->d[i] != '0')
			zero = false;
	if (v->neg && !zero)
		sb_addc(sb, '-');
	i = 0;
	while (i < v->point - 1 && v->d[i] == '0')
		i++;
	if (v->point == 0) {
		sb_addc(sb, '0');
	} else {
		sb_addn(sb, v->d + i, (size_t)(v->point - i));
		s = v->point - i;
		if (s == 1 && v->d[i] == '0')
			s = 0;
	}
	while (end > v->point && v->d[end - 1] == '0')
		end--;
	if (end > v->point) {
		sb_addc(sb, '.');
		sb_addn(sb, v->d + v->point, (size_t)(end - v->point));
		s += end - v->point;
	}
	if (sig != NULL)
		*sig = s;
}

/* A number as typed: its digit runs and what separates them. */
#define RUNS_MAX 32

struct runs {
	const char	*s;
	size_t		 start[RUNS_MAX], len[RUNS_MAX];
	char		 sep[RUNS_MAX];	/* sep[i] comes before run i */
	size_t		 n;
	char		 lead;		/* '.' or ',' before the first run */
	bool		 neg;
};

static bool
split_runs(const char *s, struct runs *r)
{
	size_t i = 0, digits = 0, start;

	memset(r, 0, sizeof(*r));
	r->s = s;
	if (s[i] == '-' || s[i] == '+')
		r->neg = s[i++] == '-';
	if (s[i] == '.' || s[i] == ',')
		r->lead = s[i++];
	for (;;) {
		start = i;
		while (isdigit((unsigned char)s[i]))
			i++;
		if (i == start || r->n == RUNS_MAX)
			return false;
		r->start[r->n] = start;
		r->len[r->n++] = i - start;
		digits += i - start;
		if (s[i] == '\0')
			break;
		if ((s[i] != '.' && s[i] != ',' && s[i] != ' ') || r->lead)
			return false;
		r->sep[r->n] = s[i++];
	}
	return digits <= DEC_INPUT_DIGITS;
}

/* Reads the runs as a number with g grouping thousands (or spaces, not
 * both) and dm as the decimal mark; maxfrac >= 0 bounds the decimals. */
static bool
read_as(const struct runs *r, char g, char dm, int maxfrac, struct dec *out)
{
	size_t nint = r->n, k;
	char kind = 0;
	bool frac = false;

	memset(out, 0, sizeof(*out));
	out->neg = r->neg;
	if (r->lead) {
		if (r->lead != dm || r->n != 1)
			return false;
		nint = 0;
		frac = true;
	} else if (r->n > 1 && r->sep[r->n - 1] == dm) {
		nint = r->n - 1;
		frac = true;
	}
	for (k = 1; k < nint; k++) {
		if ((r->sep[k] != g && r->sep[k] != ' ') || (kind && r->sep[k] != kind))
			return false;
		kind = r->sep[k];
		if (r->len[k] != 3)
			return false;
	}
	if (nint > 1 && (r->len[0] > 3 || r->s[r->start[0]] == '0'))
		return false;
	if (frac && maxfrac >= 0 && r->len[r->n - 1] > (size_t)maxfrac)
		return false;
	for (k = 0; k < r->n; k++) {
		if (k == nint)
			out->point = out->n;
		memcpy(out->d + out->n, r->s + r->start[k], r->len[k]);
		out->n += (int)r->len[k];
	}
	if (!frac)
		out->point = out->n;
	return true;
}

/* Reads s written the lang way, or, where that cannot be, the other way
 * (*other then true). */
static bool
read_decimal(const char *s, enum lang lang, int maxfrac, struct dec *out, bool *other)
{
	char g = lang == LANG_EN ? ',' : '.', dm = lang == LANG_EN ? '.' : ',';
	struct runs r;

	*other = false;
	if (!split_runs(s, &r))
		return false;
	if (read_as(&r, g, dm, maxfrac, out))
		return true;
	*other = true;
	return read_as(&r, dm, g, maxfrac, out);
}

/* Words around a number: "ca.", "kr.", "mio.", "%" ... */
enum {
	AF_APPROX	= 1 << 0,
	AF_DKK		= 1 << 1,
	AF_FOREIGN	= 1 << 2,
	AF_PERCENT	= 1 << 3,
	AF_AMOUNT	= 1 << 4,	/* a multiplier only amounts take */
};

struct affix {
	const char	*w;
	unsigned	 flags;
	int		 exp;		/* multiplies by 10^exp */
};

/* Currencies other than kroner, before those (svenske kroner, not kroner). */
#define FOREIGN \
	{ "svenske kroner", AF_FOREIGN, 0 }, { "norske kroner", AF_FOREIGN, 0 }, \
	{ "islandske kroner", AF_FOREIGN, 0 }, { "swedish kronor", AF_FOREIGN, 0 }, \
	{ "norwegian kroner", AF_FOREIGN, 0 }, { "euros", AF_FOREIGN, 0 }, \
	{ "euro", AF_FOREIGN, 0 }, { "eur", AF_FOREIGN, 0 }, { "€", AF_FOREIGN, 0 }, \
	{ "us$", AF_FOREIGN, 0 }, { "usd", AF_FOREIGN, 0 }, { "$", AF_FOREIGN, 0 }, \
	{ "dollars", AF_FOREIGN, 0 }, { "dollar", AF_FOREIGN, 0 }, \
	{ "pounds", AF_FOREIGN, 0 }, { "pund", AF_FOREIGN, 0 }, { "gbp", AF_FOREIGN, 0 }, \
	{ "£", AF_FOREIGN, 0 }, { "sek", AF_FOREIGN, 0 }, { "nok", AF_FOREIGN, 0 }, \
	{ "isk", AF_FOREIGN, 0 }, { "chf", AF_FOREIGN, 0 }, { "jpy", AF_FOREIGN, 0 }, \
	{ "¥", AF_FOREIGN, 0 }

static const struct affix prefixes[] = {
	{ "approximately", AF_APPROX, 0 }, { "approx.", AF_APPROX, 0 },
	{ "approx", AF_APPROX, 0 }, { "omkring", AF_APPROX, 0 },
	{ "roughly", AF_APPROX, 0 }, { "around", AF_APPROX, 0 },
	{ "about", AF_APPROX, 0 }, { "cirka", AF_APPROX, 0 },
	{ "circa", AF_APPROX, 0 }, { "ca.", AF_APPROX, 0 }, { "ca", AF_APPROX, 0 },
	{ "~", AF_APPROX, 0 }, { "≈", AF_APPROX, 0 },
	FOREIGN,
	{ "kroner", AF_DKK, 0 }, { "dkr.", AF_DKK, 0 }, { "dkr", AF_DKK, 0 },
	{ "dkk", AF_DKK, 0 }, { "kr.", AF_DKK, 0 }, { "kr", AF_DKK, 0 },
};

static const struct affix suffixes[] = {
	FOREIGN,
	{ ",-", AF_DKK, 0 }, { ".-", AF_DKK, 0 },
	{ "t.kr.", AF_DKK | AF_AMOUNT, 3 }, { "t.kr", AF_DKK | AF_AMOUNT, 3 },
	{ "tkr.", AF_DKK | AF_AMOUNT, 3 }, { "tkr", AF_DKK | AF_AMOUNT, 3 },
	{ "mkr.", AF_DKK | AF_AMOUNT, 6 }, { "mkr", AF_DKK | AF_AMOUNT, 6 },
	{ "kroner", AF_DKK, 0 }, { "krone", AF_DKK, 0 }, { "dkr.", AF_DKK, 0 },
	{ "dkr", AF_DKK, 0 }, { "dkk", AF_DKK, 0 }, { "kr.", AF_DKK, 0 }, { "kr", AF_DKK, 0 },
	{ "milliarder", 0, 9 }, { "milliard", 0, 9 }, { "billion", 0, 9 },
	{ "millioner", 0, 6 }, { "millions", 0, 6 }, { "million", 0, 6 },
	{ "mill.", 0, 6 }, { "mill", 0, 6 }, { "mio.", 0, 6 }, { "mio", 0, 6 },
	{ "mia.", 0, 9 }, { "mia", 0, 9 }, { "mrd.", 0, 9 }, { "mrd", 0, 9 },
	{ "tusinde", 0, 3 }, { "tusind", 0, 3 }, { "thousand", 0, 3 },
	{ "mn", AF_AMOUNT, 6 }, { "bn", AF_AMOUNT, 9 }, { "t.", AF_AMOUNT, 3 },
	{ "t", AF_AMOUNT, 3 }, { "k", AF_AMOUNT, 3 }, { "m", AF_AMOUNT, 6 },
	{ "per cent", AF_PERCENT, 0 }, { "procent", AF_PERCENT, 0 },
	{ "percent", AF_PERCENT, 0 }, { "pct.", AF_PERCENT, 0 }, { "pct", AF_PERCENT, 0 },
	{ "%", AF_PERCENT, 0 },
};

/* What the words around a number said. */
struct shape {
	unsigned	 flags;
	int		 exp;
	int		 nmult;
};

static void
shape_add(struct shape *sh, const struct affix *a)
{
	sh->flags |= a->flags;
	if (a->exp > 0) {
		sh->exp = a->exp;
		sh->nmult++;
	}
}

/* Takes the words off the ends of s (a plain_copy); returns the number
 * that is left, inside s. */
static char *
strip_affixes(char *s, struct shape *sh)
{
	char *b = s, *e = s + strlen(s);
	bool again = true;
	size_t i, w;

	memset(sh, 0, sizeof(*sh));
	while (again) {
		again = false;
		for (i = 0; i < NELEM(prefixes) && !again; i++) {
			w = strlen(prefixes[i].w);
			if ((size_t)(e - b) < w || strncmp(b, prefixes[i].w, w) != 0)
				continue;
			/* A word ends where a letter does not follow: not "cairo". */
			if (is_letter((unsigned char)prefixes[i].w[w - 1]) && b + w < e &&
			    is_letter((unsigned char)b[w]))
				continue;
			shape_add(sh, &prefixes[i]);
			b += w;
			while (b < e && *b == ' ')
				b++;
			again = true;
		}
	}
	again = true;
	while (again) {
		again = false;
		for (i = 0; i < NELEM(suffixes) && !again; i++) {
			w = strlen(suffixes[i].w);
			if ((size_t)(e - b) < w || strncmp(e - w, suffixes[i].w, w) != 0)
				continue;
			if (is_letter((unsigned char)suffixes[i].w[0]) && e - w > b &&
			    is_letter((unsigned char)e[-(ptrdiff_t)w - 1]))
				continue;
			shape_add(sh, &suffixes[i]);
			e -= w;
			while (e > b && e[-1] == ' ')
				e--;
			again = true;
		}
	}
	*e = '\0';
	return b;
}

static bool
is_percent(const struct question *q)
{
	return q->type == Q_NUMBER && q->unit == QU_PERCENT;
}

/* Why a number or an amount was refused. */
enum qerr {
	QE_NONE,
	QE_NOT,		/* not a number (or an amount) at all */
	QE_FOREIGN,	/* an amount in another currency */
	QE_PERCENT,	/* a percentage where a plain number is asked */
	QE_CURRENCY,	/* an amount where a number is asked */
	QE_ORE,		/* not whole kroner */
	QE_NEGATIVE,
	QE_LONG,	/* more digits than are kept */
	QE_BELOW,
	QE_ABOVE
};

/* A number or an amount as read. */
struct qty {
	struct dec	 v;
	bool		 approx;
	bool		 other;		/* read the other language's way */
	enum qerr	 err;
	char		*canon;		/* set when err is QE_NONE */
	char		*shown;		/* QE_ORE: what the input came to */
};

static char *format_number_text(const char *num, enum lang lang);
static char *format_kroner(const char *num, enum lang lang);

static bool
read_qty(const struct question *q, const char *input, enum lang lang, struct qty *x)
{
	bool amount = q->type == Q_AMOUNT;
	struct strbuf sb = STRBUF_INIT;
	struct shape sh;
	char *s = plain_copy(input), *num;
	double d;
	int sig;

	memset(x, 0, sizeof(*x));
	x->err = QE_NOT;
	if (s == NULL)
		return false;
	num = strip_affixes(s, &sh);
	x->approx = (sh.flags & AF_APPROX) != 0;
	if (sh.flags & AF_FOREIGN) {
		x->err = amount ? QE_FOREIGN : QE_CURRENCY;
		goto done;
	}
	if (!amount && (sh.flags & AF_DKK)) {
		x->err = QE_CURRENCY;
		goto done;
	}
	if (sh.nmult > 1 || (!amount && (sh.flags & AF_AMOUNT)) ||
	    (amount && (sh.flags & AF_PERCENT)))
		goto done;
	if ((sh.flags & AF_PERCENT) && !is_percent(q)) {
		x->err = QE_PERCENT;
		goto done;
	}
	/* Øre have two digits: "250,000 kr." groups thousands. With more
	 * and no other reading ("0,001 kr."), a part of an øre, refused as
	 * not whole kroner below. */
	if (!read_decimal(num, lang, amount && sh.exp == 0 ? 2 : -1, &x->v, &x->other) &&
	    (!amount || sh.exp != 0 || !read_decimal(num, lang, -1, &x->v, &x->other)))
		goto done;
	dec_shift(&x->v, sh.exp);
	dec_canon(&x->v, &sb, &sig);
	if (sig > DEC_SIGNIFICANT) {
		x->err = QE_LONG;
		goto done;
	}
	if (amount && !dec_whole(&x->v)) {
		x->err = QE_ORE;
		x->shown = format_kroner(sb_str(&sb), lang);
		goto done;
	}
	d = strtod(sb_str(&sb), NULL);
	if (amount && !q->has_min && d < 0) {
		x->err = QE_NEGATIVE;
		goto done;
	}
	if (amount && (d > (double)VALUE_AMOUNT_MAX || d < -(double)VALUE_AMOUNT_MAX)) {
		x->err = d < 0 ? QE_BELOW : QE_ABOVE;
		goto done;
	}
	if (q->has_min && d < q->min) {
		x->err = QE_BELOW;
		goto done;
	}
	if (q->has_max && d > q->max) {
		x->err = QE_ABOVE;
		goto done;
	}
	x->err = QE_NONE;
	x->canon = xasprintf("%s%s", x->approx ? "~" : "", sb_str(&sb));
done:
	sb_free(&sb);
	free(s);
	return x->err == QE_NONE;
}

/* Dates. */

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

#define YEAR_MIN 1900
#define YEAR_MAX 2199

/* Why a date was refused. */
enum derr {
	DE_NONE,
	DE_NOT,
	DE_SHORT_YEAR,	/* "1.3.27" */
	DE_YEAR,	/* outside YEAR_MIN..YEAR_MAX */
	DE_MONTH,	/* no such month */
	DE_DAY		/* the month has fewer days */
};

struct date {
	int		 y, m, d;
	bool		 swapped;	/* month before day, as it can only be */
	enum derr	 err;
};

/* Month names in both languages, folded; the index % 12 is the month. */
static int
month_named(const char *w)
{
	static const char *const names[] = {
		"januar", "februar", "marts", "april", "maj", "juni", "juli",
		"august", "september", "oktober", "november", "december",
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep",
		"okt", "nov", "dec",
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept",
		"oct", "nov", "dec",
	};
	size_t i;

	for (i = 0; i < NELEM(names); i++)
		if (strcmp(w, names[i]) == 0)
			return (int)(i % 12) + 1;
	return 0;
}

/* All of s is 1..max digits: their value, else -1; *n gets the count. */
static int
digits_of(const char *s, size_t max, size_t *n)
{
	size_t i;
	int v = 0;

	for (i = 0; isdigit((unsigned char)s[i]); i++)
		if (i < max)
			v = v * 10 + (s[i] - '0');
	*n = i;
	return i == 0 || i > max || s[i] != '\0' ? -1 : v;
}

/* A day "1", "1." or "1st": its number, else -1. */
static int
day_word(char *w)
{
	static const char *const ord[] = { "st", "nd", "rd", "th" };
	size_t n = strlen(w), i;

	if (n > 0 && w[n - 1] == '.')
		w[--n] = '\0';
	for (i = 0; i < NELEM(ord); i++)
		if (n > 2 && strcmp(w + n - 2, ord[i]) == 0 && isdigit((unsigned char)w[n - 3]))
			w[n -= 2] = '\0';
	return digits_of(w, 2, &n);
}

static int
month_word(char *w)
{
	size_t n = strlen(w);

	if (n > 0 && w[n - 1] == '.')
		w[n - 1] = '\0';
	return month_named(w);
}

/* "1. marts 2027", "1 mar 2027", "March 1, 2027". */
static bool
read_named_date(char *s, struct date *dt)
{
	char *w[4], *save = NULL, *t;
	size_t n = 0, len;
	int year;

	for (t = s; *t; t++)
		if (*t == ',')
			*t = ' ';
	for (t = strtok_r(s, " ", &save); t != NULL; t = strtok_r(NULL, " ", &save)) {
		if (n == NELEM(w))
			return false;
		w[n++] = t;
	}
	if (n != 3)
		return false;
	if ((dt->m = month_word(w[1])) != 0)
		dt->d = day_word(w[0]);
	else if ((dt->m = month_word(w[0])) != 0)
		dt->d = day_word(w[1]);
	else
		return false;
	year = digits_of(w[2], 4, &len);
	if (dt->d < 0 || year < 0)
		return false;
	if (len < 4)
		dt->err = DE_SHORT_YEAR;
	dt->y = year;
	return true;
}

/* "2027-03-01", "1.3.2027", "01-03-2027", "1/3-2027", "1. 3. 2027". */
static bool
read_numeric_date(const char *s, struct date *dt)
{
	int v[3], k;
	size_t n[3], i = 0;
	char sep[2];

	for (k = 0; k < 3; k++) {
		v[k] = 0;
		n[k] = 0;
		while (isdigit((unsigned char)s[i]) && n[k] < 5) {
			v[k] = v[k] * 10 + (s[i++] - '0');
			n[k]++;
		}
		if (n[k] == 0 || n[k] > 4)
			return false;
		if (k == 2)
			break;
		sep[k] = s[i++];
		if (sep[k] != '-' && sep[k] != '.' && sep[k] != '/')
			return false;
		if (s[i] == ' ' && sep[k] == '.')
			i++;
	}
	if (s[i] != '\0')
		return false;
	/* The same mark twice, or the Danish 1/3-2027. */
	if (sep[0] != sep[1] && !(sep[0] == '/' && sep[1] == '-'))
		return false;
	if (n[0] == 4 && n[1] <= 2 && n[2] <= 2) {
		dt->y = v[0], dt->m = v[1], dt->d = v[2];
	} else if (n[0] <= 2 && n[1] <= 2) {
		dt->d = v[0], dt->m = v[1], dt->y = v[2];
		if (n[2] == 3)
			return false;
		if (n[2] <= 2)
			dt->err = DE_SHORT_YEAR;
		/* 3/13/2027 can only be month first. */
		else if (sep[0] == '/' && dt->m > 12 && dt->d >= 1 && dt->d <= 12) {
			dt->m = v[0], dt->d = v[1];
			dt->swapped = true;
		}
	} else {
		return false;
	}
	return true;
}

static bool
read_date(const char *input, struct date *dt)
{
	char *s = plain_copy(input);
	bool ok;

	memset(dt, 0, sizeof(*dt));
	dt->err = DE_NOT;
	if (s == NULL)
		return false;
	ok = isdigit((unsigned char)s[0]) && read_numeric_date(s, dt);
	if (!ok) {
		memset(dt, 0, sizeof(*dt));
		ok = read_named_date(s, dt);
	}
	free(s);
	if (!ok) {
		dt->err = DE_NOT;
		return false;
	}
	if (dt->err == DE_SHORT_YEAR)
		return false;
	if (dt->y < YEAR_MIN || dt->y > YEAR_MAX)
		dt->err = DE_YEAR;
	else if (dt->m < 1 || dt->m > 12)
		dt->err = DE_MONTH;
	else if (dt->d < 1 || dt->d > days_in(dt->y, dt->m))
		dt->err = DE_DAY;
	else
		dt->err = DE_NONE;
	return dt->err == DE_NONE;
}

int
value_parse_date(const char *s, char *iso)
{
	struct date dt;

	if (!read_date(s, &dt))
		return -1;
	if (iso != NULL)
		snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)dt.y % 10000u,
		    (unsigned)dt.m % 100u, (unsigned)dt.d % 100u);
	return 0;
}

/* E-mail addresses and web addresses. */

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
		/* A bug in the pattern above, which test_value catches: then
		 * nothing matches (the value is refused with its message),
		 * rather than an abort below the command layer. */
		if (code[which] == NULL)
			return false;
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

/* Options. */

/* The option of q named by s[0..len): its id, or its label in either
 * language. */
static const struct qoption *
find_option_n(const struct question *q, const char *s, size_t len)
{
	char *copy = xstrndup(s, len), *want = folded(copy);
	const struct qoption *found = NULL;
	size_t i;
	int l;

	free(copy);
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

/* Picks the options named in input, separated by commas or semicolons;
 * a label with a comma in it ("Ja, i drift") is taken whole, the
 * longest match first. Returns the count, or -1 with *bad (caller frees)
 * the part that names none. */
static int
pick_options(const struct question *q, const char *input, bool *picked, char **bad)
{
	size_t starts[256], ends[256], n = 0, i, j;
	const struct qoption *o = NULL;
	const char *p = input;
	int count = 0;

	/* Cut at each comma and semicolon. */
	for (;;) {
		if (n == NELEM(starts)) {
			*bad = xstrdup(input);
			return -1;
		}
		starts[n] = (size_t)(p - input);
		p += strcspn(p, ",;");
		ends[n++] = (size_t)(p - input);
		if (*p == '\0')
			break;
		p++;
	}
	for (i = 0; i < n; i = j) {
		for (j = n; j > i; j--)
			if ((o = find_option_n(q, input + starts[i], ends[j - 1] - starts[i])) != NULL)
				break;
		if (j > i) {
			if (!picked[o - q->options])
				count++;
			picked[o - q->options] = true;
			continue;
		}
		j = i + 1;
		{
			char *part = xstrndup(input + starts[i], ends[i] - starts[i]);
			char *t = utf8_trim(part);

			free(part);
			if (*t == '\0') {
				free(t);
				continue;
			}
			*bad = t;
			return -1;
		}
	}
	return count;
}

/* Text. */

/* Why a text was refused. */
enum terr { TE_NONE, TE_UTF8, TE_LINES, TE_CONTROL, TE_EMPTY, TE_LONG };

static size_t
text_max(const struct question *q)
{
	return q->maxlen ? q->maxlen : (q->type == Q_LONGTEXT ? VALUE_LONGTEXT_MAX : VALUE_TEXT_MAX);
}

static enum terr
read_text(const struct question *q, const char *input, char **canon, size_t *nchars,
    size_t *nbytes)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p;
	char *nfc, *t;

	for (p = (const unsigned char *)input; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;	/* CRLF becomes LF */
		if (*p == '\n' || *p == '\t' || *p == '\r') {
			if (q->type != Q_LONGTEXT) {
				sb_free(&sb);
				return TE_LINES;
			}
			sb_addc(&sb, *p == '\r' ? '\n' : (char)*p);
			continue;
		}
		if (*p < 0x20 || *p == 0x7F) {
			sb_free(&sb);
			return TE_CONTROL;
		}
		sb_addc(&sb, (char)*p);
	}
	t = utf8_trim(sb_str(&sb));
	sb_free(&sb);
	nfc = utf8_nfc(t);
	free(t);
	if (nfc == NULL)
		return TE_UTF8;
	if (*nfc == '\0') {
		free(nfc);
		return TE_EMPTY;
	}
	*nchars = utf8_nchars(nfc);
	*nbytes = strlen(nfc);
	if (*nchars > text_max(q) || *nbytes > VALUE_FIELD_BYTES(text_max(q))) {
		free(nfc);
		return TE_LONG;
	}
	*canon = nfc;
	return TE_NONE;
}

/* Formatting. */

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

/* "1234.5" as lang writes it: "1.234,5" or "1,234.5". */
static char *
format_number_text(const char *num, enum lang lang)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = num, *dot;
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

/* A canonical number of kroner (perhaps with decimals) with its currency. */
static char *
format_kroner(const char *num, enum lang lang)
{
	char *n = format_number_text(num, lang);
	char *r = lang == LANG_EN ? xasprintf("DKK %s", n) : xasprintf("%s kr.", n);

	free(n);
	return r;
}

char *
value_format_amount(int64_t kroner, enum lang lang)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", (long long)kroner);
	return format_kroner(buf, lang);
}

static const char *const month_en[] = { "Jan", "Feb", "Mar", "Apr", "May",
    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

char *
value_format_date(const char *iso, enum lang lang)
{
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return xstrdup(iso);
	if (lang == LANG_EN)
		return xasprintf("%d %s %04d", d, month_en[m - 1], y);
	return xasprintf("%02d.%02d.%04d", d, m, y);
}

/* A canonical number or amount shown: "ca. 1.600.000 kr.", "about 30%". */
static char *
format_quantity(const struct question *q, const char *canon, enum lang lang)
{
	bool approx = canon[0] == '~';
	const char *num = canon + approx;
	char *n, *r;

	if (q->type == Q_AMOUNT) {
		n = format_kroner(num, lang);
	} else {
		n = format_number_text(num, lang);
		if (is_percent(q)) {
			r = xasprintf(lang == LANG_EN ? "%s%%" : "%s %%", n);
			free(n);
			n = r;
		}
	}
	if (!approx)
		return n;
	r = xasprintf(lang == LANG_EN ? "about %s" : "ca. %s", n);
	free(n);
	return r;
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
	case Q_AMOUNT:
		return format_quantity(q, canon, lang);
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

/* Examples of what is accepted, each checked by the unit test to read
 * back as its value. */
struct example {
	const char	*text;
	double		 value;
};

static const struct example amount_examples[LANG__COUNT][5] = {
	[LANG_DA] = {
		{ "1.600.000 kr.", 1600000 }, { "2,4 mio. kr.", 2400000 },
		{ "450 t. kr.", 450000 }, { "12.500 kr.", 12500 }, { "950 kr.", 950 },
	},
	[LANG_EN] = {
		{ "DKK 1,600,000", 1600000 }, { "DKK 2.4 million", 2400000 },
		{ "DKK 450,000", 450000 }, { "DKK 12,500", 12500 }, { "DKK 950", 950 },
	},
};

static const char *const fixed_examples[Q__COUNT][LANG__COUNT][2] = {
	[Q_YESNO] = { [LANG_DA] = { "ja", "nej" }, [LANG_EN] = { "yes", "no" } },
	[Q_DATE] = {
		[LANG_DA] = { "1.3.2027", "1. marts 2027" },
		[LANG_EN] = { "1 March 2027", "2027-03-01" },
	},
	[Q_EMAIL] = {
		[LANG_DA] = { "navn@rsyd.dk", "fornavn.efternavn@ouh.dk" },
		[LANG_EN] = { "name@rsyd.dk", "first.last@ouh.dk" },
	},
	[Q_URL] = {
		[LANG_DA] = { "https://www.rsyd.dk", "https://leverandoer.dk/produkt" },
		[LANG_EN] = { "https://www.rsyd.dk", "https://supplier.com/product" },
	},
};

static bool
in_bounds(const struct question *q, double v)
{
	return (!q->has_min || v >= q->min) && (!q->has_max || v <= q->max) &&
	    (q->type != Q_AMOUNT || q->has_min || v >= 0);
}

/* The canonical text of a limit ("0", "12.5"). */
static char *
limit_canon(double v)
{
	struct strbuf sb = STRBUF_INIT;
	struct dec d;
	bool other;
	char buf[64];

	snprintf(buf, sizeof(buf), "%.6f", v);
	if (!read_decimal(buf, LANG_EN, -1, &d, &other))
		return xstrdup(buf);
	dec_canon(&d, &sb, NULL);
	return sb_detach(&sb);
}

/* Two examples for q in lang (ex[0], ex[1], caller frees), or false for
 * a text, where any text will do. */
static bool
examples(const struct question *q, enum lang lang, char *ex[2])
{
	static const char *const numbers[] = { "1200", "12.5", "30", "2.5", "1", "0.5", "0" };
	static const char *const percents[] = { "30", "12.5", "5", "0.5", "0" };
	const char *const *cand = is_percent(q) ? percents : numbers;
	size_t ncand = is_percent(q) ? NELEM(percents) : NELEM(numbers), i;
	int n = 0;
	char *c;

	ex[0] = ex[1] = NULL;
	switch (q->type) {
	case Q_NUMBER:
		for (i = 0; i < ncand && n < 2; i++)
			if (in_bounds(q, strtod(cand[i], NULL)))
				ex[n++] = format_quantity(q, cand[i], lang);
		break;
	case Q_AMOUNT:
		for (i = 0; i < NELEM(amount_examples[lang]) && n < 2; i++)
			if (in_bounds(q, amount_examples[lang][i].value))
				ex[n++] = xstrdup(amount_examples[lang][i].text);
		break;
	case Q_CHOICE:
		if (q->noptions == 0)
			return false;
		ex[0] = xstrdup(text_in(&q->options[0].label, lang));
		ex[1] = xstrdup(text_in(&q->options[q->noptions > 1].label, lang));
		return true;
	case Q_MULTI:
		if (q->noptions == 0)
			return false;
		ex[0] = xstrdup(text_in(&q->options[0].label, lang));
		ex[1] = q->noptions > 1 ? xasprintf("%s, %s", ex[0],
		    text_in(&q->options[1].label, lang)) : xstrdup(ex[0]);
		return true;
	case Q_TEXT:
	case Q_LONGTEXT:
		return false;
	default:
		ex[0] = xstrdup(fixed_examples[q->type][lang][0]);
		ex[1] = xstrdup(fixed_examples[q->type][lang][1]);
		return true;
	}
	/* Bounds that no example fits: the bounds themselves. */
	for (i = 0; n < 2 && i < 2; i++) {
		if (!(i == 0 ? q->has_min : q->has_max))
			continue;
		c = limit_canon(i == 0 ? q->min : q->max);
		ex[n++] = format_quantity(q, c, lang);
		free(c);
	}
	if (n == 0)
		ex[n++] = format_quantity(q, "0", lang);
	if (n == 1)
		ex[1] = xstrdup(ex[0]);
	return true;
}

bool
value_example_pair(const struct question *q, enum lang lang, char *ex[2])
{
	return examples(q, lang, ex);
}

char *
value_examples(const struct question *q, enum lang lang)
{
	char *ex[2], *r;

	if (!examples(q, lang, ex))
		return xstrdup("");
	r = xasprintf(_("%s or %s"), ex[0], ex[1]);
	free(ex[0]);
	free(ex[1]);
	return r;
}

/* The messages a refusal or a note is made of (value_message). */
static const char *const messages[VM__COUNT] = {
	[VM_FOREIGN] = N_("'%s' is not in Danish kroner: the amount is asked in kroner (DKK); convert it and write it like %s or %s"),
	[VM_PERCENT] = N_("'%s' is a percentage, and the question asks for a number: write it like %s or %s"),
	[VM_CURRENCY] = N_("'%s' is an amount, and the question asks for a number: write it like %s or %s"),
	[VM_ORE] = N_("'%s' comes to %s, and amounts are kept in whole kroner: write it like %s or %s"),
	[VM_NEGATIVE] = N_("'%s' is negative: write the amount in kroner like %s or %s"),
	[VM_DIGITS] = N_("'%s' has more than %d digits that matter: write it like %s or %s"),
	[VM_BELOW] = N_("'%s' is below the smallest answer allowed, %s: write it like %s or %s"),
	[VM_ABOVE] = N_("'%s' is above the largest answer allowed, %s: write it like %s or %s"),
	[VM_NOT_AMOUNT] = N_("'%s' is not an amount in kroner: write it like %s or %s"),
	[VM_NOT_NUMBER] = N_("'%s' is not a number: write it like %s or %s"),
	[VM_SHORT_YEAR] = N_("'%s' has a year of two digits: write the year in full, like %s or %s"),
	[VM_YEAR] = N_("'%s' is not a date between the years %d and %d: write it like %s or %s"),
	[VM_MONTH] = N_("'%s' is not a date: there is no month %d; write it like %s or %s"),
	[VM_DAY] = N_("'%s' is not a date: %s %d has %d days; write it like %s or %s"),
	[VM_NOT_DATE] = N_("'%s' is not a date: write it like %s or %s"),
	[VM_LINES] = N_("the answer must be one line"),
	[VM_CONTROL] = N_("the text contains a control character"),
	[VM_EMPTY] = N_("the answer is empty; to remove an answer, clear it"),
	[VM_TOO_LONG] = N_("the answer is %zu characters long; at most %zu are allowed"),
	[VM_UTF8] = N_("the text is not valid UTF-8"),
	[VM_NOT_EMAIL] = N_("'%s' is not an e-mail address: write it like %s or %s"),
	[VM_NOT_URL] = N_("'%s' is not a web address starting with https:// or http://: write it like %s or %s"),
	[VM_READ_DA] = N_("read '%s' as %s: in Danish a point groups thousands and a comma is the decimal mark"),
	[VM_READ_EN] = N_("read '%s' as %s: in English a comma groups thousands and a point is the decimal mark"),
	[VM_SWAPPED] = N_("read '%s' as %s: there is no month %d, so the month was taken to come first"),
};

const char *
value_message(enum value_msg m)
{
	return m < VM__COUNT ? _(messages[m]) : "";
}

/* The cause of a refusal: the question by its prompt, and reason, a
 * format whose arguments are the input and, where it has them, two
 * examples (after what args gives). */
static int
refuse(const struct question *q, char **cause, const char *reason, ...)
{
	struct strbuf sb = STRBUF_INIT;
	const char *prompt = text_get(&q->prompt);
	va_list ap;

	va_start(ap, reason);
	sb_vaddf(&sb, reason, ap);
	va_end(ap);
	*cause = xasprintf(_("cannot save the answer to \"%s\": %s"),
	    prompt != NULL && *prompt != '\0' ? prompt : q->id, sb_str(&sb));
	sb_free(&sb);
	return EX_DATAERR;
}

/* The input as it is quoted in a message: trimmed, and cut short. */
static char *
quoted(const char *input)
{
	char *t = utf8_trim(input);
	size_t n = utf8_fit(t, 40, NULL);

	if (t[n] != '\0') {
		char *c = xasprintf("%.*s…", (int)n, t);

		free(t);
		return c;
	}
	return t;
}

static int
refuse_qty(const struct question *q, const char *input, enum lang lang,
    const struct qty *x, char **cause)
{
	char *in = quoted(input), *ex[2], *lim = NULL;
	int rc;

	examples(q, lang, ex);
	switch (x->err) {
	case QE_FOREIGN:
		rc = refuse(q, cause, value_message(VM_FOREIGN),
		    in, ex[0], ex[1]);
		break;
	case QE_PERCENT:
		rc = refuse(q, cause, value_message(VM_PERCENT),
		    in, ex[0], ex[1]);
		break;
	case QE_CURRENCY:
		rc = refuse(q, cause, value_message(VM_CURRENCY),
		    in, ex[0], ex[1]);
		break;
	case QE_ORE:
		rc = refuse(q, cause, value_message(VM_ORE),
		    in, x->shown, ex[0], ex[1]);
		break;
	case QE_NEGATIVE:
		rc = refuse(q, cause, value_message(VM_NEGATIVE),
		    in, ex[0], ex[1]);
		break;
	case QE_LONG:
		rc = refuse(q, cause, value_message(VM_DIGITS),
		    in, DEC_SIGNIFICANT, ex[0], ex[1]);
		break;
	case QE_BELOW:
	case QE_ABOVE:
		lim = value_limit_text(q, x->err == QE_BELOW, lang);
		rc = refuse(q, cause, x->err == QE_BELOW ?
		    value_message(VM_BELOW) :
		    value_message(VM_ABOVE),
		    in, lim, ex[0], ex[1]);
		break;
	default:
		rc = refuse(q, cause, q->type == Q_AMOUNT ?
		    value_message(VM_NOT_AMOUNT) :
		    value_message(VM_NOT_NUMBER), in, ex[0], ex[1]);
		break;
	}
	free(lim);
	free(ex[0]);
	free(ex[1]);
	free(in);
	return rc;
}

char *
value_limit_text(const struct question *q, bool low, enum lang lang)
{
	bool has = low ? q->has_min : q->has_max;
	char *c = has ? limit_canon(low ? q->min : q->max) :
	    xasprintf("%lld", low ? -VALUE_AMOUNT_MAX : VALUE_AMOUNT_MAX);
	char *t = format_quantity(q, c, lang);

	free(c);
	return t;
}

const char *
value_month_name(int m)
{
	static const char *const names[] = { NC_("month", "January"),
	    NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
	    NC_("month", "May"), NC_("month", "June"), NC_("month", "July"),
	    NC_("month", "August"), NC_("month", "September"),
	    NC_("month", "October"), NC_("month", "November"),
	    NC_("month", "December") };

	return i18n_cgettext("month", names[m - 1]);
}

static int
refuse_date(const struct question *q, const char *input, enum lang lang,
    const struct date *dt, char **cause)
{
	char *in = quoted(input), *ex[2];
	int rc;

	examples(q, lang, ex);
	switch (dt->err) {
	case DE_SHORT_YEAR:
		rc = refuse(q, cause, value_message(VM_SHORT_YEAR),
		    in, ex[0], ex[1]);
		break;
	case DE_YEAR:
		rc = refuse(q, cause, value_message(VM_YEAR),
		    in, YEAR_MIN, YEAR_MAX, ex[0], ex[1]);
		break;
	case DE_MONTH:
		rc = refuse(q, cause, value_message(VM_MONTH),
		    in, dt->m, ex[0], ex[1]);
		break;
	case DE_DAY:
		rc = refuse(q, cause, value_message(VM_DAY),
		    in, value_month_name(dt->m), dt->y, days_in(dt->y, dt->m), ex[0], ex[1]);
		break;
	default:
		rc = refuse(q, cause, value_message(VM_NOT_DATE),
		    in, ex[0], ex[1]);
		break;
	}
	free(ex[0]);
	free(ex[1]);
	free(in);
	return rc;
}

static int
refuse_text(const struct question *q, enum terr err, size_t n, size_t bytes, char **cause)
{
	size_t max = text_max(q);

	switch (err) {
	case TE_LINES:
		return refuse(q, cause, "%s", value_message(VM_LINES));
	case TE_CONTROL:
		return refuse(q, cause, "%s", value_message(VM_CONTROL));
	case TE_EMPTY:
		return refuse(q, cause, "%s", value_message(VM_EMPTY));
	case TE_LONG:
		/* Characters alone in the words the form shares (value_message);
		 * bytes too when they are what is over. */
		if (bytes <= VALUE_FIELD_BYTES(max))
			return refuse(q, cause, value_message(VM_TOO_LONG), n, max);
		return refuse(q, cause, ngettext(
		    "the answer is %zu character and %zu bytes long; at most %zu characters and %zu bytes are allowed",
		    "the answer is %zu characters and %zu bytes long; at most %zu characters and %zu bytes are allowed",
		    n), n, bytes, max, VALUE_FIELD_BYTES(max));
	default:
		return refuse(q, cause, "%s", value_message(VM_UTF8));
	}
}

static int
refuse_option(const struct question *q, const char *input, enum lang lang, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	char *in = quoted(input), *ex[2];
	size_t i;
	int rc;

	for (i = 0; i < q->noptions; i++) {
		if (i > 0)
			sb_add(&sb, ", ");
		sb_addf(&sb, "\"%s\"", text_in(&q->options[i].label, lang));
	}
	examples(q, lang, ex);
	if (*in == '\0')
		rc = refuse(q, cause, q->type == Q_MULTI ?
		    _("no option was given; the options are %s: write them like \"%s\" or \"%s\"") :
		    _("no option was given; the options are %s: write one like \"%s\" or \"%s\""),
		    sb_str(&sb), ex[0], ex[1]);
	else
		rc = refuse(q, cause, q->type == Q_MULTI ?
		    _("'%s' is not one of the options %s: write them like \"%s\" or \"%s\"") :
		    _("'%s' is not one of the options %s: write one like \"%s\" or \"%s\""),
		    in, sb_str(&sb), ex[0], ex[1]);
	free(ex[0]);
	free(ex[1]);
	free(in);
	sb_free(&sb);
	return rc;
}

/* Reading. */

static int
read_multi(const struct question *q, const char *input, enum lang lang, char **canon,
    char **cause)
{
	bool *picked = xcalloc(q->noptions ? q->noptions : 1, sizeof(*picked));
	struct strbuf sb = STRBUF_INIT;
	char *bad = NULL;
	size_t i;
	int n = pick_options(q, input, picked, &bad);

	if (n <= 0) {
		free(picked);
		n = refuse_option(q, bad ? bad : "", lang, cause);
		free(bad);
		return n;
	}
	for (i = 0; i < q->noptions; i++) {
		if (!picked[i])
			continue;
		if (sb.len > 0)
			sb_addc(&sb, ',');
		sb_add(&sb, q->options[i].id);
	}
	free(picked);
	*canon = sb_detach(&sb);
	return 0;
}

/* The note for an input read the other language's way. */
static char *
other_note(const struct question *q, const char *input, const char *canon, enum lang lang)
{
	char *in = quoted(input), *shown = value_format(q, canon, lang), *note;

	note = xasprintf(lang == LANG_EN ?
	    value_message(VM_READ_EN) :
	    value_message(VM_READ_DA),
	    in, shown);
	free(in);
	free(shown);
	return note;
}

int
value_read(const struct question *q, const char *input, enum lang lang,
    char **canon, char **note, char **cause)
{
	struct qty x;
	struct date dt;
	const struct qoption *o;
	enum terr te;
	size_t n = 0, bytes = 0;
	char *t;
	bool yes;

	*canon = NULL;
	*cause = NULL;
	if (note != NULL)
		*note = NULL;
	if ((unsigned)lang >= LANG__COUNT)
		lang = LANG_DA;
	if (!utf8_valid(input, strlen(input)))
		return refuse(q, cause, "%s",
		    _("the value is not valid UTF-8; check the terminal's or the file's character set"));
	switch (q->type) {
	case Q_TEXT:
	case Q_LONGTEXT:
		if ((te = read_text(q, input, canon, &n, &bytes)) != TE_NONE)
			return refuse_text(q, te, n, bytes, cause);
		return 0;
	case Q_YESNO:
		if (value_parse_yesno(input, &yes) != 0) {
			char *ex[2], *in = quoted(input);
			int rc;

			examples(q, lang, ex);
			rc = refuse(q, cause, _("'%s' is not yes or no: write it like %s or %s"),
			    in, ex[0], ex[1]);
			free(ex[0]);
			free(ex[1]);
			free(in);
			return rc;
		}
		*canon = xstrdup(yes ? "ja" : "nej");
		return 0;
	case Q_CHOICE:
		if ((o = find_option_n(q, input, strlen(input))) == NULL)
			return refuse_option(q, input, lang, cause);
		*canon = xstrdup(o->id);
		return 0;
	case Q_MULTI:
		return read_multi(q, input, lang, canon, cause);
	case Q_NUMBER:
	case Q_AMOUNT:
		if (!read_qty(q, input, lang, &x)) {
			int rc = refuse_qty(q, input, lang, &x, cause);

			free(x.shown);
			return rc;
		}
		*canon = x.canon;
		if (x.other && note != NULL)
			*note = other_note(q, input, x.canon, lang);
		return 0;
	case Q_DATE:
		if (!read_date(input, &dt))
			return refuse_date(q, input, lang, &dt, cause);
		*canon = xasprintf("%04d-%02d-%02d", dt.y, dt.m, dt.d);
		if (dt.swapped && note != NULL) {
			char *in = quoted(input), *shown = value_format_date(*canon, lang);

			*note = xasprintf(value_message(VM_SWAPPED),
			    in, shown, dt.d);
			free(in);
			free(shown);
		}
		return 0;
	case Q_EMAIL:
	case Q_URL:
		t = utf8_trim(input);
		if ((q->type == Q_EMAIL ? value_check_email(t) : value_check_url(t)) != 0) {
			char *ex[2], *in = quoted(t);
			int rc;

			examples(q, lang, ex);
			rc = refuse(q, cause, q->type == Q_EMAIL ?
			    value_message(VM_NOT_EMAIL) :
			    value_message(VM_NOT_URL),
			    in, ex[0], ex[1]);
			free(ex[0]);
			free(ex[1]);
			free(in);
			free(t);
			return rc;
		}
		*canon = t;
		return 0;
	default:
		break;
	}
	*cause = xstrdup(_("the question has an unknown type"));
	return EX_SOFTWARE;
}

int
value_parse(const struct question *q, const char *input, char **canon, char **cause)
{
	return value_read(q, input, i18n_lang(), canon, NULL, cause);
}

/* Reads a canonical number "[~][-]digits[.digits]" (no grouping). */
static bool
canon_number(const char *canon, bool whole, struct dec *v, bool *approx)
{
	struct runs r;
	bool a = canon[0] == '~';
	const char *p = canon + a;

	if (approx != NULL)
		*approx = a;
	if (*p == '+' || !split_runs(p, &r) || r.lead)
		return false;
	if (r.n > 2 || (r.n == 2 && (r.sep[1] != '.' || whole)))
		return false;
	return read_as(&r, 0, '.', -1, v);
}

bool
value_number(const char *canon, double *out, bool *approx)
{
	struct dec v;

	if (!canon_number(canon, false, &v, approx))
		return false;
	*out = strtod(canon + (canon[0] == '~'), NULL);
	return true;
}

int
value_check_canonical(const struct question *q, const char *value, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	struct date dt;
	struct dec v;
	char *canon = NULL, *why = NULL, *in;
	bool approx, ok;
	double d;

	switch (q->type) {
	case Q_NUMBER:
	case Q_AMOUNT:
		ok = canon_number(value, q->type == Q_AMOUNT, &v, &approx);
		if (ok) {
			sb_add(&sb, approx ? "~" : "");
			dec_canon(&v, &sb, NULL);
			d = strtod(value + approx, NULL);
			ok = strcmp(sb_str(&sb), value) == 0 && in_bounds(q, d) &&
			    (q->type != Q_AMOUNT || (d <= (double)VALUE_AMOUNT_MAX &&
			    d >= -(double)VALUE_AMOUNT_MAX));
		}
		sb_free(&sb);
		break;
	case Q_DATE:
		ok = read_date(value, &dt);
		if (ok) {
			char iso[16];

			snprintf(iso, sizeof(iso), "%04d-%02d-%02d", dt.y, dt.m, dt.d);
			ok = strcmp(iso, value) == 0;
		}
		break;
	default:
		/* These read the same in either language. */
		ok = value_read(q, value, LANG_EN, &canon, NULL, &why) == 0 &&
		    strcmp(canon, value) == 0;
		break;
	}
	free(canon);
	if (ok) {
		free(why);
		return 0;
	}
	if (why != NULL) {
		*cause = why;
		return EX_DATAERR;
	}
	in = quoted(value);
	*cause = xasprintf(_("'%s' is not a stored answer to \"%s\""), in, text_get(&q->prompt));
	free(in);
	return EX_DATAERR;
}

/* The content's and the settings' own values: a plain number. */
static bool
read_plain(const char *s, bool amount, struct dec *v)
{
	struct question q;
	struct qty x;

	memset(&q, 0, sizeof(q));
	q.type = amount ? Q_AMOUNT : Q_NUMBER;
	q.has_min = true;
	q.min = -(double)VALUE_AMOUNT_MAX;
	if (strchr(s, '~') != NULL)
		return false;
	if (!read_qty(&q, s, LANG_DA, &x)) {
		free(x.shown);
		return false;
	}
	free(x.canon);
	*v = x.v;
	return !x.approx;
}

int
value_parse_number(const char *s, double *out)
{
	struct strbuf sb = STRBUF_INIT;
	struct dec v;

	if (!read_plain(s, false, &v))
		return -1;
	dec_canon(&v, &sb, NULL);
	if (out != NULL)
		*out = strtod(sb_str(&sb), NULL);
	sb_free(&sb);
	return 0;
}

int
value_parse_amount(const char *s, int64_t *kroner)
{
	struct strbuf sb = STRBUF_INIT;
	struct dec v;

	if (!read_plain(s, true, &v))
		return -1;
	dec_canon(&v, &sb, NULL);
	if (kroner != NULL)
		*kroner = strtoll(sb_str(&sb), NULL, 10);
	sb_free(&sb);
	return 0;
}

char *
value_answer_text(const struct question *q, enum answer_kind kind, const char *value)
{
	if (kind == ANSWER_DONTKNOW)
		return xstrdup(value_dontknow_text(i18n_lang()));
	if (kind != ANSWER_VALUE || value == NULL)
		return xstrdup(_("(no answer)"));
	if (q == NULL)
		return xstrdup(value);
	return value_format(q, value, i18n_lang());
}
