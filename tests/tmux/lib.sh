# SPDX-License-Identifier: EUPL-1.2
# Helpers for the tests that run the terminal program in a real terminal
# under tmux (sourced; $AIREJSE and $TOP are set). A private server
# (-L, -f /dev/null) so nothing of the user's tmux is touched; tests poll
# the screen for text instead of sleeping a fixed time.
. "$TOP/tests/cli/lib.sh"

command -v tmux >/dev/null 2>&1 || { echo "tmux is missing: run make deps"; exit 1; }
SOCK="airejse-test-$$"
tm() {
	tmux -L "$SOCK" -f /dev/null "$@"
}
trap 'tm kill-server 2>/dev/null' EXIT

# start COLSxROWS COMMAND: runs COMMAND in a new detached session.
start() {
	size=$1
	shift
	# The server of the last session may still be on its way out, and
	# a new session then finds it gone: try again.
	i=0
	until tm new-session -d -s t -x "${size%x*}" -y "${size#*x}" "$*" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 50 ] || fail "tmux cannot start a session"
		sleep 0.1
	done
}

screen() {
	tm capture-pane -p -t t
}

# wait_for TEXT: polls the screen until TEXT shows (10 s at most).
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		if screen 2>/dev/null | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	screen
	fail "'$1' did not show on the screen"
}

# wait_gone: polls until the program has ended (the session is gone).
wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		tm has-session -t t 2>/dev/null || return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen
	fail "the program did not end"
}

keys() {
	tm send-keys -t t "$@"
}
