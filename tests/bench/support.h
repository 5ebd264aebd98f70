/* SPDX-License-Identifier: EUPL-1.2 */
/* What the benchmark's programs that use the library share: the content
 * and a database opened as the command line opens them. */
#ifndef BENCH_SUPPORT_H
#define BENCH_SUPPORT_H

#include "airejse/action.h"
#include "airejse/diag.h"
#include "airejse/settings.h"

struct bench {
	struct content	*content;
	struct settings	 settings;
	struct store	*store;
	struct diags	 diags;
	struct action	 act;	/* on the above, user "bench" */
};

/* Loads the content (AIREJSE_CONTENT, else the source tree) and opens db
 * with store_open's flags; says why and exits 1 when it cannot. */
void bench_open(struct bench *b, const char *db, int flags);
void bench_close(struct bench *b);

#endif
