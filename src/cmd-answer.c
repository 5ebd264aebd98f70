/* SPDX-License-Identifier: EUPL-1.2 */
/* Answers: answer and history. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/handoff.h"
#include "airejse/report.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
#include "airejse/table.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

/* More than any answer may hold (long text is 20000 characters): a
 * larger input is refused rather than read without end. */
#define STDIN_MAX (4 * 1024 * 1024)

/* Reads standard input for VALUE "-"; drops the final line break. */
static int
read_stdin(const struct cmd *self, char **out)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
		if (sb.len + n > STDIN_MAX) {
			sb_free(&sb);
			return cmd_error(self, EX_DATAERR,
			    _("the answer on standard input is longer than %d MB: no answer is that long"),
			    STDIN_MAX / (1024 * 1024));
		}
		sb_addn(&sb, buf, n);
	}
	if (ferror(stdin)) {
		sb_free(&sb);
		return cmd_error(self, EX_IOERR, _("cannot read standard input: %s"), strerror(errno));
	}
	if (sb.len > 0 && sb.s[sb.len - 1] == '\n')
		sb_truncate(&sb, sb.len - 1);
	if (sb.len > 0 && sb.s[sb.len - 1] == '\r')
		sb_truncate(&sb, sb.len - 1);
	/* Bytes after a NUL would be lost silently: refuse them. */
	if (sb.s != NULL && strlen(sb.s) != sb.len) {
		sb_free(&sb);
		return cmd_error(self, EX_DATAERR, _("the answer on standard input holds a NUL byte: give text"));
	}
	*out = sb_detach(&sb);
	return 0;
}

/* Tells what a save did to the hand-offs. */
static void
print_handoffs(const struct answer_result *res)
{
	size_t i;

	for (i = 0; i < res->nhandoffs; i++) {
		const struct handoff_rule *r = res->handoffs[i].rule;

		if (res->handoffs[i].to == HANDOFF_RAISED)
			ctrl_printf(stdout, _("hand-off raised: %s for %s\n"), r->id, text_get(&r->role->name));
		else
			ctrl_printf(stdout, _("hand-off withdrawn: %s\n"), r->id);
	}
}

/* What a save did, as JSON: the answer stored (report_answer, with the
 * revision the next save must expect) and the hand-offs it changed. */
static int
print_answer_json(int64_t project, const struct question *q, const char *id,
    const struct answer *cur, const struct answer_result *res)
{
	json_t *o = json_object(), *hs = json_array();
	size_t i;
	int rc;

	json_object_set_new(o, "project", json_integer(project));
	json_object_set_new(o, "question", json_string(id));
	json_object_set_new(o, "changed", json_boolean(res->changed));
	json_object_set_new(o, "answer", report_answer(q, cur));
	for (i = 0; i < res->nhandoffs; i++) {
		const struct handoff_rule *r = res->handoffs[i].rule;

		json_array_append_new(hs, json_pack("{s:s, s:s, s:s}", "rule", r->id,
		    "role", r->role->id,
		    "change", res->handoffs[i].to == HANDOFF_RAISED ? "raised" : "withdrawn"));
	}
	json_object_set_new(o, "handoffs", hs);
	rc = cmd_print_json(o);
	json_decref(o);
	return rc;
}

static int
answer(struct cmd *self)
{
	char **argv = self->args.operands;
	const char *rev = args_get(&self->args, "expect");
	const char *restore = args_get(&self->args, "restore");
	bool clear = args_has(&self->args, "clear");
	struct answer_result res;
	struct project *p = NULL;
	struct action a;
	int64_t expect = ACTION_ANY_REVISION, from = 0;
	enum out_format fmt;
	char *input = NULL, *cause = NULL, *end;
	int rc;

	memset(&res, 0, sizeof(res));
	if ((rc = cmd_format(self, &fmt)) != 0)
		return rc;
	if (fmt == OUT_TSV)
		return cmd_error(self, EX_USAGE, _("answer prints text or json, not tsv"));
	if (rev != NULL) {
		errno = 0;
		expect = strtoll(rev, &end, 10);
		if (errno != 0 || *rev == '\0' || *end != '\0' || expect < 0)
			return cmd_error(self, EX_USAGE,
			    _("--expect takes a revision number (0 for no answer yet), not '%s'"), rev);
	}
	if (restore != NULL) {
		errno = 0;
		from = strtoll(restore, &end, 10);
		if (errno != 0 || *restore == '\0' || *end != '\0' || from < 1)
			return cmd_error(self, EX_USAGE,
			    _("--restore takes a revision number from the answer's history (see 'airejse history'), not '%s'"),
			    restore);
		if (clear)
			return cmd_error(self, EX_USAGE, _("give --restore or --clear, not both"));
	}
	if (self->args.noperands != (clear || restore ? 2 : 3))
		return cmd_usage(self);
	if ((rc = cmd_action(self, true, &a)) != 0 || (rc = cmd_project(self, &a, argv[0], &p)) != 0)
		return rc;
	if (!clear && !restore && strcmp(argv[2], "-") == 0)
		rc = read_stdin(self, &input);
	else if (!clear && !restore)
		input = xstrdup(argv[2]);
	if (rc == 0) {
		if (clear)
			rc = action_clear(&a, p->id, argv[1], expect, &res, &cause);
		else if (restore)
			rc = action_restore(&a, p->id, argv[1], from, expect, &res, &cause);
		else
			rc = action_answer(&a, p->id, argv[1], input, expect, &res, &cause);
	}
	if (rc == 0 && res.note != NULL)
		cmd_error(self, 0, "%s", res.note);
	if (rc == 0) {
		const struct question *q = content_question(a.content, argv[1]);
		struct answer cur;

		if (store_answer(a.store, p->id, argv[1], &cur, &cause) == 0 && fmt == OUT_JSON) {
			rc = print_answer_json(p->id, q, argv[1], &cur, &res);
			answer_clear(&cur);
		} else if (cause == NULL) {
			char *text = value_answer_text(q, cur.kind, cur.value);

			if (res.changed)
				ctrl_printf(stdout, _("%s: %s (revision %lld)\n"), argv[1], text,
				    (long long)res.revision);
			else
				ctrl_printf(stdout, _("%s: unchanged, %s (revision %lld)\n"), argv[1], text,
				    (long long)res.revision);
			free(text);
			answer_clear(&cur);
			print_handoffs(&res);
		}
	} else if (cause != NULL) {
		cmd_fail(self, rc, cause);
		cause = NULL;
	}
	free(cause);
	free(input);
	answer_result_free(&res);
	project_free(p);
	return rc;
}

/* The "by" cell of the text history: "Søren (cli)", with the account
 * when it is not the name given: "Søren (cli, account: shansen)", and
 * a database server's login likewise: "Søren (cli, logged in as sh)". */
static char *
history_by(const char *user, const char *account, const char *login, enum source source)
{
	char *by, *with;

	if (account == NULL || strcmp(account, user) == 0)
		by = xasprintf("%s (%s)", user, source_name(source));
	else
		/* L10N: who changed an answer, where (tui, cli, import) and
		 * the computer account that was logged in. */
		by = xasprintf(_("%s (%s, account: %s)"), user, source_name(source), account);
	if (login == NULL || strcmp(login, user) == 0)
		return by;
	by[strlen(by) - 1] = '\0';
	/* L10N: the cell above without its ")", and the user the database
	 * server logged in. */
	with = xasprintf(_("%s, logged in as %s)"), by, login);
	free(by);
	return with;
}

/* A row of the text history for a change of the project itself. */
/* A comma-separated list of track ids as their titles (caller frees). */
static char *
track_titles(const struct content *c, const char *ids)
{
	struct strbuf sb = STRBUF_INIT;
	char *copy = xstrdup(ids ? ids : ""), *id, *save = NULL;

	for (id = strtok_r(copy, ",", &save); id != NULL; id = strtok_r(NULL, ",", &save)) {
		const struct track *tr = content_track(c, id);

		sb_addf(&sb, "%s%s", sb.len ? ", " : "", tr ? text_get(&tr->title) : id);
	}
	free(copy);
	return sb_detach(&sb);
}

static void
project_row(struct table *t, const struct content *c, const struct project_event *e)
{
	char when[21], *by = history_by(e->user, e->account, NULL, e->source);
	char *what;

	clock_local(e->time, when);
	switch (e->what) {
	case PROJECT_RENAMED:
		what = xasprintf(_("project renamed: %s → %s"), e->old_name ? e->old_name : "",
		    e->new_name ? e->new_name : "");
		break;
	case PROJECT_ARCHIVED:
		what = xstrdup(_("project archived"));
		break;
	case PROJECT_TRACKS: {
		char *from = track_titles(c, e->old_name), *to = track_titles(c, e->new_name);

		what = xasprintf(_("project moved to other tracks: %s → %s"), from, to);
		free(from);
		free(to);
		break;
	}
	default:
		what = xstrdup(_("project restored"));
		break;
	}
	cmd_row(t, when, "", "", by, what);
	free(what);
	free(by);
}

static int
history(struct cmd *self)
{
	const char *question = self->args.noperands == 2 ? self->args.operands[1] : NULL;
	enum out_format fmt;
	struct answer_event *v = NULL;
	struct project_event *pv = NULL;
	struct project *p = NULL;
	struct table *t;
	struct action a;
	char *cause = NULL;
	size_t n = 0, npv = 0, i, j;
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0 || (rc = cmd_action(self, false, &a)) != 0 ||
	    (rc = cmd_project(self, &a, self->args.operands[0], &p)) != 0)
		return rc;
	if (question != NULL && content_question(a.content, question) == NULL) {
		/* A question the content dropped may still have a history. */
		if ((rc = store_answer_history(a.store, p->id, question, &v, &n, &cause)) == 0 && n == 0) {
			project_free(p);
			return cmd_error(self, EX_DATAERR,
			    _("there is no question '%s': see 'airejse project show' for the project's questions"),
			    question);
		}
	} else {
		rc = store_answer_history(a.store, p->id, question, &v, &n, &cause);
	}
	/* The project's own changes go with the history of all its answers. */
	if (rc == 0 && question == NULL)
		rc = store_project_history(a.store, p->id, &pv, &npv, &cause);
	if (rc != 0) {
		answer_events_free(v, n);
		project_free(p);
		return cmd_fail(self, rc, cause);
	}
	if (fmt == OUT_JSON) {
		json_t *root = json_object(), *list = json_array();

		json_object_set_new(root, "project", json_integer(p->id));
		json_object_set_new(root, "question", question ? json_string(question) : json_null());
		for (i = 0; i < n; i++) {
			const struct question *q = content_question(a.content, v[i].question);
			struct answer old = { v[i].question, v[i].old_kind, v[i].old_value, 0, 0, NULL, 0 };
			struct answer new = { v[i].question, v[i].new_kind, v[i].new_value, 0, 0, NULL, 0 };
			json_t *e = json_object();

			json_object_set_new(e, "question", report_text(v[i].question));
			json_object_set_new(e, "revision", json_integer(v[i].revision));
			json_object_set_new(e, "time", report_time(v[i].time));
			json_object_set_new(e, "user", report_text(v[i].user));
			json_object_set_new(e, "account", v[i].account ? report_text(v[i].account) :
			    json_null());
			/* Only a database server has logins. */
			if (v[i].login != NULL)
				json_object_set_new(e, "login", report_text(v[i].login));
			json_object_set_new(e, "source", json_string(source_name(v[i].source)));
			json_object_set_new(e, "respondent", v[i].respondent ?
			    report_text(v[i].respondent) : json_null());
			json_object_set_new(e, "old", report_answer(q, &old));
			json_object_set_new(e, "new", report_answer(q, &new));
			json_object_del(json_object_get(e, "old"), "revision");
			json_object_del(json_object_get(e, "new"), "revision");
			json_array_append_new(list, e);
		}
		json_object_set_new(root, "history", list);
		if (question == NULL) {
			list = json_array();
			for (i = 0; i < npv; i++) {
				json_t *e = json_object();

				json_object_set_new(e, "what", json_string(project_what_name(pv[i].what)));
				json_object_set_new(e, "old_name", pv[i].old_name ?
				    report_text(pv[i].old_name) : json_null());
				json_object_set_new(e, "new_name", pv[i].new_name ?
				    report_text(pv[i].new_name) : json_null());
				json_object_set_new(e, "time", report_time(pv[i].time));
				json_object_set_new(e, "user", report_text(pv[i].user));
				json_object_set_new(e, "account", pv[i].account ?
				    report_text(pv[i].account) : json_null());
				json_object_set_new(e, "source", json_string(source_name(pv[i].source)));
				json_array_append_new(list, e);
			}
			json_object_set_new(root, "project_history", list);
		}
		rc = cmd_print_json(root);
		json_decref(root);
	} else {
		t = table_new(fmt == OUT_TSV ? 11 : 5);
		if (fmt == OUT_TSV)
			table_addf(t, "question\trevision\ttime\tuser\tsource\told_kind\told_value\tnew_kind\tnew_value\taccount\trespondent");
		else
			table_addf(t, "%s\t%s\t%s\t%s\t%s", _("TIME"), _("REV"), _("QUESTION"), _("BY"),
			    _("CHANGE"));
		for (i = 0, j = 0; i < n || (fmt != OUT_TSV && j < npv); ) {
			const struct question *q;
			char when[21];

			/* Text: the project's changes in time among the answers'. */
			if (fmt != OUT_TSV && j < npv && (i == n || pv[j].time < v[i].time)) {
				project_row(t, a.content, &pv[j++]);
				continue;
			}
			q = content_question(a.content, v[i].question);
			if (fmt == OUT_TSV) {
				char rev[24];

				clock_iso(v[i].time, when);
				snprintf(rev, sizeof(rev), "%lld", (long long)v[i].revision);
				cmd_row(t, v[i].question, rev, when, v[i].user, source_name(v[i].source),
				    answer_kind_name(v[i].old_kind), v[i].old_value,
				    answer_kind_name(v[i].new_kind), v[i].new_value, v[i].account,
				    v[i].respondent);
			} else {
				char *old = value_answer_text(q, v[i].old_kind, v[i].old_value);
				char *new = value_answer_text(q, v[i].new_kind, v[i].new_value);
				/* Who answered through a packet, and who imported it. */
				char *by = v[i].respondent != NULL ?
				    xasprintf(_("%s (imported by %s)"), v[i].respondent, v[i].user) :
				    history_by(v[i].user, v[i].account, v[i].login, v[i].source);
				char *change = xasprintf("%s → %s", old, new);
				char rev[24];

				clock_local(v[i].time, when);
				snprintf(rev, sizeof(rev), "%lld", (long long)v[i].revision);
				cmd_row(t, when, rev, v[i].question, by, change);
				free(by);
				free(change);
				free(old);
				free(new);
			}
			i++;
		}
		if (fmt == OUT_TSV)
			table_print_tsv(t, stdout);
		else if (n == 0 && npv == 0)
			ctrl_printf(stdout, _("No changes yet.\n"));
		else
			table_print(t, stdout);
		table_free(t);
	}
	answer_events_free(v, n);
	project_events_free(pv, npv);
	project_free(p);
	return rc;
}

static const struct args_option answer_options[] = {
	{ "expect", 'e', "REV", N_("save only if the stored answer is still at revision REV (0: none yet); else exit 75"), NULL },
	{ "clear", 'c', NULL, N_("clear the answer instead of giving one"), NULL },
	{ "restore", 'r', "REV", N_("make the answer what it was at revision REV of its history again (a new revision)"), NULL },
	{ "format", 'f', "text|json", N_("the output format: text (the default) or json, also for an error"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand answer_operands[] = {
	CMD_PROJECT_OPERAND,
	{ NC_("placeholder", "QUESTION"), N_("the question's identifier (see 'airejse project show')") },
	{ NC_("placeholder", "VALUE"), N_("the answer, checked by the question's type; - reads it from standard input") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_answer_entry = {
	"answer", NULL, N_("P QUESTION VALUE|- [--expect REV] | P QUESTION --clear|--restore REV [--expect REV]"),
	N_("answer a question of a project (validated by its type)"),
	answer_options, answer_operands, 2, 3, answer, NULL
};

static const struct args_option history_options[] = {
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand history_operands[] = {
	CMD_PROJECT_OPERAND,
	{ NC_("placeholder", "QUESTION"), N_("only this question's answers (default: every answer of the project)") },
	{ NULL, NULL }
};

const struct cmd_entry cmd_history_entry = {
	"history", NULL, N_("P [QUESTION] [--format text|tsv|json]"),
	N_("the audit trail of a project's answers, and of its name"),
	history_options, history_operands, 1, 2, history, NULL
};
