/* SPDX-License-Identifier: EUPL-1.2 */
/* The SQLite driver (db.h): statements kept and found again, parameters
 * by place, RETURNING, failures told by kind, the schema's words, and no
 * file but the driver that knows SQLite. */
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/db.h"
#include "airejse/db-driver.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static char *dir;

static void
setup(void)
{
	dir = tu_tmpdir();
}

static void
teardown(void)
{
	tu_rmrf(dir);
	free(dir);
}

/* A new database at dir/name, ready, with a table t. */
static struct db *
open_new(const char *name)
{
	char *path = xasprintf("%s/%s", dir, name), *cause = NULL;
	struct db *db;

	ck_assert_msg(db_check_path(path, 0, &cause) == 0, "%s", cause);
	ck_assert_int_eq(db_open(path, 0, &db), DB_OK);
	ck_assert_ptr_null(db_readonly_why(db));
	ck_assert_int_eq(db_ready(db), DB_OK);
	ck_assert_int_eq(db_exec_schema(db, "CREATE TABLE t (id {key}, name TEXT UNIQUE,"
	    " n {int}, parent {int} REFERENCES t(id));"), DB_OK);
	free(path);
	return db;
}

static const char sql_add[] = "INSERT INTO t (name, n, parent) VALUES (?, ?, ?) RETURNING id";
static const char sql_get[] = "SELECT name, n FROM t WHERE id = ?";

START_TEST(statements)
{
	struct db *db = open_new("s.db");
	struct db_stmt *st, *again;
	enum db_rc rc;
	int64_t id = 0, id2 = 0;

	st = db_prepare(db, sql_add, &rc);
	ck_assert_ptr_nonnull(st);
	db_bind_text(st, 1, "første æøå");
	db_bind_int(st, 2, 7);
	ck_assert_int_eq(db_run(st, &id), DB_OK);
	ck_assert_int_gt(id, 0);
	/* Found again by its text, reset and unbound: parent is NULL. */
	again = db_prepare(db, sql_add, &rc);
	ck_assert_ptr_eq(again, st);
	db_bind_text(again, 1, "anden");
	db_bind_int(again, 3, id);
	ck_assert_int_eq(db_run(again, &id2), DB_OK);
	ck_assert_int_eq(id2, id + 1);
	st = db_prepare(db, sql_get, &rc);
	db_bind_int(st, 1, id);
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_str_eq(db_text(st, 0), "første æøå");
	ck_assert_uint_eq(db_bytes(st, 0), strlen("første æøå"));
	ck_assert_int_eq(db_int(st, 1), 7);
	ck_assert_int_eq(db_step(st), DB_DONE);
	db_reset(st);
	/* A row not there: DB_DONE, for RETURNING too. */
	st = db_prepare(db, sql_get, &rc);
	db_bind_int(st, 1, 999);
	ck_assert_int_eq(db_step(st), DB_DONE);
	db_reset(st);
	st = db_prepare(db, "UPDATE t SET n = 1 WHERE id = ? RETURNING id", &rc);
	db_bind_int(st, 1, 999);
	ck_assert_int_eq(db_run(st, &id2), DB_DONE);
	/* One held while many more are prepared stays good. */
	{
		char *more[64];
		size_t i;

		st = db_prepare(db, sql_get, &rc);
		db_bind_int(st, 1, id);
		for (i = 0; i < 64; i++) {
			more[i] = xasprintf("SELECT %zu", i);
			ck_assert_ptr_nonnull(db_prepare(db, more[i], &rc));
		}
		ck_assert_int_eq(db_step(st), DB_ROW);
		ck_assert_str_eq(db_text(st, 0), "første æøå");
		db_reset(st);
		db_close(db);
		for (i = 0; i < 64; i++)
			free(more[i]);
		db = open_new("s2.db");
	}
	/* A text that is not SQL: told, not kept. */
	ck_assert_ptr_null(db_prepare(db, "SELEKT nothing", &rc));
	ck_assert_int_eq(rc, DB_EIO);
	ck_assert_ptr_nonnull(strstr(db_errmsg(db), "syntax"));
	db_close(db);
}
END_TEST

START_TEST(failures_by_kind)
{
	char *path = xasprintf("%s/f.db", dir);
	struct db *db = open_new("f.db");
	struct db_stmt *st;
	sqlite3 *other;
	enum db_rc rc;
	int64_t id;

	st = db_prepare(db, sql_add, &rc);
	db_bind_text(st, 1, "a");
	ck_assert_int_eq(db_run(st, &id), DB_OK);
	st = db_prepare(db, sql_add, &rc);
	db_bind_text(st, 1, "a");
	ck_assert_int_eq(db_run(st, &id), DB_EUNIQUE);
	st = db_prepare(db, sql_add, &rc);
	db_bind_text(st, 1, "b");
	db_bind_int(st, 3, 999);
	ck_assert_int_eq(db_run(st, &id), DB_EFOREIGN);
	/* Another writer holds the database: busy, not a conflict. */
	ck_assert_int_eq(sqlite3_open(path, &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	db_busy_timeout(db, 0);
	ck_assert_int_eq(db_begin(db, true), DB_EBUSY);
	/* Reading goes on beside it. */
	ck_assert_int_eq(db_begin(db, false), DB_OK);
	ck_assert(db_in_transaction(db));
	db_rollback(db);
	ck_assert(!db_in_transaction(db));
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	ck_assert_int_eq(db_begin(db, true), DB_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	db_close(db);
	free(path);
}
END_TEST

START_TEST(schema_words)
{
	struct db *db = open_new("w.db");
	struct db_schema sc;
	struct db_stmt *st;
	enum db_rc rc;

	ck_assert_int_eq(db_schema(db, &sc), DB_OK);
	ck_assert(!sc.ours);
	ck_assert(!sc.blank);
	ck_assert_int_eq(db_begin(db, true), DB_OK);
	ck_assert_int_eq(db_claim(db), DB_OK);
	ck_assert_int_eq(db_set_version(db, 3), DB_OK);
	ck_assert_int_eq(db_exec_schema(db, "CREATE TABLE k (a {int}, {user} TEXT,"
	    " PRIMARY KEY (a)){without_rowid};"), DB_OK);
	ck_assert_int_eq(db_commit(db), DB_OK);
	ck_assert_int_eq(db_schema(db, &sc), DB_OK);
	ck_assert(sc.ours);
	ck_assert_int_eq(sc.version, 3);
	st = db_prepare(db, "SELECT sql FROM sqlite_master WHERE name = ?", &rc);
	db_bind_text(st, 1, "t");
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_str_eq(db_text(st, 0), "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE,"
	    " n INTEGER, parent INTEGER REFERENCES t(id))");
	db_reset(st);
	st = db_prepare(db, "SELECT sql FROM sqlite_master WHERE name = ?", &rc);
	db_bind_text(st, 1, "k");
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_str_eq(db_text(st, 0), "CREATE TABLE k (a INTEGER, user TEXT,"
	    " PRIMARY KEY (a)) WITHOUT ROWID");
	db_reset(st);
	/* A brace that is not one of the words stays as it is. */
	ck_assert_int_eq(db_exec_schema(db, "CREATE TABLE b (x TEXT DEFAULT '{x}');"), DB_OK);
	db_close(db);
}
END_TEST

/* Only the driver knows SQLite: no other file of the program names it. */
START_TEST(only_the_driver_knows_sqlite)
{
	static const char *const dirs[] = { "src", "include/airejse" };
	size_t i;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		char *path = xasprintf("%s/%s", tu_srcdir(), dirs[i]);
		DIR *d = opendir(path);
		struct dirent *e;

		ck_assert_ptr_nonnull(d);
		while ((e = readdir(d)) != NULL) {
			char *file, *text;
			size_t len = strlen(e->d_name);

			if (len < 3 || (strcmp(e->d_name + len - 2, ".c") != 0 &&
			    strcmp(e->d_name + len - 2, ".h") != 0) ||
			    strcmp(e->d_name, "db-sqlite.c") == 0)
				continue;
			file = xasprintf("%s/%s", path, e->d_name);
			text = tu_read(file);
			ck_assert_ptr_nonnull(text);
			ck_assert_msg(strstr(text, "sqlite3") == NULL && strstr(text, "SQLITE_") == NULL,
			    "%s names SQLite: only src/db-sqlite.c may", file);
			free(text);
			free(file);
		}
		closedir(d);
		free(path);
	}
}
END_TEST

/* SQLite is refused on a network file system (statfs), never on this
 * machine's own: the types of each. */
START_TEST(network_file_systems)
{
	ck_assert_str_eq(db_network_fs(0x6969), "NFS");
	ck_assert_str_eq(db_network_fs(0xFF534D42), "CIFS");
	ck_assert_str_eq(db_network_fs(0xFE534D42), "SMB2");
	ck_assert_str_eq(db_network_fs(0x517B), "SMB");
	/* ext4, tmpfs, btrfs, xfs, overlay. */
	ck_assert_ptr_null(db_network_fs(0xEF53));
	ck_assert_ptr_null(db_network_fs(0x01021994));
	ck_assert_ptr_null(db_network_fs(0x9123683E));
	ck_assert_ptr_null(db_network_fs(0x58465342));
	ck_assert_ptr_null(db_network_fs(0x794C7630));
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("db");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, network_file_systems);
	tcase_add_test(tc, statements);
	tcase_add_test(tc, failures_by_kind);
	tcase_add_test(tc, schema_words);
	tcase_add_test(tc, only_the_driver_knows_sqlite);
	suite_add_tcase(s, tc);
	return s;
}
