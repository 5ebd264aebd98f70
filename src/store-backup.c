/* SPDX-License-Identifier: EUPL-1.2 */
/* Backup: the whole database into a file of its own, through a temporary
 * file renamed into place: SQLite's online backup, or for a server's
 * database a copy into a new SQLite file (store_copy), checked. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/tempfile.h"
#include "airejse/xalloc.h"

/* Makes what was written to path, and its name in its folder, durable. */
static int
sync_file(const char *path)
{
	char *copy = xstrdup(path);
	int fd, rc = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fsync(fd) != 0)
		rc = -1;
	if (fd >= 0)
		close(fd);
	if (rc == 0 && (fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
	return rc;
}

/* A server's database as of one moment into the empty file path. */
static int
backup_server(struct store *s, const char *path, char **cause)
{
	struct store_copy_counts counts;
	struct store *copy;
	int status;

	if ((status = store_open(path, 0, &copy, cause)) != 0)
		return status;
	status = store_copy(s, copy, false, &counts, cause);
	store_close(copy);
	return status;
}

int
store_backup(struct store *s, const char *dest, bool force, char **cause)
{
	struct stat sb, db;
	struct tempfile t;
	enum db_rc rc;
	char *dir, *base, *prefix, *why;
	int fd, status = 0;

	if (stat(dest, &sb) == 0) {
		if (stat(s->path, &db) == 0 && sb.st_dev == db.st_dev && sb.st_ino == db.st_ino) {
			*cause = xasprintf(_("cannot back up to %s: that is the database itself: give another file"), dest);
			return EX_CANTCREAT;
		}
		if (!force) {
			*cause = xasprintf(_("%s exists: give another file, or add --force to replace it"), dest);
			return EX_CANTCREAT;
		}
		if (S_ISDIR(sb.st_mode)) {
			*cause = xasprintf(_("cannot back up to %s: it is a folder: give a file name"), dest);
			return EX_CANTCREAT;
		}
	}
	/* Written beside the target and renamed into place, so an old
	 * backup is never half overwritten; one a killed backup left there
	 * goes now. */
	dir = xstrdup(dest);
	base = xstrdup(dest);
	prefix = xasprintf("%s.tmp-", basename(base));
	fd = tempfile_make(&t, dirname(dir), prefix);
	free(dir);
	free(base);
	free(prefix);
	if (fd < 0) {
		*cause = xasprintf(_("cannot create %s: %s"), dest, strerror(errno));
		return EX_CANTCREAT;
	}
	close(fd);
	if (db_is_server(s->path)) {
		if ((status = backup_server(s, t.path, &why)) != 0) {
			*cause = xasprintf(_("cannot back up to %s: %s"), dest, why);
			free(why);
		}
	} else if ((rc = db_backup(s->db, t.path, &why)) != DB_OK) {
		*cause = xasprintf(_("cannot back up to %s: %s"), dest, why);
		free(why);
		status = rc == DB_EIO ? EX_IOERR : EX_CANTCREAT;
	}
	if (status == 0 && (sync_file(t.path) != 0 || rename(t.path, dest) != 0)) {
		*cause = xasprintf(_("cannot back up to %s: %s"), dest, strerror(errno));
		status = EX_IOERR;
	}
	if (status == 0)
		sync_file(dest);
	tempfile_done(&t, status == 0);
	return status;
}
