/* SPDX-License-Identifier: EUPL-1.2 */
/* Rows of cells printed either aligned for people (columns measured in
 * terminal columns, not bytes) or as tab-separated values for scripts. */
#ifndef AIREJSE_TABLE_H
#define AIREJSE_TABLE_H

#include <stdbool.h>
#include <stdio.h>

struct table {
	size_t	  ncols;
	size_t	  nrows;
	char	**cells;	/* nrows * ncols, owned */
	bool	  header;	/* the first row is a header */
	FILE	 *tsv;		/* table_new_tsv: where each row goes */
};

struct table *table_new(size_t ncols);
/* A table that keeps no row: each one added is written to out at once,
 * as table_print_tsv would write it (nrows counts them). For a list of
 * thousands of rows, which needs no widths. */
struct table *table_new_tsv(size_t ncols, FILE *out);
/* Adds a row of ncols strings (copied with their controls made visible,
 * as ctrl_visible does, so that nothing printed acts on a terminal and
 * the columns are measured as shown; NULL is empty). */
void table_add(struct table *t, const char *const *cells);
/* Adds a row from a printf-style format per cell, separated by '\t'. */
void table_addf(struct table *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Aligned text, two spaces between columns; the last is not padded. */
void table_print(const struct table *t, FILE *out);
/* Tab-separated; tabs and line breaks inside cells become spaces. (A
 * table_new_tsv table has written its rows already: nothing.) */
void table_print_tsv(const struct table *t, FILE *out);
/* Drops every row after the first nrows (a header, say). */
void table_truncate(struct table *t, size_t nrows);
void table_free(struct table *t);

#endif
