#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Screen tests of the terminal program (tig-style): each tests/tui/NAME.keys
# is a key script (see AIREJSE_TEST_KEYS in airejse(1); lines starting
# with # are comments). The program runs in its test mode on a virtual
# 80x24 screen over the fixture content in tests/tui/content, and the
# screens it dumps are compared with NAME.expect. NAME.setup (optional)
# is sourced first: it can make projects with $AIREJSE and set ARGS, the
# program's options. NAME.after (optional) runs after, e.g. to check that
# the command line shows the same answers.
#
#   run-tui.sh [--regen] tests/tui/NAME.keys...
#
# --regen writes the screens to the NAME.expect files instead: do that on
# purpose, then read the diff.
: "${AIREJSE:?set AIREJSE to the program}"
regen=0
if [ "${1:-}" = --regen ]; then
	regen=1
	shift
fi
top=$(pwd)
. "$top/tests/tools/account.sh"
fail=0
pass=0
for k in "$@"; do
	name=${k%.keys}
	dir=$(mktemp -d "${TMPDIR:-/tmp}/airejse-tui-XXXXXX")
	mkdir -p "$dir/home"
	account_setup "$dir" || exit 1
	sed '/^#/d' "$k" >"$dir/keys"
	if out=$(cd "$dir" && env -i $account_env PATH="$PATH" HOME="$dir/home" TMPDIR="$dir" \
	    TERM=dumb TZ=UTC LANG=C.UTF-8 USER=tester LINES=24 COLUMNS=80 AIREJSE_SITE_CONFIG= \
	    AIREJSE="$AIREJSE" TOP="$top" AIREJSE_NOW=2026-11-23T10:00:00Z \
	    AIREJSE_CONTENT="$top/tests/tui/content" AIREJSE_DB="$dir/t.db" \
	    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	    LSAN_OPTIONS="suppressions=$top/tests/tools/lsan.supp:print_suppressions=0" \
	    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}" \
	    NAME="$top/$name" sh -c '
		set -e
		ARGS=
		[ -f "$NAME.setup" ] && . "$NAME.setup"
		AIREJSE_TEST_KEYS=$(cat keys) AIREJSE_TEST_SCREEN=screen \
		    "$AIREJSE" $ARGS
		if [ -f "$NAME.after" ]; then . "$NAME.after"; fi
	    ' 2>&1); then
		if [ "$regen" -eq 1 ]; then
			cp "$dir/screen" "$name.expect"
			pass=$((pass + 1))
			rm -rf "$dir"
		elif diff -u "$name.expect" "$dir/screen" >"$dir/diff"; then
			pass=$((pass + 1))
			rm -rf "$dir"
		else
			head -n 60 "$dir/diff"
			echo "FAIL: $k: the screen differs (left in $dir; regenerate on purpose with make tui-golden)"
			fail=$((fail + 1))
		fi
	else
		printf '%s\n' "$out" | tail -n 30
		echo "FAIL: $k (left in $dir)"
		fail=$((fail + 1))
	fi
done
echo "tui tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
