#!/usr/bin/env python3
"""Write a realistic jaarplan corpus for kader's benchmarks, reproducibly (a seed).

    benches/gen_corpus.py --files 20   --out target/corpus/plan      # a real plan
    benches/gen_corpus.py --files 2000 --out target/corpus/archive   # ~70 MB, an archive
    benches/gen_corpus.py --single-mb 50 --out target/corpus/big     # one 50 MB draft
    benches/gen_corpus.py --files 1 --min-kb 30 --max-kb 30 --out target/corpus/one

Every file has TOML front matter, an introduction, sections per policy line, actions in both
forms (headings with field lists, and table rows), every field kind (text, time with nested
milestones, links to the beleidsplan and the IZA regioplan, dependencies, amounts), prose
between them, and a small share of faults (missing owner, placeholder, unreadable or
out-of-plan timeline, unknown policy link) so the rules have something to report.
"""
import argparse
import os
import random
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "rules")

WORDS = (
    "inwoners huisartsen praktijken wijk zorg ondersteuning samenwerking gemeente welzijn "
    "preventie toegankelijkheid spoedpost triage doktersassistenten praktijkondersteuners "
    "ouderen kwetsbare netwerk afspraken regio scholing digitale informatie bereikbaarheid "
    "verwijzing sociaal domein wijkverpleging apotheek ketenpartners zorgverzekeraar "
    "kwaliteit werkplezier vakantie crisis continuiteit informatievoorziening overleg "
    "ervaringen patienten evaluatie monitoring doelgroep kennisdeling gezondheid eigen regie"
).split()
TEAMS = ["Praktijkondersteuning", "Wijkzorg", "Huisartsenspoedpost", "Communicatie",
         "Inwonerparticipatie", "Kwaliteit", "ICT", "Arbeidsmarkt"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def load_ids():
    with open(os.path.join(RULES, "beleidsplan-2026-2027.toml"), "rb") as f:
        beleid = tomllib.load(f)
    with open(os.path.join(RULES, "iza-midden-nederland.toml"), "rb") as f:
        iza = tomllib.load(f)
    lines = [(n["id"], n["titel"]) for n in beleid["node"] if n["niveau"] != "lijn"]
    return lines, [n["id"] for n in iza["node"]]


def sentence(rng, n=None):
    n = n or rng.randint(8, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences=None):
    return " ".join(sentence(rng) for _ in range(sentences or rng.randint(2, 6)))


def period(rng):
    y = rng.choice([2026, 2026, 2027])
    return rng.choice([
        f"Q{rng.randint(1, 2)} {y} – Q{rng.randint(3, 4)} 2027",
        f"januari 2026 – december 2027",
        f"{rng.choice(['voorjaar', 'najaar'])} 2026 – eind 2027",
        f"H{rng.randint(1, 2)} 2026",
        "2026–2027",
        f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2026 – {rng.randint(1, 28)} {rng.choice(MONTHS)} 2027",
    ])


def milestones(rng):
    out = []
    for q in sorted(rng.sample(range(1, 9), rng.randint(1, 4))):
        y = 2026 if q <= 4 else 2027
        out.append(f"  - Q{(q - 1) % 4 + 1} {y}: {sentence(rng, rng.randint(4, 10))[:-1].lower()}")
    return out


class Writer:
    def __init__(self, rng, file_no, lines, iza, fault_rate):
        self.rng, self.file_no, self.lines, self.iza = rng, file_no, lines, iza
        self.fault_rate = fault_rate
        self.n = 0
        self.ids = []

    def fault(self):
        return self.rng.random() < self.fault_rate

    def next_id(self):
        self.n += 1
        i = f"T{self.file_no}-{self.n:03d}"
        self.ids.append(i)
        return i

    def action(self):
        rng = self.rng
        aid = self.next_id()
        line_id, line_title = rng.choice(self.lines)
        out = [f"### Actie {aid}: {sentence(rng, rng.randint(3, 8))[:-1]}", ""]
        owner = f"Team {rng.choice(TEAMS)} ({rng.choice('ABCDEFGHJKLMNPRSTVW')}. de Vries)"
        if self.fault():
            owner = rng.choice(["", "n.t.b.", "PM"])
        out.append(f"- **{rng.choice(['Eigenaar', 'Trekker'])}:** {owner}")
        link = f"{line_id} {line_title}" if rng.random() < 0.5 else line_id
        if self.fault():
            link = "XX.YY.9"
        out.append(f"- **Beleidslijn:** {link}")
        out.append(f"- **IZA:** {rng.choice(self.iza + ['geen'])}")
        when = period(rng)
        if self.fault():
            when = rng.choice(["Q5 2026", "medio 2028", "binnenkort"])
        out.append(f"- **Tijdpad:** {when}")
        if rng.random() < 0.6:
            out.extend(milestones(rng))
        inzet = f"{rng.randint(1, 9) / 10:.1f}".replace(".", ",") + f" fte; € {rng.randint(2, 90)}.000"
        if self.fault():
            inzet = "€ PM"
        out.append(f"- **Inzet:** {inzet}; communicatie via het NUBericht")
        out.append(f"- **Beoogd resultaat:** eind 2027 {rng.randint(5, 95)}% {sentence(rng, 8)[:-1].lower()}")
        if len(self.ids) > 1 and rng.random() < 0.3:
            out.append(f"- **Afhankelijk van:** {rng.choice(self.ids[:-1])}")
        out.append(f"- **IEP:** Inwoners merken dat {paragraph(rng, 2).lower()}")
        out.append("")
        out.append(paragraph(rng))
        out.append("")
        return "\n".join(out)

    def table(self):
        rng = self.rng
        rows = ["| Actie | Eigenaar | Beleidslijn | Tijdpad | Inzet | Resultaat | IEP |",
                "|---|---|---|---|---|---|---|"]
        for _ in range(rng.randint(2, 5)):
            aid = self.next_id()
            line_id, _ = rng.choice(self.lines)
            rows.append(
                f"| {aid} {sentence(rng, 4)[:-1]} | Team {rng.choice(TEAMS)} | {line_id} | {period(rng)} "
                f"| 0,{rng.randint(1, 9)} fte | in 2027 {rng.randint(2, 40)} {rng.choice(WORDS)} "
                f"| Inwoners merken dat {sentence(rng, 16).lower()} |"
            )
        return "\n".join(rows) + "\n"


def draft(rng, file_no, target_bytes, lines, iza, fault_rate):
    w = Writer(rng, file_no, lines, iza, fault_rate)
    team = rng.choice(TEAMS)
    parts = [
        "+++",
        f'team = "{team}"',
        f'auteur = "{rng.choice("ABCDEFGH")}. Jansen"',
        f'versie = "0.{rng.randint(1, 9)}"',
        'status = "concept"',
        "+++",
        "",
        f"# Jaarplan 2026–2027 — team {team}",
        "",
        paragraph(rng, 6),
        "",
    ]
    size = sum(len(p) + 1 for p in parts)
    while size < target_bytes:
        section = [f"## {rng.choice(lines)[1]}", "", paragraph(rng), ""]
        for _ in range(rng.randint(2, 5)):
            section.append(w.table() if rng.random() < 0.2 else w.action())
        text = "\n".join(section)
        parts.append(text)
        size += len(text.encode("utf-8")) + 1
    return "\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--min-kb", type=int, default=20)
    ap.add_argument("--max-kb", type=int, default=60)
    ap.add_argument("--single-mb", type=int, help="write one file of this many MB instead")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--faults", type=float, default=0.03, help="share of fields with a fault")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    lines, iza = load_ids()
    os.makedirs(args.out, exist_ok=True)
    total = 0
    if args.single_mb:
        text = draft(rng, 1, args.single_mb * 1024 * 1024, lines, iza, args.faults)
        path = os.path.join(args.out, "groot-plan.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total = len(text.encode("utf-8"))
    else:
        for i in range(1, args.files + 1):
            target = rng.randint(args.min_kb, args.max_kb) * 1024
            text = draft(rng, i, target, lines, iza, args.faults)
            with open(os.path.join(args.out, f"team-{i:04d}.md"), "w", encoding="utf-8") as f:
                f.write(text)
            total += len(text.encode("utf-8"))
    print(f"{args.out}: {args.files if not args.single_mb else 1} files, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
