/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports as Markdown: clean text a person can paste into a mail or a
 * wiki. Every text from the content or the answers is escaped, so it
 * stays text (raw HTML in an answer is shown, never rendered). */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/export-render.h"
#include "airejse/xalloc.h"

struct md {
	FILE	*out;
	bool	 in_entry;
};

/* Writes s escaped, with line breaks continued at indent. */
static void
put_at(struct md *m, const char *s, const char *indent, bool line_start)
{
	char *br = xasprintf("\n%s", indent);
	char *e = export_md_escape(s, br, line_start);

	fputs(e, m->out);
	free(e);
	free(br);
}

/* Writes s escaped, after other text on its line. */
static void
put(struct md *m, const char *s, const char *indent)
{
	put_at(m, s, indent, false);
}

static void
md_begin(void *w, const char *title, enum lang lang)
{
	(void)w;
	(void)title;
	(void)lang;
}

static void
md_end(void *w)
{
	(void)w;
}

static void
md_heading(void *w, int level, const char *text)
{
	struct md *m = w;

	fprintf(m->out, "%.*s ", level < 1 ? 1 : level > 6 ? 6 : level, "######");
	put(m, text, " ");
	fputs("\n\n", m->out);
}

static void
md_para(void *w, const char *text)
{
	struct md *m = w;

	put_at(m, text, "", true);
	fputs("\n\n", m->out);
}

static void
md_notice(void *w, const char *text)
{
	struct md *m = w;

	fputs("> **", m->out);
	put(m, text, "> ");
	fputs("**\n\n", m->out);
}

static void
md_facts_begin(void *w)
{
	(void)w;
}

static void
md_fact(void *w, const char *label, const char *value)
{
	struct md *m = w;
	const char *indent = m->in_entry ? "    " : "  ";

	fputs(m->in_entry ? "  - " : "- ", m->out);
	fputs("**", m->out);
	put(m, label, indent);
	fputs(":** ", m->out);
	put(m, value, indent);
	fputc('\n', m->out);
}

static void
md_facts_end(void *w)
{
	struct md *m = w;

	fputc('\n', m->out);
}

/* The legend says what each state means; the mark is a glance. */
static const char *const marks[ITEM__STATES] = { "[x]", "[ ]", "[?]", "[!]", "[~]", "[-]" };

static void
md_entry_begin(void *w, int state, const char *title)
{
	struct md *m = w;

	if (state >= 0 && state < ITEM__STATES) {
		fprintf(m->out, "- %s **", marks[state]);
		put(m, title, "  ");
		fputs("** — ", m->out);
		put(m, item_state_label((enum item_state)state), "  ");
	} else {
		fputs("- **", m->out);
		put(m, title, "  ");
		fputs("**", m->out);
	}
	fputc('\n', m->out);
	m->in_entry = true;
}

static void
md_answer(void *w, const char *prompt, const char *value)
{
	struct md *m = w;

	fputs("  - ", m->out);
	put(m, prompt, "    ");
	fputs(" ", m->out);
	if (value == NULL) {
		/* L10N: an answer that is missing in an export. */
		fprintf(m->out, "*%s*", _("(missing)"));
	} else {
		fputs("**", m->out);
		put(m, value, "    ");
		fputs("**", m->out);
	}
	fputc('\n', m->out);
}

static void
md_answer_space(void *w)
{
	struct md *m = w;

	fprintf(m->out, "  - %s: ____________________________________________\n", _("Your answer"));
}

static void
md_entry_end(void *w)
{
	struct md *m = w;

	m->in_entry = false;
	fputc('\n', m->out);
}

/* A pipe table; the figures aligned right. */
static void
md_table(void *w, const char *const *cells, size_t ncols, size_t nrows)
{
	struct md *m = w;
	size_t r, c;

	for (r = 0; r < nrows; r++) {
		for (c = 0; c < ncols; c++) {
			fputs(c == 0 ? "| " : " | ", m->out);
			put(m, cells[r * ncols + c], " ");
		}
		fputs(" |\n", m->out);
		if (r == 0) {
			for (c = 0; c < ncols; c++)
				fputs(c == 0 ? "| --- |" : " ---: |", m->out);
			fputc('\n', m->out);
		}
	}
	fputc('\n', m->out);
}

static const struct doc_ops md_ops = {
	md_begin, md_end, md_heading, md_para, md_notice, md_facts_begin, md_fact,
	md_facts_end, md_entry_begin, md_answer, md_answer_space, md_entry_end, md_table
};

int
export_md(const struct export_data *d, const struct export_opts *o, FILE *out)
{
	struct md m = { out, false };

	export_doc(d, o, &md_ops, &m);
	return ferror(out) ? EX_IOERR : 0;
}
