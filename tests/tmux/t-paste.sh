# SPDX-License-Identifier: EUPL-1.2
# A long paste into the long-text editor: bracketed, so its line breaks
# stay text and nothing of it is taken for a key; it arrives whole and
# is saved in one answer.
. "$TOP/tests/tmux/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$PWD/t.db"
"$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
i=0
: >paste.txt
while [ $i -lt 450 ]; do
	printf 'Linje %d: blåbærgrød med fløde, æøå ÆØÅ.\n' "$i" >>paste.txt
	i=$((i + 1))
done
start 80x24 "env AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB' '$AIREJSE' --lang en"
wait_for "Klinik Øst"
keys Enter Tab j Enter
wait_for "Describe the need."
tm load-buffer paste.txt
tm paste-buffer -p -t t
wait_for "Linje 449"
keys Enter
wait_for "Saved."
keys Q
wait_gone
"$AIREJSE" project show 1 --format json >show.json
grep -q 'Linje 0: blåbærgrød' show.json || fail "the start of the paste is missing"
grep -q 'Linje 449: blåbærgrød med fløde, æøå ÆØÅ.' show.json || fail "the end of the paste is missing"
exit 0
