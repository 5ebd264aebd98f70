# SPDX-License-Identifier: EUPL-1.2
# next without a project: every project's next step, whom it waits on,
# the questions answered and what is overdue, in text, tsv and json.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$PWD/t.db"
AIREJSE="$AIREJSE" TOP="$TOP" sh -c '. "$TOP/tests/tui/board.setup"'
export AIREJSE_NOW=2026-11-23T10:00:00Z
run 0 "$AIREJSE" --lang en next
contains "$out" "Klinik Øst"
contains "$out" "overdue since 2026-11-20"
contains "$out" "2/"
run 0 "$AIREJSE" next --format tsv
contains "$out" "id	name	track	step	mark	waits_on	answered	questions	open_handoffs	first_due	overdue"
contains "$out" "2026-11-20	overdue"
run 0 "$AIREJSE" next --format json
contains "$out" '"overdue": true'
contains "$out" '"waits_on"'
[ "$(printf '%s\n' "$out" | grep -c '"project":')" = 4 ] || fail "not every project is listed: $out"
exit 0
