# SPDX-License-Identifier: EUPL-1.2
# export --what handoff --role R: one packet per role, each question once
# with the hand-offs it serves, only what applies, current answer and
# revision; overdue in words; unknown roles refused with the roles named.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

A() { "$AIREJSE" --db export.db "$@"; }

# The jurist's packet: the jurist's two hand-offs and nobody else's,
# numbered and told by their text, never by their rule ids (issue 18).
run 0 A --role jurist export 1 --what handoff --format md
contains "$out" "### Jurist"
contains "$out" "- **1. Produktet behandler personoplysninger."
contains "$out" "- **2. Der mangler en databehandleraftale"
lacks "$out" "jurist-persondata"
lacks "$out" "jurist-databehandleraftale"
lacks "$out" "### IT-arkitekt"
lacks "$out" "Overdragelse:**"
# A question two hand-offs ask is asked once, naming both by number.
[ "$(printf '%s\n' "$out" | grep -c 'Er der indgået en databehandleraftale')" = 1 ] ||
	fail "the question shared by two hand-offs should be asked once"
contains "$out" "**Til overdragelse:** 1 og 2"
contains "$out" "**Til overdragelse:** 1
"
# Its type, its choices, the answer so far and its revision.
contains "$out" "**Svar med:** Ja eller nej"
contains "$out" "**Svarmuligheder:** På regionens AI-platform; I regionens øvrige datacentre"
contains "$out" "**Svar indtil nu:** Ved ikke (revision 1)"
# So in English, and in the html form; a role with one hand-off needs no
# numbers. The ids stay for machines: the Id column of csv, and JSON.
run 0 A --lang en --role jurist export 1 --what handoff --format md
contains "$out" "**For hand-offs:** 1 and 2"
run 0 A --role jurist export 1 --what handoff --format html -o jurist.html
lacks "$(cat jurist.html)" ">jurist-persondata<"
run 0 A --role it-arkitekt export 1 --what handoff --format md
lacks "$out" "it-infrastruktur"
lacks "$out" "Til overdragelse"
lacks "$out" "- **1. "
run 0 A --role jurist export 1 --what handoff --format csv
contains "$out" "jurist-persondata, jurist-databehandleraftale"

# JSON: one section for the role, with its packet id and each question
# once, with the hand-offs it serves.
run 0 A --role jurist export 1 --what handoff --format json -o jurist.json
j=$(cat jurist.json)
contains "$j" '"schema_version": 2'
contains "$j" '"role": "jurist"'
contains "$j" '"respondent": null'
[ "$(grep -c '"role": ' jurist.json)" = 1 ] || fail "one role section expected"
[ "$(grep -c '"id": "databehandleraftale"' jurist.json)" = 1 ] ||
	fail "databehandleraftale should be in the packet once"
grep -q '"packet": "[0-9a-f]\{16\}"' jurist.json || fail "no packet id in: $j"
contains "$j" '"current_kind": "dontknow"'
# The id is the same for the same packet, and another for another role.
run 0 A --role jurist export 1 --what handoff --format json -o jurist2.json
cmp -s jurist.json jurist2.json || fail "the same packet twice differs"
run 0 A --role it-arkitekt export 1 --what handoff --format json -o it.json
[ "$(grep '"packet"' jurist.json)" != "$(grep '"packet"' it.json)" ] ||
	fail "two roles' packets have the same id"

# Only questions that apply: the MDR team is not asked which regulation
# covers a product nobody has called medical yet.
run 0 A --role mdr-team export 1 --what handoff --format json
lacks "$out" '"id": "lovgivning_mdr_ivdr"'
contains "$out" '"id": "medicinsk_udstyr"'

# Without --role: a section per role with open hand-offs, in the order
# of the roles.
run 0 A export 1 --what handoff --format md
contains "$out" "### Jurist"
contains "$out" "### IT-arkitekt"
contains "$out" "### MDR-team"
lacks "$out" "### Databeskyttelsesrådgiver"
run 0 A export 1 --what handoff --format json
[ "$(printf '%s\n' "$out" | grep -c '"role_name": ')" = 5 ] || fail "five roles expected"

# A role with no open hand-off: a packet that says so, and a note.
run 0 A --role dpo export 1 --what handoff --format md
contains "$out" "Der er ingen åbne overdragelser til Databeskyttelsesrådgiver (DPO) i projektet."
contains "$err" "har ingen åbne overdragelser i projekt 1"
run 0 A --role dpo export 1 --what handoff --format json
contains "$out" '"roles": []'

# An unknown role is a usage error that lists the roles by name.
run 64 A --role nobody export 1 --what handoff
contains "$err" "ukendt rolle 'nobody'"
contains "$err" "jurist (Jurist)"
contains "$err" "mdr-team (MDR-team)"
run 64 A --role nobody handoffs
contains "$err" "it-arkitekt (IT-arkitekt)"

# Overdue in words, in the packet and in the action plan.
run 0 A handoff 1 jurist-databehandleraftale --due 2026-11-20
run 0 A --role jurist export 1 --what handoff --format md
contains "$out" "**Status:** rejst, frist overskredet"
contains "$out" "**Frist:** 20.11.2026, frist overskredet"
contains "$out" "En overdragelse i pakken har overskredet fristen"
run 0 A export 1 --what action-plan --format md
contains "$out" "20.11.2026, frist overskredet"
run 0 A export 1 --what action-plan --format json
contains "$out" '"overdue": true'
run 0 A --role jurist export 1 --what handoff --format csv
contains "$out" "rejst, frist overskredet"
exit 0
