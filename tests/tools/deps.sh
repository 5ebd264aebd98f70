#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Makes sure what `make check` and `make run` need is here. Each need is
# looked for as itself (a command, a pkg-config module, a Python module, a
# file), not asked of a package manager, so a machine that has it all
# (Debian or not, with or without dpkg) installs nothing. What is missing
# is installed from Debian's package of that line: root runs apt-get;
# others use sudo when it works without a password; otherwise, or without
# apt-get, it prints what is missing and the command, and fails.
#
#   sh tests/tools/deps.sh        (make deps; check, check-asan and run)
set -u

# One need a line: the Debian package, then how to see it is here:
# cmd:NAME on PATH, pc:MODULE known to pkg-config, py:MODULE importable
# by Debian's Python, file:PATH present (or a file the pattern PATH
# matches), lib:NAME a library in /usr/lib's folders.
needs='
gcc			cmd:gcc
make			cmd:make
pkg-config		cmd:pkg-config
gettext			cmd:msgfmt
libncurses-dev		pc:ncursesw
libyaml-dev		pc:yaml-0.1
libsqlite3-dev		pc:sqlite3
libpcre2-dev		pc:libpcre2-8
libjansson-dev		pc:jansson
libxlsxwriter-dev	pc:xlsxwriter
libutf8proc-dev		pc:libutf8proc
libxxhash-dev		pc:libxxhash
check			pc:check
mandoc			cmd:mandoc
sqlite3			cmd:sqlite3
tmux			cmd:tmux
unzip			cmd:unzip
libnss-wrapper		lib:libnss_wrapper.so
chromium		cmd:chromium
chromium-driver		cmd:chromedriver
python3-selenium	py:selenium
libcairo2-dev		pc:cairo
libpango1.0-dev		pc:pangocairo
fonts-dejavu-core	file:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
poppler-utils		cmd:pdftotext
pandoc			cmd:pandoc
libpq-dev		pc:libpq
postgresql		file:/usr/lib/postgresql/*/bin/initdb
pgbouncer		file:/usr/sbin/pgbouncer
'

python=/usr/bin/python3
[ -x "$python" ] || python=python3

has() {
	case $1 in
	cmd:*) command -v "${1#cmd:}" >/dev/null 2>&1 ;;
	pc:*) command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "${1#pc:}" ;;
	py:*) "$python" -c "import ${1#py:}" >/dev/null 2>&1 ;;
	file:*) for f in ${1#file:}; do	# a pattern: any one will do
			[ -e "$f" ] && return 0
		done
		return 1 ;;
	lib:*) for l in /usr/lib/*/"${1#lib:}" /usr/lib/"${1#lib:}" /usr/lib64/"${1#lib:}"; do
			[ -e "$l" ] && return 0
		done
		return 1 ;;
	*) echo "deps.sh: unknown kind of need: $1" >&2; return 1 ;;
	esac
}

# Each need as PACKAGE=PROBE.
each() {
	printf '%s\n' "$needs" | awk 'NF == 2 { print $1 "=" $2 }'
}

missing=
for need in $(each); do
	has "${need#*=}" || missing="$missing ${need%%=*}"
done
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "airejse: missing:$missing (Debian's names): this is not a Debian system, so install their equivalents by hand" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	runner=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	runner="sudo -n"
else
	echo "airejse: missing packages:$missing" >&2
	echo "airejse: run this as root, then try again:" >&2
	echo "    apt-get update && $cmd" >&2
	exit 1
fi

echo "airejse: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet: read them when the first try
# fails, then try again.
$runner apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 ||
	{ $runner apt-get update -q >/dev/null &&
	  $runner apt-get install -y -q --no-install-recommends $missing; } || exit 1

# A package that installs but does not give its need would be installed
# again on every run: say so once, here.
still=
for need in $(each); do
	has "${need#*=}" || still="$still ${need%%=*} (${need#*=})"
done
[ -z "$still" ] || { echo "airejse: installed, yet still not found:$still" >&2; exit 1; }
