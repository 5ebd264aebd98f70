/* SPDX-License-Identifier: EUPL-1.2 */
/* db: the database as a whole: make it and its access rules, copy it
 * into another of either kind. */
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "airejse/app.h"
#include "airejse/cmd.h"
#include "airejse/content.h"
#include "airejse/i18n.h"
#include "airejse/store.h"
#include "airejse/xalloc.h"

/* db init: the schema, and on a server one group role per role of the
 * content and the rules the server enforces (store_access_init). */
static int
db_init(struct cmd *self)
{
	const struct content *c;
	struct store_access_question *q;
	const char **roles;
	char *cause = NULL;
	size_t i, j, nq = 0;
	int rc;

	self->app->create_db = true;
	if ((rc = cmd_content(self)) != 0 || (rc = cmd_store(self, true)) != 0)
		return rc;
	c = self->app->content;
	roles = xcalloc(c->nroles + 1, sizeof(*roles));
	for (i = 0; i < c->nroles; i++)
		roles[i] = c->roles[i]->id;
	for (i = 0; i < c->nhandoffs; i++)
		nq += c->handoffs[i]->nquestions;
	q = xcalloc(nq + 1, sizeof(*q));
	nq = 0;
	for (i = 0; i < c->nhandoffs; i++)
		for (j = 0; j < c->handoffs[i]->nquestions; j++) {
			q[nq].rule = c->handoffs[i]->id;
			q[nq++].question = c->handoffs[i]->questions[j]->id;
		}
	rc = store_access_init(self->app->store, roles, c->nroles, q, nq, &cause);
	free(roles);
	free(q);
	if (rc != 0)
		return cmd_fail(self, rc, cause);
	if (!store_is_server(self->app->store)) {
		printf(_("made %s; a file has no logins, so no access rules: a team that needs them keeps its projects on a PostgreSQL server\n"),
		    store_path(self->app->store));
		return 0;
	}
	printf(ngettext("made %s with the access rules: the group airejse_team for the project's team and %zu group for a role:",
	    "made %s with the access rules: the group airejse_team for the project's team and %zu groups, one for each role:",
	    (unsigned long)c->nroles), store_path(self->app->store), c->nroles);
	for (i = 0; i < c->nroles; i++)
		printf(" airejse_%s", c->roles[i]->id);
	/* L10N: after the list of groups made by db init. */
	printf(_("\ngrant each login its group: GRANT airejse_team TO anna;\n"));
	return 0;
}

static const struct cmd_entry db_init_entry = {
	"init", NULL, "",
	N_("make the database, and on a server one group role for each role with the access rules the server enforces"),
	NULL, NULL, 0, 0, db_init, NULL
};

/* db copy FROM TO: every project with its answers, history and
 * hand-offs, checked by the rows counted and digested in both. */
static int
db_copy(struct cmd *self)
{
	const char *from = self->args.operands[0], *to = self->args.operands[1];
	struct store_copy_counts c;
	struct store *src = NULL, *dst = NULL;
	char *cause = NULL;
	int rc;

	if ((rc = store_open(from, STORE_READONLY, &src, &cause)) != 0)
		return cmd_fail(self, rc, cause);
	if ((rc = store_open(to, 0, &dst, &cause)) != 0) {
		store_close(src);
		return cmd_fail(self, rc, cause);
	}
	if ((rc = store_check_writable(dst, &cause)) == 0)
		rc = store_copy(src, dst, args_has(&self->args, "force"), &c, &cause);
	if (rc == 0)
		printf(_("copied %zu projects, %zu answers, %zu changes of answers, %zu hand-offs, %zu changes of hand-offs, %zu changes of projects and %zu reviews; read back, the copy is the same (digest %016llx)\n"),
		    c.rows[STORE_COPY_PROJECTS], c.rows[STORE_COPY_ANSWERS],
		    c.rows[STORE_COPY_ANSWER_EVENTS], c.rows[STORE_COPY_HANDOFFS],
		    c.rows[STORE_COPY_HANDOFF_EVENTS], c.rows[STORE_COPY_PROJECT_EVENTS],
		    c.rows[STORE_COPY_REVIEWS], (unsigned long long)c.digest);
	store_close(dst);
	store_close(src);
	return rc != 0 ? cmd_fail(self, rc, cause) : 0;
}

static const struct args_option copy_options[] = {
	{ "force", 0, NULL, N_("replace what TO holds"), NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct cmd_operand copy_operands[] = {
	{ NC_("placeholder", "FROM"), N_("the database to copy: a file, or a PostgreSQL connection string") },
	{ NC_("placeholder", "TO"), N_("where the copy goes: an empty database, of either kind") },
	{ NULL, NULL }
};

static const struct cmd_entry db_copy_entry = {
	"copy", NULL, N_("FROM TO [--force]"),
	N_("copy every project from one database into another, SQLite or PostgreSQL, and check it"),
	copy_options, copy_operands, 2, 2, db_copy, NULL
};

static const struct cmd_entry *const db_entries[] = {
	&db_init_entry,
	&db_copy_entry,
	NULL
};

const struct cmd_entry cmd_db_entry = {
	"db", NULL, "init | copy ...",
	N_("the database as a whole: make it with its access rules, or copy it into another"),
	NULL, NULL, 0, 0, NULL, db_entries
};
