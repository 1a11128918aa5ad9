#!/usr/bin/env python3
"""The TOML front matter of a Markdown draft, for the Word producers: the writers take it as
document metadata (custom properties), not as text.

    python3 tools/docx/frontmatter.py draft.md body.md meta.txt   # body, and key=value lines
"""
import re
import sys


def split(text):
    """(key, value) pairs of the `+++` front matter, and the draft without it."""
    m = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n", text, re.S)
    if not m:
        return [], text
    meta = []
    for line in m.group(1).splitlines():
        key, _, value = line.partition("=")
        if key.strip():
            meta.append((key.strip(), value.strip().strip('"')))
    return meta, text[m.end():]


if __name__ == "__main__":
    meta, body = split(open(sys.argv[1], encoding="utf-8").read())
    open(sys.argv[2], "w", encoding="utf-8").write(body)
    open(sys.argv[3], "w", encoding="utf-8").write("".join(f"{k}={v}\n" for k, v in meta))
