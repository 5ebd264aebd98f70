/* SPDX-License-Identifier: EUPL-1.2 */
/* Review and sign-off by role: review (list, or mark one subject) and
 * signoff. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/args.h"
#include "airejse/clock.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/report.h"
#include "airejse/review.h"
#include "airejse/store.h"
#include "airejse/table.h"
#include "airejse/xalloc.h"

/* What a subject's line says beside its status: who reviewed it when,
 * the comment, or which answer changed since. Caller frees. */
static char *
remark(const struct question *changed, const struct review *cur, enum review_status st)
{
	char when[17];

	if (st == RS_TO_REVIEW && changed != NULL)
		return xasprintf(_("the answer to \"%s\" changed after it was reviewed"),
		    text_get(&changed->prompt));
	if (cur == NULL || st == RS_NOT_REVIEWED || st == RS_NOT_SIGNED)
		return NULL;
	clock_local(cur->time, when);
	if (cur->comment != NULL)
		return xasprintf(_("%s, %s: %s"), cur->name ? cur->name : cur->user, when, cur->comment);
	return xasprintf(_("%s, %s"), cur->name ? cur->name : cur->user, when);
}

/* The board: per role, its sign-off and each subject. */
static int
list_board(struct action *a, const struct review_board *b, const struct role *only,
    enum out_format fmt)
{
	struct table *t = table_new(fmt == OUT_TSV ? 6 : 4);
	json_t *roles = json_array();
	size_t i, j;
	int rc = 0;

	if (fmt == OUT_TSV)
		cmd_row(t, "role", "kind", "subject", "status", "by", "remark");
	for (i = 0; i < b->nroles; i++) {
		const struct review_role *rr = &b->roles[i];
		json_t *jr = json_object(), *subs = json_array();
		char *rm = remark(rr->changed, rr->signoff, rr->status);

		if (only != NULL && rr->role != only) {
			free(rm);
			json_decref(jr);
			json_decref(subs);
			continue;
		}
		if (fmt == OUT_TSV)
			cmd_row(t, rr->role->id, "signoff", rr->role->id, review_status_name(rr->status),
			    rr->signoff && rr->status != RS_NOT_SIGNED ? rr->signoff->name : NULL,
			    rr->changed ? rr->changed->id : NULL);
		else
			cmd_row(t, text_get(&rr->role->name), _("Sign-off"),
			    review_status_label(rr->status), rm);
		json_object_set_new(jr, "role", json_string(rr->role->id));
		json_object_set_new(jr, "status", json_string(review_status_name(rr->status)));
		json_object_set_new(jr, "signoff", report_review(rr->signoff));
		json_object_set_new(jr, "changed", rr->changed ? json_string(rr->changed->id) : json_null());
		free(rm);
		for (j = 0; j < rr->nsubjects; j++) {
			const struct review_subject *s = &rr->subjects[j];
			char *text = action_subject_text(a, s->kind, s->subject);
			json_t *js = json_object();

			rm = remark(s->changed, s->current, s->status);
			if (fmt == OUT_TSV)
				cmd_row(t, rr->role->id, review_kind_name(s->kind), s->subject,
				    review_status_name(s->status),
				    s->current && s->status != RS_NOT_REVIEWED ? s->current->user : NULL,
				    s->status == RS_TO_REVIEW && s->changed ? s->changed->id :
				    s->current && s->status == RS_TO_CORRECT ? s->current->comment : NULL);
			else
				cmd_row(t, "", text, review_status_label(s->status), rm);
			json_object_set_new(js, "kind", json_string(review_kind_name(s->kind)));
			json_object_set_new(js, "subject", json_string(s->subject));
			json_object_set_new(js, "title", json_string(text));
			json_object_set_new(js, "status", json_string(review_status_name(s->status)));
			json_object_set_new(js, "review", report_review(s->current));
			json_object_set_new(js, "changed", s->changed ? json_string(s->changed->id) : json_null());
			json_array_append_new(subs, js);
			free(text);
			free(rm);
		}
		json_object_set_new(jr, "subjects", subs);
		json_array_append_new(roles, jr);
	}
	if (fmt == OUT_JSON) {
		json_t *root = json_object();

		json_object_set_new(root, "roles", roles);
		roles = NULL;
		rc = cmd_print_json(root);
		json_decref(root);
	} else if (fmt == OUT_TSV) {
		table_print_tsv(t, stdout);
	} else if (t->nrows == 0) {
		printf(_("Nothing to review yet: hand-offs and checklist items a role owns are reviewed here.\n"));
	} else {
		table_print(t, stdout);
	}
	json_decref(roles);
	table_free(t);
	return rc;
}

/* Every review and sign-off, oldest first. */
static void
list_history(struct action *a, const struct review *v, size_t n, const struct role *only,
    enum out_format fmt)
{
	struct table *t = table_new(8);
	size_t i;

	if (fmt == OUT_TSV)
		cmd_row(t, "time", "user", "source", "role", "kind", "subject", "state", "comment");
	for (i = 0; i < n; i++) {
		const struct review *r = &v[i];
		char when[21], *text;

		if (only != NULL && strcmp(r->role, only->id) != 0)
			continue;
		if (fmt == OUT_TSV) {
			clock_iso(r->time, when);
			cmd_row(t, when, r->user, source_name(r->source), r->role,
			    review_kind_name(r->kind), r->subject, review_state_name(r->state),
			    r->comment ? r->comment : r->name);
			continue;
		}
		clock_local(r->time, when);
		text = r->kind == REVIEW_SIGNOFF ? xstrdup(_("Sign-off")) :
		    action_subject_text(a, r->kind, r->subject);
		cmd_row(t, when, r->user, r->role, text, review_state_label(r->state),
		    r->comment ? r->comment : r->name, NULL, NULL);
		free(text);
	}
	if (fmt == OUT_TSV)
		table_print_tsv(t, stdout);
	else
		table_print(t, stdout);
	table_free(t);
}

static int
review(struct cmd *self)
{
	const char *handoff = args_get(&self->args, "handoff");
	const char *section = args_get(&self->args, "section");
	const char *st = args_get(&self->args, "state");
	const char *comment = args_get(&self->args, "comment");
	bool history = args_has(&self->args, "history");
	enum review_state state = REVIEW_NOT_REVIEWED;
	const struct role *only = NULL;
	enum out_format fmt;
	struct project *p = NULL;
	struct action a;
	char *cause = NULL;
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0)
		return rc;
	if (st != NULL && (review_state_parse(st, &state) != 0 || state == REVIEW_SIGNED ||
	    state == REVIEW_WITHDRAWN))
		return cmd_error(self, EX_USAGE,
		    _("unknown review state '%s': use acceptable, to-correct or not-reviewed"), st);
	if ((handoff != NULL && section != NULL) ||
	    ((st != NULL) != (handoff != NULL || section != NULL)) ||
	    (comment != NULL && st == NULL))
		return cmd_usage(self);
	if ((rc = cmd_action(self, st != NULL, &a)) != 0 ||
	    (rc = cmd_project(self, &a, self->args.operands[0], &p)) != 0)
		return rc;
	if (self->app->role != NULL &&
	    (rc = action_role_find(&a, self->app->role, &only, &cause)) != 0) {
		project_free(p);
		return cmd_fail(self, rc, cause);
	}
	if (st != NULL) {
		enum review_kind kind = handoff ? REVIEW_HANDOFF : REVIEW_SECTION;
		const char *subject = handoff ? handoff : section;

		rc = action_review(&a, p->id, kind, subject, self->app->role, state, comment, &cause);
		if (rc == 0) {
			char *text = action_subject_text(&a, kind, subject);

			printf(_("Reviewed '%s': %s.\n"), text, review_state_label(state));
			free(text);
		}
	} else {
		struct snapshot *s = NULL;
		struct review_board *b = NULL;
		struct review *v = NULL;
		size_t n = 0;

		if ((rc = action_refresh(&a, p->id, &s, &cause)) == 0 &&
		    (rc = action_review_board(&a, s, &v, &n, &b, &cause)) == 0) {
			if (history)
				list_history(&a, v, n, only, fmt);
			else
				rc = list_board(&a, b, only, fmt);
		}
		review_board_free(b);
		reviews_free(v, n);
		snapshot_free(s);
	}
	if (rc != 0)
		cmd_fail(self, rc, cause);
	project_free(p);
	return rc;
}

static int
signoff(struct cmd *self)
{
	bool withdraw = args_has(&self->args, "withdraw");
	const struct role *r;
	struct project *p = NULL;
	struct action a;
	char *cause = NULL;
	int rc;

	if (self->app->role == NULL)
		return cmd_error(self, EX_USAGE, _("say which role signs off with --role ROLE"));
	if ((rc = cmd_action(self, true, &a)) != 0)
		return rc;
	if ((rc = action_role_find(&a, self->app->role, &r, &cause)) != 0)
		return cmd_fail(self, rc, cause);
	if ((rc = cmd_project(self, &a, self->args.operands[0], &p)) != 0)
		return rc;
	rc = action_signoff(&a, p->id, r->id, args_get(&self->args, "name"), withdraw, &cause);
	if (rc != 0)
		cmd_fail(self, rc, cause);
	else
		printf(withdraw ? _("%s's sign-off of project %lld is withdrawn.\n") :
		    _("%s signed off project %lld.\n"), text_get(&r->name), (long long)p->id);
	project_free(p);
	return rc;
}

static const struct args_option review_options[] = {
	{ "handoff", 0, NC_("placeholder", "RULE"), N_("review the answers of this hand-off"), NULL },
	{ "section", 0, NC_("placeholder", "CHECKLIST/SECTION"), N_("review the role's part of this checklist section"), NULL },
	{ "state", 0, "acceptable|to-correct|not-reviewed", N_("the review: acceptable, to be corrected, or not reviewed"), NULL },
	{ "comment", 0, NC_("placeholder", "TEXT"), N_("what is to be corrected: it goes back to the project"), NULL },
	{ "history", 0, NULL, N_("list every review and sign-off, oldest first"), NULL },
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct args_option signoff_options[] = {
	{ "name", 0, NC_("placeholder", "NAME"), N_("the name signed in (default: the user)"), NULL },
	{ "withdraw", 0, NULL, N_("withdraw the role's sign-off"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand project_operands[] = {
	CMD_PROJECT_OPERAND,
	{ NULL, NULL }
};

const struct cmd_entry cmd_review_entry = {
	"review", NULL,
	N_("P [--role ROLE] [--handoff RULE | --section CHECKLIST/SECTION --state acceptable|to-correct|not-reviewed [--comment TEXT]] [--history] [--format text|tsv|json]"),
	N_("what each role reviews, and its review of a hand-off or a checklist section"),
	review_options, project_operands, 1, 1, review, NULL
};

const struct cmd_entry cmd_signoff_entry = {
	"signoff", NULL, N_("P --role ROLE [--name NAME] [--withdraw]"),
	N_("a role's sign-off of everything it reviews in a project"),
	signoff_options, project_operands, 1, 1, signoff, NULL
};
