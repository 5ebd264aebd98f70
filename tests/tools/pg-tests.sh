#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The tests on PostgreSQL, run by make check beside a private server
# (tests/tools/with-pg.sh sets $AIREJSE_TEST_PG): the store's unit tests
# and the command-line and terminal tests that work on a store, with the
# store chosen by AIREJSE_TEST_STORE=pg, then the server's own tests
# (tests/pg/), then some again through the pooler with-pg.sh starts. B
# is the build folder; $AIREJSE the program.
set -u
: "${AIREJSE_TEST_PG:?run under tests/tools/with-pg.sh}"
B=${1:-build}
fail=0
AIREJSE_TEST_STORE=pg
export AIREJSE_TEST_STORE
sh tests/tools/run-unit.sh "$B/tests/test_store" || fail=1
sh tests/tools/run-cli.sh tests/cli/t-answer.sh tests/cli/t-conflict.sh \
    tests/cli/t-handoff.sh tests/cli/t-search.sh tests/cli/t-plain.sh || fail=1
# Screens following another process's changes: the server's notices.
sh tests/tools/run-cli.sh tests/tmux/t-live.sh tests/tmux/t-live-keep.sh || fail=1
sh tests/tools/run-cli.sh tests/pg/t-*.sh || fail=1
# Saves, conflicts and a screen following changes (LISTEN) through
# PgBouncer pooling sessions ($AIREJSE_TEST_POOLER).
AIREJSE_TEST_VIA_POOLER=1 sh tests/tools/run-cli.sh tests/cli/t-answer.sh \
    tests/cli/t-conflict.sh tests/tmux/t-live.sh || fail=1
exit $fail
