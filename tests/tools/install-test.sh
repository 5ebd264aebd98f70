#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# After a plain make, `make install PREFIX=/usr` into a scratch DESTDIR:
# everything lands, the installed program looks for its content under
# /usr/share/airejse (not where the plain make pointed it) and finds its
# content and catalogues when pointed into the DESTDIR. It builds in a
# copy of the build folder $B, beside links to the sources, so that the
# build under test is left as it was and only what PREFIX touches is
# rebuilt.
set -eu
make="${MAKE:-make} --no-print-directory -s"
B=${B:-build} BIN=${BIN:-airejse} VERSION=${VERSION:-0.1.0}
top=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/airejse-install-XXXXXX")
trap 'rm -rf "$work"' EXIT
tree=$work/tree dest=$work/dest
mkdir "$tree"
for f in Makefile LICENSE src include journeys checklists locale man data; do
	ln -s "$top/$f" "$tree/$f"
done
cp -pR "$B" "$tree/$B"
[ -e "$tree/$BIN" ] || cp -p "$BIN" "$tree/$BIN"
rm -f "$tree/$B/config.mk"

cd "$tree"
$make VERSION="$VERSION" all
$make VERSION="$VERSION" install PREFIX=/usr DESTDIR="$dest" >/dev/null
grep -q '^PREFIX = /usr$' "$B/config.mk" ||
	{ echo "install: PREFIX=/usr is not recorded in $B/config.mk"; exit 1; }
cd "$work"

p="$dest/usr"
for f in bin/airejse share/airejse/journeys share/man/man1/airejse.1 \
    share/man/man5/airejse-content.5 share/locale/da/LC_MESSAGES/airejse.mo \
    share/doc/airejse/LICENSE share/airejse/pandoc/reference.docx \
    share/airejse/pandoc/tables.lua share/airejse/pandoc/airejse.opendocument; do
	[ -e "$p/$f" ] || { echo "install: $f is missing"; exit 1; }
done
grep -q '@VERSION@' "$p/share/man/man1/airejse.1" && { echo "install: version not filled in"; exit 1; }

# Left to itself, it reads /usr/share/airejse (which this machine lacks,
# unless airejse is installed there for real).
if [ ! -d /usr/share/airejse ]; then
	rc=0
	out=$(unset AIREJSE_CONTENT AIREJSE_LOCALEDIR; "$p/bin/airejse" --lang en validate 2>&1) || rc=$?
	[ "$rc" -eq 66 ] && case $out in *"/usr/share/airejse"*) true ;; *) false ;; esac ||
		{ echo "install: the installed program does not look in /usr/share/airejse (exit $rc): $out"; exit 1; }
fi
grep -q /usr/local/share "$p/bin/airejse" && { echo "install: the program still has /usr/local/share"; exit 1; }

# Its warnings about the content are for validate's own tests to read.
out=$(AIREJSE_CONTENT="$p/share/airejse" AIREJSE_LOCALEDIR="$p/share/locale" \
    "$p/bin/airejse" validate 2>&1) || { printf '%s\n' "$out"; echo "install: validate failed"; exit 1; }
AIREJSE_CONTENT="$p/share/airejse" AIREJSE_LOCALEDIR="$p/share/locale" \
    "$p/bin/airejse" --lang da --help | grep -q '^Kommandoer:' ||
	{ echo "install: the installed Danish catalogue is not read"; exit 1; }

(cd "$tree" && $make VERSION="$VERSION" uninstall PREFIX=/usr DESTDIR="$dest" >/dev/null)
[ ! -e "$p/bin/airejse" ] || { echo "uninstall left the program"; exit 1; }
echo "install test: ok"
