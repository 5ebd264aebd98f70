# SPDX-License-Identifier: EUPL-1.2
# The mouse: off by default (the terminal's own selection keeps
# working: the program asks for no mouse reports); with "mouse: true" in
# the configuration a click selects a project and a click on the one
# selected opens it.
. "$TOP/tests/tmux/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$PWD/t.db"
"$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
AIREJSE_NOW=2026-11-24T09:30:00Z "$AIREJSE" project new --journey demo --name "Akutmodtagelsen" >/dev/null
env_cmd="env AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB' AIREJSE_CONFIG='$PWD/config.yaml'"
mouse_on() {
	tm display-message -p -t t '#{mouse_any_flag}'
}
# click ROW COLUMN (from 0): a press and a release, as xterm reports
# them (X10 encoding, which kmous of screen and tmux names).
click() {
	keys -H 1b 5b 4d 20 "$(printf %x $(($2 + 33)))" "$(printf %x $(($1 + 33)))"
	keys -H 1b 5b 4d 23 "$(printf %x $(($2 + 33)))" "$(printf %x $(($1 + 33)))"
}

: >config.yaml
start 80x24 "$env_cmd '$AIREJSE' --lang en"
wait_for "Projects: 2 projects"
[ "$(mouse_on)" = 0 ] || fail "the mouse is taken without the setting"
keys q
wait_gone

printf 'mouse: true\n' >config.yaml
start 80x24 "$env_cmd '$AIREJSE' --lang en"
wait_for "Projects: 2 projects"
[ "$(mouse_on)" = 1 ] || fail "mouse: true did not take the mouse"
# The row of the project not selected (the last changed is).
row=$(($(screen | grep -n 'Klinik Øst' | head -n 1 | cut -d: -f1) - 1))
click "$row" 5
click "$row" 5
wait_for "Next:"
screen | head -n 1 | grep -qF "Klinik Øst" || fail "the click opened another project"
keys Q
wait_gone

# The wheel scrolls the list three rows a turn (a project's three here),
# the selection moving only when it would leave the view; back up, the
# first project is in view again.
i=3
while [ $i -le 12 ]; do
	"$AIREJSE" project new --journey demo --name "Projekt $i" >/dev/null
	i=$((i + 1))
done
# wheel up|down: a turn of the wheel at the middle of the screen.
wheel() {
	b=60
	[ "$1" = down ] && b=61
	keys -H 1b 5b 4d "$b" 41 2c
}
start 80x24 "$env_cmd '$AIREJSE' --lang en"
wait_for "Projects: 12 projects"
first=$(screen | sed -n 2p)
wheel down
i=0
while [ $i -lt 50 ] && [ "$(screen | sed -n 2p)" = "$first" ]; do sleep 0.1; i=$((i + 1)); done
[ "$(screen | sed -n 2p)" != "$first" ] || fail "the wheel did not scroll the projects"
screen | grep -qF -- "$first" && fail "the first project is still in view after a turn down"
wheel up
i=0
while [ $i -lt 50 ] && [ "$(screen | sed -n 2p)" != "$first" ]; do sleep 0.1; i=$((i + 1)); done
[ "$(screen | sed -n 2p)" = "$first" ] || fail "the wheel up did not scroll back: $(screen | sed -n 2p)"
keys Q
wait_gone

printf 'mouse: maybe\n' >config.yaml
AIREJSE_CONFIG="$PWD/config.yaml" "$AIREJSE" project list >out.txt 2>&1 && fail "mouse: maybe was taken"
grep -q "'mouse'.*'maybe'" out.txt || fail "no reason for the bad mouse setting: $(cat out.txt)"
exit 0
