#!/usr/bin/env python3
"""A Word draft as a Dutch Word user makes it, written by python-docx:

    python3 tools/docx/python_docx.py fixtures/jaarplan-2026-2027/team-spoedzorg.md fixtures/docx/python-docx/team-spoedzorg.docx

Headings get Dutch styles (`Kop 1` … `Kop 4`, style IDs `Kop1` …, based on Word's
built-in headings), field lines are bulleted paragraphs whose label is a bold run, nested
list items (milestones) are the second list level, and the front matter becomes custom
document properties (docProps/custom.xml, as Word's File → Properties → Custom writes them).
A table (`| … |` lines) becomes a Word table, and a waiver comment (`<!-- kader: … -->`)
a Word comment on the paragraph before it. Only the Markdown the drafts use is read:
headings, list items, paragraphs, tables, comments.

    python3 tools/docx/python_docx.py fixtures/jaarplan-2026-2027 fixtures/docx/python-docx
"""
import pathlib
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part

import frontmatter

CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{}</Properties>'
)
PROP = '<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property>'


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def dutch_heading(document, level):
    name = f"Kop {level}"
    styles = document.styles
    if name not in [s.name for s in styles]:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[f"Heading {level}"]
    return styles[name]


def runs(paragraph, text):
    """`**Label:** value` as a bold run and a plain one; other text plain."""
    m = re.match(r"\*\*(.+?)\*\*\s?(.*)$", text)
    if m:
        paragraph.add_run(m.group(1)).bold = True
        if m.group(2):
            paragraph.add_run(" " + m.group(2))
    else:
        paragraph.add_run(text)


def cells(line):
    inner = line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner)]


def main():
    src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    if src.is_dir():
        for md in sorted(src.glob("*.md")):
            convert(md, out / (md.stem + ".docx"))
    else:
        convert(src, out)


def convert(src, out):
    props, text = frontmatter.split(src.read_text(encoding="utf-8"))
    document = docx.Document()
    para = None
    last = None  # the last paragraph written, for a comment after it
    rows = []
    lines = text.splitlines() + [""]
    for line in lines:
        if line.strip().startswith("|"):
            if not re.match(r"^\|[\s:|-]+\|?$", line.strip()):
                rows.append(cells(line))
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    table.cell(i, j).text = c
            last = table.cell(len(rows) - 1, 0).paragraphs[0]
            rows = []
        if not line.strip():
            para = None
            continue
        waiver = re.match(r"\s*<!--\s*(kader:.*?)\s*-->\s*$", line)
        if waiver:
            if last is not None and last.runs:
                document.add_comment(last.runs, text=waiver.group(1), author="kader", initials="k")
            para = None
            continue
        if line.lstrip().startswith("<!--"):
            continue
        h = re.match(r"(#{1,6})\s+(.*)", line)
        item = re.match(r"(\s*)[-*]\s+(.*)", line)
        if h:
            last = document.add_paragraph(h.group(2), style=dutch_heading(document, len(h.group(1))))
            para = None
        elif item:
            level = 2 if len(item.group(1)) >= 2 else 1
            para = document.add_paragraph(style="List Bullet" if level == 1 else "List Bullet 2")
            runs(para, item.group(2))
            last = para
        elif para is not None:
            # A wrapped line of the same paragraph: a line break in Word.
            para.add_run().add_break()
            para.add_run(line.strip())
        else:
            para = document.add_paragraph()
            runs(para, line.strip())
            last = para
    if props:
        xml = CUSTOM.format("".join(PROP.format(pid=i + 2, name=esc(k), value=esc(v)) for i, (k, v) in enumerate(props)))
        part = Part(PackURI("/docProps/custom.xml"), "application/vnd.openxmlformats-officedocument.custom-properties+xml", xml.encode(), document.part.package)
        document.part.package.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties")
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(out)
    print(f"{src} -> {out}")


if __name__ == "__main__":
    main()
