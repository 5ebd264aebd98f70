# SPDX-License-Identifier: EUPL-1.2
# answer and history: every type's accepted forms, refusals that change
# nothing, "ved ikke", --clear, standard input, revisions and history.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$(store_db a)"
run 0 "$AIREJSE" project new --journey alpha,beta --name "Svar"

# stored NAME QUESTION: the stored canonical value (tsv of project show).
stored() {
	"$AIREJSE" project show 1 --format tsv | awk -F '\t' -v q="$1" '$4 == q { print $7; exit }'
}

# good QUESTION INPUT CANONICAL
good() {
	run 0 "$AIREJSE" answer 1 "$1" "$2"
	got=$(stored "$1")
	[ "$got" = "$3" ] || fail "$1 '$2' stored '$got', expected '$3'"
}

# bad QUESTION INPUT: exit 65 with a reason, and the answer is as it was.
bad() {
	before=$("$AIREJSE" project show 1 --format tsv)
	run 65 "$AIREJSE" --lang en answer 1 "$1" "$2"
	contains "$err" "airejse: cannot save the answer"
	after=$("$AIREJSE" project show 1 --format tsv)
	[ "$before" = "$after" ] || fail "a refused '$2' changed $1"
}

good behov "  Ærlig talt: mere tid – æøå  " "Ærlig talt: mere tid – æøå"
bad behov "$(printf 'bad \377\376 bytes')"
bad behov "$(printf '%0250d' 0)"
# Bytes as well as characters (issue 20): one letter under 2 MB of
# combining marks is one character, refused by its size, said in both.
/usr/bin/python3 -c 'import sys; sys.stdout.write("q" + "\u0301" * 1000000)' >heavy.txt
run 65 "$AIREJSE" --lang en answer 1 behov - <heavy.txt
contains "$err" "2000001 bytes"
contains "$err" "at most 200 characters and 800 bytes"
run 65 "$AIREJSE" --lang da answer 1 behov - <heavy.txt
contains "$err" "højst 200 tegn og 800 byte"
for v in ja yes j JA; do good persondata "$v" ja; done
for v in nej no n N; do good persondata "$v" nej; done
bad persondata maybe
good persondata ja ja
for v in 2026-11-23 23-11-2026 23.11.2026 23/11/2026; do
	good aftale ja ja
	good aftale_dato "$v" 2026-11-23
done
bad aftale_dato 2026-02-30
for v in 1.600.000 1600000 "1.600.000 kr." "1,6 mio." "1,6 mio. kr."; do
	good beloeb "$v" 1600000
done
bad beloeb "mange penge"
good antal "12,5" 12.5
good antal "12.5" 12.5
bad antal 1000
good emner "drift, Data" data,drift
good emner "Law" jura
bad emner "data,ukendt"
good mail "søren@ouh.dk" "søren@ouh.dk"
bad mail "ikke-en-adresse"
good link "https://www.rsyd.dk/ai" "https://www.rsyd.dk/ai"
bad link "javascript:alert(1)"
good beloeb "2 mio. kr." 2000000
good valg koeb koeb
good valg "Stop" stop
good valg "BUY" koeb
bad valg "måske"
good beta_tekst "kort" kort
bad beta_tekst "alt for lang tekst"

# Text as it is shown: the Danish way.
run 0 "$AIREJSE" answer 1 beloeb "1,6 mio."
contains "$out" "1.600.000 kr."
run 0 "$AIREJSE" --lang en answer 1 beloeb 1700000
contains "$out" "DKK 1,700,000"

# Long text from standard input, with line breaks.
printf 'Første linje\nAnden linje – æøå\n' | run 0 "$AIREJSE" answer 1 noter -
[ "$(stored noter)" = "Første linje Anden linje – æøå" ] || fail "noter: $(stored noter)"
run 0 "$AIREJSE" project show 1 --format json
contains "$out" 'Første linje\nAnden linje – æøå'
head -c 300 /dev/zero | tr '\0' x | run 65 "$AIREJSE" answer 1 noter -

# "Ved ikke" is an answer of its own.
run 0 "$AIREJSE" answer 1 behov "ved ikke"
contains "$out" "Ved ikke"
contains "$out" "overdragelse rejst: leder-behov"
[ "$("$AIREJSE" project show 1 --format tsv | awk -F '\t' '$4 == "behov" { print $6; exit }')" = dontknow ] ||
	fail "ved ikke not stored as don't know"

# Questions that are not asked now, and questions that do not exist.
run 0 "$AIREJSE" answer 1 persondata nej
run 65 "$AIREJSE" answer 1 aftale ja
# Named by their text, the question it depends on too; never by the id.
contains "$err" '"Er der en databehandleraftale?"'
contains "$err" '"Personoplysninger?"'
lacks "$err" "persondata"
run 65 "$AIREJSE" --lang en answer 1 nosuch x
contains "$err" "no question 'nosuch'"
run 66 "$AIREJSE" answer 9 behov x
run 64 "$AIREJSE" answer 1 behov
run 64 "$AIREJSE" answer 1 behov x --expect abc

# The kept answer comes back when its question applies again.
run 0 "$AIREJSE" answer 1 persondata ja
[ "$(stored aftale)" = ja ] || fail "the kept answer to aftale did not come back"

# --clear keeps the history; the same answer twice writes nothing.
run 0 "$AIREJSE" answer 1 mail --clear
[ -z "$(stored mail)" ] || fail "mail not cleared"
run 0 "$AIREJSE" --lang en answer 1 valg koeb
contains "$out" "unchanged"

# Options may come after the operands; "--" ends them.
run 0 "$AIREJSE" answer 1 antal -- -0
run 0 "$AIREJSE" answer 1 antal 3 --expect "$("$AIREJSE" project show 1 --format tsv | awk -F '\t' '$4 == "antal" { print $8; exit }')"

# history: every change with its time, user and source.
run 0 "$AIREJSE" --user "Søren" answer 1 mail "a@b.dk"
run 0 "$AIREJSE" --lang en history 1 mail
# On a server, the login too (tests/pg/t-logins.sh).
if on_sqlite; then
	contains "$out" "Søren (cli, account: tester)"
else
	contains "$out" "Søren (cli, account: tester, logged in as airejse)"
fi
contains "$out" "søren@ouh.dk → (no answer)"
run 0 "$AIREJSE" history 1 mail --format tsv
contains "$out" "$(printf 'question\trevision\ttime\tuser\tsource\told_kind\told_value\tnew_kind\tnew_value')"
contains "$out" "$(printf 'mail\t1\t')"
contains "$out" "$(printf '\ttester\tcli\tnone\t\tvalue\tsøren@ouh.dk')"
contains "$out" "$(printf '\tSøren\tcli\tnone\t\tvalue\ta@b.dk')"
run 0 "$AIREJSE" history 1 --format json
contains "$out" '"question": "beloeb"'
contains "$out" '"kind": "dontknow"'
run 0 "$AIREJSE" history "Svar" behov --format tsv
[ "$(printf '%s\n' "$out" | wc -l)" -ge 3 ] || fail "history of behov too short"
run 65 "$AIREJSE" history 1 nosuch
# The user name goes into the history: text only.
run 64 "$AIREJSE" --user "$(printf 'x\377')" answer 1 behov y
exit 0
