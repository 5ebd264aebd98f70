# kill -9 at any moment of a loop of answers loses no answer that was
# reported saved, and leaves a sound database. Where the kill lands varies
# with the timing; what is checked holds wherever it lands.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/a.db"
run 0 "$AIREJSE" project new --journey alpha --name "Nedbrud"

: > saved
i=0
while [ $i -lt 40 ]; do
	i=$((i + 1))
	"$AIREJSE" answer 1 behov "svar $i" >"out.$i" 2>"err.$i" &
	pid=$!
	case $((i % 5)) in
	0) ;;
	1) sleep 0.005 ;;
	2) sleep 0.01 ;;
	3) sleep 0.02 ;;
	4) sleep 0.05 ;;
	esac
	kill -9 $pid 2>/dev/null
	if wait $pid; then
		grep -q "revision" "out.$i" || fail "answer $i exited 0 without saying it saved"
		echo $i >> saved
	fi
done

[ "$(sqlite3 a.db 'PRAGMA integrity_check;')" = ok ] || fail "integrity_check after kill -9"
run 0 "$AIREJSE" history 1 behov --format tsv
hist=$out
for i in $(cat saved); do
	contains "$hist" "$(printf '\tvalue\tsvar %s\n' "$i")"
done
# The revision counts every change in the history, no more, no less.
rev=$("$AIREJSE" project show 1 --format tsv | awk -F '\t' '$4 == "behov" { print $8; exit }')
n=$(printf '%s\n' "$hist" | tail -n +2 | wc -l)
[ "$rev" -eq "$n" ] || fail "revision $rev but $n changes in the history"
# The database goes on working.
run 0 "$AIREJSE" answer 1 behov "efter nedbruddet" --expect "$rev"
[ "$(sqlite3 a.db 'PRAGMA integrity_check;')" = ok ] || fail "integrity_check at the end"
echo "t-crash: $(wc -l < saved) of 40 answers finished before the kill" >&2
exit 0
