#!/usr/bin/env python3
"""Check the DOM that headless Chromium built from a kader report.

usage: check_report.py DOM CONSOLE SUMMARY_JSON [--hostile]

DOM is Chromium's --dump-dom output (after the page's script ran), CONSOLE its log, and
SUMMARY_JSON `kader check --format json` of the same plan, which says how many actions and
findings the page must show.
"""
import json
import re
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []  # (tag, attrs dict)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def main():
    dom_path, console_path, summary_path = sys.argv[1:4]
    hostile = "--hostile" in sys.argv
    # `kader voortgang --format html`: the page has the Voortgang view as well.
    progress = "--progress" in sys.argv
    dom_text = open(dom_path, encoding="utf-8").read()
    console = open(console_path, encoding="utf-8", errors="replace").read()
    report_json = json.load(open(summary_path, encoding="utf-8"))
    summary = report_json["summary"]
    over_findings = sum(
        1 for d in report_json["diagnostics"] if d["rule"] in ("begroting-kader", "begroting-lijn")
    )
    dom = Dom()
    dom.feed(dom_text)
    problems = []

    logged = [l for l in console.splitlines() if ":CONSOLE" in l]
    if logged:
        problems.append("console messages: " + " | ".join(logged))

    body = next((a for t, a in dom.tags if t == "body"), {})
    if body.get("data-ready") != "1":
        problems.append("the page's script did not finish (no data-ready on <body>)")
    if "data-pwned" in body:
        problems.append(f"script from a draft ran: data-pwned={body['data-pwned']!r}")

    def count(tag, cls=None, attr=None):
        n = 0
        for t, a in dom.tags:
            if t != tag:
                continue
            if cls and cls not in a.get("class", "").split():
                continue
            if attr and attr not in a:
                continue
            n += 1
        return n

    scripts = count("script")
    if scripts != 1:
        problems.append(f"{scripts} <script> elements; only the report's own may exist")
    for tag in ("img", "iframe", "a"):
        if count(tag):
            problems.append(f"a <{tag}> element from a draft")
    svgs = count("svg")
    want_svgs = 2 if progress else 1
    if svgs != want_svgs:
        problems.append(f"{svgs} <svg> elements; only the Gantt chart(s) may exist ({want_svgs})")
    for t, a in dom.tags:
        for k in a:
            if k.startswith("on"):
                problems.append(f"an event handler attribute {k} on <{t}>")

    ids = {a.get("id") for _, a in dom.tags}
    for section in ("gereedheid", "per-team", "tijdlijn", "gantt", "dekking", "acties", "bevindingen"):
        if section not in ids:
            problems.append(f"section #{section} is missing")

    # The budget against the kaderbrief: a cell over its frame is marked, one pair (planned,
    # difference) per finding about a frame at least.
    over = sum(1 for t, a in dom.tags if t == "td" and "over" in a.get("class", "").split())
    if not hostile:
        if "begroting" not in ids:
            problems.append("section #begroting is missing")
        if over < 2 * over_findings:
            problems.append(f"{over} cells marked over the frame for {over_findings} findings about a frame")

    # The Voortgang view: every action with its latest status, the peildatum line, the
    # delayed bars with their new planning, and one missed milestone per finding about one.
    replanned = count("rect", cls="replanned")
    if progress:
        for section in ("voortgang", "voortgang-gantt", "voortgang-tabel"):
            if section not in ids:
                problems.append(f"section #{section} is missing")
        if count("line", cls="peildatum") != 1:
            problems.append("no peildatum line in the Voortgang timeline")
        if count("rect", cls="delayed") == 0 or replanned == 0:
            problems.append("no delayed bar with its new planning")
        rows = sum(1 for t, a in dom.tags if t == "tr" and "data-action" in a and "class" not in a)
        if rows != summary["actions"]:
            problems.append(f"{rows} rows in the Voortgang table, the plan has {summary['actions']}")
        missed_findings = sum(1 for d in report_json["diagnostics"] if d["rule"] == "voortgang-mijlpaal")
        if count("li", cls="missed") != missed_findings or missed_findings == 0:
            problems.append(f"{count('li', cls='missed')} missed milestones shown for {missed_findings} findings")

    actions = count("tr", cls="action")
    if actions != summary["actions"]:
        problems.append(f"{actions} action rows, the plan has {summary['actions']}")
    findings = count("div", cls="finding")
    expected = summary["errors"] + summary["warnings"] + summary["notes"] + summary["waived"]
    if findings != expected:
        problems.append(f"{findings} findings shown, kader check reports {expected}")
    bars = count("rect", cls="bar")
    if not hostile and bars == 0:
        problems.append("no Gantt bars")
    if bars > summary["actions"] * (2 if progress else 1):
        problems.append(f"{bars} Gantt bars for {summary['actions']} actions")
    late = sum(1 for t, a in dom.tags if t == "rect" and "late" in a.get("class", "").split())

    for p in problems:
        print("FAIL:", p)
    if problems:
        sys.exit(1)
    print(
        f"ok: {actions} actions, {findings} findings, {bars} Gantt bars ({late} with a "
        f"timeline finding), {over} budget cells over the frame, {replanned} replanned bars, "
        "script ran, no console messages"
    )


if __name__ == "__main__":
    main()
