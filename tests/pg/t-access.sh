# SPDX-License-Identifier: EUPL-1.2
# The access rules the server enforces (db init): a member of a role's
# group reads every project and changes only what is its role's (its
# hand-offs, the answers to their questions, its reviews); the team
# changes the rest; a refused change names the group it needs, exits
# 77 and leaves everything as it was. Tested with database users of
# different groups, through airejse and past it with psql.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
sock=${AIREJSE_TEST_PG#host=}
sock=${sock%% *}
db=$(pg_db acc)
bo=bo_$$ jens=jens_$$ lone=lone_$$ eve=eve_$$
as() { echo "host=$sock user=$1 dbname=acc_$$"; }

# The database's owner (here the server's superuser) makes the schema,
# the groups and the rules.
run 0 "$AIREJSE" --db "$db" db init
contains "$out" "airejse_team"
contains "$out" "airejse_leder airejse_jurist"
pg_sql "$db" "CREATE ROLE $bo LOGIN IN ROLE airejse_team;
	CREATE ROLE $jens LOGIN IN ROLE airejse_jurist;
	CREATE ROLE $lone LOGIN IN ROLE airejse_leder;
	CREATE ROLE $eve LOGIN"
# Again: the same rules, nothing doubled.
run 0 "$AIREJSE" --db "$db" db init

# The team makes the project; its answers raise the jurist's hand-off.
run 0 "$AIREJSE" --db "$(as $bo)" project new --journey alpha --name "Adgang på Ærø"
run 0 "$AIREJSE" --db "$(as $bo)" answer 1 behov "Færre ventetider"
run 0 "$AIREJSE" --db "$(as $bo)" answer 1 persondata ja
run 0 "$AIREJSE" --db "$(as $bo)" answer 1 aftale nej
run 0 "$AIREJSE" --db "$(as $bo)" handoff 1 jurist-gdpr --state sent

# The lawyer reads everything, but may not change the team's answers.
run 0 "$AIREJSE" --db "$(as $jens)" project show 1 --format tsv
contains "$out" "Færre ventetider"
run 77 "$AIREJSE" --db "$(as $jens)" answer 1 behov "Jurist skriver"
contains "$err" "airejse_team"
contains "$err" "$jens"
run 0 "$AIREJSE" --db "$(as $bo)" history 1 behov --format tsv
lacks "$out" "Jurist skriver"
# Nor rename the project.
run 77 "$AIREJSE" --db "$(as $jens)" project rename 1 "Jurists navn"
contains "$err" "the project may be changed only by a member of airejse_team"

# What is the lawyer's: a review of its hand-off, the hand-off's state
# and the answer to its question.
run 0 "$AIREJSE" --db "$(as $jens)" review 1 --role jurist --handoff jurist-gdpr --state to-correct --comment "Mangler databehandleraftale"
run 0 "$AIREJSE" --db "$(as $jens)" handoff 1 jurist-gdpr --state answered
run 0 "$AIREJSE" --db "$(as $jens)" answer 1 aftale ja
run 0 "$AIREJSE" --db "$(as $bo)" project show 1 --format tsv
contains "$out" "aftale"

# The team may not review for the lawyer; the project lead may not
# answer the lawyer's question.
run 77 "$AIREJSE" --db "$(as $bo)" review 1 --role jurist --handoff jurist-gdpr --state acceptable
contains "$err" "airejse_jurist"
[ "$(pg_sql "$db" "SELECT count(*) FROM review")" = 1 ] || fail "a refused review was saved"
run 0 "$AIREJSE" --db "$(as $bo)" answer 1 aftale nej
run 77 "$AIREJSE" --db "$(as $lone)" answer 1 aftale ja
contains "$err" "airejse_jurist or airejse_team"
[ "$(pg_sql "$db" "SELECT value FROM answer WHERE question = 'aftale'")" = nej ] ||
	fail "a refused answer was saved"

# A login in no group reads nothing.
run 77 "$AIREJSE" --db "$(as $eve)" project list
contains "$err" "permission denied"

# The server enforces it, not only airejse: the same refusal from psql.
if psql -X -q -v ON_ERROR_STOP=1 "$(as $jens)" \
    -c "UPDATE answer SET value = 'Uden om' WHERE question = 'behov'" 2>psql.err; then
	fail "the server let the lawyer change the team's answer"
fi
contains "$(cat psql.err)" "only by a member of airejse_team"

# On SQLite, db init makes the file; a file has no logins to rule.
run 0 "$AIREJSE" --db "$PWD/fil.db" db init
contains "$out" "ingen logins"
[ -f fil.db ] || fail "db init made no file"
exit 0
