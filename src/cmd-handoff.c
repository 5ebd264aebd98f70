/* SPDX-License-Identifier: EUPL-1.2 */
/* Hand-offs: handoffs (the list) and handoff (show or change one). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/app.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/handoff.h"
#include "airejse/progress.h"
#include "airejse/report.h"
#include "airejse/store.h"
#include "airejse/table.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

struct filter {
	const char		*role;	/* NULL: any */
	bool			 has_state;
	enum handoff_state	 state;
};

static bool
wanted(const struct filter *f, const struct handoff *h)
{
	return (f->role == NULL || strcmp(f->role, h->role) == 0) &&
	    (!f->has_state || f->state == h->state);
}

/* Adds the hand-offs of one project to the table or the json list. */
static void
list_project(const struct content *c, const struct snapshot *s, const struct filter *f,
    enum out_format fmt, const char *today, struct table *t, json_t *list)
{
	size_t i;

	for (i = 0; i < s->nhandoffs; i++) {
		const struct handoff *h = &s->handoffs[i];
		const struct role *r = content_role(c, h->role);
		char pid[24], raised[21], changed[21];
		const char *late = handoff_overdue(h, today) ? "yes" : "no";

		if (!wanted(f, h))
			continue;
		if (fmt == OUT_JSON) {
			json_array_append_new(list, report_handoff(c, s->progress, h, s->project, today));
			continue;
		}
		snprintf(pid, sizeof(pid), "%lld", (long long)h->project);
		if (fmt == OUT_TSV) {
			clock_iso(h->raised, raised);
			clock_iso(h->changed, changed);
			cmd_row(t, pid, s->project->name, h->rule, h->role, handoff_state_name(h->state),
			    h->due, late, h->contact, raised, changed, h->note);
		} else {
			char *state = handoff_overdue(h, today) ?
			    xasprintf(_("%s, overdue"), handoff_state_label(h->state)) :
			    xstrdup(handoff_state_label(h->state));

			cmd_row(t, pid, s->project->name, h->rule, r ? text_get(&r->name) : h->role,
			    state, h->due, h->contact);
			free(state);
		}
	}
}

/* What list_project needs, for a walk over every project. */
struct listing {
	const struct content	*c;
	const struct filter	*f;
	enum out_format		 fmt;
	const char		*today;
	struct table		*t;
	json_t			*list;
};

static int
list_each(const struct snapshot *s, void *arg)
{
	const struct listing *l = arg;

	list_project(l->c, s, l->f, l->fmt, l->today, l->t, l->list);
	return 0;
}

/* Forgets the rows of a walk that is to be made again. */
static void
list_reset(void *arg)
{
	const struct listing *l = arg;

	if (l->t != NULL)
		table_truncate(l->t, 1);
	if (l->list != NULL)
		json_array_clear(l->list);
}

static int
handoffs(struct cmd *self)
{
	const char *state = args_get(&self->args, "state");
	enum out_format fmt;
	struct filter f = { NULL, false, HANDOFF_RAISED };
	struct project *one = NULL;
	struct table *t = NULL;
	json_t *list = NULL;
	struct action a;
	char *cause = NULL, today[11];
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0)
		return rc;
	if (state != NULL) {
		if (handoff_state_parse(state, &f.state) != 0)
			return cmd_error(self, EX_USAGE,
			    _("unknown state '%s': use raised, sent, answered, closed or withdrawn"), state);
		f.has_state = true;
	}
	if ((rc = cmd_action(self, false, &a)) != 0)
		return rc;
	/* --role is a global option: it also picks the TUI's role view. */
	if ((f.role = self->app->role) != NULL) {
		const struct role *r;

		if ((rc = action_role_find(&a, f.role, &r, &cause)) != 0)
			return cmd_fail(self, rc, cause);
	}
	if (self->args.noperands == 1 &&
	    (rc = cmd_project(self, &a, self->args.operands[0], &one)) != 0)
		return rc;
	clock_today(today);
	if (fmt == OUT_JSON) {
		list = json_array();
	} else {
		t = table_new(fmt == OUT_TSV ? 11 : 7);
		if (fmt == OUT_TSV)
			cmd_row(t, "project", "project_name", "id", "role", "state", "due", "overdue",
			    "contact", "raised", "changed", "note");
		else
			cmd_row(t, _("P"), _("PROJECT"), _("HAND-OFF"), _("ROLE"), _("STATE"), _("DUE"),
			    _("CONTACT"));
	}
	if (one != NULL) {
		struct snapshot *s;

		if ((rc = action_refresh(&a, one->id, &s, &cause)) == 0) {
			list_project(a.content, s, &f, fmt, today, t, list);
			snapshot_free(s);
		}
	} else {
		/* Every project read in one walk, those whose hand-offs lag
		 * brought in line with the rules and then all read again. */
		struct listing l = { a.content, &f, fmt, today, t, list };

		rc = action_each_refreshed(&a, list_each, list_reset, &l, &cause);
	}
	if (rc != 0)
		cmd_fail(self, rc, cause);
	if (rc == 0 && fmt == OUT_JSON) {
		json_t *root = json_object();

		json_object_set_new(root, "handoffs", list);
		list = NULL;
		rc = cmd_print_json(root);
		json_decref(root);
	} else if (rc == 0 && fmt == OUT_TSV) {
		table_print_tsv(t, stdout);
	} else if (rc == 0 && t->nrows == 1) {
		ctrl_printf(stdout, _("No hand-offs.\n"));
	} else if (rc == 0) {
		table_print(t, stdout);
	}
	json_decref(list);
	table_free(t);
	project_free(one);
	return rc;
}

/* One hand-off in full, with its history. */
static int
handoff_show(const struct cmd *self, struct action *a, const struct project *p,
    const char *rule, enum out_format fmt)
{
	struct handoff_event *ev = NULL;
	struct snapshot *s = NULL;
	const struct handoff *h;
	const struct handoff_rule *r;
	char *cause = NULL, today[11];
	size_t nev = 0, i;
	int rc;

	/* The hand-off and its history as of one moment. */
	if ((rc = action_refresh_open(a, p->id, &s, &cause)) != 0)
		goto out;
	if ((h = handoff_find(s->handoffs, s->nhandoffs, rule)) == NULL) {
		action_read_end(a);
		cause = xasprintf(_("the project has no hand-off '%s': see 'airejse handoffs %lld'"),
		    rule, (long long)p->id);
		rc = EX_NOINPUT;
		goto out;
	}
	rc = store_handoff_history(a->store, h->id, &ev, &nev, &cause);
	action_read_end(a);
	if (rc != 0)
		goto out;
	clock_today(today);
	r = content_handoff(a->content, h->rule);
	if (fmt == OUT_JSON) {
		json_t *o = report_handoff(a->content, s->progress, h, s->project, today);
		json_t *hist = json_array();

		for (i = 0; i < nev; i++) {
			json_t *e = json_object();

			json_object_set_new(e, "old_state", ev[i].old_state < 0 ? json_null() :
			    json_string(handoff_state_name((enum handoff_state)ev[i].old_state)));
			json_object_set_new(e, "new_state", json_string(handoff_state_name(ev[i].new_state)));
			json_object_set_new(e, "note", ev[i].note ? report_text(ev[i].note) : json_null());
			json_object_set_new(e, "due", ev[i].due ? report_text(ev[i].due) : json_null());
			json_object_set_new(e, "time", report_time(ev[i].time));
			json_object_set_new(e, "user", report_text(ev[i].user));
			/* Only a database server has logins. */
			if (ev[i].login != NULL)
				json_object_set_new(e, "login", report_text(ev[i].login));
			json_object_set_new(e, "source", json_string(source_name(ev[i].source)));
			json_array_append_new(hist, e);
		}
		json_object_set_new(o, "history", hist);
		rc = cmd_print_json(o);
		json_decref(o);
	} else if (fmt == OUT_TSV) {
		struct table *t = table_new(7);

		cmd_row(t, "time", "user", "source", "old_state", "new_state", "due", "note");
		for (i = 0; i < nev; i++) {
			char when[21];

			clock_iso(ev[i].time, when);
			cmd_row(t, when, ev[i].user, source_name(ev[i].source),
			    ev[i].old_state < 0 ? NULL : handoff_state_name((enum handoff_state)ev[i].old_state),
			    handoff_state_name(ev[i].new_state), ev[i].due, ev[i].note);
		}
		table_print_tsv(t, stdout);
		table_free(t);
	} else {
		const struct role *role = content_role(a->content, h->role);
		struct table *t = table_new(3);

		ctrl_printf(stdout, _("%s, %s: %s\n"), h->rule, role ? text_get(&role->name) : h->role,
		    handoff_state_label(h->state));
		if (r != NULL)
			ctrl_printf(stdout, "%s\n", text_get(&r->reason));
		if (h->due)
			ctrl_printf(stdout, _("Due: %s%s\n"), h->due, handoff_overdue(h, today) ? _(" (overdue)") : "");
		if (h->contact)
			ctrl_printf(stdout, _("Contact: %s\n"), h->contact);
		if (h->note)
			ctrl_printf(stdout, _("Note: %s\n"), h->note);
		for (i = 0; r != NULL && i < r->nquestions; i++) {
			const struct question *q = r->questions[i];
			const struct answer *an = progress_answer(s->progress, q);
			char *text = value_answer_text(q, an ? an->kind : ANSWER_NONE, an ? an->value : NULL);

			if (i == 0)
				ctrl_printf(stdout, _("Questions:\n"));
			ctrl_printf(stdout, "  %s: %s\n    %s\n", q->id, text_get(&q->prompt), text);
			free(text);
		}
		for (i = 0; i < nev; i++) {
			char when[17], *change;

			clock_local(ev[i].time, when);
			change = ev[i].old_state < 0 ? xstrdup(handoff_state_label(ev[i].new_state)) :
			    xasprintf("%s → %s", handoff_state_label((enum handoff_state)ev[i].old_state),
				handoff_state_label(ev[i].new_state));
			cmd_row(t, when, change, ev[i].note);
			free(change);
		}
		if (nev > 0) {
			ctrl_printf(stdout, _("History:\n"));
			table_print(t, stdout);
		}
		table_free(t);
	}
out:
	if (cause != NULL)
		cmd_fail(self, rc, cause);
	handoff_events_free(ev, nev);
	snapshot_free(s);
	return rc;
}

/* What a move of the hand-off for rule asks of the user first: a reason
 * to move it back, a yes to mark it answered when none of its questions
 * has an answer (on a terminal, asked; else --yes). Returns 0 (with
 * *stop when the user said no), or the status after saying why. */
static int
check_move(struct cmd *self, struct action *a, const struct project *p, const char *rule,
    struct handoff_edit *edit, bool *stop)
{
	const struct handoff *h;
	const struct role *ro;
	struct snapshot *s = NULL;
	char *cause = NULL, *q;
	int rc;

	if ((rc = action_refresh(a, p->id, &s, &cause)) != 0)
		return cmd_fail(self, rc, cause);
	h = handoff_find(s->handoffs, s->nhandoffs, rule);
	ro = h ? content_role(a->content, h->role) : NULL;
	if (h == NULL || h->state == HANDOFF_WITHDRAWN || edit->state == HANDOFF_WITHDRAWN) {
		/* action_handoff says why. */
	} else if (edit->state < h->state &&
	    (edit->note == NULL || edit->note[strspn(edit->note, " \t\n")] == '\0')) {
		rc = cmd_error(self, EX_DATAERR,
		    _("the hand-off moves back from %s to %s: say why with --reason TEXT; it is kept in its history"),
		    handoff_state_label(h->state), handoff_state_label(edit->state));
	} else if (edit->state == HANDOFF_ANSWERED && h->state < HANDOFF_ANSWERED &&
	    !handoff_has_answer(s->progress, content_handoff(a->content, h->rule))) {
		if (args_has(&self->args, "yes")) {
			edit->unanswered_ok = true;
		} else if (!isatty(STDIN_FILENO)) {
			rc = cmd_error(self, EX_USAGE,
			    _("None of the questions of the hand-off to %s has an answer: add --yes to mark it answered anyway"),
			    ro ? text_get(&ro->name) : h->role);
		} else {
			q = xasprintf(_("None of the questions of the hand-off to %s has an answer. Mark it answered anyway? [y/N]"),
			    ro ? text_get(&ro->name) : h->role);
			edit->unanswered_ok = cmd_confirm(q);
			free(q);
			if (!edit->unanswered_ok) {
				fprintf(stderr, _("Nothing was changed.\n"));
				*stop = true;
			}
		}
	}
	snapshot_free(s);
	return rc;
}

static int
handoff(struct cmd *self)
{
	char **argv = self->args.operands;
	const char *state = args_get(&self->args, "state");
	struct handoff_edit edit = { false, HANDOFF_SENT, NULL, NULL, false };
	enum out_format fmt;
	struct project *p = NULL;
	struct action a;
	char *cause = NULL;
	bool stop = false;
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0)
		return rc;
	if (state != NULL) {
		if (handoff_state_parse(state, &edit.state) != 0)
			return cmd_error(self, EX_USAGE,
			    _("unknown state '%s': use raised, sent, answered or closed"), state);
		edit.set_state = true;
	}
	edit.note = args_get(&self->args, "note");
	edit.due = args_get(&self->args, "due");
	if (edit.note != NULL && *edit.note == '\0')
		edit.note = NULL;
	if ((rc = cmd_action(self, edit.set_state || edit.note || edit.due, &a)) != 0 ||
	    (rc = cmd_project(self, &a, argv[0], &p)) != 0)
		return rc;
	if (!edit.set_state && edit.note == NULL && edit.due == NULL) {
		rc = handoff_show(self, &a, p, argv[1], fmt);
	} else if ((!edit.set_state || (rc = check_move(self, &a, p, argv[1], &edit, &stop)) == 0) &&
	    !stop && (rc = action_handoff(&a, p->id, argv[1], &edit, &cause)) != 0) {
		cmd_fail(self, rc, cause);
	}
	project_free(p);
	return rc;
}

static const struct args_option handoffs_options[] = {
	{ "state", 's', NC_("placeholder", "STATE"), N_("only those in STATE: raised, sent, answered, closed or withdrawn"), NULL },
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand handoffs_operands[] = {
	{ "P", N_("only this project's (a number or an exact name; default: every project's)") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_handoffs_entry = {
	"handoffs", NULL, N_("[P] [--role ROLE] [--state STATE] [--format text|tsv|json]"),
	N_("list the hand-offs the answers raised"),
	handoffs_options, handoffs_operands, 0, 1, handoffs, NULL
};

static const struct args_option handoff_options[] = {
	{ "state", 's', "raised|sent|answered|closed", N_("mark the hand-off sent, answered or closed, or move it back (with --reason)"), NULL },
	{ "note", 'n', NC_("placeholder", "TEXT"), N_("a note recorded with the change; the reason of a move back"), "reason" },
	{ "yes", 'y', NULL, N_("mark it answered without asking when none of its questions has an answer"), NULL },
	{ "due", 'd', NC_("placeholder", "DATE"), N_("the date it is due (an empty one clears it)"), NULL },
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand handoff_operands[] = {
	CMD_PROJECT_OPERAND,
	{ "ID", N_("the hand-off's identifier (see 'airejse handoffs')") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_handoff_entry = {
	"handoff", NULL,
	N_("P ID [--state raised|sent|answered|closed] [--note|--reason TEXT] [--due DATE] [--yes] [--format text|tsv|json]"),
	N_("show a hand-off, or mark it sent, answered or closed, or move it back"),
	handoff_options, handoff_operands, 2, 2, handoff, NULL
};
