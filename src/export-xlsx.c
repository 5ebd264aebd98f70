/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports as an Excel workbook (libxlsxwriter): a cover sheet first,
 * then one sheet per part, a header row with frozen panes and a
 * filter, column widths that fit, amounts as numbers in a kroner format
 * and dates as dates. Each sheet prints: A4 landscape, as wide as one
 * page, the header row on every page, the sheet and "page n of m" in
 * the footer. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <xlsxwriter.h>

#include "config.h"
#include "airejse/action.h"
#include "airejse/dynlib.h"
#include "airejse/export-render.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

#define XLSX_MIN_WIDTH	6
#define XLSX_MAX_WIDTH	60
/* Excel's limit on a sheet's name, less room for " 99" to tell two
 * sheets of the same name apart. */
#define XLSX_SHEET_NAME	31
#define XLSX_SHEET_ROOM	(XLSX_SHEET_NAME - 3)
#define XLSX_PAPER_A4	9

/* The widest each column may grow, in characters: a landscape A4 page
 * holds some 140 at 100%, and the sum (about 200) prints fitted to its
 * width at two thirds, still readable; longer texts wrap inside their
 * cell. Columns left out get XLSX_MAX_WIDTH. */
static const unsigned char column_cap[XCOL__COUNT] = {
	[XCOL_SECTION] = 14, [XCOL_ID] = 8, [XCOL_TITLE] = 24, [XCOL_STATE] = 12,
	[XCOL_QID] = 8, [XCOL_QUESTION] = 24, [XCOL_ANSWER] = 18, [XCOL_STEP] = 14,
	[XCOL_GROUP] = 10, [XCOL_OWNER] = 12, [XCOL_CONTACT] = 12, [XCOL_DUE] = 11,
	[XCOL_LEGAL] = 12, [XCOL_REMARKS] = 24,
};

/* libxlsxwriter is opened when a workbook is first written, not linked:
 * it brings OpenSSL's libcrypto and minizip with it, and loading those
 * cost every start of the program (every command) about 1.7 ms, for an
 * export few runs make. The soname is the one built against
 * (config.h). */

static struct {
	void	*lib;
	__typeof__(workbook_new)	*workbook_new;
	__typeof__(workbook_add_format)	*workbook_add_format;
	__typeof__(workbook_add_worksheet)	*workbook_add_worksheet;
	__typeof__(workbook_get_worksheet_by_name)	*workbook_get_worksheet_by_name;
	__typeof__(workbook_set_properties)	*workbook_set_properties;
	__typeof__(workbook_close)	*workbook_close;
	__typeof__(worksheet_write_string)	*worksheet_write_string;
	__typeof__(worksheet_write_number)	*worksheet_write_number;
	__typeof__(worksheet_write_datetime)	*worksheet_write_datetime;
	__typeof__(worksheet_write_blank)	*worksheet_write_blank;
	__typeof__(worksheet_set_column)	*worksheet_set_column;
	__typeof__(worksheet_freeze_panes)	*worksheet_freeze_panes;
	__typeof__(worksheet_autofilter)	*worksheet_autofilter;
	__typeof__(worksheet_set_landscape)	*worksheet_set_landscape;
	__typeof__(worksheet_set_paper)	*worksheet_set_paper;
	__typeof__(worksheet_fit_to_pages)	*worksheet_fit_to_pages;
	__typeof__(worksheet_repeat_rows)	*worksheet_repeat_rows;
	__typeof__(worksheet_set_margins)	*worksheet_set_margins;
	__typeof__(worksheet_set_footer)	*worksheet_set_footer;
	__typeof__(format_set_num_format)	*format_set_num_format;
	__typeof__(format_set_text_wrap)	*format_set_text_wrap;
	__typeof__(format_set_bottom)	*format_set_bottom;
	__typeof__(format_set_bold)	*format_set_bold;
	__typeof__(format_set_bg_color)	*format_set_bg_color;
	__typeof__(format_set_align)	*format_set_align;
	__typeof__(lxw_strerror)	*lxw_strerror;
} xl;

#define XL(f) { #f, offsetof(__typeof__(xl), f) }
static const struct dynlib_symbol xl_symbols[] = {
	XL(workbook_new),
	XL(workbook_add_format),
	XL(workbook_add_worksheet),
	XL(workbook_get_worksheet_by_name),
	XL(workbook_set_properties),
	XL(workbook_close),
	XL(worksheet_write_string),
	XL(worksheet_write_number),
	XL(worksheet_write_datetime),
	XL(worksheet_write_blank),
	XL(worksheet_set_column),
	XL(worksheet_freeze_panes),
	XL(worksheet_autofilter),
	XL(worksheet_set_landscape),
	XL(worksheet_set_paper),
	XL(worksheet_fit_to_pages),
	XL(worksheet_repeat_rows),
	XL(worksheet_set_margins),
	XL(worksheet_set_footer),
	XL(format_set_num_format),
	XL(format_set_text_wrap),
	XL(format_set_bottom),
	XL(format_set_bold),
	XL(format_set_bg_color),
	XL(format_set_align),
	XL(lxw_strerror),
};
#undef XL

/* Opens the library once; 0, or EX_UNAVAILABLE with *cause. */
static int
xl_open(char **cause)
{
	const char *why = NULL;

	if (xl.lib != NULL)
		return 0;
	xl.lib = dynlib_open(XLSX_SONAME, xl_symbols, sizeof(xl_symbols) / sizeof(xl_symbols[0]),
	    &xl, &why);
	if (xl.lib == NULL) {
		*cause = xasprintf(_("cannot write xlsx: the library libxlsxwriter cannot be loaded (%s): install it (Debian: libxlsxwriter4), or export another format"),
		    why);
		return EX_UNAVAILABLE;
	}
	return 0;
}

struct formats {
	lxw_format	*header;
	lxw_format	*label;		/* the cover's labels */
	lxw_format	*text;
	lxw_format	*amount;
	lxw_format	*number;
	lxw_format	*date;
};

static lxw_format *
new_format(lxw_workbook *wb)
{
	lxw_format *f = xl.workbook_add_format(wb);

	xl.format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	xl.format_set_text_wrap(f);
	return f;
}

static void
make_formats(lxw_workbook *wb, enum lang lang, struct formats *f)
{
	f->header = new_format(wb);
	xl.format_set_bold(f->header);
	xl.format_set_bottom(f->header, LXW_BORDER_THIN);
	xl.format_set_bg_color(f->header, 0xE0E0E0);
	f->label = new_format(wb);
	xl.format_set_bold(f->label);
	f->text = new_format(wb);
	f->amount = new_format(wb);
	/* Format codes use ',' and '.' in the file; Excel shows them in the
	 * reader's locale (1.600.000 kr. on a Danish machine). */
	xl.format_set_num_format(f->amount, lang == LANG_EN ? "\"DKK \"#,##0" : "#,##0\\ \"kr.\"");
	f->number = new_format(wb);
	xl.format_set_num_format(f->number, "General");
	f->date = new_format(wb);
	xl.format_set_num_format(f->date, lang == LANG_EN ? "d mmm yyyy" : "dd.mm.yyyy");
}

/* The widest line of s, in characters. */
static size_t
widest_line(const char *s)
{
	size_t best = 0;

	while (*s != '\0') {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		char *line = xstrndup(s, len);
		size_t w = utf8_nchars(line);

		free(line);
		if (w > best)
			best = w;
		s += len;
		if (*s == '\n')
			s++;
	}
	return best;
}

char *
export_sheet_name(const char *want, const char *fallback)
{
	char *s = xstrdup(want), *p;
	size_t n = 0, i = 0, cut = 0, open = 0, len;

	for (p = s; *p != '\0'; p++)
		if (strchr("[]:*?/\\", *p) != NULL || (unsigned char)*p < 0x20)
			*p = '-';
	len = strlen(s);
	/* The longest run of whole words that fits: cut where a word ends. */
	while (n <= XLSX_SHEET_ROOM) {
		if (s[i] == ' ' || s[i] == '\0')
			cut = i;
		if (s[i] == '\0')
			break;
		i += utf8_next(s + i, len - i);
		n++;
	}
	s[cut] = '\0';
	/* Not "(in-house" nor "AI Act –": an opened bracket and a dangling
	 * dash or comma go with the cut. */
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] == '(')
			open = i + 1;
		else if (s[i] == ')')
			open = 0;
	if (open > 0)
		s[open - 1] = '\0';
	for (i = strlen(s); i > 0; ) {
		if (strchr(" ,;-'", s[i - 1]) != NULL) {
			s[--i] = '\0';
		} else if (i >= 3 && strncmp(s + i - 3, "\xe2\x80\x93", 3) == 0) {
			i -= 3;		/* an en dash */
			s[i] = '\0';
		} else {
			break;
		}
	}
	if (*s == '\'' || *s == '\0') {
		/* One word longer than a sheet's name: the short key instead. */
		free(s);
		s = xstrdup(fallback);
		for (i = 0, n = 0; s[i] != '\0' && n < XLSX_SHEET_ROOM; n++)
			i += utf8_next(s + i, strlen(s + i));
		s[i] = '\0';
	}
	return s;
}

/* A sheet name Excel accepts and unique in the workbook: the shortened
 * name (export_sheet_name), with " 2", " 3", ... after a second one. */
static char *
sheet_name(lxw_workbook *wb, const char *want, const char *key)
{
	char *s = export_sheet_name(want, key), *name = xstrdup(s);
	int k;

	for (k = 2; xl.workbook_get_worksheet_by_name(wb, name) != NULL && k < 100; k++) {
		free(name);
		name = xasprintf("%s %d", s, k);
	}
	free(s);
	return name;
}

static lxw_error
write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const struct xcell *x,
    const struct formats *f)
{
	lxw_datetime dt;

	switch (x->type) {
	case XC_AMOUNT:
		return xl.worksheet_write_number(ws, r, c, x->num, f->amount);
	case XC_NUMBER:
		return xl.worksheet_write_number(ws, r, c, x->num, f->number);
	case XC_DATE:
		memset(&dt, 0, sizeof(dt));
		if (sscanf(x->date, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) == 3)
			return xl.worksheet_write_datetime(ws, r, c, &dt, f->date);
		break;
	default:
		break;
	}
	if (x->text[0] == '\0')
		return xl.worksheet_write_blank(ws, r, c, f->text);
	/* A string cell is never a formula, whatever it begins with. */
	return xl.worksheet_write_string(ws, r, c, x->text, f->text);
}

/* A4, one page wide (as many long as it takes), narrow margins, "page
 * n of m" below; a table in landscape with its header row on every
 * page (the cover stays upright). */
static lxw_error
print_setup(lxw_worksheet *ws, bool table)
{
	char *footer;
	lxw_error err;

	xl.worksheet_set_paper(ws, XLSX_PAPER_A4);
	if (table)
		xl.worksheet_set_landscape(ws);
	xl.worksheet_fit_to_pages(ws, 1, 0);
	xl.worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	if (table && (err = xl.worksheet_repeat_rows(ws, 0, 0)) != LXW_NO_ERROR)
		return err;
	/* &A is the sheet's name. */
	/* L10N: an xlsx page's footer: &P is the page, &N the count; keep both. */
	footer = xasprintf("&L&A&R%s", _("Page &P of &N"));
	err = xl.worksheet_set_footer(ws, footer);
	free(footer);
	return err;
}

/* One group of the cover from row *r on: its heading (when given), a
 * row per fact, then an empty row. */
static lxw_error
cover_group(lxw_worksheet *ws, lxw_row_t *r, const char *heading, const struct xfacts *fs,
    const struct formats *f)
{
	lxw_error err = LXW_NO_ERROR;
	size_t i;

	if (fs->n == 0)
		return err;
	if (heading != NULL)
		err = xl.worksheet_write_string(ws, (*r)++, 0, heading, f->header);
	for (i = 0; i < fs->n && err == LXW_NO_ERROR; i++) {
		err = xl.worksheet_write_string(ws, *r, 0, fs->v[i].label, f->label);
		if (err == LXW_NO_ERROR)
			err = xl.worksheet_write_string(ws, *r, 1, fs->v[i].value, f->text);
		(*r)++;
	}
	(*r)++;
	return err;
}

/* The first sheet: what the workbook is of, when and by whom it was
 * made, the legal footing, the counts by state and the legend. The
 * columns have fixed widths, so the file does not change shape with
 * the length of a name. */
static lxw_error
write_cover(lxw_workbook *wb, const struct export_data *d, const struct export_opts *o,
    const struct formats *f)
{
	/* L10N: the name of the first sheet of an xlsx export. */
	lxw_worksheet *ws = xl.workbook_add_worksheet(wb, _("Cover"));
	lxw_error err;
	lxw_row_t r = 0;
	struct xfacts fs;

	if (ws == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	err = print_setup(ws, false);
	if (err == LXW_NO_ERROR)
		err = xl.worksheet_set_column(ws, 0, 0, 32, NULL);
	if (err == LXW_NO_ERROR)
		err = xl.worksheet_set_column(ws, 1, 1, 90, NULL);
	xcover(d, o->lang, &fs);
	if (err == LXW_NO_ERROR)
		err = cover_group(ws, &r, NULL, &fs, f);
	xfacts_free(&fs);
	xcounts(d, o, &fs);
	if (err == LXW_NO_ERROR)
		err = cover_group(ws, &r, _("Where it stands"), &fs, f);
	xfacts_free(&fs);
	xlegend(o, &fs);
	if (err == LXW_NO_ERROR)
		err = cover_group(ws, &r, _("What the states mean"), &fs, f);
	xfacts_free(&fs);
	return err;
}

static lxw_error
write_sheet(lxw_workbook *wb, const struct xsheet *s, const struct formats *f)
{
	size_t width[XCOL__COUNT], r;
	char *name = sheet_name(wb, s->name, s->key);
	lxw_worksheet *ws = xl.workbook_add_worksheet(wb, name);
	lxw_error err = LXW_NO_ERROR;
	int c;

	free(name);
	if (ws == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	for (c = 0; c < XCOL__COUNT && err == LXW_NO_ERROR; c++) {
		width[c] = widest_line(export_column(c)) + 3;	/* room for the filter button */
		err = xl.worksheet_write_string(ws, 0, (lxw_col_t)c, export_column(c), f->header);
	}
	for (r = 0; r < s->nrows && err == LXW_NO_ERROR; r++) {
		for (c = 0; c < XCOL__COUNT && err == LXW_NO_ERROR; c++) {
			const struct xcell *x = &s->cells[r * XCOL__COUNT + c];
			size_t w = widest_line(x->text) + 1;

			if (w > width[c])
				width[c] = w;
			err = write_cell(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, x, f);
		}
	}
	for (c = 0; c < XCOL__COUNT && err == LXW_NO_ERROR; c++) {
		size_t cap = column_cap[c] ? column_cap[c] : XLSX_MAX_WIDTH;
		size_t w = width[c] < XLSX_MIN_WIDTH ? XLSX_MIN_WIDTH :
		    width[c] > cap ? cap : width[c];

		err = xl.worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, (double)w, NULL);
	}
	xl.worksheet_freeze_panes(ws, 1, 0);
	if (err == LXW_NO_ERROR)
		err = xl.worksheet_autofilter(ws, 0, 0, (lxw_row_t)s->nrows, XCOL__COUNT - 1);
	if (err == LXW_NO_ERROR)
		err = print_setup(ws, true);
	return err;
}

int
export_xlsx(const struct export_data *d, const struct export_opts *o, const char *path,
    char **cause)
{
	lxw_workbook *wb;
	lxw_doc_properties props;
	struct formats f;
	struct xsheet *v;
	size_t n, i;
	lxw_error err = LXW_NO_ERROR;
	char *title;
	int rc;

	if ((rc = xl_open(cause)) != 0)
		return rc;
	if ((wb = xl.workbook_new(path)) == NULL) {
		*cause = xasprintf(_("cannot create the spreadsheet %s: %s"), path,
		    strerror(errno ? errno : EIO));
		return EX_IOERR;
	}
	make_formats(wb, o->lang, &f);
	v = export_sheets(d, o, &n);
	title = xasprintf("%s – %s", d->snap->project->name, n == 1 ? v[0].name : "airejse");
	memset(&props, 0, sizeof(props));
	props.title = title;
	props.comments = (char *)"airejse";
	/* The same data gives the same file. */
	props.created = (time_t)d->now;
	xl.workbook_set_properties(wb, &props);
	err = write_cover(wb, d, o, &f);
	for (i = 0; i < n && err == LXW_NO_ERROR; i++)
		err = write_sheet(wb, &v[i], &f);
	export_sheets_free(v, n);
	if (err == LXW_NO_ERROR) {
		err = xl.workbook_close(wb);
	} else {
		xl.workbook_close(wb);
	}
	free(title);
	if (err != LXW_NO_ERROR) {
		*cause = xasprintf(_("cannot write the spreadsheet %s: %s"), path,
		    xl.lxw_strerror(err));
		return EX_IOERR;
	}
	return 0;
}
