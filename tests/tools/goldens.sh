#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Regenerates the golden export files in tests/golden/export from the
# fixture, in the same pinned environment as the tests. Review the diff
# (git diff tests/golden) before committing it.
: "${AIREJSE:?set AIREJSE to the program}"
top=$(pwd)
. "$top/tests/tools/account.sh"
dir=$(mktemp -d "${TMPDIR:-/tmp}/airejse-goldens-XXXXXX")
mkdir -p "$dir/home" "$top/tests/golden/export"
account_setup "$dir" || exit 1
(cd "$dir" && env -i $account_env PATH="$PATH" HOME="$dir/home" TMPDIR="$dir" TERM=dumb TZ=UTC \
    LANG=C.UTF-8 USER=tester AIREJSE="$AIREJSE" TOP="$top" AIREJSE_UPDATE_GOLDEN=1 \
    sh "$top/tests/cli/t-export-golden.sh") || { echo "goldens: failed (left in $dir)"; exit 1; }
rm -rf "$dir"
echo "goldens: written to tests/golden/export; review them with 'git diff tests/golden'"
