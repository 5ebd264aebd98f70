#!/bin/sh
# Installs into a scratch DESTDIR and checks that everything landed and
# that the installed program reads its installed content and manuals.
set -eu
make=${MAKE:-make}
dest=$(mktemp -d "${TMPDIR:-/tmp}/airejse-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT
$make --no-print-directory -s install DESTDIR="$dest" PREFIX=/usr/local >/dev/null
p="$dest/usr/local"
for f in bin/airejse share/airejse/journeys share/man/man1/airejse.1 \
    share/man/man5/airejse-content.5 share/locale/da/LC_MESSAGES/airejse.mo; do
	[ -e "$p/$f" ] || { echo "install: $f is missing"; exit 1; }
done
grep -q '@VERSION@' "$p/share/man/man1/airejse.1" && { echo "install: version not filled in"; exit 1; }
AIREJSE_CONTENT="$p/share/airejse" AIREJSE_LOCALEDIR="$p/share/locale" \
    "$p/bin/airejse" validate >/dev/null
$make --no-print-directory -s uninstall DESTDIR="$dest" PREFIX=/usr/local >/dev/null
[ ! -e "$p/bin/airejse" ] || { echo "uninstall left the program"; exit 1; }
echo "install test: ok"
