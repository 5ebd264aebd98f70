/* SPDX-License-Identifier: EUPL-1.2 */
/* The content cache: a faithful round trip, used when valid, ignored
 * when stale, damaged or switched off. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "airejse/cache.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/expr.h"
#include "airejse/loader.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static char *home;

static void
setup(void)
{
	home = tu_tmpdir();
	setenv("HOME", home, 1);
	unsetenv("XDG_CACHE_HOME");
	unsetenv("AIREJSE_CACHE");
}

static void
teardown(void)
{
	tu_rmrf(home);
	free(home);
}

static struct content *
load_yaml(const char *dir)
{
	struct diags d = { 0 };
	struct content *c = NULL;

	ck_assert_int_eq(loader_load(dir, NULL, 0, &d, &c), 0);
	diag_free(&d);
	return c;
}

static struct content *
load_cached(const char *dir)
{
	struct diags d = { 0 };
	struct content *c = NULL;
	int rc = cache_load(dir, &d, &c);

	if (rc != 0)
		diag_print(&d, stderr);
	ck_assert_int_eq(rc, 0);
	diag_free(&d);
	return c;
}

static void
put_question(void *arg, const struct question *q)
{
	fprintf(arg, " %s", q->id);
}

/* A condition as text, with the questions it is bound to (by pointer:
 * a tree read back from the cache keeps them by index). */
static void
put_cond(FILE *f, const char *what, const struct cond *c)
{
	char *s = c->expr ? expr_to_string(c->expr) : NULL;

	fprintf(f, "  %s %s [", what, s ? s : "-");
	expr_questions(c->expr, put_question, f);
	fprintf(f, " ]\n");
	free(s);
}

/* Everything the program uses, as text, to compare two loads. */
static char *
describe(const struct content *c)
{
	FILE *f;
	char *buf = NULL;
	size_t len = 0, t, p, s, q, i;

	f = open_memstream(&buf, &len);
	for (t = 0; t < c->ntracks; t++) {
		const struct track *tr = c->tracks[t];

		fprintf(f, "track %s %s %s %d\n", tr->id, text_in(&tr->title, LANG_DA),
		    text_in(&tr->title, LANG_EN), tr->order);
		for (p = 0; p < tr->nphases; p++)
			for (s = 0; s < tr->phases[p].nsteps; s++) {
				const struct step *st = &tr->phases[p].steps[s];
				char *w = st->when.expr ? expr_to_string(st->when.expr) : xstrdup("-");
				char *r = st->requires.expr ? expr_to_string(st->requires.expr) :
				    xstrdup("-");

				/* Not where it was in the YAML: the cache leaves
				 * that out (see no_positions_in_the_cache). */
				fprintf(f, " step %s %zu %s %s %s %d %zu %zu %zu %s\n", st->id,
				    st->index, st->owner->id, st->group ? st->group->id : "-",
				    text_in(&st->guidance, LANG_EN), st->basis, st->nneeds,
				    st->nterms, st->nquestions, w);
				fprintf(f, "  requires %s %d %s / %s\n", r, st->requires.exact,
				    text_in(&st->requires_text, LANG_DA),
				    text_in(&st->requires_text, LANG_EN));
				for (q = 0; q < st->nquestions; q++)
					fprintf(f, "  q %s\n", st->questions[q]->id);
				put_cond(f, "when", &st->when);
				put_cond(f, "requires-bound", &st->requires);
				free(w);
				free(r);
			}
	}
	for (q = 0; q < c->nquestions; q++) {
		const struct question *qu = c->questions[q];
		char *w = qu->when.expr ? expr_to_string(qu->when.expr) : xstrdup("-");

		fprintf(f, "question %s %d %s %zu %d%d %g %g %d %zu %d %s %zu\n", qu->id, qu->type,
		    text_in(&qu->prompt, LANG_DA), qu->noptions, qu->has_min, qu->has_max,
		    qu->min, qu->max, (int)qu->unit, qu->maxlen, qu->bank, w, qu->legal.n);
		for (i = 0; i < qu->noptions; i++)
			fprintf(f, "  option %s %s\n", qu->options[i].id,
			    text_in(&qu->options[i].label, LANG_EN));
		free(w);
	}
	for (i = 0; i < c->nroles; i++)
		fprintf(f, "role %s %s\n", c->roles[i]->id, text_in(&c->roles[i]->receives, LANG_EN));
	for (i = 0; i < c->nhandoffs; i++) {
		char *w = expr_to_string(c->handoffs[i]->when.expr);

		fprintf(f, "handoff %s %s %s %zu\n", c->handoffs[i]->id, c->handoffs[i]->role->id,
		    w, c->handoffs[i]->nquestions);
		free(w);
	}
	for (i = 0; i < c->nglossary; i++)
		fprintf(f, "term %s %zu\n", c->glossary[i]->id, c->glossary[i]->see.n);
	for (i = 0; i < c->ndates; i++)
		fprintf(f, "date %s %s %s\n", c->dates[i]->id, c->dates[i]->date, c->dates[i]->checked);
	for (i = 0; i < c->nchecklists; i++) {
		const struct checklist *cl = c->checklists[i];

		fprintf(f, "checklist %s %d %zu %zu %zu\n", cl->id, cl->layout, cl->nsections,
		    cl->nitems, cl->ndates);
		for (s = 0; s < cl->nsections; s++)
			for (q = 0; q < cl->sections[s].nitems; q++) {
				const struct citem *it = &cl->sections[s].items[q];

				fprintf(f, " item %s %zu %zu %zu %d %s\n", it->id, it->nquestions,
				    it->nsteps, it->nnotes, it->basis, it->owner ? it->owner->id : "-");
				put_cond(f, "when", &it->when);
				put_cond(f, "done", &it->done);
				put_cond(f, "blocked", &it->blocked);
				for (p = 0; p < it->nnotes; p++)
					put_cond(f, "note", &it->notes[p].when);
			}
	}
	fprintf(f, "packet %zu\n", c->packet ? c->packet->ncontext : 0);
	fclose(f);
	return buf;
}

START_TEST(round_trip_of_the_shipped_content)
{
	struct content *a = load_yaml(tu_srcdir()), *b = NULL;
	char *bytes = NULL, *again = NULL, *da, *db;
	size_t len = 0, len2 = 0;

	ck_assert_int_eq(cache_encode(a, &bytes, &len), 0);
	ck_assert_int_eq(cache_decode(tu_srcdir(), bytes, len, &b), 0);
	ck_assert_int_eq(cache_encode(b, &again, &len2), 0);
	ck_assert_uint_eq(len, len2);
	ck_assert(memcmp(bytes, again, len) == 0);
	da = describe(a);
	db = describe(b);
	ck_assert_str_eq(da, db);
	/* The shipped content has every kind of field, 'requires' too. */
	ck_assert_ptr_nonnull(strstr(da, "  requires (aftale_foer_validering == ja) "));
	ck_assert_ptr_nonnull(strstr(db, " / a written agreement"));
	/* Bound to the same questions and options. */
	ck_assert_ptr_nonnull(strstr(db, "  requires-bound (aftale_foer_validering == ja) [ aftale_foer_validering ]"));
	ck_assert_ptr_nonnull(strstr(db, "  done "));
	/* Every prefix is refused, never read past its end. */
	for (size_t cut = 0; cut < len; cut += len / 97 + 1) {
		struct content *c = NULL;

		ck_assert_int_eq(cache_decode(tu_srcdir(), bytes, cut, &c), -1);
		ck_assert_ptr_null(c);
	}
	free(da);
	free(db);
	free(bytes);
	free(again);
	content_free(a);
	content_free(b);
}
END_TEST

/* A track of one step, whose questions follow. */
#define ONE_STEP \
    "roles:\n" \
    "  - {id: r, name: {da: R, en: R}, description: {da: R, en: R}, receives: {da: R, en: R}}\n" \
    "track:\n" \
    "  id: t\n" \
    "  title: {da: Spor, en: Track}\n" \
    "  summary: {da: S, en: S}\n" \
    "  source: s\n" \
    "  phases:\n" \
    "    - id: p\n" \
    "      title: {da: P, en: P}\n" \
    "      steps:\n" \
    "        - id: s\n" \
    "          title: {da: Trin, en: Step}\n" \
    "          owner: r\n" \
    "          source: s\n" \
    "          basis: practice\n" \
    "          guidance: {da: G, en: G}\n" \
    "          questions:\n"

static const char small[] =
    ONE_STEP
    "            - {id: q, type: yesno, prompt: {da: Q, en: Q}}\n";

/* Rewrites path with text of the same length, keeping its times. */
static void
rewrite_keep_times(const char *path, const char *text)
{
	struct stat sb;
	struct timespec ts[2];
	FILE *f;

	ck_assert_int_eq(stat(path, &sb), 0);
	f = fopen(path, "r+");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ts[0] = sb.st_atim;
	ts[1] = sb.st_mtim;
	ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
}

/* Conditions of every form the language has, as hand-off rules. */
static const char forms[] =
    ONE_STEP
    "            - {id: ce, type: yesno, prompt: {da: Q, en: Q}}\n"
    "            - {id: vaerdi, type: amount, prompt: {da: Q, en: Q}}\n"
    "            - {id: antal, type: number, prompt: {da: Q, en: Q}}\n"
    "            - {id: dato, type: date, prompt: {da: Q, en: Q}}\n"
    "            - {id: navn, type: text, prompt: {da: Q, en: Q}}\n"
    "            - id: klasse\n"
    "              type: choice\n"
    "              prompt: {da: Q, en: Q}\n"
    "              options:\n"
    "                - {id: i, label: {da: I, en: I}}\n"
    "                - {id: iia, label: {da: IIa, en: IIa}}\n"
    "            - id: data\n"
    "              type: multi\n"
    "              prompt: {da: Q, en: Q}\n"
    "              options:\n"
    "                - {id: cpr, label: {da: CPR, en: CPR}}\n"
    "                - {id: billeder, label: {da: Billeder, en: Images}}\n"
    "handoffs:\n";

static const char *const form_conds[] = {
	"ce", "nej == ce", "not ce", "vaerdi > udbudsgraense", "udbudsgraense <= vaerdi",
	"antal >= 3 and antal < 10", "dato >= '2027-08-02'", "navn == 'Ærø'",
	"klasse == iia", "'i' == klasse", "data includes cpr", "answered(navn)",
	"unknown(ce) or track(t)", "(ce or not answered(dato)) and klasse != i",
	"antal >= vaerdi",
};

/* A project with some answers, to evaluate the conditions in. */
static enum answer_kind
form_answer(void *arg, const struct question *q, const char **value)
{
	static const char *const answers[][2] = {
		{ "ce", "nej" }, { "vaerdi", "2000000" }, { "antal", "4" },
		{ "dato", "2027-09-01" }, { "navn", "Ærø" }, { "klasse", "iia" },
		{ "data", "billeder,cpr" },
	};
	size_t i;

	(void)arg;
	for (i = 0; i < sizeof(answers) / sizeof(answers[0]); i++)
		if (strcmp(answers[i][0], q->id) == 0) {
			*value = answers[i][1];
			return ANSWER_VALUE;
		}
	return ANSWER_NONE;
}

static double
form_setting(void *arg, int setting)
{
	(void)arg;
	(void)setting;
	return 1500000;
}

static bool
form_track(void *arg, const char *track)
{
	(void)arg;
	return strcmp(track, "t") == 0;
}

/* Where each thing was in the YAML is left out of the cache: only the
 * linker reports it, and content read back that does not link is read
 * from the YAML again. The cache is smaller for it. */
START_TEST(no_positions_in_the_cache)
{
	struct content *a = load_yaml(tu_srcdir()), *b = NULL;
	const struct step *sa, *sb;
	char *bytes = NULL;
	size_t len = 0;

	ck_assert_int_eq(cache_encode(a, &bytes, &len), 0);
	ck_assert_int_eq(cache_decode(tu_srcdir(), bytes, len, &b), 0);
	sa = &a->tracks[0]->phases[0].steps[0];
	sb = &b->tracks[0]->phases[0].steps[0];
	ck_assert_str_eq(sa->id, sb->id);
	ck_assert_ptr_nonnull(strstr(sa->pos.file, "journeys/"));
	ck_assert_int_gt(sa->pos.line, 0);
	ck_assert_str_eq(sb->pos.file, "");
	ck_assert_int_eq(sb->pos.line, 0);
	ck_assert_str_eq(b->questions[0]->pos.file, "");
	ck_assert_str_eq(sb->owner_ref.pos.file, "");
	content_free(a);
	content_free(b);
	free(bytes);
}
END_TEST

/* Replaces from, a whole string of the n bytes at p that is there once,
 * with to (as long). */
static void
replace_once(char *p, size_t n, const char *from, const char *to)
{
	size_t k = strlen(from) + 1;
	char *at = memmem(p, n, from, k);

	ck_assert_ptr_nonnull(at);
	ck_assert_ptr_null(memmem(at + 1, n - (size_t)(at + 1 - p), from, k));
	ck_assert_uint_eq(strlen(from), strlen(to));
	memcpy(at, to, strlen(to));
}

/* Content read from the cache is linked and checked as content read
 * from YAML: what the linker refuses in YAML is refused in a cache too,
 * the checks that cannot fail for content we wrote ourselves included
 * (a duplicate id, a question whose applicability depends on itself). */
START_TEST(read_back_content_is_checked_as_yaml_is)
{
	static const char text[] =
	    ONE_STEP
	    "            - {id: xa, type: yesno, prompt: {da: Q, en: Q}, when: yb}\n"
	    "            - {id: yb, type: yesno, prompt: {da: Q, en: Q}, when: zc == ja}\n"
	    "            - {id: zc, type: yesno, prompt: {da: Q, en: Q}}\n"
	    "glossary:\n"
	    "  - {id: ga, term: {da: Alfa, en: Alpha}, definition: {da: D, en: D}}\n"
	    "  - {id: gb, term: {da: Beta, en: Beta}, definition: {da: D, en: D}}\n";
	char *dir = xasprintf("%s/checked", home), *bytes = NULL, *bad;
	struct content *a, *b = NULL;
	size_t len = 0;

	free(tu_write(dir, "journeys/checked.yaml", text));
	a = load_yaml(dir);
	ck_assert_int_eq(cache_encode(a, &bytes, &len), 0);
	ck_assert_int_eq(cache_decode(dir, bytes, len, &b), 0);
	content_free(b);
	/* The second entry's id made the first's: a duplicate. */
	bad = xmalloc(len);
	memcpy(bad, bytes, len);
	replace_once(bad, len, "gb", "ga");
	ck_assert_int_eq(cache_decode(dir, bad, len, &b), -1);
	ck_assert_ptr_null(b);
	/* yb asked only when xa is yes, and xa only when yb is. */
	memcpy(bad, bytes, len);
	replace_once(bad, len, "zc == ja", "xa == ja");
	ck_assert_int_eq(cache_decode(dir, bad, len, &b), -1);
	free(bad);
	free(bytes);
	content_free(a);
	free(dir);
}
END_TEST

/* A cache file whose build key is key and whose body is body. */
static void
write_cache(const char *path, const struct cache_header *like, uint64_t build,
    const char *body, size_t len)
{
	struct cache_header h = *like;
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	h.build = build;
	h.len = len;
	h.sum = XXH3_64bits(body, len);
	ck_assert_uint_eq(fwrite(&h, sizeof(h), 1, f), 1);
	ck_assert_uint_eq(fwrite(body, 1, len, f), len);
	fclose(f);
}

/* Issue 13: a program whose content model changed (a question type
 * added before date, say) must never read a cache an older program
 * wrote, where the numbers meant other things. A cache is read only by
 * the build that wrote it: one written under another build key is
 * refused and written anew, however valid it is otherwise. */
START_TEST(another_build_never_reads_the_cache)
{
	char *dir = xasprintf("%s/content", home), *path, *file, *body;
	struct cache_header h;
	struct content *c;
	size_t len;

	free(tu_write(dir, "journeys/small.yaml", small));
	path = cache_path(dir);
	content_free(load_cached(dir));
	file = tu_read(path);
	memcpy(&h, file, sizeof(h));
	ck_assert_uint_eq(h.build, cache_build_key());
	ck_assert_uint_ne(cache_build_key(), 0);
	len = (size_t)h.len;
	body = xmalloc(len);
	memcpy(body, file + sizeof(h), len);
	/* What an older program would have written, whose question types
	 * were numbered otherwise: the yes/no question q (its id, then its
	 * type) read as a date by this one; and another title. */
	{
		const unsigned char q[] = { 1, 0, 0, 0, 'q', 0, Q_YESNO, 0, 0, 0 };
		unsigned char *at = memmem(body, len, q, sizeof(q));

		ck_assert_ptr_nonnull(at);
		at[6] = Q_DATE;
	}
	replace_once(body, len, "Spor", "Sxor");
	/* Written by this build, it is believed: the test can fail. */
	write_cache(path, &h, cache_build_key(), body, len);
	c = load_cached(dir);
	ck_assert_str_eq(text_in(&c->tracks[0]->title, LANG_DA), "Sxor");
	ck_assert_uint_eq(c->questions[0]->type, Q_DATE);
	content_free(c);
	/* Written by another build, it is not: the YAML is read, and the
	 * cache written anew by this build. */
	write_cache(path, &h, cache_build_key() ^ 1, body, len);
	c = load_cached(dir);
	ck_assert_str_eq(text_in(&c->tracks[0]->title, LANG_DA), "Spor");
	ck_assert_uint_eq(c->questions[0]->type, Q_YESNO);
	content_free(c);
	free(file);
	file = tu_read(path);
	memcpy(&h, file, sizeof(h));
	ck_assert_uint_eq(h.build, cache_build_key());
	ck_assert(memcmp(file + sizeof(h), body, len) != 0);
	free(body);
	free(file);
	free(path);
	free(dir);
}
END_TEST

START_TEST(every_condition_form_round_trips)
{
	struct expr_env env = { form_answer, form_setting, form_track, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct content *a, *b = NULL;
	char *dir = xasprintf("%s/forms", home), *bytes = NULL, *da, *db;
	size_t i, len = 0, ntrue = 0;

	sb_add(&sb, forms);
	for (i = 0; i < sizeof(form_conds) / sizeof(form_conds[0]); i++)
		sb_addf(&sb, "  - {id: h%02zu, role: r, when: \"%s\", questions: [ce],"
		    " reason: {da: R, en: R}}\n", i, form_conds[i]);
	free(tu_write(dir, "journeys/forms.yaml", sb_str(&sb)));
	a = load_yaml(dir);
	ck_assert_int_eq(cache_encode(a, &bytes, &len), 0);
	ck_assert_int_eq(cache_decode(dir, bytes, len, &b), 0);
	da = describe(a);
	db = describe(b);
	ck_assert_str_eq(da, db);
	ck_assert_uint_eq(b->nhandoffs, sizeof(form_conds) / sizeof(form_conds[0]));
	for (i = 0; i < b->nhandoffs; i++) {
		const struct expr *x = a->handoffs[i]->when.expr, *y = b->handoffs[i]->when.expr;
		char *sx = expr_to_string(x), *sy = expr_to_string(y);

		ck_assert_str_eq(sx, sy);
		ck_assert_int_eq(expr_eval(x, &env), expr_eval(y, &env));
		ntrue += expr_eval(y, &env);
		free(sx);
		free(sy);
	}
	/* Both outcomes occur, so the comparison above says something. */
	ck_assert_uint_gt(ntrue, 3);
	ck_assert_uint_lt(ntrue, b->nhandoffs - 3);
	free(da);
	free(db);
	free(bytes);
	sb_free(&sb);
	content_free(a);
	content_free(b);
	free(dir);
}
END_TEST

START_TEST(used_when_valid_ignored_when_stale)
{
	char *dir = xasprintf("%s/content", home), *yaml, *path, *mangled;
	struct content *c;
	struct stat sb;

	yaml = tu_write(dir, "journeys/small.yaml", small);
	path = cache_path(dir);
	c = load_cached(dir);
	content_free(c);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	/* Same size, same times, same inode: the cache answers, and the
	 * changed title proves it did. */
	mangled = xstrdup(small);
	memcpy(strstr(mangled, "Spor"), "Sxor", 4);
	rewrite_keep_times(yaml, mangled);
	c = load_cached(dir);
	ck_assert_str_eq(text_in(&c->tracks[0]->title, LANG_DA), "Spor");
	content_free(c);
	/* A new modification time: read again, and the cache follows. */
	free(tu_write(dir, "journeys/small.yaml", mangled));
	{
		struct timespec ts[2] = { { 0, UTIME_OMIT }, { 1000000000, 0 } };

		utimensat(AT_FDCWD, yaml, ts, 0);
	}
	c = load_cached(dir);
	ck_assert_str_eq(text_in(&c->tracks[0]->title, LANG_DA), "Sxor");
	content_free(c);
	c = load_cached(dir);
	ck_assert_str_eq(text_in(&c->tracks[0]->title, LANG_DA), "Sxor");
	content_free(c);
	/* A new file in the folder counts too. */
	free(tu_write(dir, "journeys/more.yaml",
	    "glossary:\n  - {id: g, term: {da: G, en: G}, definition: {da: D, en: D}}\n"));
	c = load_cached(dir);
	ck_assert_uint_eq(c->nglossary, 1);
	content_free(c);
	free(mangled);
	free(yaml);
	free(path);
	free(dir);
}
END_TEST

START_TEST(damaged_cache_ignored)
{
	char *dir = xasprintf("%s/content", home), *path, *bytes;
	struct content *c;
	struct stat sb;
	FILE *f;
	long i;

	free(tu_write(dir, "journeys/small.yaml", small));
	path = cache_path(dir);
	content_free(load_cached(dir));
	/* Flip bytes all through the cache: it is refused by its sum. */
	bytes = tu_read(path);
	ck_assert_int_eq(stat(path, &sb), 0);
	for (i = 64; i < sb.st_size; i += 7)
		bytes[i] ^= 0x5a;
	f = fopen(path, "w");
	fwrite(bytes, 1, (size_t)sb.st_size, f);
	fclose(f);
	c = load_cached(dir);
	ck_assert_str_eq(text_in(&c->tracks[0]->title, LANG_EN), "Track");
	content_free(c);
	/* It was written anew: the same size again, and read back fine. */
	ck_assert_int_eq(truncate(path, 10), 0);
	c = load_cached(dir);
	ck_assert_str_eq(text_in(&c->tracks[0]->title, LANG_EN), "Track");
	content_free(c);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_gt(sb.st_size, 10);
	free(bytes);
	free(path);
	free(dir);
}
END_TEST

START_TEST(switched_off)
{
	char *dir = xasprintf("%s/content", home), *path;

	free(tu_write(dir, "journeys/small.yaml", small));
	setenv("AIREJSE_CACHE", "off", 1);
	path = cache_path(dir);
	content_free(load_cached(dir));
	ck_assert_int_ne(access(path, F_OK), 0);
	unsetenv("AIREJSE_CACHE");
	/* No home, no cache: still loads. */
	unsetenv("HOME");
	ck_assert_ptr_null(cache_path(dir));
	content_free(load_cached(dir));
	setenv("HOME", home, 1);
	free(path);
	free(dir);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("cache");
	TCase *tc = tcase_create("cache");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, round_trip_of_the_shipped_content);
	tcase_add_test(tc, no_positions_in_the_cache);
	tcase_add_test(tc, read_back_content_is_checked_as_yaml_is);
	tcase_add_test(tc, another_build_never_reads_the_cache);
	tcase_add_test(tc, every_condition_form_round_trips);
	tcase_add_test(tc, used_when_valid_ignored_when_stale);
	tcase_add_test(tc, damaged_cache_ignored);
	tcase_add_test(tc, switched_off);
	suite_add_tcase(s, tc);
	return s;
}
