# SPDX-License-Identifier: EUPL-1.2
# The business case's tables in a PDF are tables: a row of a year's
# figures on one line, in the header's order, right-aligned; over 30
# years the table by year goes on to a second page, with its header row
# again at the top of it.
. "$TOP/tests/cli/lib.sh"
command -v pdftotext >/dev/null || fail "pdftotext is missing: install poppler-utils (make deps)"

. "$TOP/tests/cli/pinned.sh"

A() { "$AIREJSE" --db bc.db --lang da "$@"; }
run 0 A project new --journey faerdigt-produkt --name "Tale til notat – Åbenrå"
for a in "driftsomkostning_aar 120.000 kr." "finansiering_etablering 350.000 kr." \
    "personaletid_drift_timer_aar 100" "opgave_timer_aar 1.760" \
    "forventet_tidsbesparelse 30 %" "opgave_personalegruppe laege" \
    "anden_gevinst_aar 20.000 kr." "business_case_beslutning indkoeb" \
    "alternativ_etablering 1,2 mio. kr." "alternativ_drift_aar 50.000 kr."; do
	q=${a%% *}
	run 0 A answer 1 "$q" "${a#* }"
done

# The figures t-bizcase.sh checks, as rows and columns.
run 0 A export 1 --what business-case -o bc.pdf
pdftotext -layout bc.pdf bc.txt
head='^ *År  *Etablering  *Drift  *Personaletid  *Gevinst  *Netto  *Akkumuleret  *Nutidsværdi *$'
grep -q "$head" bc.txt || fail "no header row of the table by year: $(grep -m 3 Etablering bc.txt)"
grep -q '^ *År 2  *0 kr\.  *120\.000 kr\.  *45\.000 kr\.  *336\.800 kr\.  *171\.800 kr\.  *-6\.400 kr\.  *160\.377 kr\. *$' bc.txt ||
	fail "year 2 is not a row of the table: $(grep -m 3 'År 2' bc.txt)"
grep -q '^ *I alt  *350\.000 kr\.  *600\.000 kr\.  *225\.000 kr\.  *1\.684\.000 kr\.  *509\.000 kr\.  *–  *425\.686 kr\. *$' bc.txt ||
	fail "the totals are not a row of the table: $(grep -m 3 'I alt' bc.txt)"
grep -q '^ *Gør ingenting  *0 kr\.  *0 kr\.  *0 kr\.  *0 kr\.  *0 kr\. *$' bc.txt ||
	fail "the alternatives are not a table: $(grep -m 3 'Gør ingenting' bc.txt)"
# The figures are aligned right: a figure ends where its header ends
# (pango places each line on a whole point).
pdftotext -bbox bc.pdf bbox.html
xmax() {
	awk -v w="$1" -v next_="${2:-}" -F'"' '
		found && /<word / { print $6; exit }
		/<word / && index($0, ">" w "<") { if (next_ == "") { print $6; exit } found = 1 }' bbox.html
}
h=$(xmax Nutidsværdi)
r=$(xmax 160.377 kr.)
[ -n "$h" ] && [ -n "$r" ] && awk -v h="$h" -v r="$r" 'BEGIN { d = h - r; exit !(d < 1.5 && d > -1.5) }' ||
	fail "the present values are not aligned right under their header (right edges at $h and $r)"
# Within the page's margins (2 cm; a point of slack for side bearings).
past=$(awk -F'"' '/<word / && ($2 < 55.7 || $6 > 539.6) { print $NF }' bbox.html | head -n 3)
[ -z "$past" ] || fail "words past the margins: $past"

# Thirty years: the table breaks across pages and each page has its
# header row, and no row is cut in two.
printf 'horizon_years: 30\n' > config.yaml
run 0 A export 1 --what business-case -o bc30.pdf
first=0 last=0 p=1
pages=$(pdfinfo bc30.pdf | sed -n 's/^Pages: *//p')
while [ "$p" -le "$pages" ]; do
	pdftotext -layout -f "$p" -l "$p" bc30.pdf page.txt
	grep -q '^ *År 0  *[-0-9]' page.txt && first=$p
	grep -q '^ *År 30  *[-0-9]' page.txt && last=$p
	p=$((p + 1))
done
[ "$first" -gt 0 ] && [ "$last" -gt "$first" ] ||
	fail "the table by year does not go on to another page (year 0 on page $first, year 30 on $last)"
for p in $(seq "$first" "$last"); do
	pdftotext -layout -f "$p" -l "$p" bc30.pdf page.txt
	grep -q "$head" page.txt || fail "page $p of the table has no header row: $(cat page.txt)"
done
y=0
while [ "$y" -le 30 ]; do
	[ "$(pdftotext -layout bc30.pdf - | grep -c "^ *År $y  .* kr\. *\$")" = 1 ] ||
		fail "year $y is not one row of the table"
	y=$((y + 1))
done
exit 0
