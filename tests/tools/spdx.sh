#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Every source file names its licence in its first lines (the second,
# after a #! line): C and headers, scripts, the Makefile, the content's
# YAML, the manual pages. Prints each file without it and fails; with
# --add, writes the line into each such file instead.
#
#   sh tests/tools/spdx.sh [--add]    (from the top of the tree; make check)
set -eu
id='SPDX-License-Identifier: EUPL-1.2'
add=
[ "${1:-}" != --add ] || add=1

# The tracked files in a git checkout, else every file but the builds'.
if [ -e .git ] && files=$(git ls-files 2>/dev/null); then
	:
else
	files=$(find . \( -name .git -o -name 'build*' \) -prune -o -type f -print | sed 's#^\./##')
fi

# The kind of comment a source file takes (c, man or sh) in k; none for
# goldens, fuzz inputs, frozen databases, fixtures, translations, prose.
kind() {
	case $1 in
	tests/golden/*|tests/data/*|tests/tui/content/*|tests/fuzz/*/*) k= ;;
	*.c|*.h|*.js|*.css) k=c ;;
	man/*.[1-9]) k=man ;;
	*.sh|*.py|*.yaml|*.setup|Makefile|.ci/*) k=sh ;;
	*) k= ;;
	esac
}
list=$(for f in $files; do kind "$f"; [ -z "$k" ] || echo "$f"; done)

# The files whose first two lines lack the identifier.
lacking=$(printf '%s\n' "$list" | xargs awk -v id="$id" '
	FNR == 1 { seen[FILENAME] = 0; order[++n] = FILENAME }
	index($0, id) { seen[FILENAME] = 1 }
	FNR >= 2 { nextfile }
	END { for (i = 1; i <= n; i++) if (!seen[order[i]]) print order[i] }')
[ -n "$lacking" ] || exit 0

if [ -z "$add" ]; then
	for f in $lacking; do
		echo "spdx: $f does not begin with '$id' (sh tests/tools/spdx.sh --add writes it)"
	done
	exit 1
fi
for f in $lacking; do
	kind "$f"
	case $k in
	c) c="/* $id */" ;;
	man) c='.\" '"$id" ;;
	*) c="# $id" ;;
	esac
	# Written back into the same file, so that it keeps its mode.
	c="$c" awk 'FNR == 1 && /^#!/ { print; print ENVIRON["c"]; next }
		FNR == 1 { print ENVIRON["c"] } { print }' "$f" >"$f.spdx"
	cat "$f.spdx" >"$f"
	rm "$f.spdx"
	echo "spdx: added to $f"
done
