# SPDX-License-Identifier: EUPL-1.2
# answer --restore: an earlier answer made the answer again, as a new
# revision with the history kept; refusals say why and write nothing.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
A="$AIREJSE --lang en"

run 0 $A project new --journey alpha --name "Klinik"
run 0 $A answer 1 antal 12
run 0 $A answer 1 antal "ved ikke"
run 0 $A answer 1 antal 40
run 0 $A answer 1 antal --restore 1
contains "$out" "12 (revision 4)"
run 0 $A answer 1 antal --restore 2 --expect 4
contains "$out" "(revision 5)"
run 0 $A project show 1 --format json
contains "$out" '"dontknow"'
# Back to no answer at all: a clear in the history restores as a clear.
run 0 $A answer 1 antal --clear
run 0 $A answer 1 antal 7
run 0 $A answer 1 antal --restore 6
run 0 $A history 1 antal --format tsv
[ "$(sed -n 9p out.txt | cut -f 8)" = none ] || fail "revision 8 is not a clear: $(sed -n 9p out.txt)"

# A stale --expect is a conflict (75) with both values; no such revision
# 66 naming the question by its text; bad numbers 64.
run 75 $A answer 1 antal --restore 1 --expect 3
run 66 $A answer 1 antal --restore 99
contains "$err" '"Number of users?" has no revision 99'
run 66 $A answer 1 behov --restore 1
contains "$err" "nothing to restore"
run 64 $A answer 1 antal --restore x
run 64 $A answer 1 antal --restore 0
run 64 $A answer 1 antal --restore 1 --clear
run 0 $A history 1 antal --format tsv
[ "$(grep -c . out.txt)" -eq 9 ] || fail "a refused restore wrote: $(cat out.txt)"
exit 0
