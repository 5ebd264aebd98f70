# SPDX-License-Identifier: EUPL-1.2
# A PostgreSQL connection string chooses the server store, by --db,
# AIREJSE_DB or database: in the settings; what goes wrong on the way is
# told plainly, and nothing is made on this machine.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
sock=${AIREJSE_TEST_PG#host=}
sock=${sock%% *}

# No server there: a clear message, 69, and no folder named postgresql:
# (once, such a URL made one, with an SQLite file inside).
for url in "postgresql:///a?host=$PWD/none" "postgres:///a?host=$PWD/none" \
    "host=$PWD/none dbname=a"; do
	run 69 "$AIREJSE" --db "$url" project list
	contains "$err" "ingen databaseserver svarer på"
	contains "$err" "$PWD/none"
done
AIREJSE_DB="postgresql:///a?host=$PWD/none" run 69 "$AIREJSE" project list
[ ! -e postgresql: ] && [ ! -e postgres: ] && [ ! -e host=* ] || fail "made a folder: $(ls)"
[ -z "$(find . -name '*.db*')" ] || fail "made a database file: $(find . -name '*.db*')"
# A password given in the string is never shown.
run 69 "$AIREJSE" --db "postgresql://anna:hemmelig@/a?host=$PWD/none" project list
lacks "$err" hemmelig
run 69 "$AIREJSE" --db "host=$PWD/none password=hemmelig dbname=a" project list
lacks "$err" hemmelig

# A real server: the same commands work, and a second process sees them.
db=$(pg_db a)
run 0 "$AIREJSE" --db "$db" project new --journey alpha --name "Ærø øjenklinik"
run 0 "$AIREJSE" --db "$db" answer 1 behov "Færre ventetider"
url="postgresql:///a_$$?host=$sock&user=airejse"
run 0 "$AIREJSE" --db "$url" project list
contains "$out" "Ærø øjenklinik"
AIREJSE_DB="$url" run 0 "$AIREJSE" project show 1 --format tsv
contains "$out" "Færre ventetider"
# database: in the settings, under --db and AIREJSE_DB.
printf 'database: "%s"\n' "$url" > config.yaml
AIREJSE_CONFIG="$PWD/config.yaml" run 0 "$AIREJSE" project list
contains "$out" "Ærø øjenklinik"
AIREJSE_CONFIG="$PWD/config.yaml" run 66 "$AIREJSE" --db "$PWD/local.db" project list
lacks "$out" "Ærø øjenklinik"
[ "$(pg_sql "$db" 'SELECT version FROM airejse_version')" -gt 0 ] || fail "no schema version"

# No such database on the server: 66, the server's words.
run 66 "$AIREJSE" --db "$AIREJSE_TEST_PG dbname=ingen_$$" project list
contains "$err" "databaseserveren kan ikke åbne databasen"
contains "$err" "ingen_$$"
# A login the server refuses: 77, the server's words.
run 77 "$AIREJSE" --db "host=$sock user=ukendt dbname=a_$$" project list
contains "$err" "afviste login"
contains "$err" 'role "ukendt" does not exist'

# A server that takes the connection and never answers: 69 once the
# connect timeout has passed, and only once (not tried again).
mkdir mute
/usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(8)
held = []
while True:
    held.append(s.accept()[0])
' "$PWD/mute/.s.PGSQL.5432" &
mute=$!
trap 'kill $mute 2>/dev/null' EXIT
i=0
while [ ! -S mute/.s.PGSQL.5432 ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "the mute server did not start"
	sleep 0.05
done
# mute_run CMD...: CMD fails so, in less than twice the timeout.
mute_run() {
	t0=$(date +%s%N)
	run 69 "$@"
	t1=$(date +%s%N)
	contains "$err" "ingen databaseserver svarer på"
	contains "$err" "timeout expired"
	[ $(((t1 - t0) / 1000000)) -lt 3900 ] || fail "waited $(((t1 - t0) / 1000000)) ms for a timeout of 2 s"
}
mute_run "$AIREJSE" --db "host=$PWD/mute dbname=a connect_timeout=2" project list
AIREJSE_TEST_KEYS='<dump>' mute_run "$AIREJSE" --db "host=$PWD/mute dbname=a connect_timeout=2"
kill $mute
trap - EXIT

# A libpq that cannot be loaded (here a broken one found first): 69,
# why, on the command line and in the terminal program; nothing is made
# in the database.
lib=$(pg_db lib)
mkdir lib && : >lib/libpq.so.5
LD_LIBRARY_PATH="$PWD/lib" run 69 "$AIREJSE" --db "$lib" project list
contains "$err" "biblioteket libpq kan ikke indlæses"
contains "$err" "$PWD/lib/libpq.so.5"
LD_LIBRARY_PATH="$PWD/lib" AIREJSE_TEST_KEYS='<dump>' run 69 "$AIREJSE" --db "$lib"
contains "$err" "biblioteket libpq kan ikke indlæses"
contains "$err" "$PWD/lib/libpq.so.5"
# Content with errors is told first: the database is not touched, and a
# server that is not there is not mentioned.
cp -R "$AIREJSE_CONTENT" bad && printf 'id: [\n' >>bad/journeys/alpha.yaml
for to in "$lib" "host=$PWD/none dbname=a"; do
	AIREJSE_CONTENT="$PWD/bad" AIREJSE_TEST_KEYS='<dump>' run 65 "$AIREJSE" --db "$to"
	contains "$err" "YAML"
	lacks "$err" "databaseserver"
	AIREJSE_CONTENT="$PWD/bad" run 65 "$AIREJSE" --db "$to" project list
	contains "$err" "YAML"
done
[ "$(pg_sql "$lib" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ] ||
	fail "a database was changed while the content had errors"

# A database of a newer airejse, or holding another program's tables:
# refused, left as it is.
pg_sql "$db" 'UPDATE airejse_version SET version = 99'
run 65 "$AIREJSE" --db "$db" project list
contains "$err" "nyere airejse (databaseversion 99"
[ "$(pg_sql "$db" 'SELECT version FROM airejse_version')" = 99 ] || fail "version changed"
other=$(pg_db other)
pg_sql "$other" 'CREATE TABLE patients (id int)'
run 65 "$AIREJSE" --db "$other" project list
contains "$err" "et andet programs tabeller"
[ "$(pg_sql "$other" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 1 ] ||
	fail "another program's database changed"
exit 0
