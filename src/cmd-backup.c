/* SPDX-License-Identifier: EUPL-1.2 */
/* backup: a consistent copy of the database while it is in use. */
#include <stdlib.h>
#include <sysexits.h>

#include "airejse/app.h"
#include "airejse/cmd.h"
#include "airejse/store.h"

static int
backup(struct cmd *self)
{
	char *cause = NULL;
	int rc;

	if ((rc = cmd_store(self, false)) != 0)
		return rc;
	if ((rc = store_backup(self->app->store, self->args.operands[0],
	    args_has(&self->args, "force"), &cause)) != 0)
		return cmd_fail(self, rc, cause);
	return 0;
}

static const struct args_option backup_options[] = {
	{ "force", 0, NULL, N_("replace FILE if it exists"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand backup_operands[] = {
	{ NC_("placeholder", "FILE"), N_("where the copy goes") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_backup_entry = {
	"backup", NULL, N_("FILE [--force]"),
	N_("copy the database safely, also while it is in use"),
	backup_options, backup_operands, 1, 1, backup, NULL
};
