/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports as PDF, laid out by the program with cairo and pango: A4, the
 * project and the part in a header on every page and "page n of m" in
 * the footer, a table of contents for the whole export, bookmarks for
 * every heading, and blocks that are kept whole where they fit on a page
 * (a heading stays with what follows it). The document is the one
 * Markdown and HTML lay out (export_doc): each operation adds blocks of
 * text; the blocks are placed on pages line by line once the whole
 * document is known, so that the page count and the contents' page
 * numbers are right, and then drawn. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stddef.h>
#include <stdint.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "config.h"
#include "airejse/dynlib.h"
#include "airejse/export-render.h"
#include "airejse/xalloc.h"

/* A4 in points, and the margins (2 cm at the sides). */
#define PAGE_W		595.276
#define PAGE_H		841.890
#define MARGIN_X	56.7
#define MARGIN_TOP	70.0
#define MARGIN_BOTTOM	62.0
#define TEXT_W		(PAGE_W - 2 * MARGIN_X)
#define FONT		"DejaVu Sans"

enum block_kind {
	B_TEXT,		/* lines of one layout */
	B_FACT,		/* a label and its value side by side */
	B_SPACE,	/* room to write an answer: a box */
	B_RULE,		/* a notice's bar is drawn beside its text */
	B_ROW		/* a row of a table: its cells side by side, kept whole */
};

/* A table's columns, as pango measured its cells. */
struct table {
	size_t	 ncols;
	double	*x, *w;		/* each column's left edge and width */
	size_t	 head;		/* the header row's block */
};

struct block {
	enum block_kind	 kind;
	PangoLayout	*lay;		/* B_TEXT, B_FACT (the label) */
	PangoLayout	*value;		/* B_FACT */
	double		 indent;
	double		 before;	/* space above, dropped at a page's top */
	double		 height;	/* B_SPACE */
	bool		 keep_next;	/* a heading: on the page of what follows */
	bool		 whole;		/* not split across pages when it fits on one */
	bool		 notice;
	int		 level;		/* a heading's level, or 0 */
	PangoLayout	**cells;	/* B_ROW: a layout per column */
	size_t		 table;		/* B_ROW: its table, in pdf.t */
	bool		 head;		/* B_ROW: the table's header row */
	bool		 rehead;	/* B_ROW: the header is drawn again above it */
	double		 head_y;	/* B_ROW: where, at its page's top */
	char		*toc;		/* a heading's text, for the contents */
	/* Where pagination put it: each line's page and baseline, or for
	 * a block drawn whole its page and top. */
	int		*page;
	double		*y;
	int		 nlines;
};

/* A layout made once for blocks of the same text, size and width. */
struct shared {
	char		*key;
	PangoLayout	*lay;
};

struct pdf {
	cairo_surface_t		*surf;
	cairo_t			*cr;
	PangoContext		*pctx;
	struct block		*b;
	size_t			 nb, cap;
	struct table		*t;
	size_t			 nt;
	struct shared		*sh;		/* layouts by text, size and width */
	size_t			 nsh, capsh;
	char			*title;		/* the document's, for the header */
	enum lang		 lang;
	bool			 in_entry;
	bool			 toc;		/* contents after the title */
};

/* pango, cairo and glib are opened when a PDF is first written, not
 * linked: the 40-odd libraries they bring (fontconfig, freetype,
 * harfbuzz, ...) would cost every start of the program, any command,
 * far more than the first screen's whole budget. Found through
 * libpangocairo, which depends on the rest. */
#define PANGOCAIRO_SONAME "libpangocairo-1.0.so.0"

static struct {
	void	*lib;
	__typeof__(cairo_pdf_surface_create_for_stream)	*cairo_pdf_surface_create_for_stream;
	__typeof__(cairo_create)	*cairo_create;
	__typeof__(cairo_destroy)	*cairo_destroy;
	__typeof__(cairo_surface_destroy)	*cairo_surface_destroy;
	__typeof__(cairo_surface_finish)	*cairo_surface_finish;
	__typeof__(cairo_surface_status)	*cairo_surface_status;
	__typeof__(cairo_status_to_string)	*cairo_status_to_string;
	__typeof__(cairo_set_source_rgb)	*cairo_set_source_rgb;
	__typeof__(cairo_move_to)	*cairo_move_to;
	__typeof__(cairo_line_to)	*cairo_line_to;
	__typeof__(cairo_rectangle)	*cairo_rectangle;
	__typeof__(cairo_fill)	*cairo_fill;
	__typeof__(cairo_stroke)	*cairo_stroke;
	__typeof__(cairo_set_line_width)	*cairo_set_line_width;
	__typeof__(cairo_show_page)	*cairo_show_page;
	__typeof__(cairo_tag_begin)	*cairo_tag_begin;
	__typeof__(cairo_tag_end)	*cairo_tag_end;
	__typeof__(cairo_pdf_surface_set_metadata)	*cairo_pdf_surface_set_metadata;
	__typeof__(cairo_pdf_surface_add_outline)	*cairo_pdf_surface_add_outline;
	__typeof__(pango_layout_new)	*pango_layout_new;
	__typeof__(pango_layout_set_font_description)	*pango_layout_set_font_description;
	__typeof__(pango_layout_set_width)	*pango_layout_set_width;
	__typeof__(pango_layout_set_wrap)	*pango_layout_set_wrap;
	__typeof__(pango_layout_set_markup)	*pango_layout_set_markup;
	__typeof__(pango_layout_set_ellipsize)	*pango_layout_set_ellipsize;
	__typeof__(pango_layout_set_alignment)	*pango_layout_set_alignment;
	__typeof__(pango_layout_get_size)	*pango_layout_get_size;
	__typeof__(pango_layout_get_line_count)	*pango_layout_get_line_count;
	__typeof__(pango_layout_get_iter)	*pango_layout_get_iter;
	__typeof__(pango_layout_iter_get_line_extents)	*pango_layout_iter_get_line_extents;
	__typeof__(pango_layout_iter_get_baseline)	*pango_layout_iter_get_baseline;
	__typeof__(pango_layout_iter_next_line)	*pango_layout_iter_next_line;
	__typeof__(pango_layout_iter_free)	*pango_layout_iter_free;
	__typeof__(pango_layout_get_line_readonly)	*pango_layout_get_line_readonly;
	__typeof__(pango_font_description_from_string)	*pango_font_description_from_string;
	__typeof__(pango_font_description_set_size)	*pango_font_description_set_size;
	__typeof__(pango_font_description_free)	*pango_font_description_free;
	__typeof__(pango_context_set_round_glyph_positions)	*pango_context_set_round_glyph_positions;
	__typeof__(pango_cairo_create_context)	*pango_cairo_create_context;
	__typeof__(pango_cairo_update_context)	*pango_cairo_update_context;
	__typeof__(pango_cairo_font_map_new)	*pango_cairo_font_map_new;
	__typeof__(pango_fc_font_map_set_config)	*pango_fc_font_map_set_config;
	__typeof__(pango_font_map_create_context)	*pango_font_map_create_context;
	__typeof__(pango_layout_get_unknown_glyphs_count)	*pango_layout_get_unknown_glyphs_count;
	__typeof__(FcConfigCreate)	*FcConfigCreate;
	__typeof__(FcConfigAppFontAddFile)	*FcConfigAppFontAddFile;
	__typeof__(FcConfigDestroy)	*FcConfigDestroy;
	__typeof__(FcConfigSetCurrent)	*FcConfigSetCurrent;
	__typeof__(FcConfigParseAndLoadFromMemory)	*FcConfigParseAndLoadFromMemory;
	__typeof__(FcInitLoadConfigAndFonts)	*FcInitLoadConfigAndFonts;
	__typeof__(pango_cairo_context_set_resolution)	*pango_cairo_context_set_resolution;
	__typeof__(pango_cairo_show_layout)	*pango_cairo_show_layout;
	__typeof__(pango_cairo_show_layout_line)	*pango_cairo_show_layout_line;
	__typeof__(g_object_unref)	*g_object_unref;
	gpointer (*obj_ref)(gpointer);	/* g_object_ref: a macro in glib's header */
} pc;

#define PC(f) { #f, offsetof(__typeof__(pc), f) }
static const struct dynlib_symbol pc_symbols[] = {
	PC(cairo_pdf_surface_create_for_stream),
	PC(cairo_create),
	PC(cairo_destroy),
	PC(cairo_surface_destroy),
	PC(cairo_surface_finish),
	PC(cairo_surface_status),
	PC(cairo_status_to_string),
	PC(cairo_set_source_rgb),
	PC(cairo_move_to),
	PC(cairo_line_to),
	PC(cairo_rectangle),
	PC(cairo_fill),
	PC(cairo_stroke),
	PC(cairo_set_line_width),
	PC(cairo_show_page),
	PC(cairo_tag_begin),
	PC(cairo_tag_end),
	PC(cairo_pdf_surface_set_metadata),
	PC(cairo_pdf_surface_add_outline),
	PC(pango_layout_new),
	PC(pango_layout_set_font_description),
	PC(pango_layout_set_width),
	PC(pango_layout_set_wrap),
	PC(pango_layout_set_markup),
	PC(pango_layout_set_ellipsize),
	PC(pango_layout_set_alignment),
	PC(pango_layout_get_size),
	PC(pango_layout_get_line_count),
	PC(pango_layout_get_iter),
	PC(pango_layout_iter_get_line_extents),
	PC(pango_layout_iter_get_baseline),
	PC(pango_layout_iter_next_line),
	PC(pango_layout_iter_free),
	PC(pango_layout_get_line_readonly),
	PC(pango_font_description_from_string),
	PC(pango_font_description_set_size),
	PC(pango_font_description_free),
	PC(pango_context_set_round_glyph_positions),
	PC(pango_cairo_create_context),
	PC(pango_cairo_update_context),
	PC(pango_cairo_font_map_new),
	PC(pango_fc_font_map_set_config),
	PC(pango_font_map_create_context),
	PC(pango_layout_get_unknown_glyphs_count),
	PC(FcConfigCreate),
	PC(FcConfigAppFontAddFile),
	PC(FcConfigDestroy),
	PC(FcConfigSetCurrent),
	PC(FcConfigParseAndLoadFromMemory),
	PC(FcInitLoadConfigAndFonts),
	PC(pango_cairo_context_set_resolution),
	PC(pango_cairo_show_layout),
	PC(pango_cairo_show_layout_line),
	PC(g_object_unref),
	{ "g_object_ref", offsetof(__typeof__(pc), obj_ref) },
};
#undef PC

/* Opens the libraries once; 0, or EX_UNAVAILABLE with *cause. */
static int
pc_open(char **cause)
{
	const char *why = NULL;

	if (pc.lib != NULL)
		return 0;
	pc.lib = dynlib_open(PANGOCAIRO_SONAME, pc_symbols,
	    sizeof(pc_symbols) / sizeof(pc_symbols[0]), &pc, &why);
	if (pc.lib == NULL) {
		*cause = xasprintf(_("cannot write PDF: the libraries pango and cairo cannot be loaded (%s): install them (Debian: libpangocairo-1.0-0), or export another format"),
		    why);
		return EX_UNAVAILABLE;
	}
	return 0;
}

static PangoLayout *
layout(struct pdf *p, const char *markup, double size, double width)
{
	PangoLayout *l = pc.pango_layout_new(p->pctx);
	PangoFontDescription *fd = pc.pango_font_description_from_string(FONT);

	pc.pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	pc.pango_layout_set_font_description(l, fd);
	pc.pango_font_description_free(fd);
	pc.pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pc.pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pc.pango_layout_set_markup(l, markup, -1);
	return l;
}

/* A layout blocks may share: never changed once made (the caller owns
 * a reference). Most of an export's texts are repeats ("Bemærkninger",
 * a state, a role's name): two in three layouts and nearly half the
 * text (callgrind: pango lays out each only once). */
static PangoLayout *
shared_layout(struct pdf *p, const char *markup, double size, double width)
{
	char *key = xasprintf("%g %g %s", size, width, markup);
	size_t mask, i, k;
	uint64_t h = 1469598103934665603ULL;
	const unsigned char *c;

	if (2 * (p->nsh + 1) > p->capsh) {
		/* Rehash into a table twice the size. */
		size_t cap = p->capsh ? 2 * p->capsh : 1024;
		struct shared *v = xcalloc(cap, sizeof(*v));

		for (k = 0; k < p->capsh; k++) {
			const unsigned char *ck;
			uint64_t hk = 1469598103934665603ULL;

			if (p->sh[k].key == NULL)
				continue;
			for (ck = (const unsigned char *)p->sh[k].key; *ck; ck++)
				hk = (hk ^ *ck) * 1099511628211ULL;
			for (i = hk & (cap - 1); v[i].key != NULL; i = (i + 1) & (cap - 1))
				continue;
			v[i] = p->sh[k];
		}
		free(p->sh);
		p->sh = v;
		p->capsh = cap;
	}
	for (c = (const unsigned char *)key; *c; c++)
		h = (h ^ *c) * 1099511628211ULL;
	mask = p->capsh - 1;
	for (i = h & mask; p->sh[i].key != NULL; i = (i + 1) & mask) {
		if (strcmp(p->sh[i].key, key) == 0) {
			free(key);
			return pc.obj_ref(p->sh[i].lay);
		}
	}
	p->sh[i].key = key;
	p->sh[i].lay = layout(p, markup, size, width);
	p->nsh++;
	return pc.obj_ref(p->sh[i].lay);
}

static struct block *
add(struct pdf *p, enum block_kind kind)
{
	struct block *b;

	if (p->nb == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->b = xreallocarray(p->b, p->cap, sizeof(*p->b));
	}
	b = &p->b[p->nb++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return b;
}

/* A block of text given as markup (its parts escaped by the caller). */
static struct block *
add_text(struct pdf *p, const char *markup, double size, double indent, double before)
{
	struct block *b = add(p, B_TEXT);

	b->indent = indent;
	b->before = before;
	b->lay = shared_layout(p, markup, size, TEXT_W - indent);
	return b;
}

/* Text as pango markup takes it: the entities of XML. */
static char *
esc(const char *s)
{
	return export_html_escape(s ? s : "");
}

static void
pdf_begin(void *w, const char *title, enum lang lang)
{
	struct pdf *p = w;

	p->title = xstrdup(title);
	p->lang = lang;
}

static void
pdf_end(void *w)
{
	(void)w;
}

static void
pdf_heading(void *w, int level, const char *text)
{
	static const double sizes[] = { 18, 14, 12, 11 };
	struct pdf *p = w;
	char *e = esc(text), *m = xasprintf("<b>%s</b>", e);
	int l = level < 1 ? 1 : level > 4 ? 4 : level;
	struct block *b = add_text(p, m, sizes[l - 1], 0, l == 1 ? 0 : 14);

	b->keep_next = true;
	b->whole = true;
	b->level = l;
	b->toc = xstrdup(text);
	free(m);
	free(e);
}

static void
pdf_para(void *w, const char *text)
{
	struct pdf *p = w;
	char *e = esc(text);

	add_text(p, e, 10, 0, 6);
	free(e);
}

static void
pdf_notice(void *w, const char *text)
{
	struct pdf *p = w;
	char *e = esc(text), *m = xasprintf("<b>%s</b>", e);
	struct block *b = add_text(p, m, 10, 10, 6);

	b->notice = true;
	free(m);
	free(e);
}

static void
pdf_facts_begin(void *w)
{
	(void)w;
}

static void
pdf_fact(void *w, const char *label, const char *value)
{
	struct pdf *p = w;
	double indent = p->in_entry ? 18 : 0, lw = 0.3 * (TEXT_W - indent);
	char *el = esc(label), *ml = xasprintf("<b>%s</b>", el), *ev = esc(value);
	struct block *b = add(p, B_FACT);

	b->indent = indent;
	b->before = 2;
	b->whole = true;
	b->lay = shared_layout(p, ml, 9.5, lw - 8);
	b->value = shared_layout(p, ev, 9.5, TEXT_W - indent - lw);
	free(ml);
	free(el);
	free(ev);
}

static void
pdf_facts_end(void *w)
{
	(void)w;
}

/* A mark for each state that needs no colour to read; the state is also
 * written out. */
static const char *const marks[ITEM__STATES] = { "✓", "○", "?", "✗", "…", "–" };

static void
pdf_entry_begin(void *w, int state, const char *title)
{
	struct pdf *p = w;
	char *e = esc(title), *m, *st;
	struct block *b;

	if (state >= 0 && state < ITEM__STATES) {
		st = esc(item_state_label((enum item_state)state));
		m = xasprintf("%s  <b>%s</b> — %s", marks[state], e, st);
		free(st);
	} else {
		m = xasprintf("<b>%s</b>", e);
	}
	b = add_text(p, m, 10.5, 0, 9);
	b->keep_next = true;
	b->whole = true;
	p->in_entry = true;
	free(m);
	free(e);
}

static void
pdf_answer(void *w, const char *prompt, const char *value)
{
	struct pdf *p = w;
	char *ep = esc(prompt), *ev = value ? esc(value) : esc(_("(missing)"));
	char *m = value ? xasprintf("%s  <b>%s</b>", ep, ev) : xasprintf("%s  <i>%s</i>", ep, ev);

	add_text(p, m, 9.5, 18, 2)->whole = true;
	free(m);
	free(ep);
	free(ev);
}

static void
pdf_answer_space(void *w)
{
	struct pdf *p = w;
	char *e = esc(_("Your answer")), *m = xasprintf("<i>%s:</i>", e);
	struct block *b;

	add_text(p, m, 9, 18, 4)->keep_next = true;
	b = add(p, B_SPACE);
	b->indent = 18;
	b->before = 2;
	b->height = 46;
	b->whole = true;
	free(m);
	free(e);
}

static void
pdf_entry_end(void *w)
{
	struct pdf *p = w;

	p->in_entry = false;
}

/* Tables (the business case's figures): each column as wide as its
 * widest cell where the page allows; where it does not, the text wraps
 * within its cell (a figure never does) and, if that is not enough, the
 * table's type gets smaller. The first row is the header, repeated at
 * the top of each page the table goes on to. */
#define CELL_PAD_X	3.0
#define CELL_PAD_Y	2.5
#define KEEP_ROWS	12


static void
set_size(PangoLayout *l, double size)
{
	PangoFontDescription *fd = pc.pango_font_description_from_string(FONT);

	pc.pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	pc.pango_layout_set_font_description(l, fd);
	pc.pango_font_description_free(fd);
}

/* The widths of a table's columns at one size: a column's width with
 * every cell on one line (W_NAT); with the header wrapped at words and
 * the rest on one line (W_MID); with the first column wrapped at words
 * too (W_WRAP); with the header broken within words as well (W_LOW).
 * The figures stay on one line in all of them. v holds W__N widths a
 * column, sum their sums. */
enum { W_NAT, W_MID, W_WRAP, W_LOW, W__N };

static double
width_at(PangoLayout *l, PangoWrapMode wrap, int width)
{
	int w, h;

	pc.pango_layout_set_wrap(l, wrap);
	pc.pango_layout_set_width(l, width);
	pc.pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void
measure(const struct table *t, PangoLayout **l, size_t nrows, double size, double *v,
    double *sum)
{
	size_t n = t->ncols, r, c, k;

	for (k = 0; k < W__N; k++)
		sum[k] = 0;
	for (c = 0; c < n; c++) {
		double *cv = &v[c * W__N];

		for (k = 0; k < W__N; k++)
			cv[k] = 0;
		for (r = 0; r < nrows; r++) {
			PangoLayout *cl = l[r * n + c];
			double w[W__N];

			set_size(cl, size);
			w[W_NAT] = width_at(cl, PANGO_WRAP_WORD, -1);
			/* The least width a wrap allows: the widest word, or
			 * the widest piece when words break. */
			w[W_WRAP] = r == 0 || c == 0 ? width_at(cl, PANGO_WRAP_WORD, 1) : w[W_NAT];
			w[W_MID] = r == 0 ? w[W_WRAP] : w[W_NAT];
			w[W_LOW] = r == 0 ? width_at(cl, PANGO_WRAP_WORD_CHAR, 1) : w[W_WRAP];
			for (k = 0; k < W__N; k++)
				cv[k] = w[k] > cv[k] ? w[k] : cv[k];

		}
		for (k = 0; k < W__N; k++) {
			cv[k] += 2 * CELL_PAD_X;
			sum[k] += cv[k];
		}
	}
}

/* The ways a table may be laid out, the best first: smaller type before
 * the first column wraps, down to 8 points; then 7.5 and 7 points; the
 * header's words broken last. */
static const struct {
	int	lev;
	double	size;
} table_ways[] = {
	{ W_MID, 9 }, { W_MID, 8.5 }, { W_MID, 8 },
	{ W_WRAP, 9 }, { W_WRAP, 8.5 }, { W_WRAP, 8 },
	{ W_MID, 7.5 }, { W_MID, 7 }, { W_WRAP, 7.5 }, { W_WRAP, 7 },
	{ W_LOW, 9 }, { W_LOW, 8 }, { W_LOW, 7 }
};
#define NWAYS (sizeof(table_ways) / sizeof(table_ways[0]))

/* Each column's place in t->x and t->w, laid out the first of the ways
 * that fits; the page's width shared out between that way and the next
 * wider one. The cells are left at that size. */
static void
table_columns(struct table *t, PangoLayout **l, size_t nrows)
{
	size_t n = t->ncols, i, c;
	double *v = xcalloc(W__N * n, sizeof(*v)), sum[W__N], first[W__N], x = MARGIN_X;
	double pad = 2 * CELL_PAD_X * (double)n, size = table_ways[0].size;
	int lev = W_LOW;

	/* Text is as wide as its size: the first measure tells which way
	 * to measure for sure, and a smaller size if that does not fit. */
	measure(t, l, nrows, size, v, first);
	memcpy(sum, first, sizeof(sum));
	for (i = 0; i < NWAYS; i++) {
		const double k = table_ways[i].size / table_ways[0].size;

		if ((first[table_ways[i].lev] - pad) * k + pad > TEXT_W)
			continue;
		lev = table_ways[i].lev;
		if (table_ways[i].size != size)
			measure(t, l, nrows, size = table_ways[i].size, v, sum);
		if (sum[lev] <= TEXT_W)
			break;
	}
	if (i == NWAYS) {
		lev = W_LOW;
		if (size != table_ways[NWAYS - 1].size)
			measure(t, l, nrows, size = table_ways[NWAYS - 1].size, v, sum);
	}
	for (c = 0; c < n; c++) {
		double lo = v[c * W__N + lev], hi = v[c * W__N + lev - 1];

		if (sum[lev - 1] <= TEXT_W)
			t->w[c] = hi;
		else if (sum[lev] <= TEXT_W)
			t->w[c] = lo + (hi - lo) * (TEXT_W - sum[lev]) / (sum[lev - 1] - sum[lev]);
		else	/* Even the smallest type is too wide: every cell wraps. */
			t->w[c] = lo * TEXT_W / sum[lev];
		t->x[c] = x;
		x += t->w[c];
	}
	free(v);
}

static void
pdf_table(void *w, const char *const *cells, size_t ncols, size_t nrows)
{
	struct pdf *p = w;
	struct table *t;
	PangoLayout **l;
	size_t r, c;

	if (ncols == 0 || nrows == 0)
		return;
	l = xcalloc(ncols * nrows, sizeof(*l));
	for (r = 0; r < nrows; r++) {
		for (c = 0; c < ncols; c++) {
			char *e = esc(cells[r * ncols + c]);
			char *m = c == 0 && r > 0 ? xasprintf("<b>%s</b>", e) : xstrdup(e);

			l[r * ncols + c] = layout(p, m, 9, -1);
			free(m);
			free(e);
		}
	}
	p->t = xreallocarray(p->t, p->nt + 1, sizeof(*p->t));
	t = &p->t[p->nt];
	t->ncols = ncols;
	t->x = xcalloc(ncols, sizeof(*t->x));
	t->w = xcalloc(ncols, sizeof(*t->w));
	t->head = p->nb;
	table_columns(t, l, nrows);
	for (r = 0; r < nrows; r++) {
		struct block *b = add(p, B_ROW);

		b->table = p->nt;
		b->head = r == 0;
		/* A short table is kept whole; a long one keeps its
		 * header with its first row. */
		b->keep_next = r == 0 || (nrows <= KEEP_ROWS && r + 1 < nrows);
		b->whole = true;
		b->before = r == 0 ? 8 : 0;
		b->cells = xcalloc(ncols, sizeof(*b->cells));
		for (c = 0; c < ncols; c++) {
			PangoLayout *cl = l[r * ncols + c];
			int cw, ch;

			pc.pango_layout_set_wrap(cl, PANGO_WRAP_WORD_CHAR);
			pc.pango_layout_set_width(cl, (int)((t->w[c] - 2 * CELL_PAD_X) * PANGO_SCALE) + 1);
			pc.pango_layout_set_alignment(cl, c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
			pc.pango_layout_get_size(cl, &cw, &ch);
			if ((double)ch / PANGO_SCALE + 2 * CELL_PAD_Y > b->height)
				b->height = (double)ch / PANGO_SCALE + 2 * CELL_PAD_Y;
			b->cells[c] = cl;
		}
	}
	p->nt++;
	free(l);
}

static const struct doc_ops pdf_ops = {
	pdf_begin, pdf_end, pdf_heading, pdf_para, pdf_notice, pdf_facts_begin, pdf_fact,
	pdf_facts_end, pdf_entry_begin, pdf_answer, pdf_answer_space, pdf_entry_end,
	pdf_table
};

/* Pagination. */

struct cursor {
	int	page;
	double	y;	/* the top of what comes next */
	bool	top;	/* nothing placed on this page yet */
};

static void
new_page(struct cursor *c)
{
	c->page++;
	c->y = MARGIN_TOP;
	c->top = true;
}

/* The lines of l with their heights and baselines (from the top of
 * the layout); caller frees *h and *base. */
static int
lines_of(PangoLayout *l, double **h, double **base)
{
	PangoLayoutIter *it = pc.pango_layout_get_iter(l);
	int n = pc.pango_layout_get_line_count(l), i = 0;

	*h = xcalloc((size_t)n + 1, sizeof(**h));
	*base = xcalloc((size_t)n + 1, sizeof(**base));
	do {
		PangoRectangle r;

		pc.pango_layout_iter_get_line_extents(it, NULL, &r);
		(*h)[i] = (double)r.height / PANGO_SCALE;
		(*base)[i] = (double)pc.pango_layout_iter_get_baseline(it) / PANGO_SCALE -
		    (double)r.y / PANGO_SCALE;
		i++;
	} while (i < n && pc.pango_layout_iter_next_line(it));
	pc.pango_layout_iter_free(it);
	return n;
}

static double
block_height(const struct block *b)
{
	int w, h, h2 = 0;

	if (b->kind == B_SPACE || b->kind == B_ROW)
		return b->height;
	pc.pango_layout_get_size(b->lay, &w, &h);
	if (b->value != NULL)
		pc.pango_layout_get_size(b->value, &w, &h2);
	return (double)(h > h2 ? h : h2) / PANGO_SCALE;
}

/* The height of b and the blocks it is kept with. */
static double
kept_height(const struct pdf *p, size_t i)
{
	double sum = 0;

	for (; i < p->nb; i++) {
		sum += p->b[i].before + block_height(&p->b[i]);
		if (!p->b[i].keep_next)
			break;
	}
	return sum;
}

static void
place(struct pdf *p, size_t from, size_t to, struct cursor *c)
{
	const double bottom = PAGE_H - MARGIN_BOTTOM, room = bottom - MARGIN_TOP;
	size_t i;

	for (i = from; i < to; i++) {
		struct block *b = &p->b[i];
		double need = kept_height(p, i);

		/* A heading with its first block, an entry's title with its
		 * first answer, a fact whole: to the next page if it does not
		 * fit here but would on an empty page. */
		if ((b->whole || b->keep_next) && !c->top && c->y + need > bottom && need <= room)
			new_page(c);
		if (!c->top)
			c->y += b->before;
		if (b->kind != B_TEXT) {
			double h = block_height(b);

			if (!c->top && c->y + h > bottom)
				new_page(c);
			/* A table's row first on a page has the header above it. */
			if (b->kind == B_ROW && !b->head && c->top) {
				b->rehead = true;
				b->head_y = c->y;
				c->y += p->b[p->t[b->table].head].height;
			}
			b->nlines = 1;
			b->page = xcalloc(1, sizeof(*b->page));
			b->y = xcalloc(1, sizeof(*b->y));
			b->page[0] = c->page;
			b->y[0] = c->y;
			c->y += h;
		} else {
			double *h, *base;
			int k;

			b->nlines = lines_of(b->lay, &h, &base);
			b->page = xcalloc((size_t)b->nlines, sizeof(*b->page));
			b->y = xcalloc((size_t)b->nlines, sizeof(*b->y));
			/* Line by line: a long text breaks across pages. */
			for (k = 0; k < b->nlines; k++) {
				if (!c->top && c->y + h[k] > bottom)
					new_page(c);
				b->page[k] = c->page;
				b->y[k] = c->y + base[k];
				c->y += h[k];
				c->top = false;
			}
			free(h);
			free(base);
		}
		c->top = false;
	}
}

/* The contents: a line per heading of levels 2 and 3. */
struct toc_line {
	PangoLayout	*lay;
	size_t		 block;		/* the heading */
	int		 page;
	double		 y;
};

static void
draw_row(struct pdf *p, const struct block *b, double y)
{
	const struct table *t = &p->t[b->table];
	size_t c;

	for (c = 0; c < t->ncols; c++) {
		if (b->head) {
			pc.cairo_set_source_rgb(p->cr, 0.92, 0.92, 0.92);
			pc.cairo_rectangle(p->cr, t->x[c], y, t->w[c], b->height);
			pc.cairo_fill(p->cr);
		}
		pc.cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
		pc.cairo_set_line_width(p->cr, 0.5);
		pc.cairo_rectangle(p->cr, t->x[c], y, t->w[c], b->height);
		pc.cairo_stroke(p->cr);
		pc.cairo_set_source_rgb(p->cr, 0, 0, 0);
		pc.cairo_move_to(p->cr, t->x[c] + CELL_PAD_X, y + CELL_PAD_Y);
		pc.pango_cairo_show_layout(p->cr, b->cells[c]);
	}
}

static void
draw_text_page(struct pdf *p, int page)
{
	size_t i;
	int k;

	for (i = 0; i < p->nb; i++) {
		struct block *b = &p->b[i];
		double x = MARGIN_X + b->indent;

		for (k = 0; k < b->nlines; k++) {
			if (b->page[k] != page)
				continue;
			if (b->kind == B_TEXT) {
				PangoLayoutLine *line = pc.pango_layout_get_line_readonly(b->lay, k);

				pc.cairo_set_source_rgb(p->cr, 0, 0, 0);
				pc.cairo_move_to(p->cr, x, b->y[k]);
				pc.pango_cairo_show_layout_line(p->cr, line);
				if (b->notice) {
					pc.cairo_set_source_rgb(p->cr, 0.55, 0.55, 0.55);
					pc.cairo_rectangle(p->cr, MARGIN_X, b->y[k] - 10, 3, 13);
					pc.cairo_fill(p->cr);
				}
			} else if (b->kind == B_FACT) {
				double lw = 0.3 * (TEXT_W - b->indent);

				pc.cairo_set_source_rgb(p->cr, 0, 0, 0);
				pc.cairo_move_to(p->cr, x, b->y[k]);
				pc.pango_cairo_show_layout(p->cr, b->lay);
				pc.cairo_move_to(p->cr, x + lw, b->y[k]);
				pc.pango_cairo_show_layout(p->cr, b->value);
			} else if (b->kind == B_ROW) {
				if (b->rehead)
					draw_row(p, &p->b[p->t[b->table].head], b->head_y);
				draw_row(p, b, b->y[k]);
			} else if (b->kind == B_SPACE) {
				pc.cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
				pc.cairo_set_line_width(p->cr, 0.6);
				pc.cairo_rectangle(p->cr, x, b->y[k], TEXT_W - b->indent, b->height);
				pc.cairo_stroke(p->cr);
			}
		}
	}
}

static void
draw_frame(struct pdf *p, int page, int npages)
{
	PangoLayout *l;
	char *e, *s;
	int w, h;

	pc.cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	e = esc(p->title);
	l = layout(p, e, 8, TEXT_W);
	pc.pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pc.cairo_move_to(p->cr, MARGIN_X, 30);
	pc.pango_cairo_show_layout(p->cr, l);
	pc.g_object_unref(l);
	free(e);
	pc.cairo_set_line_width(p->cr, 0.4);
	pc.cairo_move_to(p->cr, MARGIN_X, 44);
	pc.cairo_line_to(p->cr, PAGE_W - MARGIN_X, 44);
	pc.cairo_stroke(p->cr);
	/* L10N: the footer of every page of a PDF export. */
	s = xasprintf(_("Page %d of %d"), page + 1, npages);
	e = esc(s);
	l = layout(p, e, 8, TEXT_W);
	pc.pango_layout_get_size(l, &w, &h);
	pc.cairo_move_to(p->cr, (PAGE_W - (double)w / PANGO_SCALE) / 2, PAGE_H - 40);
	pc.pango_cairo_show_layout(p->cr, l);
	pc.g_object_unref(l);
	free(e);
	free(s);
}

/* Where cairo writes: the export's stream, or nowhere while a PDF
 * begun with the PDF's own fonts is dropped (below). */
struct sink {
	FILE	*f;
	bool	 drop;
};

static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *k = closure;

	if (k->drop)
		return CAIRO_STATUS_SUCCESS;
	return fwrite(data, 1, len, k->f) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The fonts the PDF is set in (Debian's fonts-dejavu-core; the obliques
 * are in fonts-dejavu-extra). */
#define DEJAVU "/usr/share/fonts/truetype/dejavu/"
static const char *const pdf_fonts[] = {
	DEJAVU "DejaVuSans.ttf", DEJAVU "DejaVuSans-Bold.ttf",
	DEJAVU "DejaVuSans-Oblique.ttf", DEJAVU "DejaVuSans-BoldOblique.ttf"
};

/* fontconfig's rule (90-synthetic.conf) that slants the upright font
 * where an oblique is asked for and there is none (fonts-dejavu-core
 * alone has no DejaVu Sans Oblique). */
static const char synthetic_oblique[] =
	"<fontconfig><match target=\"font\">"
	"<test name=\"slant\"><const>roman</const></test>"
	"<test target=\"pattern\" name=\"slant\" compare=\"not_eq\"><const>roman</const></test>"
	"<edit name=\"matrix\" mode=\"assign\"><times><name>matrix</name>"
	"<matrix><double>1</double><double>0.2</double><double>0</double><double>1</double></matrix>"
	"</times></edit>"
	"<edit name=\"slant\" mode=\"assign\"><const>oblique</const></edit>"
	"</match></fontconfig>";

/* A font map of the PDF's own fonts, or NULL without the first two;
 * made once, kept for the process's later exports. fontconfig's own
 * set-up reads every installed font's cache and pango sorts them all
 * for each size and weight: with a desktop's 900 fonts that was a third
 * of the whole export (callgrind). */
static PangoFontMap *
own_fonts(void)
{
	static PangoFontMap *fm;
	static bool tried;
	FcConfig *cfg;
	size_t i;

	if (tried)
		return fm;
	tried = true;
	if ((cfg = pc.FcConfigCreate()) == NULL)
		return NULL;
	for (i = 0; i < sizeof(pdf_fonts) / sizeof(pdf_fonts[0]); i++) {
		if (!pc.FcConfigAppFontAddFile(cfg, (const FcChar8 *)pdf_fonts[i]) && i < 2) {
			pc.FcConfigDestroy(cfg);
			return NULL;
		}
	}
	(void)pc.FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)synthetic_oblique, FcFalse);
	/* Current too: pango's own start (FcInit) then finds a
	 * configuration and loads none of its own. */
	pc.FcConfigSetCurrent(cfg);
	fm = pc.pango_cairo_font_map_new();
	/* A pango cairo font map is a fontconfig one (PangoCairoFcFontMap). */
	pc.pango_fc_font_map_set_config((PangoFcFontMap *)fm, cfg);
	pc.FcConfigDestroy(cfg);	/* the font map and fontconfig hold it */
	return fm;
}

/* Every installed font again, for pango's default font map. */
static void
all_fonts(void)
{
	FcConfig *cfg = pc.FcInitLoadConfigAndFonts();

	if (cfg != NULL) {
		pc.FcConfigSetCurrent(cfg);
		pc.FcConfigDestroy(cfg);
	}
}

/* Whether some text has a character the fonts lack. */
static bool
unknown_glyphs(const struct pdf *p)
{
	size_t i, c;

	for (i = 0; i < p->nb; i++) {
		const struct block *b = &p->b[i];

		if ((b->lay != NULL && pc.pango_layout_get_unknown_glyphs_count(b->lay) > 0) ||
		    (b->value != NULL && pc.pango_layout_get_unknown_glyphs_count(b->value) > 0))
			return true;
		for (c = 0; b->cells != NULL && c < p->t[b->table].ncols; c++)
			if (pc.pango_layout_get_unknown_glyphs_count(b->cells[c]) > 0)
				return true;
	}
	return false;
}

static void
pdf_free(struct pdf *p)
{
	size_t i, c;

	for (i = 0; i < p->nb; i++) {
		struct block *b = &p->b[i];

		if (b->lay)
			pc.g_object_unref(b->lay);
		if (b->value)
			pc.g_object_unref(b->value);
		for (c = 0; b->cells != NULL && c < p->t[b->table].ncols; c++)
			pc.g_object_unref(b->cells[c]);
		free(b->cells);
		free(b->toc);
		free(b->page);
		free(b->y);
	}
	free(p->b);
	for (i = 0; i < p->nt; i++) {
		free(p->t[i].x);
		free(p->t[i].w);
	}
	free(p->t);
	for (i = 0; i < p->capsh; i++) {
		if (p->sh[i].key != NULL) {
			free(p->sh[i].key);
			pc.g_object_unref(p->sh[i].lay);
		}
	}
	free(p->sh);
	free(p->title);
	pc.g_object_unref(p->pctx);
	pc.cairo_destroy(p->cr);
	pc.cairo_surface_destroy(p->surf);
}

/* Begins the PDF: the surface, the context and the document's blocks,
 * in the font map fonts (NULL: every installed font). */
static void
pdf_start(struct pdf *p, const struct export_data *d, const struct export_opts *o,
    struct sink *k, PangoFontMap *fonts)
{
	memset(p, 0, sizeof(*p));
	/* The layouts are measured with the surface they are drawn on:
	 * nothing is drawn before the page count is known, and pango lays
	 * out each text once (a context moved to another surface lays
	 * every text out again: twice the time, measured). */
	p->surf = pc.cairo_pdf_surface_create_for_stream(write_out, k, PAGE_W, PAGE_H);
	p->cr = pc.cairo_create(p->surf);
	if (fonts != NULL) {
		p->pctx = pc.pango_font_map_create_context(fonts);
		pc.pango_cairo_update_context(p->cr, p->pctx);
	} else {
		p->pctx = pc.pango_cairo_create_context(p->cr);
	}
	/* A PDF's unit is the point: sizes in points, not at a screen's
	 * 96 dots an inch (a third larger than asked); glyphs where the
	 * font puts them, not rounded to whole points, so that text has its
	 * true width in the tables' columns. */
	pc.pango_cairo_context_set_resolution(p->pctx, 72);
	pc.pango_context_set_round_glyph_positions(p->pctx, FALSE);
	p->toc = o->what.part == EXPORT_ALL;
	export_doc(d, o, &pdf_ops, p);
}

int
export_pdf(const struct export_data *d, const struct export_opts *o, FILE *out, char **cause)
{
	struct pdf p;
	struct sink sink = { out, false };
	PangoFontMap *fonts;
	struct cursor c = { 0, MARGIN_TOP, true };
	struct toc_line *toc = NULL;
	size_t ntoc = 0, i, first_body, body_end;
	cairo_status_t st;
	int npages, page, rc = 0;
	char *ver, when[32];

	if ((rc = pc_open(cause)) != 0)
		return rc;
	fonts = own_fonts();
	pdf_start(&p, d, o, &sink, fonts);
	/* A character the PDF's fonts lack (an answer in another script):
	 * the PDF begins again with every installed font, the first is
	 * dropped unwritten. */
	if (fonts != NULL && unknown_glyphs(&p)) {
		sink.drop = true;
		pdf_free(&p);
		sink.drop = false;
		fonts = NULL;
		all_fonts();
		pdf_start(&p, d, o, &sink, NULL);
	}

	/* The title and the project's facts, up to the first heading of
	 * level 2; for the whole export the contents; then the rest (from
	 * a new page after the contents). */
	body_end = p.nb;
	for (first_body = 1; first_body < body_end; first_body++)
		if (p.b[first_body].level == 2)
			break;
	place(&p, 0, first_body, &c);
	if (p.toc) {
		char *e = esc(_("Contents"));
		char *m = xasprintf("<b>%s</b>", e);

		/* Kept after the document's blocks, placed here. */
		add_text(&p, m, 14, 0, 18)->keep_next = true;
		free(m);
		free(e);
		place(&p, p.nb - 1, p.nb, &c);
		for (i = first_body; i < body_end; i++) {
			if (p.b[i].level != 2 && p.b[i].level != 3)
				continue;
			toc = xreallocarray(toc, ntoc + 1, sizeof(*toc));
			e = esc(p.b[i].toc);
			toc[ntoc].lay = layout(&p, e, 10, TEXT_W - 40 - (p.b[i].level - 2) * 14);
			pc.pango_layout_set_ellipsize(toc[ntoc].lay, PANGO_ELLIPSIZE_END);
			toc[ntoc].block = i;
			free(e);
			if (c.y + 15 > PAGE_H - MARGIN_BOTTOM)
				new_page(&c);
			toc[ntoc].page = c.page;
			toc[ntoc].y = c.y + 12;
			c.y += 15;
			c.top = false;
			ntoc++;
		}
		new_page(&c);
	}
	place(&p, first_body, body_end, &c);
	npages = c.page + 1;

	/* Drawing. */
	pc.cairo_pdf_surface_set_metadata(p.surf, CAIRO_PDF_METADATA_TITLE, p.title ? p.title : "");
	ver = xasprintf("airejse %s", VERSION);
	pc.cairo_pdf_surface_set_metadata(p.surf, CAIRO_PDF_METADATA_CREATOR, ver);
	free(ver);
	/* The export's own time, so the same export gives the same file. */
	{
		time_t t = (time_t)d->now;
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		pc.cairo_pdf_surface_set_metadata(p.surf, CAIRO_PDF_METADATA_CREATE_DATE, when);
		pc.cairo_pdf_surface_set_metadata(p.surf, CAIRO_PDF_METADATA_MOD_DATE, when);
	}
	for (page = 0; page < npages; page++) {
		draw_frame(&p, page, npages);
		draw_text_page(&p, page);
		for (i = 0; i < ntoc; i++) {
			const struct block *hb = &p.b[toc[i].block];
			char num[16], *link;
			double x = MARGIN_X + (hb->level - 2) * 14;
			PangoLayout *nl;
			int w, h;

			if (toc[i].page != page)
				continue;
			snprintf(num, sizeof(num), "%d", hb->page[0] + 1);
			link = xasprintf("page=%d pos=[%.1f %.1f]", hb->page[0] + 1, MARGIN_X,
			    hb->y[0] - 16);
			pc.cairo_tag_begin(p.cr, CAIRO_TAG_LINK, link);
			pc.cairo_set_source_rgb(p.cr, 0, 0, 0);
			pc.cairo_move_to(p.cr, x, toc[i].y - 12);
			pc.pango_cairo_show_layout_line(p.cr, pc.pango_layout_get_line_readonly(toc[i].lay, 0));
			nl = layout(&p, num, 10, 40);
			pc.pango_layout_get_size(nl, &w, &h);
			pc.cairo_move_to(p.cr, PAGE_W - MARGIN_X - (double)w / PANGO_SCALE, toc[i].y - 12);
			pc.pango_cairo_show_layout_line(p.cr, pc.pango_layout_get_line_readonly(nl, 0));
			pc.cairo_tag_end(p.cr, CAIRO_TAG_LINK);
			pc.g_object_unref(nl);
			free(link);
		}
		/* Bookmarks for the headings that begin on this page. */
		for (i = 0; i < p.nb; i++) {
			const struct block *hb = &p.b[i];
			char *dest;

			if (hb->level < 1 || hb->level > 3 || hb->toc == NULL || hb->nlines == 0 ||
			    hb->page[0] != page)
				continue;
			dest = xasprintf("page=%d pos=[%.1f %.1f]", page + 1, MARGIN_X, hb->y[0] - 16);
			pc.cairo_pdf_surface_add_outline(p.surf, CAIRO_PDF_OUTLINE_ROOT, hb->toc, dest, 0);
			free(dest);
		}
		pc.cairo_show_page(p.cr);
	}
	pc.cairo_surface_finish(p.surf);
	st = pc.cairo_surface_status(p.surf);
	if (st != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf(_("cannot write the PDF: %s"),
		    st == CAIRO_STATUS_WRITE_ERROR ? strerror(errno ? errno : EIO) :
		    pc.cairo_status_to_string(st));
		rc = EX_IOERR;
	}

	for (i = 0; i < ntoc; i++)
		pc.g_object_unref(toc[i].lay);
	free(toc);
	pdf_free(&p);
	return rc;
}
