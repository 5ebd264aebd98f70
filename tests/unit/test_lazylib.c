/* Libraries opened on first use: none is open until one of its functions
 * is called, and then only that one. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>
#include <yaml.h>

#include "airejse/lazylib.h"
#include "testutil.h"

START_TEST(opened_on_first_use_only)
{
	json_t *j;
	yaml_parser_t p;
	pcre2_code *re;
	int err;
	PCRE2_SIZE off;

	ck_assert(!lazylib_loaded(LAZY_JANSSON));
	ck_assert(!lazylib_loaded(LAZY_YAML));
	ck_assert(!lazylib_loaded(LAZY_PCRE2));

	j = json_string("Færdigt produkt");
	ck_assert_str_eq(json_string_value(j), "Færdigt produkt");
	json_decref(j);
	ck_assert(lazylib_loaded(LAZY_JANSSON));
	ck_assert(!lazylib_loaded(LAZY_YAML));

	ck_assert_int_eq(yaml_parser_initialize(&p), 1);
	yaml_parser_delete(&p);
	ck_assert(lazylib_loaded(LAZY_YAML));
	ck_assert(!lazylib_loaded(LAZY_PCRE2));

	re = pcre2_compile((PCRE2_SPTR)"æ+", PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &off, NULL);
	ck_assert_ptr_nonnull(re);
	pcre2_code_free(re);
	ck_assert(lazylib_loaded(LAZY_PCRE2));
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("lazylib");
	TCase *tc = tcase_create("lazylib");

	tcase_add_test(tc, opened_on_first_use_only);
	suite_add_tcase(s, tc);
	return s;
}
