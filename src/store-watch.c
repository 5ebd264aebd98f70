/* SPDX-License-Identifier: EUPL-1.2 */
/* Following other connections' changes: what the terminal program
 * says when another process or user changed the database under an open
 * screen. Whether anything changed at all is store_data_version's
 * (store.c, from the driver); this says who made the latest change and
 * to which project, from the history. */
#include <stdlib.h>

#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/xalloc.h"

/* The newest row of each history (by its key, so each is one step down
 * an index) and the project changed last, the newest of them; a row
 * that names who made it wins a tie with the project's own time, which
 * every change sets too. A project made since has no history yet: its
 * row names no one. */
static const char sql_latest[] =
    "SELECT p.name, x.who FROM ("
    " SELECT * FROM (SELECT project, \"user\" AS who, time FROM answer_event"
    "  ORDER BY id DESC LIMIT 1) AS a"
    " UNION ALL SELECT * FROM (SELECT h.project, e.\"user\", e.time FROM handoff_event e"
    "  JOIN handoff h ON h.id = e.handoff ORDER BY e.id DESC LIMIT 1) AS b"
    " UNION ALL SELECT * FROM (SELECT project, \"user\", time FROM project_event"
    "  ORDER BY id DESC LIMIT 1) AS c"
    " UNION ALL SELECT * FROM (SELECT project, \"user\", time FROM review"
    "  ORDER BY id DESC LIMIT 1) AS d"
    " UNION ALL SELECT * FROM (SELECT id, NULL, changed FROM project"
    "  WHERE archived IS NULL ORDER BY changed DESC LIMIT 1) AS e"
    ") AS x JOIN project p ON p.id = x.project"
    " ORDER BY x.time DESC, x.who IS NULL LIMIT 1";

int
store_latest_change(struct store *s, char **project, char **user, char **cause)
{
	struct db_stmt *st;
	enum db_rc rc;

	*project = *user = NULL;
	if ((st = db_prepare(s->db, sql_latest, &rc)) == NULL)
		return store_fail(s, rc, _("cannot read the history"), cause);
	if ((rc = db_step(st)) == DB_ROW) {
		*project = store_col_text(st, 0);
		*user = store_col_text(st, 1);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		xfree(*project);
		xfree(*user);
		return store_fail(s, rc, _("cannot read the history"), cause);
	}
	return 0;
}
