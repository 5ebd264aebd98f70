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

# Round trip: export json -> import -> export json.
run 0 A export 1 --format json -o p1.json
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
sed 's/"schema_version": 1/"schema_version": 99/' p1.json > newer.json
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
	fill persondata_formaal ja > filled.json
run 0 A --lang en import filled.json
contains "$out" "project 1: 3 answers stored"
contains "$out" "1 hand-offs marked answered"
run 0 A history 1 databehandleraftale --format tsv
contains "$out" "$(printf 'tester\timport\tdontknow\t\tvalue\tja')"
run 0 A handoffs 1 --format tsv
contains "$out" "$(printf 'jurist-persondata\tjurist\tanswered')"
# Again: nothing new.
run 0 A --lang en import filled.json
contains "$out" "0 answers stored, 3 already there"

# A refused value is reported and not stored; the rest is.
run 0 A export 1 --what handoff --format json -o packet2.json
fill kontraktperiode_aar "mange" < packet2.json | fill udbudsform offentligt-udbud > bad.json
run 65 A --lang en import bad.json
# Named by its text; the examples are the packet's language (Danish).
contains "$err" 'cannot save the answer to "How many years does the contract run, including options?": '"'mange' is not a number: write it like 12,5 or 2,5"
contains "$out" "1 answers stored"
run 0 A history 1 udbudsform --format tsv
contains "$out" "offentligt-udbud"

# A conflict: the answer changed here after the packet left.
run 0 A export 1 --what handoff --format json -o packet3.json
run 0 A answer 1 data_placering ai-platform
fill data_placering uden-for-eu < packet3.json > conflict.json
run 75 A --lang en import conflict.json
contains "$err" '"Where is the data stored and processed?": changed here since the packet was made'
lacks "$err" "data_placering"
run 0 A history 1 data_placering --format tsv
lacks "$out" "uden-for-eu"

# The packet names its project by id and name; elsewhere, --project.
run 66 B --lang en import packet3.json
contains "$err" "--project P"
run 66 B --lang en import --project 99 packet3.json
run 0 B --lang en import --project "Ambient scribe – Kolding" filled.json
contains "$out" "project 2:"
exit 0
