-- SPDX-License-Identifier: EUPL-1.2
-- airejse's tables in Word and OpenDocument (export-pandoc.c runs pandoc
-- with this filter). The export's tables are figures: every column after
-- the first is aligned right. In odt each table is written out here, as
-- pandoc's writer (2.17) gives every cell a style without borders that no
-- reference document can change, and drops a first column that heads its
-- rows; the cells take the styles that airejse.opendocument, the content
-- template, adds: ruled, the header shaded and repeated on every page.

local function xml(s)
  return (s:gsub('[&<>"]', { ['&'] = '&amp;', ['<'] = '&lt;', ['>'] = '&gt;', ['"'] = '&quot;' }))
end

local function row(cells, head)
  local out = { '<table:table-row>' }
  for i, c in ipairs(cells) do
    local para
    if head then
      para = i == 1 and 'AirejseHead' or 'AirejseHeadFigure'
    else
      para = i == 1 and 'AirejseRowHead' or 'AirejseFigure'
    end
    out[#out + 1] = '<table:table-cell table:style-name="' ..
      (head and 'AirejseHeadCell' or 'AirejseCell') ..
      '" office:value-type="string"><text:p text:style-name="' .. para .. '">' ..
      xml(pandoc.utils.stringify(c)) .. '</text:p></table:table-cell>'
  end
  out[#out + 1] = '</table:table-row>'
  return table.concat(out)
end

local ntables = 0

function Table(t)
  for i = 2, #t.colspecs do
    t.colspecs[i][1] = pandoc.AlignRight
  end
  if FORMAT ~= 'odt' and FORMAT ~= 'opendocument' then
    return t
  end
  local s = pandoc.utils.to_simple_table(t)
  local ncols = #s.headers > 0 and #s.headers or #(s.rows[1] or {})
  ntables = ntables + 1
  local out = {
    '<table:table table:name="AirejseTable' .. ntables .. '" table:style-name="AirejseTable">',
    '<table:table-column table:number-columns-repeated="' .. ncols .. '"/>'
  }
  if #s.headers > 0 then
    out[#out + 1] = '<table:table-header-rows>' .. row(s.headers, true) .. '</table:table-header-rows>'
  end
  for _, r in ipairs(s.rows) do
    out[#out + 1] = row(r, false)
  end
  out[#out + 1] = '</table:table>'
  return pandoc.RawBlock('opendocument', table.concat(out, '\n'))
end
