/* SPDX-License-Identifier: EUPL-1.2 */
/* FNV-1a: the published values, and strings that cannot run together. */
#include <stdint.h>

#include "airejse/hash.h"
#include "testutil.h"

START_TEST(known_values)
{
	ck_assert_uint_eq(hash_bytes(HASH_INIT, "", 0), 0xcbf29ce484222325ULL);
	ck_assert_uint_eq(hash_bytes(HASH_INIT, "a", 1), 0xaf63dc4c8601ec8cULL);
	ck_assert_uint_eq(hash_bytes(HASH_INIT, "foobar", 6), 0x85944171f73967e8ULL);
	/* hash_str takes the NUL too. */
	ck_assert_uint_eq(hash_str(HASH_INIT, "a"), hash_bytes(HASH_INIT, "a", 2));
}
END_TEST

START_TEST(strings_one_after_another)
{
	uint64_t x = hash_str(hash_str(HASH_INIT, "ab"), "c");
	uint64_t y = hash_str(hash_str(HASH_INIT, "a"), "bc");

	ck_assert_uint_ne(x, y);
	ck_assert_uint_ne(hash_str(HASH_INIT, "æøå"), hash_str(HASH_INIT, "aoa"));
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("hash");
	TCase *tc = tcase_create("hash");

	tcase_add_test(tc, known_values);
	tcase_add_test(tc, strings_one_after_another);
	suite_add_tcase(s, tc);
	return s;
}
