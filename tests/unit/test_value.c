/* Answer values: each accepted form, each refused one, and formatting. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/content.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static struct qoption opts[] = {
	{ "ja-i-drift", { { "Ja, i drift", "Yes, in use" } }, { 0 } },
	{ "pilot", { { "Pilotafprøvning", "Pilot" } }, { 0 } },
	{ "nej", { { "Nej", "No" } }, { 0 } },
};

static struct question
make(enum qtype t)
{
	struct question q;

	memset(&q, 0, sizeof(q));
	q.id = "q";
	q.type = t;
	if (t == Q_CHOICE || t == Q_MULTI) {
		q.options = opts;
		q.noptions = 3;
	}
	return q;
}

static void
ok(enum qtype t, const char *in, const char *want)
{
	struct question q = make(t);
	char *canon = NULL, *cause = NULL;
	int rc = value_parse(&q, in, &canon, &cause);

	ck_assert_msg(rc == 0, "%s '%s' refused: %s", qtype_name(t), in, cause);
	ck_assert_msg(strcmp(canon, want) == 0, "%s '%s' gave '%s', expected '%s'",
	    qtype_name(t), in, canon, want);
	free(canon);
}

static void
no(enum qtype t, const char *in)
{
	struct question q = make(t);
	char *canon = NULL, *cause = NULL;
	int rc = value_parse(&q, in, &canon, &cause);

	ck_assert_msg(rc == EX_DATAERR, "%s '%s' accepted as '%s'", qtype_name(t), in, canon);
	ck_assert_ptr_null(canon);
	ck_assert_ptr_nonnull(cause);
	ck_assert(strlen(cause) > 5);
	free(cause);
}

START_TEST(yesno)
{
	ok(Q_YESNO, "ja", "ja");
	ok(Q_YESNO, "JA", "ja");
	ok(Q_YESNO, "j", "ja");
	ok(Q_YESNO, "yes", "ja");
	ok(Q_YESNO, " Yes ", "ja");
	ok(Q_YESNO, "nej", "nej");
	ok(Q_YESNO, "n", "nej");
	ok(Q_YESNO, "No", "nej");
	no(Q_YESNO, "måske");
	no(Q_YESNO, "");
	no(Q_YESNO, "jaa");
}
END_TEST

START_TEST(number)
{
	ok(Q_NUMBER, "12", "12");
	ok(Q_NUMBER, "12,5", "12.5");
	ok(Q_NUMBER, "12.5", "12.5");
	ok(Q_NUMBER, "-3", "-3");
	ok(Q_NUMBER, "0,50", "0.5");
	ok(Q_NUMBER, "007", "7");
	ok(Q_NUMBER, "1.234,5", "1234.5");
	ok(Q_NUMBER, "1,234.5", "1234.5");
	ok(Q_NUMBER, "1 234,5", "1234.5");
	ok(Q_NUMBER, "1.234.567", "1234567");
	ok(Q_NUMBER, ",5", "0.5");
	no(Q_NUMBER, "12,5,3");
	no(Q_NUMBER, "tolv");
	no(Q_NUMBER, "12a");
	no(Q_NUMBER, "1.23.4");
	no(Q_NUMBER, "");
	no(Q_NUMBER, "-");
}
END_TEST

START_TEST(number_bounds)
{
	struct question q = make(Q_NUMBER);
	char *canon = NULL, *cause = NULL;

	q.has_min = q.has_max = true;
	q.min = 0;
	q.max = 100;
	ck_assert_int_eq(value_parse(&q, "100", &canon, &cause), 0);
	free(canon);
	ck_assert_int_eq(value_parse(&q, "100,5", &canon, &cause), EX_DATAERR);
	ck_assert_msg(strstr(cause, "100") != NULL, "%s", cause);
	free(cause);
	ck_assert_int_eq(value_parse(&q, "-1", &canon, &cause), EX_DATAERR);
	free(cause);
}
END_TEST

START_TEST(amount)
{
	ok(Q_AMOUNT, "1.600.000", "1600000");
	ok(Q_AMOUNT, "1600000", "1600000");
	ok(Q_AMOUNT, "1.600.000 kr.", "1600000");
	ok(Q_AMOUNT, "1.600.000 kr", "1600000");
	ok(Q_AMOUNT, "1,6 mio.", "1600000");
	ok(Q_AMOUNT, "1,6 mio. kr.", "1600000");
	ok(Q_AMOUNT, "1,6 mio kr", "1600000");
	ok(Q_AMOUNT, "2 mio.", "2000000");
	ok(Q_AMOUNT, "DKK 250,000", "250000");
	ok(Q_AMOUNT, "250.000,00 kr.", "250000");
	ok(Q_AMOUNT, "1.500", "1500");
	ok(Q_AMOUNT, "1 600 000 kr.", "1600000");
	ok(Q_AMOUNT, "0", "0");
	ok(Q_AMOUNT, "1,5 mia.", "1500000000");
	ok(Q_AMOUNT, "12.500,-", "12500");
	no(Q_AMOUNT, "1.600.000,50 kr.");	/* no øre */
	no(Q_AMOUNT, "1.5");
	no(Q_AMOUNT, "mange penge");
	no(Q_AMOUNT, "kr.");
	no(Q_AMOUNT, "-5");
	no(Q_AMOUNT, "1.60.000");
	no(Q_AMOUNT, "9999999999999999");
}
END_TEST

START_TEST(date)
{
	ok(Q_DATE, "2026-11-23", "2026-11-23");
	ok(Q_DATE, "23-11-2026", "2026-11-23");
	ok(Q_DATE, "23.11.2026", "2026-11-23");
	ok(Q_DATE, "23/11/2026", "2026-11-23");
	ok(Q_DATE, "1.2.2027", "2027-02-01");
	ok(Q_DATE, "29.02.2028", "2028-02-29");
	no(Q_DATE, "29.02.2027");
	no(Q_DATE, "31.04.2026");
	no(Q_DATE, "2026-13-01");
	no(Q_DATE, "23.11.26");
	no(Q_DATE, "23.11-2026");
	no(Q_DATE, "i morgen");
	no(Q_DATE, "2026-11-23x");
}
END_TEST

START_TEST(email)
{
	ok(Q_EMAIL, "jens.jensen@rsyd.dk", "jens.jensen@rsyd.dk");
	ok(Q_EMAIL, "  søren@ouh.dk ", "søren@ouh.dk");
	ok(Q_EMAIL, "a+b@sub.region.dk", "a+b@sub.region.dk");
	no(Q_EMAIL, "jens");
	no(Q_EMAIL, "jens@");
	no(Q_EMAIL, "@rsyd.dk");
	no(Q_EMAIL, "jens@rsyd");
	no(Q_EMAIL, "jens jensen@rsyd.dk");
	no(Q_EMAIL, "jens@@rsyd.dk");
	no(Q_EMAIL, "jens@rsyd..dk");
}
END_TEST

START_TEST(url)
{
	ok(Q_URL, "https://ai-rejsen.dk", "https://ai-rejsen.dk");
	ok(Q_URL, "http://example.com:8080/a?b=c#d", "http://example.com:8080/a?b=c#d");
	no(Q_URL, "ai-rejsen.dk");
	no(Q_URL, "ftp://example.com");
	no(Q_URL, "javascript:alert(1)");
	no(Q_URL, "https://exa mple.com");
	no(Q_URL, "https://");
}
END_TEST

START_TEST(choice)
{
	ok(Q_CHOICE, "pilot", "pilot");
	ok(Q_CHOICE, "Pilotafprøvning", "pilot");
	ok(Q_CHOICE, "PILOTAFPRØVNING", "pilot");
	ok(Q_CHOICE, "yes, in use", "ja-i-drift");
	ok(Q_CHOICE, "Ja, i drift", "ja-i-drift");
	no(Q_CHOICE, "måske");
	no(Q_CHOICE, "");
}
END_TEST

START_TEST(multi)
{
	ok(Q_MULTI, "nej,pilot", "pilot,nej");
	ok(Q_MULTI, "Pilot, Nej", "pilot,nej");
	ok(Q_MULTI, "pilot, pilot", "pilot");
	/* A label with a comma is taken whole. */
	ok(Q_MULTI, "Ja, i drift", "ja-i-drift");
	ok(Q_MULTI, "ja-i-drift; nej", "ja-i-drift,nej");
	no(Q_MULTI, "pilot, måske");
	no(Q_MULTI, " , ");
}
END_TEST

START_TEST(text)
{
	struct question q = make(Q_TEXT);
	char *canon = NULL, *cause = NULL;
	char *longs;

	ok(Q_TEXT, "  Ambient scribe – Kolding ", "Ambient scribe – Kolding");
	ok(Q_TEXT, "Ærø, Øster Åby", "Ærø, Øster Åby");
	/* Decomposed å (a + ring) is stored composed. */
	ok(Q_TEXT, "A\xcc\x8a", "\xc3\x85");
	ok(Q_LONGTEXT, "linje 1\r\nlinje 2\n", "linje 1\nlinje 2");
	no(Q_TEXT, "linje 1\nlinje 2");
	no(Q_TEXT, "bad \xff bytes");
	no(Q_LONGTEXT, "bad \xc3 bytes");
	no(Q_TEXT, "bell\a");
	no(Q_TEXT, "   ");
	/* The limit counts characters, not bytes: 200 æ is 400 bytes. */
	longs = xcalloc(1, 402);
	for (int i = 0; i < 200; i++)
		memcpy(longs + 2 * i, "æ", 2);
	ck_assert_int_eq(value_parse(&q, longs, &canon, &cause), 0);
	free(canon);
	memcpy(longs + 400, "æ", 2);
	longs = xreallocarray(longs, 403, 1);
	longs[402] = '\0';
	ck_assert_int_eq(value_parse(&q, longs, &canon, &cause), EX_DATAERR);
	ck_assert_msg(strstr(cause, "201") != NULL, "%s", cause);
	free(cause);
	free(longs);
	q.maxlen = 3;
	ck_assert_int_eq(value_parse(&q, "æøå", &canon, &cause), 0);
	free(canon);
	ck_assert_int_eq(value_parse(&q, "æøåa", &canon, &cause), EX_DATAERR);
	free(cause);
}
END_TEST

START_TEST(dontknow)
{
	ck_assert(value_is_dontknow("ved ikke"));
	ck_assert(value_is_dontknow("Ved ikke"));
	ck_assert(value_is_dontknow(" VED IKKE "));
	ck_assert(value_is_dontknow("?"));
	ck_assert(value_is_dontknow("don't know"));
	ck_assert(value_is_dontknow("Don’t know"));
	ck_assert(!value_is_dontknow("nej"));
	ck_assert(!value_is_dontknow("ved ikke helt"));
}
END_TEST

static void
fmt(enum qtype t, const char *canon, enum lang l, const char *want)
{
	struct question q = make(t);
	char *got = value_format(&q, canon, l);

	ck_assert_msg(strcmp(got, want) == 0, "'%s' shown as '%s', expected '%s'", canon, got, want);
	free(got);
}

START_TEST(formatting)
{
	fmt(Q_AMOUNT, "1600000", LANG_DA, "1.600.000 kr.");
	fmt(Q_AMOUNT, "1600000", LANG_EN, "DKK 1,600,000");
	fmt(Q_AMOUNT, "950", LANG_DA, "950 kr.");
	fmt(Q_NUMBER, "1234.5", LANG_DA, "1.234,5");
	fmt(Q_NUMBER, "1234.5", LANG_EN, "1,234.5");
	fmt(Q_NUMBER, "-12", LANG_DA, "-12");
	fmt(Q_DATE, "2026-11-23", LANG_DA, "23.11.2026");
	fmt(Q_DATE, "2026-11-23", LANG_EN, "23 Nov 2026");
	fmt(Q_YESNO, "ja", LANG_DA, "Ja");
	fmt(Q_YESNO, "nej", LANG_EN, "No");
	fmt(Q_CHOICE, "pilot", LANG_DA, "Pilotafprøvning");
	fmt(Q_MULTI, "pilot,nej", LANG_EN, "Pilot, No");
	fmt(Q_TEXT, "Ærø", LANG_EN, "Ærø");
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("value");
	TCase *tc = tcase_create("value");

	tcase_add_test(tc, yesno);
	tcase_add_test(tc, number);
	tcase_add_test(tc, number_bounds);
	tcase_add_test(tc, amount);
	tcase_add_test(tc, date);
	tcase_add_test(tc, email);
	tcase_add_test(tc, url);
	tcase_add_test(tc, choice);
	tcase_add_test(tc, multi);
	tcase_add_test(tc, text);
	tcase_add_test(tc, dontknow);
	tcase_add_test(tc, formatting);
	suite_add_tcase(s, tc);
	return s;
}
