/* SPDX-License-Identifier: EUPL-1.2 */
/* The benchmark's figures that are measured inside one process, after
 * the content is loaded and the database opened (what those cost is the
 * time to the first screen, measured on its own):
 *
 *   inproc export DB PROJECT RUNS
 *	export --what all of one project in md, html, csv, json and xlsx,
 *	as the export dialog does it: the project loaded and its
 *	checklists derived (export_load), then written (export_write).
 *	Prints "FORMAT MEDIAN_US" per format and "all MEDIAN_US" for the
 *	five in a row. PDF is measured too, but not in "all", whose
 *	target was set for the five: it lays out every line with pango
 *	and costs ten times the five together. DOCX and ODT, which run
 *	pandoc (seconds), are left out.
 *   inproc search DB PATTERN RUNS
 *	the search of every project, as 'airejse search PATTERN' does it:
 *	the pattern compiled (search_compile), every project read in one
 *	walk through the store, one project held at a time
 *	(action_each_progress), and searched (search_project): its steps,
 *	guidance, questions that apply and their answers. Prints "search
 *	MEDIAN_US MATCHES PROJECTS" (the projects with a match).
 *
 * The content comes from AIREJSE_CONTENT. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "airejse/action.h"
#include "airejse/content.h"
#include "airejse/export.h"
#include "airejse/i18n.h"
#include "airejse/search.h"
#include "airejse/store.h"
#include "airejse/xalloc.h"
#include "support.h"

static long
usec(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000L + t.tv_nsec / 1000;
}

static int
cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static long
median(long *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
fail(const char *what, char *cause)
{
	fprintf(stderr, "inproc: %s: %s\n", what, cause ? cause : "failed");
	exit(1);
}

/* The formats of "all": named, for formats come and go. */
static bool
in_all(enum export_format f)
{
	return f == EXPORT_MD || f == EXPORT_HTML || f == EXPORT_CSV || f == EXPORT_JSON ||
	    f == EXPORT_XLSX;
}

static bool
measured(enum export_format f)
{
	return in_all(f) || f == EXPORT_PDF;
}

/* One export of project id in format f: its microseconds. */
static long
export_one(struct action *a, int64_t id, struct export_opts *o, enum export_format f)
{
	struct export_data *d = NULL;
	char *cause = NULL;
	long t0 = usec();
	FILE *out = fopen("/dev/null", "w");

	o->format = f;
	if (out == NULL || export_load(a, id, &d, &cause) != 0 ||
	    export_write(d, o, out, &cause) != 0)
		fail(export_format_name(f), cause);
	fclose(out);
	export_free(d);
	return usec() - t0;
}

/* One export of every format measured; t[f] gets each one's microseconds. */
static void
export_all(struct action *a, int64_t id, long *t)
{
	struct export_opts o;
	int f;

	memset(&o, 0, sizeof(o));
	o.lang = i18n_lang();
	if (export_parse_what(a->content, "all", &o.what) != 0)
		fail("export", NULL);
	for (f = 0; f < EXPORT__FORMATS; f++)
		if (measured((enum export_format)f))
			t[f] = export_one(a, id, &o, (enum export_format)f);
}

static void
bench_export(struct action *a, const char *project, int runs)
{
	long (*t)[EXPORT__FORMATS + 1] = xcalloc((size_t)runs, sizeof(*t));
	long col[1000];
	struct project *p = NULL;
	char *cause = NULL;
	int r, f;

	if (action_project_find(a, project, &p, &cause) != 0)
		fail(project, cause);
	export_all(a, p->id, t[0]);	/* warm */
	for (r = 0; r < runs; r++) {
		export_all(a, p->id, t[r]);
		for (f = 0; f < EXPORT__FORMATS; f++)
			if (in_all((enum export_format)f))
				t[r][EXPORT__FORMATS] += t[r][f];
	}
	for (f = 0; f <= EXPORT__FORMATS; f++) {
		if (f < EXPORT__FORMATS && !measured((enum export_format)f))
			continue;
		for (r = 0; r < runs; r++)
			col[r] = t[r][f];
		printf("%s %ld\n", f < EXPORT__FORMATS ? export_format_name((enum export_format)f) :
		    "all", median(col, runs));
	}
	project_free(p);
	free(t);
}

struct tally {
	struct search	*re;
	size_t		 matches, projects;
};

static int
search_one(const struct snapshot *s, void *arg)
{
	struct tally *t = arg;
	struct search_results res = { 0 };
	size_t n = search_project(t->re, s->progress, &res);

	t->matches += n;
	t->projects += n > 0;
	search_results_clear(&res);
	return 0;
}

static void
bench_search(struct action *a, const char *pattern, int runs)
{
	long *t = xcalloc((size_t)runs, sizeof(*t));
	struct tally tally;
	char *cause = NULL;
	int r;

	for (r = -1; r < runs; r++) {
		long t0 = usec();

		memset(&tally, 0, sizeof(tally));
		/* Compiled each time, as the command does it. */
		if (search_compile(pattern, &tally.re, NULL, &cause) != 0)
			fail(pattern, cause);
		if (action_each_progress(a, search_one, &tally, &cause) != 0)
			fail("search", cause);
		search_free(tally.re);
		if (r >= 0)
			t[r] = usec() - t0;
	}
	printf("search %ld %zu %zu\n", median(t, runs), tally.matches, tally.projects);
	free(t);
}

int
main(int argc, char **argv)
{
	struct bench b;
	int runs;

	if (argc != 5 || (runs = atoi(argv[4])) < 1 || runs > 1000 ||
	    (strcmp(argv[1], "export") != 0 && strcmp(argv[1], "search") != 0)) {
		fprintf(stderr, "usage: inproc export DB PROJECT RUNS | inproc search DB PATTERN RUNS\n");
		return 64;
	}
	i18n_init(LANG_DA, NULL, NULL);
	bench_open(&b, argv[2], STORE_READONLY);
	if (strcmp(argv[1], "export") == 0)
		bench_export(&b.act, argv[3], runs);
	else
		bench_search(&b.act, argv[3], runs);
	bench_close(&b);
	return 0;
}
