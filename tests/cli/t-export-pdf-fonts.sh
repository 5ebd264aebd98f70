# SPDX-License-Identifier: EUPL-1.2
# The PDF is set in its own fonts (DejaVu Sans), found without
# fontconfig's set-up of every installed font: it is the same with a
# fontconfig that knows no fonts at all. Text those fonts lack (here an
# arc, which only DejaVu Sans Mono has) makes it begin again with every
# installed font: the character is there, and the file is one PDF.
. "$TOP/tests/cli/lib.sh"
command -v pdffonts >/dev/null || fail "pdffonts is missing: install poppler-utils (make deps)"

. "$TOP/tests/cli/pinned.sh"
A() { "$AIREJSE" --db f.db --lang da "$@"; }

run 0 A project new --journey faerdigt-produkt --name "Skånsk tale – Ærø"
# A fontconfig without a single font.
cat > fonts.conf <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig></fontconfig>
EOF
FONTCONFIG_FILE=$PWD/fonts.conf run 0 A export 1 --what business-case -o own.pdf
pdffonts own.pdf > fonts.txt
grep -q '+DejaVuSans ' fonts.txt || fail "the PDF is not in DejaVu Sans: $(cat fonts.txt)"
grep -q '+DejaVuSans-Bold ' fonts.txt || fail "no DejaVu Sans Bold: $(cat fonts.txt)"
pdftotext own.pdf own.txt
contains "$(cat own.txt)" "Business case – Skånsk tale – Ærø"

# A character DejaVu Sans lacks.
run 0 A project new --journey faerdigt-produkt --name "Bue ⌒ over Åen"
run 0 A export 2 --what business-case -o arc.pdf
pdftotext arc.pdf arc.txt
contains "$(cat arc.txt)" "Bue ⌒ over Åen"
[ "$(grep -c '%%EOF' arc.pdf)" = 1 ] || fail "arc.pdf holds more than one PDF"
pdffonts arc.pdf | grep -q '+DejaVuSansMono' ||
	fail "the arc is not in a font that has it: $(pdffonts arc.pdf)"
exit 0
