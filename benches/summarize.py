#!/usr/bin/env python3
"""Turn benches/run.sh's measurements into the figures and targets of benches/README.md."""
import json
import os
import sys

out, corpus = sys.argv[1], sys.argv[2]


def size(c):
    total = 0
    for root, _, files in os.walk(os.path.join(corpus, c)):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total


def largest(c):
    biggest = 0
    for root, _, files in os.walk(os.path.join(corpus, c)):
        biggest = max([biggest] + [os.path.getsize(os.path.join(root, f)) for f in files])
    return biggest


def means(name):
    # The median: on a shared machine a run now and then takes much longer.
    with open(os.path.join(out, f"{name}.json")) as f:
        return {r["command"]: r["median"] for r in json.load(f)["results"]}


rows = []
print()
print(f"{'corpus':<12} {'MB':>6} {'kader 1':>9} {'kader all':>10} {'floor 1':>9} {'floor all':>10}  (MB/s)")
figures = {}
for c in ["plan", "archive-200", "archive", "big"]:
    m = means(c)
    mb = size(c) / 1e6
    rate = {k: mb / v for k, v in m.items()}
    figures[c] = (mb, m, rate)
    print(f"{c:<12} {mb:6.1f} {rate['kader-1']:9.1f} {rate['kader-all']:10.1f} {rate['floor-1']:9.1f} {rate['floor-all']:10.1f}")

mb, m, rate = figures["archive"]
ratio = rate["kader-1"] / rate["floor-1"]
kader_speedup = m["kader-1"] / m["kader-all"]
floor_speedup = m["floor-1"] / m["floor-all"]
lat = means("latency")
mem = {}
for c in ["archive", "archive-200", "big"]:
    for j in ["1", str(os.cpu_count())]:
        p = os.path.join(out, f"mem-{c}-{j}.txt")
        if os.path.exists(p):
            mem[(c, j)] = int(open(p).read().split()[-1]) / 1024
growth = figures["archive"][1]["kader-1"] / figures["archive-200"][1]["kader-1"]
size_growth = figures["archive"][0] / figures["archive-200"][0]

print()
def target(name, value, ok):
    print(f"{'ok  ' if ok else 'MISS'} {name}: {value}")

target("single-thread throughput >= 50% of the parse-only floor (2,000 files, wall-clock)",
       f"{ratio * 100:.0f}% ({rate['kader-1']:.1f} vs {rate['floor-1']:.1f} MB/s)", ratio >= 0.5)
ins = dict(line.split() for line in open(os.path.join(out, "instructions.txt")) if line.strip())
ins = {k: int(v) for k, v in ins.items()}
for fmt, key in [("human", "kader-200"), ("JSON", "kader-200-json")]:
    r = ins[key] / ins["floor-200"]
    target(f"single thread, {fmt} output, <= 2x the floor's instructions (200 files, 8.8 MB)",
           f"{r:.2f}x ({ins[key] / 1e6:.0f} M vs {ins['floor-200'] / 1e6:.0f} M)", r <= 2)
target("speedup 1 -> all cores >= 90% of the floor's own speedup",
       f"kader {kader_speedup:.2f}x, floor {floor_speedup:.2f}x = {kader_speedup / floor_speedup * 100:.0f}%",
       kader_speedup >= 0.9 * floor_speedup)
extra = (lat["kader"] - lat["hello"]) * 1e3
target("one-draft check within 2 ms of hello world",
       f"{lat['kader'] * 1e3:.1f} ms vs {lat['hello'] * 1e3:.1f} ms (+{extra:.1f} ms)", extra <= 2)
for c, fixed in [("archive", None), ("big", 240)]:
    # MiB as GNU time reports them, against a limit in MB of this corpus's largest file and
    # the report's size.
    biggest = largest(c) / 1e6
    report = int(open(os.path.join(out, f"report-{c}.txt")).read().split()[0]) / 1e6
    limit = fixed or 30 + 4 * biggest + report
    peaks = {j: v for (cc, j), v in mem.items() if cc == c}
    peak = max(peaks.values()) if peaks else 0
    what = "<= 240 MB" if fixed else "<= 30 MB + 4x the largest file + the report"
    target(f"peak memory {what} ({c})",
           f"{peak:.0f} MB (limit {limit:.0f} MB; largest file {biggest:.2f} MB; report {report:.1f} MB; "
           + ", ".join(f"--jobs {j}: {v:.0f} MB" for j, v in sorted(peaks.items())) + ")",
           peak <= limit)
g = ins["kader-200"] / ins["kader-plan"]
target("10x the files -> <= 10.5x the instructions (20 -> 200 files)",
       f"{g:.2f}x (floor {ins['floor-200'] / ins['floor-plan']:.2f}x)", g <= 10.5)
base = int(open(os.path.join(out, "mem-base.txt")).read().split()[-1]) / 1024
m200 = max(v for (cc, _), v in mem.items() if cc == "archive-200")
m2000 = max(v for (cc, _), v in mem.items() if cc == "archive")
mg = (m2000 - base) / max(m200 - base, 1e-9)
target("10x the files -> <= 10.5x the memory above the base (200 -> 2,000 files)",
       f"{mg:.2f}x ({m200:.0f} -> {m2000:.0f} MB, base {base:.0f} MB)", mg <= 10.5)
target("10x the files -> <= 10.5x the time (wall-clock, for reference)",
       f"{growth:.2f}x the time for {size_growth:.2f}x the bytes (200 -> 2,000 files)",
       growth <= 10.5)
print(open(os.path.join(out, "startup.txt")).read().strip())
