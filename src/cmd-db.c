/* SPDX-License-Identifier: EUPL-1.2 */
/* db: the database as a whole: copy it into another, of either kind. */
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "airejse/app.h"
#include "airejse/cmd.h"
#include "airejse/i18n.h"
#include "airejse/store.h"

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
	{ "FROM", N_("the database to copy: a file, or a PostgreSQL connection string") },
	{ "TO", N_("where the copy goes: an empty database, of either kind") },
	{ NULL, NULL }
};

static const struct cmd_entry db_copy_entry = {
	"copy", NULL, "FROM TO [--force]",
	N_("copy every project from one database into another, SQLite or PostgreSQL, and check it"),
	copy_options, copy_operands, 2, 2, db_copy, NULL
};

static const struct cmd_entry *const db_entries[] = {
	&db_copy_entry,
	NULL
};

const struct cmd_entry cmd_db_entry = {
	"db", NULL, "copy ...",
	N_("the database as a whole: copy it into another"),
	NULL, NULL, 0, 0, NULL, db_entries
};
