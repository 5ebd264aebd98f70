/* SPDX-License-Identifier: EUPL-1.2 */
/* Projects: project new|list|show|rename|delete|restore|purge, and next. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/handoff.h"
#include "airejse/progress.h"
#include "airejse/report.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
#include "airejse/table.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

static void show_text(const struct content *, const struct snapshot *, const char *);
static void show_tsv(const struct snapshot *, const char *);
static json_t *next_json(const struct content *, const struct snapshot *, const char *);
static void next_tsv(const struct snapshot *, const char *);
static void next_text(const struct content *, const struct snapshot *, const char *);

/* Adds the comma-separated ids in arg to the list. */
static void
split_ids(const char *arg, char ***v, size_t *n)
{
	char *copy = xstrdup(arg), *tok, *save = NULL;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		if (*tok == '\0')
			continue;
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		(*v)[(*n)++] = xstrdup(tok);
	}
	free(copy);
}

static void
free_ids(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int
project_new(struct cmd *self)
{
	const char *name = args_get(&self->args, "name"), *v;
	struct action a;
	char **tracks = NULL, *cause = NULL;
	size_t ntracks = 0, i = 0;
	int64_t id;
	int rc;

	while ((v = args_next(&self->args, "journey", &i)) != NULL)
		split_ids(v, &tracks, &ntracks);
	if (name == NULL || ntracks == 0) {
		cmd_error(self, EX_USAGE, name == NULL ? _("give the project a name with --name") :
		    _("give the project's tracks with --journey (see 'airejse journeys')"));
		rc = cmd_usage(self);
	} else if ((rc = cmd_action(self, true, &a)) == 0) {
		if ((rc = action_project_new(&a, name, tracks, ntracks, &id, &cause)) != 0)
			cmd_fail(self, rc, cause);
		else
			ctrl_printf(stdout, "%lld\n", (long long)id);
	}
	free_ids(tracks, ntracks);
	return rc;
}

/* Text: "ny-ide 3/20, rsd-indkoeb 0/12"; tsv: "ny-ide,rsd-indkoeb". */
static char *
tracks_cell(const struct content *c, const struct project *p,
    const struct progress_brief *b, bool ids_only)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < p->ntracks; i++) {
		const struct track *t = content_track(c, p->tracks[i]);
		const struct brief_track *tp = t ? progress_brief_track(b, t) : NULL;

		sb_add(&sb, i == 0 ? "" : ids_only ? "," : ", ");
		sb_add(&sb, p->tracks[i]);
		if (!ids_only && tp != NULL)
			sb_addf(&sb, " %zu/%zu", tp->done, tp->applicable);
		else if (!ids_only)
			sb_add(&sb, " ?");
	}
	return sb_detach(&sb);
}

/* "3/20,0/12", in the order of the tracks. */
static char *
progress_cell(const struct content *c, const struct project *p,
    const struct progress_brief *b)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < p->ntracks; i++) {
		const struct track *t = content_track(c, p->tracks[i]);
		const struct brief_track *tp = t ? progress_brief_track(b, t) : NULL;

		sb_addf(&sb, "%s%zu/%zu", i ? "," : "", tp ? tp->done : 0, tp ? tp->applicable : 0);
	}
	return sb_detach(&sb);
}

/* The list as it is made, a project at a time: written as it comes in
 * tsv and json (10,000 projects keep one in memory), kept for the widths
 * of the columns in text. */
struct list_run {
	const struct content *content;
	enum out_format	 fmt;
	struct table	*t;
	size_t		 n;
};

/* The tsv list's header, written with its first row (an error before
 * any writes no half list). */
static void
list_header(struct list_run *r)
{
	if (r->fmt == OUT_TSV)
		table_addf(r->t, "id\tname\ttracks\tprogress\topen_handoffs\tcreated\tchanged");
	else if (r->fmt == OUT_TEXT)
		table_addf(r->t, "%s\t%s\t%s\t%s\t%s", _("ID"), _("NAME"), _("TRACKS (steps done)"),
		    _("HAND-OFFS"), _("CHANGED"));
}

/* One project's line of the list. */
static int
list_one(const struct project *p, const struct progress_brief *b, void *arg)
{
	struct list_run *r = arg;
	char *tracks, *prog, created[21], changed[21], id[24], open[24];

	if (r->n++ == 0)
		list_header(r);
	if (r->fmt == OUT_JSON)
		return cmd_json_item("projects", report_project_summary(r->content, p, b));
	tracks = tracks_cell(r->content, p, b, r->fmt == OUT_TSV);
	prog = progress_cell(r->content, p, b);
	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	snprintf(open, sizeof(open), "%zu", b->nopen_handoffs);
	if (r->fmt == OUT_TSV) {
		clock_iso(p->created, created);
		clock_iso(p->changed, changed);
		cmd_row(r->t, id, p->name, tracks, prog, open, created, changed);
	} else {
		clock_local(p->changed, changed);
		cmd_row(r->t, id, p->name, tracks, open, changed);
	}
	free(tracks);
	free(prog);
	return 0;
}

/* project list --archived: the archived projects, the latest first. */
static int
list_archived(struct cmd *self, enum out_format fmt)
{
	struct project *v = NULL;
	struct table *t = NULL;
	json_t *root, *list;
	struct action a;
	char *cause = NULL, when[21], id[24];
	size_t n = 0, i, k;
	int rc;

	if ((rc = cmd_action(self, false, &a)) != 0)
		return rc;
	if ((rc = action_projects_archived(&a, &v, &n, &cause)) != 0)
		return cmd_fail(self, rc, cause);
	if (fmt == OUT_JSON) {
		root = json_object();
		list = json_array();
		for (i = 0; i < n; i++) {
			json_t *o = json_object(), *tr = json_array();

			for (k = 0; k < v[i].ntracks; k++)
				json_array_append_new(tr, report_text(v[i].tracks[k]));
			json_object_set_new(o, "id", json_integer(v[i].id));
			json_object_set_new(o, "name", report_text(v[i].name));
			json_object_set_new(o, "tracks", tr);
			json_object_set_new(o, "created", report_time(v[i].created));
			json_object_set_new(o, "changed", report_time(v[i].changed));
			json_object_set_new(o, "archived", report_time(v[i].archived));
			json_array_append_new(list, o);
		}
		json_object_set_new(root, "projects", list);
		rc = cmd_print_json(root);
		json_decref(root);
		projects_free(v, n);
		return rc;
	}
	if (n == 0 && fmt == OUT_TEXT) {
		ctrl_printf(stdout, _("No archived projects.\n"));
		projects_free(v, n);
		return 0;
	}
	t = table_new(4);
	if (fmt == OUT_TSV)
		table_addf(t, "id\tname\ttracks\tarchived");
	else
		table_addf(t, "%s\t%s\t%s\t%s", _("ID"), _("NAME"), _("TRACKS"), _("ARCHIVED"));
	for (i = 0; i < n; i++) {
		struct strbuf sb = STRBUF_INIT;

		for (k = 0; k < v[i].ntracks; k++) {
			const struct track *tr = content_track(a.content, v[i].tracks[k]);

			sb_addf(&sb, "%s%s", k ? ", " : "",
			    fmt == OUT_TSV || tr == NULL ? v[i].tracks[k] : text_get(&tr->title));
		}
		snprintf(id, sizeof(id), "%lld", (long long)v[i].id);
		if (fmt == OUT_TSV)
			clock_iso(v[i].archived, when);
		else
			clock_local(v[i].archived, when);
		cmd_row(t, id, v[i].name, sb_str(&sb), when);
		sb_free(&sb);
	}
	if (fmt == OUT_TSV)
		table_print_tsv(t, stdout);
	else
		table_print(t, stdout);
	table_free(t);
	projects_free(v, n);
	return 0;
}

static int
project_list(struct cmd *self)
{
	struct list_run r = { NULL, OUT_TEXT, NULL, 0 };
	struct action a;
	char *cause = NULL;
	int rc;

	if ((rc = cmd_format(self, &r.fmt)) != 0)
		return rc;
	if (args_has(&self->args, "archived"))
		return list_archived(self, r.fmt);
	if ((rc = cmd_action(self, false, &a)) != 0)
		return rc;
	if (r.fmt == OUT_TSV)
		r.t = table_new_tsv(7, stdout);
	else if (r.fmt == OUT_TEXT)
		r.t = table_new(5);
	/* Each project's brief as project show would give it (hand-offs
	 * that lag behind the rules counted as brought in line), worked out
	 * as the projects are read: the list writes nothing. */
	r.content = a.content;
	if ((rc = action_briefs(&a, NULL, 0, list_one, &r, &cause)) != 0)
		cmd_fail(self, rc, cause);
	else if (r.fmt == OUT_JSON)
		rc = cmd_json_end("projects");
	else if (r.fmt == OUT_TSV && r.n == 0)
		list_header(&r);
	else if (r.n == 0)
		ctrl_printf(stdout, _("No projects yet. Create one with: airejse project new --journey ny-ide --name NAME\n"));
	else if (r.fmt == OUT_TEXT)
		table_print(r.t, stdout);
	table_free(r.t);
	return rc;
}

/* Loads the project named by key. */
static int
load_project(struct cmd *self, struct action *a, bool writable, const char *key,
    struct snapshot **out)
{
	struct project *p;
	char *cause = NULL;
	int rc;

	*out = NULL;
	if ((rc = cmd_action(self, writable, a)) != 0 || (rc = cmd_project(self, a, key, &p)) != 0)
		return rc;
	if ((rc = action_refresh(a, p->id, out, &cause)) != 0)
		cmd_fail(self, rc, cause);
	project_free(p);
	return rc;
}

/* Says why a step is held up, as the journey screen does. */
static void
print_why(const struct step_progress *sp)
{
	if (sp->status == STEP_BLOCKED && sp->handoff_blocks)
		ctrl_printf(stdout, _("        (waiting for the hand-off %s)\n"), sp->handoff->rule);
	else if (sp->status == STEP_BLOCKED && sp->waits_for != NULL)
		ctrl_printf(stdout, _("        (do %s first)\n"), sp->waits_for->id);
	else if (sp->handoff != NULL && sp->status != STEP_DONE)
		ctrl_printf(stdout, _("        (the hand-off %s asks one of its questions)\n"),
		    sp->handoff->rule);
	if (sp->status == STEP_BLOCKED && sp->waits_requires)
		/* L10N: %s says what must hold, e.g. "the agreement with the
		 * vendor has been signed" (the content's requires_text). */
		ctrl_printf(stdout, _("        (waits until %s)\n"), step_requires_text(sp->step));
}

static void
show_text(const struct content *c, const struct snapshot *s, const char *today)
{
	const struct progress *pr = s->progress;
	char created[17], changed[17];
	size_t t, i, j, k, idx, kept;

	clock_local(s->project->created, created);
	clock_local(s->project->changed, changed);
	ctrl_printf(stdout, _("%s (project %lld)\n"), s->project->name, (long long)s->project->id);
	ctrl_printf(stdout, _("Created %s, changed %s. Open hand-offs: %zu.\n"), created, changed,
	    pr->nopen_handoffs);
	if (pr->nmissing > 0)
		ctrl_printf(stdout, _("Some of its tracks are not in the content: %zu.\n"), pr->nmissing);
	for (t = 0; t < pr->ntracks; t++) {
		const struct track_progress *tp = &pr->tracks[t];

		ctrl_printf(stdout, "\n%s (%s): ", text_get(&tp->track->title), tp->track->id);
		ctrl_printf(stdout, P_("%zu of %zu step done\n", "%zu of %zu steps done\n", tp->applicable),
		    tp->done, tp->applicable);
		for (i = 0, idx = 0; i < tp->track->nphases; i++) {
			const struct phase *ph = &tp->track->phases[i];

			ctrl_printf(stdout, "  %s (%zu/%zu)\n", text_get(&ph->title), tp->phases[i].done,
			    tp->phases[i].applicable);
			for (j = 0; j < ph->nsteps; j++, idx++) {
				const struct step_progress *sp = &tp->steps[idx];

				if (sp->status == STEP_NOT_APPLICABLE)
					continue;
				ctrl_printf(stdout, "    [%s] %s  %s\n", step_status_label(sp->status), sp->step->id,
				    text_get(&sp->step->title));
				print_why(sp);
				for (k = 0; k < sp->step->nquestions; k++) {
					const struct question *q = sp->step->questions[k];
					const struct answer *an = progress_answer(pr, q);
					char *text;

					if (!progress_applies(pr, q))
						continue;
					text = value_answer_text(q, an ? an->kind : ANSWER_NONE,
					    an ? an->value : NULL);
					ctrl_printf(stdout, "        %s: %s\n", q->id, text);
					free(text);
				}
			}
		}
	}
	if ((kept = report_kept_answers(s)) > 0)
		ctrl_printf(stdout, P_("\n%zu answer is kept for questions that do not apply now.\n",
		    "\n%zu answers are kept for questions that do not apply now.\n", kept), kept);
}

static void
show_tsv(const struct snapshot *s, const char *today)
{
	const struct progress *pr = s->progress;
	struct table *tb = table_new(8);
	size_t t, i, k;

	table_addf(tb, "track\tstep\tstatus\tquestion\ttype\tkind\tvalue\trevision");
	for (t = 0; t < pr->ntracks; t++) {
		const struct track_progress *tp = &pr->tracks[t];

		for (i = 0; i < tp->track->nsteps; i++) {
			const struct step_progress *sp = &tp->steps[i];

			if (sp->status == STEP_NOT_APPLICABLE)
				continue;
			for (k = 0; k < sp->step->nquestions; k++) {
				const struct question *q = sp->step->questions[k];
				const struct answer *an = progress_answer(pr, q);
				char rev[24];

				if (!progress_applies(pr, q))
					continue;

				snprintf(rev, sizeof(rev), "%lld", (long long)progress_revision(pr, q));
				cmd_row(tb, tp->track->id, sp->step->id, step_status_name(sp->status),
				    q->id, qtype_name(q->type),
				    answer_kind_name(an ? an->kind : ANSWER_NONE),
				    an ? an->value : NULL, rev);
			}
		}
	}
	table_print_tsv(tb, stdout);
	table_free(tb);
}

/* The frame of show and next: one project, printed in one of three ways. */
struct view {
	json_t	*(*json)(const struct content *, const struct snapshot *, const char *today);
	void	 (*tsv)(const struct snapshot *, const char *today);
	void	 (*text)(const struct content *, const struct snapshot *, const char *today);
};

static int
project_view(struct cmd *self, const struct view *v)
{
	enum out_format fmt;
	struct snapshot *s;
	struct action a;
	char today[11];
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0 ||
	    (rc = load_project(self, &a, false, self->args.operands[0], &s)) != 0)
		return rc;
	clock_today(today);
	if (fmt == OUT_JSON) {
		json_t *root = v->json(a.content, s, today);

		rc = cmd_print_json(root);
		json_decref(root);
	} else if (fmt == OUT_TSV) {
		v->tsv(s, today);
	} else {
		v->text(a.content, s, today);
	}
	snapshot_free(s);
	return rc;
}

static int
project_show(struct cmd *self)
{
	static const struct view v = { report_project, show_tsv, show_text };

	return project_view(self, &v);
}

static int
project_rename(struct cmd *self)
{
	struct project *p;
	struct action a;
	char *cause = NULL;
	int rc;

	if ((rc = cmd_action(self, true, &a)) != 0 ||
	    (rc = cmd_project(self, &a, self->args.operands[0], &p)) != 0)
		return rc;
	if ((rc = action_project_rename(&a, p->id, self->args.operands[1], &cause)) != 0)
		cmd_fail(self, rc, cause);
	project_free(p);
	return rc;
}

/* project track P TRACK[,TRACK...] [--dry-run]: says what the move
 * changes, then makes it (one transaction, every answer kept). */
static int
project_track(struct cmd *self)
{
	bool dry = args_has(&self->args, "dry-run");
	char *list = xstrdup(self->args.operands[1]), *id, *save = NULL;
	char **tracks = NULL, *cause = NULL, *text = NULL;
	struct project *p = NULL;
	struct action a;
	size_t n = 0;
	int rc;

	for (id = strtok_r(list, ",", &save); id != NULL; id = strtok_r(NULL, ",", &save)) {
		tracks = xreallocarray(tracks, n + 1, sizeof(*tracks));
		tracks[n++] = id;
	}
	if ((rc = cmd_action(self, !dry, &a)) != 0 ||
	    (rc = cmd_project(self, &a, self->args.operands[0], &p)) != 0)
		goto out;
	if ((rc = action_track_move_text(&a, p->id, tracks, n, &text, &cause)) != 0) {
		cmd_fail(self, rc, cause);
		goto out;
	}
	fputs(text, stdout);
	if (!dry && (rc = action_project_tracks(&a, p->id, tracks, n, &cause)) != 0)
		cmd_fail(self, rc, cause);
out:
	project_free(p);
	free(text);
	free(tracks);
	free(list);
	return rc;
}

/* delete (archive) and restore: the same lookup and one action. */
static int
project_archive(struct cmd *self, bool archived)
{
	struct project *p;
	struct action a;
	char *cause = NULL;
	int rc;

	if ((rc = cmd_action(self, true, &a)) != 0 ||
	    (rc = cmd_project(self, &a, self->args.operands[0], &p)) != 0)
		return rc;
	if ((rc = action_project_archive(&a, p->id, archived, &cause)) != 0)
		cmd_fail(self, rc, cause);
	else if (archived)
		ctrl_printf(stderr, _("Archived the project '%s': 'airejse project restore %lld' brings it back, 'airejse project purge %lld' removes it for good.\n"),
		    p->name, (long long)p->id, (long long)p->id);
	project_free(p);
	return rc;
}

/* Archiving loses nothing, so it does not ask; --yes is accepted for the
 * scripts of versions that deleted. */
static int
project_delete(struct cmd *self)
{
	return project_archive(self, true);
}

static int
project_restore(struct cmd *self)
{
	return project_archive(self, false);
}

static int
project_purge(struct cmd *self)
{
	bool yes = args_has(&self->args, "yes");
	struct project *p;
	struct action a;
	char *cause = NULL, *q;
	int rc;

	if ((rc = cmd_action(self, true, &a)) != 0 ||
	    (rc = cmd_project(self, &a, self->args.operands[0], &p)) != 0)
		return rc;
	/* Only an archived project can go: say so before asking. */
	if (p->archived == 0) {
		rc = action_project_purge(&a, p->id, &cause);
		project_free(p);
		return cmd_fail(self, rc, cause);
	}
	if (!yes && !isatty(STDIN_FILENO)) {
		rc = cmd_error(self, EX_USAGE,
		    _("not removing '%s' for good without asking: add --yes to do it from a script"),
		    p->name);
		project_free(p);
		return rc;
	}
	if (!yes) {
		q = xasprintf(_("Remove the archived project '%s' (%lld) for good, with all its answers, hand-offs and history? This cannot be undone. [y/N]"),
		    p->name, (long long)p->id);
		yes = cmd_confirm(q);
		free(q);
		if (!yes) {
			ctrl_printf(stderr, _("Nothing was removed.\n"));
			project_free(p);
			return 0;
		}
	}
	if ((rc = action_project_purge(&a, p->id, &cause)) != 0)
		cmd_fail(self, rc, cause);
	project_free(p);
	return rc;
}

/* next */

/* A hand-off in words: its rule's reason ("An agreement is missing."),
 * or its id when the content no longer has the rule. */
static const char *
handoff_text(const struct content *c, const struct handoff *h)
{
	const struct handoff_rule *rule = content_handoff(c, h->rule);

	return rule != NULL ? text_get(&rule->reason) : h->rule;
}

static void
next_text(const struct content *c, const struct snapshot *s, const char *today)
{
	const struct progress *pr = s->progress;
	size_t t, i, k, nwait = 0, nlate = 0;

	if (pr->next == NULL) {
		ctrl_printf(stdout, _("Every step of %s is done.\n"), s->project->name);
	} else {
		const struct step *st = pr->next->step;

		ctrl_printf(stdout, _("Next: %s, %s: %s (%s)\n"), text_get(&st->track->title),
		    text_get(&st->phase->title), text_get(&st->title), text_get(&st->owner->name));
		if (pr->next->status == STEP_BLOCKED && pr->next->waits_requires &&
		    !pr->next->handoff_blocks) {
			char *why = xasprintf(_("Waits until %s."), step_requires_text(st));

			ctrl_printf(stdout, "  %s\n", why);
			free(why);
		} else if (pr->next->status == STEP_BLOCKED)
			ctrl_printf(stdout, _("  Every open step is waiting: see below.\n"));
		for (k = 0; k < st->nquestions; k++) {
			const struct question *q = st->questions[k];
			enum answer_kind kind = progress_counts(pr, q, NULL);

			if (progress_applies(pr, q) && kind != ANSWER_VALUE)
				ctrl_printf(stdout, "  %s %s: %s\n", kind == ANSWER_DONTKNOW ? "?" : "-", q->id,
				    text_get(&q->prompt));
		}
	}
	for (t = 0; pr->ntracks > 1 && t < pr->ntracks; t++) {
		const struct track_progress *tp = &pr->tracks[t];

		if (tp->next != NULL && tp->next != pr->next)
			ctrl_printf(stdout, _("In %s: %s\n"), text_get(&tp->track->title),
			    text_get(&tp->next->step->title));
	}
	/* Each hand-off by what it is about (its reason) and its due date
	 * as the user writes dates, never by its rule's id. */
	for (i = 0; i < s->nhandoffs; i++) {
		const struct handoff *h = &s->handoffs[i];
		const struct role *r = content_role(c, h->role);
		char *due;

		if (!handoff_is_open(h->state))
			continue;
		if (nwait++ == 0)
			ctrl_printf(stdout, _("Waiting on:\n"));
		due = h->due ? value_format_date(h->due, i18n_lang()) : NULL;
		ctrl_printf(stdout, "  %s: %s (%s%s%s)%s%s\n", r ? text_get(&r->name) : h->role,
		    handoff_text(c, h), handoff_state_label(h->state), due ? _(", due ") : "",
		    due ? due : "", h->contact ? " " : "", h->contact ? h->contact : "");
		free(due);
		if (handoff_overdue(h, today))
			nlate++;
	}
	if (nlate > 0) {
		ctrl_printf(stdout, _("Overdue:\n"));
		for (i = 0; i < s->nhandoffs; i++)
			if (handoff_overdue(&s->handoffs[i], today)) {
				const struct handoff *h = &s->handoffs[i];
				const struct role *r = content_role(c, h->role);
				char *due = value_format_date(h->due, i18n_lang());

				/* L10N: the role, the hand-off's reason, the date it was due. */
				ctrl_printf(stdout, _("  %s: %s, due %s\n"), r ? text_get(&r->name) : h->role,
				    handoff_text(c, h), due);
				free(due);
			}
	}
}

static void
next_tsv(const struct snapshot *s, const char *today)
{
	const struct progress *pr = s->progress;
	struct table *tb = table_new(8);
	size_t t, i;

	cmd_row(tb, "kind", "track", "step", "status", "handoff", "role", "due", "title");
	for (t = 0; t <= pr->ntracks; t++) {
		/* First the project's next step, then each track's. */
		const struct step_progress *sp = t == 0 ? pr->next : pr->tracks[t - 1].next;

		if (sp != NULL)
			cmd_row(tb, t == 0 ? "next" : "track", sp->step->track->id, sp->step->id,
			    step_status_name(sp->status), NULL, sp->step->owner->id, NULL,
			    text_get(&sp->step->title));
	}
	for (i = 0; i < s->nhandoffs; i++) {
		const struct handoff *h = &s->handoffs[i];

		if (handoff_is_open(h->state))
			cmd_row(tb, handoff_overdue(h, today) ? "overdue" : "waiting", NULL, NULL,
			    handoff_state_name(h->state), h->rule, h->role, h->due, h->contact);
	}
	table_print_tsv(tb, stdout);
	table_free(tb);
}

static json_t *
next_json(const struct content *c, const struct snapshot *s, const char *today)
{
	const struct progress *pr = s->progress;
	json_t *o = json_object(), *tracks = json_array(), *waiting = json_array();
	json_t *overdue = json_array(), *open = json_array();
	size_t t, i, k;

	json_object_set_new(o, "project", json_integer(s->project->id));
	json_object_set_new(o, "name", report_text(s->project->name));
	json_object_set_new(o, "next", pr->next ? report_step(pr->next) : json_null());
	if (pr->next != NULL)
		for (k = 0; k < pr->next->step->nquestions; k++) {
			const struct question *q = pr->next->step->questions[k];

			if (progress_applies(pr, q) && progress_counts(pr, q, NULL) != ANSWER_VALUE)
				json_array_append_new(open, json_string(q->id));
		}
	json_object_set_new(o, "open_questions", open);
	for (t = 0; t < pr->ntracks; t++) {
		const struct track_progress *tp = &pr->tracks[t];
		json_t *jt = json_object();

		json_object_set_new(jt, "id", json_string(tp->track->id));
		json_object_set_new(jt, "done", json_integer((json_int_t)tp->done));
		json_object_set_new(jt, "applicable", json_integer((json_int_t)tp->applicable));
		json_object_set_new(jt, "next", tp->next ? report_step(tp->next) : json_null());
		json_array_append_new(tracks, jt);
	}
	json_object_set_new(o, "tracks", tracks);
	for (i = 0; i < s->nhandoffs; i++) {
		const struct handoff *h = &s->handoffs[i];

		if (!handoff_is_open(h->state))
			continue;
		json_array_append_new(waiting, report_handoff(c, pr, h, s->project, today));
		if (handoff_overdue(h, today))
			json_array_append_new(overdue, report_text(h->rule));
	}
	json_object_set_new(o, "waiting", waiting);
	json_object_set_new(o, "overdue", overdue);
	return o;
}

/* next without a project: every project's next step, as a workshop's
 * board shows it. */
struct board_run {
	const struct content *content;
	enum out_format	 fmt;
	struct table	*t;	/* tsv: written as it comes, as the list */
	size_t		 n;
	char		 today[11];
};

/* The board's header, with its first row (see list_header). */
static void
board_header(struct board_run *r)
{
	if (r->fmt == OUT_TSV)
		table_addf(r->t, "id\tname\ttrack\tstep\tmark\twaits_on\tanswered\tquestions\topen_handoffs\tfirst_due\toverdue");
	else if (r->fmt == OUT_TEXT)
		table_addf(r->t, "%s\t%s\t%s\t%s\t%s\t%s", _("ID"), _("NAME"), _("NEXT STEP"),
		    _("WAITS ON"), _("ANSWERED"), _("HAND-OFFS"));
}

static int
board_one(const struct project *p, const struct progress_brief *b, void *arg)
{
	struct board_run *r = arg;
	bool late = b->first_due[0] != '\0' && strcmp(b->first_due, r->today) < 0;
	char id[24], ans[48], qs[24], open[24], changed[21];
	const char *waits = b->waits_on ? b->waits_on->id : NULL;

	if (r->n++ == 0)
		board_header(r);
	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	if (r->fmt == OUT_JSON) {
		json_t *o = json_object(), *nx = json_null();

		if (b->next != NULL) {
			nx = json_object();
			json_object_set_new(nx, "track", json_string(b->next->track->id));
			json_object_set_new(nx, "step", json_string(b->next->id));
			json_object_set_new(nx, "title", json_string(text_get(&b->next->title)));
			json_object_set_new(nx, "mark", json_string(step_mark_name(b->next_mark)));
		}
		clock_iso(p->changed, changed);
		json_object_set_new(o, "project", json_integer(p->id));
		json_object_set_new(o, "name", report_text(p->name));
		json_object_set_new(o, "next", nx);
		json_object_set_new(o, "waits_on", waits ? report_text(waits) : json_null());
		json_object_set_new(o, "answered", json_integer((json_int_t)b->nanswered));
		json_object_set_new(o, "questions", json_integer((json_int_t)b->nquestions));
		json_object_set_new(o, "open_handoffs", json_integer((json_int_t)b->nopen_handoffs));
		json_object_set_new(o, "first_due", b->first_due[0] ? json_string(b->first_due) : json_null());
		json_object_set_new(o, "overdue", json_boolean(late));
		json_object_set_new(o, "changed", json_string(changed));
		return cmd_json_item("projects", o);
	}
	snprintf(open, sizeof(open), "%zu", b->nopen_handoffs);
	if (r->fmt == OUT_TSV) {
		snprintf(ans, sizeof(ans), "%zu", b->nanswered);
		snprintf(qs, sizeof(qs), "%zu", b->nquestions);
		cmd_row(r->t, id, p->name, b->next ? b->next->track->id : NULL,
		    b->next ? b->next->id : NULL, b->next ? step_mark_name(b->next_mark) : NULL,
		    waits, ans, qs, open, b->first_due[0] ? b->first_due : NULL,
		    late ? "overdue" : NULL);
		return 0;
	}
	snprintf(ans, sizeof(ans), "%zu/%zu", b->nanswered, b->nquestions);
	if (late) {
		char *s = xasprintf(_("%s: overdue since %s"), b->first_due_role ?
		    text_get(&b->first_due_role->name) : "?", b->first_due);

		cmd_row(r->t, id, p->name, b->next ? text_get(&b->next->title) : _("every step done"),
		    b->waits_on ? text_get(&b->waits_on->name) : NULL, ans, s);
		free(s);
	} else {
		cmd_row(r->t, id, p->name, b->next ? text_get(&b->next->title) : _("every step done"),
		    b->waits_on ? text_get(&b->waits_on->name) : NULL, ans, open);
	}
	return 0;
}

static int
next_every(struct cmd *self)
{
	struct board_run r = { NULL, OUT_TEXT, NULL, 0, "" };
	struct action a;
	char *cause = NULL;
	int rc;

	if ((rc = cmd_format(self, &r.fmt)) != 0 || (rc = cmd_action(self, false, &a)) != 0)
		return rc;
	r.content = a.content;
	clock_today(r.today);
	if (r.fmt == OUT_TSV)
		r.t = table_new_tsv(11, stdout);
	else if (r.fmt == OUT_TEXT)
		r.t = table_new(6);
	if ((rc = action_briefs(&a, NULL, 0, board_one, &r, &cause)) != 0)
		cmd_fail(self, rc, cause);
	else if (r.fmt == OUT_JSON)
		rc = cmd_json_end("projects");
	else if (r.n == 0)
		board_header(&r);
	if (rc == 0 && r.fmt == OUT_TEXT)
		table_print(r.t, stdout);
	table_free(r.t);
	return rc;
}

static int
next(struct cmd *self)
{
	static const struct view v = { next_json, next_tsv, next_text };

	if (self->args.noperands == 0)
		return next_every(self);
	return project_view(self, &v);
}

static const struct args_option format_options[] = {
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand project_operand[] = {
	CMD_PROJECT_OPERAND,
	{ NULL, NULL }
};

static const struct args_option new_options[] = {
	{ "journey", 'j', "ID[,ID...]", N_("a track the project follows (see 'airejse journeys'); several separated by commas, or the option again"), "track" },
	{ "name", 'n', NC_("placeholder", "NAME"), N_("the project's name: 1 to 200 characters on one line"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_entry project_new_entry = {
	"new", NULL, N_("--journey ID[,ID...] --name NAME"),
	N_("create a project following one or more tracks; prints its id"),
	new_options, NULL, 0, 0, project_new, NULL
};

static const struct args_option list_options[] = {
	CMD_FORMAT_OPTION,
	{ "archived", 'a', NULL, N_("list the archived projects instead"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_entry project_list_entry = {
	"list", NULL, "[--archived] [--format text|tsv|json]",
	N_("list the projects with their progress"),
	list_options, NULL, 0, 0, project_list, NULL
};

static const struct cmd_entry project_show_entry = {
	"show", NULL, "P [--format text|tsv|json]",
	N_("show a project: its steps, questions and answers"),
	format_options, project_operand, 1, 1, project_show, NULL
};

static const struct cmd_operand rename_operands[] = {
	CMD_PROJECT_OPERAND,
	{ NC_("placeholder", "NAME"), N_("the new name: 1 to 200 characters on one line") },
	{ NULL, NULL }
};

static const struct cmd_entry project_rename_entry = {
	"rename", NULL, N_("P NAME"),
	N_("rename a project"),
	NULL, rename_operands, 2, 2, project_rename, NULL
};

static const struct cmd_operand track_operands[] = {
	CMD_PROJECT_OPERAND,
	{ NC_("placeholder", "TRACK"), N_("the track the project should follow, or several separated by commas (see 'airejse journeys')") },
	{ NULL, NULL }
};

static const struct args_option track_options[] = {
	{ "dry-run", 0, NULL, N_("say what the move would change, and change nothing"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_entry project_track_entry = {
	"track", NULL, N_("P TRACK[,TRACK...] [--dry-run]"),
	N_("move a project to other tracks, keeping every answer"),
	track_options, track_operands, 2, 2, project_track, NULL
};

static const struct args_option delete_options[] = {
	{ "yes", 'y', NULL, N_("accepted and ignored: archiving does not ask"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_entry project_delete_entry = {
	"delete", "archive", "P",
	N_("archive a project: hide it from the lists, keep everything; 'restore' brings it back"),
	delete_options, project_operand, 1, 1, project_delete, NULL
};

static const struct cmd_entry project_restore_entry = {
	"restore", NULL, "P",
	N_("bring an archived project back into use"),
	NULL, project_operand, 1, 1, project_restore, NULL
};

static const struct args_option purge_options[] = {
	{ "yes", 'y', NULL, N_("remove without asking (needed when not on a terminal)"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_entry project_purge_entry = {
	"purge", NULL, "P [--yes]",
	N_("remove an archived project for good, with its answers and history"),
	purge_options, project_operand, 1, 1, project_purge, NULL
};

static const struct cmd_entry *const project_entries[] = {
	&project_new_entry,
	&project_list_entry,
	&project_show_entry,
	&project_rename_entry,
	&project_track_entry,
	&project_delete_entry,
	&project_restore_entry,
	&project_purge_entry,
	NULL
};

const struct cmd_entry cmd_project_entry = {
	"project", NULL, "new|list|show|rename|track|delete|restore|purge ...",
	N_("create, list, show, rename, archive, restore and purge projects"),
	NULL, NULL, 0, 0, NULL, project_entries
};

const struct cmd_entry cmd_next_entry = {
	"next", NULL, "[P] [--format text|tsv|json]",
	N_("what to do next, who is waiting on whom, what is overdue; without P, for every project"),
	format_options, project_operand, 0, 1, next, NULL
};
