/* SPDX-License-Identifier: EUPL-1.2 */
/* check: the number answers an older airejse may have stored a thousand
 * times too small (audit.h), for a person to look at. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "airejse/action.h"
#include "airejse/audit.h"
#include "airejse/clock.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/ctrl.h"
#include "airejse/i18n.h"
#include "airejse/report.h"
#include "airejse/table.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

static int
check(struct cmd *self)
{
	enum out_format fmt;
	struct audit_suspect *v = NULL;
	struct action a;
	char *cause = NULL;
	size_t n = 0, i;
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0 || (rc = cmd_action(self, false, &a)) != 0)
		return rc;
	if ((rc = audit_misread(&a, &v, &n, &cause)) != 0)
		return cmd_fail(self, rc, cause);
	if (fmt == OUT_JSON) {
		json_t *root = json_object(), *list = json_array();

		for (i = 0; i < n; i++) {
			json_t *o = json_object();

			json_object_set_new(o, "project", json_integer(v[i].project));
			json_object_set_new(o, "project_name", report_text(v[i].project_name));
			json_object_set_new(o, "question", json_string(v[i].question->id));
			json_object_set_new(o, "prompt", json_string(text_get(&v[i].question->prompt)));
			json_object_set_new(o, "value", report_text(v[i].value));
			json_object_set_new(o, "maybe", report_text(v[i].maybe));
			json_object_set_new(o, "revision", json_integer(v[i].revision));
			json_object_set_new(o, "time", report_time(v[i].time));
			json_object_set_new(o, "user", report_text(v[i].user ? v[i].user : ""));
			json_array_append_new(list, o);
		}
		json_object_set_new(root, "suspects", list);
		rc = cmd_print_json(root);
		json_decref(root);
	} else if (fmt == OUT_TSV) {
		struct table *t = table_new(9);

		table_addf(t, "project\tproject_name\tquestion\tprompt\tvalue\tmaybe\trevision\ttime\tuser");
		for (i = 0; i < n; i++) {
			char id[24], rev[24], when[21];

			snprintf(id, sizeof(id), "%lld", (long long)v[i].project);
			snprintf(rev, sizeof(rev), "%lld", (long long)v[i].revision);
			clock_iso(v[i].time, when);
			cmd_row(t, id, v[i].project_name, v[i].question->id,
			    text_get(&v[i].question->prompt), v[i].value, v[i].maybe, rev, when,
			    v[i].user);
		}
		table_print_tsv(t, stdout);
		table_free(t);
	} else if (n == 0) {
		ctrl_printf(stdout, _("No number answer needs a second look.\n"));
	} else {
		ctrl_printf(stdout, ngettext("%zu number answer was saved by an older airejse and may have been read a thousand times too small:\n",
		    "%zu number answers were saved by an older airejse and may have been read a thousand times too small:\n",
		    n), n);
		for (i = 0; i < n; i++) {
			const struct question *q = v[i].question;
			char *now = value_format(q, v[i].value, i18n_lang());
			char *maybe = value_format(q, v[i].maybe, i18n_lang());
			char when[17];

			clock_local(v[i].time, when);
			/* L10N: project number and name, the question, the value
			 * stored, the value had it been typed with thousands
			 * grouped, when and by whom it was saved. */
			ctrl_printf(stdout, _("\n  %lld %s: \"%s\" is %s; typed as thousands it would be %s (saved %s by %s)\n"),
			    (long long)v[i].project, v[i].project_name, text_get(&q->prompt), now,
			    maybe, when, v[i].user ? v[i].user : "?");
			free(now);
			free(maybe);
		}
		{
			char *ex = value_format(v[0].question, v[0].maybe, i18n_lang());

			ctrl_printf(stdout, _("\nIf a value is right, nothing needs doing. If not, answer again, e.g.: airejse answer %lld %s '%s'\n"),
			    (long long)v[0].project, v[0].question->id, ex);
			free(ex);
		}
	}
	audit_suspects_free(v, n);
	/* As diff: 1 when there is something to look at. */
	return rc == 0 && n > 0 ? 1 : rc;
}

static const struct args_option check_options[] = {
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

const struct cmd_entry cmd_check_entry = {
	"check", NULL, "[--format text|tsv|json]",
	N_("list number answers an older airejse may have stored a thousand times too small"),
	check_options, NULL, 0, 0, check, NULL
};
