#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Remakes the files airejse gives pandoc for docx and odt, from pandoc's
# own defaults (run it when pandoc's change; review the diff):
#
#   reference.docx         pandoc's reference document with its table
#                          style "Table" ruled, the header row shaded,
#                          repeated on every page, rows not split;
#   airejse.opendocument   pandoc's template of an odt's content with the
#                          styles that tables.lua's tables take.
#
# Both are pandoc's own defaults with airejse's changes; pandoc's data
# files are GPL-2.0-or-later, its templates also BSD-3-Clause (pandoc's
# COPYRIGHT). They are kept in the tree rather than made by make: the
# build must not need pandoc, which is optional at run time. The zip is made with fixed
# dates, so the same pandoc gives the same bytes.
#
#   sh data/pandoc/make-reference.sh      (from the top of the tree)
set -eu
dir=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/airejse-reference-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
python=/usr/bin/python3
[ -x "$python" ] || python=python3

pandoc -o "$tmp/default.docx" --print-default-data-file reference.docx
pandoc --print-default-template=opendocument > "$tmp/default.opendocument"

"$python" - "$tmp/default.docx" "$dir/reference.docx" \
    "$tmp/default.opendocument" "$dir/airejse.opendocument" <<'EOF'
import re
import sys
import zipfile

docx_in, docx_out, tmpl_in, tmpl_out = sys.argv[1:5]

# Word: grey rules around and between the cells, a little room in them,
# the header row shaded, bold and repeated on each page, and no row split
# between pages.
RULE = 'w:val="single" w:sz="4" w:space="0" w:color="808080"'
TABLE = ('<w:style w:type="table" w:default="1" w:styleId="Table">'
         '<w:name w:val="Table" /><w:basedOn w:val="TableNormal" /><w:qFormat />'
         '<w:pPr><w:spacing w:before="20" w:after="20" /></w:pPr>'
         '<w:tblPr><w:tblInd w:w="0" w:type="dxa" /><w:tblBorders>' +
         ''.join('<w:%s %s />' % (side, RULE)
                 for side in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) +
         '</w:tblBorders><w:tblCellMar><w:top w:w="29" w:type="dxa" />'
         '<w:left w:w="85" w:type="dxa" /><w:bottom w:w="29" w:type="dxa" />'
         '<w:right w:w="85" w:type="dxa" /></w:tblCellMar></w:tblPr>'
         '<w:trPr><w:cantSplit /></w:trPr>'
         '<w:tblStylePr w:type="firstRow"><w:rPr><w:b /></w:rPr>'
         '<w:tblPr><w:jc w:val="left" /><w:tblInd w:w="0" w:type="dxa" /></w:tblPr>'
         '<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>'
         '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EBEBEB" />'
         '<w:vAlign w:val="bottom" /></w:tcPr></w:tblStylePr></w:style>')

zin = zipfile.ZipFile(docx_in)
with zipfile.ZipFile(docx_out, 'w', zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == 'word/styles.xml':
            text, n = re.subn(r'<w:style w:type="table" w:default="1" w:styleId="Table">.*?</w:style>',
                              TABLE, data.decode('utf-8'), flags=re.S)
            if n != 1:
                sys.exit('make-reference: no table style "Table" in pandoc\'s reference.docx')
            data = text.encode('utf-8')
        out = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
        out.compress_type = zipfile.ZIP_DEFLATED
        out.external_attr = 0o644 << 16
        zout.writestr(out, data)

# OpenDocument: the same for the tables tables.lua writes.
STYLES = '''    $automatic-styles$
    <style:style style:name="AirejseTable" style:family="table">
      <style:table-properties table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm" />
    </style:style>
    <style:style style:name="AirejseCell" style:family="table-cell">
      <style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #808080" />
    </style:style>
    <style:style style:name="AirejseHeadCell" style:family="table-cell">
      <style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #808080" fo:background-color="#ebebeb" style:vertical-align="bottom" />
    </style:style>
    <style:style style:name="AirejseHead" style:family="paragraph" style:parent-style-name="Table_20_Heading">
      <style:paragraph-properties fo:text-align="start" />
      <style:text-properties fo:font-weight="bold" />
    </style:style>
    <style:style style:name="AirejseHeadFigure" style:family="paragraph" style:parent-style-name="Table_20_Heading">
      <style:paragraph-properties fo:text-align="end" />
      <style:text-properties fo:font-weight="bold" />
    </style:style>
    <style:style style:name="AirejseRowHead" style:family="paragraph" style:parent-style-name="Table_20_Contents">
      <style:text-properties fo:font-weight="bold" />
    </style:style>
    <style:style style:name="AirejseFigure" style:family="paragraph" style:parent-style-name="Table_20_Contents">
      <style:paragraph-properties fo:text-align="end" />
    </style:style>
'''
tmpl = open(tmpl_in, encoding='utf-8').read()
if tmpl.count('    $automatic-styles$\n') != 1:
    sys.exit('make-reference: no $automatic-styles$ in pandoc\'s opendocument template')
with open(tmpl_out, 'w', encoding='utf-8') as f:
    f.write(tmpl.replace('    $automatic-styles$\n', STYLES))
EOF
echo "make-reference: wrote $dir/reference.docx and $dir/airejse.opendocument"
