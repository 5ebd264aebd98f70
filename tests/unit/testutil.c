/* SPDX-License-Identifier: EUPL-1.2 */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "airejse/i18n.h"
#include "airejse/xalloc.h"
#include "testutil.h"

void
testutil_init(void)
{
	setenv("TZ", "UTC", 1);
	unsetenv("LANGUAGE");
	unsetenv("XDG_CONFIG_HOME");
	i18n_init(LANG_EN, "locale", NULL);
}

char *
tu_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *path = xasprintf("%s/airejse-test-XXXXXX", base && *base ? base : "/tmp");

	if (mkdtemp(path) == NULL) {
		perror("mkdtemp");
		abort();
	}
	return path;
}

static void
mkdirs(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			perror(path);
			abort();
		}
		*p = '/';
	}
}

char *
tu_write(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f;

	mkdirs(path);
	f = fopen(path, "w");
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		abort();
	}
	return path;
}

char *
tu_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(path);
}

void
tu_rmrf(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *
tu_srcdir(void)
{
	const char *s = getenv("AIREJSE_SRCDIR");

	return s && *s ? s : ".";
}

int
tu_store_is_pg(void)
{
	const char *pg = getenv("AIREJSE_TEST_PG");

	return pg != NULL && *pg != '\0';
}

char *
tu_store(const char *dir, const char *name)
{
	const char *server = getenv("AIREJSE_TEST_PG");
	char *conninfo, *sql, *dbname;
	PGconn *conn;
	PGresult *res;

	if (!tu_store_is_pg())
		return xasprintf("%s/%s.db", dir, name);
	/* Each test runs in a process of its own. */
	dbname = xasprintf("t%ld_%s", (long)getpid(), name);
	conninfo = xasprintf("%s dbname=postgres", server);
	conn = PQconnectdb(conninfo);
	ck_assert_msg(PQstatus(conn) == CONNECTION_OK, "%s: %s", conninfo, PQerrorMessage(conn));
	sql = xasprintf("CREATE DATABASE \"%s\"", dbname);
	res = PQexec(conn, sql);
	ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK, "%s: %s", sql, PQerrorMessage(conn));
	PQclear(res);
	PQfinish(conn);
	free(sql);
	free(conninfo);
	conninfo = xasprintf("%s dbname=%s", server, dbname);
	free(dbname);
	return conninfo;
}
