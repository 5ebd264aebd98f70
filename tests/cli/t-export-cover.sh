# SPDX-License-Identifier: EUPL-1.2
# export: the cover every file starts with (issue 18, point 3) — the
# project, its tracks, the organisation, when and by whom (the name
# given and the operating-system account, as the history records
# them), the program's version, when the legal content was checked and
# the tender threshold — as the first rows of a CSV file and the first
# sheet of a workbook, read back; and no internal id where people read.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

A() { "$AIREJSE" --db export.db "$@"; }
version=$("$AIREJSE" --version | sed 's/^airejse //')
python=/usr/bin/python3
[ -x "$python" ] || python=python3

# check_cover FACTS LABELS...: FACTS, the cover read back one
# "label<TAB>value" a line, has the project first, every fact, the
# counts by state and the legend; LABELS are the Danish labels of the
# project, tracks, time, exporter, legal check and threshold.
check_cover() {
	printf '%s\n' "$1" | sed -n 1p | grep -qx "$2	Ambient scribe – Kolding" ||
		fail "the project is not the first fact: $(printf '%s\n' "$1" | sed -n 1p)"
	contains "$1" "$3	Færdigt produkt, Indkøb af AI i Region Syddanmark"
	contains "$1" "Organisation	Region Syddanmark"
	contains "$1" "$4	23.11.2026 kl. 10:00"
	# The name given, with the account it ran as (the runner's "tester").
	contains "$1" "$5	Søren Ærø (konto: tester)"
	contains "$1" "Program	airejse $version"
	printf '%s\n' "$1" | grep -q "^$6	[0-3][0-9]\.[01][0-9]\.20[0-9][0-9]" ||
		fail "no date the legal content was checked in: $1"
	printf '%s\n' "$1" | grep -q "^$7	[0-9.]* kr\. (EU-tærskelværdi" ||
		fail "no tender threshold in: $1"
	contains "$1" "Indkøbstjekliste	Opfyldt: "
	contains "$1" "Ikke besvaret	Endnu ikke besvaret"
	contains "$1" "Afventer gennemgang	Overdraget til den nævnte rolle"
	# The project's number is for the command line, not the cover.
	lacks "$1" "Kolding (1)"
}

# CSV: the cover's rows come before the table's header.
run 0 A --user "Søren Ærø" export 1 --what indkoeb --format csv -o tjek.csv
cover=$(sed -e '1s/^\xEF\xBB\xBF//' -e 's/\r$//' tjek.csv | sed '/^Del;/,$d' | tr ';' '\t')
check_cover "$cover" Projekt Spor Eksporteret "Eksporteret af" \
    "Juridisk indhold senest kontrolleret" Udbudsgrænse
head=$(grep -n '^Del;' tjek.csv | cut -d: -f1)
[ "$head" -gt 10 ] || fail "the table's header is on line $head, before the cover ends"
# The human columns name steps by their titles, not track/step ids (the
# Id and Spørgsmåls-id columns are for machines).
lacks "$(cat tjek.csv)" "(faerdigt-produkt/"
lacks "$(cat tjek.csv)" "overdragelse mdr-indledende"

# xlsx: the first sheet is the cover, "Forside", read back cell by cell.
run 0 A --user "Søren Ærø" export 1 --what indkoeb --format xlsx -o tjek.xlsx
cover=$("$python" - tjek.xlsx <<'EOF'
import re, sys, zipfile
from xml.etree import ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
wb = ET.fromstring(z.read("xl/workbook.xml"))
sheets = [s.get("name") for s in wb.find("m:sheets", ns)]
print("SHEETS\t" + "|".join(sheets))
strings = ["".join(t.text or "" for t in si.iter("{%s}t" % ns["m"]))
           for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
rows = {}
for c in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter("{%s}c" % ns["m"]):
    col, row = re.match(r"([A-Z]+)(\d+)", c.get("r")).groups()
    v = c.find("m:v", ns)
    rows.setdefault(int(row), {})[col] = strings[int(v.text)] if c.get("t") == "s" else v.text
for r in sorted(rows):
    if "B" in rows[r]:
        print(rows[r].get("A", "") + "\t" + rows[r]["B"])
EOF
) || fail "cannot read tjek.xlsx back"
contains "$cover" "SHEETS	Forside|Indkøbstjekliste"
cover=$(printf '%s\n' "$cover" | sed 1d)
check_cover "$cover" Projekt Spor Eksporteret "Eksporteret af" \
    "Juridisk indhold senest kontrolleret" Udbudsgrænse

# In English, the same cover in English words.
run 0 A --lang en --user "Søren Ærø" export 1 --what indkoeb --format csv -o en.csv
en=$(sed -e '1s/^\xEF\xBB\xBF//' -e 's/\r$//' en.csv)
contains "$en" "Exported;23 Nov 2026 at 10:00"
contains "$en" "Exported by;Søren Ærø (account: tester)"
contains "$en" "Awaiting review;Handed off to the role named"
exit 0
