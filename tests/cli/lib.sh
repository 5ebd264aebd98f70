# SPDX-License-Identifier: EUPL-1.2
# Shared helpers for the shell tests (sourced; $AIREJSE and $TOP are set).
set -u

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run EXPECTED_STATUS CMD... : runs CMD, keeps stdout in $out and stderr
# in $err, and fails unless it exits with EXPECTED_STATUS.
run() {
	want=$1
	shift
	"$@" >out.txt 2>err.txt
	st=$?
	out=$(cat out.txt)
	err=$(cat err.txt)
	if [ "$st" -ne "$want" ]; then
		echo "command: $*" >&2
		echo "stdout: $out" >&2
		echo "stderr: $err" >&2
		fail "exit status $st, expected $want"
	fi
}

# contains HAYSTACK NEEDLE
contains() {
	case "$1" in
	*"$2"*) ;;
	*) fail "expected to find '$2' in: $1" ;;
	esac
}

lacks() {
	case "$1" in
	*"$2"*) fail "did not expect '$2' in: $1" ;;
	esac
}
