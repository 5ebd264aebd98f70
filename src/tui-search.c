/* Search: a regular expression (PCRE2, Unicode, ignoring case) over the
 * open project's steps, guidance, questions and answers; the matches are
 * listed and Enter shows the match in the journey. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/content.h"
#include "airejse/progress.h"
#include "airejse/tui-curses.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

struct match {
	const struct step	*step;
	const struct question	*q;	/* NULL: in the step's own texts */
	const char		*field;	/* N_() */
	char			*snippet;
	char			*full;	/* the whole text matched */
};

struct search {
	int64_t			 project;
	struct snapshot		*snap;
	char			*pattern;
	struct match		*v;
	size_t			 n, cap;
	struct tui_list		 list;
};

/* The text from a little before the match, on one line. */
static char *
snippet(const char *s, size_t at)
{
	size_t start = at, back = 0;
	char *out, *p;

	while (start > 0 && back < 24) {
		start = utf8_prev(s, start);
		back++;
	}
	/* Begin at a word. */
	if (start > 0) {
		const char *sp = memchr(s + start, ' ', at - start);

		if (sp != NULL)
			start = (size_t)(sp - s) + 1;
	}
	out = xstrdup(s + start);
	for (p = out; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	return out;
}

static void
try(struct search *se, pcre2_code *re, pcre2_match_data *md, const struct step *st,
    const struct question *q, const char *field, const char *text)
{
	size_t i;

	if (text == NULL || *text == '\0')
		return;
	if (pcre2_match(re, (PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL) < 0)
		return;
	/* A question of the bank is asked by several steps: list it once. */
	for (i = 0; i < se->n; i++)
		if (q != NULL && se->v[i].q == q && se->v[i].field == field)
			return;
	xgrow(&se->v, &se->cap, se->n + 1, sizeof(*se->v));
	se->v[se->n].step = st;
	se->v[se->n].q = q;
	se->v[se->n].field = field;
	se->v[se->n].snippet = snippet(text, pcre2_get_ovector_pointer(md)[0]);
	se->v[se->n].full = xstrdup(text);
	se->n++;
}

static void
clear_matches(struct search *se)
{
	size_t i;

	for (i = 0; i < se->n; i++) {
		free(se->v[i].snippet);
		free(se->v[i].full);
	}
	se->n = 0;
	se->list.sel = se->list.top = 0;
}

static void
run_search(struct search *se, pcre2_code *re)
{
	const struct progress *pr = se->snap->progress;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	size_t tr, k, i;

	clear_matches(se);
	for (tr = 0; tr < pr->ntracks; tr++) {
		const struct track *t = pr->tracks[tr].track;

		for (k = 0; k < t->nsteps; k++) {
			const struct step *st = track_step_at(t, k);

			try(se, re, md, st, NULL, N_("step"), text_get(&st->title));
			try(se, re, md, st, NULL, N_("guidance"), text_get(&st->guidance));
			try(se, re, md, st, NULL, N_("watch out"), text_get(&st->watch));
			try(se, re, md, st, NULL, N_("why"), text_get(&st->why));
			for (i = 0; i < st->nquestions; i++) {
				const struct question *q = st->questions[i];
				const char *v = NULL;
				char *shown = NULL;

				if (!progress_applies(pr, q))
					continue;
				try(se, re, md, st, q, N_("question"), text_get(&q->prompt));
				try(se, re, md, st, q, N_("help"), text_get(&q->help));
				if (progress_counts(pr, q, &v) == EXPR_VALUE)
					shown = value_format(q, v, i18n_lang());
				try(se, re, md, st, q, N_("answer"), shown);
				free(shown);
			}
		}
	}
	pcre2_match_data_free(md);
}

static bool
pattern_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct search *se = arg;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *re;
	int err;

	if (*text == '\0') {
		tui_error(t, _("type a word or a regular expression to search for"));
		return false;
	}
	re = pcre2_compile((PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF, &err, &off, NULL);
	if (re == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		tui_error(t, _("not a regular expression (at character %zu): %s"),
		    (size_t)off + 1, (const char *)msg);
		return false;
	}
	/* Compiled to machine code the matching is several times faster;
	 * where that is not possible it is interpreted as before. */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	free(se->pattern);
	se->pattern = xstrdup(text);
	run_search(se, re);
	pcre2_code_free(re);
	if (se->n == 0)
		tui_info(t, _("Nothing matches \"%s\"."), text);
	return true;
}

static void
ask_pattern(struct tui *t, struct search *se)
{
	tui_ask(t, DLG_LINE, _("Search"),
	    _("Search the steps, guidance, questions and answers for (a regular expression, e.g. jurist|GDPR):"),
	    se->pattern, pattern_submit, se);
}

static void *
search_open(struct tui *t, const void *arg)
{
	struct search *se = xcalloc(1, sizeof(*se));
	char *cause = NULL;

	se->project = *(const int64_t *)arg;
	if (action_snapshot(t->act, se->project, &se->snap, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		free(se);
		return NULL;
	}
	ask_pattern(t, se);
	return se;
}

static void
search_close(struct tui *t, void *state)
{
	struct search *se = state;

	clear_matches(se);
	free(se->v);
	free(se->pattern);
	snapshot_free(se->snap);
	free(se);
}

static void
search_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct search *se = state;
	const struct match *m;
	int r;
	size_t i;

	if (se->pattern)
		tui_set_title(t, P_("Search \"%s\": %zu match", "Search \"%s\": %zu matches", se->n),
		    se->pattern, se->n);
	else
		tui_set_title(t, _("Search"));
	if (se->n == 0) {
		tui_put(top + 1, 2, cols - 2, _("No matches. Press / to search again."), ST_DIM, false);
		return;
	}
	tui_list_fit(&se->list, se->n, rows / 2);
	for (r = 0, i = se->list.top; r < rows / 2 && i < se->n; r++, i++) {
		m = &se->v[i];
		char *s = xasprintf("%-9s %s", _(m->field), m->snippet);

		tui_put(top + r, 1, cols - 1, s, i == se->list.sel ? ST_SELECTED : ST_NORMAL,
		    i == se->list.sel);
		if (i == se->list.sel)
			tui_cursor(t, top + r, 0);
		free(s);
	}
	/* Where the match under the cursor is, and all of its text. */
	m = &se->v[se->list.sel];
	tui_clear(top + rows / 2, 0, cols, ST_DIM);
	tui_put(top + rows / 2 + 1, 1, cols - 2, text_get(&m->step->title), ST_HEADING, false);
	tui_wrap(top + rows / 2 + 2, 1, cols - 2, rows - rows / 2 - 2, 0, m->full, ST_NORMAL);
}

static bool
search_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct search *se = state;
	const struct match *m;

	if (req == REQ_SEARCH) {
		ask_pattern(t, se);
		return true;
	}
	if (req == REQ_ENTER && se->n > 0) {
		m = &se->v[se->list.sel];
		/* Show it in the journey below, or open one. */
		if (t->depth >= 2 && t->stack[t->depth - 2].ops == &tui_journey_ops) {
			void *j = t->stack[t->depth - 2].state;
			const struct step *st = m->step;
			const char *q = m->q ? m->q->id : NULL;

			tui_pop(t);
			tui_journey_goto(t, j, st, q);
		} else {
			struct tui_journey_arg ja = { se->project, m->step->id,
			    m->step->track->id, m->q ? m->q->id : NULL };

			tui_push(t, &tui_journey_ops, &ja);
		}
		return true;
	}
	return tui_list_key(&se->list, req, se->n, (t->rows - 3) / 2);
}

static const struct tui_binding search_keys[] = {
	{ REQ_ENTER, { '\r', '\n', FK(KEY_ENTER) }, N_("Show"), N_("show the match in the journey") },
	{ REQ_SEARCH, { '/' }, N_("Search again"), N_("search for something else") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_search_ops = {
	"search", N_("Search"), search_keys, search_open, search_draw, search_key,
	NULL, search_close
};
