/* SPDX-License-Identifier: EUPL-1.2 */
/* Statuses beyond sysexits.h: the exit status each stands for, and the
 * names JSON errors give them. */
#include <sysexits.h>

#include "airejse/status.h"
#include "testutil.h"

START_TEST(exits_and_names)
{
	ck_assert_int_eq(status_exit(0), 0);
	ck_assert_int_eq(status_exit(EX_DATAERR), EX_DATAERR);
	/* Busy and conflict both exit 75, each with its own name. */
	ck_assert_int_eq(status_exit(STATUS_BUSY), EX_TEMPFAIL);
	ck_assert_int_eq(status_exit(STATUS_CONFLICT), EX_TEMPFAIL);
	ck_assert_int_ne(STATUS_BUSY, STATUS_CONFLICT);
	ck_assert_int_ne(STATUS_BUSY, EX_TEMPFAIL);
	ck_assert_str_eq(status_name(STATUS_BUSY), "busy");
	ck_assert_str_eq(status_name(STATUS_CONFLICT), "conflict");
	ck_assert_str_eq(status_name(EX_TEMPFAIL), "temporary");
	ck_assert_str_eq(status_name(EX_USAGE), "usage");
	ck_assert_str_eq(status_name(EX_DATAERR), "invalid");
	ck_assert_str_eq(status_name(EX_NOINPUT), "not-found");
	ck_assert_str_eq(status_name(EX_IOERR), "io");
	ck_assert_ptr_null(status_name(0));
	/* One not named here goes by the status it stands for. */
	ck_assert_str_eq(status_name(0x300 | EX_IOERR), "io");
	ck_assert_str_eq(status_name(3), "error");
	/* What slips through to exit() exits with the same status. */
	ck_assert_int_eq(STATUS_BUSY & 0xff, EX_TEMPFAIL);
	ck_assert_int_eq(STATUS_CONFLICT & 0xff, EX_TEMPFAIL);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("status");
	TCase *tc = tcase_create("status");

	tcase_add_test(tc, exits_and_names);
	suite_add_tcase(s, tc);
	return s;
}
