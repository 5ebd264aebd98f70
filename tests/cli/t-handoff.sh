# SPDX-License-Identifier: EUPL-1.2
# handoffs, handoff and next: raised by answers, moved forward by hand,
# withdrawn when the reason goes, contacts from the site configuration.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$(store_db a)"
export AIREJSE_NOW=2026-11-23T10:00:00Z
mkdir -p "$HOME/.config/airejse"
cat > "$HOME/.config/airejse/config.yaml" <<'YAML'
contacts:
  - role: jurist
    name: Jytte Jurist
    email: jytte@rsyd.dk
YAML
run 0 "$AIREJSE" project new --journey alpha --name "Første"
run 0 "$AIREJSE" project new --journey alpha,beta --name "Anden"

run 0 "$AIREJSE" handoffs
contains "$out" "Ingen overdragelser."
run 0 "$AIREJSE" next 1
contains "$out" "Næste: Alfa, Fase et: Behov (Projektleder)"
contains "$out" "- behov: Hvad er behovet?"

run 0 "$AIREJSE" answer 1 persondata ja
run 0 "$AIREJSE" answer 1 aftale nej
contains "$out" "overdragelse rejst: jurist-gdpr til Jurist"
run 0 "$AIREJSE" answer 2 behov "?"
contains "$out" "overdragelse rejst: leder-behov til Projektleder"

run 0 "$AIREJSE" handoffs
contains "$out" "jurist-gdpr"
contains "$out" "Jytte Jurist <jytte@rsyd.dk>"
contains "$out" "leder-behov"
run 0 "$AIREJSE" handoffs --format tsv
contains "$out" "$(printf 'project\tproject_name\tid\trole\tstate\tdue\toverdue\tcontact\traised\tchanged\tnote')"
contains "$out" "$(printf '1\tFørste\tjurist-gdpr\tjurist\traised\t\tno\tJytte Jurist <jytte@rsyd.dk>\t2026-11-23T10:00:00Z\t2026-11-23T10:00:00Z\t')"
run 0 "$AIREJSE" handoffs 2 --format tsv
lacks "$out" "jurist-gdpr"
run 0 "$AIREJSE" handoffs --role jurist --format tsv
lacks "$out" "leder-behov"
contains "$out" "jurist-gdpr"
run 0 "$AIREJSE" handoffs --state sent --format tsv
lacks "$out" "gdpr"
run 64 "$AIREJSE" handoffs --role nobody
run 64 "$AIREJSE" handoffs --state done

# The role is waited on: the step that asks its question is not done
# while the hand-off is open (its owner has answered all it can), and the
# step that needs it waits.
run 0 "$AIREJSE" project show 1 --format tsv
contains "$out" "$(printf 'alpha\ts1\tin-progress\tpersondata')"
contains "$out" "$(printf 'alpha\ts2\tblocked\t')"
run 0 "$AIREJSE" project show 1 --lang en
contains "$out" "(the hand-off jurist-gdpr asks one of its questions)"
run 0 "$AIREJSE" next 1
contains "$out" "Venter på:"
# The hand-off by what it is about, never by its rule's id.
contains "$out" "Jurist: Der mangler en aftale. (rejst) Jytte Jurist <jytte@rsyd.dk>"
lacks "$out" "jurist-gdpr"

# A note is limited by bytes as well as characters (issue 20): one
# letter under 8 kB of combining marks is one character, and refused.
heavy=$(/usr/bin/python3 -c 'import sys; sys.stdout.write("q" + "\u0301" * 4000)')
run 65 "$AIREJSE" --lang en handoff 1 jurist-gdpr --note "$heavy"
contains "$err" "at most 2000 characters and 8000 bytes"

# Forward by hand, with a note and a due date; never back.
run 0 "$AIREJSE" handoff 1 jurist-gdpr --state sent --note "Sendt på mail – æøå" --due 20.11.2026
run 0 "$AIREJSE" handoffs 1 --format json
contains "$out" '"state": "sent"'
contains "$out" '"due": "2026-11-20"'
contains "$out" '"overdue": true'
contains "$out" '"note": "Sendt på mail – æøå"'
contains "$out" '"reason": "Der mangler en aftale."'
run 0 "$AIREJSE" next 1
contains "$out" "Frist overskredet:"
# Its due date as a Danish user writes dates, in both places.
contains "$out" "Jurist: Der mangler en aftale. (sendt, frist 20.11.2026)"
contains "$out" "  Jurist: Der mangler en aftale., frist 20.11.2026"
lacks "$out" "2026-11-20"
run 0 "$AIREJSE" --lang en next 1
contains "$out" "Lawyer: An agreement is missing., due 20 Nov 2026"
run 0 "$AIREJSE" next 1 --format tsv
contains "$out" "$(printf 'overdue\t\t\tsent\tjurist-gdpr\tjurist\t2026-11-20\t')"
run 0 "$AIREJSE" next 1 --format json
contains "$out" '"overdue": ['
run 65 "$AIREJSE" --lang en handoff 1 jurist-gdpr --state raised
contains "$err" "moves back from sent to raised: say why with --reason"
run 65 "$AIREJSE" handoff 1 jurist-gdpr --due "i morgen"
run 64 "$AIREJSE" handoff 1 jurist-gdpr --state done
run 66 "$AIREJSE" handoff 1 leder-behov --state sent
run 0 "$AIREJSE" handoff 1 jurist-gdpr --state answered --due ""
run 65 "$AIREJSE" --lang en handoff 1 jurist-gdpr --state sent
contains "$err" "moves back from answered to sent"

# Shown in full, with its history.
run 0 "$AIREJSE" handoff 1 jurist-gdpr
contains "$out" "Der mangler en aftale."
contains "$out" "aftale: Er der en databehandleraftale?"
contains "$out" "rejst → sendt"
contains "$out" "Sendt på mail – æøå"
run 0 "$AIREJSE" handoff 1 jurist-gdpr --format tsv
contains "$out" "$(printf '\ttester\tcli\traised\tsent\t2026-11-20\tSendt på mail – æøå')"
run 0 "$AIREJSE" handoff 1 jurist-gdpr --format json
contains "$out" '"history": ['
contains "$out" '"new_state": "answered"'

# The reason goes before the role answered: withdrawn, not deleted.
run 0 "$AIREJSE" answer 2 behov "Klart nu"
contains "$out" "overdragelse trukket tilbage: leder-behov"
run 0 "$AIREJSE" handoffs 2 --format tsv
contains "$out" "$(printf 'leder-behov\tleder\twithdrawn')"
run 65 "$AIREJSE" handoff 2 leder-behov --state sent
contains "$err" "trukket tilbage"
run 0 "$AIREJSE" answer 2 behov "ved ikke"
contains "$out" "overdragelse rejst: leder-behov"
# An answered one stays when its reason goes.
run 0 "$AIREJSE" answer 1 aftale ja
lacks "$out" "trukket tilbage"
run 0 "$AIREJSE" handoff 1 jurist-gdpr --state closed
run 0 "$AIREJSE" handoffs --state closed --format tsv
contains "$out" "jurist-gdpr"
exit 0
