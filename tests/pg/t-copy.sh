# SPDX-License-Identifier: EUPL-1.2
# db copy moves every project, answer, revision, history entry, hand-off,
# change of hand-off, change of project and review from SQLite to PostgreSQL and back, keys kept,
# compared here row by row; a target that holds projects is refused
# unless --force; backup on PostgreSQL writes an SQLite file.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
A() { "$AIREJSE" --db a.db "$@"; }
run 0 A project new --journey alpha --name "Ærø øjenklinik"
run 0 A project new --journey alpha --name "Anden"
run 0 A project new --journey alpha --name "Slettes"
run 0 A --user bo answer 1 behov "Færre ventetider"
run 0 A --user anna answer 1 behov "Færre ventetider – og 'citater' | streg"
run 0 A answer 1 persondata ja
run 0 A answer 1 aftale nej
run 0 A answer 2 beloeb 2000000
run 0 A answer 2 antal 12
run 0 A answer 2 antal --clear
run 0 A handoff 1 jurist-gdpr --state sent --due 2027-01-15 --note "Mail til Jens"
run 0 A project delete 3
run 0 A project purge 3 --yes
run 0 A project rename 2 "Anden – omdøbt"
run 0 A --user jens review 1 --role jurist --handoff jurist-gdpr --state to-correct --comment "Ret 'aftale'"

# The rows of every table, in key order, fields by |; NULL as nothing.
Q="SELECT id, name, created, changed, archived FROM project ORDER BY id;
SELECT project, position, track FROM project_track ORDER BY project, position;
SELECT project, question, kind, value, revision, time, \"user\", source FROM answer ORDER BY project, question;
SELECT id, project, question, old_kind, old_value, new_kind, new_value, revision, time, \"user\", source, account, respondent, login FROM answer_event ORDER BY id;
SELECT id, project, rule, role, state, due, contact, note, raised, changed FROM handoff ORDER BY id;
SELECT id, handoff, old_state, new_state, note, due, time, \"user\", source, account, login FROM handoff_event ORDER BY id;
SELECT id, project, what, old_name, new_name, time, \"user\", account, source FROM project_event ORDER BY id;
SELECT id, project, kind, subject, role, state, comment, name, seen, time, \"user\", source FROM review ORDER BY id;"
sq_rows() { sqlite3 -separator '|' "$1" "$Q"; }
pg_rows() { psql -X -q -A -t -F '|' "$1" -c "$Q"; }

pg=$(pg_db c)
run 0 "$AIREJSE" db copy a.db "$pg"
contains "$out" "kopierede 2 projekter, 5 svar, 7 ændringer af svar, 2 overdragelser"
contains "$out" "1 ændringer af projekter og 1 gennemgange"
contains "$out" "samme"
sq_rows a.db > a.rows
pg_rows "$pg" > pg.rows
[ "$(wc -l < a.rows)" -gt 15 ] || fail "too few rows to compare: $(cat a.rows)"
cmp -s a.rows pg.rows || fail "SQLite to PostgreSQL: $(diff a.rows pg.rows)"
# The server's planner has statistics of what was copied at once, not
# its guesses until autovacuum comes (reltuples -1: never counted).
[ "$(pg_sql "$pg" "SELECT reltuples FROM pg_class WHERE relname = 'answer'")" = 5 ] ||
	fail "no statistics of the copy: $(pg_sql "$pg" "SELECT relname, reltuples FROM pg_class WHERE relname = 'answer'")"
[ "$(pg_sql "$pg" "SELECT count(*) FROM pg_stats WHERE tablename = 'project' AND attname = 'archived'")" = 1 ] ||
	fail "no statistics of project.archived"

# A target that holds projects: refused, then replaced when told.
run 73 "$AIREJSE" db copy a.db "$pg"
contains "$err" "rummer allerede 2 projekter"
contains "$err" "--force"
run 0 "$AIREJSE" db copy a.db "$pg" --force
pg_rows "$pg" > pg.rows
cmp -s a.rows pg.rows || fail "after --force: $(diff a.rows pg.rows)"

# And back: the same rows.
run 0 "$AIREJSE" db copy "$pg" b.db
sq_rows b.db > b.rows
cmp -s a.rows b.rows || fail "PostgreSQL to SQLite: $(diff a.rows b.rows)"
# SQLite's planner is left as it was: no statistics tables made.
[ -z "$(sqlite3 b.db "SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")" ] ||
	fail "statistics made in the SQLite copy"

# backup on PostgreSQL: an SQLite file with the same rows.
run 0 "$AIREJSE" --db "$pg" backup c.db
sq_rows c.db > c.rows
cmp -s a.rows c.rows || fail "backup of PostgreSQL: $(diff a.rows c.rows)"
[ "$(sqlite3 c.db 'PRAGMA integrity_check')" = ok ] || fail "backup not sound"

# New rows go on after the largest key copied, as SQLite's do (the
# server would start again from 1 and collide).
run 0 "$AIREJSE" --db "$pg" project new --journey alpha --name "Ny"
run 0 "$AIREJSE" --db "$pg" answer 3 behov "Efter kopien"
[ "$(pg_sql "$pg" "SELECT id FROM project WHERE name = 'Ny'")" = 3 ] || fail "project key"
[ "$(pg_sql "$pg" "SELECT max(id) FROM answer_event")" = 8 ] || fail "history key reused"

# Copying a database onto itself is refused.
run 64 "$AIREJSE" db copy "$pg" "$pg"
exit 0
