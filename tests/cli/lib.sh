# SPDX-License-Identifier: EUPL-1.2
# Shared helpers for the shell tests (sourced; $AIREJSE and $TOP are set).
set -u

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run EXPECTED_STATUS CMD... : runs CMD, keeps stdout in $out and stderr
# in $err, and fails unless it exits with EXPECTED_STATUS.
run() {
	want=$1
	shift
	"$@" >out.txt 2>err.txt
	st=$?
	out=$(cat out.txt)
	err=$(cat err.txt)
	if [ "$st" -ne "$want" ]; then
		echo "command: $*" >&2
		echo "stdout: $out" >&2
		echo "stderr: $err" >&2
		fail "exit status $st, expected $want"
	fi
}

# contains HAYSTACK NEEDLE
contains() {
	case "$1" in
	*"$2"*) ;;
	*) fail "expected to find '$2' in: $1" ;;
	esac
}

lacks() {
	case "$1" in
	*"$2"*) fail "did not expect '$2' in: $1" ;;
	esac
}

# pg_db NAME: a new empty database NAME_<pid> on the PostgreSQL server
# $AIREJSE_TEST_PG (make check starts one: tests/tools/with-pg.sh), as
# its connection string. A failure shows as a server not found.
pg_db() {
	_db="$1_$$"
	if psql -X -q "$AIREJSE_TEST_PG dbname=postgres" -c "CREATE DATABASE $_db" >/dev/null; then
		# AIREJSE_TEST_VIA_POOLER: the same database through PgBouncer.
		if [ -n "${AIREJSE_TEST_VIA_POOLER:-}" ]; then
			echo "$AIREJSE_TEST_POOLER dbname=$_db"
		else
			echo "$AIREJSE_TEST_PG dbname=$_db"
		fi
	else
		echo "host=/no-test-database-$_db"
	fi
}

# pg_sql CONNINFO SQL: runs SQL there as the server's superuser; prints
# the rows unaligned, fields by |.
pg_sql() {
	psql -X -q -A -t "$1" -c "$2"
}

# store_db NAME: the database a test works on: NAME.db here, or, when
# AIREJSE_TEST_STORE=pg, a new database on the test server (pg_db).
store_db() {
	if [ "${AIREJSE_TEST_STORE:-sqlite}" = pg ]; then
		pg_db "$1"
	else
		echo "$PWD/$1.db"
	fi
}

# on_sqlite: whether the test runs on SQLite (for what only a file has).
on_sqlite() {
	[ "${AIREJSE_TEST_STORE:-sqlite}" != pg ]
}
