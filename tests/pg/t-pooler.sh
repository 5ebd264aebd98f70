# SPDX-License-Identifier: EUPL-1.2
# The server store through PgBouncer pooling sessions, as a region may
# run it in front of its server ($AIREJSE_TEST_POOLER, which
# tests/tools/with-pg.sh starts). PgBouncer refuses options given at a
# session's start, so airejse sets its timeouts by a statement once the
# session has begun, where the server gives none; a session the pooler
# hands on to the next program is reset, and set again.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
: "${AIREJSE_TEST_POOLER:?run under tests/tools/with-pg.sh}"
direct=$(pg_db pool)
name=${direct##*dbname=}
pooled="$AIREJSE_TEST_POOLER dbname=$name"
export AIREJSE_DB="$pooled"

# Every action goes through, each program on a session the last one used.
run 0 "$AIREJSE" project new --journey alpha --name "Gennem puljen"
run 0 "$AIREJSE" answer 1 behov "Først"
run 0 "$AIREJSE" answer 1 behov "Så"
run 0 "$AIREJSE" project show 1 --format tsv
contains "$out" "$(printf 'behov\ttext\tvalue\tSå\t2')"
[ "$(pg_sql "$direct" 'SELECT count(*) FROM answer_event')" = 2 ] || fail "two saves through the pooler"

# hold_project: another session locks the project's row until released.
hold_project() {
	printf 'BEGIN;\nSELECT id FROM project WHERE id = 1 FOR UPDATE;\nSELECT pg_sleep(60);\n' |
		psql -X -q "$direct" >/dev/null 2>&1 &
	i=0
	while [ "$(pg_sql "$direct" "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND state = 'active' AND pid <> pg_backend_pid()")" -lt 1 ]; do
		i=$((i + 1))
		[ $i -lt 200 ] || fail "the row was not locked"
		sleep 0.05
	done
}
release() {
	pg_sql "$direct" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()" >/dev/null
	wait
}

# The server's own lock timeout for the database is kept.
pg_sql "$direct" "ALTER DATABASE $name SET lock_timeout = '300ms'" >/dev/null
hold_project
run 75 "$AIREJSE" answer 1 behov "Optaget"
contains "$err" "længere, end airejse venter"
release
pg_sql "$direct" "ALTER DATABASE $name RESET lock_timeout" >/dev/null

# Without one, airejse's own (10 s) is in force: the save waits for it
# and gives up, where a session without a timeout would wait for ever
# (timeout(1) ends it after 40 s: a failure).
hold_project
started=$(date +%s)
out=$(timeout 40 "$AIREJSE" answer 1 behov "Venter" 2>&1)
st=$?
took=$(($(date +%s) - started))
release
[ $st -eq 75 ] || fail "a save behind a lock through the pooler: exit $st, expected 75: $out"
contains "$out" "længere, end airejse venter"
[ $took -ge 9 ] || fail "gave up after $took s, before the lock timeout of 10 s"
run 0 "$AIREJSE" project show 1 --format tsv
contains "$out" "$(printf 'behov\ttext\tvalue\tSå\t2')"
exit 0
