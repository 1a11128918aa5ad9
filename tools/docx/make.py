#!/usr/bin/env python3
"""Word drafts made by a real writer: pandoc turns each Markdown draft of a plan into .docx.

    python3 tools/docx/make.py fixtures/jaarplan-2026-2027 fixtures/docx/pandoc

The TOML front matter becomes document metadata (pandoc writes it to docProps/custom.xml, where
kader reads it back), a waiver comment becomes a Word comment (tools/docx/waivers.lua), and
every line break of the Markdown stays a line break (`hard_line_breaks`): a plain
`Eigenaar: ...` line under another is its own line in Word too, as staff type it.
"""
import pathlib
import subprocess
import sys
import tempfile

import frontmatter

def main():
    src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    lua = pathlib.Path(__file__).with_name("waivers.lua")
    for md in sorted(src.glob("*.md")):
        meta, text = frontmatter.split(md.read_text(encoding="utf-8"))
        args = [a for k, v in meta for a in ("-M", f"{k}={v}")]
        with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8", delete=False) as body:
            body.write(text)
        target = out / (md.stem + ".docx")
        subprocess.run(
            ["pandoc", "-f", "markdown+hard_line_breaks", body.name, "--lua-filter", str(lua), "-o", str(target)] + args,
            check=True,
        )
        pathlib.Path(body.name).unlink()
        print(f"{md} -> {target}")

if __name__ == "__main__":
    main()
