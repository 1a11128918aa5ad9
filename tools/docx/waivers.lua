-- pandoc drops HTML comments when it writes Word: a waiver comment
-- (<!-- kader: negeer RULE "reden" -->) becomes a Word comment with that text instead,
-- anchored where the HTML comment stood. Other comments are dropped as before.
local n = 0

local function comment(text)
  local body = text:match("^<!%-%-%s*(kader:.-)%s*%-%->%s*$")
  if not body then
    return nil
  end
  n = n + 1
  local id = tostring(n)
  if FORMAT == "odt" or FORMAT == "opendocument" then
    -- OpenDocument has comments of its own (annotations); LibreOffice saves them as Word
    -- comments when it writes .docx.
    local xml = body:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;")
    return {
      pandoc.RawInline("opendocument", "<office:annotation><dc:creator>kader</dc:creator><text:p>" .. xml .. "</text:p></office:annotation>"),
    }
  end
  local attr = function(class)
    return pandoc.Attr("", { class }, { { "id", id }, { "author", "kader" }, { "date", "2026-06-01T00:00:00Z" } })
  end
  return {
    pandoc.Span(pandoc.Inlines(pandoc.Str(body)), attr("comment-start")),
    pandoc.Span({}, attr("comment-end")),
  }
end

function RawBlock(el)
  if el.format == "html" then
    local c = comment(el.text)
    if c then
      return pandoc.Para(c)
    end
  end
end

function RawInline(el)
  if el.format == "html" then
    return comment(el.text)
  end
end
