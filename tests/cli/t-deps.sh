# SPDX-License-Identifier: EUPL-1.2
# tests/tools/deps.sh (run by make check, check-asan and run) against a
# PATH of its own: the commands it looks for, linked from this machine,
# and stand-ins for apt-get, sudo and id that write down each call.
. "$TOP/tests/cli/lib.sh"

# Every command the table of deps.sh looks for, and those it runs.
mkdir bin
for c in sh awk id $(sed -n 's/.*[[:space:]]cmd:\([^[:space:]]*\)$/\1/p' "$TOP/tests/tools/deps.sh"); do
	p=$(command -v "$c") || fail "this machine lacks $c, which make check needs"
	ln -s "$p" "bin/$c"
done
# stand_in NAME BODY: bin/NAME becomes a script of its own. The link
# there is removed first: writing through it would rewrite the machine's.
stand_in() {
	rm -f "bin/$1"
	printf '#!/bin/sh\n%s\n' "$2" >"bin/$1"
	chmod +x "bin/$1"
}
for c in apt-get sudo dpkg-query; do
	stand_in "$c" "echo \"$c \$*\" >>'$PWD/calls'"
done
deps() { PATH="$PWD/bin" "$PWD/bin/sh" "$TOP/tests/tools/deps.sh"; }

# Everything is here: nothing is installed and no package tool is asked,
# whether or not the machine has dpkg.
run 0 deps
[ ! -e calls ] || fail "asked a package tool with everything here: $(cat calls)"
rm bin/dpkg-query
run 0 deps
[ ! -e calls ] || fail "asked a package tool with everything here: $(cat calls)"

# tmux is missing: as root, apt-get installs just its package; the
# stand-in installs nothing, which is said rather than tried again.
rm bin/tmux
run 1 deps
[ "$(cat calls)" = "apt-get install -y -q --no-install-recommends tmux" ] ||
	fail "apt-get calls: $(cat calls)"
contains "$err" "installed, yet still not found: tmux (cmd:tmux)"
rm calls

# Not root, no sudo: the command to run, and nothing tried.
stand_in id 'echo 1000'
rm bin/sudo
run 1 deps
[ ! -e calls ] || fail "tried to install without root: $(cat calls)"
contains "$err" "apt-get update && apt-get install -y --no-install-recommends tmux"

# Not Debian: what is missing, and nothing tried.
rm bin/apt-get
run 1 deps
[ ! -e calls ] || fail "tried to install without apt-get: $(cat calls)"
contains "$err" "missing: tmux (Debian's names)"
