# SPDX-License-Identifier: EUPL-1.2
# An answer file changes only what its packet asked (in Danish): any other
# question is refused by its text, exit 65, nothing written; one question
# given twice with different values likewise; the history keeps who
# answered (the name the file carries) beside who imported it.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

A() { "$AIREJSE" --db export.db "$@"; }
fill() {
	awk -v q="$1" -v a="$2" '
	index($0, "\"id\": \"" q "\"") { want = 1 }
	want && /"answer": null/ { sub(/"answer": null/, "\"answer\": \"" a "\""); want = 0 }
	{ print }'
}
events() { sqlite3 export.db 'SELECT count(*) FROM answer_event'; }
before=$(events)

run 0 A --role jurist export 1 --what handoff --format json -o jurist.json
# A question outside the jurist's hand-offs, put in the file by hand.
sed 's/"id": "leverandoer"/"id": "kontraktvaerdi"/' jurist.json |
	fill kontraktvaerdi "9 mio. kr." | fill persondata_formaal nej > scope.json
run 65 A import scope.json
contains "$err" 'besvarer "Hvad er den forventede samlede kontraktværdi i kroner?", som ingen af dens overdragelser til Jurist spørger om'
contains "$err" "intet blev indlæst"
lacks "$err" "kontraktvaerdi"
run 65 A import scope.json --dry-run
[ "$(events)" = "$before" ] || fail "a refused file wrote to the history"

# One question twice, with different values.
run 0 A export 1 --what handoff --format json -o all.json
awk '/"id": "databehandleraftale"/ { n++ } n == 1 && /"answer": null/ { sub(/null/, "\"ja\""); n++ }
	n == 3 && /"answer": null/ { sub(/null/, "\"nej\""); n++ } { print }' all.json > twice.json
run 65 A import twice.json
contains "$err" "besvarer \"Er der indgået en databehandleraftale med leverandøren?\" to gange, som 'ja' og som 'nej'"
[ "$(events)" = "$before" ] || fail "a refused file wrote to the history"

# Who answered and who imported, both kept.
fill persondata_formaal ja < jurist.json |
	sed '0,/"respondent": null/s//"respondent": "Jens Jensen – jurist"/' > svar.json
run 0 A --user anne import svar.json
contains "$out" "1 svar gemt"
run 0 A history 1 persondata_formaal
contains "$out" "Jens Jensen – jurist (indlæst af anne)"
run 0 A history 1 persondata_formaal --format tsv
contains "$out" "$(printf 'persondata_formaal\t1\t2026-11-23T10:00:00Z\tanne\timport\tnone\t\tvalue\tja\ttester\tJens Jensen – jurist')"
run 0 A history 1 persondata_formaal --format json
contains "$out" '"respondent": "Jens Jensen – jurist"'
contains "$out" '"user": "anne"'
# And in the project's export, which an import keeps.
run 0 A export 1 --format json -o p1.json
contains "$(cat p1.json)" '"respondent": "Jens Jensen – jurist"'
run 0 A import p1.json --name "Kopi"
run 0 A history "Kopi" persondata_formaal --format tsv
contains "$out" "Jens Jensen – jurist"
