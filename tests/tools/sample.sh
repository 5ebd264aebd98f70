#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Builds the sample database for `make run` from scratch: the two projects
# of tests/cli/export-fixture.sh ("Ambient scribe – Kolding" part-way
# through faerdigt-produkt and rsd-indkoeb with a raised and a sent
# hand-off, and "AI-indtegning af organer (prostata)" part-way through
# ny-ide), made with the real commands on the real content. One script
# serves the export goldens and the sample, so a newcomer sees the very
# projects the manual's exports come from.
# Usage: sample.sh AIREJSE DB (from the top of the source tree).
set -eu
AIREJSE=${1:?usage: sample.sh AIREJSE DB}
db=${2:?usage: sample.sh AIREJSE DB}
top=$(pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/airejse-sample-XXXXXX")
trap 'rm -rf "$dir"' EXIT
rm -f "$db" "$db-wal" "$db-shm"
mkdir -p "$(dirname "$db")"
(cd "$dir" && HOME="$dir" TOP="$top" AIREJSE="$AIREJSE" . "$top/tests/cli/export-fixture.sh")
# The backup is one whole file, without a journal beside it.
"$AIREJSE" --db "$dir/export.db" backup "$db"
echo "sample: $db"
