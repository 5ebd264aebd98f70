# SPDX-License-Identifier: EUPL-1.2
# The database file: bad files are refused untouched, newer ones too, a
# read-only one is read, an old one is upgraded without losing anything.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"

# Random bytes: 65, and not a byte changed.
head -c 8192 /dev/urandom > junk.db
cp junk.db junk.orig
run 65 "$AIREJSE" --lang en --db junk.db project list
contains "$err" "not an airejse database"
cmp -s junk.db junk.orig || fail "the random file was changed"
[ ! -e junk.db-wal ] || fail "a journal was left beside the random file"
# Nor is an answer written into it.
run 65 "$AIREJSE" --db junk.db answer 1 behov x
cmp -s junk.db junk.orig || fail "the random file was changed"
# A text file, a folder, another program's SQLite database.
echo "hello" > text.db
run 65 "$AIREJSE" --db text.db project list
mkdir folder.db
run 65 "$AIREJSE" --db folder.db project list

# A device is not a file: nothing is written beside it (as root, SQLite
# made /dev/null-journal), for a save or a read (issue 20, point 5).
run 65 "$AIREJSE" --lang en --db /dev/null project new --journey alpha --name X
contains "$err" "/dev/null is not a file but a device"
[ ! -e /dev/null-journal ] && [ ! -e /dev/null-wal ] || fail "a journal was made beside /dev/null"
run 65 "$AIREJSE" --db /dev/null project list
mkfifo pipe.db
run 65 "$AIREJSE" --lang en --db pipe.db project list
contains "$err" "a device, a pipe or a socket"

# A link to nothing is said to be one, for a save and for a read.
ln -s "$PWD/gone/real.db" link.db
run 66 "$AIREJSE" --lang en --db link.db project new --journey alpha --name X
contains "$err" "link.db is a link to $PWD/gone/real.db, which does not exist"
run 66 "$AIREJSE" --lang en --db link.db project list
contains "$err" "which does not exist"
[ ! -e gone ] || fail "a folder was made where the link points"

# A command that only reads, on a mistyped path, makes no database.
for c in "project list" "project show 1" "history 1" "handoffs" "search x" \
    "export 1" "next 1" "backup b.db"; do
	run 66 "$AIREJSE" --lang en --db typo/a.db $c
	contains "$err" "there is no database at typo/a.db"
done
[ ! -e typo ] && [ ! -e b.db ] || fail "a reading command made a file"
sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
cp other.db other.orig
run 65 "$AIREJSE" --lang en --db other.db project list
contains "$err" "another program"
cmp -s other.db other.orig || fail "the other program's database was changed"

# A damaged database is reported, not repaired.
run 0 "$AIREJSE" --db dmg.db project new --journey alpha --name "Skadet"
dd if=/dev/urandom of=dmg.db bs=1 seek=4096 count=4096 conv=notrunc 2>/dev/null
cp dmg.db dmg.orig
"$AIREJSE" --db dmg.db project show 1 >out.txt 2>err.txt
st=$?
[ "$st" -eq 65 ] || [ "$st" -eq 74 ] || [ "$st" -eq 66 ] || fail "damaged database gave $st"
cmp -s dmg.db dmg.orig || fail "the damaged database was changed"

# A database from a newer airejse: refused with its version, untouched.
run 0 "$AIREJSE" --db new.db project new --journey alpha --name "Ny"
sqlite3 new.db "PRAGMA user_version = 42;"
cp new.db new.orig
run 65 "$AIREJSE" --lang en --db new.db project list
contains "$err" "newer airejse"
contains "$err" "version 42"
run 65 "$AIREJSE" --db new.db answer 1 behov x
cmp -s new.db new.orig || fail "the newer database was changed"

# A version no airejse writes (found by tests/fuzz/fuzz_db.c: a negative
# one ran migrations from before the first): refused, untouched.
sqlite3 new.db "PRAGMA user_version = -7;"
cp new.db new.orig
run 65 "$AIREJSE" --lang en --db new.db project list
contains "$err" "database version no airejse writes (-7)"
cmp -s new.db new.orig || fail "the database of version -7 was changed"

# A version-1 database is upgraded and keeps everything.
sqlite3 v1.db < "$TOP/tests/data/store-v1.sql"
run 0 "$AIREJSE" --db v1.db project show 1 --format tsv
contains "$out" "$(printf 'beta\tb1\tin-progress\tbehov\ttext\tvalue\tFra version 1\t2')"
contains "$out" "$(printf 'aftale\tyesno\tvalue\tnej\t1')"
version=$(sed -n 's/^#define STORE_VERSION //p' "$TOP/include/airejse/store.h")
[ "$(sqlite3 v1.db 'PRAGMA user_version;')" = "$version" ] || fail "not upgraded"
# The hand-offs the old answers call for are raised on the first look.
contains "$out" "$(printf 'alpha\ts1\tin-progress\tbehov')"
run 0 "$AIREJSE" --db v1.db handoffs --format tsv
contains "$out" "$(printf 'jurist-gdpr\tjurist\traised')"
run 0 "$AIREJSE" --db v1.db history 1 behov --format tsv
contains "$out" "$(printf 'behov\t1\t2023-11-14T22:15:00Z\tanna\ttui\tnone\t\tvalue\tFørst')"
contains "$out" "$(printf 'behov\t2\t2023-11-14T22:16:40Z\tanna\ttui\tvalue\tFørst\tvalue\tFra version 1')"
run 0 "$AIREJSE" --db v1.db project list --format tsv
contains "$out" "Gammel æøå"
# What version 2 brought works on the old data.
run 0 "$AIREJSE" --lang en --db v1.db answer 1 aftale nej --expect 1
contains "$out" "unchanged"
run 0 "$AIREJSE" --lang en --db v1.db answer 1 behov "ved ikke"
contains "$out" "hand-off raised: leder-behov"
[ "$(sqlite3 v1.db 'PRAGMA integrity_check;')" = ok ] || fail "integrity after upgrade"

# A version-2 database is upgraded (its answers kept in project order from
# then on) and keeps every answer, hand-off and history entry.
sqlite3 v2.db < "$TOP/tests/data/store-v2.sql"
# The columns of version 2: later versions add some (the login, NULL in
# every row upgraded).
dump() {
	sqlite3 "$1" "SELECT id, name, created, changed FROM project; SELECT * FROM project_track;
	    SELECT * FROM answer ORDER BY project, question;
	    SELECT id, project, question, old_kind, old_value, new_kind, new_value, revision, time,
	      user, source FROM answer_event;
	    SELECT * FROM handoff;
	    SELECT id, handoff, old_state, new_state, note, due, time, user, source FROM handoff_event;"
}
dump v2.db >v2.before
run 0 "$AIREJSE" --db v2.db project list --format tsv
contains "$out" "$(printf '4\tFjerde\tbeta,alpha')"
[ "$(sqlite3 v2.db 'PRAGMA user_version;')" = "$version" ] || fail "v2 not upgraded"
dump v2.db >v2.after
cmp -s v2.before v2.after || fail "the upgrade from version 2 changed the data: $(diff v2.before v2.after)"
[ "$(sqlite3 v2.db 'SELECT count(*) FROM answer_event WHERE login IS NOT NULL')" = 0 ] ||
	fail "a login made up for an old change"
run 0 "$AIREJSE" --db v2.db project show 1 --format tsv
contains "$out" "$(printf 'noter\tlongtext\tvalue\tLinje et')"
run 0 "$AIREJSE" --db v2.db history 4 antal --format tsv
contains "$out" "$(printf 'antal\t2\t2025-03-08T09:03:00Z\tdorte\tcli\tvalue\t12\tnone')"
run 0 "$AIREJSE" --db v2.db handoffs --format tsv
contains "$out" "$(printf '1\tGammel æøå\tjurist-gdpr\tjurist\tanswered\t2025-04-01')"
run 0 "$AIREJSE" --db v2.db search 'Bedre søvn'
contains "$out" "2 Anden"
[ "$(sqlite3 v2.db 'PRAGMA integrity_check;')" = ok ] || fail "integrity after the upgrade from 2"
[ -z "$(sqlite3 v2.db 'PRAGMA foreign_key_check;')" ] || fail "foreign keys after the upgrade from 2"

# Hand-offs that lag behind the rules (after an upgrade, or a change to
# the content or the tender threshold) are brought in line by the first
# look at the project, also by the hand-offs list, which reads every
# project in one walk: each project that lags is synced and the walk goes
# on from it. The project list counts them as that look will leave them,
# and writes nothing.
for db in lag-list.db lag-handoffs.db; do
	run 0 "$AIREJSE" --db "$db" project new --journey alpha --name "Et"
	run 0 "$AIREJSE" --db "$db" project new --journey alpha --name "To"
	run 0 "$AIREJSE" --db "$db" project new --journey alpha --name "Tre"
	run 0 "$AIREJSE" --db "$db" answer 1 persondata ja
	run 0 "$AIREJSE" --db "$db" answer 1 aftale nej
	run 0 "$AIREJSE" --db "$db" answer 3 behov "ved ikke"
	# What an upgrade or a change to the content or the threshold leaves
	# behind.
	sqlite3 "$db" "PRAGMA foreign_keys = ON; DELETE FROM handoff;"
done
# Every change in the file itself (the last connection to close folds
# the journal into it), so a checksum of it shows any write.
sqlite3 lag-list.db "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sum=$(cksum <lag-list.db)
run 0 "$AIREJSE" --db lag-list.db project list --format tsv
contains "$out" "$(printf '1\tEt\talpha\t')"
[ "$(printf '%s\n' "$out" | cut -f 1,5 | tr '\t\n' ': ')" = "id:open_handoffs 1:1 2:0 3:1 " ] ||
	fail "project list of lagging hand-offs: $out"
run 0 "$AIREJSE" --db lag-list.db project list --format json
contains "$out" '"open_handoffs": 1'
[ "$(cksum <lag-list.db)" = "$sum" ] || fail "project list wrote to the database"
[ ! -s lag-list.db-wal ] || fail "project list wrote to the database's journal"
[ "$(sqlite3 lag-list.db 'SELECT count(*) FROM handoff;')" = 0 ] || fail "project list saved hand-offs"
run 0 "$AIREJSE" --db lag-list.db project show 1 --format tsv
[ "$(sqlite3 lag-list.db 'SELECT project, rule, state FROM handoff ORDER BY project;' | tr '\n' ' ')" = \
    "1|jurist-gdpr|raised " ] || fail "project show did not bring the hand-offs in line"
run 0 "$AIREJSE" --db lag-handoffs.db handoffs --format tsv
[ "$(printf '%s\n' "$out" | cut -f 1,3,5 | tr '\t\n' ': ')" = \
    "project:id:state 1:jurist-gdpr:raised 3:leder-behov:raised " ] || fail "handoffs after the sync: $out"

# A read-only database is read; a change says why it cannot be made.
mkdir ro
run 0 "$AIREJSE" --db ro/ro.db project new --journey alpha --name "Læs kun"
run 0 "$AIREJSE" --db ro/ro.db answer 1 behov "Kan læses"
cp ro/ro.db ro.orig
# Whether this process writes past a folder's mode (root, however id
# reports it): then read as nobody instead.
mkdir probe
chmod 555 probe
if touch probe/x 2>/dev/null; then
	# root may write anything: read as nobody instead.
	root=1
	chmod 755 . ro
	chmod 644 ro/ro.db
	as() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent "$@"; }
else
	root=0
	chmod 555 ro
	chmod 444 ro/ro.db
	as() { "$@"; }
fi
if as test -r "$PWD/ro/ro.db" && as test -x "$AIREJSE"; then
	run 0 as "$AIREJSE" --db "$PWD/ro/ro.db" project show 1 --format tsv
	contains "$out" "Kan læses"
	run 0 as "$AIREJSE" --db "$PWD/ro/ro.db" project list --format tsv
	contains "$out" "$(printf '1\tLæs kun\talpha\t0/3')"
	run 74 as "$AIREJSE" --lang en --db "$PWD/ro/ro.db" answer 1 behov "Nyt"
	contains "$err" "can only be read here"
	run 74 as "$AIREJSE" --db "$PWD/ro/ro.db" project new --journey alpha --name X
	# A file the user may write, in a folder it may not: SQLite cannot
	# keep its journal there, so the same.
	chmod 666 ro/ro.db
	run 0 as "$AIREJSE" --db "$PWD/ro/ro.db" project show 1 --format tsv
	contains "$out" "Kan læses"
	run 74 as "$AIREJSE" --lang en --db "$PWD/ro/ro.db" answer 1 behov "Nyt"
	contains "$err" "folder"

	# The newest change still in the write-ahead log, and no -shm beside
	# it (its writer stopped without folding the log into the file): the
	# log is read, never passed over for the older state in the file.
	chmod u+w ro
	sqlite3 ro/ro.db ".dbconfig no_ckpt_on_close on" \
	    "UPDATE answer SET value = 'Nyeste' WHERE question = 'behov'" >/dev/null
	rm -f ro/ro.db-shm
	[ -s ro/ro.db-wal ] || fail "sqlite3 left no write-ahead log"
	chmod a+r ro/ro.db-wal
	[ "$root" = 1 ] || chmod 555 ro
	cp ro/ro.db-wal wal.orig
	run 0 as "$AIREJSE" --db "$PWD/ro/ro.db" project show 1 --format tsv
	contains "$out" "$(printf 'behov\ttext\tvalue\tNyeste')"
	run 0 as "$AIREJSE" --db "$PWD/ro/ro.db" export 1 --format json
	contains "$out" '"Nyeste"'
	[ ! -e ro/ro.db-shm ] || fail "reading made a -shm file"
	cmp -s ro/ro.db-wal wal.orig || fail "reading changed the write-ahead log"
	# A log the reader may not read: refused (74), not shown without it.
	if [ "$root" = 1 ]; then
		chmod 600 ro/ro.db-wal
		run 74 as "$AIREJSE" --lang en --db "$PWD/ro/ro.db" project show 1 --format tsv
		contains "$err" "the newest changes to $PWD/ro/ro.db cannot be read here"
		contains "$err" "ro.db-wal, which you may not read"
		[ -z "$out" ] || fail "an older state was shown: $out"
	fi
	rm -f ro/ro.db-wal
else
	echo "t-store: skipped the read-only case: nobody cannot reach $PWD" >&2
fi
chmod 755 ro
cmp -s ro/ro.db ro.orig || fail "the read-only database was changed"
exit 0
