# SPDX-License-Identifier: EUPL-1.2
# The MDR export is titled by what applies to the project: the in-house
# exemption (art. 5(5)) on the Ny idé track, the deployer's checks for a
# bought CE-marked product; the same title in every format, the action
# plan and the content cache's reading of the content.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

A() { "$AIREJSE" --db export.db "$@"; }
ce="MDR-tjekliste – idriftsætterens kontrol af et CE-mærket produkt"
inhouse="MDR-tjekliste – in-house-undtagelsen (artikel 5, stk. 5)"

for cache in off on on; do
	run 0 env AIREJSE_CACHE=$cache "$AIREJSE" --db export.db export 1 --what mdr
	contains "$(head -n 1 out.txt)" "# $ce – Ambient scribe – Kolding"
	lacks "$out" "in-house-undtagelsen (artikel 5"
	run 0 env AIREJSE_CACHE=$cache "$AIREJSE" --db export.db export 2 --what mdr
	contains "$(head -n 1 out.txt)" "# $inhouse – AI-indtegning af organer (prostata)"
done
run 0 A --lang en export 1 --what mdr
contains "$out" "# MDR checklist – the deployer's checks of a CE-marked product"
run 0 A export 1 --what mdr --format json
contains "$out" "\"title\": \"$ce\""
run 0 A export 1 --what action-plan
contains "$out" "$ce"
# A project on neither route yet keeps the checklist's own title.
run 0 A project new --journey faerdigt-produkt --name "Ukendt vej"
run 0 A export "$out" --what mdr
contains "$(head -n 1 out.txt)" "# MDR-tjekliste (artikel 5, stk. 5) – Ukendt vej"
exit 0
