/* SPDX-License-Identifier: EUPL-1.2 */
/* The region allocator: zeroed, aligned memory that lives until the
 * arena is freed, however many blocks it takes. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/arena.h"
#include "airejse/xalloc.h"
#include "testutil.h"

START_TEST(allocations_are_zeroed_aligned_and_kept)
{
	static const unsigned char zero[1000];
	struct arena *a = arena_new();
	unsigned char *p[2000], want[1000];
	size_t i;

	/* Sizes from 1 to 999 bytes, far more than a block holds: every
	 * allocation zeroed and aligned, and none overwrites another. */
	for (i = 0; i < 2000; i++) {
		size_t n = i % 999 + 1;

		p[i] = arena_alloc(a, n);
		ck_assert_uint_eq((uintptr_t)p[i] % alignof(max_align_t), 0);
		ck_assert(memcmp(p[i], zero, n) == 0);
		memset(p[i], (int)(i & 0xff), n);
	}
	for (i = 0; i < 2000; i++) {
		memset(want, (int)(i & 0xff), sizeof(want));
		ck_assert(memcmp(p[i], want, i % 999 + 1) == 0);
	}
	arena_free(a);
}
END_TEST

START_TEST(large_empty_strings_and_adopted)
{
	struct arena *a = arena_new();
	char *big = arena_alloc(a, 1u << 20), *s, *owned = xstrdup("æøå");
	int *none = arena_array(a, 0, sizeof(int));
	double *v = arena_array(a, 3, sizeof(double));

	/* Bigger than a block: a block of its own. */
	memset(big, 'x', 1u << 20);
	ck_assert_ptr_nonnull(none);
	ck_assert(v[0] == 0 && v[1] == 0 && v[2] == 0);
	s = arena_strdup(a, "Færdigt produkt");
	ck_assert_str_eq(s, "Færdigt produkt");
	/* Freed with the arena: LeakSanitizer in check-asan says if not. */
	arena_adopt(a, owned);
	arena_adopt(a, NULL);
	ck_assert_int_eq(big[(1u << 20) - 1], 'x');
	arena_free(a);
	arena_free(NULL);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("arena");
	TCase *tc = tcase_create("arena");

	tcase_add_test(tc, allocations_are_zeroed_aligned_and_kept);
	tcase_add_test(tc, large_empty_strings_and_adopted);
	suite_add_tcase(s, tc);
	return s;
}
