# SPDX-License-Identifier: EUPL-1.2
# A full disk holding the database: reading commands, an export and a
# backup to another disk work, since reading needs no free space; a save
# is refused with a message, exit 74, and works again once there is room
# (issue 20, point 5). On a small tmpfs, where we may mount one.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
if [ -n "${NO_MOUNT:-}" ] || ! mkdir fs || ! mount -t tmpfs -o size=512k tmpfs fs 2>/dev/null; then
	echo "t-fulldisk: skipped: cannot mount a tmpfs here" >&2
	exit 0
fi
trap 'umount "$PWD/fs" 2>/dev/null' EXIT
db=fs/f.db
run 0 "$AIREJSE" --db $db project new --journey alpha --name "Fuld disk"
run 0 "$AIREJSE" --db $db answer 1 behov "Før disken blev fuld"
head -c 600000 /dev/zero > fs/filler 2>/dev/null
[ "$(df --output=avail -B1 fs | tail -n 1)" -lt 4096 ] || fail "the disk is not full"

run 0 "$AIREJSE" --db $db project show 1 --format tsv
contains "$out" "Før disken blev fuld"
run 0 "$AIREJSE" --db $db project list --format tsv
contains "$out" "Fuld disk"
run 0 "$AIREJSE" --db $db history 1 behov --format tsv
contains "$out" "Før disken blev fuld"
run 0 "$AIREJSE" --db $db export 1 --format json -o out.json
contains "$(cat out.json)" "Før disken blev fuld"
run 0 "$AIREJSE" --db $db backup b.db
[ "$(sqlite3 b.db "SELECT value FROM answer WHERE question = 'behov';")" = "Før disken blev fuld" ] ||
	fail "the backup lacks the answer"

run 74 "$AIREJSE" --lang en --db $db answer 1 behov "Nyt"
contains "$err" "full"
rm -f fs/filler
run 0 "$AIREJSE" --db $db answer 1 behov "Efter"
[ "$(sqlite3 $db 'PRAGMA integrity_check;')" = ok ] || fail "integrity after a full disk"
umount fs
trap - EXIT
exit 0
