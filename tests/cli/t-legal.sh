# SPDX-License-Identifier: EUPL-1.2
# Legal facts as dated data (issue 14): the tender threshold a project
# uses is the fact's value in force on the day, or the site's setting, and
# every text that quotes it says the same figure; validate warns when a
# fact was checked too long ago or not against the legal text, and
# refuses a figure typed into a text instead of drawn from the data.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/l.db" AIREJSE_CONFIG="$PWD/config.yaml"
A() { "$AIREJSE" --lang da "$@"; }

# --- The threshold in the texts, by date and by setting -------------------
run 0 A project new --name "Æblerød" --journey faerdigt-produkt
for day in 2025-06-01:1.644.638 2026-06-01:1.611.360; do
	now=${day%%:*} kr=${day#*:}
	AIREJSE_NOW=${now}T10:00:00Z run 0 A search "udbudsgrænsen \\(" 1
	contains "$out" "udbudsgrænsen ($kr kr.)"
done
AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A search "Udbudsgrænsen" 1
lacks "$out" "1.600.000"

printf 'udbudsgraense: 1650000\n' > config.yaml
AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A search "udbudsgrænsen \\(" 1
contains "$out" "udbudsgrænsen (1.650.000 kr.)"
lacks "$out" "1.611.360"
AIREJSE_NOW=2026-06-01T10:00:00Z run 0 "$AIREJSE" --lang en search "tender threshold \\(" 1
contains "$out" "tender threshold (DKK 1,650,000)"
AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A export 1 --what indkoeb --format md
contains "$out" "Udbudsgrænse:** 1.650.000 kr. (sat af regionen; EU-tærskelværdien er 1.611.360 kr.)"
lacks "$out" "1.600.000"
rm config.yaml
AIREJSE_NOW=2025-06-01T10:00:00Z run 0 A export 1 --what indkoeb --format md
contains "$out" "Udbudsgrænse:** 1.644.638 kr. (EU-tærskelværdi 2024–2025, Udbudsloven § 6"

# The conditions use the same figure: 1.620.000 kr. needs a tender under
# the 2026-27 threshold, not under the 2024-25 one.
tender() {
	AIREJSE_NOW=$1T10:00:00Z run 0 A project new --name "Udbud $1" --journey faerdigt-produkt
	p=$out
	AIREJSE_NOW=$1T10:00:00Z run 0 A answer "$p" kontraktvaerdi 1620000
	AIREJSE_NOW=$1T10:00:00Z run 0 A handoffs "$p" --format tsv
}
tender 2025-06-01
lacks "$out" "indkoeb-udbud"
tender 2026-06-01
contains "$out" "indkoeb-udbud"

# --- validate: the age of a check, the kind of source ---------------------
V() { run 0 A validate "$@"; }
AIREJSE_NOW=2027-12-04T10:00:00Z V
lacks "$err" "sidst kontrolleret"
contains "$err" "sekundær kilde"
AIREJSE_NOW=2027-12-05T10:00:00Z V
contains "$err" "sidst kontrolleret 04.12.2026, for mere end 12 måneder siden"
contains "$out" "i orden, med"
# The example: checked 13 months ago.
AIREJSE_NOW=2028-01-04T10:00:00Z V
contains "$err" "for mere end 12 måneder siden"
contains "$err" "ingen værdi af 'udbudsgraense' dækker i dag"
printf 'legal_check_months: 6\n' > config.yaml
AIREJSE_NOW=2027-06-04T10:00:00Z V
lacks "$err" "sidst kontrolleret"
AIREJSE_NOW=2027-06-05T10:00:00Z V
contains "$err" "for mere end 6 måneder siden"
printf 'legal_check_months: 0\n' > config.yaml
run 78 A validate
contains "$err" "legal_check_months"
rm config.yaml
AIREJSE_NOW=2030-01-01T10:00:00Z V --no-legal-warnings
[ -z "$err" ] || fail "--no-legal-warnings still warned: $err"

# --- validate refuses a figure typed into a text ---------------------------
mkdir -p edit/journeys
sed 's/({udbudsgraense})/(1.611.360 kr.)/' \
    "$TOP/journeys/questions.yaml" > edit/journeys/questions.yaml
cmp -s edit/journeys/questions.yaml "$TOP/journeys/questions.yaml" && fail "the edit did nothing"
run 65 A validate edit/journeys/questions.yaml
contains "$err" "questions.yaml"
contains "$err" "{udbudsgraense}"
sed 's/{date:ai-hoejrisiko-bilag-iii} for bilag III/2. december 2027 for bilag III/' \
    "$TOP/journeys/questions.yaml" > edit/journeys/questions.yaml
run 65 A validate edit/journeys/questions.yaml
contains "$err" "{date:ai-hoejrisiko-bilag-iii}"
sed 's/{date:ai-hoejrisiko-bilag-iii} for bilag III/{date:ai-hoejrisiko-bilag-iv} for bilag III/' \
    "$TOP/journeys/questions.yaml" > edit/journeys/questions.yaml
run 65 A validate edit/journeys/questions.yaml
contains "$err" "ai-hoejrisiko-bilag-iv"

# --- The contract value worked out from the payments (udbudsloven § 30) ----
# contract NAME ANSWER...: a project with those answers; its hand-offs in
# $out, its number in $p.
contract() {
	AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A project new --name "$1" --journey faerdigt-produkt
	p=$out
	shift
	for qa in "$@"; do
		AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A answer "$p" "${qa%%=*}" "${qa#*=}"
	done
	AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A handoffs "$p" --format tsv
}
pay() { echo "leverandoer_engangsbeloeb=$1 leverandoer_aarligt_beloeb=$2"; }
# Typed below the threshold, worked out above it: the larger decides.
# shellcheck disable=SC2046
contract "Værdi 1" kontraktvaerdi=1500000 $(pay 100000 400000) kontrakt_underskrevet=2026-05-01 kontraktperiode_aar=4
contains "$out" "indkoeb-udbud"
AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A export "$p" --what business-case --format md
contains "$out" "Den indtastede kontraktværdi (1.500.000 kr.) er mindre end den udregnede (100.000 kr. + 400.000 kr. × 4 år = 1.700.000 kr.): den største bruges"
lacks "$out" "48 måneder"
# The typed answer is kept as typed.
AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A project show "$p" --format tsv
contains "$out" "1500000"
# Typed above, worked out below: still a tender, and said the other way.
# shellcheck disable=SC2046
contract "Værdi 2" kontraktvaerdi=2000000 $(pay 100000 225000)
contains "$out" "indkoeb-udbud"
AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A export "$p" --what business-case --format md
contains "$out" "er større end den udregnede (100.000 kr. + 225.000 kr. × 4 år = 1.000.000 kr.)"
contains "$out" "kontraktperioden er ukendt, så 48 måneder (udbudsloven § 38)"
# Only worked out, exactly at the threshold (4 years assumed): a tender.
# shellcheck disable=SC2046
contract "Værdi 3" $(pay 111360 375000)
contains "$out" "indkoeb-udbud"
# One krone below it: none.
# shellcheck disable=SC2046
contract "Værdi 4" $(pay 111359 375000)
lacks "$out" "indkoeb-udbud"
# Equal values: no remark.
# shellcheck disable=SC2046
contract "Værdi 5" kontraktvaerdi=1700000 $(pay 100000 400000)
AIREJSE_NOW=2026-06-01T10:00:00Z run 0 A export "$p" --what business-case --format md
lacks "$out" "Den indtastede kontraktværdi"

# --- laws: the check date beside each legal reference ----------------------
# A reference cites the act whose 'cite' is its longest leading name; the
# day follows its last reference in a list, with the kind of source.
rm -f config.yaml
export AIREJSE_NOW=2026-12-04T10:00:00Z
run 0 A project new --name "Kilder" --journey faerdigt-produkt
p=$out
run 0 A export "$p" --what checklist --format md
contains "$out" "Udbudsloven § 6; Udbudsloven § 30 (kontrolleret 04.12.2026)"
contains "$out" "MDR art. 2(12) (kontrolleret 04.12.2026, sekundær kilde)"
run 0 "$AIREJSE" --lang en export "$p" --what checklist --format md
contains "$out" "Udbudsloven § 6; Udbudsloven § 30 (checked 4 Dec 2026)"
# The Omnibus's own entry, not the AI Act's, by the longer name; so for
# an article read in the legal text (art. 26, 27), while one that was not
# (art. 50) keeps the act's secondary source.
run 0 A export "$p" --what ai-act --format md
contains "$out" "som ændret ved forordning (EU) 2026/1744 (kontrolleret 04.12.2026)
"
contains "$out" "AI-forordningen art. 26(11) (kontrolleret 04.12.2026)
"
contains "$out" "AI-forordningen art. 27(2) (kontrolleret 04.12.2026)
"
contains "$out" "AI-forordningen art. 50 (kontrolleret 04.12.2026, sekundær kilde)"
contains "$out" "AI-forordningen art. 6 (kontrolleret 04.12.2026)"
# An act checked long ago is warned of; a reference to an act not listed
# shows no date; a law's CELEX number is checked.
mkdir -p laws/journeys
sed 's/^    checked: 2026-12-04$/    checked: 2025-11-01/' "$TOP/journeys/laws.yaml" > laws/journeys/laws.yaml
run 0 A validate laws/journeys/laws.yaml
contains "$err" "henvisningerne til 'Udbudsloven, lov nr. 1564 af 15.12.2015' blev sidst kontrolleret 01.11.2025"
mkdir -p copy
cp -R "$TOP/journeys" "$TOP/checklists" copy/
awk '/^  - id: / { skip = ($3 == "udbudsloven") } !skip' "$TOP/journeys/laws.yaml" > copy/journeys/laws.yaml
grep -q udbudsloven copy/journeys/laws.yaml && fail "the law was not left out"
run 0 A --content copy export "$p" --what checklist --format md
contains "$out" "Udbudsloven § 6; Udbudsloven § 30
"
contains "$out" "MDR art. 2(12) (kontrolleret 04.12.2026, sekundær kilde)"
sed 's/^    celex: 32017R0745$/    celex: 2017R745/' "$TOP/journeys/laws.yaml" > laws/journeys/laws.yaml
run 65 "$AIREJSE" --lang en validate laws/journeys/laws.yaml
contains "$err" "'2017R745' is not a CELEX number"
