# SPDX-License-Identifier: EUPL-1.2
# Region Syddanmark's owner groups (issue 14, point 12): the source shows
# the group of three steps; the other eleven are assumptions, shown as
# "to be confirmed" until the site's or the user's settings confirm
# them (groups: confirm:), where naming another group overrides the
# content's, and a step or group the content lacks is an error at the
# setting's line.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/g.db" AIREJSE_NOW=2026-12-04T10:00:00Z
export AIREJSE_SITE_CONFIG="$PWD/site.yaml" AIREJSE_CONFIG="$PWD/user.yaml"
A() { "$AIREJSE" "$@"; }
track="(Indkøb af AI i Region Syddanmark)"

run 0 A project new --journey rsd-indkoeb --name "Grupper"
p=$out

# groups [LANG TRACK MARK]: exports the project as CSV; the steps of the
# track with their group, once each, in $pairs; how many are to be
# confirmed (their group ends in MARK) in $assumed, how many not in $known.
groups() {
	run 0 A --lang "${1:-da}" export "$p" --what all --format csv
	csv=$out
	pairs=$(printf '%s\n' "$csv" | grep -o "[^;]* ${2:-$track};[^;]*" | sort -u)
	assumed=$(printf '%s\n' "$pairs" | grep -c "${3:-(bekræftes)}$")
	known=$(printf '%s\n' "$pairs" | grep -vc "${3:-(bekræftes)}$")
}

# No settings: eleven to be confirmed, the three from the slide not.
groups
[ "$assumed" -eq 11 ] || fail "$assumed steps to be confirmed, expected 11:
$pairs"
[ "$known" -eq 3 ] || fail "$known steps with a known group, expected 3:
$pairs"
for s in "Evaluér afprøvningsfasen $track;Strategigrupperne RSD" \
    "Monitorering af løsninger i drift $track;AI-kompetenceenheden" \
    "Foretag udbud og drift $track;It- og indkøb"; do
	printf '%s\n' "$pairs" | grep -qx "$s" || fail "no '$s' in:
$pairs"
done
contains "$csv" ";Trin;Gruppe;Ansvarlig;"
groups en "(Buying AI in Region Syddanmark)" "(to be confirmed)"
[ "$assumed" -eq 11 ] || fail "$assumed steps to be confirmed in English, expected 11"
run 0 A export "$p" --what action-plan --format md
contains "$out" "**Gruppe:** Strategigrupperne RSD (bekræftes)"
run 0 A export "$p" --what action-plan --format json
contains "$out" '"group": "strategigrupperne-rsd",
      "group_confirmed": false'
lacks "$out" "bekræftes"
run 0 A journeys --format json
[ "$(printf '%s\n' "$out" | grep -c '"group_confirmed": false')" -eq 11 ] ||
	fail "journeys does not show 11 unconfirmed groups"

# The site confirms one: ten are left.
cat > site.yaml <<'EOF'
groups:
  confirm:
    rsd-indkoeb/afklar-behov: strategigrupperne-rsd
EOF
groups
[ "$assumed" -eq 10 ] || fail "$assumed steps to be confirmed after one confirmation, expected 10"
printf '%s\n' "$pairs" | grep -qx "Afklar behov og viden $track;Strategigrupperne RSD" ||
	fail "the confirmed step does not show its group plainly: $pairs"
run 0 A journeys --format json
[ "$(printf '%s\n' "$out" | grep -c '"group_confirmed": false')" -eq 10 ] ||
	fail "journeys does not show 10 unconfirmed groups"

# The user's settings name another group: it wins over the site's and
# the content's assumption.
cat > user.yaml <<'EOF'
groups:
  confirm:
    rsd-indkoeb/afklar-behov: it-og-indkoeb
EOF
groups
[ "$assumed" -eq 10 ] || fail "$assumed steps to be confirmed after an override, expected 10"
printf '%s\n' "$pairs" | grep -qx "Afklar behov og viden $track;It- og indkøb" ||
	fail "the overriding group is not shown: $pairs"
run 0 A export "$p" --what action-plan --format md
contains "$out" "**Gruppe:** It- og indkøb"

# A step or a group the content lacks: the settings are refused at the
# line, the step named by its text.
cat > user.yaml <<'EOF'
organisation: Region Syddanmark
groups:
  confirm:
    rsd-indkoeb/afklar-behv: it-og-indkoeb
EOF
run 78 A --lang en export "$p" --what action-plan --format md
contains "$err" "user.yaml:4:5: error: the track 'Buying AI in Region Syddanmark' has no step 'afklar-behv'"
cat > user.yaml <<'EOF'
groups:
  confirm:
    rsd-indkoeb/finansiering: it-og-indkob
EOF
run 78 A export "$p" --what action-plan --format md
contains "$err" "user.yaml:3:31: fejl: trinnet 'Afklar finansiering til etablering og drift' kan ikke bekræftes som ejet af 'it-og-indkob'"
cat > user.yaml <<'EOF'
groups:
  confirm:
    afklar-behov: it-og-indkoeb
EOF
run 78 A project list
contains "$err" "user.yaml:3:5: fejl: 'afklar-behov' er ikke et trin"
rm user.yaml
run 0 A project list

exit 0
