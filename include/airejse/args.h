/* SPDX-License-Identifier: EUPL-1.2 */
/* Command-line arguments (as tmux's arguments.c): the options a command
 * declares in a table, and the parser that turns the words after the
 * command's name into the options given and the operands. */
#ifndef AIREJSE_ARGS_H
#define AIREJSE_ARGS_H

#include <stdbool.h>
#include <stddef.h>

/* An option: --name, and -letter when letter is not 0; it takes an
 * argument when arg names one. */
struct args_option {
	const char	*name;		/* without "--"; NULL ends a table */
	char		 letter;	/* or 0 */
	const char	*arg;		/* the argument's name for help ("FILE"), or NULL */
	const char	*help;		/* N_(): what it does */
	const char	*alias;		/* another long name for it, or NULL */
};

/* An option as given. */
struct args_value {
	const struct args_option	*opt;
	const char			*value;	/* its argument, or NULL */
};

/* What args_parse found; the strings point into argv. */
struct args {
	struct args_value	*v;		/* the options, in the order given */
	size_t			 nv;
	char			**operands;
	size_t			 noperands;
};

/* Parses argv[0..argc) against tables (NULL-terminated; each table ends
 * with a NULL name): "--name=value", "--name value", "-lvalue",
 * "-l value", flags together ("-cy"); a long name may be cut to a prefix
 * that names one option, as getopt_long allows; "-" is an operand and
 * "--" ends the options. With in_order the first operand ends them too
 * (it names a command, the rest are its own words); else options may
 * follow operands. Returns 0, or EX_USAGE with *cause (caller frees).
 * Free *out with args_free either way. */
int args_parse(const struct args_option *const *tables, int argc, char **argv,
    bool in_order, struct args *out, char **cause);
void args_free(struct args *a);

/* Whether the option named name (by its long name) was given. */
bool args_has(const struct args *a, const char *name);
/* Its last argument, or NULL. */
const char *args_get(const struct args *a, const char *name);
/* Its arguments in the order given ("" for each use of a flag): *i
 * starts at 0; NULL after the last. */
const char *args_next(const struct args *a, const char *name, size_t *i);

#endif
