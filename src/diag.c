/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/ctrl.h"
#include "airejse/diag.h"
#include "airejse/i18n.h"
#include "airejse/strbuf.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

void
diag_add(struct diags *d, enum diag_severity sev, const char *file, int line,
    int col, const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	xgrow(&d->v, &d->cap, d->n + 1, sizeof(*d->v));
	g = &d->v[d->n++];
	g->file = xstrdup(file ? file : "");
	g->line = line;
	g->col = col;
	g->severity = sev;
	va_start(ap, fmt);
	g->msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (sev == DIAG_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	/* Keep the order of discovery for equal positions. */
	return x < y ? -1 : x > y;
}

/* Line n (1-based) of file, without its newline; NULL if unreadable. */
static char *
read_line(const char *file, int n)
{
	FILE *f = fopen(file, "r");
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len = -1;
	int i;

	if (f == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		len = getline(&buf, &cap, f);
		if (len < 0)
			break;
	}
	fclose(f);
	if (len < 0) {
		free(buf);
		return NULL;
	}
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	return buf;
}

/* Spaces up to character col of line, keeping tabs so the caret lines up. */
static void
caret_pad(struct strbuf *sb, const char *line, int col)
{
	size_t len = strlen(line), off = 0;
	int c;

	for (c = 1; c < col && off < len; c++) {
		size_t n = utf8_next(line + off, len - off);
		int w;

		if (line[off] == '\t') {
			sb_addc(sb, '\t');
		} else {
			for (w = utf8_cluster_width(line + off, n); w > 0; w--)
				sb_addc(sb, ' ');
		}
		off += n;
	}
}

void
diag_print(const struct diags *d, FILE *out)
{
	struct diag *sorted;
	size_t i;

	if (d->n == 0)
		return;
	sorted = xreallocarray(NULL, d->n, sizeof(*sorted));
	memcpy(sorted, d->v, d->n * sizeof(*sorted));
	qsort(sorted, d->n, sizeof(*sorted), cmp_diag);
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &sorted[i];
		const char *kind = g->severity == DIAG_ERROR ? _("error") : _("warning");
		struct strbuf sb = STRBUF_INIT;
		char *line;

		if (g->line > 0 && g->col > 0)
			ctrl_printf(out, "%s:%d:%d: %s: %s\n", g->file, g->line, g->col, kind, g->msg);
		else if (g->line > 0)
			ctrl_printf(out, "%s:%d: %s: %s\n", g->file, g->line, kind, g->msg);
		else
			ctrl_printf(out, "%s: %s: %s\n", g->file, kind, g->msg);
		if (g->line <= 0 || (line = read_line(g->file, g->line)) == NULL)
			continue;
		/* Invalid UTF-8 in the source is shown as it is: the
		 * loader already reports it as an error of its own. */
		ctrl_printf(out, " %s\n", line);
		if (g->col > 0) {
			caret_pad(&sb, line, g->col);
			ctrl_printf(out, " %s^\n", sb_str(&sb));
		}
		sb_free(&sb);
		free(line);
	}
	free(sorted);
}

void
diag_free(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}
