# SPDX-License-Identifier: EUPL-1.2
# The content cache: written at a start, read at the next, and never
# read by a program of another build (issue 13: a new program read an old
# cache and took its date questions for another type).
. "$TOP/tests/cli/lib.sh"

cp -R "$TOP/tests/tui/content" content
run 0 "$AIREJSE" --content content journeys --format tsv
contains "$out" "demo"
set -- home/.cache/airejse/content-*.bin
cache=$1
[ -f "$cache" ] || fail "no cache written"
inode() {
	ls -i "$1" | awk '{ print $1 }'
}
# The build key: 8 bytes after the 32 of the magic (struct cache_header).
key() {
	od -An -tx1 -j32 -N8 "$1" | tr -d ' \n'
}
ours=$(key "$cache")
first=$(inode "$cache")

# Read, not written again: the same file.
run 0 "$AIREJSE" --content content journeys --format tsv
contains "$out" "demo"
[ "$(inode "$cache")" = "$first" ] || fail "a valid cache was written again"

# The same bytes under another build's key, as an older program would
# have left them: not read, but replaced by one of this build.
printf '\001\002\003\004\005\006\007\010' | dd of="$cache" bs=1 seek=32 conv=notrunc 2>/dev/null
[ "$(key "$cache")" = 0102030405060708 ] || fail "the key was not changed"
run 0 "$AIREJSE" --content content journeys --format tsv
contains "$out" "demo"
[ "$(inode "$cache")" != "$first" ] || fail "a cache of another build was kept"
[ "$(key "$cache")" = "$ours" ] || fail "the cache was not written by this build"

# Switched off, nothing is read or written.
rm -f "$cache"
run 0 env AIREJSE_CACHE=off "$AIREJSE" --content content journeys --format tsv
contains "$out" "demo"
[ ! -e "$cache" ] || fail "AIREJSE_CACHE=off wrote a cache"

# A change of the model gives another build key (issue 13): a question
# type added after the amount, as in the fault, and the Makefile writes
# a new key, which a cache of the old model does not carry (above).
mkdir tree
cp -R "$TOP/Makefile" "$TOP/src" "$TOP/include" tree/
make -s -C tree B=b b/cache-key.h >/dev/null 2>&1 || fail "make could not write the build key"
before=$(cat tree/b/cache-key.h)
contains "$before" "CACHE_BUILD_KEY 0x"
touch -d '2000-01-01' tree/b/cache-key.h
sed 's/^\(\tQ_AMOUNT,\)/\1\n\tQ_FUTURE,/' "$TOP/include/airejse/qtype.h" >tree/include/airejse/qtype.h
grep -q Q_FUTURE tree/include/airejse/qtype.h || fail "the model was not changed"
make -s -C tree B=b b/cache-key.h >/dev/null 2>&1 || fail "make could not write the build key"
after=$(cat tree/b/cache-key.h)
contains "$after" "CACHE_BUILD_KEY 0x"
[ "$before" != "$after" ] || fail "a new question type left the build key as it was: $after"
