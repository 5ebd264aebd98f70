/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports as HTML: one self-contained, printable page. No scripts, no
 * external resources (a Content-Security-Policy says so to the browser
 * too), every text escaped. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/export-render.h"
#include "airejse/xalloc.h"

struct html {
	FILE	*out;
	bool	 list_open;	/* entries are items of one list */
};

static void
put(struct html *h, const char *s)
{
	export_html_put(h->out, s, false);
}

/* Escaped, with line breaks kept as <br>. */
static void
put_lines(struct html *h, const char *s)
{
	export_html_put(h->out, s, true);
}

static const char style[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
	"max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}\n"
	"h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid #999;margin-top:2rem}"
	"h3{font-size:1.1rem;margin-top:1.5rem}\n"
	/* The labels' column is as wide as they need up to a third of the
	 * page, then they wrap: a long label (a legal date's description)
	 * took the whole width and pushed its value past the margin. */
	"dl.facts{display:grid;grid-template-columns:fit-content(33%) minmax(0,1fr);gap:.2rem 1rem}"
	"dl.facts dt{font-weight:600}dl.facts dd{margin:0}"
	"dl.facts dt,dl.facts dd{min-width:0;overflow-wrap:break-word}\n"
	"ul.entries{list-style:none;padding:0}"
	"li.entry{border:1px solid #bbb;border-left-width:.4rem;padding:.4rem .7rem;margin:.5rem 0;"
	"break-inside:avoid}\n"
	"li.done{border-left-color:#2e7d32}li.open{border-left-color:#f9a825}"
	"li.unknown{border-left-color:#ef6c00}li.not-met{border-left-color:#c62828}"
	"li.awaiting-review{border-left-color:#1565c0}"
	"li.not-applicable{border-left-color:#bbb;color:#555}\n"
	".state{font-weight:600;margin-left:.5rem}.title{font-weight:600}\n"
	"li.entry dl{margin:.3rem 0 0}li.entry dt{font-style:italic}li.entry dd{margin:0 0 .3rem 1rem}\n"
	".gap{color:#c62828;font-style:italic}.notice{border:1px solid #c62828;padding:.4rem .7rem}\n"
	".space{border:1px dashed #777;min-height:4rem;margin:.3rem 0}\n"
	"table.figures{border-collapse:collapse;margin:.5rem 0;font-size:.9rem;"
	"font-variant-numeric:tabular-nums}"
	"table.figures th,table.figures td{border:1px solid #bbb;padding:.15rem .4rem}"
	"table.figures td{text-align:right;white-space:nowrap}table.figures thead th{text-align:left}"
	"table.figures tr{break-inside:avoid}\n"
	"@media print{body{margin:0;max-width:none;font-size:10.5pt}"
	"h2{break-after:avoid}h3{break-after:avoid}li.entry{border-left-width:.25rem}}\n";

static void
html_begin(void *w, const char *title, enum lang lang)
{
	struct html *h = w;

	fprintf(h->out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
	    lang_code(lang));
	fputs("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
	    h->out);
	fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", h->out);
	fputs("<meta name=\"generator\" content=\"airejse\">\n<title>", h->out);
	put(h, title);
	fprintf(h->out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
}

/* Anything but an entry closes the list of entries. */
static void
end_entries(struct html *h)
{
	if (h->list_open) {
		fputs("</ul>\n", h->out);
		h->list_open = false;
	}
}

static void
html_end(void *w)
{
	struct html *h = w;

	end_entries(h);
	fputs("</body>\n</html>\n", h->out);
}

static void
html_heading(void *w, int level, const char *text)
{
	struct html *h = w;

	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	end_entries(h);
	fprintf(h->out, "<h%d>", level);
	put(h, text);
	fprintf(h->out, "</h%d>\n", level);
}

static void
html_para(void *w, const char *text)
{
	struct html *h = w;

	end_entries(h);
	fputs("<p>", h->out);
	put_lines(h, text);
	fputs("</p>\n", h->out);
}

static void
html_notice(void *w, const char *text)
{
	struct html *h = w;

	end_entries(h);
	fputs("<p class=\"notice\">", h->out);
	put_lines(h, text);
	fputs("</p>\n", h->out);
}

static void
html_facts_begin(void *w)
{
	struct html *h = w;

	end_entries(h);
	fputs("<dl class=\"facts\">\n", h->out);
}

static void
html_fact(void *w, const char *label, const char *value)
{
	struct html *h = w;

	fputs("<dt>", h->out);
	put(h, label);
	fputs("</dt><dd>", h->out);
	put_lines(h, value);
	fputs("</dd>\n", h->out);
}

static void
html_facts_end(void *w)
{
	struct html *h = w;

	fputs("</dl>\n", h->out);
}

static void
html_entry_begin(void *w, int state, const char *title)
{
	struct html *h = w;

	if (!h->list_open) {
		fputs("<ul class=\"entries\">\n", h->out);
		h->list_open = true;
	}
	if (state >= 0 && state < ITEM__STATES)
		fprintf(h->out, "<li class=\"entry %s\"><span class=\"title\">",
		    item_state_name((enum item_state)state));
	else
		fputs("<li class=\"entry\"><span class=\"title\">", h->out);
	put(h, title);
	fputs("</span>", h->out);
	if (state >= 0 && state < ITEM__STATES) {
		fputs("<span class=\"state\">", h->out);
		put(h, item_state_label((enum item_state)state));
		fputs("</span>", h->out);
	}
	fputs("\n<dl>\n", h->out);
}

static void
html_answer(void *w, const char *prompt, const char *value)
{
	struct html *h = w;

	fputs("<dt>", h->out);
	put(h, prompt);
	fputs("</dt><dd>", h->out);
	if (value == NULL) {
		fputs("<span class=\"gap\">", h->out);
		put(h, _("(missing)"));
		fputs("</span>", h->out);
	} else {
		put_lines(h, value);
	}
	fputs("</dd>\n", h->out);
}

static void
html_answer_space(void *w)
{
	struct html *h = w;

	fputs("<dt>", h->out);
	put(h, _("Your answer"));
	fputs("</dt><dd><div class=\"space\"></div></dd>\n", h->out);
}

static void
html_entry_end(void *w)
{
	struct html *h = w;

	fputs("</dl></li>\n", h->out);
}

/* The first row is the header, the first column heads its row; the
 * figures are aligned right. */
static void
html_table(void *w, const char *const *cells, size_t ncols, size_t nrows)
{
	struct html *h = w;
	size_t r, c;

	end_entries(h);
	fputs("<table class=\"figures\">\n", h->out);
	for (r = 0; r < nrows; r++) {
		fputs(r == 0 ? "<thead><tr>" : "<tr>", h->out);
		for (c = 0; c < ncols; c++) {
			fputs(r == 0 ? "<th scope=\"col\">" : c == 0 ? "<th scope=\"row\">" : "<td>",
			    h->out);
			put(h, cells[r * ncols + c]);
			fputs(r == 0 || c == 0 ? "</th>" : "</td>", h->out);
		}
		fputs(r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n", h->out);
	}
	fputs("</tbody></table>\n", h->out);
}

static const struct doc_ops html_ops = {
	html_begin, html_end, html_heading, html_para, html_notice, html_facts_begin,
	html_fact, html_facts_end, html_entry_begin, html_answer, html_answer_space,
	html_entry_end, html_table
};

int
export_html(const struct export_data *d, const struct export_opts *o, FILE *out)
{
	struct html h = { out, false };

	export_doc(d, o, &html_ops, &h);
	return ferror(out) ? EX_IOERR : 0;
}
