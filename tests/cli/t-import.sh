# SPDX-License-Identifier: EUPL-1.2
# import: a project export round trip, refusals that write nothing, and a
# filled-in hand-off packet back as answers (validated, conflicts kept).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

A() { "$AIREJSE" --db export.db "$@"; }
B() { "$AIREJSE" --db other.db "$@"; }

# What may differ after a round trip: ids, times, and where a change came
# from (an import marks every change it makes as such).
norm() {
	grep -vE '^ *"(id|created|changed|time|raised|source|exported)": ' "$1"
}

# Round trip: export json -> import -> export json. Version 2 of the
# project document carries the item states of issue 18 ("status" with its
# code in place of "blocked_by").
run 0 A export 1 --format json -o p1.json
grep -q '"schema_version": 2,' p1.json || fail "a project export should be schema version 2"
run 0 B project new --journey ny-ide --name "Et andet projekt"
run 0 B --lang en import p1.json
[ "$out" = 2 ] || fail "the imported project should get id 2, got '$out'"
run 0 B export 2 --format json -o p1-again.json
norm p1.json > a.txt
norm p1-again.json > b.txt
if ! cmp -s a.txt b.txt; then
	diff -u a.txt b.txt | head -n 40 >&2
	fail "the round trip changed the project (above)"
fi
# The history is kept, marked as imported, with its times and users.
run 0 B history 2 databehandleraftale --format tsv
contains "$out" "$(printf '\tanne\timport\t')"
contains "$out" "2026-11-23T10:00:00Z"
run 0 B handoffs 2 --format tsv
contains "$out" "jurist-persondata"
contains "$out" "2026-12-01"
# The second project and its prostata answers too.
run 0 A export 2 --what mdr --format json -o p2.json
run 0 B --lang en import p2.json
run 0 B export 3 --what mdr --format md
contains "$out" "(e) Der er offentliggjort en erklæring om produktet"

# A version 1 export (before the item states changed) is still read:
# import takes the answers, the history and the hand-offs, which did not
# change; a version 0 is not.
sed 's/"schema_version": 2,/"schema_version": 1,/' p2.json > v1.json
run 0 B --lang en import v1.json --name "Prostata fra version 1"
run 0 B export "$out" --what mdr --format md
contains "$out" "(e) Der er offentliggjort en erklæring om produktet"
sed 's/"schema_version": 2,/"schema_version": 0,/' p2.json > v0.json
run 65 B --lang en import v0.json --name "Prostata fra version 0"
contains "$err" "schema version 0"

# Into the same database it needs another name.
run 65 A --lang en import p1.json
contains "$err" "already a project named 'Ambient scribe – Kolding'"
contains "$err" "--name"
run 0 A --lang en import p1.json --name "Ambient scribe – kopi"
[ "$out" = 3 ] || fail "expected project 3, got '$out'"

# Refused, with nothing written.
count() { B project list --format tsv | wc -l; }
before=$(count)
run 66 B --lang en import missing.json
contains "$err" "missing.json"
head -c 300 p1.json > cut.json
run 65 B --lang en import cut.json
contains "$err" "cut.json:"
contains "$err" "not valid JSON"
sed 's/"schema_version": 2/"schema_version": 99/' p1.json > newer.json
run 65 B --lang en import newer.json
contains "$err" "schema version 99"
contains "$err" "update airejse"
sed 's/"schema": "airejse-project"/"schema": "noget-andet"/' p1.json > other.json
run 65 B --lang en import other.json
contains "$err" "its schema is 'noget-andet'"
sed 's/"rsd-indkoeb"/"ukendt-spor"/' p1.json > track.json
run 65 B --lang en import track.json
contains "$err" "the track 'ukendt-spor'"
sed 's/"value": "2400000"/"value": "mange penge"/' p1.json > value.json
run 65 B --lang en import value.json
contains "$err" "'mange penge' is not a stored answer to \"What is the expected total contract value in Danish kroner?\""
sed '0,/"kind": "value"/s//"kind": "maybe"/' p1.json > kind.json
run 65 B --lang en import kind.json
contains "$err" "value, dontknow or none"
echo '[1, 2]' > array.json
run 65 B --lang en import array.json
contains "$err" "top level must be an object"
[ "$(count)" = "$before" ] || fail "a refused import wrote something"

# A hand-off packet, filled in by the jurist, back into the project.
run 0 A export 1 --what handoff --format json -o packet.json
contains "$(cat packet.json)" '"schema": "airejse-handoff-packet"'
contains "$(cat packet.json)" '"answer": null'
fill() {
	awk -v q="$1" -v a="$2" '
	index($0, "\"id\": \"" q "\"") { want = 1 }
	want && /"answer": null/ { sub(/"answer": null/, "\"answer\": \"" a "\""); want = 0 }
	{ print }'
}
fill databehandleraftale ja < packet.json | fill retsgrundlag "Sundhedsloven § 42 d" |
	fill persondata_formaal ja |
	sed '0,/"respondent": null/s//"respondent": "Jens Jensen"/' > filled.json
# An import changes only what its packet asked: a question outside the
# role's hand-offs is refused by its name, and nothing is written.
run 0 A --role jurist export 1 --what handoff --format json -o jurist.json
sed 's/"id": "leverandoer"/"id": "kontraktvaerdi"/' jurist.json | fill kontraktvaerdi "9 mio. kr." |
	fill persondata_formaal nej > scope.json
run 65 A --lang en import scope.json
contains "$err" 'answers "What is the expected total contract value in Danish kroner?", which none of its hand-offs to Lawyer asks'
contains "$err" "nothing was imported"
run 0 A history 1 persondata_formaal --format tsv
lacks "$out" "nej"
# The same question twice with different answers: refused alike.
run 0 A export 1 --what handoff --format json -o all.json
awk '/"id": "databehandleraftale"/ { n++ } n == 1 && /"answer": null/ { sub(/null/, "\"ja\""); n++ }
	n == 3 && /"answer": null/ { sub(/null/, "\"nej\""); n++ } { print }' all.json > twice.json
run 65 A --lang en import twice.json
contains "$err" "answers \"Is there a data processing agreement with the vendor?\" twice, as 'ja' and as 'nej'"
# A file changed beyond its answers is not the packet it names.
sed 's/"revision": 1,/"revision": 7,/' jurist.json | fill persondata_formaal nej > edited.json
run 65 A --lang en import edited.json
contains "$err" "was not made from the packet it names"
run 0 A history 1 persondata_formaal --format tsv
lacks "$out" "nej"

# The preview first: nothing is written.
run 0 A --lang en import filled.json --dry-run
contains "$out" "Answers from Jens Jensen (Lawyer, Medical device regulation team)"
contains "$out" "store      Is there a data processing agreement with the vendor?"
contains "$out" "now:     Don't know"
contains "$out" "offered: Yes"
run 0 A history 1 databehandleraftale --format tsv
lacks "$out" "$(printf 'import\tdontknow')"
run 0 A import filled.json --dry-run --format tsv
contains "$out" "$(printf 'action\tquestion\trole\tcurrent_kind\tcurrent_value\tcurrent_revision\tpacket_revision\toffered_kind\toffered_value\tmessage')"
contains "$out" "$(printf 'store\tdatabehandleraftale\tjurist\tdontknow\t\t1\t1\tvalue\tja\t')"
run 0 A --lang en import filled.json
contains "$out" "project 1: 3 answers stored, 0 already there, 0 kept as they were, 0 left out; 1 hand-offs marked answered"
run 0 A history 1 databehandleraftale --format tsv
contains "$out" "$(printf 'tester\timport\tdontknow\t\tvalue\tja')"
run 0 A handoffs 1 --format tsv
contains "$out" "$(printf 'jurist-persondata\tjurist\tanswered')"
# Again: nothing new.
run 0 A --lang en import filled.json
contains "$out" "0 answers stored, 3 already there"

# A refused value: nothing is stored until it is corrected or left out.
run 0 A export 1 --what handoff --format json -o packet2.json
fill kontraktperiode_aar "mange" < packet2.json | fill udbudsform offentligt-udbud > bad.json
run 65 A --lang en import bad.json
# Named by its text; the examples are the packet's language (Danish).
contains "$err" 'cannot save the answer to "How many years does the contract run, including options?": '"'mange' is not a number: write it like 12,5 or 2,5"
contains "$err" "nothing was imported"
contains "$err" "--reject QUESTION"
run 0 A history 1 udbudsform --format tsv
lacks "$out" "offentligt-udbud"
run 0 A --lang en import bad.json --reject kontraktperiode_aar
contains "$out" "1 answers stored, 0 already there, 0 kept as they were, 1 left out"
run 0 A history 1 udbudsform --format tsv
contains "$out" "offentligt-udbud"
run 64 A --lang en import bad.json --reject nosuch
contains "$err" "--reject nosuch"

# A conflict: the answer changed here after the packet left. Both values
# are shown, nothing is written, until --keep says which.
run 0 A export 1 --what handoff --format json -o packet3.json
run 0 A answer 1 data_placering ai-platform
fill data_placering uden-for-eu < packet3.json | fill ai26_logs ja |
	fill udbud_dato 1.3.2027 > conflict.json
run 75 A --lang en import conflict.json
contains "$err" '"Where is the data stored and processed?" was changed here after the packet was made: it is now'
contains "$err" "On the region's AI platform"
contains "$err" "the file says 'With the vendor, outside the EU/EEA'"
contains "$err" "--keep current or --keep file"
lacks "$err" "data_placering"
run 75 A --lang en import conflict.json --dry-run
contains "$out" "conflict   Where is the data stored and processed?"
contains "$out" "after the packet was made"
run 0 A history 1 udbud_dato --format tsv
lacks "$out" "2027-03-01"
run 0 A --lang en import conflict.json --keep current
contains "$out" "2 answers stored, 0 already there, 1 kept as they were"
run 0 A history 1 ai26_logs --format tsv
contains "$out" "$(printf 'import\tnone\t\tvalue\tja')"
run 0 A history 1 data_placering --format tsv
lacks "$out" "uden-for-eu"
run 0 A history 1 udbud_dato --format tsv
contains "$out" "2027-03-01"
run 0 A --lang en import conflict.json --keep file
contains "$out" "1 answers stored, 2 already there"
run 0 A history 1 data_placering --format tsv
contains "$out" "uden-for-eu"

# The packet names its project by id and name; elsewhere, --project.
run 66 B --lang en import packet3.json
contains "$err" "--project P"
run 66 B --lang en import --project 99 packet3.json

# An export whose history does not end in its answers (read while
# someone saved, or edited) is refused: importing it would add a change
# to the audit trail that never happened (issue 20, point 4).
cp export.db skew.db
sqlite3 skew.db "UPDATE answer SET value = 'Et andet navn' WHERE project = 1 AND question = 'leverandoer';"
run 0 "$AIREJSE" --db skew.db export 1 --format json -o skew.json
n=$(B project list --format tsv | wc -l)
run 65 B --lang en import skew.json --name "Skæv"
contains "$err" "the history of 'leverandoer' does not end in the answer the file gives"
[ "$(B project list --format tsv | wc -l)" = "$n" ] || fail "a refused import stored a project"
exit 0
