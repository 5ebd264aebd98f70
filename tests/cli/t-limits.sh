# SPDX-License-Identifier: EUPL-1.2
# The file size limit (ulimit -f): a save that would pass it fails with a
# message and exit 74, as on a full disk, instead of the program dying
# of SIGXFSZ without a word; what was saved before stays (issue 20,
# point 5).
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/a.db"
run 0 "$AIREJSE" project new --journey alpha --name "Først"
size=$(stat -c %s a.db)
# In dash, ulimit -f counts 512-byte blocks: room for a few saves more.
limit=$(( (size + 16384) / 512 ))
long=$(printf '%0150d' 0)
i=0
st=0
while [ $i -lt 100 ]; do
	i=$((i + 1))
	(ulimit -f $limit; exec "$AIREJSE" --lang en project new --journey alpha \
	    --name "Projekt $i $long") >out.txt 2>err.txt
	st=$?
	[ $st -eq 0 ] || break
done
[ $st -ne 0 ] || fail "100 projects fitted under ulimit -f $limit"
[ $st -ne 153 ] || fail "killed by SIGXFSZ at project $i"
[ $st -eq 74 ] || fail "exit $st at project $i: $(cat err.txt)"
contains "$(cat err.txt)" "largest file size allowed here (ulimit -f)"
# Every project reported saved is there.
run 0 "$AIREJSE" project list --format tsv
[ "$(printf '%s\n' "$out" | grep -c "Projekt")" -eq $((i - 1)) ] ||
	fail "$((i - 1)) projects saved, listed: $out"
[ "$(sqlite3 a.db 'PRAGMA integrity_check;')" = ok ] || fail "integrity_check"
exit 0
