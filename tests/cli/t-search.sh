# SPDX-License-Identifier: EUPL-1.2
# search: a regular expression over every project or the ones named, in
# each format; what is searched (the steps, the questions that apply, the
# answers as shown, a bank question once); nothing found exits 1 as grep
# does, a bad pattern 65 with the character, an unknown project 66.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$(store_db a)"
export AIREJSE_NOW=2026-11-23T10:00:00Z

# No database: searching makes none.
run 66 "$AIREJSE" search behov
[ ! -e a.db ] || fail "search made a database"

run 0 "$AIREJSE" project new --journey alpha --name "Første"
run 0 "$AIREJSE" project new --journey alpha,beta --name "Anden"
run 0 "$AIREJSE" project new --journey beta --name "Tredje"
run 0 "$AIREJSE" answer 1 behov "Bedre søvn på afdeling Æ"
run 0 "$AIREJSE" answer 2 behov "Færre fejl i journalen"
run 0 "$AIREJSE" answer 2 persondata ja
run 0 "$AIREJSE" answer 1 beloeb 1600000
run 0 "$AIREJSE" answer 3 behov "?"

# Every project, grouped by project, in Danish; case and Danish letters.
run 0 "$AIREJSE" search 'SØVN|fejl'
contains "$out" "1 Første
  Behov · svar: Bedre søvn på afdeling Æ

2 Anden
  Behov · svar: Færre fejl i journalen"
lacks "$out" "Tredje"
run 0 "$AIREJSE" search 'afdeling æ$'
contains "$out" "1 Første"

# Answers as they are shown, not as stored.
run 0 "$AIREJSE" search '1\.600\.000 kr\.'
contains "$out" "Økonomi · svar: 1.600.000 kr."
run 1 "$AIREJSE" search 1600000
# "Don't know" is not an answer to search.
run 1 "$AIREJSE" search 'ved ikke'

# Only questions that apply: the agreement is asked with personal data.
run 0 "$AIREJSE" search databehandleraftale
contains "$out" "2 Anden
  Behov · spørgsmål: Er der en databehandleraftale?"
lacks "$out" "Første"

# The projects named, by number or name, in the order given, once each.
run 0 "$AIREJSE" search 'behov' 3 Første 3
contains "$out" "3 Tredje
  Behov igen · trin: Behov igen
  Behov igen · spørgsmål: Hvad er behovet?

1 Første
  Behov · trin: Behov
  Behov · vejledning: Beskriv behovet.
  Behov · spørgsmål: Hvad er behovet?"
lacks "$out" "Anden"
[ "$(printf '%s\n' "$out" | grep -c '^3 Tredje$')" -eq 1 ] || fail "project 3 listed twice"

# A question asked in two of the project's tracks is listed once.
run 0 "$AIREJSE" search 'hvad er behovet' 2 --format tsv
[ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] || fail "the bank question listed more than once: $out"
contains "$out" "$(printf '2\tAnden\talpha\ts1\tbehov\tquestion\tHvad er behovet\tHvad er behovet?')"

# tsv: a header, one line per match, empty question for a step's text.
run 0 "$AIREJSE" search 'fejl|udbyd' --format tsv
[ "$(printf '%s\n' "$out" | head -n 1)" = "$(printf 'project\tproject_name\ttrack\tstep\tquestion\tfield\tmatch\tsnippet')" ] ||
	fail "tsv header: $out"
contains "$out" "$(printf '1\tFørste\talpha\ts3\t\tguidance\tUdbyd\tUdbyd det.')"
contains "$out" "$(printf '2\tAnden\talpha\ts1\tbehov\tanswer\tfejl\tFærre fejl i journalen')"

# json: the pattern, the projects with a match, the count.
run 0 "$AIREJSE" search 'fejl' --format json
contains "$out" '"pattern": "fejl",'
contains "$out" '"count": 1'
contains "$out" '"name": "Anden",'
contains "$out" '"field": "answer",'
contains "$out" '"label": "svar",'
contains "$out" '"question": "behov",'
contains "$out" '"snippet": "Færre fejl i journalen"'
if command -v jq >/dev/null 2>&1; then
	[ "$(printf '%s' "$out" | jq -r '.projects[0].matches[0].match')" = fejl ] || fail "json: $out"
	run 0 "$AIREJSE" search 'behov' --format json
	[ "$(printf '%s' "$out" | jq '.count')" = "$(printf '%s' "$out" | jq '[.projects[].matches[]] | length')" ] ||
		fail "json count: $out"
	[ "$(printf '%s' "$out" | jq -r '[.projects[].id] | join(",")')" = "1,2,3" ] || fail "json projects: $out"
fi

# English.
run 0 "$AIREJSE" --lang en search 'the need' 1
contains "$out" "  Need · guidance: Describe the need."
contains "$out" "  Need · question: What is the need?"

# Nothing found: 1, in every format.
run 1 "$AIREJSE" search 'zzz'
contains "$out" 'Intet matcher "zzz".'
run 1 "$AIREJSE" search 'zzz' --format tsv
[ "$out" = "$(printf 'project\tproject_name\ttrack\tstep\tquestion\tfield\tmatch\tsnippet')" ] || fail "tsv: $out"
run 1 "$AIREJSE" search 'zzz' --format json
contains "$out" '"projects": [],'
contains "$out" '"count": 0'
# A pattern that begins with -.
run 1 "$AIREJSE" search -- '-zzz'

# A bad pattern: 65, with PCRE2's reason and the character (not byte).
run 65 "$AIREJSE" search 'behøv('
contains "$err" "airejse: kan ikke søge efter 'behøv('"
contains "$err" "ved tegn 7"
contains "$err" "missing closing parenthesis"
run 65 "$AIREJSE" --lang en search '[æ'
contains "$err" "(at character 3)"

# An unknown project, and usage errors.
run 66 "$AIREJSE" search behov 9
run 66 "$AIREJSE" search behov Ukendt
contains "$err" "'Ukendt'"
# Looked up before anything is printed: no half a document (json gets
# its error document alone).
for f in text tsv; do
	run 66 "$AIREJSE" search behov 1 Ukendt --format $f
	[ -z "$out" ] || fail "search printed before finding every project ($f): $out"
done
run 66 "$AIREJSE" search behov 1 Ukendt --format json
case $out in '{
  "error": {'*) ;; *) fail "not the error document alone: $out" ;; esac
contains "$out" '"code": "not-found"'
run 64 "$AIREJSE" search
run 64 "$AIREJSE" search behov --format xml
run 0 "$AIREJSE" search --help
contains "$out" "search MØNSTER [P...]"

# A pattern that backtracks without end gives up on the texts it cannot
# finish, says so, and the search still ends (quickly).
run 0 "$AIREJSE" answer 1 noter "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxz"
run 1 "$AIREJSE" --lang en search '^(x+x+)+$' 1
contains "$err" "backtracks too much"
contains "$err" "skipped"
