# SPDX-License-Identifier: EUPL-1.2
# The plain front-end: numbered prompts on standard input and output, one
# question at a time; what it saves, the command line shows.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$(store_db t)"

printf '%s\n' n "Klinik Øst" 1 1 "Talegenkendelse på Ærø" "" 1 "ved ikke" 9 2 "1, 3" \
    q q >in.txt
run 0 "$AIREJSE" --plain --lang en <in.txt
contains "$out" "There are no projects yet."
contains "$out" "1) Test track"
contains "$out" "== Describe the need (Clinician) =="
contains "$out" "Question 1 of 5: What is the solution called?"
# Yes to personal data: the DPIA question appears, and a hand-off.
contains "$out" "Saved. A hand-off to Lawyer was raised."
contains "$out" "Question 4 of 6: Has a DPIA been made?"
contains "$out" "Not saved: write a number from 1 to 3, or \"don't know\"."
contains "$out" "Question 6 of 6: Who uses it?"
run 0 "$AIREJSE" project show 1 --format json
contains "$out" "Talegenkendelse på Ærø"
contains "$out" '"laeger,sekretaerer"'
contains "$out" '"dontknow"'

# Without a terminal the plain front-end starts by itself; the end of the
# input ends it cleanly.
printf '1\n3\n1\ns\n' | "$AIREJSE" --lang en >out.txt 2>err.txt || fail "exit status $?"
out=$(cat out.txt)
contains "$out" "Hand-offs (1 open)"
contains "$out" "The hand-off is now sent."
run 0 "$AIREJSE" handoffs 1 --format tsv
contains "$out" "sent"
exit 0
