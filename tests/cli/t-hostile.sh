# SPDX-License-Identifier: EUPL-1.2
# Hostile input on the command line: bytes that are not UTF-8 anywhere,
# a 1 MB value, endless standard input, broken and random import files,
# a full disk. Each gets a clear message and its exit status, and what
# was saved before stays saved.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/h.db"
run 0 "$AIREJSE" project new --journey alpha --name "Fjendtlig æøå"
run 0 "$AIREJSE" answer 1 behov "Gemt før"
bad=$(printf 'x\377y')

run 65 "$AIREJSE" project new --journey alpha --name "$bad"
contains "$err" "UTF-8"
run 65 "$AIREJSE" answer 1 behov "$bad"
contains "$err" "UTF-8"
run 64 "$AIREJSE" --user "$bad" answer 1 behov ok
run 66 "$AIREJSE" answer "$bad" behov ok
run 65 "$AIREJSE" answer 1 "$bad" ok
run 65 "$AIREJSE" project rename 1 "$bad"
# Invalid bytes from standard input too.
printf 'linje\377\n' > bad.txt
run 65 "$AIREJSE" answer 1 behov - < bad.txt

# A 1 MB value is refused whole (by its length), not cut.
head -c 1048576 /dev/zero | tr '\0' 'a' > big.txt
run 65 "$AIREJSE" answer 1 behov - < big.txt
contains "$err" "1048576"
# Endless input is not read to the end of the disk.
run 65 sh -c "head -c 20000000 /dev/zero | '$AIREJSE' answer 1 behov -"

# Import: not UTF-8, random bytes, empty, deeply nested.
printf '{"schema": "airejse-project", "name": "\377"}' > bad.json
run 65 "$AIREJSE" import bad.json
contains "$err" "bad.json"
head -c 65536 /dev/urandom > random.json
run 65 "$AIREJSE" import random.json
: > empty.json
run 65 "$AIREJSE" import empty.json
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; }' > deep.json
run 65 "$AIREJSE" import deep.json

# Nothing of that touched what was saved.
run 0 "$AIREJSE" project list --format tsv
[ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] || fail "a project appeared: $out"
run 0 "$AIREJSE" history 1 behov --format tsv
[ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] || fail "the history changed: $out"
contains "$out" "Gemt før"

# libxlsxwriter is opened only for an xlsx export: a broken one makes
# that export fail with the reason (69), and nothing else.
mkdir fakelib
: > fakelib/libxlsxwriter.so.4
: > fakelib/libxlsxwriter.so
run 69 env LD_LIBRARY_PATH="$PWD/fakelib" "$AIREJSE" --lang en export 1 --what action-plan --format xlsx -o x.xlsx
contains "$err" "libxlsxwriter"
[ ! -e x.xlsx ] || fail "a broken library left a file"
run 0 env LD_LIBRARY_PATH="$PWD/fakelib" "$AIREJSE" export 1 --what action-plan --format csv -o x.csv
run 0 env LD_LIBRARY_PATH="$PWD/fakelib" "$AIREJSE" project list

# A full disk: on a small tmpfs when we may mount one, else with a file
# size limit. The answer is refused with a message that says so, and the
# earlier answers are all there afterwards.
full=
if [ -z "${NO_MOUNT:-}" ] && [ "$(id -u)" -eq 0 ] && mkdir fs && mount -t tmpfs -o size=512k tmpfs fs 2>/dev/null; then
	full=fs
	trap 'umount "$PWD/fs" 2>/dev/null' EXIT
	db=fs/f.db
	run 0 "$AIREJSE" --db $db project new --journey alpha --name "Fuld disk"
	run 0 "$AIREJSE" --db $db answer 1 behov "Før disken blev fuld"
	avail=$(df --output=avail -B1 fs | tail -n 1)
	head -c $((avail - 4096)) /dev/zero > fs/filler 2>/dev/null
	i=0
	st=0
	while [ $i -lt 50 ] && [ $st -eq 0 ]; do
		i=$((i + 1))
		head -c 3000 /dev/zero | tr '\0' 'x' > long.txt
		"$AIREJSE" --lang en --db $db answer 1 behov - < long.txt >out.txt 2>err.txt
		st=$?
	done
	[ $st -eq 74 ] || fail "a full disk gave $st, expected 74: $(cat err.txt)"
	contains "$(cat err.txt)" "full"
	rm -f fs/filler
	run 0 "$AIREJSE" --db $db history 1 behov --format tsv
	contains "$out" "Før disken blev fuld"
	[ "$(sqlite3 $db 'PRAGMA integrity_check;')" = ok ] || fail "integrity after a full disk"
	umount fs
	trap - EXIT
fi
if [ -z "$full" ]; then
	# Without a mount: a limit on the size of files the program may write.
	run 0 "$AIREJSE" --db f.db project new --journey alpha --name "Fuld disk"
	run 0 "$AIREJSE" --db f.db answer 1 behov "Før disken blev fuld"
	(
		ulimit -f 60
		trap '' XFSZ
		i=0
		while [ $i -lt 200 ]; do
			i=$((i + 1))
			"$AIREJSE" --lang en --db f.db answer 1 noter "Svar nummer $i" >out.txt 2>err.txt || exit $?
		done
	)
	st=$?
	[ $st -eq 74 ] || fail "a file size limit gave $st: $(cat err.txt)"
	contains "$(cat err.txt)" "ulimit"
	run 0 "$AIREJSE" --db f.db history 1 behov --format tsv
	contains "$out" "Før disken blev fuld"
	[ "$(sqlite3 f.db 'PRAGMA integrity_check;')" = ok ] || fail "integrity after the size limit"
fi
exit 0
