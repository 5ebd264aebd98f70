# SPDX-License-Identifier: EUPL-1.2
# Another program holding the write lock past the time airejse waits is
# "busy", not "changed by someone else": both exit 75, the message and
# the JSON error code tell them apart (issue 15, point 8; issue 20,
# point 5), and nothing is saved.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/a.db"
run 0 "$AIREJSE" project new --journey alpha --name "Låst"
run 0 "$AIREJSE" answer 1 beloeb 1000

# A conflict: the answer changed after revision 0.
run 75 "$AIREJSE" --lang en answer 1 beloeb 2000 --expect 0 --format json
contains "$out" '"code": "conflict"'
contains "$out" '"status": 75'
contains "$err" "was changed by"
lacks "$err" "busy"

# Busy: sqlite3 holds the write lock for longer than the ten seconds a
# save waits.
mkfifo hold
sqlite3 a.db <hold >/dev/null 2>&1 &
holder=$!
exec 3>hold
echo "BEGIN IMMEDIATE;" >&3
sleep 1
# Reading is not held up by a writer.
run 0 "$AIREJSE" project show 1 --format tsv
contains "$out" "$(printf 'beloeb\tamount\tvalue\t1000\t1')"
run 75 "$AIREJSE" --lang en answer 1 beloeb 2000 --expect 1 --format json
exec 3>&-
wait $holder
contains "$out" '"code": "busy"'
contains "$out" '"status": 75'
lacks "$out" "conflict"
contains "$err" "someone else is saving to"
contains "$err" "nothing was saved"
lacks "$err" "changed by"
# Nothing was saved, and the same save goes through now.
run 0 "$AIREJSE" answer 1 beloeb 2000 --expect 1 --format json
contains "$out" '"revision": 2'
contains "$out" '"changed": true'
exit 0
