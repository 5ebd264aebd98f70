/* SPDX-License-Identifier: EUPL-1.2 */
/* calendar P: the legal dates that fall inside a project's life. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/calendar.h"
#include "airejse/clock.h"
#include "airejse/legal.h"
#include "airejse/cmd.h"
#include "airejse/progress.h"
#include "airejse/report.h"
#include "airejse/record.h"
#include "airejse/table.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

static void
calendar_text(const struct project *p, const struct calendar *cal)
{
	char *from = value_format_date(cal->life_from, i18n_lang());
	char *until = value_format_date(cal->life_until, i18n_lang());
	size_t i;

	printf(_("Regulatory calendar for %s (%s to %s)\n"), p->name, from, until);
	free(from);
	free(until);
	for (i = 0; i < cal->n; i++) {
		const struct cal_line *l = &cal->v[i];
		char *d = value_format_date(l->date, i18n_lang());

		printf("\n%s  [%s]  %s\n", d, cal_kind_label(l->kind), l->text);
		printf("    %s", l->law ? l->law : "");
		if (l->checked != NULL) {
			char *note = legal_checked_note(l->checked, l->source_kind);

			printf(" %s", note);
			free(note);
		}
		printf("\n");
		free(d);
	}
}

static void
calendar_tsv(const struct calendar *cal)
{
	struct table *t = table_new(5);
	size_t i;

	table_addf(t, "date\tkind\tfact\ttext\tlegal");
	for (i = 0; i < cal->n; i++)
		cmd_row(t, cal->v[i].date, cal_kind_name(cal->v[i].kind), cal->v[i].fact,
		    cal->v[i].text, cal->v[i].law);
	table_print_tsv(t, stdout);
	table_free(t);
}

static json_t *
calendar_json(const struct project *p, const struct calendar *cal, const char *today)
{
	json_t *root = json_object(), *lines = json_array();
	size_t i;

	json_object_set_new(root, "project", json_integer(p->id));
	json_object_set_new(root, "name", report_text(p->name));
	json_object_set_new(root, "clock", json_string(today));
	json_object_set_new(root, "life_from", json_string(cal->life_from));
	json_object_set_new(root, "life_until", json_string(cal->life_until));
	for (i = 0; i < cal->n; i++) {
		const struct cal_line *l = &cal->v[i];
		json_t *o = json_object();

		json_object_set_new(o, "date", json_string(l->date));
		json_object_set_new(o, "kind", json_string(cal_kind_name(l->kind)));
		json_object_set_new(o, "fact", json_string(l->fact));
		json_object_set_new(o, "text", json_string(l->text));
		json_object_set_new(o, "legal", l->law ? json_string(l->law) : json_null());
		json_object_set_new(o, "source_kind", json_string(l->source_kind));
		json_array_append_new(lines, o);
	}
	json_object_set_new(root, "lines", lines);
	return root;
}

static int
calendar(struct cmd *self)
{
	enum out_format fmt;
	struct snapshot *s = NULL;
	struct project *p = NULL;
	struct calendar cal;
	struct action a;
	char today[11], *cause = NULL;
	int rc;

	if ((rc = cmd_format(self, &fmt)) != 0 || (rc = cmd_action(self, false, &a)) != 0 ||
	    (rc = cmd_project(self, &a, self->args.operands[0], &p)) != 0)
		return rc;
	if ((rc = action_refresh(&a, p->id, &s, &cause)) != 0) {
		project_free(p);
		return cmd_fail(self, rc, cause);
	}
	clock_today(today);
	calendar_make(a.content, s->progress, today, &cal);
	if (fmt == OUT_JSON) {
		json_t *root = calendar_json(p, &cal, today);

		rc = cmd_print_json(root);
		json_decref(root);
	} else if (fmt == OUT_TSV) {
		calendar_tsv(&cal);
	} else {
		calendar_text(p, &cal);
	}
	calendar_free(&cal);
	snapshot_free(s);
	project_free(p);
	return rc;
}

static const struct args_option calendar_options[] = {
	CMD_FORMAT_OPTION,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand calendar_operands[] = {
	CMD_PROJECT_OPERAND,
	{ NULL, NULL }
};

const struct cmd_entry cmd_calendar_entry = {
	"calendar", NULL, "P [--format text|tsv|json]",
	N_("the legal dates inside a project's life, and what each requires"),
	calendar_options, calendar_operands, 1, 1, calendar, NULL
};
