#!/usr/bin/env bash
# Word drafts as LibreOffice writes them. LibreOffice does not read Markdown, so the route is
# the one a team without Word takes: pandoc writes OpenDocument (.odt, the front matter as
# metadata, waivers as comments by tools/docx/waivers.lua), then LibreOffice headless saves
# it as .docx.
#
#   bash tools/docx/libreoffice.sh fixtures/jaarplan-2026-2027 fixtures/docx/libreoffice
set -euo pipefail
src=$1 out=$2
here="$(cd "$(dirname "$0")" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for md in "$src"/*.md; do
  name=$(basename "$md" .md)
  python3 "$here/frontmatter.py" "$md" "$work/$name.md" "$work/$name.meta"
  args=()
  while IFS= read -r kv; do [ -n "$kv" ] && args+=(-M "$kv"); done < "$work/$name.meta"
  pandoc -f markdown+hard_line_breaks "$work/$name.md" --lua-filter "$here/waivers.lua" -o "$work/$name.odt" "${args[@]}"
  soffice --headless -env:UserInstallation="file://$work/profile" --convert-to docx --outdir "$work/docx" "$work/$name.odt" >/dev/null
  cp "$work/docx/$name.docx" "$out/$name.docx"
  echo "$md -> $out/$name.docx"
done
