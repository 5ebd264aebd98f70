/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports as CSV for Danish spreadsheets: UTF-8 with a byte order mark,
 * ';' between cells, CRLF between rows, RFC 4180 quoting, and no cell
 * that a spreadsheet could take for a formula. A cover comes first (a
 * label and a value a row), then the sheets follow one another under
 * one header, the first column naming the part. */
#include <stdlib.h>
#include <sysexits.h>

#include "airejse/export-render.h"

static void
cell(FILE *out, const char *s, bool first)
{
	char *c = export_csv_cell(s);

	if (!first)
		fputc(';', out);
	fputs(c, out);
	free(c);
}

/* A group of the cover: its heading alone on a row (when given), then
 * a row per fact, then an empty row. */
static void
facts_rows(FILE *out, const char *heading, const struct xfacts *f)
{
	size_t i;

	if (f->n == 0)
		return;
	if (heading != NULL) {
		cell(out, heading, true);
		fputs("\r\n", out);
	}
	for (i = 0; i < f->n; i++) {
		cell(out, f->v[i].label, true);
		cell(out, f->v[i].value, false);
		fputs("\r\n", out);
	}
	fputs("\r\n", out);
}

/* The cover comes first, as rows of a label and a value: what the file
 * is of, then the counts by state and the legend. */
static void
cover_rows(const struct export_data *d, const struct export_opts *o, FILE *out)
{
	struct xfacts f;

	xcover(d, o->lang, &f);
	facts_rows(out, NULL, &f);
	xfacts_free(&f);
	xcounts(d, o, &f);
	facts_rows(out, _("Where it stands"), &f);
	xfacts_free(&f);
	xlegend(o, &f);
	facts_rows(out, _("What the states mean"), &f);
	xfacts_free(&f);
}

int
export_csv(const struct export_data *d, const struct export_opts *o, FILE *out)
{
	struct xsheet *v;
	size_t n, i, r;
	int col;

	fputs("\xEF\xBB\xBF", out);
	cover_rows(d, o, out);
	/* L10N: the first column of a CSV export: which part a row is from. */
	cell(out, _("Part"), true);
	for (col = 0; col < XCOL__COUNT; col++)
		cell(out, export_column(col), false);
	fputs("\r\n", out);
	v = export_sheets(d, o, &n);
	for (i = 0; i < n; i++) {
		for (r = 0; r < v[i].nrows; r++) {
			cell(out, v[i].name, true);
			for (col = 0; col < XCOL__COUNT; col++)
				cell(out, v[i].cells[r * XCOL__COUNT + col].text, false);
			fputs("\r\n", out);
		}
	}
	export_sheets_free(v, n);
	return ferror(out) ? EX_IOERR : 0;
}
