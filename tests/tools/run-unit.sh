#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Runs each unit test program; prints a summary and fails if any failed.
# Run from the top of the source tree.
fail=0
for t in "$@"; do
	if out=$("$t" 2>&1); then
		printf '%s\n' "$out" | tail -n 1 | sed "s|^|$(basename "$t"): |"
	else
		printf '%s\n' "$out"
		echo "FAIL: $t"
		fail=1
	fi
done
exit $fail
