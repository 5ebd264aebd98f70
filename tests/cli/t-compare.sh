# SPDX-License-Identifier: EUPL-1.2
# airejse compare: projects side by side, phase by phase, as the terminal
# program's comparison screen shows them (the same module, compare.c).
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content"
A="$AIREJSE --lang en"

run 0 $A project new --journey demo --name "Klinik Øst"
run 0 $A project new --journey demo --name "Akut"
run 0 $A answer 2 titel "Triage"

# Text: a column per project (by number or name), a row per phase, each
# cell the steps done, the mark of the first step not done and its role.
run 0 $A compare 1 Akut
contains "$out" "Klinik Øst"
contains "$out" "0/2 [ ] Clinician  0/2 [~] Clinician"
contains "$out" "0/1 [<] Clinician  0/1 [<] Clinician"
run 0 $AIREJSE --lang da compare 1 2
contains "$out" "0/2 [ ] Kliniker  0/2 [~] Kliniker"

# tsv and json: one cell a row, by ids.
run 0 $A compare 1 2 --format tsv
contains "$out" "demo	start	2	Akut	yes	0	2	in-progress	behov	kliniker"
contains "$out" "demo	jura	1	Klinik Øst	yes	0	1	earlier	aftale	kliniker"
run 0 $A compare 1 2 --format json
contains "$out" '"mark": "in-progress"'
contains "$out" '"waits_on": "kliniker"'

# A project twice, or one that is not there, is refused.
run 64 $A compare 1 "Klinik Øst"
contains "$err" "asked twice"
run 66 $A compare 1 9
contains "$err" "no project '9'"
exit 0
