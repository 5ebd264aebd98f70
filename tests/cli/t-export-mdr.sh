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
# A bought product lists the deployer's checks and leaves the in-house
# and manufacturer's items out rather than calling them not applicable
# (issue 18); the in-house route lists those and leaves out what only the
# buying tracks ask.
run 0 A export 1 --what mdr
contains "$out" "### Når regionen bruger et CE-mærket produkt (idriftsætterens kontrol)"
contains "$out" "**Fabrikantens brugsanvisning er modtaget, og produktet bruges efter den**"
contains "$out" "**Fabrikantens sikkerhedsmeddelelser når frem, og regionens erfaringer går tilbage**"
contains "$out" "**Det er afklaret, om ændringer eller gentræning gør regionen til fabrikant**"
lacks "$out" "In-house-undtagelsen (MDR art. 5, stk. 5)"
lacks "$out" "(a) Produktet overdrages ikke"
lacks "$out" "Fabrikanten har et kvalitetsstyringssystem"
contains "$out" "15 punkter er udeladt: intet trin i projektets spor spørger om dem."
run 0 A export 1 --what mdr --format json
contains "$out" '"left_out": 15'
lacks "$out" '"id": "art55-a"'
run 0 A export 1 --what mdr --format csv
lacks "$out" "(a) Produktet overdrages ikke"
run 0 A export 2 --what mdr
contains "$out" "(a) Produktet overdrages ikke til en anden juridisk enhed"
lacks "$out" "Certifikatet er set"
# Retraining by the region is named for what it is.
run 0 A answer 1 gentraening_hvem regionen
run 0 A export 1 --what mdr
contains "$out" "Gentræner eller ændrer regionen et CE-mærket produkt, kan den blive fabrikant"
run 0 A answer 1 gentraening_hvem --clear

# A project on neither route yet keeps the checklist's own title.
run 0 A project new --journey faerdigt-produkt --name "Ukendt vej"
run 0 A export "$out" --what mdr
contains "$(head -n 1 out.txt)" "# MDR-tjekliste (artikel 5, stk. 5) – Ukendt vej"
exit 0
