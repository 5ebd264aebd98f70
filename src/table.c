/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/ctrl.h"
#include "airejse/table.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

struct table *
table_new(size_t ncols)
{
	struct table *t = xcalloc(1, sizeof(*t));

	t->ncols = ncols;
	return t;
}

struct table *
table_new_tsv(size_t ncols, FILE *out)
{
	struct table *t = table_new(ncols);

	t->tsv = out;
	return t;
}

/* Cells are printed on one line: line breaks and tabs become spaces. */
static void
put_flat(FILE *out, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

/* One row of tab-separated cells. */
static void
tsv_row(FILE *out, char *const *cells, size_t n)
{
	size_t c;

	for (c = 0; c < n; c++) {
		if (c > 0)
			fputc('\t', out);
		put_flat(out, cells[c]);
	}
	fputc('\n', out);
}

void
table_add(struct table *t, const char *const *cells)
{
	char **row;
	size_t i;

	if (t->tsv == NULL) {
		t->cells = xreallocarray(t->cells, (t->nrows + 1) * t->ncols, sizeof(*t->cells));
		row = t->cells + t->nrows * t->ncols;
	} else {
		row = xcalloc(t->ncols, sizeof(*row));
	}
	for (i = 0; i < t->ncols; i++)
		row[i] = ctrl_visible(cells[i]);
	t->nrows++;
	if (t->tsv == NULL)
		return;
	tsv_row(t->tsv, row, t->ncols);
	for (i = 0; i < t->ncols; i++)
		free(row[i]);
	free(row);
}

void
table_addf(struct table *t, const char *fmt, ...)
{
	const char **cells = xcalloc(t->ncols, sizeof(*cells));
	char *line, *p;
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	for (i = 0, p = line; i < t->ncols; i++) {
		cells[i] = p;
		if (p != NULL && (p = strchr(p, '\t')) != NULL)
			*p++ = '\0';
	}
	table_add(t, cells);
	free(cells);
	free(line);
}

void
table_print(const struct table *t, FILE *out)
{
	int *w;
	size_t r, c;

	if (t->tsv != NULL)
		return;
	w = xcalloc(t->ncols, sizeof(*w));

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			int cw = utf8_width(t->cells[r * t->ncols + c]);

			if (cw > w[c])
				w[c] = cw;
		}
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * t->ncols + c];
			int pad;

			put_flat(out, s);
			if (c + 1 == t->ncols)
				break;
			for (pad = w[c] - utf8_width(s) + 2; pad > 0; pad--)
				fputc(' ', out);
		}
		fputc('\n', out);
	}
	free(w);
}

void
table_print_tsv(const struct table *t, FILE *out)
{
	size_t r;

	if (t->tsv != NULL)
		return;
	for (r = 0; r < t->nrows; r++)
		tsv_row(out, t->cells + r * t->ncols, t->ncols);
}

void
table_truncate(struct table *t, size_t nrows)
{
	size_t i;

	for (i = nrows * t->ncols; t->tsv == NULL && i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	if (nrows < t->nrows)
		t->nrows = nrows;
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; t->tsv == NULL && i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}
