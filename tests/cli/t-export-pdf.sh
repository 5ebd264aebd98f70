# SPDX-License-Identifier: EUPL-1.2
# export as PDF: A4 pages with the project in the header and "page n of
# m" below, contents for the whole export, Danish letters as text; the
# format follows the file name, and a clash with --format is refused.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"
command -v pdftotext >/dev/null || fail "pdftotext is missing: install poppler-utils (make deps)"

A() { "$AIREJSE" --db export.db "$@"; }

run 0 A export 1 -o alt.pdf
[ "$(head -c 5 alt.pdf)" = "%PDF-" ] || fail "alt.pdf is not a PDF: $(head -c 20 alt.pdf)"
pdfinfo alt.pdf >info.txt || fail "pdfinfo cannot read alt.pdf"
grep -q "^Page size: *595.* x 841.* (A4)" info.txt || fail "not A4: $(cat info.txt)"
pages=$(sed -n 's/^Pages: *//p' info.txt)
[ "$pages" -ge 5 ] || fail "the whole export on $pages pages"
grep -q "^Title: *Ambient scribe – Kolding" info.txt || fail "title: $(cat info.txt)"
pdftotext -layout alt.pdf alt.txt
t=$(cat alt.txt)
contains "$t" "Ambient scribe – Kolding"
contains "$t" "Indhold"
contains "$t" "Indkøbstjekliste"
contains "$t" "Side 1 af $pages"
contains "$t" "Side $pages af $pages"
# The contents give each part's page: the page the part's heading is on.
p=$(grep -m 1 "^ *Indkøbstjekliste  *[0-9][0-9]*$" alt.txt | awk '{ print $NF }')
[ -n "$p" ] || fail "no page for Indkøbstjekliste in the contents"
pdftotext -f "$p" -l "$p" alt.pdf page.txt
grep -q "^Indkøbstjekliste" page.txt || fail "Indkøbstjekliste is not on page $p: $(head -20 page.txt)"
# No contents for one part; English footer in English.
run 0 A --lang en export 1 --what mdr -o mdr.PDF
pdftotext mdr.PDF mdr.txt
lacks "$(cat mdr.txt)" "Contents"
contains "$(cat mdr.txt)" "Page 1 of"
# To standard output when it is not a terminal; the same pages.
run 0 A export 1 --format pdf -o - >/dev/null
A export 1 --format pdf >out.pdf
[ "$(head -c 5 out.pdf)" = "%PDF-" ] || fail "--format pdf to a pipe is not a PDF"

# The format follows the file name; a clash, or a name that says no
# format, is a usage error and writes nothing.
run 64 A --lang en export 1 --format md -o clash.pdf
contains "$err" "disagree"
[ ! -e clash.pdf ] || fail "a clashing export was written"
run 64 A --lang en export 1 -o plan.rtf
contains "$err" "cannot tell the format"
[ ! -e plan.rtf ] || fail "plan.rtf was written as something else"
run 0 A export 1 --format html -o notes.txt
contains "$(head -c 15 notes.txt)" "<!DOCTYPE html>"
run 0 A export 1 -o plan
contains "$(head -c 2 plan)" "# "
exit 0
