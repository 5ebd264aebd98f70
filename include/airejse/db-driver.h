/* SPDX-License-Identifier: EUPL-1.2 */
/* What a database driver gives db.c, which picks the driver for a
 * database by its name (a file: SQLite; a PostgreSQL connection string:
 * PostgreSQL) and passes each call of db.h to it. Only db.c and the
 * drivers (db-sqlite.c, db-pg.c) include this. Each driver's connection
 * and statement begin with struct db and struct db_stmt, so that db.c
 * finds the driver of either. */
#ifndef AIREJSE_DB_DRIVER_H
#define AIREJSE_DB_DRIVER_H

#include "airejse/db.h"

/* A word of a schema (db_exec_schema) and the driver's text for it. */
struct db_word {
	const char	*name;
	const char	*text;
};

struct db_driver {
	const struct db_word	*words;
	size_t		 nwords;
	int		(*check_path)(const char *path, int flags, char **cause);
	enum db_rc	(*open)(const char *path, int flags, struct db **out);
	void		(*close)(struct db *db);
	const char	*(*readonly_why)(const struct db *db);
	enum db_rc	(*schema)(struct db *db, struct db_schema *out);
	enum db_rc	(*ready)(struct db *db);
	enum db_rc	(*claim)(struct db *db);
	enum db_rc	(*set_version)(struct db *db, int version);
	/* Runs statements without parameters (the schema's words filled in). */
	enum db_rc	(*exec)(struct db *db, const char *sql);
	void		(*busy_timeout)(struct db *db, int ms);
	enum db_rc	(*begin)(struct db *db, bool write);
	enum db_rc	(*commit)(struct db *db);
	void		(*rollback)(struct db *db);
	bool		(*in_transaction)(struct db *db);
	int64_t		(*data_version)(struct db *db);
	/* NULL where there is nothing to watch (SQLite). */
	int		(*watch_fd)(struct db *db);
	struct db_stmt	*(*prepare)(struct db *db, const char *sql, enum db_rc *rc);
	void		(*bind_int)(struct db_stmt *st, int i, int64_t v);
	void		(*bind_text)(struct db_stmt *st, int i, const char *v);
	enum db_rc	(*step)(struct db_stmt *st);
	void		(*reset)(struct db_stmt *st);
	int64_t		(*col_int)(struct db_stmt *st, int i);
	const char	*(*col_text)(struct db_stmt *st, int i);
	size_t		(*col_bytes)(struct db_stmt *st, int i);
	const char	*(*errmsg)(struct db *db);
	const char	*(*user)(struct db *db);
	enum db_rc	(*backup)(struct db *db, const char *dest, char **why);
	enum db_rc	(*keys_follow)(struct db *db, const char *table, const char *column);
	/* NULL where the planner needs no statistics gathered (SQLite). */
	enum db_rc	(*analyze)(struct db *db, const char *table);
};

struct db {
	const struct db_driver	*drv;
};

struct db_stmt {
	const struct db_driver	*drv;
};

/* The name of a network file system by its statfs(2) type (NFS,
 * SMB...), or NULL for one of this machine's own (db-sqlite.c). */
const char *db_network_fs(unsigned long type);

extern const struct db_driver db_sqlite_driver;
extern const struct db_driver db_pg_driver;

#endif
