/* SPDX-License-Identifier: EUPL-1.2 */
/* Temporary files that a killed run leaves behind are removed by the
 * next (tempfile.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "airejse/tempfile.h"
#include "airejse/xalloc.h"

/* Removes dir/name if it is a file that no run holds. */
static void
sweep_one(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat sb;

	if (fd < 0)
		return;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
		unlinkat(dirfd, name, 0);
	close(fd);
}

static void
sweep(const char *dir, const char *prefix)
{
	size_t n = strlen(prefix);
	struct dirent *e;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix, n) == 0 && strlen(e->d_name + n) == 6)
			sweep_one(dirfd(d), e->d_name);
	closedir(d);
}

int
tempfile_make(struct tempfile *t, const char *dir, const char *prefix)
{
	int fd, saved;

	sweep(dir, prefix);
	t->path = xasprintf("%s/%sXXXXXX", dir, prefix);
	t->lock = -1;
	if ((fd = mkstemp(t->path)) < 0)
		goto fail;
	/* A descriptor of its own, so that the caller may close the one it
	 * writes with (or a library reopen the file by name) and the file
	 * stays held. */
	if ((t->lock = open(t->path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    flock(t->lock, LOCK_EX | LOCK_NB) != 0) {
		saved = errno;
		close(fd);
		unlink(t->path);
		errno = saved;
		goto fail;
	}
	return fd;
fail:
	saved = errno;
	if (t->lock >= 0)
		close(t->lock);
	t->lock = -1;
	free(t->path);
	t->path = NULL;
	errno = saved;
	return -1;
}

void
tempfile_done(struct tempfile *t, bool moved)
{
	if (t->path != NULL && !moved)
		unlink(t->path);
	if (t->lock >= 0)
		close(t->lock);
	t->lock = -1;
	free(t->path);
	t->path = NULL;
}
