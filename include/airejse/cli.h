/* SPDX-License-Identifier: EUPL-1.2 */
/* The program: the global options, the table of commands (src/cmd-*.c
 * declare the entries) and the dispatcher. */
#ifndef AIREJSE_CLI_H
#define AIREJSE_CLI_H

#include "airejse/cmd.h"

/* The options every command takes, anywhere on the line. */
extern const struct args_option cli_global_options[];
/* airejse itself: its commands are the group's entries (sub). */
extern const struct cmd_entry cli_root;

/* The command of group (cli_root, or a group such as project) named
 * name or by that alias, or NULL. */
const struct cmd_entry *cli_find(const struct cmd_entry *group, const char *name);

/* The program: parses the command line and runs the command, or the
 * terminal program. Returns the exit status (sysexits.h). */
int cli_main(int argc, char **argv);

#endif
