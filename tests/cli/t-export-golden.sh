# SPDX-License-Identifier: EUPL-1.2
# export: every part in every format of the fixture projects, compared
# with the files in tests/golden/export. After a deliberate change (to
# the content, the layout or a translation), regenerate them with
# 'make goldens' and review the diff before committing it.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

golden=$TOP/tests/golden/export
update=${AIREJSE_UPDATE_GOLDEN:-}

# The parts of an xlsx file that say what a reader sees, a tag a line.
xlsx_text() {
	unzip -p "$1" xl/workbook.xml xl/styles.xml xl/sharedStrings.xml \
	    'xl/worksheets/sheet*.xml' | sed 's/></>\n</g'
}

# What a reader of a docx or odt file sees, as text: pandoc reads it
# back (with its title). The heading levels are checked apart, in
# t-export-pandoc.sh.
doc_text() {
	pandoc --standalone --to plain "$1" || fail "pandoc cannot read back $1"
}

# The cover names the program's version, which changes with every
# build: the goldens have VERSION in its place. (The user and the
# account are pinned by the runner.) The xlsx cover's columns have fixed
# widths, so the swap changes nothing else.
version=$("$AIREJSE" --version | sed 's/^airejse //')
pin() {
	sed -e "s|airejse $version|airejse VERSION|g" \
	    -e "s|\"version\": \"$version\"|\"version\": \"VERSION\"|g" "$1" > "$1.pinned"
	mv "$1.pinned" "$1"
}

# same NAME FILE: FILE must equal the golden NAME.
same() {
	if [ -n "$update" ]; then
		cp "$2" "$golden/$1"
		return
	fi
	[ -f "$golden/$1" ] || fail "no golden file tests/golden/export/$1: run 'make goldens'"
	if ! cmp -s "$golden/$1" "$2"; then
		diff -u "$golden/$1" "$2" | head -n 40 >&2
		fail "export $1 differs from tests/golden/export/$1 (above); if the change is meant, run 'make goldens' and review the diff"
	fi
}

# export P LANG WHAT FORMAT NAME [ROLE]
export_as() {
	run 0 "$AIREJSE" --db export.db --lang "$2" ${6:+--role "$6"} export "$1" \
	    --what "$3" --format "$4" -o "out.$4"
	if [ "$4" = xlsx ]; then
		xlsx_text out.xlsx > out.xlsx.txt
		pin out.xlsx.txt
		same "$5.xlsx.txt" out.xlsx.txt
	elif [ "$4" = pdf ]; then
		# The PDF as text laid out as on the page: its tables' rows
		# and columns show as such.
		pdftotext -layout out.pdf out.pdf.txt || fail "pdftotext cannot read out.pdf"
		# And its number of pages and their size (A4), at the end.
		pdfinfo out.pdf | grep -E '^(Pages|Page size):' >> out.pdf.txt ||
		    fail "pdfinfo cannot read out.pdf"
		pin out.pdf.txt
		same "$5.pdf.txt" out.pdf.txt
	elif [ "$4" = docx ] || [ "$4" = odt ]; then
		doc_text "out.$4" > "out.$4.txt"
		pin "out.$4.txt"
		same "$5.$4.txt" "out.$4.txt"
	else
		pin "out.$4"
		same "$5.$4" "out.$4"
	fi
	rm -f "out.$4"
}

# Every kind in every format.
for what in indkoeb mdr ai-act business-case handoff action-plan all; do
	for fmt in md html csv json xlsx docx odt pdf; do
		export_as 1 da "$what" "$fmt" "$what"
	done
done
# The in-house exemption, and English formatting of numbers and dates.
export_as 2 da mdr md prostata-mdr
export_as 2 da mdr xlsx prostata-mdr
export_as 1 en all md all-en
# One role's packet, in each format, and in English.
for fmt in md html csv json xlsx; do
	export_as 1 da handoff "$fmt" handoff-jurist jurist
done
export_as 1 en handoff json handoff-jurist-en jurist
exit 0
