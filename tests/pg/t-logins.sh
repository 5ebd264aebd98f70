# SPDX-License-Identifier: EUPL-1.2
# The history keeps, beside the name a change was made under (--user),
# the user the database server logged in: a name is a claim, a login is
# the server's. Two database users; SQLite has no logins.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
sock=${AIREJSE_TEST_PG#host=}
sock=${sock%% *}
db=$(pg_db l)
anna="anna_$$"
run 0 "$AIREJSE" --db "$db" project new --journey alpha --name "Logins"
pg_sql "$db" "CREATE ROLE $anna LOGIN;
	GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO $anna"
as_anna="host=$sock user=$anna dbname=l_$$"

run 0 "$AIREJSE" --db "$db" --user bo answer 1 behov "Bos svar"
run 0 "$AIREJSE" --db "$as_anna" --user "Anna Ærø" answer 1 behov "Annas svar"
run 0 "$AIREJSE" --db "$as_anna" --user bo answer 1 noter "Skrevet som bo"
run 0 "$AIREJSE" --db "$db" history 1
contains "$out" "bo (cli, konto: tester, logget ind som airejse)"
contains "$out" "Anna Ærø (cli, konto: tester, logget ind som $anna)"
contains "$out" "bo (cli, konto: tester, logget ind som $anna)"
run 0 "$AIREJSE" --db "$db" history 1 --format json
contains "$out" "\"login\": \"$anna\""
contains "$out" '"login": "airejse"'
[ "$(pg_sql "$db" "SELECT count(*) FROM answer_event WHERE login = '$anna'")" = 2 ] ||
	fail "logins not kept"

# Hand-offs too.
run 0 "$AIREJSE" --db "$as_anna" answer 1 persondata ja
run 0 "$AIREJSE" --db "$as_anna" answer 1 aftale nej
run 0 "$AIREJSE" --db "$db" handoffs 1 --format tsv
[ "$(pg_sql "$db" "SELECT count(*) FROM handoff_event WHERE login = '$anna'")" -ge 1 ] ||
	fail "hand-off logins not kept"

# On SQLite, no login is shown or made up.
run 0 "$AIREJSE" --db s.db project new --journey alpha --name "Fil"
run 0 "$AIREJSE" --db s.db --user bo answer 1 behov x
run 0 "$AIREJSE" --db s.db history 1 --format json
lacks "$out" '"login"'
exit 0
