# SPDX-License-Identifier: EUPL-1.2
# The first screen on a server costs a few round trips, however many
# projects there are: the projects shown, their tracks and what their
# progress needs each come in one statement, and following other
# sessions' changes sends none (the server's notices come on their
# own). Counted in the server's log (log_statement) of the private
# server tests/tools/with-pg.sh started, whose log is server.log in the
# folder of its socket.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content"
db=$(pg_db trips)
export AIREJSE_DB="$db"
log=${AIREJSE_TEST_PG#host=}
log=${log%% *}/server.log
[ -r "$log" ] || fail "cannot read the test server's log $log"

# Made at one time and two answered later, whatever the load: listed 3,
# 7, then by id.
i=1
while [ $i -le 40 ]; do
	run 0 env AIREJSE_NOW=2026-11-23T10:00:00Z "$AIREJSE" project new --journey demo --name "Klinik $i"
	i=$((i + 1))
done
run 0 env AIREJSE_NOW=2026-11-23T10:05:00Z "$AIREJSE" answer 3 titel "Røntgen"
run 0 env AIREJSE_NOW=2026-11-23T10:05:00Z "$AIREJSE" answer 7 persondata ja
pg_sql "$db" "ALTER DATABASE $(pg_sql "$db" 'SELECT current_database()') SET log_statement = 'all'"

# statements COMMAND...: how many statements COMMAND sent to the server.
statements() {
	n0=$(wc -l <"$log")
	"$@" >/dev/null 2>&1 || fail "failed: $*"
	tail -n +$((n0 + 1)) "$log" | grep -c 'LOG:  \(statement\|execute\)'
}
first=$(AIREJSE_TEST_KEYS='<dump>' AIREJSE_TEST_SCREEN="$PWD/screen" statements "$AIREJSE")
grep -qF "Klinik 7" screen && grep -qF "Klinik 2" screen ||
    fail "the first screen did not show the projects: $(cat screen)"
[ "$first" -le 15 ] || fail "the first screen sent $first statements (at most 15)"
# Scrolled a page down and back: a page of projects costs a few more.
more=$(AIREJSE_TEST_KEYS='<PgDn><PgDn><PgUp><dump>' AIREJSE_TEST_SCREEN="$PWD/screen" statements "$AIREJSE")
[ "$more" -le $((first + 15)) ] || fail "two pages more sent $((more - first)) statements (at most 15)"
exit 0
