# SPDX-License-Identifier: EUPL-1.2
# Temporary files that a killed backup or export left (of airejse's own
# naming) are removed by the next backup or export into that folder; one
# a running airejse holds is left alone (issue 20, point 5).
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/a.db"
run 0 "$AIREJSE" project new --journey alpha --name "Rester"
mkdir out
echo half > out/b.db.tmp-Ab3dEf
echo half > out/.airejse-export-Qw7rTy
echo mine > out/b.db.tmp-notours
echo mine > out/notes.txt
# A backup still being written: its file is held.
echo busy > out/b.db.tmp-Held01
sh -c 'exec 9<out/b.db.tmp-Held01 && flock 9 && exec sleep 30' &
holder=$!
sleep 0.3

run 0 "$AIREJSE" backup out/b.db
[ ! -e out/b.db.tmp-Ab3dEf ] || fail "the killed backup's file is still there"
[ -e out/b.db.tmp-Held01 ] || fail "a file in use was removed"
[ -e out/b.db.tmp-notours ] && [ -e out/notes.txt ] || fail "a file not of ours was removed"
run 0 "$AIREJSE" export 1 --format json -o out/p.json
[ ! -e out/.airejse-export-Qw7rTy ] || fail "the killed export's file is still there"
kill $holder
wait $holder 2>/dev/null
[ "$(ls -A out | sort | tr '\n' ' ')" = "b.db b.db.tmp-Held01 b.db.tmp-notours notes.txt p.json " ] ||
	fail "left in the folder: $(ls -A out)"
exit 0
