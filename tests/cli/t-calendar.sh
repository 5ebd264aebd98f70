# SPDX-License-Identifier: EUPL-1.2
# A project's regulatory calendar (issue 14): the legal dates inside the
# project's life, from its planned dates and what is known of the
# product, each with its source; tested before and after each date.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/c.db" AIREJSE_NOW=2026-12-04T10:00:00Z
export AIREJSE_CONFIG="$PWD/none.yaml"
A() { "$AIREJSE" --lang en "$@"; }
n=0
# project ANSWER... : a new Færdigt produkt project with the answers
# "question=value" given; its number in $p.
project() {
	n=$((n + 1))
	run 0 A project new --name "Kalender $n" --journey "${journey:-faerdigt-produkt}"
	p=$out
	for qa in "$@"; do
		run 0 A answer "$p" "${qa%%=*}" "${qa#*=}"
	done
	run 0 A calendar "$p" --format tsv
	tsv=$out
}
# line DATE KIND FACT: the calendar has that line; its text in $text.
line() {
	text=$(printf '%s\n' "$tsv" | awk -F'\t' -v d="$1" -v k="$2" -v f="$3" \
	    '$1 == d && $2 == k && $3 == f { print $4; exit }')
	[ -n "$text" ] || fail "no line '$1 $2 $3' in the calendar of $p:
$tsv"
}
noline() {
	printf '%s\n' "$tsv" | awk -F'\t' -v f="$1" '$3 == f { bad = 1 } END { exit !bad }' &&
	    fail "a line for '$1' in the calendar of $p:
$tsv"
	return 0
}

# Annex III, go-live after the date: the duties apply from go-live, FRIA
# and registration included.
triage="bilag_iii_anvendelse=ja bilag_iii_omraade=akut-triage"
# shellcheck disable=SC2086
project $triage idriftsaettelse_dato=2028-03-01
line 2027-12-02 applies ai-hoejrisiko-bilag-iii
contains "$text" "Your go-live 1 Mar 2028 is on or after 2 Dec 2027"
contains "$text" "FRIA (art. 27) and registration (art. 49)"
contains "$tsv" "AI-forordningen art. 113"
line 2025-02-02 applies ai-forbud-og-kompetencer
line 2026-12-04 applies udbudsgraense
contains "$text" "DKK 1,611,360"

# Exactly on the date counts as after; the day before, as before.
# shellcheck disable=SC2086
project $triage idriftsaettelse_dato=2027-12-02
line 2027-12-02 applies ai-hoejrisiko-bilag-iii
contains "$text" "on or after"
noline ai-offentlige-myndigheder-2030
# shellcheck disable=SC2086
project $triage idriftsaettelse_dato=2027-12-01
line 2027-12-02 applies ai-hoejrisiko-bilag-iii
contains "$text" "is before 2 Dec 2027"
contains "$text" "while the system is in use"
line 2030-08-02 deadline ai-offentlige-myndigheder-2030

# In use before the date, contract beyond it: from the date, and the
# public authority's deadline of art. 111(2).
# shellcheck disable=SC2086
project $triage idriftsaettelse_dato=2027-06-01 kontrakt_underskrevet=2027-05-01 kontraktperiode_aar=4
line 2027-12-02 applies ai-hoejrisiko-bilag-iii
contains "$text" "apply from 2 Dec 2027, while the system is in use"
line 2030-08-02 deadline ai-offentlige-myndigheder-2030
# A contract that ends before the date: no duty inside its life.
# shellcheck disable=SC2086
project $triage idriftsaettelse_dato=2027-01-01 kontrakt_underskrevet=2026-12-01 kontraktperiode_aar=0.5
noline ai-hoejrisiko-bilag-iii

# Point 2 (critical infrastructure): national registration, no FRIA.
project bilag_iii_anvendelse=ja bilag_iii_omraade=kritisk-infrastruktur idriftsaettelse_dato=2028-03-01
line 2027-12-02 applies ai-hoejrisiko-bilag-iii
contains "$text" "national registration"
lacks "$text" "FRIA"

# Annex I (a device a notified body assesses): art. 26 from 2 Aug 2028,
# no FRIA, no registration.
project medicinsk_udstyr=ja bemyndiget_organ=ja risikoklasse=klasse-iia idriftsaettelse_dato=2027-01-15
line 2028-08-02 applies ai-hoejrisiko-bilag-i
contains "$text" "the deployer's duties (art. 26) apply from 2 Aug 2028"
lacks "$text" "FRIA"
lacks "$text" "registration"
noline ai-hoejrisiko-bilag-iii

# Device status unknown, not Annex III: Annex I pending, Annex III not.
project medicinsk_udstyr="ved ikke" bilag_iii_anvendelse=nej
line 2028-08-02 pending ai-hoejrisiko-bilag-i
contains "$text" "Pending: applies if the system is high-risk"
noline ai-hoejrisiko-bilag-iii
# Ruled out both ways: nothing pending.
project medicinsk_udstyr=nej bilag_iii_anvendelse=nej
noline ai-hoejrisiko-bilag-i
noline ai-hoejrisiko-bilag-iii

# A certificate under the old directive, class IIa, a contract beyond its
# last date: a risk; the certificate's own end before go-live: a risk.
project medicinsk_udstyr=ja ce_maerket=ja ce_certifikat_grundlag=mdd risikoklasse=klasse-iia \
    kontrakt_underskrevet=2027-01-01 kontraktperiode_aar=3 ce_certifikat_gyldig=2027-06-01 \
    idriftsaettelse_dato=2027-09-01
line 2028-12-31 risk mdd-certifikater-klasse-iia-iib
contains "$text" "holds only until 31 Dec 2028"
line 2027-06-01 risk ce_certifikat_gyldig
contains "$text" "before the go-live 1 Sep 2027"
# Class III: the earlier date, and inside a short contract only a deadline.
project medicinsk_udstyr=ja ce_maerket=ja ce_certifikat_grundlag=mdd risikoklasse=klasse-iii \
    kontrakt_underskrevet=2027-01-01 kontraktperiode_aar=0.5
noline mdd-certifikater-klasse-iia-iib
line 2027-12-31 deadline mdd-certifikater-klasse-iii
# Class IIb turns on whether the device is implantable (MDR art.
# 120(3a)): implantable, the earlier date; not implantable, the later;
# not yet known, the earlier, so no deadline is missed.
iib="medicinsk_udstyr=ja ce_maerket=ja ce_certifikat_grundlag=mdd risikoklasse=klasse-iib"
# shellcheck disable=SC2086
project $iib implantabelt=ja
noline mdd-certifikater-klasse-iia-iib
line 2027-12-31 risk mdd-certifikater-klasse-iii
# shellcheck disable=SC2086
project $iib implantabelt=nej
noline mdd-certifikater-klasse-iii
line 2028-12-31 risk mdd-certifikater-klasse-iia-iib
# shellcheck disable=SC2086
project $iib
noline mdd-certifikater-klasse-iia-iib
line 2027-12-31 risk mdd-certifikater-klasse-iii
# The question is asked only for a class IIb certificate under the old
# directive.
run 0 A project show "$p"
contains "$out" "implantabelt"
project medicinsk_udstyr=ja ce_maerket=ja ce_certifikat_grundlag=mdr risikoklasse=klasse-iib
run 0 A project show "$p"
lacks "$out" "implantabelt"
# Region Syddanmark's track asks it too: a non-implantable IIb gets 2028.
journey=rsd-indkoeb
# shellcheck disable=SC2086
project $iib implantabelt=nej
noline mdd-certifikater-klasse-iii
line 2028-12-31 risk mdd-certifikater-klasse-iia-iib
journey=

# The threshold on the tender's day; after the last known period, unknown.
project udbud_dato=2025-06-01
line 2025-06-01 applies udbudsgraense
contains "$text" "DKK 1,644,638 (2024–2025)"
project udbud_dato=2028-02-01
line 2028-02-01 pending udbudsgraense
contains "$text" "2028–2029, whose EU threshold is not yet known"

# The region as provider (Ny idé): the provider's duties too.
run 0 A project new --name "Udvikling" --journey ny-ide
p=$out
run 0 A answer "$p" bilag_iii_anvendelse ja
run 0 A answer "$p" bilag_iii_omraade akut-triage
run 0 A calendar "$p" --format tsv
tsv=$out
contains "$tsv" "so it is its provider"

# Text and JSON; Danish.
run 0 "$AIREJSE" --lang da calendar 1
contains "$out" "Lovkalender for Kalender 1"
contains "$out" "[gælder]  Jeres idriftsættelse 01.03.2028 er på eller efter 02.12.2027"
contains "$out" "(kontrolleret 04.12.2026, sekundær kilde)"
run 0 A calendar 1 --format json
contains "$out" '"life_from": "2028-03-01"'
contains "$out" '"source_kind": "secondary"'
run 66 A calendar 999

# The AI Act export carries the calendar of its own dates; the tender
# threshold (not one of them) stays out.
run 0 "$AIREJSE" --lang da export 1 --what ai-act --format md
contains "$out" "### Lovkalender for projektet"
contains "$out" "02.12.2027: Jeres idriftsættelse 01.03.2028 er på eller efter 02.12.2027"
lacks "$out" "EU's tærskelværdi den"

# The names the calendar's rules rest on are content (journeys/
# calendar.yaml), checked like every reference: a content copy that lacks
# one is refused at load, naming it at file:line:column.
mkdir -p copy
cp -R "$TOP/journeys" "$TOP/checklists" copy/
sed 's/^  - id: mdd-certifikater-klasse-iia-iib$/  - id: mdd-certifikater-klasse-ii/' \
    "$TOP/journeys/dates.yaml" > copy/journeys/dates.yaml
cmp -s copy/journeys/dates.yaml "$TOP/journeys/dates.yaml" && fail "the date was not renamed"
line=$(grep -n 'mdd_class_ii_date:' copy/journeys/calendar.yaml | cut -d: -f1)
run 65 A --content copy validate
contains "$err" "journeys/calendar.yaml:$line:22: error: the calendar names legal date 'mdd-certifikater-klasse-iia-iib' as mdd_class_ii_date, but no file defines it"
# The load path refuses it too, not only validate.
run 65 A --content copy calendar 1
contains "$err" "calendar.yaml:$line:22"
cp "$TOP/journeys/dates.yaml" copy/journeys/dates.yaml
run 0 A --content copy validate --no-legal-warnings

# A question that is missing, or of the wrong type; a key left out.
sed 's/^  go_live: idriftsaettelse_dato$/  go_live: idriftsaettelse/' \
    "$TOP/journeys/calendar.yaml" > copy/journeys/calendar.yaml
run 65 A --content copy validate
contains "$err" "error: the calendar names question 'idriftsaettelse' as go_live, but no file defines it"
sed 's/^  tender_date: udbud_dato$/  tender_date: kontraktperiode_aar/' \
    "$TOP/journeys/calendar.yaml" > copy/journeys/calendar.yaml
run 65 A --content copy validate
contains "$err" "the calendar's tender_date must be a question of type date; 'kontraktperiode_aar' is of type number"
sed 's/^  annex_i: medicinsk_udstyr == ja/  annex_i: medicinsk_udstyr == maaske/' \
    "$TOP/journeys/calendar.yaml" > copy/journeys/calendar.yaml
run 65 A --content copy validate
contains "$err" "calendar.yaml:"
contains "$err" "maaske"
grep -v '^  threshold:' "$TOP/journeys/calendar.yaml" > copy/journeys/calendar.yaml
run 65 A --content copy validate
contains "$err" "threshold"
# Content without a calendar lists nothing from it, and is valid.
rm copy/journeys/calendar.yaml
run 0 A --content copy validate --no-legal-warnings
run 0 A --content copy calendar 1 --format tsv
[ "$out" = "$(printf 'date\tkind\tfact\ttext\tlegal')" ] ||
    fail "a calendar without its names listed: $out"
