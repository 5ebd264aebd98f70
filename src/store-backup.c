/* Backup: the whole database into a file of its own, through a temporary
 * file renamed into place. */
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

int
store_backup(struct store *s, const char *dest, bool force, char **cause)
{
	struct stat sb, db;
	enum db_rc rc;
	char *tmp, *why;
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
	 * backup is never half overwritten. */
	tmp = xasprintf("%s.tmp-XXXXXX", dest);
	if ((fd = mkstemp(tmp)) < 0) {
		*cause = xasprintf(_("cannot create %s: %s"), dest, strerror(errno));
		free(tmp);
		return EX_CANTCREAT;
	}
	fchmod(fd, 0600);
	close(fd);
	if ((rc = db_backup(s->db, tmp, &why)) != DB_OK) {
		*cause = xasprintf(_("cannot back up to %s: %s"), dest, why);
		free(why);
		status = rc == DB_EIO ? EX_IOERR : EX_CANTCREAT;
	}
	if (status == 0 && (sync_file(tmp) != 0 || rename(tmp, dest) != 0)) {
		*cause = xasprintf(_("cannot back up to %s: %s"), dest, strerror(errno));
		status = EX_IOERR;
	}
	if (status != 0)
		unlink(tmp);
	else
		sync_file(dest);
	free(tmp);
	return status;
}
