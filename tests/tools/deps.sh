#!/bin/sh
# Install the Debian packages airejse needs to build and test, when missing.
# Root runs apt-get; others use sudo when it works without a password;
# otherwise print the exact command and fail, so the user knows what to do.
set -u

pkgs="gcc make pkg-config gettext libncurses-dev libyaml-dev libsqlite3-dev
libpcre2-dev libjansson-dev libxlsxwriter-dev libutf8proc-dev libxxhash-dev check
mandoc sqlite3 tmux unzip libnss-wrapper chromium chromium-driver python3-selenium"

missing=
for p in $pkgs; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$st" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "airejse: missing packages:$missing: this is not a Debian system, so install their equivalents by hand" >&2
	exit 1
fi

cmd="apt-get install -y --no-install-recommends$missing"
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
$runner apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 ||
	{ $runner apt-get update -q >/dev/null && $runner apt-get install -y -q --no-install-recommends $missing; }
