# SPDX-License-Identifier: EUPL-1.2
# export: files, safety of each format, the xlsx read back, usage errors.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

A() { "$AIREJSE" --db export.db "$@"; }

# Files: the format from the extension, never over an existing file.
run 0 A export 1 --what indkoeb -o tjek.html
contains "$(head -c 15 tjek.html)" "<!DOCTYPE html>"
run 73 A --lang en export 1 --what indkoeb -o tjek.html
contains "$err" "tjek.html exists already"
contains "$err" "--force"
run 0 A export 1 --what mdr --force -o tjek.html
contains "$(cat tjek.html)" "MDR-tjekliste"
ls -a | grep -q '^\.airejse-export' && fail "a temporary file was left behind"
run 73 A export 1 -o nowhere/x.md
contains "$err" "nowhere/x.md"
run 0 A export 1 --what checklist --format md -o -
contains "$out" "# Indkøbstjekliste – Ambient scribe – Kolding"
run 0 A export 1 --what procurement
contains "$out" "Indkøbstjekliste"

# Usage errors.
run 64 A --lang en export 1 --what nothing
contains "$err" "unknown export 'nothing'"
contains "$err" "indkoeb, mdr, ai-act, business-case, handoff, action-plan, all"
run 64 A --lang en export 1 --format doc
contains "$err" "unknown format 'doc': use md, html, csv, json, xlsx, pdf, docx or odt"
run 64 A export
run 66 A export 99
run 0 A --lang en export --help
contains "$out" "usage: airejse export"

# xlsx: read it back. A cover, then one sheet per checklist, a frozen header row with a
# filter, amounts as numbers in a kroner format, dates as dates.
run 0 A export 1 --what all --format xlsx -o all.xlsx
unzip -t all.xlsx >/dev/null || fail "all.xlsx is not a valid zip file"
wb=$(unzip -p all.xlsx xl/workbook.xml)
for s in Indkøbstjekliste MDR-tjekliste AI-forordningen "Business case" Overdragelse; do
	contains "$wb" "name=\"$s"
done
n=$(unzip -l all.xlsx | grep -c 'xl/worksheets/sheet[0-9]*\.xml')
[ "$n" -eq 7 ] || fail "expected 7 sheets, found $n"
bc=$(unzip -p all.xlsx xl/worksheets/sheet6.xml)
contains "$bc" '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
contains "$bc" '<autoFilter ref="A1:N'
# 2,4 mio. kr. and 350.000 kr. are numbers, not strings.
echo "$bc" | grep -q '<c r="G[0-9]*" s="[0-9]*"><v>2400000</v></c>' ||
	fail "the contract value is not a number cell"
echo "$bc" | grep -q '<c r="G[0-9]*" s="[0-9]*"><v>350000</v></c>' ||
	fail "the set-up cost is not a number cell"
styles=$(unzip -p all.xlsx xl/styles.xml)
contains "$styles" 'formatCode="#,##0\ &quot;kr.&quot;"'
contains "$styles" 'formatCode="dd.mm.yyyy"'
# 15.10.2026 is day 46310 of Excel's calendar.
unzip -p all.xlsx xl/worksheets/sheet3.xml | grep -q '<c r="G[0-9]*" s="[0-9]*"><v>46310</v></c>' ||
	fail "the agreement date is not a date cell"
run 0 A --lang en export 1 --what business-case --format xlsx -o en.xlsx
contains "$(unzip -p en.xlsx xl/styles.xml)" 'formatCode="&quot;DKK &quot;#,##0"'
contains "$(unzip -p en.xlsx xl/workbook.xml)" 'name="Business case"'
# To a pipe it is written as it is.
A export 1 --what mdr --format xlsx > piped.xlsx || fail "xlsx to a pipe failed"
unzip -t piped.xlsx >/dev/null || fail "piped xlsx is not a valid zip file"

# CSV: BOM, ';', CRLF, RFC 4180 quotes, formulas neutralised.
run 0 A export 1 --what indkoeb --format csv -o tjek.csv
[ "$(head -c 3 tjek.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no BOM"
# The cover's rows come first (t-export-cover.sh), then the table's header.
contains "$(head -n 1 tjek.csv)" "Projekt;Ambient scribe – Kolding"
contains "$(grep -m 1 '^Del;' tjek.csv)" "Del;Afsnit;Id;Punkt;Status"
[ "$(head -n 1 tjek.csv | od -An -c | grep -c '\\r')" -ge 1 ] || fail "rows do not end in CRLF"
exit 0
