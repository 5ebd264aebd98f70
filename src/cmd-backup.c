/* backup: a consistent copy of the database while it is in use. */
#include <stdlib.h>
#include <sysexits.h>

#include "airejse/app.h"
#include "airejse/cmd.h"
#include "airejse/store.h"

int
cmd_backup(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "force", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	const struct command *self = cmd_find("backup");
	char *cause = NULL;
	bool force = false;
	int c, rc;

	while ((c = cli_getopt_mixed(app, argc, argv, "F", opts)) != -1) {
		switch (c) {
		case 'F':
			force = true;
			break;
		case 'h':
			return cli_help(self);
		default:
			return cli_usage(self);
		}
	}
	if (argc - optind != 1)
		return cli_usage(self);
	if ((rc = cli_store(app, false)) != 0)
		return rc;
	if ((rc = store_backup(app->store, argv[optind], force, &cause)) != 0) {
		cli_error("%s", cause);
		free(cause);
	}
	return rc;
}
