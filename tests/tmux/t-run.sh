# SPDX-License-Identifier: EUPL-1.2
# make run says what it did: before the program, that it rebuilt the
# sample database and where, your own untouched; after it, where that
# was and how to open the program on your own database.
. "$TOP/tests/tmux/lib.sh"
# The build folder and program of the build under test (make check's
# or make check-asan's), so make run builds nothing more.
case $AIREJSE in
"$TOP"/airejse) b=build bin=airejse ;;
*) bin=${AIREJSE#"$TOP"/} b=${bin%/airejse} ;;
esac
start 100x30 "cd '$TOP' && make --no-print-directory run B=$b BIN=$bin; echo make-run-ended; sleep 60"
# The sample is made with the real commands: give it time.
i=0
until screen | grep -qF "Projects: 2 projects" || screen | grep -qF "Projekter: 2 projekter"; do
	[ $i -lt 600 ] || fail "make run did not open the program: $(screen)"
	sleep 0.1
	i=$((i + 1))
done
keys q
wait_for make-run-ended
screen >out.txt
grep -qF "make run: rebuilt the sample database $b/sample.db from scratch" out.txt ||
    fail "make run did not say what it rebuilt: $(cat out.txt)"
grep -qF "your own database is not touched" out.txt || fail "no word of your own database"
grep -qF "make run: that was the sample database $TOP/$b/sample.db" out.txt ||
    fail "make run did not say afterwards which database that was: $(cat out.txt)"
grep -qF "On your own database: ./$bin" out.txt || fail "no way to your own database"
# Before, then after.
before=$(grep -nF "rebuilt the sample database" out.txt | cut -d: -f1)
after=$(grep -nF "that was the sample database" out.txt | cut -d: -f1)
[ "$before" -lt "$after" ] || fail "the messages are out of order: $(cat out.txt)"
exit 0
