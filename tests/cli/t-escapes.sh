# SPDX-License-Identifier: EUPL-1.2
# Terminal escape injection (issue 20, point 1). Two people may share a
# database: nothing one stores may act on the other's terminal. Each
# hostile string, through each way in (--user, $USER, answers, notes,
# project names, the plain prompts, imports), is refused at the store's
# door naming the field and the character; and what is in a database
# anyway (written before the rule, or by another program) reaches the
# terminal with its controls made visible, from every printing command
# in every format, byte by byte.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/e.db"
export AIREJSE_NOW=2026-11-23T10:00:00Z
A() { "$AIREJSE" --lang en "$@"; }

osc=$(printf 'm\033]0;PWNED\007')	# renames the window
ris=$(printf 'a\033c@b.dk')		# resets the terminal
csi=$(printf 'x\302\2332Jy')		# U+009B, the 8-bit CSI: clears the screen
rlo=$(printf 'x\342\200\256y')		# U+202E turns what follows around
bel=$(printf 'x\007')

# clean WHAT: neither out.txt nor err.txt of the last run holds a control
# a terminal acts on (tab and line feed aside), as bytes.
ctl='[\x01-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c'
clean() {
	if LC_ALL=C grep -qaP "$ctl" out.txt err.txt; then
		fail "a raw control reached the terminal ($*): $(od -c out.txt err.txt | head -30)"
	fi
}
# refused STATUS CODEPOINT CMD...: CMD exits STATUS, says which character
# it refused, and prints nothing raw.
refused() {
	cp=$1
	shift
	run 65 "$@"
	contains "$err" "$cp"
	clean "$*"
}

mkdir -p "$HOME/.config/airejse"
cat > "$HOME/.config/airejse/config.yaml" <<'YAML'
contacts:
  - role: jurist
    name: Jytte Jurist
    email: jytte@rsyd.dk
YAML
run 0 A project new --journey alpha --name "Æble"
run 0 A answer 1 behov "Svar før"
run 0 A answer 1 persondata ja
run 0 A answer 1 aftale nej
run 0 A handoff 1 jurist-gdpr --note "Ring til Jytte"

# The way in: each string through each path, refused at the store's door.
for s in "$osc" "$ris" "$csi" "$rlo" "$bel"; do
	case $s in
	"$osc"|"$ris") cp=U+001B ;;
	"$csi") cp=U+009B ;;
	"$rlo") cp=U+202E ;;
	*) cp=U+0007 ;;
	esac
	refused $cp A --user "$s" answer 1 behov "Ny"
	contains "$err" "user name"
	refused $cp env USER="$s" "$AIREJSE" --lang en answer 1 beloeb 5
	refused $cp A --user "$s" handoff 1 jurist-gdpr --state sent
	refused $cp A project new --journey alpha --name "$s"
	refused $cp A project rename 1 "$s"
	if [ "$s" = "$rlo" ]; then
		# A note is free text: it may hold a bidi control, shown.
		run 0 A handoff 1 jurist-gdpr --note "$s"
		run 0 A handoff 1 jurist-gdpr
		contains "$out" "x<U+202E>y"
		clean "a note with U+202E"
	else
		refused $cp A handoff 1 jurist-gdpr --note "$s"
		contains "$err" "note"
	fi
	# Not a date, whatever else it holds.
	run 65 A handoff 1 jurist-gdpr --due "$s"
	clean "due date"
done
# An e-mail address is no free text: ESC c and U+202E are refused in it.
refused U+001B A answer 1 mail "$ris"
refused U+202E A answer 1 mail "$(printf 'a\342\200\256b@c.dk')"
refused U+009B A answer 1 mail "$(printf 'a\302\233b@c.dk')"
# Free text refuses C0 and C1 but keeps a bidi control, which is shown.
run 65 A answer 1 behov "$osc"
clean "answer text ESC"
refused U+009B A answer 1 behov "$csi"
refused U+009B A answer 1 noter "$csi"
run 0 A answer 1 noter "$rlo"
contains "$out" "x<U+202E>y"
clean "answer with U+202E"
# The plain prompts: a project name typed there.
printf '%s\n' n "$csi" q q > in.txt
"$AIREJSE" --lang en --plain <in.txt >out.txt 2>err.txt
contains "$(cat out.txt err.txt)" "U+009B"
clean "plain prompts"

# Imports: a project file and a packet carrying hostile user names,
# notes, contacts, question ids and values of questions the content lacks.
run 0 A export 1 --format json -o p.json
contains "$(cat p.json)" '"note": "Ring til Jytte"'
i=0
for sub in 's/"user": "[^"]*"/"user": "m\\u001b]0;PWNED\\u0007"/' \
    's/Ring til Jytte/Ring\\u009b2J/' \
    's/Jytte Jurist/J\\u202eJ/' \
    's/"behov"/"q\\u001b[2J"/' \
    's/"behov"/"ukendt"/; s/Svar før/a\\u001bc/'; do
	i=$((i + 1))
	sed "$sub" p.json > bad$i.json
	! cmp -s p.json bad$i.json || fail "sed $sub changed nothing"
	run 65 A import bad$i.json --name "Kopi $i"
	# Refused at the door (U+...), or before it quoting the input shown.
	case $err in
	*U+*|*'^['*) ;;
	*) fail "import $sub: $err" ;;
	esac
	clean "import $sub"
done
run 0 A project list --format tsv
[ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] || fail "an import stored a project: $out"
# A packet whose answers are hostile, or name a question hostilely.
run 0 A export 1 --what handoff --format json -o pk.json
sed 's/"answer": null/"answer": "m\\u001b]0;PWNED\\u0007"/' pk.json > bad-pk1.json
run 65 A import bad-pk1.json
clean "packet answer"
sed 's/"id": "aftale"/"id": "q\\u001b]0;PWNED\\u0007"/; s/"answer": null/"answer": "ja"/' pk.json > bad-pk2.json
run 65 A import bad-pk2.json
contains "$err" "^[]0;PWNED^G"
clean "packet question"
run 0 A history 1 --format tsv
lacks "$out" "PWNED"

# The way out: a database written before the rule, or by something else,
# holds every kind of control in every field a command prints.
sqlite3 e.db "
UPDATE project SET name = 'P' || char(27) || ']0;PWNED' || char(7) || char(8238) WHERE id = 1;
UPDATE answer SET value = 'v' || char(155) || '2J' || char(27) || 'c', user = 'u' || char(27) || ']0;PWNED' || char(7) WHERE question = 'behov';
UPDATE answer_event SET new_value = 'e' || char(155) || '2J', old_value = 'o' || char(8238), user = 'u' || char(27) || 'c';
INSERT INTO answer (project, question, kind, value, revision, time, user, source)
  VALUES (1, 'q' || char(27) || '[2J', 'value', 'w' || char(27) || 'c', 1, 0, 'z' || char(7), 'cli');
UPDATE handoff SET note = 'n' || char(27) || ']0;PWNED' || char(7), contact = 'c' || char(155) || '2J',
  due = 'd' || char(8238);
UPDATE handoff_event SET note = 'h' || char(27) || 'c', user = 'k' || char(155);
" || fail "cannot plant the hostile rows"
for f in text tsv json; do
	run 0 A project list --format $f
	contains "$out" "PWNED"
	clean "project list $f"
	run 0 A project show 1 --format $f
	clean "project show $f"
	run 0 A history 1 --format $f
	clean "history $f"
	run 0 A history 1 behov --format $f
	clean "history behov $f"
	run 0 A handoffs --format $f
	clean "handoffs $f"
	run 0 A handoff 1 jurist-gdpr --format $f
	clean "handoff $f"
	run 0 A search 'v|n|PWNED' --format $f
	clean "search $f"
done
run 0 A project show 1
contains "$out" "P^[]0;PWNED^G<U+202E>"
run 0 A history 1 behov
contains "$out" "<U+009B>2J"
contains "$out" "u^[c"
run 0 A handoff 1 jurist-gdpr
contains "$out" "n^[]0;PWNED^G"
contains "$out" "c<U+009B>2J"
run 0 A project list --format json
contains "$out" '\u0007\u202e'
run 0 A next 1
clean "next"
# An export written to standard output reaches the terminal too: the
# documents show U+FFFD, the JSON escapes (the same JSON to a parser).
for f in md html json csv; do
	run 0 A export 1 --format $f -o -
	if [ $f = csv ]; then
		# Its lines end in CR LF, as RFC 4180 has it.
		tr -d '\r' < out.txt > o.txt && mv o.txt out.txt
	fi
	clean "export $f"
done
contains "$out" "$(printf 'c\357\277\2752J')"
run 0 A project list
"$AIREJSE" --lang en --plain >out.txt 2>err.txt <<EOF
1
q
q
EOF
clean "plain prompts, the project's screen"
# Input quoted in a message: an unknown question, project, hand-off,
# pattern.
run 65 A answer 1 "$osc" ok
clean "unknown question"
run 66 A answer "$osc" behov ok
clean "unknown project"
run 66 A project show "$csi"
contains "$err" "<U+009B>"
clean "unknown project by name"
run 66 A handoff 1 "$rlo"
contains "$err" "x<U+202E>y"
clean "unknown hand-off"
run 65 A search "$osc("
clean "bad pattern"
run 1 A search "$bel"
clean "pattern with no match"
exit 0
