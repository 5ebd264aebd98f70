/* The command line: global options, the command table and the helpers
 * every command shares. Each command is the twin of a TUI action and
 * calls the same code. */
#ifndef AIREJSE_CLI_H
#define AIREJSE_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "airejse/i18n.h"
#include "airejse/settings.h"

struct content;
struct store;

enum out_format {
	OUT_TEXT,
	OUT_TSV,
	OUT_JSON
};

struct cli {
	/* Global options. */
	char		*db_opt;	/* --db */
	char		*content_opt;	/* --content */
	char		*user;		/* --user, else $USER */
	char		*role;		/* --role */
	bool		 plain;		/* --plain */
	bool		 lang_opt;	/* --lang was given */
	enum lang	 lang;
	/* Loaded on first use. */
	struct settings	 settings;
	struct content	*content;
	struct store	*store;
	char		*db_path;
};

struct command {
	const char	*name;
	int		(*run)(struct cli *cli, int argc, char **argv);
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
int cli_getopt(struct cli *cli, int argc, char **argv, const char *shortopts,
    const struct option *longopts);

/* Parses text, tsv or json. */
int cli_format(const char *s, enum out_format *out);

/* Loads the content (once). On errors prints them and returns the exit
 * status; 0 when loaded. */
int cli_content(struct cli *cli);

/* Writes json (a json_t *) to stdout, indented, with a final newline;
 * returns 0 or EX_IOERR. Declared with void * to keep jansson out of
 * this header. */
int cli_print_json(void *json);

/* Flushes standard output; reports a write error (a full disk, a closed
 * pipe) as EX_IOERR. */
int cli_finish_output(int status);

#endif
