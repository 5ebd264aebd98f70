# SPDX-License-Identifier: EUPL-1.2
# project delete archives, restore brings back, purge removes for good;
# the history keeps renames and archiving with the account beside the
# name given.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
A="$AIREJSE --lang en"

run 0 $A project new --journey alpha --name "Øjenklinikken"
run 0 $A project new --journey alpha --name "Akut"
run 0 $A --user anne answer 1 behov "Færre genindlæggelser"
run 0 $A --user anne project rename 1 "Øjenklinik Syd"

# Archived: out of the list, the search and 'next' of every project; kept whole.
run 0 $A project delete "Øjenklinik Syd"
contains "$err" "project restore 1"
run 0 $A project list --format tsv
lacks "$out" "Øjenklinik Syd"
contains "$out" "Akut"
run 0 $A project list --archived
contains "$out" "Øjenklinik Syd"
run 0 $A project list --archived --format json
contains "$out" '"archived": "'
run 0 $A project show 1 --format tsv
contains "$out" "Færre genindlæggelser"

# Nothing in it changes; its name is still taken, and the message says why.
run 65 $A answer 1 behov "Andet"
contains "$err" "archived"
contains "$err" "project restore 1"
run 65 $A project rename 1 "Nyt navn"
run 65 $A project new --journey alpha --name "Øjenklinik Syd"
contains "$err" "an archived project is named 'Øjenklinik Syd'"
run 65 $A project delete 1
contains "$err" "archived already"

# Purge: only an archived project; asks unless --yes, refuses without a terminal.
run 65 $A project purge 2 --yes
contains "$err" "archive it first"
run 64 $A project purge 1 </dev/null
contains "$err" "--yes"
run 0 $A project show 1

# Restored: back in the list, changes allowed again.
run 0 $A project restore 1
run 65 $A project restore 1
contains "$err" "not archived"
run 0 $A project list --format tsv
contains "$out" "Øjenklinik Syd"
run 0 $A answer 1 behov "Andet"

# The history of the project: the rename (both names) and the archiving,
# who did it and the account (the test runner's is 'tester').
run 0 $A history 1
contains "$out" "project renamed: Øjenklinikken → Øjenklinik Syd"
contains "$out" "project archived"
contains "$out" "project restored"
contains "$out" "anne (cli, account: tester)"
run 0 $A history 1 --format json
contains "$out" '"project_history"'
contains "$out" '"old_name": "Øjenklinikken"'
contains "$out" '"account": "tester"'
run 0 $A history 1 behov --format tsv
contains "$(head -n 1 out.txt)" "new_value	account"
contains "$(sed -n 2p out.txt)" "	tester"
run 0 $A --lang da history 1
contains "$out" "anne (cli, konto: tester)"

# Restoring changes the project: the projects screen (latest change
# first) shows it at the top, where its user looks for it, not in the
# place of its last change before archiving.
export AIREJSE_NOW=2026-01-01T10:00:00Z
run 0 $A project new --journey alpha --name "Gammel"
AIREJSE_NOW=2026-02-01T10:00:00Z
run 0 $A project new --journey alpha --name "Nyere"
AIREJSE_NOW=2026-03-01T10:00:00Z
run 0 $A project delete "Gammel"
AIREJSE_NOW=2026-04-01T10:00:00Z
run 0 $A project restore "Gammel"
unset AIREJSE_NOW
run 0 $A project list --format tsv
contains "$(grep Gammel out.txt)" "2026-04-01T10:00:00Z"

# Gone for good after purge.
run 0 $A project delete 1
run 0 $A project purge 1 --yes
run 66 $A project show 1
run 0 $A project list --archived --format tsv
lacks "$out" "Øjenklinik"
exit 0
