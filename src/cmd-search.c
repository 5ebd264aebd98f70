/* SPDX-License-Identifier: EUPL-1.2 */
/* search: a regular expression over the projects' steps, guidance,
 * questions and answers (search.h), the twin of the search screen.
 * Each project's matches are printed as soon as it is searched. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/progress.h"
#include "airejse/report.h"
#include "airejse/search.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* Columns of a snippet in the text output. */
#define TEXT_SNIPPET 60

/* A search under way. */
struct run {
	struct search		*re;
	enum out_format		 fmt;
	struct search_results	 res;
	size_t			 matches;	/* so far, over all projects */
	size_t			 projects;	/* with a match, so far */
	const char		*pattern;
	bool			 begun;		/* the tsv or json head is out */
};

/* A JSON string of s[0..n) (report_text). */
static json_t *
jstr(const char *s, size_t n)
{
	char *c = s ? xstrndup(s, n) : NULL;
	json_t *j = report_text(c);

	free(c);
	return j;
}

/* json_dumps of v, each line after the first indented by pad (v is an
 * item of the document's top-level object, printed a piece at a time). */
static void
put_json(json_t *v, const char *pad)
{
	char *dump = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
	char *s = dump ? ctrl_json(dump) : NULL;
	const char *p, *nl;

	for (p = s; p && (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		fwrite(p, 1, (size_t)(nl - p) + 1, stdout);
		fputs(pad, stdout);
	}
	if (p)
		fputs(p, stdout);
	free(s);
	free(dump);
}

/* The head of the tsv or json output, once: only when the projects have
 * been found, so that a name not found leaves no half document. */
static void
begin(struct run *r)
{
	json_t *jp;

	if (r->begun)
		return;
	r->begun = true;
	if (r->fmt == OUT_TSV) {
		fputs("project\tproject_name\ttrack\tstep\tquestion\tfield\tmatch\tsnippet\n", stdout);
	} else if (r->fmt == OUT_JSON) {
		jp = jstr(r->pattern, strlen(r->pattern));
		fputs("{\n  \"pattern\": ", stdout);
		put_json(jp, "  ");
		fputs(",\n  \"projects\": [", stdout);
		json_decref(jp);
	}
}

static void
print_text(const struct snapshot *s, const struct search_results *res)
{
	size_t i;

	ctrl_printf(stdout, "%lld %s\n", (long long)s->project->id, s->project->name);
	for (i = 0; i < res->n; i++) {
		const struct search_match *m = &res->v[i];
		size_t fit = utf8_fit(m->snippet, TEXT_SNIPPET, NULL);

		ctrl_printf(stdout, "  %s \xc2\xb7 %s: %.*s%s\n", text_get(&m->step->title),
		    search_field_label(m->field), (int)fit, m->snippet,
		    m->snippet[fit] ? "\xe2\x80\xa6" : "");
	}
}

/* A tsv cell of s[0..n) and then sep: tabs and line breaks become
 * spaces, as in every tsv the program prints (table_print_tsv), but
 * written a run at a time: a search may print megabytes. */
static void
put_cell(const char *s, size_t n, char sep)
{
	size_t i, from = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			ctrl_write(stdout, s + from, i - from);
			putchar(' ');
			from = i + 1;
		}
	}
	ctrl_write(stdout, s + from, n - from);
	putchar(sep);
}

static void
put_str(const char *s, char sep)
{
	put_cell(s ? s : "", s ? strlen(s) : 0, sep);
}

static void
print_tsv(const struct snapshot *s, const struct search_results *res)
{
	size_t i;

	for (i = 0; i < res->n; i++) {
		const struct search_match *m = &res->v[i];

		ctrl_printf(stdout, "%lld\t", (long long)s->project->id);
		put_str(s->project->name, '\t');
		put_str(m->step->track->id, '\t');
		put_str(m->step->id, '\t');
		put_str(m->question ? m->question->id : NULL, '\t');
		put_str(search_field_name(m->field), '\t');
		put_cell(m->text + m->start, m->end - m->start, '\t');
		put_str(m->snippet, '\n');
	}
}

static void
print_json(const struct snapshot *s, const struct search_results *res)
{
	json_t *o = json_object(), *list = json_array();
	size_t i;

	json_object_set_new(o, "id", json_integer(s->project->id));
	json_object_set_new(o, "name", jstr(s->project->name, strlen(s->project->name)));
	for (i = 0; i < res->n; i++) {
		const struct search_match *m = &res->v[i];
		const char *title = text_get(&m->step->title);
		json_t *j = json_object();

		json_object_set_new(j, "track", json_string(m->step->track->id));
		json_object_set_new(j, "step", json_string(m->step->id));
		json_object_set_new(j, "step_title", jstr(title, strlen(title)));
		json_object_set_new(j, "question", m->question ? json_string(m->question->id) :
		    json_null());
		json_object_set_new(j, "field", json_string(search_field_name(m->field)));
		json_object_set_new(j, "label", json_string(search_field_label(m->field)));
		json_object_set_new(j, "match", jstr(m->text + m->start, m->end - m->start));
		json_object_set_new(j, "snippet", jstr(m->snippet, strlen(m->snippet)));
		json_array_append_new(list, j);
	}
	json_object_set_new(o, "matches", list);
	fputs("    ", stdout);
	put_json(o, "    ");
	json_decref(o);
}

/* Searches one project and prints its matches. */
static int
search_one(const struct snapshot *s, void *arg)
{
	struct run *r = arg;

	begin(r);
	if (search_project(r->re, s->progress, &r->res) > 0) {
		if (r->fmt == OUT_TEXT) {
			if (r->projects > 0)
				putchar('\n');
			print_text(s, &r->res);
		} else if (r->fmt == OUT_TSV) {
			print_tsv(s, &r->res);
		} else {
			fputs(r->projects > 0 ? ",\n" : "\n", stdout);
			print_json(s, &r->res);
		}
		r->matches += r->res.n;
		r->projects++;
	}
	search_results_clear(&r->res);
	return 0;
}

static int
search(struct cmd *self)
{
	const char *pattern = self->args.operands[0];
	size_t nkeys = self->args.noperands - 1;
	struct run r;
	struct action a;
	char *cause = NULL;
	int rc;

	memset(&r, 0, sizeof(r));
	r.pattern = pattern;
	if ((rc = cmd_format(self, &r.fmt)) != 0)
		return rc;
	if ((rc = search_compile(pattern, &r.re, NULL, &cause)) != 0) {
		rc = cmd_error(self, rc, _("cannot search for '%s': %s"), pattern, cause);
		free(cause);
		return rc;
	}
	if ((rc = cmd_action(self, false, &a)) != 0) {
		search_free(r.re);
		return rc;
	}
	if (nkeys == 0)
		rc = action_each_progress(&a, search_one, &r, &cause);
	else
		rc = action_each_named(&a, self->args.operands + 1, nkeys, search_one, &r, &cause);
	if (rc == 0)
		begin(&r);
	if (rc != 0) {
		cmd_fail(self, rc, cause);
	} else if (r.fmt == OUT_JSON) {
		ctrl_printf(stdout, "%s],\n  \"count\": %zu\n}\n", r.projects > 0 ? "\n  " : "", r.matches);
	} else if (r.fmt == OUT_TEXT && r.matches == 0) {
		ctrl_printf(stdout, _("Nothing matches \"%s\"."), pattern);
		putchar('\n');
	}
	if (rc == 0 && search_skipped(r.re) > 0)
		cmd_error(self, 0, P_("the pattern backtracks too much on %zu text, which was skipped: simplify it (e.g. no nested repeats like (a+)+)",
		    "the pattern backtracks too much on %zu texts, which were skipped: simplify it (e.g. no nested repeats like (a+)+)",
		    search_skipped(r.re)), search_skipped(r.re));
	search_free(r.re);
	/* As grep: 1 when nothing matched. */
	return rc != 0 ? rc : r.matches > 0 ? 0 : 1;
}

static const struct args_option search_options[] = {
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand search_operands[] = {
	{ NC_("placeholder", "PATTERN"), N_("a regular expression (PCRE2), matched without regard to case") },
	{ "P", N_("the projects to search, each a number or an exact name (default: every project)") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_search_entry = {
	"search", NULL, N_("PATTERN [P...] [--format text|tsv|json]"),
	N_("search the steps, guidance, questions and answers of projects"),
	search_options, search_operands, 1, -1, search, NULL
};
