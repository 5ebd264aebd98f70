# SPDX-License-Identifier: EUPL-1.2
# project purge (of an archived project) asks on a terminal: no (or just
# Enter) keeps everything, yes (j or y) removes it for good; in English too.
. "$TOP/tests/tmux/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$PWD/t.db"
"$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
"$AIREJSE" answer 1 titel "Gemt svar" >/dev/null
"$AIREJSE" project delete 1 2>/dev/null
ask() {
	rm -f status
	start 80x24 "env AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB' '$AIREJSE' $1 project purge 1; echo \$? >'$PWD/status'; sleep 30"
	wait_for "$2"
}
done_status() {
	i=0
	while [ $i -lt 100 ] && [ ! -s status ]; do
		sleep 0.1
		i=$((i + 1))
	done
	cat status
}

ask "--lang da" "[j/N]"
keys n Enter
wait_for "Intet blev fjernet"
[ "$(done_status)" = 0 ] || fail "declining gave status $(cat status)"
tm kill-session -t t
"$AIREJSE" project show 1 --format json | grep -q 'Gemt svar' || fail "declining removed the project"

ask "--lang da" "[j/N]"
keys Enter
wait_for "Intet blev fjernet"
tm kill-session -t t
"$AIREJSE" project show 1 >/dev/null || fail "Enter alone removed the project"

ask "--lang en" "[y/N]"
keys y Enter
[ "$(done_status)" = 0 ] || fail "confirming gave status $(cat status)"
tm kill-session -t t
if "$AIREJSE" project show 1 >/dev/null 2>&1; then
	fail "the project is still there after yes"
fi
exit 0
