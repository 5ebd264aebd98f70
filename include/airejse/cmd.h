/* SPDX-License-Identifier: EUPL-1.2 */
/* The commands: each src/cmd-*.c declares its commands as entries of
 * one table (cli.c holds it and the dispatcher), as tmux's cmd_entry:
 * name, options, operands, usage and summary. The dispatcher parses the
 * words and hands the command a struct cmd; what commands share is here:
 * help and usage from the entry, error output through one function, the
 * output formats, opening the app for an action. */
#ifndef AIREJSE_CMD_H
#define AIREJSE_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "airejse/args.h"
#include "airejse/i18n.h"

struct action;
struct app;
struct diags;
struct project;
struct table;

enum out_format {
	OUT_TEXT,
	OUT_TSV,
	OUT_JSON
};

/* An operand, for help. */
struct cmd_operand {
	const char	*name;	/* as the usage writes it; NULL ends a list */
	const char	*help;	/* N_() */
};

struct cmd;

/* A command, or a group of them (project new, list, ...). */
struct cmd_entry {
	const char			*name;
	const char			*alias;		/* another name, or NULL */
	const char			*usage;		/* the words after the name */
	const char			*summary;	/* N_(): one line */
	const struct args_option	*options;	/* its own; the global ones go anywhere */
	const struct cmd_operand	*operands;	/* for help; NULL: none */
	int				 lower;		/* operands at least */
	int				 upper;		/* at most; -1: no limit */
	int				(*exec)(struct cmd *self);
	const struct cmd_entry *const	*sub;		/* a group's entries, NULL-terminated */
};

/* A command as the dispatcher hands it over. */
struct cmd {
	const struct cmd_entry	*entry;
	const char		*name;		/* in full: "project new" */
	struct args		 args;
	struct app		*app;
};

/* The options and operands most commands share. */
#define CMD_FORMAT_OPTION \
	{ "format", 'f', "text|tsv|json", N_("the output format: text (the default), tsv or json"), NULL }
#define CMD_PROJECT_OPERAND \
	{ "P", N_("a project: its number or its exact name") }

/* The entries (src/cmd-*.c). */
extern const struct cmd_entry cmd_journeys_entry;
extern const struct cmd_entry cmd_validate_entry;
extern const struct cmd_entry cmd_project_entry;
extern const struct cmd_entry cmd_answer_entry;
extern const struct cmd_entry cmd_next_entry;
extern const struct cmd_entry cmd_calendar_entry;
extern const struct cmd_entry cmd_handoffs_entry;
extern const struct cmd_entry cmd_handoff_entry;
extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_signoff_entry;
extern const struct cmd_entry cmd_search_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_compare_entry;
extern const struct cmd_entry cmd_db_entry;

/* Every message of a command (and of the dispatcher, with self NULL)
 * goes out here, "airejse: message" on standard error: the one place to
 * give errors another form. Returns status (0 for a warning). */
int cmd_error(const struct cmd *self, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* cmd_error of an allocated cause, which it frees; returns status. */
int cmd_fail(const struct cmd *self, int status, char *cause);
/* Prints what an app_* function said (diagnostics, then *cause, which
 * it frees and clears); returns status. */
int cmd_report(const struct cmd *self, int status, struct diags *d, char **cause);

/* "usage: airejse NAME USAGE" on out. */
void cmd_usage_line(FILE *out, const char *name, const struct cmd_entry *e);
/* The usage of self on standard error; returns EX_USAGE. */
int cmd_usage(const struct cmd *self);
/* The help of self from its entry (usage, summary, every option with
 * what it does, the operands) on standard output; returns 0. */
int cmd_help(const struct cmd *self);
/* The options of a table as help lines, "  -f, --format FORMAT  text". */
void cmd_print_options(FILE *out, const struct args_option *opts);

/* The --format of self (text, tsv or json; text if none): 0, or
 * EX_USAGE after saying why. */
int cmd_format(const struct cmd *self, enum out_format *out);

/* Loads the content; 0, or the status after saying why. */
int cmd_content(struct cmd *self);
/* Opens the database (writable: refuses one that cannot be written). */
int cmd_store(struct cmd *self, bool writable);
/* Opens the content and the database and fills a for one action from
 * the command line. Returns 0 or the status (said). */
int cmd_action(struct cmd *self, bool writable, struct action *a);
/* The project whose id or exact name is key; says why not and returns
 * the status. Caller frees *out with project_free. */
int cmd_project(const struct cmd *self, struct action *a, const char *key,
    struct project **out);

/* Adds a row of exactly t->ncols cells given as strings (NULL: empty);
 * unlike table_addf, a tab inside a value stays in its cell. */
void cmd_row(struct table *t, ...);
/* Writes json (a json_t *) to stdout, indented, with a final newline,
 * C1 and bidirectional controls escaped as \uXXXX (ctrl_json); returns
 * 0 or EX_IOERR. void * keeps jansson out of this header. */
int cmd_print_json(void *json);
/* A list of thousands as JSON, written as it is made: the object
 * {"key": [items]} on stdout, the same text cmd_print_json gives for it
 * whole. cmd_json_item writes item (a json_t *, which it takes) as the
 * next of the list, the object's start before the first; cmd_json_end
 * ends it (no item: "key": []). An error said after the first item and
 * before the end ends the list and stands beside it, {"key": [...],
 * "error": {...}}, so that standard output is still one object. key is
 * a plain name (nothing to escape). Both return 0 or EX_IOERR. */
int cmd_json_item(const char *key, void *item);
int cmd_json_end(const char *key);
/* Asks question on the terminal (standard error, then a line of
 * standard input); true for yes (y, yes, j, ja). */
bool cmd_confirm(const char *question);
/* Flushes standard output; a write error (a full disk, a closed pipe)
 * is EX_IOERR. Returns status otherwise. */
int cmd_finish_output(int status);

#endif
