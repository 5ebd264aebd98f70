# SPDX-License-Identifier: EUPL-1.2
# validate: the shipped content, the manual's example, and errors with
# file:line:column and a caret.
. "$TOP/tests/cli/lib.sh"

# The example in airejse-content(5) is a complete content folder.
mkdir -p example/journeys
sed -n '/^\.Sh EXAMPLES/,/^\.Sh SEE ALSO/p' "$TOP/man/airejse-content.5" |
	sed -n '/^\.Bd -literal/,/^\.Ed/p' | sed '1d;$d' > example/journeys/example.yaml
[ -s example/journeys/example.yaml ] || fail "no example found in airejse-content.5"
run 0 "$AIREJSE" --lang en validate example
contains "$out" "1 track,"
contains "$out" "valid"
lacks "$err" "warning"

run 0 "$AIREJSE" --content example journeys --format tsv
contains "$out" "$(printf 'lille\tEt lille spor\t1\t2')"
run 0 "$AIREJSE" --content example --lang en journeys --format tsv
contains "$out" "$(printf 'lille\tA small track\t1\t2')"

# A copy of a shipped file with a duplicate id: 65 and file:line:column.
mkdir edit
sed 's/  - id: jurist/  - id: kliniker/' example/journeys/example.yaml > edit/example.yaml
line=$(grep -n '  - id: kliniker' edit/example.yaml | sed -n 2p | cut -d: -f1)
run 65 "$AIREJSE" --lang en --content example validate edit/example.yaml
contains "$err" "edit/example.yaml:$line:5: error: duplicate role id 'kliniker'"
contains "$err" "  - id: kliniker"
contains "$err" "    ^"
# The copy replaced its namesake: no duplicate track.
lacks "$err" "duplicate track"

# A syntax error names its place too.
printf 'track:\n  id: [x\n' > bad.yaml
run 65 "$AIREJSE" --lang en validate example bad.yaml
contains "$err" "bad.yaml:"
contains "$err" "YAML syntax"

run 66 "$AIREJSE" validate missing.yaml
contains "$err" "missing.yaml"
run 66 "$AIREJSE" --lang en --content nowhere journeys
contains "$err" "no journeys/ folder"

# The shipped content is valid.
run 0 "$AIREJSE" --lang en --content "$TOP" validate
contains "$out" "valid"
exit 0
