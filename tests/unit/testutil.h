/* SPDX-License-Identifier: EUPL-1.2 */
/* Helpers shared by the unit tests. */
#ifndef AIREJSE_TESTUTIL_H
#define AIREJSE_TESTUTIL_H

#include <check.h>

/* Each test program defines its suite. */
Suite *test_suite(void);

/* Pins the environment (language, time zone) for repeatable tests. */
void testutil_init(void);

/* A new empty folder under $TMPDIR; caller frees the path. */
char *tu_tmpdir(void);
/* Writes text to dir/name (creating folders); returns the path (caller frees). */
char *tu_write(const char *dir, const char *name, const char *text);
/* The whole file, or NULL. Caller frees. */
char *tu_read(const char *path);
/* Where a test's store goes: dir/NAME.db, or, when $AIREJSE_TEST_PG
 * names a PostgreSQL server (a libpq connection string; make check
 * starts one), a new empty database there. Caller frees. */
char *tu_store(const char *dir, const char *name);
/* Whether tu_store makes PostgreSQL databases. */
int tu_store_is_pg(void);
/* rm -rf path. */
void tu_rmrf(const char *path);
/* The source tree's top folder (tests run from there). */
const char *tu_srcdir(void);

#endif
