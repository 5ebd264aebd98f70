/* SPDX-License-Identifier: EUPL-1.2 */
/* Search: the pattern compiled once, each text of the content matched at
 * most once per language (its outcome kept in a slot of its own), and
 * per project only what differs: which questions apply, and the answers. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/content.h"
#include "airejse/progress.h"
#include "airejse/hash.h"
#include "airejse/search.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

/* The step's own texts, in the order they are listed. */
#define STEP_TEXTS 4
/* How many characters a snippet shows before the match. */
#define SNIPPET_BACK 24

/* What one text gave. */
struct hit {
	bool		 known;
	bool		 found;
	const char	*text;		/* the text, once known */
	size_t		 start, end;
	char		*snippet;
};

/* An answer's value as shown, and what it gave. */
struct shown {
	size_t		 question;	/* its index in the content */
	char		*value;		/* canonical; NULL: a free slot */
	struct hit	 hit;		/* of the value as value_format shows it */
};

struct search {
	char			*pattern;
	pcre2_code		*re;
	pcre2_match_data	*md;
	/* Bounds the work of one match, so that a pattern that backtracks
	 * without end gives up on a text instead of hanging the search. */
	pcre2_match_context	*mc;
	size_t			 skipped;	/* texts given up on */
	/* The content and language the hits below are for. */
	const struct content	*content;
	enum lang		 lang;
	size_t			*step_base;	/* per content track: its first step's slot */
	struct hit		*steps;		/* STEP_TEXTS per step */
	struct hit		*questions;	/* prompt and help per question */
	/* The answers that repeat from project to project (repeats()),
	 * each formatted and matched once: a hash table. */
	struct shown		*shown;
	size_t			 nshown, shown_cap;
	/* The question bank: when a question was last listed (stamp). */
	unsigned		*listed;
	unsigned		 stamp;
};

static const char *const field_names[SEARCH__FIELDS] = {
	"step", "guidance", "watch", "why", "question", "help", "answer"
};

/* L10N: where a search found its match: the step's title, its guidance,
 * what to watch out for, why it matters, a question, its help, an answer. */
static const char *const field_labels[SEARCH__FIELDS] = {
	N_("step"), N_("guidance"), N_("watch out"), N_("why"), N_("question"),
	N_("help"), N_("answer")
};

const char *
search_field_name(enum search_field f)
{
	return f < SEARCH__FIELDS ? field_names[f] : field_names[0];
}

const char *
search_field_label(enum search_field f)
{
	return _(f < SEARCH__FIELDS ? field_labels[f] : field_labels[0]);
}

int
search_compile(const char *pattern, struct search **out, size_t *column, char **cause)
{
	struct search *se;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *re;
	int err;

	*out = NULL;
	if (column != NULL)
		*column = 0;
	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF, &err, &off, NULL);
	if (re == NULL) {
		/* PCRE2 gives a byte offset; people count characters. */
		char *before = xstrndup(pattern, off);
		size_t col = utf8_nchars(before) + 1;

		free(before);
		pcre2_get_error_message(err, msg, sizeof(msg));
		*cause = xasprintf(_("not a regular expression (at character %zu): %s"), col,
		    (const char *)msg);
		if (column != NULL)
			*column = col;
		return EX_DATAERR;
	}
	/* Compiled to machine code the matching is several times faster;
	 * where that is not possible it is interpreted. */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	se = xcalloc(1, sizeof(*se));
	se->pattern = xstrdup(pattern);
	se->re = re;
	se->md = pcre2_match_data_create_from_pattern(re, NULL);
	se->mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(se->mc, SEARCH_MATCH_LIMIT);
	pcre2_set_depth_limit(se->mc, SEARCH_MATCH_LIMIT / 10);
	*out = se;
	return 0;
}

size_t
search_skipped(const struct search *se)
{
	return se->skipped;
}

static void
forget(struct search *se)
{
	size_t i, n;

	if (se->content != NULL) {
		n = se->step_base[se->content->ntracks] * STEP_TEXTS;
		for (i = 0; i < n; i++)
			free(se->steps[i].snippet);
		for (i = 0; i < se->content->nquestions * 2; i++)
			free(se->questions[i].snippet);
		for (i = 0; i < se->shown_cap; i++) {
			free(se->shown[i].value);
			free((char *)se->shown[i].hit.text);
			free(se->shown[i].hit.snippet);
		}
	}
	xfree(se->shown);
	se->nshown = se->shown_cap = 0;
	xfree(se->step_base);
	xfree(se->steps);
	xfree(se->questions);
	xfree(se->listed);
	se->content = NULL;
}

/* Makes room for the hits of content c in the current language. */
static void
prepare(struct search *se, const struct content *c)
{
	size_t i;

	if (se->content == c && se->lang == i18n_lang())
		return;
	forget(se);
	se->content = c;
	se->lang = i18n_lang();
	se->step_base = xcalloc(c->ntracks + 1, sizeof(*se->step_base));
	for (i = 0; i < c->ntracks; i++)
		se->step_base[i + 1] = se->step_base[i] + c->tracks[i]->nsteps;
	se->steps = xcalloc(se->step_base[c->ntracks] * STEP_TEXTS + 1, sizeof(*se->steps));
	se->questions = xcalloc(c->nquestions * 2 + 1, sizeof(*se->questions));
	se->listed = xcalloc(c->nquestions + 1, sizeof(*se->listed));
	se->stamp = 0;
}

void
search_free(struct search *se)
{
	if (se == NULL)
		return;
	forget(se);
	pcre2_match_data_free(se->md);
	pcre2_match_context_free(se->mc);
	pcre2_code_free(se->re);
	free(se->pattern);
	free(se);
}

const char *
search_pattern(const struct search *se)
{
	return se->pattern;
}

/* The text from a little before the match (SNIPPET_BACK characters,
 * but from the start of a word) to its end, on one line. Caller frees. */
static char *
snippet(const char *s, size_t at)
{
	size_t start = at, back;
	char *out, *c;

	/* Back by code points: a cluster is found only going forward, from
	 * the start of the text, and a snippet begins at a word anyway. */
	for (back = 0; start > 0 && back < SNIPPET_BACK; back++)
		while (--start > 0 && ((unsigned char)s[start] & 0xc0) == 0x80)
			;
	/* Begin at a word. */
	if (start > 0) {
		const char *sp = memchr(s + start, ' ', at - start);

		if (sp != NULL)
			start = (size_t)(sp - s) + 1;
	}
	out = xstrdup(s + start);
	for (c = out; (c = strpbrk(c, "\n\t\r")) != NULL; c++)
		*c = ' ';
	return out;
}

/* Whether text matches; *start and *end get the first match. */
static bool
match(struct search *se, const char *text, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov;
	int rc;

	if (text == NULL || *text == '\0')
		return false;
	rc = pcre2_match(se->re, (PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED, 0, 0, se->md, se->mc);
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		se->skipped++;
	if (rc < 0)
		return false;
	ov = pcre2_get_ovector_pointer(se->md);
	*start = ov[0];
	/* \K can set the start after the end. */
	*end = ov[1] > ov[0] ? ov[1] : ov[0];
	return true;
}

static void
add(struct search_results *res, const struct step *st, const struct question *q,
    enum search_field f, const char *text, size_t start, size_t end, const char *snip)
{
	xgrow(&res->v, &res->cap, res->n + 1, sizeof(*res->v));
	res->v[res->n++] = (struct search_match){ st, q, f, text, start, end, snip };
}

static void
own(struct search_results *res, char *s)
{
	xgrow(&res->owned, &res->owned_cap, res->nowned + 1, sizeof(*res->owned));
	res->owned[res->nowned++] = s;
}

/* Matches s, and remembers what it gave. */
static void
remember(struct search *se, struct hit *h, const char *s)
{
	h->known = true;
	h->text = s;
	if ((h->found = match(se, s, &h->start, &h->end)))
		h->snippet = snippet(s, h->start);
}

/* A text of the content, matched the first time. */
static void
try_text(struct search *se, struct search_results *res, struct hit *h,
    const struct step *st, const struct question *q, enum search_field f,
    const struct text *t)
{
	if (!h->known)
		remember(se, h, text_get(t));
	if (h->found)
		add(res, st, q, f, h->text, h->start, h->end, h->snippet);
}

static size_t
hash(size_t question, const char *value)
{
	uint64_t h = hash_str(hash_bytes(HASH_INIT, &question, sizeof(question)), value);

	return (size_t)(h ^ (h >> 29));
}

/* The slot of value in the table, empty if it is not there. */
static struct shown *
shown_slot(struct shown *v, size_t cap, size_t question, const char *value)
{
	size_t i = hash(question, value) & (cap - 1);

	while (v[i].value != NULL &&
	    (v[i].question != question || strcmp(v[i].value, value) != 0))
		i = (i + 1) & (cap - 1);
	return &v[i];
}

/* Answer value of q as shown, and what it gave: formatted and matched
 * the first time the value is seen. */
static const struct shown *
shown_of(struct search *se, const struct question *q, const char *value)
{
	struct shown *sh;
	size_t i;

	if ((se->nshown + 1) * 2 > se->shown_cap) {
		struct shown *old = se->shown;
		size_t cap = se->shown_cap;

		se->shown_cap = cap ? cap * 2 : 256;
		se->shown = xcalloc(se->shown_cap, sizeof(*se->shown));
		for (i = 0; i < cap; i++)
			if (old[i].value != NULL)
				*shown_slot(se->shown, se->shown_cap, old[i].question, old[i].value) = old[i];
		free(old);
	}
	sh = shown_slot(se->shown, se->shown_cap, q->index, value);
	if (sh->value == NULL) {
		sh->question = q->index;
		sh->value = xstrdup(value);
		remember(se, &sh->hit, value_format(q, value, se->lang));
		se->nshown++;
	}
	return sh;
}

/* Whether the answers to q come from a few values that repeat from
 * project to project (free text, numbers and dates rarely do). */
static bool
repeats(const struct question *q)
{
	return q->type == Q_YESNO || q->type == Q_CHOICE || q->type == Q_MULTI;
}

/* A question that applies, and its answer, at step st. */
static void
try_question(struct search *se, const struct progress *pr, struct search_results *res,
    const struct step *st, const struct question *q)
{
	struct hit *h = &se->questions[q->index * 2];
	const struct shown *sh;
	const char *value = NULL;
	size_t start, end;
	char *shown;

	try_text(se, res, &h[0], st, q, SEARCH_QUESTION, &q->prompt);
	try_text(se, res, &h[1], st, q, SEARCH_HELP, &q->help);
	if (progress_counts(pr, q, &value) != ANSWER_VALUE || value == NULL)
		return;
	if (repeats(q)) {
		sh = shown_of(se, q, value);
		if (sh->hit.found)
			add(res, st, q, SEARCH_ANSWER, sh->hit.text, sh->hit.start, sh->hit.end,
			    sh->hit.snippet);
		return;
	}
	shown = value_format(q, value, se->lang);
	if (!match(se, shown, &start, &end)) {
		free(shown);
		return;
	}
	own(res, shown);
	own(res, snippet(shown, start));
	add(res, st, q, SEARCH_ANSWER, shown, start, end, res->owned[res->nowned - 1]);
}

/* The first slot of track t's steps, or NULL if c lacks it. */
static struct hit *
track_hits(struct search *se, const struct content *c, const struct track *t)
{
	size_t i;

	for (i = 0; i < c->ntracks; i++)
		if (c->tracks[i] == t)
			return &se->steps[se->step_base[i] * STEP_TEXTS];
	return NULL;
}

size_t
search_project(struct search *se, const struct progress *pr, struct search_results *res)
{
	const struct content *c = pr->content;
	size_t before = res->n, t, p, k, i;

	prepare(se, c);
	/* A new stamp per project; at the wrap-around, the old ones go. */
	if (++se->stamp == 0) {
		memset(se->listed, 0, c->nquestions * sizeof(*se->listed));
		se->stamp = 1;
	}
	for (t = 0; t < pr->ntracks; t++) {
		const struct track *tr = pr->tracks[t].track;
		struct hit *h = track_hits(se, c, tr);

		for (p = 0; h != NULL && p < tr->nphases; p++) {
			for (k = 0; k < tr->phases[p].nsteps; k++, h += STEP_TEXTS) {
				const struct step *st = &tr->phases[p].steps[k];

				try_text(se, res, &h[0], st, NULL, SEARCH_STEP, &st->title);
				try_text(se, res, &h[1], st, NULL, SEARCH_GUIDANCE, &st->guidance);
				try_text(se, res, &h[2], st, NULL, SEARCH_WATCH, &st->watch);
				try_text(se, res, &h[3], st, NULL, SEARCH_WHY, &st->why);
				for (i = 0; i < st->nquestions; i++) {
					const struct question *q = st->questions[i];

					/* Listed once, at the first step that asks it. */
					if (q->index >= c->nquestions || c->questions[q->index] != q ||
					    se->listed[q->index] == se->stamp)
						continue;
					se->listed[q->index] = se->stamp;
					if (progress_applies(pr, q))
						try_question(se, pr, res, st, q);
				}
			}
		}
	}
	return res->n - before;
}

void
search_results_clear(struct search_results *res)
{
	size_t i;

	for (i = 0; i < res->nowned; i++)
		free(res->owned[i]);
	xfree(res->owned);
	xfree(res->v);
	res->n = res->cap = res->nowned = res->owned_cap = 0;
}
