# SPDX-License-Identifier: EUPL-1.2
# The terminal program on the real content (no golden screens: the
# content is still being written): every screen opens, an answer is
# saved, nothing crashes, and each screen fits 80x24 and 40x12.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_DB="$PWD/t.db" AIREJSE_CONTENT="$TOP"
run 0 "$AIREJSE" project new --journey faerdigt-produkt,rsd-indkoeb --name "Ambient scribe – Kolding"
keys='<Enter><Tab><Enter>Travle ambulatorier på OUH<Enter><dump>j<Enter><Esc>jv<dump>H<dump>q/jurist|GDPR<Enter><dump><Enter>t<dump>?<dump>qg<dump>qe<dump>qL<dump>q<resize 40x12><dump>p<dump>'
AIREJSE_TEST_KEYS=$keys AIREJSE_TEST_SCREEN=screen "$AIREJSE" >out.txt 2>err.txt ||
	fail "the terminal program failed: $(cat err.txt)"
screen=$(cat screen)
contains "$screen" "Ambient scribe – Kolding"
contains "$screen" "Travle ambulatorier på OUH"
contains "$screen" "Søgning \"jurist|GDPR\""
lacks "$screen" "for lille"
run 0 "$AIREJSE" project show 1 --format json
contains "$out" "Travle ambulatorier på OUH"

# A test screen that cannot be written ends the run with 74 and says why
# (the terminal program returns its status; it does not exit).
AIREJSE_TEST_KEYS=q AIREJSE_TEST_SCREEN="$PWD/no/such/dir/screen" \
	run 74 "$AIREJSE" --lang en
contains "$err" "cannot write the test screen"
exit 0
