/* SPDX-License-Identifier: EUPL-1.2 */
/* The main of every unit test program: runs the suite its module defines. */
#include <check.h>
#include <stdlib.h>

#include "testutil.h"

int
main(void)
{
	SRunner *sr = srunner_create(test_suite());
	int failed;

	testutil_init();
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
