/* The command line: global options, the command table and the helpers
 * every command shares. Each command is the twin of a TUI action and
 * calls the same code. */
#ifndef AIREJSE_CLI_H
#define AIREJSE_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "airejse/i18n.h"

struct action;
struct app;
struct content;
struct project;
struct store;
struct table;

enum out_format {
	OUT_TEXT,
	OUT_TSV,
	OUT_JSON
};

struct command {
	const char	*name;
	int		(*run)(struct app *app, int argc, char **argv);
	const char	*synopsis;	/* the arguments, after the name */
	const char	*summary;	/* N_(): one line for --help */
};

/* The program: parses the global options and runs a command (or the
 * terminal program). Returns the exit status (sysexits.h). */
int cli_main(int argc, char **argv);

/* "airejse: message" on standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the usage of cmd on standard error; returns EX_USAGE. */
int cli_usage(const struct command *cmd);
/* Prints the usage of cmd on standard output (for --help); returns 0. */
int cli_help(const struct command *cmd);

/* getopt_long for a command: also takes the global options anywhere on
 * the line (and handles them). Returns like getopt_long; 'h' for --help,
 * '?' for an unknown option (already reported). */
int cli_getopt(struct app *app, int argc, char **argv, const char *shortopts,
    const struct option *longopts);
/* As cli_getopt, but options may also follow the operands (the operands
 * are moved to the end, from optind); "--" ends the options, for a value
 * that begins with '-'. */
int cli_getopt_mixed(struct app *app, int argc, char **argv, const char *shortopts,
    const struct option *longopts);

/* Parses text, tsv or json. */
int cli_format(const char *s, enum out_format *out);
/* As cli_format, for an option's argument: reports a bad one and
 * returns EX_USAGE. */
int cli_format_arg(const char *s, enum out_format *out);

/* Loads the content (once). On errors prints them and returns the exit
 * status; 0 when loaded. */
int cli_content(struct app *app);

/* Opens the database (once): the --db file, AIREJSE_DB or the default,
 * created on first use. With writable, a database that cannot be written
 * is refused here. On failure prints why and returns the exit status. */
int cli_store(struct app *app, bool writable);

/* Opens the content and the database and fills a for one action from the
 * command line (user, source cli). Returns 0 or the exit status (printed). */
int cli_action(struct app *app, bool writable, struct action *a);

/* The project whose id or exact name is key; prints why not and returns
 * the exit status. Caller frees *out with project_free. */
int cli_project(struct action *a, const char *key, struct project **out);

/* Adds a row of exactly t->ncols cells given as strings (NULL: empty);
 * unlike table_addf, a tab inside a value stays in its cell. */
void cli_row(struct table *t, ...);

/* Writes json (a json_t *) to stdout, indented, with a final newline;
 * returns 0 or EX_IOERR. Declared with void * to keep jansson out of
 * this header. */
int cli_print_json(void *json);

/* Flushes standard output; reports a write error (a full disk, a closed
 * pipe) as EX_IOERR. */
int cli_finish_output(int status);

#endif
