# libjansson, libyaml and libpcre2 are opened when first needed, not at
# every start: a start that reads cached content and shows text opens
# none of them, and a broken one fails only what needs it, with the
# package to install (69).
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store" AIREJSE_DB="$PWD/l.db"
run 0 "$AIREJSE" project new --journey alpha --name "Doven æøå"
run 0 "$AIREJSE" answer 1 behov "Et svar"

# The dynamic linker says which files it opens.
for cmd in "project list" "project show 1" "next 1"; do
	run 0 env LD_DEBUG=files "$AIREJSE" $cmd
	for lib in libjansson libyaml libpcre2; do
		lacks "$err" "$lib"
	done
done
run 0 env LD_DEBUG=files AIREJSE_TEST_KEYS='<dump>' "$AIREJSE"
for lib in libjansson libyaml libpcre2; do
	lacks "$err" "$lib"
done
# And what needs one opens it.
run 0 env LD_DEBUG=files "$AIREJSE" project list --format json
contains "$err" "libjansson"
run 0 env LD_DEBUG=files "$AIREJSE" search svar
contains "$err" "libpcre2"

# Broken libraries: empty files in their place.
mkdir fakelib
for so in libjansson.so.4 libjansson.so libyaml-0.so.2 libyaml.so \
    libpcre2-8.so.0 libpcre2-8.so; do
	: > "fakelib/$so"
done
broken() { env LD_LIBRARY_PATH="$PWD/fakelib" "$AIREJSE" --lang en "$@"; }
run 0 broken project list
contains "$out" "Doven æøå"
run 0 broken project show 1
run 69 broken project list --format json
contains "$err" "libjansson"
contains "$err" "install it (Debian: libjansson4)"
run 69 env LD_LIBRARY_PATH="$PWD/fakelib" "$AIREJSE" --lang da project list --format json
contains "$err" "installér det (Debian: libjansson4)"
run 69 broken search svar
contains "$err" "libpcre2-8-0"
# Content comes from the cache without libyaml; read again, it needs it.
run 0 broken journeys
run 69 env AIREJSE_CACHE=off LD_LIBRARY_PATH="$PWD/fakelib" "$AIREJSE" journeys
contains "$err" "libyaml"
# Nothing was lost on the way.
run 0 "$AIREJSE" project show 1 --format json
contains "$out" "Et svar"
