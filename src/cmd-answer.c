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
read_stdin(char **out)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
		if (sb.len + n > STDIN_MAX) {
			cli_error(_("the answer on standard input is longer than %d MB: no answer is that long"),
			    STDIN_MAX / (1024 * 1024));
			sb_free(&sb);
			return EX_DATAERR;
		}
		sb_addn(&sb, buf, n);
	}
	if (ferror(stdin)) {
		cli_error(_("cannot read standard input: %s"), strerror(errno));
		sb_free(&sb);
		return EX_IOERR;
	}
	if (sb.len > 0 && sb.s[sb.len - 1] == '\n')
		sb_truncate(&sb, sb.len - 1);
	if (sb.len > 0 && sb.s[sb.len - 1] == '\r')
		sb_truncate(&sb, sb.len - 1);
	/* Bytes after a NUL would be lost silently: refuse them. */
	if (sb.s != NULL && strlen(sb.s) != sb.len) {
		cli_error(_("the answer on standard input holds a NUL byte: give text"));
		sb_free(&sb);
		return EX_DATAERR;
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
			printf(_("hand-off raised: %s for %s\n"), r->id, text_get(&r->role->name));
		else
			printf(_("hand-off withdrawn: %s\n"), r->id);
	}
}

int
cmd_answer(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "clear", no_argument, NULL, 'c' },
		{ "expect", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	const struct command *self = cmd_find("answer");
	struct answer_result res;
	struct project *p = NULL;
	struct action a;
	int64_t expect = ACTION_ANY_REVISION;
	char *input = NULL, *cause = NULL, *end;
	bool clear = false;
	int c, rc;

	memset(&res, 0, sizeof(res));
	while ((c = cli_getopt_mixed(app, argc, argv, "ce:", opts)) != -1) {
		switch (c) {
		case 'c':
			clear = true;
			break;
		case 'e':
			errno = 0;
			expect = strtoll(optarg, &end, 10);
			if (errno != 0 || *optarg == '\0' || *end != '\0' || expect < 0) {
				cli_error(_("--expect takes a revision number (0 for no answer yet), not '%s'"), optarg);
				return EX_USAGE;
			}
			break;
		case 'h':
			return cli_help(self);
		default:
			return cli_usage(self);
		}
	}
	if (argc - optind != (clear ? 2 : 3))
		return cli_usage(self);
	if ((rc = cli_action(app, true, &a)) != 0 || (rc = cli_project(&a, argv[optind], &p)) != 0)
		return rc;
	if (!clear && strcmp(argv[optind + 2], "-") == 0)
		rc = read_stdin(&input);
	else if (!clear)
		input = xstrdup(argv[optind + 2]);
	if (rc == 0) {
		if (clear)
			rc = action_clear(&a, p->id, argv[optind + 1], expect, &res, &cause);
		else
			rc = action_answer(&a, p->id, argv[optind + 1], input, expect, &res, &cause);
	}
	if (rc == 0 && res.note != NULL)
		cli_error("%s", res.note);
	if (rc == 0) {
		const struct question *q = content_question(a.content, argv[optind + 1]);
		struct answer cur;

		if (store_answer(a.store, p->id, argv[optind + 1], &cur, &cause) == 0) {
			char *text = value_answer_text(q, cur.kind, cur.value);

			if (res.changed)
				printf(_("%s: %s (revision %lld)\n"), argv[optind + 1], text,
				    (long long)res.revision);
			else
				printf(_("%s: unchanged, %s (revision %lld)\n"), argv[optind + 1], text,
				    (long long)res.revision);
			free(text);
			answer_clear(&cur);
		}
		print_handoffs(&res);
	} else if (cause != NULL) {
		cli_error("%s", cause);
	}
	free(cause);
	free(input);
	answer_result_free(&res);
	project_free(p);
	return rc;
}

int
cmd_history(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const struct command *self = cmd_find("history");
	enum out_format fmt = OUT_TEXT;
	struct answer_event *v = NULL;
	struct project *p = NULL;
	struct table *t;
	struct action a;
	const char *question;
	char *cause = NULL;
	size_t n = 0, i;
	int c, rc;

	while ((c = cli_getopt_mixed(app, argc, argv, "f:", opts)) != -1) {
		switch (c) {
		case 'f':
			if (cli_format_arg(optarg, &fmt) != 0)
				return EX_USAGE;
			break;
		case 'h':
			return cli_help(self);
		default:
			return cli_usage(self);
		}
	}
	if (argc - optind != 1 && argc - optind != 2)
		return cli_usage(self);
	question = argc - optind == 2 ? argv[optind + 1] : NULL;
	if ((rc = cli_action(app, false, &a)) != 0 || (rc = cli_project(&a, argv[optind], &p)) != 0)
		return rc;
	if (question != NULL && content_question(a.content, question) == NULL) {
		/* A question the content dropped may still have a history. */
		if ((rc = store_answer_history(a.store, p->id, question, &v, &n, &cause)) == 0 && n == 0) {
			cli_error(_("there is no question '%s': see 'airejse project show' for the project's questions"),
			    question);
			project_free(p);
			return EX_DATAERR;
		}
	} else {
		rc = store_answer_history(a.store, p->id, question, &v, &n, &cause);
	}
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		project_free(p);
		return rc;
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

			json_object_set_new(e, "question", json_string(v[i].question));
			json_object_set_new(e, "revision", json_integer(v[i].revision));
			json_object_set_new(e, "time", report_time(v[i].time));
			json_object_set_new(e, "user", json_string(v[i].user));
			json_object_set_new(e, "source", json_string(source_name(v[i].source)));
			json_object_set_new(e, "old", report_answer(q, &old));
			json_object_set_new(e, "new", report_answer(q, &new));
			json_object_del(json_object_get(e, "old"), "revision");
			json_object_del(json_object_get(e, "new"), "revision");
			json_array_append_new(list, e);
		}
		json_object_set_new(root, "history", list);
		rc = cli_print_json(root);
		json_decref(root);
	} else {
		t = table_new(fmt == OUT_TSV ? 9 : 5);
		if (fmt == OUT_TSV)
			table_addf(t, "question\trevision\ttime\tuser\tsource\told_kind\told_value\tnew_kind\tnew_value");
		else
			table_addf(t, "%s\t%s\t%s\t%s\t%s", _("TIME"), _("REV"), _("QUESTION"), _("BY"),
			    _("CHANGE"));
		for (i = 0; i < n; i++) {
			const struct question *q = content_question(a.content, v[i].question);
			char when[21];

			if (fmt == OUT_TSV) {
				char rev[24];

				clock_iso(v[i].time, when);
				snprintf(rev, sizeof(rev), "%lld", (long long)v[i].revision);
				cli_row(t, v[i].question, rev, when, v[i].user, source_name(v[i].source),
				    answer_kind_name(v[i].old_kind), v[i].old_value,
				    answer_kind_name(v[i].new_kind), v[i].new_value);
			} else {
				char *old = value_answer_text(q, v[i].old_kind, v[i].old_value);
				char *new = value_answer_text(q, v[i].new_kind, v[i].new_value);
				char *by = xasprintf("%s (%s)", v[i].user, source_name(v[i].source));
				char *change = xasprintf("%s → %s", old, new);
				char rev[24];

				clock_local(v[i].time, when);
				snprintf(rev, sizeof(rev), "%lld", (long long)v[i].revision);
				cli_row(t, when, rev, v[i].question, by, change);
				free(by);
				free(change);
				free(old);
				free(new);
			}
		}
		if (fmt == OUT_TSV)
			table_print_tsv(t, stdout);
		else if (n == 0)
			printf(_("No changes yet.\n"));
		else
			table_print(t, stdout);
		table_free(t);
	}
	answer_events_free(v, n);
	project_free(p);
	return rc;
}
