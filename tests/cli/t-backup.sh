# SPDX-License-Identifier: EUPL-1.2
# backup: a whole, private copy; never over a file without --force.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/a.db"
run 0 "$AIREJSE" project new --journey alpha --name "Kopi æøå"
run 0 "$AIREJSE" answer 1 behov "Med i kopien"

run 0 "$AIREJSE" backup copy.db
[ "$(stat -c %a copy.db)" = 600 ] || fail "backup mode $(stat -c %a copy.db)"
[ ! -e copy.db-wal ] || fail "the backup has a journal beside it"
[ "$(sqlite3 copy.db 'PRAGMA integrity_check;')" = ok ] || fail "backup integrity"
run 0 "$AIREJSE" --db copy.db project show "Kopi æøå" --format tsv
contains "$out" "Med i kopien"

run 0 "$AIREJSE" answer 1 behov "Senere"
cp copy.db copy.orig
run 73 "$AIREJSE" backup copy.db
contains "$err" "--force"
cmp -s copy.db copy.orig || fail "backup overwrote without --force"
run 0 "$AIREJSE" backup copy.db --force
run 0 "$AIREJSE" --db copy.db project show 1 --format tsv
contains "$out" "Senere"
run 73 "$AIREJSE" backup "$PWD/a.db" --force
run 73 "$AIREJSE" backup nowhere/copy.db
run 64 "$AIREJSE" backup
ls | grep -q 'tmp-' && fail "a temporary file was left: $(ls)"
exit 0
