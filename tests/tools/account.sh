# SPDX-License-Identifier: EUPL-1.2
# Sourced by the test runners: pins the operating-system account the
# program under test sees (it records it in the history beside the user's
# name) to "tester", whoever runs the tests, through nss_wrapper (Debian
# libnss-wrapper), so that screens and outputs are the same on every
# machine. account_setup DIR writes DIR/passwd and DIR/group and sets
# account_env to the variables to pass on.
account_setup() {
	account_lib=
	for l in /usr/lib/*/libnss_wrapper.so /usr/lib/libnss_wrapper.so /usr/lib64/libnss_wrapper.so; do
		[ -f "$l" ] && account_lib=$l && break
	done
	if [ -z "$account_lib" ]; then
		echo "airejse tests: libnss_wrapper.so is missing: install Debian's libnss-wrapper (make deps)" >&2
		return 1
	fi
	printf 'tester:x:%s:%s:Tester:%s/home:/bin/sh\n' "$(id -u)" "$(id -g)" "$1" >"$1/passwd"
	printf 'tester:x:%s:\n' "$(id -g)" >"$1/group"
	# ASan wants its runtime first; nss_wrapper comes before it here.
	account_env="LD_PRELOAD=$account_lib NSS_WRAPPER_PASSWD=$1/passwd NSS_WRAPPER_GROUP=$1/group"
}
