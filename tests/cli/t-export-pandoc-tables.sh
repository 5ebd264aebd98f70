# SPDX-License-Identifier: EUPL-1.2
# Tables in docx and odt print: ruled cells, the header row shaded and
# repeated on every page, the figures aligned right, the first column
# (the years) kept. Read back from the files' XML. Without the data
# files pandoc's plain tables are written, as before.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"
command -v pandoc >/dev/null || fail "pandoc is missing: install it (make deps)"

A() { "$AIREJSE" --db export.db --lang da "$@"; }

# Word: the tables take the style "Table" of the reference document,
# which rules every cell and repeats the header row.
run 0 A export 1 --what business-case -o bc.docx
styles=$(unzip -p bc.docx word/styles.xml | tr -d "\n" | sed 's/<w:style /\n&/g' | grep 'w:styleId="Table"')
[ -n "$styles" ] || fail "no table style Table in bc.docx"
for side in top left bottom right insideH insideV; do
	echo "$styles" | grep -q "<w:$side [^>]*w:val=\"single\"" ||
		fail "the table style has no rule at $side: $styles"
done
echo "$styles" | grep -q '<w:tblStylePr w:type="firstRow">.*<w:tblHeader />' ||
	fail "the table style's header row does not repeat: $styles"
doc=$(unzip -p bc.docx word/document.xml | tr -d "\n")
[ "$(echo "$doc" | grep -o '<w:tblStyle w:val="Table" />' | wc -l)" -eq 2 ] ||
	fail "the business case's two tables are not in the style Table"
contains "$doc" '<w:tblHeader w:val="true" />'
# The figures to the right, the years to the left.
echo "$doc" | sed 's/<w:tc>/\n&/g' | grep '>350.000 kr.<' | head -n 1 | grep -q '<w:jc w:val="right" />' ||
	fail "a figure is not aligned right in bc.docx"

# OpenDocument: ruled cells (their style has a border), the header in
# the rows repeated on each page, the years' column kept.
run 0 A export 1 --what business-case -o bc.odt
content=$(unzip -p bc.odt content.xml | tr -d "\n")
style=$(echo "$content" | sed 's/<style:style /\n&/g' | grep 'style:name="AirejseCell"')
echo "$style" | grep -q 'fo:border="0.5pt solid' || fail "the cells' style has no border: $style"
head=$(echo "$content" | sed 's/<style:style /\n&/g' | grep 'style:name="AirejseHeadCell"')
echo "$head" | grep -q 'fo:border="0.5pt solid' || fail "the header's style has no border: $head"
body=${content#*<office:body>}
lacks "$body" 'TableRowCell'
[ "$(echo "$body" | grep -o '<table:table-header-rows>' | wc -l)" -eq 2 ] ||
	fail "the two tables have no header rows to repeat"
contains "$body" '<text:p text:style-name="AirejseRowHead">År 0</text:p>'
contains "$body" '<text:p text:style-name="AirejseFigure">350.000 kr.</text:p>'
contains "$(pandoc -t plain bc.odt)" "År 0"

# Without the data files (an incomplete installation): pandoc's own
# plain tables, and still a file.
AIREJSE_DATA=$PWD/nothing-here run 0 A export 1 --what business-case -o plain.odt
lacks "$(unzip -p plain.odt content.xml)" 'AirejseCell'
AIREJSE_DATA=$PWD/nothing-here run 0 A export 1 --what business-case -o plain.docx
lacks "$(unzip -p plain.docx word/styles.xml)" '<w:insideH'
exit 0
