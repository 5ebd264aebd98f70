/* SPDX-License-Identifier: EUPL-1.2 */
/* Diagnostics about content and configuration files, printed as
 * file:line:column: message, with the line and a caret under the column. */
#ifndef AIREJSE_DIAG_H
#define AIREJSE_DIAG_H

#include <stdio.h>

/* A place in a file, for messages: line and column 1-based, 0 when
 * unknown; the file is owned by whoever made the place. */
struct srcpos {
	const char	*file;
	int		 line;
	int		 col;
};

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING
};

struct diag {
	char			*file;
	int			 line;	/* 1-based; 0 if unknown */
	int			 col;	/* 1-based, in characters; 0 if unknown */
	enum diag_severity	 severity;
	char			*msg;
};

struct diags {
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 nerrors;
	size_t		 nwarnings;
};

void diag_add(struct diags *d, enum diag_severity sev, const char *file,
    int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Prints every diagnostic, ordered by file and line, each with its
 * source line and a caret (read back from the file). */
void diag_print(const struct diags *d, FILE *out);
void diag_free(struct diags *d);

#endif
