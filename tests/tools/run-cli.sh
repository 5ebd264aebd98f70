#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Runs the shell tests of the command line, each in a fresh, pinned
# environment. $AIREJSE is the program under test.
: "${AIREJSE:?set AIREJSE to the program}"
top=$(pwd)
. "$top/tests/tools/account.sh"
fail=0
pass=0
for t in "$@"; do
	dir=$(mktemp -d "${TMPDIR:-/tmp}/airejse-cli-XXXXXX")
	mkdir -p "$dir/home"
	account_setup "$dir" || exit 1
	if out=$(cd "$dir" && env -i $account_env PATH="$PATH" HOME="$dir/home" TMPDIR="$dir" \
	    TERM=dumb TZ=UTC LANG=C.UTF-8 USER=tester AIREJSE="$AIREJSE" AIREJSE_SITE_CONFIG= \
	    TOP="$top" VALUEREAD="${VALUEREAD:-}" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	    LSAN_OPTIONS="suppressions=$top/tests/tools/lsan.supp:print_suppressions=0" \
	    AIREJSE_TEST_STORE="${AIREJSE_TEST_STORE:-}" AIREJSE_TEST_PG="${AIREJSE_TEST_PG:-}" \
	    AIREJSE_TEST_POOLER="${AIREJSE_TEST_POOLER:-}" AIREJSE_TEST_VIA_POOLER="${AIREJSE_TEST_VIA_POOLER:-}" \
	    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}" \
	    sh "$top/$t" 2>&1); then
		pass=$((pass + 1))
		rm -rf "$dir"
	else
		printf '%s\n' "$out" | tail -n 40
		echo "FAIL: $t (left in $dir)"
		fail=$((fail + 1))
	fi
done
echo "cli tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
