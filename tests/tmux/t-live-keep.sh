# SPDX-License-Identifier: EUPL-1.2
# What a screen keeps when another process's change reloads it under
# the user: the hand-offs keep the selected hand-off as rows come in
# above it; the history keeps the selected change as newer ones come in,
# and a restore asked for before is a conflict, not an overwrite.
. "$TOP/tests/tmux/lib.sh"
AIREJSE_DB=$(store_db t)
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB
"$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
"$AIREJSE" project new --journey demo --name "Røntgen Vest" >/dev/null
"$AIREJSE" answer 1 persondata ja >/dev/null
"$AIREJSE" answer 2 persondata ja >/dev/null
env_cmd="env AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB'"

cursor_y() {
	tm display -p -t t '#{cursor_y}'
}
# The screen's row (from 0) of the first line holding TEXT.
row_of() {
	screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'
}

# Every project's hand-offs; the one of Røntgen Vest selected.
start 100x30 "exec $env_cmd '$AIREJSE' --lang en --user Mette"
wait_for "Projects: 2 projects"
keys H
wait_for "Røntgen Vest"
keys j
sleep 0.3
[ "$(cursor_y)" -eq $(($(row_of "Røntgen Vest") + 1)) ] ||
    fail "j did not select Røntgen Vest's hand-off: $(screen)"
# Klinik Øst, listed above, gets a second hand-off (don't know the
# class): a row comes in above the selection, which stays.
"$AIREJSE" --user Jens answer 1 klasse "ved ikke" >/dev/null
wait_for "Updated: Jens changed \"Klinik Øst\"."
wait_for "Clinician"
[ "$(cursor_y)" -eq $(($(row_of "Røntgen Vest") + 1)) ] ||
    fail "the selection left Røntgen Vest's hand-off: cursor at $(cursor_y) in $(screen)"
keys Q
wait_gone

# The history of Klinik Øst's title: three revisions, the first selected.
"$AIREJSE" answer 1 titel "Første" >/dev/null
"$AIREJSE" answer 1 titel "Anden" >/dev/null
"$AIREJSE" answer 1 titel "Tredje" >/dev/null
start 100x30 "exec $env_cmd '$AIREJSE' --lang en --user Mette"
wait_for "Projects: 2 projects"
keys Enter
wait_for "Next:"
keys Tab
wait_for "> Questions"
keys L
wait_for "History: What is the solution called?"
keys j j
wait_for "Revision 1, by"
"$AIREJSE" --user Jens answer 1 titel "Fjerde" >/dev/null
wait_for "Fjerde"
screen | grep -qF "Revision 1, by" || fail "the selection left revision 1: $(screen)"
# A restore asked for, then another change before it is confirmed: a
# conflict, and the other change stays.
keys r
wait_for "Restore revision"
"$AIREJSE" --user Jens answer 1 titel "Femte" >/dev/null
wait_for "Femte"
keys y
wait_for "was changed by Jens"
"$AIREJSE" --lang en project show 1 | grep -qF "titel: Femte" ||
    fail "the restore overwrote a change made under its dialog"
keys Q
wait_gone
exit 0
