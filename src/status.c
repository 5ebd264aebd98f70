/* SPDX-License-Identifier: EUPL-1.2 */
/* Statuses beyond sysexits.h, and the names of all of them (status.h). */
#include <stddef.h>

#include "airejse/status.h"

int
status_exit(int status)
{
	return status & 0xff;
}

const char *
status_name(int status)
{
	static const struct {
		int		 status;
		const char	*name;
	} names[] = {
		{ STATUS_BUSY, "busy" },
		{ STATUS_CONFLICT, "conflict" },
		{ EX_USAGE, "usage" },
		{ EX_DATAERR, "invalid" },
		{ EX_NOINPUT, "not-found" },
		{ EX_UNAVAILABLE, "unavailable" },
		{ EX_SOFTWARE, "internal" },
		{ EX_OSERR, "system" },
		{ EX_CANTCREAT, "cannot-create" },
		{ EX_IOERR, "io" },
		{ EX_TEMPFAIL, "temporary" },
		{ EX_NOPERM, "permission" },
		{ EX_CONFIG, "config" },
	};
	size_t i;

	if (status == 0)
		return NULL;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].status == status)
			return names[i].name;
	/* A status not named here: by the one it stands for. */
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].status == status_exit(status))
			return names[i].name;
	return "error";
}
