# SPDX-License-Identifier: EUPL-1.2
# Keys that forgive, in a real terminal: a sequence the terminal sends
# that curses does not know is ignored (it used to act as Esc, and the
# q at its end as quit); Esc on the projects screen never quits; the
# user's ESCDELAY is honoured, and 25 ms is the wait only when it is
# unset.
. "$TOP/tests/tmux/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$PWD/t.db"
"$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
env_cmd="env AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB'"

start 80x24 "$env_cmd '$AIREJSE' --lang en"
wait_for "Projects: 1 project"
keys Enter
wait_for "Next:"
# Esc [ 5 ; 5 q: a CSI no terminfo names. Then help: the journey's.
keys -H 1b 5b 35 3b 35 71
keys '?'
wait_for "The marks on the map"
keys q
wait_for "Next:"
keys q
wait_for "Projects: 1 project"
# On the projects screen: an SS3 sequence, then Esc; neither quits.
keys -H 1b 4f 7a
keys Escape
wait_for "Esc does not quit"
tm has-session -t t 2>/dev/null || fail "Esc quit the program"
keys q
wait_gone

# ESCDELAY=2000: the Esc is taken only after two seconds.
start 80x24 "$env_cmd ESCDELAY=2000 '$AIREJSE' --lang en"
wait_for "Projects: 1 project"
keys Enter
wait_for "Next:"
keys Escape
sleep 1
screen | grep -qF "Next:" || fail "Esc acted before the ESCDELAY of 2000 ms"
wait_for "Projects: 1 project"
keys q
wait_gone

# ESCDELAY unset: at once (curses alone would wait a second).
start 80x24 "$env_cmd '$AIREJSE' --lang en"
wait_for "Projects: 1 project"
keys Enter
wait_for "Next:"
t0=$(date +%s%N)
keys Escape
wait_for "Projects: 1 project"
ms=$((($(date +%s%N) - t0) / 1000000))
[ "$ms" -lt 900 ] || fail "Esc took $ms ms with ESCDELAY unset"
keys q
wait_gone
exit 0
