# SPDX-License-Identifier: EUPL-1.2
# handoff --state back: a hand-off moves back (answered to sent, closed to
# raised) with a reason kept in its history; marking one answered while
# none of its questions has an answer asks first (refused without --yes
# off a terminal). In Danish, the user's language.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/a.db"
export AIREJSE_NOW=2026-11-23T10:00:00Z
run 0 "$AIREJSE" project new --journey alpha --name "Første"
run 0 "$AIREJSE" answer 1 behov "ved ikke"
contains "$out" "overdragelse rejst: leder-behov til Projektleder"
run 0 "$AIREJSE" answer 1 persondata ja
run 0 "$AIREJSE" answer 1 aftale nej
contains "$out" "overdragelse rejst: jurist-gdpr til Jurist"

# Answered while none of its questions has an answer ("ved ikke" is not
# one): asks first; off a terminal, refused with what to do.
run 64 "$AIREJSE" handoff 1 leder-behov --state answered
contains "$err" "Ingen af spørgsmålene i overdragelsen til Projektleder har et svar"
contains "$err" "--yes"
run 0 "$AIREJSE" handoffs 1 --format tsv
contains "$out" "$(printf 'leder-behov\tleder\traised')"
run 0 "$AIREJSE" handoff 1 leder-behov --state answered --yes
run 0 "$AIREJSE" handoffs 1 --format tsv
contains "$out" "$(printf 'leder-behov\tleder\tanswered')"
# One whose question has an answer does not ask.
run 0 "$AIREJSE" handoff 1 jurist-gdpr --state answered

# Back, answered to sent: only with a reason, kept in the history.
run 65 "$AIREJSE" handoff 1 leder-behov --state sent
contains "$err" "Overdragelsen flyttes tilbage fra besvaret til sendt: skriv hvorfor med --reason"
run 65 "$AIREJSE" handoff 1 leder-behov --state sent --reason "   "
run 0 "$AIREJSE" handoff 1 leder-behov --format tsv
lacks "$out" "$(printf 'answered\tsent')"
run 0 "$AIREJSE" --user bo handoff 1 leder-behov --state sent --reason "Svaret manglede – spørg igen"
run 0 "$AIREJSE" handoff 1 leder-behov --format tsv
contains "$out" "$(printf 'bo\tcli\tanswered\tsent\t\tSvaret manglede – spørg igen')"
run 0 "$AIREJSE" handoff 1 leder-behov
contains "$out" "besvaret → sendt"
contains "$out" "Svaret manglede – spørg igen"

# Closed to raised, the same way; the state is shown in Danish.
run 0 "$AIREJSE" handoff 1 jurist-gdpr --state closed
run 0 "$AIREJSE" handoff 1 jurist-gdpr --state raised --reason "Aftalen blev ikke underskrevet alligevel"
run 0 "$AIREJSE" handoffs 1
contains "$out" "rejst"
run 0 "$AIREJSE" handoffs 1 --format tsv
contains "$out" "$(printf 'jurist-gdpr\tjurist\traised')"
run 0 "$AIREJSE" handoff 1 jurist-gdpr --format tsv
contains "$out" "$(printf 'closed\traised\t\tAftalen blev ikke underskrevet alligevel')"

# Withdrawn is not a state anyone sets; a withdrawn one does not move.
run 65 "$AIREJSE" handoff 1 jurist-gdpr --state withdrawn
contains "$err" "trukket tilbage"
run 0 "$AIREJSE" answer 1 aftale ja
contains "$out" "overdragelse trukket tilbage: jurist-gdpr"
run 65 "$AIREJSE" handoff 1 jurist-gdpr --state raised --reason "Igen"
contains "$err" "kommer selv igen"
