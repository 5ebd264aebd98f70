#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Lints the manual pages; any warning fails the check.
st=0
for m in "$@"; do
	out=$(mandoc -Tlint -W warning "$m" 2>&1)
	if [ -n "$out" ]; then
		printf '%s\n' "$out"
		st=1
	fi
done
exit $st
