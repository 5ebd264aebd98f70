# SPDX-License-Identifier: EUPL-1.2
# export as docx and odt through pandoc: the export's title is the
# document's title and each part a Heading 1 a reader can navigate by,
# the text as the HTML has it (hostile text stays text), file names
# never seen by a shell; without pandoc, exit 69 naming the package and
# nothing written. The text of each file is compared with its golden in
# t-export-golden.sh.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"
command -v pandoc >/dev/null || fail "pandoc is missing: install it (make deps)"

A() { "$AIREJSE" --db export.db "$@"; }

run 0 A export 1 -o all.docx
unzip -t all.docx >/dev/null || fail "all.docx is not a valid zip file"
doc=$(unzip -p all.docx word/document.xml)
# One title, a Heading 1 per part (six of them) and for the cover's
# counts by state and legend, sections below.
[ "$(echo "$doc" | grep -o '<w:pStyle w:val="Title" />' | wc -l)" -eq 1 ] || fail "not one title"
h1=$(echo "$doc" | grep -o '<w:pStyle w:val="Heading1" />' | wc -l)
[ "$h1" -eq 8 ] || fail "$h1 parts as Heading 1, expected 8"
echo "$doc" | grep -q '<w:pStyle w:val="Heading2" />' || fail "no Heading 2"
contains "$(unzip -p all.docx word/styles.xml)" 'w:val="da-DK"'
# The headings as pandoc reads them back: parts and their sections.
pandoc -t markdown all.docx | grep '^#' >heads.txt
grep -q '^# Indkøbstjekliste$' heads.txt || fail "no part heading: $(cat heads.txt)"
grep -q '^## ' heads.txt || fail "no section headings: $(cat heads.txt)"

run 0 A --lang en export 1 --what ai-act -o act.odt
[ "$(unzip -p act.odt mimetype)" = application/vnd.oasis.opendocument.text ] ||
	fail "act.odt is not OpenDocument text"
odt=$(unzip -p act.odt content.xml)
contains "$odt" 'text:outline-level="1"'
contains "$odt" 'text:outline-level="2"'
contains "$(pandoc -s -t plain act.odt)" "AI Act – deployer checklist"
# --format docx to a pipe, and a clash with the name.
A export 1 --what mdr --format docx >piped.docx || fail "docx to a pipe failed"
unzip -t piped.docx >/dev/null || fail "piped docx is not a valid zip file"
run 64 A export 1 --format odt -o clash.docx
[ ! -e clash.docx ] || fail "a clashing export was written"

# Hostile text stays text, and a name a shell would read is just a name.
run 0 A project new --journey faerdigt-produkt --name '<b>Æble</b> & $(touch pwned) `id`'
id=$out
run 0 A export "$id" --what ai-act -o 'a;b $(touch pwned2).docx'
[ ! -e pwned ] && [ ! -e pwned2 ] || fail "a shell ran"
t=$(pandoc -s -t plain 'a;b $(touch pwned2).docx')
contains "$t" '<b>Æble</b> & $(touch pwned) `id`'

# Without pandoc: exit 69 naming the package, no file, no temporary
# file left behind.
mkdir empty
run 69 env PATH="$PWD/empty" "$AIREJSE" --db export.db --lang en export 1 -o none.docx
contains "$err" "pandoc"
contains "$err" "Debian: pandoc"
[ ! -e none.docx ] || fail "none.docx was written without pandoc"
run 69 env PATH="$PWD/empty" "$AIREJSE" --db export.db export 1 --format odt -o -
left=$(find . "$TMPDIR" -name '.airejse-*' 2>/dev/null)
[ -z "$left" ] || fail "temporary files left: $left"
exit 0
