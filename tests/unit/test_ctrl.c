/* SPDX-License-Identifier: EUPL-1.2 */
/* Control characters: what may be stored, and how what is printed shows
 * them (issue 20, point 1). */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/ctrl.h"
#include "testutil.h"

/* ctrl_check's status for s, and its cause (or NULL) in *why. */
static int
check(const char *s, enum ctrl_field kind, char **why)
{
	*why = NULL;
	return ctrl_check("the note", s, kind, why);
}

START_TEST(stored_text)
{
	char *why;

	/* Danish letters, combining marks and emoji are text. */
	ck_assert_int_eq(check("Æblegrød på ø, e\xcc\x81 \xf0\x9f\x98\x80", CTRL_LINE, &why), 0);
	ck_assert_int_eq(check(NULL, CTRL_LINE, &why), 0);
	ck_assert_int_eq(check("", CTRL_LINE, &why), 0);

	/* Tabs and line breaks in free text only. */
	ck_assert_int_eq(check("a\tb\nc", CTRL_FREE, &why), 0);
	ck_assert_int_eq(check("a\nb", CTRL_LINE, &why), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(why, "line break"));
	free(why);

	/* ESC, BEL, CR and DEL nowhere; the cause names the field, the
	 * character and its place. */
	ck_assert_int_eq(check("m\033]0;PWNED\a", CTRL_FREE, &why), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(why, "the note"));
	ck_assert_ptr_nonnull(strstr(why, "U+001B"));
	ck_assert_ptr_nonnull(strstr(why, "character 2"));
	free(why);
	ck_assert_int_eq(check("x\a", CTRL_FREE, &why), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(why, "U+0007"));
	free(why);
	ck_assert_int_eq(check("a\rb", CTRL_FREE, &why), EX_DATAERR);
	free(why);
	ck_assert_int_eq(check("a\177", CTRL_FREE, &why), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(why, "U+007F"));
	free(why);

	/* C1 (U+009B, the 8-bit CSI) nowhere, after two-byte letters too. */
	ck_assert_int_eq(check("æ\xc2\x9b" "1m", CTRL_FREE, &why), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(why, "U+009B"));
	ck_assert_ptr_nonnull(strstr(why, "character 2"));
	free(why);
	/* U+00A0 (no-break space) is just after C1 and is text. */
	ck_assert_int_eq(check("a\xc2\xa0" "b", CTRL_LINE, &why), 0);

	/* Bidirectional controls in free text only. */
	ck_assert_int_eq(check("x\xe2\x80\xaey", CTRL_FREE, &why), 0);
	ck_assert_int_eq(check("x\xe2\x80\xaey", CTRL_LINE, &why), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(why, "U+202E"));
	free(why);
	ck_assert_int_eq(check("\xe2\x81\xa6", CTRL_LINE, &why), EX_DATAERR);	/* U+2066 */
	free(why);
	ck_assert_int_eq(check("\xd8\x9c", CTRL_LINE, &why), EX_DATAERR);	/* U+061C */
	free(why);
	ck_assert_int_eq(check("\xe2\x80\x8f", CTRL_LINE, &why), EX_DATAERR);	/* U+200F */
	free(why);
	/* Zero-width joiner (emoji, Indic scripts) is not a control. */
	ck_assert_int_eq(check("a\xe2\x80\x8d" "b", CTRL_LINE, &why), 0);

	/* Bytes that are not UTF-8. */
	ck_assert_int_eq(check("x\377", CTRL_FREE, &why), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(why, "UTF-8"));
	free(why);
	ck_assert_int_eq(check("\xc2", CTRL_FREE, &why), EX_DATAERR);
	free(why);
}
END_TEST

static void
visible_is(const char *in, const char *want)
{
	char *got = ctrl_visible(in);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(printed_text)
{
	visible_is("Æble på ø\tx\ny", "Æble på ø\tx\ny");
	visible_is(NULL, "");
	visible_is("m\033]0;PWNED\a", "m^[]0;PWNED^G");
	visible_is("a\033c@b.dk", "a^[c@b.dk");
	visible_is("x\r\177", "x^M^?");
	visible_is("\x01", "^A");
	visible_is("\xc2\x9b" "2J", "<U+009B>2J");
	visible_is("x\xe2\x80\xaey", "x<U+202E>y");
	visible_is("\xe2\x81\xa9\xd8\x9c", "<U+2069><U+061C>");
	visible_is("x\377y\xc2", "x<0xFF>y<0xC2>");
	/* Text around them is kept whole: a letter before and after. */
	visible_is("ø\033ø", "ø^[ø");
}
END_TEST

START_TEST(printed_json)
{
	char *j;

	j = ctrl_json("{\"a\": \"x\xc2\x9by\xe2\x80\xaez\177\",\n  \"b\": \"æ\\u001b\"}");
	ck_assert_str_eq(j, "{\"a\": \"x\\u009by\\u202ez\\u007f\",\n  \"b\": \"æ\\u001b\"}");
	free(j);
}
END_TEST

START_TEST(printf_and_write)
{
	char buf[128] = "";
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_ge(ctrl_printf(f, "%s: %d\n", "a\033[2Jb", 7), 0);
	ctrl_write(f, "\xc2\x9b|\n", 4);
	fclose(f);
	ck_assert_str_eq(buf, "a^[[2Jb: 7\n<U+009B>|\n");
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("ctrl");
	TCase *tc = tcase_create("ctrl");

	tcase_add_test(tc, stored_text);
	tcase_add_test(tc, printed_text);
	tcase_add_test(tc, printed_json);
	tcase_add_test(tc, printf_and_write);
	suite_add_tcase(s, tc);
	return s;
}
