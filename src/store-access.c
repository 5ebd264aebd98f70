/* SPDX-License-Identifier: EUPL-1.2 */
/* Access rules a PostgreSQL server enforces (db init): one group role per
 * airejse role (airejse_jurist, ...) and one for the project's team
 * (airejse_team), and a trigger on every table of projects that refuses
 * a change the user's groups do not cover. The rules live in the
 * database, so that they hold for any program that writes there, not
 * only for airejse:
 *
 *   - every group reads everything;
 *   - a review or sign-off is changed only by its role's group;
 *   - a hand-off's state, due date and note by its role's group or the
 *     team; raising and withdrawing it, which airejse works out from the
 *     answers whoever saves them, by anyone;
 *   - an answer (and its history) to a question of one of the project's
 *     hand-offs by that hand-off's role's group or the team; any other
 *     answer by the team;
 *   - the rest (projects, their tracks and names) by the team; the time
 *     a project last changed by anyone who changes it.
 *
 * The owner of the tables (who ran db init) and a superuser count as
 * the team. Which questions each hand-off holds is the content's, copied
 * into airejse_handoff_question by each db init. */
#include <stdbool.h>
#include <stdlib.h>
#include <sysexits.h>

#include "airejse/i18n.h"
#include "airejse/store-impl.h"
#include "airejse/xalloc.h"

static const char sql_tables[] =
    "CREATE TABLE IF NOT EXISTS airejse_role ("
    "  role TEXT PRIMARY KEY,"
    "  grp TEXT NOT NULL UNIQUE);"
    "CREATE TABLE IF NOT EXISTS airejse_handoff_question ("
    "  rule TEXT NOT NULL,"
    "  question TEXT NOT NULL,"
    "  PRIMARY KEY (rule, question));"
    "DELETE FROM airejse_role;"
    "DELETE FROM airejse_handoff_question;";
static const char sql_role[] = "INSERT INTO airejse_role (role, grp) VALUES (?, ?)";
static const char sql_question[] =
    "INSERT INTO airejse_handoff_question (rule, question) VALUES (?, ?)"
    " ON CONFLICT DO NOTHING";

/* The functions, the groups and their grants, and the triggers. */
static const char sql_rules[] =
    /* Whether the user is a member of the group grp (which may not
     * exist: then not). */
    "CREATE OR REPLACE FUNCTION airejse_member(grp text) RETURNS boolean"
    " LANGUAGE sql STABLE AS $f$"
    "  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = grp)"
    "    AND pg_catalog.pg_has_role(current_user, grp, 'MEMBER')"
    "$f$;"
    /* The team: its group, the tables' owner, a superuser. */
    "CREATE OR REPLACE FUNCTION airejse_team() RETURNS boolean"
    " LANGUAGE sql STABLE AS $f$"
    "  SELECT airejse_member('airejse_team') OR pg_catalog.pg_has_role(current_user,"
    "    (SELECT relowner FROM pg_catalog.pg_class WHERE oid = 'airejse_version'::regclass),"
    "    'MEMBER')"
    "$f$;"
    "CREATE OR REPLACE FUNCTION airejse_check() RETURNS trigger LANGUAGE plpgsql AS $f$"
    "DECLARE"
    "  rec record;"
    "  grp text;"
    "  need text;"
    "  what text;"
    "BEGIN"
    "  IF TG_OP = 'DELETE' THEN rec := OLD; ELSE rec := NEW; END IF;"
    "  IF TG_TABLE_NAME = 'review' THEN"
    "    grp := (SELECT r.grp FROM airejse_role r WHERE r.role = rec.role);"
    "    IF grp IS NOT NULL AND airejse_member(grp) THEN RETURN rec; END IF;"
    "    need := coalesce(grp, 'airejse_' || rec.role);"
    "    what := format('the %s review of %s', rec.role, rec.subject);"
    "  ELSIF airejse_team() THEN"
    "    RETURN rec;"
    "  ELSIF TG_TABLE_NAME IN ('answer', 'answer_event') THEN"
    "    FOR grp IN SELECT DISTINCT r.grp FROM handoff h"
    "        JOIN airejse_handoff_question q ON q.rule = h.rule"
    "        JOIN airejse_role r ON r.role = h.role"
    "        WHERE h.project = rec.project AND q.question = rec.question"
    "          AND h.state <> 'withdrawn' ORDER BY 1 LOOP"
    "      IF airejse_member(grp) THEN RETURN rec; END IF;"
    "      need := concat_ws(' or ', need, grp);"
    "    END LOOP;"
    "    need := concat_ws(' or ', need, 'airejse_team');"
    "    what := format('the answer to %s', rec.question);"
    "  ELSIF TG_TABLE_NAME = 'handoff' THEN"
    "    grp := (SELECT r.grp FROM airejse_role r WHERE r.role = rec.role);"
    "    IF grp IS NOT NULL AND airejse_member(grp) THEN RETURN rec; END IF;"
    /* Raised or withdrawn as the answers call for, whoever saves them. */
    "    IF TG_OP = 'INSERT' AND NEW.state = 'raised' THEN RETURN NEW; END IF;"
    "    IF TG_OP = 'UPDATE' AND NEW.state IN ('raised', 'withdrawn')"
    "        AND (NEW.project, NEW.rule, NEW.role) = (OLD.project, OLD.rule, OLD.role)"
    "        AND NEW.due IS NOT DISTINCT FROM OLD.due"
    "        AND NEW.note IS NOT DISTINCT FROM OLD.note THEN"
    "      RETURN NEW;"
    "    END IF;"
    "    need := concat_ws(' or ', grp, 'airejse_team');"
    "    what := format('the hand-off %s', rec.rule);"
    "  ELSIF TG_TABLE_NAME = 'handoff_event' THEN"
    "    SELECT h.rule, r.grp INTO what, grp FROM handoff h"
    "      LEFT JOIN airejse_role r ON r.role = h.role WHERE h.id = rec.handoff;"
    "    IF grp IS NOT NULL AND airejse_member(grp) THEN RETURN rec; END IF;"
    "    IF TG_OP = 'INSERT' AND NEW.new_state IN ('raised', 'withdrawn')"
    "        AND NEW.note IS NULL THEN"
    "      RETURN NEW;"
    "    END IF;"
    "    need := concat_ws(' or ', grp, 'airejse_team');"
    "    what := format('the hand-off %s', what);"
    "  ELSIF TG_TABLE_NAME = 'project' AND TG_OP = 'UPDATE'"
    "      AND (NEW.id, NEW.name, NEW.created) = (OLD.id, OLD.name, OLD.created)"
    "      AND NEW.archived IS NOT DISTINCT FROM OLD.archived THEN"
    "    RETURN NEW;"
    "  ELSE"
    "    need := 'airejse_team';"
    "    what := CASE TG_TABLE_NAME WHEN 'project' THEN 'the project'"
    "      WHEN 'project_track' THEN 'the project''s tracks'"
    "      ELSE 'the project''s history' END;"
    "  END IF;"
    "  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',"
    "    MESSAGE = format('%s may be changed only by a member of %s, which %s is not',"
    "      what, need, current_user),"
    "    HINT = format('the database''s administrator may grant it: GRANT %s TO %I',"
    "      split_part(need, ' ', 1), current_user);"
    "END"
    "$f$;"
    /* The groups, their grants and the triggers; the functions find the
     * tables in this schema whatever the user's search_path. */
    "DO $d$"
    "DECLARE"
    "  g text;"
    "  t text;"
    "  sch text := current_schema();"
    "BEGIN"
    "  FOR g IN SELECT grp FROM airejse_role UNION SELECT 'airejse_team' LOOP"
    "    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = g) THEN"
    "      EXECUTE format('CREATE ROLE %I NOLOGIN', g);"
    "    END IF;"
    "    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', sch, g);"
    "    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', sch, g);"
    "    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', sch, g);"
    "    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON project, project_track,"
    "      project_event, answer, answer_event, handoff, handoff_event, review TO %I', g);"
    "  END LOOP;"
    "  FOREACH t IN ARRAY ARRAY['airejse_member(text)', 'airejse_team()', 'airejse_check()'] LOOP"
    "    EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_catalog', t, sch);"
    "  END LOOP;"
    "  FOREACH t IN ARRAY ARRAY['project', 'project_track', 'project_event', 'answer',"
    "      'answer_event', 'handoff', 'handoff_event', 'review'] LOOP"
    "    EXECUTE format('DROP TRIGGER IF EXISTS airejse_check ON %I', t);"
    "    EXECUTE format('CREATE TRIGGER airejse_check BEFORE INSERT OR UPDATE OR DELETE"
    "      ON %I FOR EACH ROW EXECUTE FUNCTION airejse_check()', t);"
    "  END LOOP;"
    "END"
    "$d$;";

static enum db_rc
insert_pair(struct store *s, const char *sql, const char *a, const char *b)
{
	struct db_stmt *st;
	enum db_rc rc;

	if ((st = db_prepare(s->db, sql, &rc)) == NULL)
		return rc;
	db_bind_text(st, 1, a);
	db_bind_text(st, 2, b);
	return db_run(st, NULL);
}

bool
store_is_server(const struct store *s)
{
	return db_is_server(s->path);
}

int
store_access_init(struct store *s, const char *const *roles, size_t nroles,
    const struct store_access_question *questions, size_t nquestions, char **cause)
{
	enum db_rc rc;
	size_t i;
	int status;

	if (!store_is_server(s))
		return 0;
	if ((status = store_begin(s, cause)) != 0)
		return status;
	rc = db_exec_schema(s->db, sql_tables);
	for (i = 0; i < nroles && rc == DB_OK; i++) {
		char *grp = xasprintf("airejse_%s", roles[i]);

		rc = insert_pair(s, sql_role, roles[i], grp);
		free(grp);
	}
	for (i = 0; i < nquestions && rc == DB_OK; i++)
		rc = insert_pair(s, sql_question, questions[i].rule, questions[i].question);
	if (rc == DB_OK)
		rc = db_exec_schema(s->db, sql_rules);
	if (rc != DB_OK) {
		status = store_fail(s, rc, _("cannot set up the access rules"), cause);
		store_rollback(s);
		return status;
	}
	return store_commit(s, cause);
}
