# SPDX-License-Identifier: EUPL-1.2
# The shipped content holds validation back until the agreement with the
# vendor is in place (and the approvals, where the guide asks them), and
# the tender until the requirements specification is approved: 'requires'
# says what must hold, where 'needs' only says which steps come first. An
# agreement step answered "nej" is done, yet validation may not start.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/r.db" AIREJSE_NOW=2026-11-23T10:00:00Z
A() { "$AIREJSE" --lang en "$@"; }

# status P TRACK STEP: prints the step's status from 'project show'.
status() {
	run 0 A project show "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v t="$2" -v s="$3" '$1 == t && $2 == s { print $3; exit }'
}
# is P TRACK STEP STATUS
is() {
	got=$(status "$1" "$2" "$3")
	[ "$got" = "$4" ] || fail "$2/$3 of project $1 is '$got', expected '$4'"
}
# until P TRACK STEP: prints the step's "waits_until" from the JSON.
until_of() {
	run 0 A project show "$1" --format json
	printf '%s\n' "$out" | awk -v t="\"$2\"," -v s="\"$3\"," '
		/"track": / { tr = $2 }
		/"step": / { st = $2 }
		/"waits_until": / && tr == t && st == s { sub(/^ *"waits_until": /, ""); sub(/,$/, ""); print; exit }'
}
waits() {
	got=$(until_of "$1" "$2" "$3")
	[ "$got" = "$4" ] || fail "$2/$3 of project $1 waits until $got, expected $4"
}

agreement='"a written agreement with the vendor on the trial has been signed"'
validation='"the agreement with the vendor has been signed and the approvals for validation are in place"'
spec='"the requirements specification has been approved by the user group and procurement"'
# Patient use and purchase also wait for a lawful route (issue 14).
patients='"the agreement with the vendor has been signed, the approvals for validation are in place, and the product may be used on patients: it is CE-marked for the purpose, is tested in a notified clinical investigation, or is not a medical device"'
buy='"the requirements specification has been approved by the user group and procurement, and the solution may be bought: it is CE-marked for the purpose or is not a medical device"'
trial='"the trial agreement has been signed, the approvals for the trial are in place, and the product may be used on patients: it is CE-marked for the purpose, is tested in a notified clinical investigation, is used under the in-house exemption, or is not a medical device"'

run 0 A project new --journey faerdigt-produkt --name "Talegenkendelse"
# No agreement: the agreement step is done once the lawyer has answered,
# but validation waits, and says why.
run 0 A answer 1 aftale_foer_validering nej
run 0 A answer 1 ejer_algoritme "Leverandøren"
run 0 A answer 1 acceptkriterier "Sensitivitet mindst 0,90 på lokale data; aftalt før validering."
run 0 A handoff 1 jurist-aftale-foer-validering --state answered
is 1 faerdigt-produkt aftale-foer-validering done
for s in godkendelser-validering retrospektiv-validering prospektiv-validering; do
	is 1 faerdigt-produkt $s blocked
done
waits 1 faerdigt-produkt godkendelser-validering "$agreement"
waits 1 faerdigt-produkt retrospektiv-validering "$validation"
waits 1 faerdigt-produkt juridisk-vurdering null
run 0 A project show 1
contains "$out" "(waits until a written agreement with the vendor on the trial has been signed)"
run 0 "$AIREJSE" --lang da project show 1
contains "$out" "(venter, indtil der er indgået en skriftlig aftale med leverandøren om afprøvningen)"
# next goes past the steps that wait.
run 0 A next 1 --format tsv
lacks "$out" "validering"

# The agreement is signed: the approvals may start; validation still
# waits for them.
run 0 A answer 1 aftale_foer_validering ja
run 0 A answer 1 aftale_dato 2026-11-01
run 0 A answer 1 aftale_indhold formaal-og-omfang,data
is 1 faerdigt-produkt aftale-foer-validering done
is 1 faerdigt-produkt godkendelser-validering not-started
waits 1 faerdigt-produkt godkendelser-validering null
run 0 A answer 1 godkendelser dataadgang
run 0 A answer 1 godkendelser_paa_plads nej
waits 1 faerdigt-produkt retrospektiv-validering "$validation"
run 0 A answer 1 godkendelser_paa_plads ja
waits 1 faerdigt-produkt retrospektiv-validering null

# No tender before the requirements specification is approved.
waits 1 faerdigt-produkt foretag-udbud "$spec"
run 0 A answer 1 kravspecifikation_godkendt nej
waits 1 faerdigt-produkt foretag-udbud "$spec"
run 0 A answer 1 kravspecifikation_godkendt ja
waits 1 faerdigt-produkt foretag-udbud null

# The guideline of Region Syddanmark and the new-product track: one answer
# serves every track of the project.
run 0 A project new --journey rsd-indkoeb,ny-ide --name "Sepsis"
run 0 A answer 2 aftale_foer_validering nej
waits 2 rsd-indkoeb godkendelser-validering "$agreement"
waits 2 rsd-indkoeb retrospektiv-validering "$validation"
waits 2 rsd-indkoeb prospektiv-validering "$patients"
waits 2 rsd-indkoeb udbud-og-drift "$buy"
waits 2 ny-ide forbered-prospektiv '"a written trial agreement has been signed"'
waits 2 ny-ide gennemfoer-prospektiv "$trial"
run 0 A answer 2 aftale_foer_validering ja
run 0 A answer 2 godkendelser_paa_plads ja
run 0 A answer 2 kravspecifikation_godkendt ja
for s in godkendelser-validering retrospektiv-validering; do
	waits 2 rsd-indkoeb $s null
done
waits 2 ny-ide forbered-prospektiv null
# Not yet known whether it is a medical device: no patients, no purchase.
waits 2 rsd-indkoeb prospektiv-validering "$patients"
waits 2 rsd-indkoeb udbud-og-drift "$buy"
waits 2 ny-ide gennemfoer-prospektiv "$trial"
run 0 A answer 2 medicinsk_udstyr nej
for s in prospektiv-validering udbud-og-drift; do
	waits 2 rsd-indkoeb $s null
done
waits 2 ny-ide gennemfoer-prospektiv null

# The content says what each step requires.
run 0 A journeys --format json
contains "$out" '"requires": "aftale_foer_validering == ja and godkendelser_paa_plads == ja"'
contains "$out" 'godkendelser includes klinisk-afproevning-lmst'
contains "$out" '"requires": null'
