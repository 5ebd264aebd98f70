# SPDX-License-Identifier: EUPL-1.2
# A cleared answer keeps its revision: project show (tsv, json) and the
# hand-off packet report the revision stored, which is what a save after
# the clear must --expect (issue 20, point 2).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

A() { "$AIREJSE" --db export.db "$@"; }

# leverandoer is in the jurist's packet at revision 1; the clear makes 2.
run 0 A answer 1 leverandoer --clear
contains "$out" "revision 2"

run 0 A project show 1 --format tsv
# (asked in two tracks: a row in each)
row=$(printf '%s\n' "$out" | awk -F '\t' '$4 == "leverandoer"')
[ "$(printf '%s\n' "$row" | cut -f 6,8 | sort -u)" = "$(printf 'none\t2')" ] ||
	fail "project show tsv after a clear: $row"

run 0 A project show 1 --format json
q=$(printf '%s\n' "$out" | grep -A 12 '"id": "leverandoer"')
contains "$q" '"revision": 2'
contains "$q" '"kind": "none"'

run 0 A --role jurist export 1 --what handoff --format json
q=$(printf '%s\n' "$out" | sed -n '/"id": "leverandoer"/,/"answer": null/p')
contains "$q" '"current_kind": "none"'
contains "$q" '"revision": 2'
lacks "$q" '"revision": 0'

# What a packet made now says is what a save must expect: the revision
# shown goes through, an older one (0, "no answer yet") is a conflict.
run 75 A answer 1 leverandoer "Firma A/S" --expect 0
run 0 A answer 1 leverandoer "Firma A/S" --expect 2
contains "$out" "revision 3"

# The plain prompts start a save from the revision stored too: an answer
# typed after a clear is saved, not shown as someone else's change.
export AIREJSE_CONTENT="$TOP/tests/tui/content"
B() { "$AIREJSE" --db plain.db "$@"; }
run 0 B project new --journey demo --name "Klinik Ærø"
run 0 B answer 1 titel "Navn A"
run 0 B answer 1 titel --clear
printf '%s\n' 1 1 "Navn B" q q q >in.txt
run 0 B --plain --lang en <in.txt
lacks "$out" "Someone else"
run 0 B project show 1 --format tsv
contains "$out" "$(printf 'titel\ttext\tvalue\tNavn B\t3')"
exit 0
