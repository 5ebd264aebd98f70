# SPDX-License-Identifier: EUPL-1.2
# xlsx that prints: every sheet A4 landscape, fitted to one page's width,
# the header row repeated on each page and frozen on screen, "page n of
# m" in the footer, columns wide enough to read but not so wide that the
# page shrinks to nothing; sheet names whole words within 31 characters.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

A() { "$AIREJSE" --db export.db "$@"; }

run 0 A export 1 --what all -o all.xlsx
wb=$(unzip -p all.xlsx xl/workbook.xml)
n=$(unzip -l all.xlsx | grep -c 'xl/worksheets/sheet[0-9]*\.xml')
[ "$n" -ge 6 ] || fail "expected at least 6 sheets, found $n"
# The 46 characters of the AI Act checklist's title, cut after a word.
contains "$wb" 'name="AI-forordningen – tjekliste"'
echo "$wb" | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"$//' >names.txt
while IFS= read -r name; do
	len=$(printf '%s' "$name" | wc -m)
	[ "$len" -le 31 ] || fail "sheet name '$name' is $len characters"
done <names.txt
# The cover (the first sheet, t-export-cover.sh) prints upright on A4,
# as wide as the page, with the same footer.
x=$(unzip -p all.xlsx xl/worksheets/sheet1.xml)
contains "$x" '<pageSetup paperSize="9" fitToHeight="0" orientation="portrait"/>'
contains "$x" '<oddFooter>&amp;L&amp;A&amp;RSide &amp;P af &amp;N</oddFooter>'
# Then the tables.
i=2
while [ "$i" -le "$n" ]; do
	x=$(unzip -p all.xlsx "xl/worksheets/sheet$i.xml")
	contains "$x" '<pageSetUpPr fitToPage="1"/>'
	contains "$x" '<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>'
	lacks "$x" 'fitToWidth='	# the default: one page wide
	contains "$x" '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
	contains "$x" '<oddFooter>&amp;L&amp;A&amp;RSide &amp;P af &amp;N</oddFooter>'
	# The columns add up to what prints at a readable scale on a
	# landscape A4 page (about 140 characters at 100%; 215 is 65%).
	sum=$(echo "$x" | grep -o '<col [^>]*width="[0-9.]*"' | sed 's/.*width="//; s/"//' |
	    awk '{ s += $1 } END { printf "%d", s }')
	[ "$sum" -gt 100 ] && [ "$sum" -le 215 ] || fail "sheet $i: columns $sum characters wide"
	i=$((i + 1))
done
# The header row is repeated on every printed page of every sheet.
titles=$(echo "$wb" | grep -o '<definedName name="_xlnm.Print_Titles"[^<]*' | grep -c '!\$1:\$1$')
[ "$titles" -eq $((n - 1)) ] || fail "$titles of $((n - 1)) tables repeat their header row"
# English footer in English.
run 0 A --lang en export 1 --what mdr -o mdr.xlsx
contains "$(unzip -p mdr.xlsx xl/worksheets/sheet2.xml)" 'RPage &amp;P of &amp;N'
exit 0
