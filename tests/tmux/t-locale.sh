# SPDX-License-Identifier: EUPL-1.2
# Languages and letters in a real terminal: the Danish content from the
# environment, the English with --lang, æ/ø/å typed and shown; NO_COLOR.
. "$TOP/tests/tmux/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB="$PWD/t.db"
"$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
run_tui() {
	start 80x24 "env NO_COLOR=1 LANGUAGE=$1 AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB' '$AIREJSE' $2"
}
run_tui da ""
wait_for "Prøvespor"
keys Enter Tab Enter
wait_for "Hvad hedder løsningen?"
keys "Blåbærgrød på Ærø" Enter
wait_for "Blåbærgrød på Ærø"
keys Q
wait_gone
"$AIREJSE" project show 1 --format json | grep -q 'Blåbærgrød på Ærø' || fail "the answer was not saved"
run_tui da "--lang en"
wait_for "Test track"
keys Q
wait_gone
# A locale that is not UTF-8: said once, and the letters still work.
start 80x24 "env LANG=da_DK.ISO-8859-1 AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB' '$AIREJSE' --lang en"
wait_for "is not UTF-8"
keys Enter Tab Enter C-u "Rødgrød" Enter
wait_for "Rødgrød"
keys Q
wait_gone
exit 0
