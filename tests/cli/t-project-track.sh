# SPDX-License-Identifier: EUPL-1.2
# Moving a project to another track (issue 14): one transaction, every
# answer kept, the answers the new track does not ask shown as not asked
# and counted again when the project moves back; the move is in the
# project's history with who and when; what changes is said first.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/t.db" AIREJSE_NOW=2026-12-04T10:00:00Z
export AIREJSE_CONFIG="$PWD/none.yaml" AIREJSE_USER=mette
A() { "$AIREJSE" --lang en "$@"; }
# answered P: the answered questions of project P (JSON export), sorted.
answered() {
	run 0 A history "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' 'NR > 1 { print $1 }' | sort -u
}
# status P TRACK STEP: the step's status from 'project show'.
status() {
	run 0 A project show "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v t="$2" -v s="$3" '$1 == t && $2 == s { print $3; exit }'
}

run 0 A project new --journey ny-ide --name "Stemmeanalyse"
p=$out
run 0 A answer "$p" klinisk_behov "Hurtigere dokumentation i ambulatoriet"
run 0 A answer "$p" formaal "Tale til tekst – æ, ø og å"
run 0 A answer "$p" patientgruppe "Voksne"
run 0 A answer "$p" brugere_og_sted "Læger i ambulatoriet"
run 0 A answer "$p" projektleder_email "mette@example.dk"
run 0 A answer "$p" spor_valg koebe
run 0 A answer "$p" projekt_start 2027-01-04
before=$(answered "$p")
run 0 A history "$p" --format tsv
events_before=$out

# What changes is said first; --dry-run changes nothing.
run 0 A project track "$p" faerdigt-produkt --dry-run
contains "$out" "- New idea: its "
contains "$out" "steps leave the journey"
contains "$out" "+ Ready-made product: "
contains "$out" "steps join the journey"
contains "$out" "Every answer is kept (7)."
contains "$out" "1 is not asked in the new tracks; it counts again if the project moves back."
run 0 A project show "$p" --format tsv
contains "$out" "$(printf 'ny-ide\t')"

# The move: every answer kept (history unchanged), the new track's steps
# show them, the one it does not ask stays stored.
run 0 A project track "$p" faerdigt-produkt
run 0 A project show "$p" --format tsv
lacks "$out" "$(printf 'ny-ide\t')"
contains "$out" "$(printf 'faerdigt-produkt\tafklar-behov\t')"
[ "$(answered "$p")" = "$before" ] || fail "answers changed by the move"
run 0 A history "$p" --format tsv
[ "$out" = "$events_before" ] || fail "the answers' history changed by the move"
run 0 A history "$p"
contains "$out" "project moved to other tracks: New idea → Ready-made product"
contains "$out" "mette"
run 0 A export "$p" --what checklist --format json
contains "$out" "Tale til tekst – æ, ø og å"

# Moving back: the Ny idé steps have their progress again.
run 0 A project track "$p" ny-ide
run 0 A project show "$p" --format tsv
contains "$out" "$(printf 'ny-ide\tundren\t')"
run 0 A history "$p"
contains "$out" "project moved to other tracks: Ready-made product → New idea"

# Both tracks at once, in the order given.
run 0 A project track "$p" ny-ide,faerdigt-produkt
contains "$out" "+ Ready-made product"
lacks "$out" "leave the journey"

# Refused: an unknown track, a repeated one, none, the same tracks.
run 65 A project track "$p" ukendt
contains "$err" "there is no track 'ukendt'"
run 65 A project track "$p" ny-ide,ny-ide
contains "$err" "given twice"
run 65 A project track "$p" ,
contains "$err" "at least one track"
run 65 A project track "$p" ny-ide,faerdigt-produkt
contains "$err" "follows these tracks already"
run 66 A project track 999 ny-ide
