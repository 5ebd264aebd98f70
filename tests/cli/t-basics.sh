# SPDX-License-Identifier: EUPL-1.2
# The command line's frame: help, version, dispatch, usage errors.
. "$TOP/tests/cli/lib.sh"

run 0 "$AIREJSE" --version
contains "$out" "airejse "

run 0 "$AIREJSE" --help
contains "$out" "journeys"
contains "$out" "validate"

run 0 "$AIREJSE" --lang en journeys --help
contains "$out" "usage: airejse journeys"

run 64 "$AIREJSE" --lang en frobnicate
contains "$err" "airejse: unknown command 'frobnicate'"

run 64 "$AIREJSE" --frobnicate
run 64 "$AIREJSE" --lang en journeys --format xml
contains "$err" "unknown format 'xml'"
run 64 "$AIREJSE" --lang en journeys extra
contains "$err" "usage: airejse journeys"
run 64 "$AIREJSE" --lang fr journeys
contains "$err" "--lang da"

# Global options are taken after the command too.
run 0 "$AIREJSE" journeys --lang en --content "$TOP"
lacks "$err" "error"

# A closed output is an I/O error, not silence.
if [ -w /dev/full ]; then
	"$AIREJSE" --help >/dev/full 2>err.txt
	st=$?
	[ "$st" -eq 74 ] || fail "writing to /dev/full gave $st, expected 74"
fi
exit 0
