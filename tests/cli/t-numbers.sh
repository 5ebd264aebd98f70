# SPDX-License-Identifier: EUPL-1.2
# Numbers, amounts and dates as people write them (issue 13): "1.200" is
# 1200 in Danish and 1.2 in English; what `project show` prints for an
# answer, answered again, changes nothing (no revision, no history row);
# a reading that is not the language's usual one is said; refusals name
# the question by its text and give two examples.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$(store_db n)"
run 0 "$AIREJSE" project new --journey ny-ide --name "Tal"

# stored QUESTION: the stored canonical value (tsv of project show).
stored() {
	"$AIREJSE" project show 1 --format tsv | awk -F '\t' -v q="$1" '$4 == q { print $7; exit }'
}
# shown LANG QUESTION: the answer as `project show` prints it.
shown() {
	"$AIREJSE" --lang "$1" project show 1 | sed -n "s/^ *$2: //p" | head -n 1
}
# rows QUESTION: the rows of its history.
rows() {
	"$AIREJSE" history 1 "$1" --format tsv | tail -n +2 | wc -l
}
# same LANG QUESTION: answering with what is shown changes nothing.
same() {
	before=$(rows "$2")
	text=$(shown "$1" "$2")
	[ -n "$text" ] || fail "$2 is not shown"
	value=$(stored "$2")
	run 0 "$AIREJSE" --lang "$1" answer 1 "$2" "$text"
	[ "$(stored "$2")" = "$value" ] || fail "$2 shown as '$text' ($1) read back as '$(stored "$2")', was '$value'"
	[ "$(rows "$2")" = "$before" ] || fail "$2: answering '$text' again added a history row"
	[ -z "$err" ] || fail "$2: '$text' read with a note: $err"
}

# The bug: 1.200 in Danish is 1200, shown as 1.200, which reads back so.
run 0 "$AIREJSE" --lang da answer 1 behov_omfang 1.200
[ "$(stored behov_omfang)" = 1200 ] || fail "1.200 stored as $(stored behov_omfang)"
[ "$(shown da behov_omfang)" = 1.200 ] || fail "1200 shown as $(shown da behov_omfang)"
same da behov_omfang
contains "$out" "uændret, 1.200 (revision 1)"
same en behov_omfang
[ "$(shown en behov_omfang)" = 1,200 ] || fail "1200 shown in English as $(shown en behov_omfang)"
run 0 "$AIREJSE" --lang da answer 1 behov_omfang 1200
contains "$out" "uændret"
run 0 "$AIREJSE" --lang en answer 1 behov_omfang 1,200
contains "$out" "unchanged"
[ "$(rows behov_omfang)" = 1 ] || fail "unchanged answers wrote history"

# English reads the point as the decimal mark; Danish a lone "1.5" too,
# and says so.
run 0 "$AIREJSE" --lang en answer 1 behov_omfang 1.200
[ "$(stored behov_omfang)" = 1.2 ] || fail "English 1.200 stored as $(stored behov_omfang)"
run 0 "$AIREJSE" --lang da answer 1 behov_omfang 1.5
[ "$(stored behov_omfang)" = 1.5 ] || fail "Danish 1.5 stored as $(stored behov_omfang)"
contains "$err" "airejse: '1.5' er læst som 1,5: på dansk adskiller punktum tusinder"
same da behov_omfang
run 0 "$AIREJSE" --lang da answer 1 behov_omfang "12 345 678"
[ "$(stored behov_omfang)" = 12345678 ] || fail "12 345 678 stored as $(stored behov_omfang)"

# Approximate numbers: stored with "~", shown "ca." / "about".
run 0 "$AIREJSE" --lang da answer 1 behov_omfang "cirka 450"
[ "$(stored behov_omfang)" = "~450" ] || fail "cirka 450 stored as $(stored behov_omfang)"
[ "$(shown da behov_omfang)" = "ca. 450" ] || fail "~450 shown as $(shown da behov_omfang)"
[ "$(shown en behov_omfang)" = "about 450" ] || fail "~450 shown in English as $(shown en behov_omfang)"
same da behov_omfang
same en behov_omfang
# A condition compares the number: "ca." keeps it a number.
run 0 "$AIREJSE" --lang en export 1 --what all --format json -o all.json
grep -q '"value": "~450"' all.json || fail "the JSON export lacks the canonical ~450"
grep -q '"text": "about 450"' all.json || fail "the JSON export lacks 'about 450'"

# A percentage question.
run 0 "$AIREJSE" --lang da answer 1 forventet_tidsbesparelse "30 %"
[ "$(stored forventet_tidsbesparelse)" = 30 ] || fail "30 % stored as $(stored forventet_tidsbesparelse)"
[ "$(shown da forventet_tidsbesparelse)" = "30 %" ] || fail "30 shown as $(shown da forventet_tidsbesparelse)"
same da forventet_tidsbesparelse
same en forventet_tidsbesparelse
run 65 "$AIREJSE" --lang da answer 1 behov_omfang "30 %"
contains "$err" "er en procentsats"

# Amounts as people write them.
for v in "2,4 mill. kr." "2,4 mio." "kr. 2.400.000" "DKK 2.400.000" "2.400.000,-" "2.400 t. kr."; do
	run 0 "$AIREJSE" --lang da answer 1 udviklingsbudget "$v"
	[ "$(stored udviklingsbudget)" = 2400000 ] || fail "'$v' stored as $(stored udviklingsbudget)"
done
same da udviklingsbudget
same en udviklingsbudget
run 0 "$AIREJSE" --lang da answer 1 udviklingsbudget "1,2 mia. kr."
[ "$(stored udviklingsbudget)" = 1200000000 ] || fail "1,2 mia. kr. stored as $(stored udviklingsbudget)"
before=$(rows udviklingsbudget)
run 65 "$AIREJSE" --lang da answer 1 udviklingsbudget "EUR 2.400.000"
contains "$err" "beløbet skal angives i kroner (DKK)"
run 65 "$AIREJSE" --lang da answer 1 udviklingsbudget "0,0000001 mio."
contains "$err" "'0,0000001 mio.' giver 0,1 kr., og beløb gemmes i hele kroner"
# Below one øre: said as it is, not "not an amount".
run 65 "$AIREJSE" --lang da answer 1 udviklingsbudget "0,001 kr."
contains "$err" "'0,001 kr.' giver 0,001 kr., og beløb gemmes i hele kroner"
run 65 "$AIREJSE" --lang en answer 1 udviklingsbudget "DKK 0.001"
contains "$err" "'DKK 0.001' comes to DKK 0.001, and amounts are kept in whole kroner"
[ "$(stored udviklingsbudget)" = 1200000000 ] || fail "a refused amount changed the answer"
[ "$(rows udviklingsbudget)" = "$before" ] || fail "a refused amount wrote history"

# Dates as people write them.
for v in 1.3.2027 01-03-2027 1/3-2027 2027-03-01 "1. marts 2027" "1 mar 2027"; do
	run 0 "$AIREJSE" --lang da answer 1 ansoegningsfrist "$v"
	[ "$(stored ansoegningsfrist)" = 2027-03-01 ] || fail "'$v' stored as $(stored ansoegningsfrist)"
done
run 0 "$AIREJSE" --lang en answer 1 ansoegningsfrist "March 1, 2027"
contains "$out" "unchanged"
same da ansoegningsfrist
same en ansoegningsfrist
run 65 "$AIREJSE" --lang en answer 1 ansoegningsfrist 31.2.2027
contains "$err" "February 2027 has 28 days"

# A refusal names the question by its text, never its id, and gives two
# examples in the user's language.
run 65 "$AIREJSE" --lang da answer 1 behov_omfang "mange"
contains "$err" 'airejse: kan ikke gemme svaret på "Hvor mange patienter eller opgaver om året drejer det sig om?": '
contains "$err" "skriv det som 1.200 eller 12,5"
lacks "$err" "behov_omfang"
run 65 "$AIREJSE" --lang en answer 1 behov_omfang "many"
contains "$err" 'cannot save the answer to "How many patients or tasks a year does it concern?"'
contains "$err" "write it like 1,200 or 12.5"
lacks "$err" "behov_omfang"
