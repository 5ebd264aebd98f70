/* The commands, one table entry each (defined in src/cmd-*.c). */
#ifndef AIREJSE_CMD_H
#define AIREJSE_CMD_H

#include "airejse/cli.h"

/* cmd-content.c */
int cmd_journeys(struct app *app, int argc, char **argv);
int cmd_validate(struct app *app, int argc, char **argv);

/* cmd-project.c */
int cmd_project(struct app *app, int argc, char **argv);
int cmd_next(struct app *app, int argc, char **argv);

/* cmd-answer.c */
int cmd_answer(struct app *app, int argc, char **argv);
int cmd_history(struct app *app, int argc, char **argv);

/* cmd-handoff.c */
int cmd_handoffs(struct app *app, int argc, char **argv);
int cmd_handoff(struct app *app, int argc, char **argv);

/* cmd-search.c */
int cmd_search(struct app *app, int argc, char **argv);

/* cmd-backup.c */
int cmd_backup(struct app *app, int argc, char **argv);

/* cmd-export.c */
int cmd_export(struct app *app, int argc, char **argv);
int cmd_import(struct app *app, int argc, char **argv);

/* The table, in the order --help lists it; NULL-terminated. */
extern const struct command cmd_table[];
const struct command *cmd_find(const char *name);

#endif
