#include <string.h>

#include "airejse/cmd.h"

const struct command cmd_table[] = {
	{ "journeys", cmd_journeys, "[--format text|tsv|json]",
	    N_("list the tracks with their phases and steps") },
	{ "validate", cmd_validate, "[FILE|DIR...]",
	    N_("check content files and report every problem") },
	{ NULL, NULL, NULL, NULL }
};

const struct command *
cmd_find(const char *name)
{
	const struct command *c;

	for (c = cmd_table; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
