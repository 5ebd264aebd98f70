# SPDX-License-Identifier: EUPL-1.2
# The projects screen never shows a figure older than the database: a
# change another process saves shows at the next redraw, though the
# program keeps the progress it worked out in memory.
. "$TOP/tests/tmux/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$PWD/t.db"
"$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
"$AIREJSE" project new --journey demo --name "Akutmodtagelsen" >/dev/null
for a in "titel Røntgen" "beskrivelse Kortere" "persondata nej" "klasse i"; do
	"$AIREJSE" answer 1 $a >/dev/null || fail "answer $a"
done
start 80x24 "env AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB' '$AIREJSE' --lang en; echo \$? >'$PWD/status'"
wait_for "Klinik Øst"
screen | grep -q "1/3" && fail "a step shows as done before it is: $(screen)"
# Into the first project and back: the list is read again, its figures
# from memory.
keys Enter
wait_for "Map/Questions"
keys q
wait_for "Projects: 2 projects"
# Another process answers the step's last question.
"$AIREJSE" answer 1 brugere laeger >/dev/null || fail "answer brugere"
keys C-l
wait_for "1/3"
keys q
wait_gone
[ "$(cat status)" = 0 ] || fail "exit status $(cat status)"
exit 0
