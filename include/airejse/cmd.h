/* The commands, one table entry each (defined in src/cmd-*.c). */
#ifndef AIREJSE_CMD_H
#define AIREJSE_CMD_H

#include "airejse/cli.h"

/* cmd-content.c */
int cmd_journeys(struct cli *cli, int argc, char **argv);
int cmd_validate(struct cli *cli, int argc, char **argv);

/* The table, in the order --help lists it; NULL-terminated. */
extern const struct command cmd_table[];
const struct command *cmd_find(const char *name);

#endif
