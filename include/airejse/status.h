/* SPDX-License-Identifier: EUPL-1.2 */
/* What a function returns when it fails: a sysexits.h status, or one of
 * the statuses below. Each of these stands for a sysexits status (its
 * low byte, so that one that slips through to exit() still exits with
 * it) but tells the caller more: the command line exits with
 * status_exit() and, where it prints JSON, names the failure with
 * status_name() (airejse(1), EXIT STATUS). */
#ifndef AIREJSE_STATUS_H
#define AIREJSE_STATUS_H

#include <sysexits.h>

/* Another program kept the database locked past the time airejse waits
 * (another writer saving): nothing was saved; the same action a moment
 * later may go through. Exit 75. */
#define STATUS_BUSY	(0x100 | EX_TEMPFAIL)
/* What the action started from was changed by someone else first (an
 * answer's revision): nothing was saved; look at both and act again.
 * Exit 75. */
#define STATUS_CONFLICT	(0x200 | EX_TEMPFAIL)

/* The exit status of a status: 0, or a sysexits.h status. */
int status_exit(int status);
/* The code of a failure in JSON: "busy", "conflict", or one per
 * sysexits.h status ("usage", "invalid", "not-found", ...); NULL for 0. */
const char *status_name(int status);

#endif
