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
