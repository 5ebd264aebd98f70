# SPDX-License-Identifier: EUPL-1.2
# Text that is not UTF-8 in a database (damaged, or written by another
# program: the store's door refuses it) is never left out of a JSON
# output: jansson makes no string of it and would drop the key without a
# word. Every JSON-printing command keeps the field, with the bytes shown
# as the text output shows them ("<0xFF>"), and stays valid JSON.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/b.db"
export AIREJSE_NOW=2026-11-23T10:00:00Z
A() { "$AIREJSE" --lang en "$@"; }

run 0 A project new --journey alpha --name "Æble"
run 0 A answer 1 behov "Svar"
run 0 A answer 1 persondata ja
run 0 A answer 1 aftale nej
run 0 A handoff 1 jurist-gdpr --note "Ring"
# Refused at the door, as the store's rule has it.
run 65 A answer 1 behov "$(printf 'a\377b')"
sqlite3 b.db "
UPDATE project SET name = CAST(x'50ff51' AS TEXT);
UPDATE answer SET value = CAST(x'76fe77' AS TEXT), user = CAST(x'75c0' AS TEXT) WHERE question = 'behov';
UPDATE answer_event SET new_value = CAST(x'65ff' AS TEXT), user = CAST(x'75c0' AS TEXT) WHERE question = 'behov';
UPDATE handoff SET note = CAST(x'6eff' AS TEXT), due = '2026-12-01';
UPDATE handoff_event SET note = CAST(x'68ff' AS TEXT), user = CAST(x'6bff' AS TEXT);
" || fail "cannot plant the rows"

# json OUT: stdout is one valid JSON document.
json_ok() {
	/usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' out.txt ||
		fail "not valid JSON ($*): $(head -c 600 out.txt)"
}
run 0 A project list --format json
json_ok project list
contains "$out" '"name": "P<0xFF>Q"'
run 0 A project show 1 --format json
json_ok project show
contains "$out" '"name": "P<0xFF>Q"'
contains "$out" 'v<0xFE>w'
run 0 A history 1 --format json
json_ok history
contains "$out" 'e<0xFF>'
contains "$out" '"user": "u<0xC0>"'
run 0 A handoffs --format json
json_ok handoffs
contains "$out" 'P<0xFF>Q'
run 0 A handoff 1 jurist-gdpr --format json
json_ok handoff
contains "$out" '"note": "h<0xFF>"'
contains "$out" '"user": "k<0xFF>"'
run 0 A search 'v' 1 --format json
json_ok search
contains "$out" '"name": "P<0xFF>Q"'
run 0 A next --format json
json_ok next
contains "$out" 'P<0xFF>Q'
run 0 A export 1 --format json -o -
json_ok export
contains "$out" 'v<0xFE>w'
# The text output shows the same.
run 0 A project show 1
contains "$out" "P<0xFF>Q"
