/* SPDX-License-Identifier: EUPL-1.2 */
/* The journey: the phases and steps of one of the project's tracks as a
 * map (status and owner of each step), beside the chosen step's guidance
 * and questions; a line at the top says what to do next. Answers are
 * saved through the action layer, each with the revision it was based
 * on; a conflict shows both values and lets the user choose. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/audit.h"
#include "airejse/app.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/handoff.h"
#include "airejse/legal.h"
#include "airejse/progress.h"
#include "airejse/review.h"
#include "airejse/strbuf.h"
#include "airejse/tui-curses.h"
#include "airejse/tui-list.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

/* Side by side from this width; one pane at a time below it. */
#define TWO_PANES 70

enum pane {
	PANE_MAP,
	PANE_STEP
};

/* A block of the step pane, one item of its list: a paragraph, or a
 * question with its answer below it. */
struct block {
	char		*text;
	enum tui_style	 st;
	char		*answer;	/* a question's; NULL for a paragraph */
	enum tui_style	 ast;
	long		 q;		/* the question, or -1 */
	int		 h, ah;		/* rows of text and of answer */
};

struct journey {
	int64_t			 id;
	struct snapshot		*snap;
	size_t			 track;		/* in snap->progress->tracks */
	size_t			 step;		/* in the track, over all phases */
	enum pane		 pane;
	/* The map: a phase (its index + 1, negated), a step index or a
	 * sign-off row (MAP_SIGNOFF); then the legend. */
	long			*mrows;
	size_t			 nmap;		/* phases, steps and sign-offs */
	struct tui_list		 map;
	int			 map_w;		/* its width, as last drawn */
	const struct question	**qs;		/* the step's questions that apply */
	size_t			 nq;
	size_t			 q;		/* the selected one */
	/* The step pane, laid out at width pane_w. */
	struct block		*blocks;
	size_t			 nblocks, bcap;
	struct tui_list		 detail;
	int			 pane_w;
	bool			 show_q;	/* bring the question into view */
	char			*want_q;	/* select this question after a reload */
	/* Each role's sign-off, a line each below the map (review.h). */
	char			**signoffs;
	size_t			 nsignoffs;
	size_t			 map_signoffs;	/* as many when the map was built */
};

/* The map's rows below the steps: the sign-offs' heading, then a line
 * per role (MAP_SIGNOFF - 1 - k). */
#define MAP_SIGNOFF (-1000000L)

static void free_blocks(struct journey *j);

static const struct track_progress *
cur_track(const struct journey *j)
{
	return &j->snap->progress->tracks[j->track];
}

static const struct step_progress *
cur_step(const struct journey *j)
{
	return &cur_track(j)->steps[j->step];
}

/* The legend below the map: a blank row, then each mark a step can
 * have, as the map shows them (in the order of the rule). */
static const enum step_mark legend[] = {
	MARK_DONE, MARK_IN_PROGRESS, MARK_HANDOFF, MARK_EARLIER, MARK_NOT_STARTED
};
#define NLEGEND (sizeof(legend) / sizeof(legend[0]))

static bool
map_selectable(void *arg, size_t i)
{
	const struct journey *j = arg;

	return i < j->nmap && j->mrows[i] >= 0;
}

static int map_item_rows(void *arg, size_t i);

/* The map's items for the current track. */
static void
map_build(struct journey *j)
{
	const struct track *tr = cur_track(j)->track;
	size_t n = 0, p, s;

	free(j->mrows);
	j->mrows = xcalloc(tr->nphases + tr->nsteps + j->nsignoffs + 2, sizeof(*j->mrows));
	for (p = 0; p < tr->nphases; p++) {
		j->mrows[n++] = -(long)p - 1;
		for (s = 0; s < tr->phases[p].nsteps; s++)
			j->mrows[n++] = (long)tr->phases[p].steps[s].index;
	}
	if (j->nsignoffs > 0)
		j->mrows[n++] = MAP_SIGNOFF;
	for (s = 0; s < j->nsignoffs; s++)
		j->mrows[n++] = MAP_SIGNOFF - 1 - (long)s;
	j->map_signoffs = j->nsignoffs;
	j->nmap = n;
	j->map.selectable = map_selectable;
	j->map.rows = map_item_rows;
	j->map.arg = j;
	j->map.top = 0;
	j->map.skip = 0;
	tui_list_resize(&j->map, n + 1 + NLEGEND, j->map.height);
}

/* Selects the current step in the map. */
static void
map_show_step(struct journey *j)
{
	size_t i;

	for (i = 0; i < j->nmap; i++)
		if (j->mrows[i] == (long)j->step)
			tui_list_select(&j->map, i);
}

/* The questions of the current step that apply now. */
static void
collect_questions(struct journey *j)
{
	const struct step *st = cur_step(j)->step;
	const char *keep = j->want_q ? j->want_q :
	    (j->nq > 0 ? j->qs[j->q < j->nq ? j->q : 0]->id : NULL);
	char *k = keep ? xstrdup(keep) : NULL;
	size_t i;

	free(j->qs);
	j->qs = xcalloc(st->nquestions + 1, sizeof(*j->qs));
	j->nq = 0;
	j->q = 0;
	for (i = 0; i < st->nquestions; i++) {
		if (!progress_applies(j->snap->progress, st->questions[i]))
			continue;
		if (k != NULL && strcmp(st->questions[i]->id, k) == 0)
			j->q = j->nq;
		j->qs[j->nq++] = st->questions[i];
	}
	free(k);
	if (j->want_q != NULL)
		j->show_q = true;
	xfree(j->want_q);
}

/* Selects the step st (of any of the project's tracks). */
static bool
select_step(struct journey *j, const struct step *st)
{
	const struct progress *pr = j->snap->progress;
	size_t i;

	for (i = 0; i < pr->ntracks; i++) {
		if (pr->tracks[i].track != st->track)
			continue;
		bool other = j->track != i || j->step != st->index;

		if (other) {
			j->nq = 0;
			j->detail.top = 0;
			j->detail.skip = 0;
		}
		if (j->track != i || j->mrows == NULL) {
			j->track = i;
			map_build(j);
		}
		j->step = st->index;
		map_show_step(j);
		collect_questions(j);
		j->pane_w = 0;
		return true;
	}
	return false;
}

static void
free_signoffs(struct journey *j)
{
	size_t i;

	for (i = 0; i < j->nsignoffs; i++)
		free(j->signoffs[i]);
	free(j->signoffs);
	j->signoffs = NULL;
	j->nsignoffs = 0;
}

/* A line per role that reviews something in the project: where its
 * sign-off stands, in words. */
static void
load_signoffs(struct tui *t, struct journey *j)
{
	struct review_board *b = NULL;
	struct review *v = NULL;
	char *cause = NULL;
	size_t n = 0, i;

	free_signoffs(j);
	if (action_review_board(t->act, j->snap, &v, &n, &b, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	j->signoffs = xcalloc(b->nroles + 1, sizeof(*j->signoffs));
	for (i = 0; i < b->nroles; i++) {
		const struct review_role *rr = &b->roles[i];

		j->signoffs[j->nsignoffs++] = rr->status == RS_SIGNED ?
		    xasprintf(_("%s: %s (%s)"), text_get(&rr->role->name),
			review_status_label(rr->status), rr->signoff->name) :
		    xasprintf("%s: %s", text_get(&rr->role->name), review_status_label(rr->status));
	}
	review_board_free(b);
	reviews_free(v, n);
}

/* Reads the project again; the snapshot before goes to *old (caller
 * frees) when old is not NULL. */
static int
load_keep(struct tui *t, struct journey *j, struct snapshot **old)
{
	struct snapshot *s = NULL;
	char *cause = NULL;
	int rc;

	if ((rc = action_refresh(t->act, j->id, &s, &cause)) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return rc;
	}
	if (old != NULL)
		*old = j->snap;
	else
		snapshot_free(j->snap);
	j->snap = s;
	if (s->progress->ntracks == 0) {
		tui_error(t, _("this project follows no track the content has: check --content"));
		return EX_DATAERR;
	}
	if (j->track >= s->progress->ntracks)
		j->track = 0;
	load_signoffs(t, j);
	if (j->mrows == NULL || j->map_signoffs != j->nsignoffs) {
		bool had = j->mrows != NULL;

		map_build(j);
		if (had)
			map_show_step(j);
	}
	collect_questions(j);
	j->pane_w = 0;		/* lay the step out again */
	return 0;
}

static int
load(struct tui *t, struct journey *j)
{
	return load_keep(t, j, NULL);
}

static void
journey_reload(struct tui *t, void *state)
{
	load(t, state);
}

/* Says so when an older airejse may have misread a number of the
 * project (audit.h), and where they are listed. */
static void
suspects_notice(struct tui *t, int64_t project)
{
	struct audit_suspect *v = NULL;
	char *cause = NULL;
	size_t n = 0;

	if (audit_misread_project(t->act, project, &v, &n, &cause) != 0) {
		free(cause);
		return;
	}
	if (n > 0)
		tui_info(t, P_("%zu number answer of this project was saved by an older airejse and may be a thousand times too small: C on the projects screen lists it.",
		    "%zu number answers of this project were saved by an older airejse and may be a thousand times too small: C on the projects screen lists them.",
		    n), n);
	audit_suspects_free(v, n);
}

const struct step *
tui_step_asking(const struct progress *pr, const struct question *q)
{
	size_t tr, k, i;

	for (tr = 0; tr < pr->ntracks; tr++)
		for (k = 0; k < pr->tracks[tr].track->nsteps; k++) {
			const struct step *st = pr->tracks[tr].steps[k].step;

			for (i = 0; i < st->nquestions; i++)
				if (st->questions[i] == q)
					return st;
		}
	return NULL;
}

static void *
journey_open(struct tui *t, const void *arg)
{
	const struct tui_journey_arg *a = arg;
	struct journey *j = xcalloc(1, sizeof(*j));
	const struct progress *pr;
	const struct question *q;
	const struct step *st = NULL;

	j->id = a->project;
	if (load(t, j) != 0) {
		snapshot_free(j->snap);
		free(j->qs);
		free(j->mrows);
		free_signoffs(j);
		free(j);
		return NULL;
	}
	pr = j->snap->progress;
	if (a->track != NULL && a->step != NULL && content_track(t->content, a->track) != NULL)
		st = track_step(content_track(t->content, a->track), a->step);
	else if (a->step == NULL && a->question != NULL &&
	    (q = content_question(t->content, a->question)) != NULL)
		st = tui_step_asking(pr, q);
	if (st != NULL) {
		j->want_q = a->question ? xstrdup(a->question) : NULL;
		select_step(j, st);
		j->pane = PANE_STEP;
		j->show_q = true;
	} else if (pr->next != NULL) {
		select_step(j, pr->next->step);
	}
	suspects_notice(t, j->id);
	return j;
}

static void
journey_close(struct tui *t, void *state)
{
	struct journey *j = state;

	snapshot_free(j->snap);
	free(j->qs);
	free(j->want_q);
	free(j->mrows);
	free_signoffs(j);
	free_blocks(j);
	free(j->blocks);
	free(j);
}

static enum tui_style
mark_style(enum step_mark m)
{
	switch (m) {
	case MARK_DONE:
		return ST_DONE;
	case MARK_IN_PROGRESS:
		return ST_PROGRESS;
	case MARK_HANDOFF:
	case MARK_EARLIER:
		return ST_BLOCKED;
	case MARK_NOT_APPLICABLE:
		return ST_DIM;
	default:
		return ST_NORMAL;
	}
}

/* Columns before a step's title: a space, its mark, a space. */
#define MARK_COLS 5

/* Whether the step's title and its owner fit on one row of the map. */
static bool
owner_fits(const struct step *st, int w)
{
	return utf8_width(text_get(&st->title)) + utf8_width(text_get(&st->owner->name)) + 2 <=
	    w - MARK_COLS;
}

static int
map_item_rows(void *arg, size_t i)
{
	const struct journey *j = arg;
	const struct step *st;

	if (j->map_w <= MARK_COLS || i == j->nmap || (i < j->nmap && j->mrows[i] < 0))
		return 1;
	if (i > j->nmap)
		return tui_wrap_count(step_mark_label(legend[i - j->nmap - 1]),
		    j->map_w - MARK_COLS);
	st = cur_track(j)->steps[j->mrows[i]].step;
	/* A title that does not fit wraps, between words. */
	if (owner_fits(st, j->map_w))
		return 1;
	return tui_wrap_count(text_get(&st->title), j->map_w - MARK_COLS);
}

struct map_ctx {
	struct tui	*t;
	struct journey	*j;
	int		 top, x, w;
};

static void
draw_map_item(void *arg, size_t i, int y, int first, int rows, bool sel)
{
	struct map_ctx *m = arg;
	struct journey *j = m->j;
	const struct track_progress *tp = cur_track(j);
	int row = m->top + y, w = m->w, x = m->x;
	long v;

	if (i >= j->nmap) {
		/* The legend. */
		enum step_mark mk;

		if (i == j->nmap)
			return;
		mk = legend[i - j->nmap - 1];
		if (first == 0)
			tui_put(row, x + 1, 3, step_mark_symbol(mk), ST_DIM, false);
		tui_wrap(row, x + MARK_COLS, w - MARK_COLS, rows, first, step_mark_label(mk),
		    ST_DIM);
		return;
	}
	v = j->mrows[i];
	if (v <= MAP_SIGNOFF) {
		/* The sign-offs, in words (not chosen). */
		tui_put(row, m->x, m->w, v == MAP_SIGNOFF ? _("Sign-off by role") :
		    j->signoffs[MAP_SIGNOFF - 1 - v], v == MAP_SIGNOFF ? ST_HEADING : ST_DIM, false);
	} else if (v < 0) {
		const struct phase_progress *pp = &tp->phases[-v - 1];
		char *s = xasprintf("%s  %zu/%zu", text_get(&pp->phase->title),
		    pp->done, pp->applicable);

		tui_put(row, x, w, s, ST_HEADING, false);
		free(s);
	} else {
		const struct step_progress *sp = &tp->steps[v];
		enum step_mark mk = progress_mark(sp);
		enum tui_style st = sel && j->pane == PANE_MAP ? ST_SELECTED : mark_style(mk);
		const char *owner = text_get(&sp->step->owner->name);
		const char *title = text_get(&sp->step->title);
		int ow = utf8_width(owner), r;

		for (r = 0; r < rows; r++)
			tui_put(row + r, x, w, "", st, sel);
		if (first == 0)
			tui_put(row, x + 1, 4, step_mark_symbol(mk), st, false);
		/* The owner where the whole title fits beside it; the
		 * step pane always names it. */
		if (owner_fits(sp->step, w)) {
			tui_put(row, x + w - ow, ow, owner,
			    st == ST_SELECTED ? st : ST_DIM, false);
			tui_put(row, x + MARK_COLS, w - MARK_COLS, title, st, false);
		} else {
			tui_wrap(row, x + MARK_COLS, w - MARK_COLS, rows, first, title, st);
		}
		if (sel && j->pane == PANE_MAP)
			tui_cursor(m->t, row, x);
	}
}

static void
draw_map(struct tui *t, struct journey *j, int top, int rows, int x, int w)
{
	struct map_ctx m = { t, j, top, x, w };

	j->map_w = w;
	tui_list_resize(&j->map, j->map.n, rows);
	tui_list_each(&j->map, draw_map_item, &m);
}

/* Adds a paragraph (q -1) or question q's block to the step pane. */
static struct block *
add_block(struct journey *j, enum tui_style st, long q, char *text)
{
	struct block *b;

	xgrow(&j->blocks, &j->bcap, j->nblocks + 1, sizeof(*j->blocks));
	b = &j->blocks[j->nblocks++];
	memset(b, 0, sizeof(*b));
	b->text = text;
	b->st = st;
	b->q = q;
	return b;
}

/* What the answer to q shows: the value, "don't know" or a dash. */
static char *
answer_text(const struct journey *j, const struct question *q, enum tui_style *st)
{
	const struct answer *a = progress_answer(j->snap->progress, q);

	*st = ST_NORMAL;
	if (a == NULL || a->kind == ANSWER_NONE) {
		*st = ST_DIM;
		return xstrdup(_("(not answered)"));
	}
	if (a->kind == ANSWER_DONTKNOW) {
		*st = ST_PROGRESS;
		return xstrdup(value_dontknow_text(i18n_lang()));
	}
	return value_format(q, a->value, i18n_lang());
}

/* A list of legal references with their check dates, "" when empty. */
static char *
join_list(const struct strlist *l)
{
	char *r = legal_refs_text(l, "; ");

	return r ? r : xstrdup("");
}

/* Whether l is a question the owner has only to answer (no hand-off). */
static bool
plain_unanswered(const struct left *l)
{
	return l->kind == LEFT_UNANSWERED && l->handoff == NULL;
}

/* Unanswered questions named one by one up to this many; more are
 * counted (each is listed below, with "(not answered)"). */
#define LEFT_NAMED 2

/* What keeps the step open, one paragraph each; a step not begun, with
 * nothing waiting, says only that. */
static void
left_blocks(struct tui *t, struct journey *j, const struct step_progress *sp)
{
	struct left *v;
	size_t n = progress_left(j->snap->progress, sp, &v), i, plain = 0;
	char today[11];

	for (i = 0; i < n; i++)
		plain += plain_unanswered(&v[i]);
	if (n > 0 && plain == n && sp->status == STEP_NOT_STARTED) {
		add_block(j, ST_DIM, -1, xasprintf(P_("Not begun: its %zu question is not answered yet.",
		    "Not begun: none of its %zu questions is answered yet.", n), n));
	} else if (n > 0) {
		clock_today(today);
		add_block(j, ST_HEADING, -1, xstrdup(_("What is left:")));
		if (plain > LEFT_NAMED)
			add_block(j, ST_NORMAL, -1, xasprintf(P_("- %zu question below is not answered",
			    "- %zu questions below are not answered", plain), plain));
		for (i = 0; i < n; i++) {
			char *s;

			if (plain > LEFT_NAMED && plain_unanswered(&v[i]))
				continue;
			s = progress_left_text(j->snap->progress, &v[i], today);
			add_block(j, plain_unanswered(&v[i]) ? ST_NORMAL : ST_BLOCKED, -1,
			    xasprintf("- %s", s));
			free(s);
		}
	}
	free(v);
}

static void
step_blocks(struct tui *t, struct journey *j)
{
	const struct step_progress *sp = cur_step(j);
	const struct step *st = sp->step;
	char *legal = join_list(&st->legal), *group;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	add_block(j, ST_HEADING, -1, xstrdup(text_get(&st->title)));
	sb_addf(&sb, _("Owner: %s"), text_get(&st->owner->name));
	sb_addf(&sb, " · %s %s", step_mark_symbol(progress_mark(sp)),
	    step_mark_label(progress_mark(sp)));
	if (sp->nquestions > 0)
		/* L10N: questions answered of those the step asks. */
		sb_addf(&sb, _(" · %zu/%zu answered"), sp->nanswered, sp->nquestions);
	add_block(j, ST_DIM, -1, sb_detach(&sb));
	/* The organisation's group that owns the step, on a line of its
	 * own: "(to be confirmed)" must not be cut off at 80 columns. */
	if ((group = step_group_text(st, i18n_lang())) != NULL) {
		add_block(j, ST_DIM, -1, xasprintf(_("Group: %s"), group));
		free(group);
	}
	if (st->basis == BASIS_LAW)
		add_block(j, ST_BLOCKED, -1, xasprintf(_("Required by law: %s"), legal));
	else if (st->basis == BASIS_PRACTICE)
		add_block(j, ST_DIM, -1, *legal ? xasprintf(_("Good practice (%s)"), legal) :
		    xstrdup(_("Good practice")));
	free(legal);
	left_blocks(t, j, sp);
	if (sp->status == STEP_NOT_APPLICABLE)
		add_block(j, ST_DIM, -1, xstrdup(_("This step does not apply to the project as it is answered now.")));
	add_block(j, ST_NORMAL, -1, xstrdup(""));
	if (st->guidance.s[LANG_DA] != NULL)
		add_block(j, ST_NORMAL, -1, xstrdup(text_get(&st->guidance)));
	if (st->watch.s[LANG_DA] != NULL)
		add_block(j, ST_NORMAL, -1, xasprintf(_("Watch out: %s"), text_get(&st->watch)));
	if (st->why.s[LANG_DA] != NULL)
		add_block(j, ST_DIM, -1, xasprintf(_("Why: %s"), text_get(&st->why)));
	if (st->nterms > 0) {
		for (i = 0; i < st->nterms; i++) {
			if (i > 0)
				sb_add(&sb, ", ");
			sb_add(&sb, text_get(&st->terms[i]->term));
		}
		add_block(j, ST_DIM, -1, xasprintf(_("Terms (g: glossary): %s"), sb_str(&sb)));
		sb_free(&sb);
	}
	add_block(j, ST_NORMAL, -1, xstrdup(""));
	if (j->nq == 0 && st->nquestions > 0)
		add_block(j, ST_DIM, -1, xstrdup(_("No question of this step applies now.")));
	for (i = 0; i < j->nq; i++) {
		struct block *bl = add_block(j, ST_HEADING, (long)i,
		    xasprintf("%zu. %s", i + 1, text_get(&j->qs[i]->prompt)));

		bl->answer = answer_text(j, j->qs[i], &bl->ast);
		/* The question's own source, under its answer: part of the
		 * question's item, so it scrolls into view with it. */
		if (j->qs[i]->legal.n > 0) {
			char *refs = join_list(&j->qs[i]->legal), *both;

			both = xasprintf(_("%s\nLegal basis: %s"), bl->answer, refs);
			free(bl->answer);
			bl->answer = both;
			free(refs);
		}
	}
}

/* Answers are indented under their question by this. */
#define ANSWER_INDENT 3

static void
free_blocks(struct journey *j)
{
	size_t i;

	for (i = 0; i < j->nblocks; i++) {
		free(j->blocks[i].text);
		free(j->blocks[i].answer);
	}
	j->nblocks = 0;
}

static int
block_rows(void *arg, size_t i)
{
	const struct journey *j = arg;

	return j->blocks[i].h + j->blocks[i].ah;
}

static bool
block_is_question(void *arg, size_t i)
{
	const struct journey *j = arg;

	return j->blocks[i].q >= 0;
}

/* The item of the selected question in the step pane. */
static size_t
question_item(const struct journey *j)
{
	size_t i;

	for (i = 0; i < j->nblocks; i++)
		if (j->blocks[i].q == (long)j->q)
			return i;
	return 0;
}

/* Lays the step pane out at width w (again when anything changed). */
static void
layout_step(struct tui *t, struct journey *j, int w, int rows)
{
	size_t i;

	if (w != j->pane_w) {
		free_blocks(j);
		step_blocks(t, j);
		for (i = 0; i < j->nblocks; i++) {
			struct block *b = &j->blocks[i];

			b->h = tui_wrap_count(b->text, w);
			b->ah = b->answer ? tui_wrap_count(b->answer, w - ANSWER_INDENT) : 0;
		}
		j->pane_w = w;
		j->detail.rows = block_rows;
		j->detail.selectable = block_is_question;
		j->detail.arg = j;
		j->detail.sel = question_item(j);
	}
	tui_list_resize(&j->detail, j->nblocks, rows);
	if (j->show_q) {
		tui_list_select(&j->detail, question_item(j));
		j->show_q = false;
	}
}

struct step_ctx {
	struct tui	*t;
	struct journey	*j;
	int		 top, x, w;
};

static void
draw_block(void *arg, size_t i, int y, int first, int rows, bool sel)
{
	struct step_ctx *c = arg;
	const struct block *b = &c->j->blocks[i];
	enum tui_style st = sel && c->j->pane == PANE_STEP ? ST_SELECTED : b->st;
	int row = c->top + y;

	if (st == ST_SELECTED && first < b->h) {
		tui_clear(row, c->x, c->w, ST_SELECTED);
		tui_cursor(c->t, row, c->x);
	}
	if (first < b->h)
		tui_wrap(row, c->x, c->w, rows, first, b->text, st);
	if (b->answer != NULL && first + rows > b->h) {
		int af = first > b->h ? first - b->h : 0;
		int ay = row + (first < b->h ? b->h - first : 0);

		tui_wrap(ay, c->x + ANSWER_INDENT, c->w - ANSWER_INDENT, rows - (ay - row), af,
		    b->answer, b->ast);
	}
}

static void
draw_step(struct tui *t, struct journey *j, int top, int rows, int x, int w)
{
	struct step_ctx c = { t, j, top, x, w };

	layout_step(t, j, w, rows);
	/* Reading a text with no question in view: the cursor at its top. */
	if (j->pane == PANE_STEP)
		tui_cursor(t, top, x);
	tui_list_each(&j->detail, draw_block, &c);
}

static void
draw_next(struct tui *t, struct journey *j, int y, int cols)
{
	const struct step_progress *n = j->snap->progress->next;
	struct left *v;
	char *s, *why;
	size_t nl;

	if (n == NULL) {
		tui_put(y, 1, cols - 1, _("Every step is done. Press e to export the checklists."),
		    ST_DONE, false);
		return;
	}
	/* What keeps it open, in a few words; the step says it whole. */
	nl = progress_left(j->snap->progress, n, &v);
	why = progress_left_brief(j->snap->progress, v, nl);
	free(v);
	if (n->status == STEP_BLOCKED)
		/* L10N: the next step, its owner, and what it waits on. */
		s = xasprintf(_("Next: %s (%s) — %s; n shows why"),
		    text_get(&n->step->title), text_get(&n->step->owner->name), why);
	else
		/* L10N: the next step, its owner, and what is left in it. */
		s = xasprintf(_("Next: %s (%s) — %s; n goes there"),
		    text_get(&n->step->title), text_get(&n->step->owner->name), why);
	tui_put(y, 1, cols - 1, s, n->status == STEP_BLOCKED ? ST_BLOCKED : ST_INFO, false);
	free(why);
	free(s);
}

/* Where the panes are on a body of rows from top, cols wide. */
struct geom {
	int	 top, rows;
	int	 mx, mw;	/* the map */
	int	 px, pw;	/* the step */
	bool	 both;		/* side by side */
};

static void
geometry(int top, int rows, int cols, struct geom *g)
{
	int w;

	g->top = top + 2;
	g->rows = rows - 2;
	g->both = cols >= TWO_PANES;
	if (g->both) {
		w = cols >= 100 ? 44 : cols * 2 / 5;
		g->mx = 0;
		g->mw = w - 1;
		g->px = w + 2;
		g->pw = cols - w - 3;
	} else {
		g->mx = 0;
		g->mw = cols;
		g->px = 1;
		g->pw = cols - 2;
	}
}

/* A name shortened before this many columns of it go: it says which
 * project is open. */
#define TITLE_NAME 12

/* "Name · Track 3/8" in width columns: the figure stays; the track's
 * title gives way before the last TITLE_NAME columns of the name do,
 * and goes when it has not even four. */
static void
journey_title(struct tui *t, const char *name, const char *track, size_t done,
    size_t all, int width)
{
	char fig[48], *n, *tr;
	int room, nw = utf8_width(name), tw = utf8_width(track), keep;

	snprintf(fig, sizeof(fig), "%zu/%zu", done, all);
	room = width - utf8_width(" ·  ") - (int)strlen(fig);
	if (nw + tw <= room) {
		tui_set_title(t, "%s · %s %s", name, track, fig);
		return;
	}
	keep = nw < TITLE_NAME ? nw : TITLE_NAME;
	if (room - keep < 4) {
		n = tui_shorten(name, width - utf8_width(" · ") - (int)strlen(fig));
		tui_set_title(t, "%s · %s", n, fig);
		free(n);
		return;
	}
	tr = tui_shorten(track, tw < room - keep ? tw : room - keep);
	n = tui_shorten(name, room - utf8_width(tr));
	tui_set_title(t, "%s · %s %s", n, tr, fig);
	free(n);
	free(tr);
}

static void
journey_draw(struct tui *t, void *state, int top, int rows, int cols)
{
	struct journey *j = state;
	const struct track_progress *tp = cur_track(j);
	struct geom g;

	journey_title(t, j->snap->project->name, text_get(&tp->track->title), tp->done,
	    tp->applicable, cols - 2);
	draw_next(t, j, top, cols);
	geometry(top, rows, cols, &g);
	if (g.both) {
		/* Which pane the keys move in: its name marked and shown
		 * selected above it (in monochrome and to a screen reader
		 * too), the other's dim. */
		bool map = j->pane == PANE_MAP;
		char *ml = xasprintf("%s %s", map ? ">" : " ", _("Map"));
		char *ql = xasprintf("%s %s", map ? " " : ">", _("Questions"));

		tui_put(g.top - 1, g.mx, utf8_width(ml), ml, map ? ST_SELECTED : ST_DIM, false);
		tui_put(g.top - 1, g.px - 2, utf8_width(ql), ql, map ? ST_DIM : ST_SELECTED, false);
		free(ml);
		free(ql);
		draw_map(t, j, g.top, g.rows, g.mx, g.mw);
		for (int r = 0; r < g.rows; r++)
			tui_put(g.top + r, g.mx + g.mw + 1, 1, "|", ST_DIM, false);
		draw_step(t, j, g.top, g.rows, g.px, g.pw);
	} else if (j->pane == PANE_MAP) {
		draw_map(t, j, g.top, g.rows, g.mx, g.mw);
	} else {
		draw_step(t, j, g.top, g.rows, g.px, g.pw);
	}
}

/* Moves in the map; a step of its own shows its questions. */
static bool
map_move(struct tui *t, struct journey *j, enum tui_req req)
{
	size_t old = j->step;
	struct geom g;

	geometry(1, t->rows - 3, t->cols, &g);
	j->map_w = g.mw;
	tui_list_resize(&j->map, j->map.n, g.rows);
	if (req == REQ_CLICK) {
		/* A click on the step shown opens its questions. */
		if (tui_list_click(&j->map, t->click_y - g.top) == CLICK_OPEN) {
			j->pane = PANE_STEP;
			j->show_q = true;
		}
	} else if (!tui_list_move(&j->map, req)) {
		return false;
	}
	if (tui_list_has_selection(&j->map))
		j->step = (size_t)j->mrows[j->map.sel];
	if (j->step != old) {
		j->nq = 0;
		j->detail.top = 0;
		j->detail.skip = 0;
		j->pane_w = 0;
		collect_questions(j);
	}
	return true;
}

/* What an answer's save says: the hand-offs it raised or withdrew, and
 * each step it opened again (but the one answered in) with why. */
static void
saved_message(struct tui *t, const struct answer_result *res, const struct journey *j,
    const struct progress *before, const struct step *here)
{
	const struct step_progress **re;
	struct strbuf sb = STRBUF_INIT;
	struct left *v;
	char today[11], *why;
	size_t i, n;

	sb_add(&sb, res->changed ? _("Saved.") : _("Saved (unchanged)."));
	if (res->note != NULL)
		sb_addf(&sb, " %s.", res->note);
	for (i = 0; i < res->nhandoffs; i++) {
		const struct handoff_sync *h = &res->handoffs[i];
		const char *role = text_get(&h->rule->role->name);

		sb_addc(&sb, ' ');
		if (h->to == HANDOFF_RAISED)
			sb_addf(&sb, _("A hand-off to %s was raised (H shows it)."), role);
		else
			sb_addf(&sb, _("The hand-off to %s was withdrawn."), role);
	}
	clock_today(today);
	n = before ? progress_reopened(before, j->snap->progress, &re) : 0;
	for (i = 0; i < n; i++) {
		if (re[i]->step == here || progress_left(j->snap->progress, re[i], &v) == 0)
			continue;
		why = progress_left_text(j->snap->progress, &v[0], today);
		sb_addc(&sb, ' ');
		/* L10N: a step done before this answer, and what keeps it open
		 * now (e.g. "A hand-off asks again: ..."). */
		sb_addf(&sb, _("\"%s\" is open again: %s."), text_get(&re[i]->step->title), why);
		free(why);
		free(v);
	}
	if (n > 0)
		free(re);
	tui_info(t, "%s", sb_str(&sb));
	sb_free(&sb);
}

/* What an edit dialog carries. */
struct edit_ctx {
	struct journey		*j;
	const struct question	*q;
	int64_t			 rev;		/* the revision the user saw */
	char			*theirs_canon;	/* conflict: what the other writer stored */
	enum answer_kind	 theirs_kind;
	char			*mine;		/* conflict: what this user typed */
};

static void
ctx_done(struct tui *t, void *arg)
{
	struct edit_ctx *c = arg;

	free(c->theirs_canon);
	free(c->mine);
	free(c);
}

static void open_conflict(struct tui *t, struct edit_ctx *c, const char *input,
    const struct answer_result *res);

/* Saves input (or clears when input is NULL); true when done. */
static bool
save(struct tui *t, struct edit_ctx *c, const char *input)
{
	const struct step *here;
	struct snapshot *old = NULL;
	struct answer_result res;
	char *cause = NULL;
	int rc;

	memset(&res, 0, sizeof(res));
	if (input == NULL)
		rc = action_clear(t->act, c->j->id, c->q->id, c->rev, &res, &cause);
	else
		rc = action_answer(t->act, c->j->id, c->q->id, input, c->rev, &res, &cause);
	if (rc == STATUS_CONFLICT && res.theirs.revision > 0) {
		free(cause);
		open_conflict(t, c, input, &res);
		answer_result_free(&res);
		return false;
	}
	if (rc != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		answer_result_free(&res);
		return false;
	}
	c->j->want_q = xstrdup(c->q->id);
	here = cur_step(c->j)->step;
	if (load_keep(t, c->j, &old) == 0) {
		saved_message(t, &res, c->j, old->progress, here);
		snapshot_free(old);
	}
	answer_result_free(&res);
	return true;
}

static bool
conflict_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct edit_ctx *c = arg;
	struct journey *j = c->j;

	if (choice == 0) {
		tui_info(t, _("Kept the other answer."));
		j->want_q = xstrdup(c->q->id);
		load(t, j);
		return true;
	}
	/* Mine, over the revision now stored. */
	return save(t, c, c->mine);
}

static void
open_conflict(struct tui *t, struct edit_ctx *c, const char *input,
    const struct answer_result *res)
{
	struct edit_ctx *n = xcalloc(1, sizeof(*n));
	struct tui_dialog d = { 0 };
	const char *opts[2];
	char *theirs, *mine, *o0, *o1, *prompt;

	n->j = c->j;
	n->q = c->q;
	n->rev = res->theirs.revision;
	n->mine = input ? xstrdup(input) : NULL;
	if (res->theirs.kind == ANSWER_VALUE)
		theirs = value_format(c->q, res->theirs.value, i18n_lang());
	else if (res->theirs.kind == ANSWER_DONTKNOW)
		theirs = xstrdup(value_dontknow_text(i18n_lang()));
	else
		theirs = xstrdup(_("(cleared)"));
	if (res->mine_kind == ANSWER_VALUE && res->mine != NULL)
		mine = value_format(c->q, res->mine, i18n_lang());
	else if (res->mine_kind == ANSWER_DONTKNOW)
		mine = xstrdup(value_dontknow_text(i18n_lang()));
	else
		mine = xstrdup(input ? input : _("(cleared)"));
	o0 = xasprintf(_("Keep theirs (%s, %s): %s"), res->theirs.user ? res->theirs.user : "?",
	    source_name(res->theirs.source), theirs);
	o1 = xasprintf(_("Use mine: %s"), mine);
	opts[0] = o0;
	opts[1] = o1;
	prompt = xasprintf(_("Someone else changed the answer to \"%s\" while you were editing it. Which one should be kept?"),
	    text_get(&c->q->prompt));
	d.kind = DLG_PICK;
	d.title = _("Conflict");
	d.prompt = prompt;
	d.options = opts;
	d.noptions = 2;
	d.submit = conflict_submit;
	d.done = ctx_done;
	d.arg = n;
	tui_dialog_open(t, &d);
	free(theirs);
	free(mine);
	free(o0);
	free(o1);
	free(prompt);
}

static bool
edit_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct edit_ctx *c = arg;
	const struct question *q = c->q;
	struct strbuf sb = STRBUF_INIT;
	bool ok;
	size_t i;

	switch (q->type) {
	case Q_YESNO:
		return save(t, c, choice == 0 ? "ja" : choice == 1 ? "nej" : "ved ikke");
	case Q_CHOICE:
		return save(t, c, choice < q->noptions ? q->options[choice].id : "ved ikke");
	case Q_MULTI:
		for (i = 0; i < q->noptions; i++)
			if (checked[i]) {
				if (sb.len)
					sb_addc(&sb, ',');
				sb_add(&sb, q->options[i].id);
			}
		ok = save(t, c, sb.len ? sb_str(&sb) : NULL);
		sb_free(&sb);
		return ok;
	default:
		/* Nothing typed: leave the question as it was (skip it). */
		if (*text == '\0' && c->rev == 0)
			return true;
		return save(t, c, *text ? text : NULL);
	}
}

/* Whether the multiple-choice value canon ("a,b") holds option id. */
static bool
has_option(const char *canon, const char *id)
{
	size_t n = strlen(id);
	const char *p = canon;

	while ((p = strstr(p, id)) != NULL) {
		if ((p == canon || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return true;
		p += n;
	}
	return false;
}

/* The value the editor starts from: one that parses back the same. */
static char *
initial_text(const struct question *q, const struct answer *a)
{
	if (a == NULL || a->kind != ANSWER_VALUE)
		return a && a->kind == ANSWER_DONTKNOW ?
		    xstrdup(value_dontknow_text(i18n_lang())) : xstrdup("");
	switch (q->type) {
	case Q_NUMBER:
	case Q_AMOUNT:
	case Q_DATE:
		/* As shown, which value_read reads back the same. */
		return value_format(q, a->value, i18n_lang());
	default:
		break;
	}
	return xstrdup(a->value);
}

static char *
edit_help(const struct question *q)
{
	struct strbuf sb = STRBUF_INIT;
	char *legal = join_list(&q->legal), *examples;
	const char *hint = NULL;

	if (q->help.s[LANG_DA] != NULL)
		sb_add(&sb, text_get(&q->help));
	if (*legal)
		sb_addf(&sb, "%s(%s)", sb.len ? " " : "", legal);
	free(legal);
	examples = value_examples(q, i18n_lang());
	switch (q->type) {
	case Q_AMOUNT:
		hint = _("In kroner, e.g. %s");
		break;
	case Q_DATE:
		hint = _("A date, e.g. %s");
		break;
	case Q_NUMBER:
		hint = _("A number, e.g. %s");
		break;
	default:
		break;
	}
	if (hint != NULL) {
		sb_addf(&sb, "%s", sb.len ? " " : "");
		sb_addf(&sb, hint, examples);
		/* The example may end the sentence: "2,4 mio. kr." */
		if (sb.s[sb.len - 1] != '.')
			sb_addc(&sb, '.');
	}
	free(examples);
	if (q->type != Q_YESNO && q->type != Q_CHOICE && q->type != Q_MULTI)
		sb_addf(&sb, "%s%s", sb.len ? " " : "",
		    _("Write \"don't know\" if you do not know; that raises a hand-off where one is needed."));
	return sb_detach(&sb);
}

static void
open_editor(struct tui *t, struct journey *j)
{
	const struct question *q = j->qs[j->q];
	const struct answer *a = progress_answer(j->snap->progress, q);
	struct edit_ctx *c = xcalloc(1, sizeof(*c));
	struct tui_dialog d = { 0 };
	const char **opts = xcalloc(q->noptions + 3, sizeof(*opts));
	bool *ticks = xcalloc(q->noptions + 3, sizeof(*ticks));
	char *init = initial_text(q, a), *help = edit_help(q), *title;
	size_t i;

	c->j = j;
	c->q = q;
	c->rev = progress_revision(j->snap->progress, q);
	title = xasprintf(_("Question %zu of %zu"), j->q + 1, j->nq);
	d.title = title;
	d.prompt = text_get(&q->prompt);
	d.help = help;
	d.initial = init;
	d.options = opts;
	d.checked = ticks;
	d.submit = edit_submit;
	d.done = ctx_done;
	d.arg = c;
	switch (q->type) {
	case Q_LONGTEXT:
		d.kind = DLG_TEXT;
		break;
	case Q_YESNO:
		d.kind = DLG_PICK;
		opts[0] = _("Yes");
		opts[1] = _("No");
		opts[2] = value_dontknow_text(i18n_lang());
		d.noptions = 3;
		if (a && a->kind == ANSWER_VALUE)
			d.selected = strcmp(a->value, "nej") == 0;
		else if (a && a->kind == ANSWER_DONTKNOW)
			d.selected = 2;
		break;
	case Q_CHOICE:
		d.kind = DLG_PICK;
		for (i = 0; i < q->noptions; i++) {
			opts[i] = text_get(&q->options[i].label);
			if (a && a->kind == ANSWER_VALUE && strcmp(a->value, q->options[i].id) == 0)
				d.selected = i;
		}
		opts[i] = value_dontknow_text(i18n_lang());
		if (a && a->kind == ANSWER_DONTKNOW)
			d.selected = i;
		d.noptions = q->noptions + 1;
		break;
	case Q_MULTI:
		d.kind = DLG_MULTI;
		for (i = 0; i < q->noptions; i++) {
			opts[i] = text_get(&q->options[i].label);
			ticks[i] = a && a->kind == ANSWER_VALUE &&
			    has_option(a->value, q->options[i].id);
		}
		d.noptions = q->noptions;
		break;
	default:
		d.kind = DLG_LINE;
		break;
	}
	tui_dialog_open(t, &d);
	free(opts);
	free(ticks);
	free(init);
	free(help);
	free(title);
}

static bool
clear_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	return save(t, arg, NULL);
}

static bool
dontknow_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	return save(t, arg, "ved ikke");
}

static void
quick_answer(struct tui *t, struct journey *j, bool clear)
{
	const struct question *q = j->qs[j->q];
	const struct answer *a = progress_answer(j->snap->progress, q);
	struct edit_ctx *c = xcalloc(1, sizeof(*c));
	struct tui_dialog d = { 0 };
	char *prompt;

	c->j = j;
	c->q = q;
	c->rev = progress_revision(j->snap->progress, q);
	/* v on a question not answered (or already "don't know") saves at
	 * once; over an answer it asks, showing what it would replace, as
	 * one key must not throw a typed answer away. */
	if (!clear && (a == NULL || a->kind != ANSWER_VALUE)) {
		save(t, c, "ved ikke");
		ctx_done(t, c);
		return;
	}
	if (a == NULL || a->kind == ANSWER_NONE) {
		tui_info(t, _("There is no answer to clear."));
		ctx_done(t, c);
		return;
	}
	if (clear) {
		prompt = xasprintf(_("Clear the answer to \"%s\"? The history keeps it."),
		    text_get(&q->prompt));
	} else {
		char *now = value_format(q, a->value, i18n_lang());

		prompt = xasprintf(_("Replace the answer to \"%s\", %s, with \"%s\"? The history keeps it."),
		    text_get(&q->prompt), now, value_dontknow_text(i18n_lang()));
		free(now);
	}
	d.kind = DLG_CONFIRM;
	d.title = clear ? _("Clear answer") : _("Don't know");
	d.prompt = prompt;
	d.submit = clear ? clear_submit : dontknow_submit;
	d.done = ctx_done;
	d.arg = c;
	tui_dialog_open(t, &d);
	free(prompt);
}

/* Moves in the step pane: among its questions, and through its text. */
static bool
pane_move(struct tui *t, struct journey *j, enum tui_req req)
{
	struct geom g;

	/* Laid out as the screen is now: keys may come before a draw. */
	geometry(1, t->rows - 3, t->cols, &g);
	layout_step(t, j, g.pw, g.rows);
	if (req == REQ_CLICK) {
		enum tui_click c = tui_list_click(&j->detail, t->click_y - g.top);

		if (c != CLICK_NONE && j->detail.sel < j->nblocks)
			j->q = (size_t)j->blocks[j->detail.sel].q;
		/* A click on the question selected answers it. */
		if (c == CLICK_OPEN && j->nq > 0)
			open_editor(t, j);
		return true;
	}
	if (!tui_list_move(&j->detail, req))
		return false;
	if (tui_list_has_selection(&j->detail) && j->detail.sel < j->nblocks)
		j->q = (size_t)j->blocks[j->detail.sel].q;
	return true;
}

/* n: the next open question (after the one selected, when it is open
 * itself); with none, the next step, which says what it waits on. */
static void
next_open(struct tui *t, struct journey *j)
{
	const struct progress *pr = j->snap->progress;
	const struct question *q = j->pane == PANE_STEP && j->nq > 0 ? j->qs[j->q] : NULL;
	const struct question *oq;
	const struct step *ost;

	if (progress_next_open(pr, cur_step(j)->step, q, &ost, &oq)) {
		free(j->want_q);
		j->want_q = xstrdup(oq->id);
		select_step(j, ost);
		j->pane = PANE_STEP;
		j->show_q = true;
	} else if (pr->next != NULL) {
		select_step(j, pr->next->step);
		j->pane = PANE_STEP;
		j->show_q = true;
		tui_info(t, _("Nothing can be answered now: every step left waits; this one says on what."));
	} else {
		tui_info(t, _("Every step is done."));
	}
}

/* tui_view_ops.go: shows step st and question (NULL: the first); false
 * if the project does not follow its track. */
static bool
journey_go(struct tui *t, void *state, const struct step *st, const char *question)
{
	struct journey *j = state;

	free(j->want_q);
	j->want_q = question ? xstrdup(question) : NULL;
	if (!select_step(j, st))
		return false;
	j->pane = PANE_STEP;
	j->show_q = true;
	return true;
}

/* Moving the project to another track: the track is picked, what the
 * move changes is shown, and only a Yes moves it. */
struct move {
	struct journey	*j;
	char		*track;
	bool		 asked;	/* the confirmation owns it */
};

/* Shows the journey again from its first track after the tracks changed. */
static void
tracks_changed(struct tui *t, struct journey *j)
{
	j->track = 0;
	j->step = 0;
	j->nq = 0;
	j->detail.top = 0;
	j->detail.skip = 0;
	j->pane_w = 0;
	j->pane = PANE_MAP;
	/* The map is built again for the new tracks. */
	free(j->mrows);
	j->mrows = NULL;
	tui_reload(t);
}

static bool
move_submit(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct move *m = arg;
	char *tracks[1] = { m->track }, *cause = NULL;

	(void)text;
	(void)choice;
	(void)checked;
	if (action_project_tracks(t->act, m->j->id, tracks, 1, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
	} else {
		tui_info(t, _("The project follows %s now; every answer is kept."),
		    text_get(&content_track(t->content, m->track)->title));
		tracks_changed(t, m->j);
	}
	return true;
}

static void
move_done(struct tui *t, void *arg)
{
	struct move *m = arg;

	(void)t;
	free(m->track);
	free(m);
}

static void
pick_done(struct tui *t, void *arg)
{
	struct move *m = arg;

	if (!m->asked)
		move_done(t, m);
}

static bool
move_pick(struct tui *t, void *arg, const char *text, size_t choice, const bool *checked)
{
	struct move *m = arg;
	struct tui_dialog d;
	char *tracks[1], *what = NULL, *cause = NULL, *q;

	(void)text;
	(void)checked;
	if (choice >= t->content->ntracks)
		return true;
	free(m->track);
	m->track = xstrdup(t->content->tracks[choice]->id);
	tracks[0] = m->track;
	if (action_track_move_text(t->act, m->j->id, tracks, 1, &what, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return false;
	}
	q = xasprintf(_("Move the project to %s? Every answer is kept."),
	    text_get(&t->content->tracks[choice]->title));
	memset(&d, 0, sizeof(d));
	d.kind = DLG_CONFIRM;
	d.title = _("Move to another track");
	d.prompt = q;
	d.help = what;	/* what changes, whole (PgUp/PgDn scroll it) */
	d.submit = move_submit;
	d.done = move_done;
	d.arg = m;
	m->asked = true;
	tui_dialog_open(t, &d);
	free(q);
	free(what);
	return false;	/* replaced by the question */
}

static void
move_track(struct tui *t, struct journey *j)
{
	const char **labels = xreallocarray(NULL, t->content->ntracks, sizeof(*labels));
	struct move *m = xcalloc(1, sizeof(*m));
	struct tui_dialog d;
	size_t i;

	m->j = j;
	for (i = 0; i < t->content->ntracks; i++)
		labels[i] = text_get(&t->content->tracks[i]->title);
	memset(&d, 0, sizeof(d));
	d.kind = DLG_PICK;
	d.title = _("Move to another track");
	d.prompt = _("Which track should the project follow? Its answers are kept.");
	d.options = labels;
	d.noptions = t->content->ntracks;
	d.submit = move_pick;
	d.done = pick_done;
	d.arg = m;
	tui_dialog_open(t, &d);
	free(labels);
}

static bool
journey_key(struct tui *t, void *state, enum tui_req req, int key)
{
	struct journey *j = state;
	const struct progress *pr = j->snap->progress;
	bool has_q = j->pane == PANE_STEP && j->nq > 0;

	switch (req) {
	case REQ_NEXT_PANE:
	case REQ_RIGHT:
	case REQ_LEFT:
		if (req == REQ_RIGHT && j->pane == PANE_STEP)
			return true;
		if (req == REQ_LEFT && j->pane == PANE_MAP)
			return true;
		j->pane = j->pane == PANE_MAP ? PANE_STEP : PANE_MAP;
		j->show_q = j->pane == PANE_STEP;
		return true;
	case REQ_ENTER:
		if (j->pane == PANE_MAP) {
			j->pane = PANE_STEP;
			j->show_q = true;
		} else if (j->nq > 0)
			open_editor(t, j);
		return true;
	case REQ_DONTKNOW:
	case REQ_CLEAR:
		if (has_q)
			quick_answer(t, j, req == REQ_CLEAR);
		else
			tui_info(t, _("Choose a question first: Tab moves to the questions."));
		return true;
	case REQ_CALENDAR: {
		struct tui_calendar_arg ca = { j->id };

		tui_open(t, TUI_CALENDAR, &ca);
		return true;
	}
	case REQ_HISTORY:
		if (has_q) {
			struct tui_history_arg ha = { j->id, j->qs[j->q]->id };

			tui_open(t, TUI_HISTORY, &ha);
		} else {
			tui_info(t, _("Choose a question first: Tab moves to the questions."));
		}
		return true;
	case REQ_NEXT_STEP:
		next_open(t, j);
		return true;
	case REQ_TRACK:
		j->track = (j->track + 1) % pr->ntracks;
		j->step = 0;
		j->nq = 0;
		j->detail.top = 0;
		j->detail.skip = 0;
		j->pane_w = 0;
		map_build(j);
		map_show_step(j);
		collect_questions(j);
		return true;
	case REQ_MOVE_TRACK:
		move_track(t, j);
		return true;
	case REQ_IMPORT:
		tui_import(t, j->id);
		return true;
	case REQ_HANDOFFS: {
		struct tui_handoffs_arg ha = { j->id, t->app->role };

		tui_open(t, TUI_HANDOFFS, &ha);
		return true;
	}
	case REQ_SEARCH:
		tui_open(t, TUI_SEARCH, &j->id);
		return true;
	case REQ_EXPORT:
		{
			struct tui_export_arg ea = { j->id, NULL };

			tui_open(t, TUI_EXPORT, &ea);
		}
		return true;
	case REQ_PROJECTS:
		while (t->depth > 1)
			tui_pop(t);
		return true;
	case REQ_CLICK:
		/* Side by side, the click says the pane. */
		if (t->cols >= TWO_PANES) {
			struct geom g;

			geometry(1, t->rows - 3, t->cols, &g);
			if (t->click_x <= g.mx + g.mw)
				j->pane = PANE_MAP;
			else if (t->click_x >= g.px)
				j->pane = PANE_STEP;
			else
				return true;
			j->show_q = j->pane == PANE_STEP;
		}
		break;
	default:
		break;
	}
	if (j->pane == PANE_MAP)
		return map_move(t, j, req);
	return pane_move(t, j, req);
}

static const struct tui_binding journey_keys[] = {
	{ REQ_ENTER, { '\r', '\n', FK(KEY_ENTER) }, N_("Answer"),
	    N_("on a step: go to its questions; on a question: answer it") },
	{ REQ_NEXT_PANE, { '\t', FK(KEY_BTAB) }, N_("Map/Questions"),
	    N_("move between the map and the step's questions") },
	{ REQ_NEXT_STEP, { 'n' }, N_("Next"), N_("go to the next open question") },
	{ REQ_DONTKNOW, { 'v' }, N_("Don't know"), N_("answer \"don't know\"; over an answer, asks first") },
	{ REQ_CLEAR, { 'x', FK(KEY_DC) }, NULL, N_("clear the answer (asks first)") },
	{ REQ_HISTORY, { 'L' }, NULL, N_("the history of the answer") },
	{ REQ_TRACK, { 't' }, NULL, N_("the project's next track") },
	{ REQ_MOVE_TRACK, { 'M' }, NULL, N_("move the project to another track, keeping its answers (asks first)") },
	{ REQ_CALENDAR, { 'K' }, NULL, N_("the legal dates inside the project's life (calendar)") },
	{ REQ_HANDOFFS, { 'H' }, N_("Hand-offs"), N_("the project's hand-offs") },
	{ REQ_IMPORT, { 'I' }, NULL, N_("import the answers to a hand-off packet") },
	{ REQ_SEARCH, { '/' }, N_("Search"), N_("search the questions, guidance and answers") },
	{ REQ_EXPORT, { 'e' }, NULL, N_("export a checklist or the business case") },
	{ REQ_PROJECTS, { 'p' }, NULL, N_("back to the projects") },
	{ REQ_NONE, { 0 }, NULL, NULL }
};

const struct tui_view_ops tui_journey_ops = {
	.kind = TUI_JOURNEY,
	.name = "journey",
	.title = N_("Journey"),
	.keys = journey_keys,
	.open = journey_open,
	.draw = journey_draw,
	.key = journey_key,
	.reload = journey_reload,
	.close = journey_close,
	.go = journey_go,
};
