# SPDX-License-Identifier: EUPL-1.2
# Faults of the server store, each told plainly with a sysexits status,
# none leaving an action half done: the connection killed in the middle
# of a save (pg_terminate_backend), a statement past its timeout, and
# another writer holding a lock too long.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
db=$(pg_db f)
export AIREJSE_DB="$db"
run 0 "$AIREJSE" project new --journey alpha --name "Fejl"
run 0 "$AIREJSE" answer 1 behov "Først"

# hold_project: another session locks the project's row and keeps it
# until stopped, so that a save stops half-way, after its answer is
# written and before the project's time of change is.
hold_project() {
	printf 'BEGIN;\nSELECT id FROM project WHERE id = 1 FOR UPDATE;\nSELECT pg_sleep(60);\n' |
		psql -X -q "$db" >/dev/null 2>&1 &
	waitfor "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND state = 'active' AND pid <> pg_backend_pid()"
}
release() {
	pg_sql "$db" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()" >/dev/null
	wait
}
# waitfor SQL: until SQL counts at least one (10 s at most).
waitfor() {
	i=0
	while [ "$(pg_sql "$db" "$1")" -lt 1 ]; do
		i=$((i + 1))
		[ $i -lt 200 ] || fail "waited in vain for: $1"
		sleep 0.05
	done
}
# unchanged: the answer and its history are as before the failed save.
unchanged() {
	run 0 "$AIREJSE" project show 1 --format tsv
	contains "$out" "$(printf 'behov\ttext\tvalue\tFørst\t1')"
	[ "$(pg_sql "$db" 'SELECT count(*) FROM answer_event')" = 1 ] || fail "history half-written"
}

# The connection killed while the save waits in the middle.
hold_project
"$AIREJSE" answer 1 behov "Halvt" >a.out 2>a.err &
pa=$!
waitfor "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'airejse' AND wait_event_type = 'Lock'"
pg_sql "$db" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'airejse'" >/dev/null
wait $pa
st=$?
[ $st -eq 75 ] || fail "killed connection: exit $st, expected 75: $(cat a.err)"
contains "$(cat a.err)" "forbindelsen til databaseserveren"
contains "$(cat a.err)" "intet af denne handling blev gemt"
release
unchanged

# A statement past the statement timeout: 75, nothing saved.
hold_project
PGOPTIONS="-c statement_timeout=300" run 75 "$AIREJSE" answer 1 behov "For sent"
contains "$err" "den tilladte tid for en forespørgsel"
contains "$err" "statement timeout"
# Another writer keeps the database locked past the lock timeout.
PGOPTIONS="-c lock_timeout=300" run 75 "$AIREJSE" answer 1 behov "Optaget"
contains "$err" "længere, end airejse venter"
release
unchanged

# And then a save gets through.
run 0 "$AIREJSE" answer 1 behov "Til sidst"
[ "$(pg_sql "$db" 'SELECT count(*) FROM answer_event')" = 2 ] || fail "the last save"
exit 0
