# SPDX-License-Identifier: EUPL-1.2
# The shipped content says what the law requires, for the right products
# (issue 14): a value exactly at the EU tender threshold needs a tender,
# a purchase waits for the tender, registration in the EU database is
# asked only of Annex III systems, a region must make a FRIA for an Annex
# III system, an unsettled device status reads "to be decided" rather
# than "not relevant", and a product without a CE mark reaches neither
# patients nor a purchase until it has a route to lawful use.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/r.db" AIREJSE_NOW=2026-12-04T10:00:00Z
# No site setting: the threshold is the 2026-27 value of the udbudsgraense
# fact (journeys/dates.yaml), 1.611.360 kr., on the pinned day.
export AIREJSE_CONFIG="$PWD/config.yaml"
A() { "$AIREJSE" --lang en "$@"; }

# status P TRACK STEP: the step's status, from the JSON (which, unlike the
# text and TSV, also lists the steps that do not apply).
status() {
	run 0 A project show "$1" --format json
	printf '%s\n' "$out" | awk -v t="\"$2\"," -v s="\"$3\"," '
		/"track": / { tr = $2 }
		/"step": / { st = $2 }
		/"status": / && tr == t && st == s { sub(/^ *"status": "/, ""); sub(/",?$/, ""); print; exit }'
}
is() {
	got=$(status "$1" "$2" "$3")
	[ "$got" = "$4" ] || fail "$2/$3 of project $1 is '$got', expected '$4'"
}
isnt() {
	got=$(status "$1" "$2" "$3")
	[ -n "$got" ] || fail "no step $2/$3 in project $1"
	[ "$got" != "$4" ] || fail "$2/$3 of project $1 is '$4'"
}
# item P CHECKLIST ITEM: the item's row of the CSV export (first question).
item() {
	run 0 A export "$1" --what "$2" --format csv
	printf '%s\n' "$out" | awk -F';' -v i="$3" '$3 == i { print; exit }'
}
# state P CHECKLIST ITEM STATE
state() {
	got=$(item "$1" "$2" "$3" | awk -F';' '{ print $5 }')
	[ "$got" = "$4" ] || fail "$2 item $3 of project $1 is '$got', expected '$4'"
}
# applies P CHECKLIST ITEM: the item is not "Not applicable".
applies() {
	got=$(item "$1" "$2" "$3" | awk -F';' '{ print $5 }')
	[ -n "$got" ] || fail "no $2 item $3 in project $1"
	[ "$got" != "Not applicable" ] || fail "$2 item $3 of project $1 is not applicable"
}
raised() {
	run 0 A handoffs "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v r="$2" '$3 == r && ($5 == "raised" || $5 == "sent") { f = 1 } END { exit !f }' ||
		fail "project $1 has no open hand-off $2"
}
quiet() {
	run 0 A handoffs "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v r="$2" '$3 == r && ($5 == "raised" || $5 == "sent") { f = 1 } END { exit f }' ||
		fail "project $1 has an open hand-off $2"
}

# --- The tender threshold: "equal to or greater than" (udbudsloven § 6) --
run 0 A project new --journey faerdigt-produkt --name "Tærskel"
run 0 A answer 1 kontraktvaerdi 1611360
isnt 1 faerdigt-produkt foretag-udbud not-applicable
raised 1 indkoeb-udbud
applies 1 indkoeb udbud
run 0 A answer 1 kontraktvaerdi 1611359
is 1 faerdigt-produkt foretag-udbud not-applicable
quiet 1 indkoeb-udbud
state 1 indkoeb udbud "Not applicable"
# Below the threshold the guide does not say that no tender is needed.
run 0 A export 1 --what business-case --format md
lacks "$out" "no tender is required"
contains "$out" "cross-border interest"

# --- The AI Act: the right duties for the right products ----------------
# asks P QUESTION / skips P QUESTION: whether the project asks it now.
asks() {
	run 0 A project show "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v q="$2" '$4 == q { f = 1 } END { exit !f }' ||
		fail "project $1 does not ask $2"
}
skips() {
	run 0 A project show "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v q="$2" '$4 == q { f = 1 } END { exit f }' ||
		fail "project $1 asks $2"
}
# note P CHECKLIST ITEM TEXT: the item's notes say TEXT.
note() {
	got=$(item "$1" "$2" "$3")
	contains "$got" "$4"
}

# A CE-marked class IIa device, not used for an Annex III purpose: high-risk
# through Annex I, so the deployer duties of art. 26 apply, but neither
# registration in the EU database (art. 49: Annex III only) nor a FRIA.
run 0 A project new --journey faerdigt-produkt --name "Kontur IIa"
for a in "ce_maerket ja" "medicinsk_udstyr ja" "lovgivning_mdr_ivdr mdr" \
    "risikoklasse klasse-iia" "bemyndiget_organ ja" "bilag_iii_anvendelse nej"; do
	# shellcheck disable=SC2086
	run 0 A answer 2 $a
done
state 2 ai-act registrering "Not applicable"
state 2 ai-act fria "Not applicable"
skips 2 ai49_registrering
skips 2 ai27_fria
state 2 ai-act brugsanvisning "Not answered"
asks 2 ai26_tilsyn

# An Annex III system at a region (a public body): a FRIA before first use,
# its result notified (art. 27(3)), and the region's use registered; for
# every point but critical infrastructure (point 2).
run 0 A project new --journey rsd-indkoeb --name "Vagtplan"
run 0 A answer 3 bilag_iii_anvendelse ja
run 0 A answer 3 bilag_iii_omraade medarbejdere
applies 3 ai-act fria
applies 3 ai-act registrering
asks 3 ai27_fria
run 0 A answer 3 ai27_fria ja
asks 3 ai27_meddelt
raised 3 jurist-ai-forordningen	# it asks the FRIA, so the item waits for it
state 3 ai-act fria "Awaiting review"
run 0 A handoff 3 jurist-ai-forordningen --state answered
state 3 ai-act fria "Not answered"
run 0 A answer 3 ai27_meddelt ja
state 3 ai-act fria Done
run 0 A answer 3 bilag_iii_omraade kritisk-infrastruktur
state 3 ai-act fria "Not applicable"
state 3 ai-act registrering "Not applicable"

# Unknown device status: the deployer duties are "to be decided", not "not
# relevant"; once it is settled that the system is not high-risk, they go.
run 0 A project new --journey faerdigt-produkt --name "Uafklaret"
run 0 A answer 4 medicinsk_udstyr "ved ikke"
run 0 A answer 4 bilag_iii_anvendelse nej
for i in brugsanvisning menneskeligt-tilsyn haendelser logfiler medarbejdere; do
	applies 4 ai-act "$i"
	note 4 ai-act "$i" "To be decided"
done
applies 4 ai-act inputdata
run 0 A answer 4 medicinsk_udstyr nej
state 4 ai-act brugsanvisning "Not applicable"
skips 4 ai26_tilsyn
# Annex III unsettled: registration and FRIA are to be decided too.
run 0 A project new --journey faerdigt-produkt --name "Uafklaret bilag III"
applies 5 ai-act registrering
note 5 ai-act registrering "To be decided"
applies 5 ai-act fria

# Ny idé: a region that develops a possibly high-risk system is its
# provider and must plan the provider's duties, not only the deployer's.
run 0 A project new --journey ny-ide --name "Egen model"
run 0 A answer 6 medicinsk_udstyr ja
run 0 A answer 6 bemyndiget_organ ja
asks 6 ai_udbyder_pligter
applies 6 ai-act udbyder-pligter
run 0 A answer 6 ai_udbyder_pligter nej
raised 6 udbyder-pligter
run 0 A answer 6 ai_udbyder_pligter ja
quiet 6 udbyder-pligter
# A bought product's tracks never ask the provider's duties: the item is
# left out of its export, not listed as not applicable.
[ -z "$(item 2 ai-act udbyder-pligter)" ] ||
	fail "the provider's duties should be left out of project 2's export"

# --- Tender order: no purchase, contract or promise before the tender ----
# until_of P TRACK STEP: the step's "waits_until" from the JSON.
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
tender='"the contract value is below the tender threshold, or the tender has been decided, and the product may be bought: it is CE-marked for the purpose or is not a medical device"'

run 0 A project new --journey faerdigt-produkt,ny-ide --name "Køb over grænsen"
run 0 A answer 7 medicinsk_udstyr nej	# no CE route needed: only the tender counts here
# Unknown value: the purchase waits, in both tracks.
waits 7 faerdigt-produkt indkoeb-produktet "$tender"
waits 7 ny-ide indkoeb-produktet "$tender"
run 0 A answer 7 kontraktvaerdi 2400000
run 0 A answer 7 evaluering_anbefaling koeb
waits 7 faerdigt-produkt indkoeb-produktet "$tender"
waits 7 ny-ide indkoeb-produktet "$tender"
isnt 7 faerdigt-produkt foretag-udbud not-applicable
# No commitment to a vendor, and no "write the final contract", before
# the tender is decided.
skips 7 tilsagn_dato
quiet 7 indkoeb-kontrakt
quiet 7 indkoeb-under-taerskel
run 0 A answer 7 kontrakt_underskrevet 2027-03-01
state 7 indkoeb kontrakt "Not met"
note 7 indkoeb kontrakt "only once the tender has been decided"
run 0 A answer 7 udbud_afgjort ja
waits 7 faerdigt-produkt indkoeb-produktet null
waits 7 ny-ide indkoeb-produktet null
raised 7 indkoeb-kontrakt
run 0 A handoff 7 indkoeb-kontrakt --state answered
# Its questions were settled elsewhere (at the tender), so --yes.
run 0 A handoff 7 indkoeb-udbud --state answered --yes
state 7 indkoeb kontrakt Done
# Below the threshold: no tender step, the purchase need not wait for one,
# and the hand-off does not pretend a tender was held.
run 0 A answer 7 kontraktvaerdi 900000
is 7 faerdigt-produkt foretag-udbud not-applicable
waits 7 faerdigt-produkt indkoeb-produktet null
quiet 7 indkoeb-kontrakt
raised 7 indkoeb-under-taerskel
asks 7 graenseoverskridende_interesse
asks 7 tilsagn_dato
# Who pays for the trial is asked in every track.
for t in faerdigt-produkt ny-ide rsd-indkoeb; do
	run 0 A project new --journey "$t" --name "Betaling $t"
	n=$(printf '%s\n' "$out" | tail -n 1)
	asks "$n" afproevning_betaling
done

# --- No patient use and no purchase without a route --------------------
# A medical device without a CE mark, in the ready-made product track: the
# trial on patients and the purchase wait, and the MDR team is called.
patients='"the agreement with the vendor has been signed, the approvals for validation are in place, and the product may be used on patients: it is CE-marked for the purpose, is tested in a notified clinical investigation, or is not a medical device"'
buy='"the contract value is below the tender threshold, or the tender has been decided, and the product may be bought: it is CE-marked for the purpose or is not a medical device"'
run 0 A project new --journey faerdigt-produkt --name "Uden CE"
n=$(printf '%s\n' "$out" | tail -n 1)
for a in "ce_maerket nej" "medicinsk_udstyr ja" "aftale_foer_validering ja" \
    "godkendelser_paa_plads ja" "kontraktvaerdi 900000"; do
	# shellcheck disable=SC2086
	run 0 A answer "$n" $a
done
waits "$n" faerdigt-produkt prospektiv-validering "$patients"
waits "$n" faerdigt-produkt indkoeb-produktet "$buy"
raised "$n" mdr-ingen-vej
state "$n" mdr ce-maerke "Not met"
# A notified clinical investigation is a route for the trial, not for buying.
run 0 A answer "$n" godkendelser klinisk-afproevning-lmst,videnskabsetisk
waits "$n" faerdigt-produkt prospektiv-validering null
waits "$n" faerdigt-produkt indkoeb-produktet "$buy"
# A CE mark that covers the purpose opens both; one that does not, neither.
run 0 A answer "$n" godkendelser dataadgang
run 0 A answer "$n" ce_maerket ja
asks "$n" ce_certifikat_grundlag
run 0 A answer "$n" ce_certifikat_formaal ja
waits "$n" faerdigt-produkt prospektiv-validering null
waits "$n" faerdigt-produkt indkoeb-produktet null
quiet "$n" mdr-ingen-vej
run 0 A answer "$n" ce_certifikat_formaal nej
waits "$n" faerdigt-produkt prospektiv-validering "$patients"
waits "$n" faerdigt-produkt indkoeb-produktet "$buy"
raised "$n" mdr-uden-for-formaal
run 0 A answer "$n" ce_certifikat_grundlag mdd
note "$n" mdr ce-certifikat "transition period"

# Ny idé: a CE-marked product no longer drops the development steps
# silently; left unchanged it belongs in another track, changed it makes
# the region the manufacturer and the provider.
run 0 A project new --journey ny-ide --name "CE i Ny idé"
n=$(printf '%s\n' "$out" | tail -n 1)
run 0 A answer "$n" medicinsk_udstyr ja
run 0 A answer "$n" ce_maerket ja
isnt "$n" ny-ide skab-produktet not-applicable
isnt "$n" ny-ide design-brugerfladen not-applicable
asks "$n" ce_aendring
run 0 A answer "$n" ce_aendring nej
raised "$n" spor-forkert
is "$n" ny-ide mdr-ce not-applicable
run 0 A answer "$n" ce_aendring ja
quiet "$n" spor-forkert
raised "$n" mdr-aendring
isnt "$n" ny-ide mdr-ce not-applicable
asks "$n" egenudviklet

# --- MDR and GDPR corrections ---------------------------------------------
run 0 A project new --journey faerdigt-produkt --name "Klasser"
n=$(printf '%s\n' "$out" | tail -n 1)
run 0 A answer "$n" medicinsk_udstyr ja
run 0 A answer "$n" lovgivning_mdr_ivdr mdr
# IVDR classes are not offered once the MDR is chosen, and the other way.
run 65 A answer "$n" risikoklasse klasse-a
skips "$n" risikoklasse_ivdr
run 0 A answer "$n" lovgivning_mdr_ivdr ivdr
skips "$n" risikoklasse
run 0 A answer "$n" risikoklasse_ivdr klasse-b
run 0 A answer "$n" lovgivning_mdr_ivdr mdr
# A class that needs a notified body, answered "no notified body": the
# MDR team is asked, and the checklist item waits.
run 0 A answer "$n" risikoklasse klasse-iia
run 0 A answer "$n" bemyndiget_organ nej
raised "$n" mdr-klasse-modstrid
state "$n" mdr forordning-og-klasse "Not met"
note "$n" mdr forordning-og-klasse "Contradiction"
run 0 A answer "$n" bemyndiget_organ ja
quiet "$n" mdr-klasse-modstrid
# Patient images, recordings and free text are health data: the DPO is
# brought in for them, not only for the health-data and CPR boxes.
run 0 A answer "$n" persondata ja
for t in billeder lydoptagelser fritekst; do
	run 0 A answer "$n" persondata_typer "$t"
	raised "$n" dpo-foelsomme-oplysninger
done
run 0 A answer "$n" persondata_typer medarbejderdata
quiet "$n" dpo-foelsomme-oplysninger
# Data to the vendor for its own product needs its own legal basis.
run 0 A answer "$n" data_til_leverandoer ja
raised "$n" jurist-data-til-leverandoer
asks "$n" gentraening_retsgrundlag
run 0 A answer "$n" data_til_leverandoer nej
quiet "$n" jurist-data-til-leverandoer
# The region retraining a CE-marked product may make it the manufacturer
# (MDR art. 16) and the provider (AI Act art. 25).
run 0 A answer "$n" gentraening_hvem leverandoeren
quiet "$n" mdr-regionen-gentraener
run 0 A answer "$n" gentraening_hvem regionen
raised "$n" mdr-regionen-gentraener
raised "$n" jurist-data-til-leverandoer
# A harmonised standard is no legal reference: none in a legal list.
if grep -n '^ *- *EN \(ISO \)\?[0-9]' "$TOP"/journeys/*.yaml "$TOP"/checklists/*.yaml; then
	fail "a standard is listed as a legal reference"
fi

# --- The missing questions, each with its hand-off -----------------------
for t in ny-ide faerdigt-produkt rsd-indkoeb; do
	run 0 A project new --journey "$t" --name "Mangler $t"
	n=$(printf '%s\n' "$out" | tail -n 1)
	for q in spor_valg cybersikkerhed_nis2 fjernadgang_tredjeland ai26_logs \
	    exit_strategi haendelse_rapportering acceptkriterier afproevning_betaling \
	    gentraening_hvem; do
		asks "$n" "$q"
	done
	run 0 A answer "$n" cybersikkerhed_nis2 nej
	raised "$n" it-cybersikkerhed
	run 0 A answer "$n" fjernadgang_tredjeland ja
	raised "$n" jurist-tredjeland
	run 0 A answer "$n" haendelse_rapportering nej
	raised "$n" haendelser-rapportering
	run 0 A answer "$n" exit_strategi "ved ikke"
	raised "$n" it-ved-ikke
	# Validation started without agreed acceptance criteria is flagged.
	run 0 A answer "$n" retrospektiv_resultat "Sensitivitet 0,88 på 300 skanninger."
	state "$n" indkoeb acceptkriterier "Not met"
	run 0 A answer "$n" acceptkriterier "Sensitivitet mindst 0,90."
	state "$n" indkoeb acceptkriterier Done
done
# Which track fits: a ready-made purchase in Ny idé, or development in
# another track, brings the innovation consultant to move the project.
run 0 A answer "$n" spor_valg udvikle
raised "$n" spor-forkert
run 0 A answer "$n" spor_valg koebe
quiet "$n" spor-forkert

# Ny idé: a "no" to "approved by management?" does not complete the step.
run 0 A project new --journey ny-ide --name "Godkendelse"
n=$(printf '%s\n' "$out" | tail -n 1)
run 0 A answer "$n" projektbeskrivelse_url https://example.com/projekt
run 0 A answer "$n" projekt_start 2027-01-15
run 0 A answer "$n" projektbeskrivelse_godkendt nej
isnt "$n" ny-ide projektbeskrivelse done
raised "$n" projekt-ikke-godkendt
run 0 A answer "$n" projektbeskrivelse_godkendt ja
is "$n" ny-ide projektbeskrivelse done
# Data sources have an "other", with room to say which.
skips "$n" datakilder_andet
run 0 A answer "$n" datakilder epj,andet
asks "$n" datakilder_andet

# Region Syddanmark's owner groups: the source shows three; the other
# eleven are assumptions, shown as "to be confirmed".
run 0 A journeys --format json
printf '%s\n' "$out" > journeys.json
assumed=$(grep -c '"group_confirmed": false' journeys.json)
known=$(grep -c '"group_confirmed": true' journeys.json)
[ "$assumed" -eq 11 ] || fail "$assumed steps have an assumed group, expected 11"
[ "$known" -eq 3 ] || fail "$known steps have a confirmed group, expected 3"

exit 0
