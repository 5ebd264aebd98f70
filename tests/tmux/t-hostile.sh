# SPDX-License-Identifier: EUPL-1.2
# A hostile terminal: NO_COLOR gives a screen without colours (and colours
# come back without it), TERM=dumb gets the plain prompts, 10x5 and a storm
# of resizes end in a good screen, and nothing is lost on the way.
. "$TOP/tests/tmux/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$PWD/t.db"
"$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
env_cmd="env AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB'"

# Colour escapes (SGR 30-37, 40-47, 90-97, 38;5/48;5) in the pane, if any.
colours() {
	tm capture-pane -e -p -t t | grep -cE '\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|38;5|48;5)[;m]' || true
}

start 80x24 "$env_cmd TERM=screen-256color '$AIREJSE' --lang en"
wait_for "Klinik Øst"
[ "$(colours)" -gt 0 ] || fail "no colours without NO_COLOR: the test cannot tell"
keys q
wait_gone

start 80x24 "$env_cmd TERM=screen-256color NO_COLOR=1 '$AIREJSE' --lang en"
wait_for "Klinik Øst"
[ "$(colours)" -eq 0 ] || fail "colours under NO_COLOR"
# Bold and reverse still mark the selection: it is readable.
tm capture-pane -e -p -t t | grep -q '\[[0-9;]*7m\|\[[0-9;]*1m' || fail "no emphasis at all under NO_COLOR"
keys q
wait_gone

# TERM=dumb: the same journey as numbered prompts.
start 80x24 "$env_cmd TERM=dumb '$AIREJSE' --lang en"
wait_for "Klinik Øst"
screen | grep -q '1)' || { screen; fail "no numbered prompt under TERM=dumb"; }
keys q Enter
wait_gone

# 10x5, then a storm of resizes; it ends in a good screen and still works.
start 80x24 "$env_cmd TERM=screen-256color '$AIREJSE' --lang en; echo \$? >'$PWD/status'"
wait_for "Klinik Øst"
keys Enter
wait_for "Next:"
tm resize-window -t t -x 10 -y 5
wait_for "small"
i=0
while [ $i -lt 40 ]; do
	tm resize-window -t t -x $((10 + (i * 37) % 120)) -y $((5 + (i * 13) % 40))
	i=$((i + 1))
done
tm resize-window -t t -x 80 -y 24
wait_for "Next:"
keys Tab Enter C-u "Efter stormen" Enter
wait_for "Efter stormen"
keys q q
wait_gone
[ "$(cat status)" = 0 ] || fail "exit status $(cat status) after the storm"
"$AIREJSE" project show 1 --format json | grep -q 'Efter stormen' || fail "the answer after the storm was not saved"
# A 1 MB paste into a one-line field: taken whole, refused for its length
# with the reason, the field kept; then an ordinary answer is saved.
head -c 1048576 /dev/zero | tr '\0' 'a' > big.txt
start 80x24 "$env_cmd TERM=screen-256color '$AIREJSE' --lang en"
wait_for "Klinik Øst"
keys Enter
wait_for "Next:"
keys Tab Enter C-u
wait_for "Enter OK"
tm load-buffer big.txt
tm paste-buffer -p -t t
i=0
while [ $i -lt 300 ] && ! screen | grep -q 'aaaaaaaaaa'; do
	sleep 0.1
	i=$((i + 1))
done
keys Enter
i=0
# The status line wraps where it must: read it as one line.
status_says() {
	screen | tr '\n' ' ' | grep -Eq '1048576 +characters +and +1048576 +bytes +long; +at +most +200 +characters'
}
while [ $i -lt 300 ] && ! status_says; do
	sleep 0.1
	i=$((i + 1))
done
status_says || { screen; fail "the 1 MB paste was not refused for its length"; }
keys C-u "Efter indsætningen" Enter
wait_for "Efter indsætningen"
keys q q
wait_gone
"$AIREJSE" project show 1 --format json | grep -q 'Efter indsætningen' || fail "the answer after the paste was not saved"

# A signal (or a crash) gives the terminal back as it was: line editing
# and echo on, and the status tells the signal.
child_of() {
	for d in /proc/[0-9]*; do
		# Field 4 of stat, after the name in parentheses, is the parent.
		ppid=$(sed 's/^.*) [A-Za-z] \([0-9]*\) .*$/\1/' "$d/stat" 2>/dev/null)
		if [ "$ppid" = "$1" ]; then
			echo "${d#/proc/}"
			return
		fi
	done
}
for s in TERM:15 HUP:1 SEGV:11; do
	sig=${s%:*}
	num=${s#*:}
	rm -f status state
	start 80x24 "$env_cmd TERM=screen-256color '$AIREJSE' --lang en; echo \$? >'$PWD/status'; stty -a >'$PWD/state'; sleep 30"
	wait_for "Klinik Øst"
	pp=$(tm display -p -t t '#{pane_pid}')
	pid=$(child_of "$pp")
	[ -n "$pid" ] || fail "cannot find the program under the pane"
	kill -s $sig "$pid"
	i=0
	while [ $i -lt 100 ] && [ ! -s state ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -s state ] || fail "the program did not end on SIG$sig"
	grep -q -- ' icanon' state || fail "line editing left off after SIG$sig"
	grep -q -- ' echo ' state || fail "echo left off after SIG$sig"
	want=$((128 + num))
	[ "$(cat status)" = "$want" ] || fail "status $(cat status) after SIG$sig, expected $want"
	tm kill-session -t t
done

# The database deleted while the program runs: the next save says so and
# saves nothing (it would vanish with the deleted file); the program goes
# on and ends normally.
start 80x24 "$env_cmd TERM=screen-256color '$AIREJSE' --lang en; echo \$? >'$PWD/status'"
wait_for "Klinik Øst"
keys Enter
wait_for "Next:"
rm -f t.db t.db-wal t.db-shm
keys Tab Enter C-u "Efter sletningen" Enter
wait_for "deleted"
keys Escape q q
wait_gone
[ ! -e t.db ] || fail "a new database appeared after the deletion"
exit 0
