# SPDX-License-Identifier: EUPL-1.2
# The shipped content asks what a project's answers call for: the standard
# route to a CE mark (quality management, risk management, technical
# documentation, clinical evaluation, notified body, UDI/EUDAMED,
# post-market surveillance) only for a medical device without a CE mark
# that the in-house exemption of MDR art. 5(5) does not cover, and the
# exemption's conditions only while it can apply; the MDR checklist's items
# follow. Every track asks the business case's risks and the decision it
# seeks, and the MDR team's first questions where its hand-off needs them.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/r.db" AIREJSE_NOW=2026-11-23T10:00:00Z
A() { "$AIREJSE" --lang en "$@"; }

# asks P STEP QUESTION: project P asks QUESTION in STEP now.
asks() {
	run 0 A project show "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v s="$2" -v q="$3" '$2 == s && $4 == q { f = 1 } END { exit !f }' ||
		fail "project $1 does not ask $3 in step $2 now"
}
# skips P QUESTION: project P does not ask QUESTION in any step now.
skips() {
	run 0 A project show "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v q="$2" '$4 == q { f = 1 } END { exit f }' ||
		fail "project $1 asks $2, which its answers rule out"
}
# state P ITEM STATE: the MDR checklist item ITEM of project P is in STATE.
state() {
	run 0 A export "$1" --what mdr --format csv
	got=$(printf '%s\n' "$out" | awk -F';' -v i="$2" '$3 == i { print $5; exit }')
	[ "$got" = "$3" ] || fail "MDR item $2 of project $1 is '$got', expected '$3'"
}

route='mdr_qms mdr_teknisk_dokumentation mdr_risikostyring mdr_klinisk_evaluering ce_status mdr_udi_eudamed mdr_pms'
inhouse='art55_qms art55_teknisk_dokumentation art55_fremstilling art55_begrundelse art55_lmst art55_erklaering art55_erfaringer'

run 0 A project new --journey ny-ide --name "Røntgentriage"
run 0 A answer 1 ce_maerket nej
run 0 A answer 1 medicinsk_udstyr ja
# Until the region says it makes the device itself, the standard route
# applies; then where a partner company makes it, too.
for q in art55_ikke_overfoert $inhouse; do skips 1 "$q"; done
asks 1 skab-produktet mdr_qms
run 0 A answer 1 egenudviklet nej
asks 1 skab-produktet mdr_qms
asks 1 skab-produktet mdr_teknisk_dokumentation
asks 1 kategoriser-risici mdr_risikostyring
asks 1 gennemfoer-prospektiv mdr_klinisk_evaluering
asks 1 mdr-ce ce_plan
asks 1 mdr-ce ce_status
asks 1 mdr-ce mdr_udi_eudamed
asks 1 skaler-produktet mdr_pms
for q in art55_ikke_overfoert $inhouse; do skips 1 "$q"; done
state 1 kvalitetsstyring "Not answered"
state 1 art55-b "Not applicable"

run 0 A answer 1 mdr_qms ja
state 1 kvalitetsstyring Done
run 0 A answer 1 ce_status under-vurdering
state 1 ce-maerkning "Awaiting review"	# the MDR team's hand-off on the CE plan is open
# Its questions were answered another way (at a meeting): --yes.
run 0 A handoff 1 mdr-ce-plan --state answered --yes
state 1 ce-maerkning "Not answered"
run 0 A answer 1 ce_status ce-maerket
state 1 ce-maerkning Done
run 0 A answer 1 mdr_pms "ved ikke"
contains "$out" "mdr-standardvej"
state 1 pms Unknown	# "ved ikke": waiting on the MDR team
state 1 kvalitetsstyring "Awaiting review"	# the hand-off asks the whole route
run 0 A answer 1 mdr_pms ja
contains "$out" "mdr-standardvej"
state 1 pms Done
state 1 kvalitetsstyring Done

# The region makes it for its own use: the exemption's conditions instead.
run 0 A answer 1 egenudviklet ja
run 0 A answer 1 art55_ikke_overfoert ja
for q in $route ce_plan; do skips 1 "$q"; done
asks 1 samarbejdsaftale art55_ikke_overfoert
asks 1 skab-produktet art55_qms
asks 1 design-brugerfladen art55_fremstilling
asks 1 mdr-ce art55_begrundelse
asks 1 skaler-produktet art55_erfaringer
state 1 kvalitetsstyring "Not applicable"
state 1 art55-b "Awaiting review"	# the MDR team has its in-house hand-off

# ... but passes it to another legal entity: the exemption cannot apply.
run 0 A answer 1 art55_ikke_overfoert nej
for q in $inhouse; do skips 1 "$q"; done
asks 1 skab-produktet mdr_qms
asks 1 mdr-ce ce_plan
state 1 art55-a "Not met"	# the exemption is ruled out
state 1 art55-b "Not applicable"
state 1 kvalitetsstyring Done

# A CE-marked product needs neither.
run 0 A answer 1 ce_maerket ja
for q in $route $inhouse ce_plan art55_ikke_overfoert; do skips 1 "$q"; done

# Every track: the business case's risks and decision, and the MDR team's
# first questions.
n=1
for t in ny-ide faerdigt-produkt rsd-indkoeb; do
	run 0 A project new --journey "$t" --name "Spor $t"
	n=$((n + 1))
	for q in business_case_risici business_case_beslutning evaluering_anbefaling \
	    involverede_udvikling ejer_algoritme andet_ce_udstyr; do
		run 0 A project show "$n" --format tsv
		printf '%s\n' "$out" | awk -F'\t' -v q="$q" '$4 == q { f = 1 } END { exit !f }' ||
			fail "track $t does not ask $q"
	done
	run 0 A answer "$n" business_case_beslutning afproevning
	run 0 A answer "$n" business_case_risici "Fejl i forslagene; mindskes ved lokal validering."
	run 0 A answer "$n" bilag_iii_anvendelse ja
	run 0 A answer "$n" ai26_borgere ja
	run 0 A export "$n" --what business-case --format csv
	contains "$out" ";beslutning;The decision the business case asks for;Done;"
	contains "$out" ";risici;The project's risks, and how they are managed;Done;"
done
exit 0
