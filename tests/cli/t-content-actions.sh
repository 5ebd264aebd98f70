# SPDX-License-Identifier: EUPL-1.2
# The shipped content covers every named action of the sources, every step
# is complete, and the validator has nothing to say about it.
# tests/data/source-actions.tsv lists the actions (track, phase, Danish name).
. "$TOP/tests/cli/lib.sh"

list=$TOP/tests/data/source-actions.tsv
[ -r "$list" ] || fail "cannot read $list"

# validate: exit 0, no warning of any kind (unused question, role, ...);
# the legal facts' age and sources are t-legal.sh's, which pins the clock.
run 0 "$AIREJSE" --lang da --content "$TOP" validate --no-legal-warnings
[ -z "$err" ] || fail "validate printed warnings or errors: $err"
lacks "$out" "warning"
lacks "$out" "advarsel"

run 0 "$AIREJSE" --lang da --content "$TOP" journeys --format json
printf '%s\n' "$out" > journeys.json

# Flatten the JSON into one line per step:
#   track <TAB> phase number <TAB> step id <TAB> title <TAB> owner <TAB>
#   source <TAB> has_guidance <TAB> number of questions
# A small tokenizer, so that commas, brackets and colons inside titles do
# not matter and the layout of the JSON (pretty or compact) does not either.
awk '
{ buf = buf $0 "\n" }
function scalar(v,    k) {
	k = (type[depth] == "{") ? curkey[depth] : curkey[depth - 1] "[]"
	if (depth == 3 && k == "id") { track = v }
	if (depth == 7) {
		if (k == "id") sid = v
		else if (k == "title") stitle = v
		else if (k == "owner") sowner = v
		else if (k == "source") ssource = v
		else if (k == "has_guidance") sguid = v
	}
	if (depth == 8 && k == "questions[]") nq++
}
END {
	n = length(buf); depth = 0; i = 1
	while (i <= n) {
		c = substr(buf, i, 1)
		if (c == "\"") {
			s = ""; i++
			while (i <= n) {
				c = substr(buf, i, 1)
				if (c == "\\") { s = s substr(buf, i, 2); i += 2; continue }
				if (c == "\"") break
				s = s c; i++
			}
			i++
			j = i
			while (substr(buf, j, 1) ~ /[ \t\n\r]/) j++
			if (type[depth] == "{" && substr(buf, j, 1) == ":") {
				curkey[depth] = s; i = j + 1; continue
			}
			scalar(s); continue
		}
		if (c == "{" || c == "[") {
			depth++; type[depth] = c; curkey[depth] = ""
			if (c == "{" && depth == 3) phase = 0
			if (c == "{" && depth == 5) phase++
			if (c == "{" && depth == 7) {
				sid = stitle = sowner = ssource = sguid = ""; nq = 0
			}
			i++; continue
		}
		if (c == "}" || c == "]") {
			if (c == "}" && depth == 7)
				printf "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\n", track, phase,
				    sid, stitle, sowner, ssource, sguid, nq
			depth--; i++; continue
		}
		if (c ~ /[-0-9a-z]/) {
			s = ""
			while (i <= n && substr(buf, i, 1) ~ /[-+0-9a-zA-Z.]/) {
				s = s substr(buf, i, 1); i++
			}
			scalar(s); continue
		}
		i++
	}
}' journeys.json > steps.tsv

[ -s steps.tsv ] || fail "could not find any step in the output of journeys --format json"
nsteps=$(wc -l < steps.tsv)
nlisted=$(grep -v '^#' "$list" | grep -c .)
[ "$nsteps" -ge "$nlisted" ] ||
	fail "the content has $nsteps steps, fewer than the $nlisted actions of the sources"

# Every listed action has a step of that title in that track and phase.
missing=$(awk -F'\t' '
	NR == FNR { have[$1 "\t" $2 "\t" $4] = 1; next }
	/^#/ || NF < 3 { next }
	!(($1 "\t" $2 "\t" $3) in have) { printf "  %s phase %s: %s\n", $1, $2, $3 }
' steps.tsv "$list")
[ -z "$missing" ] || fail "actions of the sources without a step:
$missing"

# Every step has guidance, an owner, a source and between one and eight
# questions (more are split over the steps where they fit, not added as
# steps: the steps mirror the sources' actions). Eight, not six, since the
# legal questions of issue 14: several of a step's questions appear only
# when an earlier answer calls for them (a FRIA only for Annex III, IVDR
# classes only for the IVDR), so a user rarely sees eight at once.
incomplete=$(awk -F'\t' '
	$5 == "" || $5 == "null" { printf "  %s/%s: no owner\n", $1, $3 }
	$6 == "" || $6 == "null" { printf "  %s/%s: no source\n", $1, $3 }
	$7 != "true" { printf "  %s/%s: no guidance\n", $1, $3 }
	$8 < 1 { printf "  %s/%s: no question\n", $1, $3 }
	$8 > 8 { printf "  %s/%s: %d questions, more than eight\n", $1, $3, $8 }
' steps.tsv)
[ -z "$incomplete" ] || fail "incomplete steps:
$incomplete"

# The sources each track is drawn from.
bad=$(awk -F'\t' '
	$1 == "ny-ide" || $1 == "faerdigt-produkt" { if ($6 !~ /^003_/) print "  " $1 "/" $3 ": " $6 }
	$1 == "rsd-indkoeb" { if ($6 !~ /^002_/) print "  " $1 "/" $3 ": " $6 }
' steps.tsv)
[ -z "$bad" ] || fail "steps whose source is not their track's document:
$bad"

exit 0
