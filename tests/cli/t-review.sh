# SPDX-License-Identifier: EUPL-1.2
# review and signoff: each role reviews its hand-offs' answers and its part
# of the checklist sections, signs off, and a later change of an answer it
# covered puts the review and the sign-off back to "to be reviewed".
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/a.db"
export AIREJSE_NOW=2026-11-23T10:00:00Z
run 0 "$AIREJSE" project new --journey alpha --name "Første æøå"
run 0 "$AIREJSE" review 1
contains "$out" "Intet at gennemgå endnu"
run 0 "$AIREJSE" answer 1 beloeb "1.800.000"
contains "$out" "overdragelse rejst: jurist-udbud til Jurist"

run 0 "$AIREJSE" review 1
contains "$out" "Godkendelse"
contains "$out" "ikke godkendt"
contains "$out" "Overdragelse: Over udbudsgrænsen."
contains "$out" "ikke gennemgået"
run 0 "$AIREJSE" review 1 --format tsv
contains "$out" "$(printf 'jurist\tsignoff\tjurist\tnot-signed\t\t')"
contains "$out" "$(printf 'jurist\thandoff\tjurist-udbud\tnot-reviewed\t\t')"

# Refusals: an unknown state, role or hand-off; to be corrected without
# saying what; a sign-off without a role. Nothing is written.
run 64 "$AIREJSE" review 1 --handoff jurist-udbud --state bogus
contains "$err" "ukendt gennemgangsstatus 'bogus'"
run 64 "$AIREJSE" review 1 --state acceptable
run 65 "$AIREJSE" review 1 --handoff intet-her --state acceptable
contains "$err" "projektet har ingen overdragelse 'intet-her' at gennemgå"
run 65 "$AIREJSE" review 1 --handoff jurist-udbud --state to-correct
contains "$err" "sig, hvad der skal rettes"
run 64 "$AIREJSE" signoff 1 --name "Jytte Jurist"
contains "$err" "--role ROLLE"
run 64 "$AIREJSE" --role nogen signoff 1
contains "$err" "ukendt rolle 'nogen'"
# A control character in the comment or the name (ctrl.h): refused.
run 65 "$AIREJSE" review 1 --handoff jurist-udbud --state to-correct \
    --comment "$(printf 'Ret \033]0;PWNED\007 det')"
run 65 "$AIREJSE" --role jurist signoff 1 --name "$(printf 'Jytte\033[2J')"
run 0 "$AIREJSE" review 1 --history --format tsv
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "a refusal wrote a review: $out"

# To be corrected, with a comment in Danish that goes back to the project;
# a sign-off is refused while a part is to be corrected.
run 0 "$AIREJSE" --user jytte review 1 --handoff jurist-udbud --state to-correct \
    --comment "Beløbet skal være inkl. drift – ret det"
contains "$out" "Gennemgået 'Overdragelse: Over udbudsgrænsen.': skal rettes."
run 0 "$AIREJSE" review 1
contains "$out" "skal rettes"
contains "$out" "Beløbet skal være inkl. drift – ret det"
run 65 "$AIREJSE" --role jurist signoff 1 --name "Jytte Jurist"
contains "$err" "skal rettes"
run 0 "$AIREJSE" review 1 --format tsv
contains "$out" "$(printf 'jurist\tsignoff\tjurist\tnot-signed')"

# Corrected, found acceptable, signed off with name, role and time.
run 0 "$AIREJSE" answer 1 beloeb "2.100.000"
run 0 "$AIREJSE" --user jytte review 1 --handoff jurist-udbud --state acceptable
run 0 "$AIREJSE" --user jytte --role jurist signoff 1 --name "Jytte Jurist"
contains "$out" "Jurist har godkendt projekt 1."
run 0 "$AIREJSE" review 1
contains "$out" "godkendt  Jytte Jurist, 2026-11-23 10:00"
run 0 "$AIREJSE" review 1 --format json
contains "$out" '"status": "signed"'
contains "$out" '"name": "Jytte Jurist"'

# An answer the sign-off covered changes: both go back to "to be reviewed",
# and the listing says which answer changed.
run 0 "$AIREJSE" --user bo answer 1 beloeb "2.500.000"
run 0 "$AIREJSE" review 1
contains "$out" "skal gennemgås igen"
contains "$out" "svaret på \"Kontraktværdi?\" er ændret efter gennemgangen"
run 0 "$AIREJSE" review 1 --format tsv
contains "$out" "$(printf 'jurist\tsignoff\tjurist\tto-review\tJytte Jurist\tbeloeb')"
contains "$out" "$(printf 'jurist\thandoff\tjurist-udbud\tto-review\tjytte\tbeloeb')"
run 65 "$AIREJSE" --role jurist signoff 1 --name "Jytte Jurist"
run 0 "$AIREJSE" --user jytte review 1 --handoff jurist-udbud --state acceptable
run 0 "$AIREJSE" --user jytte --role jurist signoff 1 --name "Jytte Jurist"
run 0 "$AIREJSE" review 1 --format tsv
contains "$out" "$(printf 'jurist\tsignoff\tjurist\tsigned\tJytte Jurist')"

# Withdrawn: not signed off again; the history keeps every step.
run 0 "$AIREJSE" --role jurist signoff 1 --withdraw
contains "$out" "Jurists godkendelse af projekt 1 er trukket tilbage."
run 0 "$AIREJSE" review 1 --format tsv
contains "$out" "$(printf 'jurist\tsignoff\tjurist\tnot-signed')"
run 0 "$AIREJSE" review 1 --history --format tsv
[ "$(printf '%s\n' "$out" | grep -c 'jurist	handoff	jurist-udbud')" -eq 3 ] ||
	fail "three reviews of the hand-off expected: $out"
[ "$(printf '%s\n' "$out" | grep -c 'jurist	signoff')" -eq 3 ] ||
	fail "two sign-offs and a withdrawal expected: $out"
contains "$out" "Beløbet skal være inkl. drift – ret det"

# Checklist sections a role owns items in, by checklist/section.
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/b.db"
run 0 "$AIREJSE" project new --journey ny-ide --name "Skærm"
run 0 "$AIREJSE" review 1 --format tsv
contains "$out" "$(printf 'jurist\tsection\tindkoeb/jura\tnot-reviewed')"
run 0 "$AIREJSE" --role jurist review 1 --section indkoeb/jura --state acceptable
contains "$out" "Indkøbstjekliste › Juridisk vurdering"
run 0 "$AIREJSE" --role jurist review 1 --format tsv
contains "$out" "$(printf 'jurist\tsection\tindkoeb/jura\tacceptable\ttester')"
lacks "$out" "kliniker"
# A section two roles own items in needs the role.
run 64 "$AIREJSE" review 1 --section indkoeb/aftaler --state acceptable
contains "$err" "--role"
run 65 "$AIREJSE" review 1 --section indkoeb/intet --state acceptable
