#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Runs a command beside a private PostgreSQL server made for it: initdb
# in a new folder, a Unix socket in that folder and no TCP port, trust
# for the superuser "airejse", and PgBouncer in front of it. $AIREJSE_TEST_PG
# is the connection string of the server (without a database) for the
# command, $AIREJSE_TEST_POOLER that of the pooler; both are stopped and
# the folder removed when the command ends, however it ends.
# The server refuses to run as root, so as root it runs as the user
# "postgres" that Debian's postgresql package makes. When the server
# cannot be started, the run fails and says why.
#
#   sh tests/tools/with-pg.sh make cli-tests
set -u

bindir=$(pg_config --bindir 2>/dev/null)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
	bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
	echo "with-pg: no PostgreSQL server to test against (initdb not found): install the Debian package postgresql (make deps)" >&2
	exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/airejse-pg-XXXXXX") || exit 1
as=
if [ "$(id -u)" -eq 0 ]; then
	if ! id postgres >/dev/null 2>&1; then
		echo "with-pg: running as root, and there is no user postgres to run the server as: install the Debian package postgresql (make deps)" >&2
		rm -rf "$dir"
		exit 1
	fi
	chown postgres "$dir"
	as="runuser -u postgres --"
fi

stop() {
	[ -s "$dir/pooler.pid" ] && kill "$(cat "$dir/pooler.pid")" 2>/dev/null
	$as "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM HUP

if ! $as "$bindir/initdb" -D "$dir/data" -A trust -U airejse -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1; then
	cat "$dir/initdb.log" >&2
	echo "with-pg: initdb failed (above): cannot test against PostgreSQL" >&2
	exit 1
fi
# fsync off: a test server's data need not survive a power cut.
if ! $as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-k $dir -c listen_addresses= -F -c max_connections=200" start >/dev/null 2>&1; then
	cat "$dir/server.log" >&2
	echo "with-pg: the PostgreSQL server did not start (its log above): cannot test against PostgreSQL" >&2
	exit 1
fi

# PgBouncer in front of it, pooling sessions, as a region may run it:
# its socket in the same folder, on port 6432. $AIREJSE_TEST_POOLER
# connects through it (the user airejse only: its list of users).
pgbouncer=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
if [ ! -x "$pgbouncer" ]; then
	echo "with-pg: no PgBouncer to test the store through a pooler: install the Debian package pgbouncer (make deps)" >&2
	exit 1
fi
cat >"$dir/pooler.ini" <<EOF
[databases]
* = host=$dir port=5432
[pgbouncer]
listen_addr =
unix_socket_dir = $dir
listen_port = 6432
auth_type = trust
auth_file = $dir/pooler.users
pool_mode = session
max_client_conn = 200
default_pool_size = 60
logfile = $dir/pooler.log
pidfile = $dir/pooler.pid
EOF
echo '"airejse" ""' >"$dir/pooler.users"
[ -z "$as" ] || chown postgres "$dir/pooler.ini" "$dir/pooler.users"
if ! $as "$pgbouncer" -d "$dir/pooler.ini" >"$dir/pooler.out" 2>&1; then
	cat "$dir/pooler.out" "$dir/pooler.log" >&2 2>/dev/null
	echo "with-pg: PgBouncer did not start (its log above): cannot test the store through a pooler" >&2
	exit 1
fi
i=0
while [ ! -S "$dir/.s.PGSQL.6432" ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done

AIREJSE_TEST_PG="host=$dir user=airejse"
AIREJSE_TEST_POOLER="host=$dir port=6432 user=airejse"
export AIREJSE_TEST_PG AIREJSE_TEST_POOLER
"$@"
