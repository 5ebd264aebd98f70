# SPDX-License-Identifier: EUPL-1.2
# The questions the estimated contract value and the business case are
# worked out from are content (journeys/figures.yaml), not names in the
# program: a site that renames a question and names it there gets the
# same figures, and a copy that lacks one, or names one of the wrong
# type, is refused at file:line:column.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_DB="$PWD/f.db" AIREJSE_NOW=2026-12-04T10:00:00Z
export AIREJSE_CONFIG="$PWD/none.yaml"
A() { "$AIREJSE" --lang en --content copy "$@"; }
mkdir -p copy
cp -R "$TOP/journeys" "$TOP/checklists" copy/
run 0 A validate --no-legal-warnings

# Renamed everywhere, figures.yaml included: the worked-out contract
# value and the business case read the new names.
for f in copy/journeys/*.yaml copy/checklists/*.yaml; do
	sed -i 's/\bleverandoer_aarligt_beloeb\b/leverandoer_aarlig_ydelse/g; s/\bopgave_timer_aar\b/opgave_timer/g' "$f"
done
grep -q 'yearly: leverandoer_aarlig_ydelse' copy/journeys/figures.yaml || fail "figures.yaml was not renamed"
run 0 A validate --no-legal-warnings
run 0 A project new --journey faerdigt-produkt --name "Omdøbt"
p=$out
for qa in leverandoer_engangsbeloeb=100000 leverandoer_aarlig_ydelse=400000 \
    kontraktperiode_aar=4 kontraktvaerdi=1500000 opgave_timer=100; do
	run 0 A answer "$p" "${qa%%=*}" "${qa#*=}"
done
run 0 A export "$p" --what indkoeb --format md
contains "$out" "The typed contract value (DKK 1,500,000) is less than the worked-out one (DKK 100,000 + DKK 400,000 × 4 years = DKK 1,700,000)"
run 0 A export "$p" --what business-case --format json
missing=$(printf '%s\n' "$out" | sed -n '/"missing": \[/,/\]/p')
contains "$missing" '"question": "finansiering_etablering"'
lacks "$missing" '"question": "opgave_timer'

# A name the block gives that no file defines: refused at its place, by
# validate and by every command that loads the content.
cp "$TOP/journeys/figures.yaml" copy/journeys/figures.yaml
line=$(grep -n '^  yearly:' copy/journeys/figures.yaml | cut -d: -f1)
run 65 A validate
contains "$err" "journeys/figures.yaml:$line:11: error: the contract value names question 'leverandoer_aarligt_beloeb' as yearly, but no file defines it"
run 65 A project list
contains "$err" "figures.yaml:$line:11"
line=$(grep -n '^  task_hours:' copy/journeys/figures.yaml | cut -d: -f1)
contains "$err" "journeys/figures.yaml:$line:15: error: the business case names question 'opgave_timer_aar' as task_hours, but no file defines it"

# Of the wrong type; a key left out.
cp -R "$TOP/journeys" "$TOP/checklists" copy/
sed 's/^  years: kontraktperiode_aar /  years: kontraktvaerdi /' \
    "$TOP/journeys/figures.yaml" > copy/journeys/figures.yaml
line=$(grep -n '^  years:' copy/journeys/figures.yaml | cut -d: -f1)
run 65 A validate
contains "$err" "figures.yaml:$line:10: error: the contract value's years must be a question of type number; 'kontraktvaerdi' is of type amount"
sed 's/^  staff_group: opgave_personalegruppe /  staff_group: opgave_timer_aar /' \
    "$TOP/journeys/figures.yaml" > copy/journeys/figures.yaml
run 65 A validate
contains "$err" "the business case's staff_group must be a question of type choice; 'opgave_timer_aar' is of type number"
grep -v '^  running:' "$TOP/journeys/figures.yaml" > copy/journeys/figures.yaml
run 65 A validate
contains "$err" "running"
cp "$TOP/journeys/figures.yaml" copy/journeys/figures.yaml
# The staff group's options are the keys of the hourly rates.
sed 's/^      - id: laege$/      - id: overlaege/' "$TOP/journeys/questions.yaml" > copy/journeys/questions.yaml
line=$(grep -n '^      - id: overlaege$' copy/journeys/questions.yaml | cut -d: -f1)
[ -n "$line" ] || fail "the option was not renamed"
run 65 A validate
contains "$err" "questions.yaml:$line:9: error: the business case prices the staff group 'overlaege' by the hourly rate of the same key, and there is none"
cp "$TOP/journeys/questions.yaml" copy/journeys/questions.yaml

# Content without the blocks is valid: the typed value alone counts, and
# the business case has no figures.
rm copy/journeys/figures.yaml
run 0 A validate --no-legal-warnings
run 0 A export "$p" --what indkoeb --format md
lacks "$out" "worked-out"

exit 0
