# SPDX-License-Identifier: EUPL-1.2
# Resizing a real terminal: redraws, "too small" below the minimum, and
# back again; the program ends cleanly with its status.
. "$TOP/tests/tmux/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$PWD/t.db"
"$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
start 80x24 "env AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB' '$AIREJSE' --lang en; echo \$? >'$PWD/status'"
wait_for "Klinik Øst"
keys Enter
wait_for "Next: Describe the need"
tm resize-window -t t -x 30 -y 8
wait_for "too small"
tm resize-window -t t -x 40 -y 12
wait_for "Describe the need"
tm resize-window -t t -x 100 -y 30
wait_for "What is the solution called?"
# A burst of resizes ends in one good screen.
for s in 50x15 60x20 70x22 90x26 80x24; do
	tm resize-window -t t -x "${s%x*}" -y "${s#*x}"
done
wait_for "Map/Questions"
keys q q
wait_gone
[ "$(cat status)" = 0 ] || fail "exit status $(cat status)"
exit 0
