# SPDX-License-Identifier: EUPL-1.2
# The libraries are linked, so the dynamic linker and Debian's packaging
# tools (dpkg-shlibdeps reads the same list) see them; libxlsxwriter is
# opened at run time, by the xlsx export (t-hostile.sh), and libpq by a
# PostgreSQL database (tests/pg/): each brings OpenSSL with it.
. "$TOP/tests/cli/lib.sh"
command -v ldd >/dev/null || { echo "skip: no ldd"; exit 0; }
libs=$(ldd "$AIREJSE") || fail "ldd $AIREJSE failed"
for lib in libyaml libjansson libpcre2-8 libsqlite3 libncursesw libutf8proc; do
	contains "$libs" "$lib"
done
lacks "$libs" "libxlsxwriter"
lacks "$libs" "libpq"
lacks "$libs" "libcrypto"
