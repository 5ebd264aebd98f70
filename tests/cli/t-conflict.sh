# SPDX-License-Identifier: EUPL-1.2
# Two writers: a save based on an older revision is refused with both
# values (75); writers that do not collide both get through.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$(store_db a)"
run 0 "$AIREJSE" project new --journey alpha --name "To skrivere"

# Both start from "no answer" at the same time: one wins, one is told.
"$AIREJSE" answer 1 beloeb 1000 --expect 0 >a.out 2>a.err &
pa=$!
"$AIREJSE" --user bo answer 1 beloeb 2000 --expect 0 >b.out 2>b.err &
pb=$!
wait $pa
sa=$?
wait $pb
sb=$?
if [ $sa -eq 0 ] && [ $sb -eq 75 ]; then
	loser=b.err
elif [ $sa -eq 75 ] && [ $sb -eq 0 ]; then
	loser=a.err
else
	fail "two writers exited $sa and $sb, expected 0 and 75"
fi
contains "$(cat $loser)" "1.000 kr."
contains "$(cat $loser)" "2.000 kr."
contains "$(cat $loser)" "--expect 1"

# One looks, another saves, the first saves on what it saw: refused,
# and the stored answer is the other's.
rev=$("$AIREJSE" project show 1 --format tsv | awk -F '\t' '$4 == "beloeb" { print $8; exit }')
run 0 "$AIREJSE" --user anna answer 1 beloeb "1,2 mio." --expect "$rev"
run 75 "$AIREJSE" answer 1 beloeb 5000 --expect "$rev"
contains "$err" 'spørgsmålet "Kontraktværdi?" blev ændret af anna'
lacks "$err" "beloeb"
contains "$err" "1.200.000 kr."
contains "$err" "5.000 kr."
run 0 "$AIREJSE" project show 1 --format tsv
contains "$out" "$(printf 'beloeb\tamount\tvalue\t1200000')"
run 75 "$AIREJSE" answer 1 beloeb --clear --expect "$rev"

# Writers on different questions at once: every answer gets through.
writer() {
	j=0
	while [ $j -lt 15 ]; do
		j=$((j + 1))
		"$AIREJSE" answer 1 "$1" "$2 $j" >/dev/null || { echo "$1 $j failed" >> failed; return; }
	done
}
writer behov "behov" &
p1=$!
writer noter "note" &
p2=$!
wait $p1
wait $p2
[ ! -e failed ] || fail "$(cat failed)"
run 0 "$AIREJSE" project show 1 --format tsv
contains "$out" "$(printf 'behov\ttext\tvalue\tbehov 15\t15')"
contains "$out" "$(printf 'noter\tlongtext\tvalue\tnote 15\t15')"
! on_sqlite || [ "$(sqlite3 a.db 'PRAGMA integrity_check;')" = ok ] || fail "integrity_check"
exit 0
