# SPDX-License-Identifier: EUPL-1.2
# kill -9 at random moments of a loop of 500 answers loses no answer that
# was reported saved, and leaves a sound database. Where the kill lands
# varies with the timing; what is checked holds wherever it lands.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$(store_db a)"
run 0 "$AIREJSE" project new --journey alpha --name "Nedbrud"

: > saved
# A random delay before each kill, from none to 40 ms (seeded, so a failure
# can be replayed with the seed it prints).
seed=${CRASH_SEED:-$(date +%s)}
echo "t-crash: seed $seed" >&2
awk -v seed="$seed" 'BEGIN { srand(seed); for (i = 0; i < 500; i++) printf "%.3f\n", rand() * 0.04 }' > delays
i=0
while read -r delay; do
	i=$((i + 1))
	"$AIREJSE" answer 1 behov "svar $i" >"out.$i" 2>"err.$i" &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null
	if wait $pid; then
		grep -q "revision" "out.$i" || fail "answer $i exited 0 without saying it saved"
		echo $i >> saved
	fi
	rm -f "out.$i" "err.$i"
done < delays

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
echo "t-crash: $(wc -l < saved) of 500 answers finished before the kill" >&2
exit 0
