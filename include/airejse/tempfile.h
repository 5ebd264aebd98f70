/* SPDX-License-Identifier: EUPL-1.2 */
/* Temporary files of airejse's own naming, written beside a target and
 * moved into place (a backup, an export). A run holds a lock on each
 * one it makes (flock) until it is done with it; a file of that naming
 * that nobody holds was left by a run that was killed, and the next run
 * that makes one in the same folder removes it. */
#ifndef AIREJSE_TEMPFILE_H
#define AIREJSE_TEMPFILE_H

#include <stdbool.h>

struct tempfile {
	char	*path;		/* dir/prefixXXXXXX */
	int	 lock;		/* held until tempfile_done; -1: none */
};

/* Removes what killed runs left in dir (prefix followed by six
 * characters, a file nobody holds), then makes dir/prefixXXXXXX, mode
 * 0600, and holds it. Returns a descriptor open for writing (the caller
 * closes it; the file stays held), or -1 with errno set. */
int tempfile_make(struct tempfile *t, const char *dir, const char *prefix);
/* Lets go of the file (removing it first unless moved into place:
 * moved is true) and frees t->path. */
void tempfile_done(struct tempfile *t, bool moved);

#endif
