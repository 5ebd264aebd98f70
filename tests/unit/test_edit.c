/* SPDX-License-Identifier: EUPL-1.2 */
/* The editing model of the terminal program's text fields. */
#include <stdlib.h>
#include <string.h>

#include "airejse/edit.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"
#include "testutil.h"

START_TEST(insert_and_move_by_character)
{
	struct edit e;

	edit_init(&e, "blå", false);
	ck_assert_uint_eq(e.cur, strlen("blå"));
	ck_assert(edit_left(&e));
	ck_assert_uint_eq(e.cur, 2);	/* before the two bytes of å */
	edit_insert(&e, "æø", strlen("æø"));
	ck_assert_str_eq(edit_text(&e), "blæøå");
	ck_assert(edit_backspace(&e));
	ck_assert_str_eq(edit_text(&e), "blæå");
	ck_assert(edit_delete(&e));
	ck_assert_str_eq(edit_text(&e), "blæ");
	ck_assert(!edit_delete(&e));
	ck_assert(edit_home(&e));
	ck_assert_uint_eq(e.cur, 0);
	ck_assert(!edit_left(&e));
	ck_assert(edit_end(&e));
	ck_assert_uint_eq(e.cur, e.len);
	edit_free(&e);
}
END_TEST

START_TEST(clusters_are_one_step)
{
	struct edit e;
	/* a + combining ring, then a family emoji joined by ZWJ. */
	const char *s = "a\xcc\x8a" "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";

	edit_init(&e, s, false);
	ck_assert(edit_left(&e));
	ck_assert_uint_eq(e.cur, 3);
	ck_assert(edit_left(&e));
	ck_assert_uint_eq(e.cur, 0);
	ck_assert(edit_right(&e));
	ck_assert_uint_eq(e.cur, 3);
	ck_assert(edit_backspace(&e));
	ck_assert_uint_eq(e.cur, 0);
	ck_assert_uint_eq(e.len, strlen(s) - 3);
	/* A combining mark typed after a letter joins it; the cursor stays
	 * on a boundary. */
	edit_set(&e, "o");
	edit_insert_cp(&e, 0x0308);
	ck_assert_str_eq(edit_text(&e), "o\xcc\x88");
	ck_assert(edit_left(&e));
	ck_assert_uint_eq(e.cur, 0);
	edit_free(&e);
}
END_TEST

START_TEST(words)
{
	struct edit e;

	edit_init(&e, "Hvad koster  én licens?", false);
	ck_assert(edit_word_left(&e));
	ck_assert_str_eq(edit_text(&e) + e.cur, "licens?");
	ck_assert(edit_word_left(&e));
	ck_assert_str_eq(edit_text(&e) + e.cur, "én licens?");
	ck_assert(edit_word_left(&e));
	ck_assert_str_eq(edit_text(&e) + e.cur, "koster  én licens?");
	ck_assert(edit_word_right(&e));
	ck_assert_str_eq(edit_text(&e) + e.cur, "  én licens?");
	ck_assert(edit_delete_word_left(&e));
	ck_assert_str_eq(edit_text(&e), "Hvad   én licens?");
	edit_home(&e);
	ck_assert(!edit_word_left(&e));
	ck_assert(!edit_delete_word_left(&e));
	edit_end(&e);
	ck_assert(!edit_word_right(&e));
	edit_free(&e);
}
END_TEST

START_TEST(filters_what_is_pasted)
{
	struct edit e;

	edit_init(&e, NULL, false);
	edit_insert(&e, "a\tb\nc\x01\x7f" "d\xff" "e\r\nf", 13);
	ck_assert_str_eq(edit_text(&e), "a b cd\xef\xbf\xbd" "e f");
	edit_free(&e);
	edit_init(&e, NULL, true);
	edit_insert(&e, "a\r\nb\rc\n", 7);
	ck_assert_str_eq(edit_text(&e), "a\nb\nc\n");
	edit_free(&e);
}
END_TEST

START_TEST(long_paste_is_cut_at_max)
{
	struct edit e;
	size_t n = 1u << 20, i;
	char *big = xmalloc(n + 1);

	for (i = 0; i < n; i++)
		big[i] = (char)('a' + i % 26);
	big[n] = '\0';
	edit_init(&e, NULL, true);
	ck_assert_uint_eq(edit_insert(&e, big, n), n);
	ck_assert_uint_eq(e.len, n);
	ck_assert(!e.full);
	/* Moves near the end of a megabyte stay cheap and correct. */
	ck_assert(edit_left(&e));
	ck_assert_uint_eq(e.cur, n - 1);
	e.max = n + 2;
	edit_end(&e);
	ck_assert_uint_eq(edit_insert(&e, "xyz", 3), 2);
	ck_assert(e.full);
	ck_assert_uint_eq(e.len, n + 2);
	edit_backspace(&e);
	ck_assert(!e.full);
	edit_free(&e);
	free(big);
}
END_TEST

START_TEST(lines_kill_and_wrap)
{
	struct edit e;
	struct edit_line *lines = NULL;
	size_t cap = 0, cur, n;

	edit_init(&e, "første linje\nanden", true);
	ck_assert(edit_home(&e));
	ck_assert_str_eq(edit_text(&e) + e.cur, "anden");
	ck_assert(edit_left(&e));	/* onto the line break */
	ck_assert_int_eq(edit_column(&e), 12);
	ck_assert(edit_kill_to_end(&e));	/* joins the lines */
	ck_assert_str_eq(edit_text(&e), "første linjeanden");
	ck_assert(edit_kill_to_start(&e));
	ck_assert_str_eq(edit_text(&e), "anden");
	edit_set(&e, "et to tre fire\nfem");
	n = edit_wrap(&e, 7, &lines, &cap, &cur);
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(lines[0].start, 0);
	ck_assert_uint_eq(lines[0].end, 6);	/* "et to " */
	ck_assert_uint_eq(lines[1].start, 6);
	ck_assert_uint_eq(lines[1].end, 10);	/* "tre fire" does not fit: "tre " */
	ck_assert_uint_eq(lines[3].start, 15);	/* "fem" */
	ck_assert_uint_eq(cur, 3);
	free(lines);
	edit_free(&e);
}
END_TEST

START_TEST(wrap_inside_a_long_word_and_wide_characters)
{
	struct edit e;
	struct edit_line *lines = NULL;
	size_t cap = 0, cur, n;

	edit_init(&e, "abcdefgh", false);
	n = edit_wrap(&e, 3, &lines, &cap, &cur);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(cur, 2);
	/* Two columns each: at most one per line of width 3. */
	edit_set(&e, "日本語");
	n = edit_wrap(&e, 3, &lines, &cap, &cur);
	ck_assert_uint_eq(n, 3);
	/* Width 1 still makes progress. */
	n = edit_wrap(&e, 1, &lines, &cap, &cur);
	ck_assert_uint_eq(n, 3);
	free(lines);
	edit_free(&e);
}
END_TEST

START_TEST(up_and_down_keep_the_column)
{
	struct edit e;

	edit_init(&e, "kort\nen længere linje\nx", true);
	ck_assert(edit_vertical(&e, 80, -1));
	ck_assert_str_eq(edit_text(&e) + e.cur, "n længere linje\nx");
	ck_assert(edit_right(&e));
	ck_assert(edit_right(&e));
	ck_assert(edit_right(&e));
	ck_assert(edit_right(&e));
	ck_assert(edit_right(&e));
	ck_assert(edit_vertical(&e, 80, -1));
	/* "kort" is shorter: the end of it. */
	ck_assert_uint_eq(e.cur, 4);
	ck_assert(!edit_vertical(&e, 80, -1));
	ck_assert(edit_vertical(&e, 80, 1));
	ck_assert_str_eq(edit_text(&e) + e.cur, "ængere linje\nx");
	/* Down within a wrapped line. */
	edit_set(&e, "aaaa bbbb cccc");
	edit_home(&e);
	ck_assert(edit_vertical(&e, 5, 1));
	ck_assert_str_eq(edit_text(&e) + e.cur, "bbbb cccc");
	edit_end(&e);
	ck_assert(!edit_vertical(&e, 5, 1));
	edit_free(&e);
}
END_TEST

/* A cheap fuzz: random operations on random bytes keep the invariants. */
START_TEST(random_operations_keep_invariants)
{
	static const char *const bits[] = { "a", "å", " ", "\n", "\xcc\x8a",
	    "\xff", "日", "\xf0\x9f\x91\xa9", "\xe2\x80\x8d", "\t", "\r" };
	struct edit e;
	struct edit_line *lines = NULL;
	size_t cap = 0, cur, i;
	unsigned seed = 12345;

	edit_init(&e, NULL, true);
	for (i = 0; i < 20000; i++) {
		unsigned r;

		seed = seed * 1103515245u + 12345u;
		r = (seed >> 16) % 13;
		switch (r) {
		case 0: case 1: case 2: case 3: {
			const char *b = bits[(seed >> 8) % 11];

			edit_insert(&e, b, strlen(b));
			break;
		}
		case 4: edit_left(&e); break;
		case 5: edit_right(&e); break;
		case 6: edit_backspace(&e); break;
		case 7: edit_delete(&e); break;
		case 8: edit_word_left(&e); break;
		case 9: edit_word_right(&e); break;
		case 10: edit_vertical(&e, (int)(seed % 9) + 1, (seed & 1) ? 1 : -1); break;
		case 11: edit_home(&e); break;
		default: edit_kill_to_end(&e); break;
		}
		ck_assert_uint_le(e.cur, e.len);
		ck_assert_uint_eq(strlen(e.buf), e.len);
		ck_assert(e.len == 0 || utf8_valid(e.buf, e.len));
		if (i % 97 == 0)
			edit_wrap(&e, (int)(i % 7) + 1, &lines, &cap, &cur);
	}
	free(lines);
	edit_free(&e);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("edit");
	TCase *tc = tcase_create("edit");

	tcase_add_test(tc, insert_and_move_by_character);
	tcase_add_test(tc, clusters_are_one_step);
	tcase_add_test(tc, words);
	tcase_add_test(tc, filters_what_is_pasted);
	tcase_add_test(tc, long_paste_is_cut_at_max);
	tcase_add_test(tc, lines_kill_and_wrap);
	tcase_add_test(tc, wrap_inside_a_long_word_and_wide_characters);
	tcase_add_test(tc, up_and_down_keep_the_column);
	tcase_add_test(tc, random_operations_keep_invariants);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return s;
}
