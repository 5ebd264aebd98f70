# SPDX-License-Identifier: EUPL-1.2
# project new|list|show|rename|delete, and where the database goes.
# (Archiving, restoring and purging in detail: t-archive.sh.)
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"

# The default database: created on first use, private; a command that
# only reads makes none (issue 20, point 5).
db="$HOME/.local/share/airejse/airejse.db"
run 66 "$AIREJSE" --lang en project list
contains "$err" "there is no database at $db"
[ ! -e "$db" ] || fail "project list made a database at $db"
run 66 "$AIREJSE" --lang en project show 1
run 66 "$AIREJSE" --lang en export 1 --format json
[ ! -e "$db" ] || fail "a reading command made a database at $db"
run 0 "$AIREJSE" project new --journey alpha --name "Første"
run 0 "$AIREJSE" project delete 1 --yes
run 0 "$AIREJSE" --lang en project list
contains "$out" "No projects yet"
[ -f "$db" ] || fail "no database at $db"
[ "$(stat -c %a "$db")" = 600 ] || fail "database mode $(stat -c %a "$db")"
[ "$(stat -c %a "$HOME/.local/share/airejse")" = 700 ] || fail "folder mode"
[ "$(stat -c %a "$HOME/.local/share")" = 700 ] || fail "parent folder mode"

# XDG_DATA_HOME, AIREJSE_DB and --db choose others; missing folders are made 0700.
XDG_DATA_HOME="$PWD/xdg" run 0 "$AIREJSE" project new --journey alpha --name X
[ -f xdg/airejse/airejse.db ] || fail "XDG_DATA_HOME not used"
AIREJSE_DB="$PWD/env.db" run 0 "$AIREJSE" project new --journey alpha --name X
[ -f env.db ] || fail "AIREJSE_DB not used"
run 0 "$AIREJSE" --db "$PWD/deep/er/a.db" project new --journey alpha --name X
[ "$(stat -c %a deep)" = 700 ] && [ "$(stat -c %a deep/er)" = 700 ] || fail "folders not 0700"
[ "$(stat -c %a deep/er/a.db)" = 600 ] || fail "file not 0600"

export AIREJSE_DB="$PWD/p.db"
run 0 "$AIREJSE" project new --journey alpha,beta --name "  Ærø – øjenklinik  "
[ "$out" = 1 ] || fail "project new printed '$out'"
run 0 "$AIREJSE" project new --name Anden --journey beta
[ "$out" = 2 ] || fail "second id '$out'"

# Refused: a name taken, no name, a track that does not exist, bad text.
run 65 "$AIREJSE" --lang en project new --journey alpha --name "Ærø – øjenklinik"
contains "$err" "already a project named"
run 64 "$AIREJSE" project new --journey alpha
contains "$err" "--name"
run 64 "$AIREJSE" project new --name X
run 65 "$AIREJSE" --lang en project new --journey gamma --name X
contains "$err" "no track 'gamma'"
run 65 "$AIREJSE" project new --journey alpha,alpha --name X
run 65 "$AIREJSE" project new --journey alpha --name "$(printf 'to\nlinjer')"
run 65 "$AIREJSE" project new --journey alpha --name "$(printf 'bad \377')"
contains "$err" "UTF-8"
run 65 "$AIREJSE" project new --journey alpha --name "$(printf '%0201d' 0)"
run 64 "$AIREJSE" project frobnicate
run 64 "$AIREJSE" project

run 0 "$AIREJSE" project list
contains "$out" "Ærø – øjenklinik"
contains "$out" "alpha 0/3, beta 0/1"
run 0 "$AIREJSE" project list --format tsv
contains "$out" "$(printf 'id\tname\ttracks\tprogress\topen_handoffs\tcreated\tchanged')"
contains "$out" "$(printf '1\tÆrø – øjenklinik\talpha,beta\t0/3,0/1\t0\t')"
run 0 "$AIREJSE" project list --format json
contains "$out" '"name": "Ærø – øjenklinik"'
contains "$out" '"applicable": 3'

# show: by id or exact name; every question that applies, with its answer.
run 0 "$AIREJSE" answer 1 behov "Mindre ventetid"
run 0 "$AIREJSE" --lang en project show "Ærø – øjenklinik"
contains "$out" "Ærø – øjenklinik (project 1)"
contains "$out" "behov: Mindre ventetid"
lacks "$out" "aftale:"
run 0 "$AIREJSE" project show 1 --format tsv
contains "$out" "$(printf 'track\tstep\tstatus\tquestion\ttype\tkind\tvalue\trevision')"
contains "$out" "$(printf 'alpha\ts1\tin-progress\tbehov\ttext\tvalue\tMindre ventetid\t1')"
contains "$out" "$(printf 'beta\tb1\tin-progress\tbehov\ttext\tvalue\tMindre ventetid\t1')"
run 0 "$AIREJSE" project show 1 --format json
contains "$out" '"id": "behov"'
contains "$out" '"type": "text"'
contains "$out" '"title": "Hvad er behovet?"'
contains "$out" '"value": "Mindre ventetid"'
contains "$out" '"revision": 1'
lacks "$out" '"id": "aftale"'
run 0 "$AIREJSE" --lang en project show 1 --format json
contains "$out" '"title": "What is the need?"'
run 66 "$AIREJSE" --lang en project show 99
contains "$err" "no project '99'"
run 66 "$AIREJSE" project show "ærø – øjenklinik"
run 64 "$AIREJSE" project show 1 --format xml

run 0 "$AIREJSE" project rename 1 "Øre, næse og hals"
run 0 "$AIREJSE" project show "Øre, næse og hals"
run 65 "$AIREJSE" project rename 2 "Øre, næse og hals"
run 65 "$AIREJSE" project rename 2 ""

# delete archives: the project leaves the list and is kept whole; it
# does not ask (nothing is lost) and takes the old --yes.
run 0 "$AIREJSE" project delete 2 </dev/null
contains "$err" "project restore 2"
run 0 "$AIREJSE" project list --format tsv
lacks "$out" "Anden"
run 0 "$AIREJSE" project show 2
run 0 "$AIREJSE" project list --archived --format tsv
contains "$out" "2	Anden"
exit 0
