#!/usr/bin/env bash
# The regression guard: instruction counts (callgrind) of kader's hot paths, as ratios to the
# parse-only floor measured in the same run, held against benches/instructions-budget.txt.
#
#     benches/instructions.sh            # measure, compare, exit 1 on a regression > 10 %
#     benches/instructions.sh --update   # measure and write the budget (a change meant to cost more)
#
# Instruction counts do not depend on the machine's load (±0.02 % between runs, where
# wall-clock varies ±30 %). Ratios to the floor (examples/floor.rs: the same discovery,
# reading and Markdown parser, no rules) do not move with a new rustc or valgrind, which
# changes both sides alike. Needs valgrind (Debian: apt-get install valgrind) and release
# builds of kader and the examples (built here).
set -euo pipefail
cd "$(dirname "$0")/.."
budget=benches/instructions-budget.txt
tolerance=${KADER_BENCH_TOLERANCE:-1.10}

if ! command -v valgrind >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind) >/dev/null
fi
. benches/lib.sh
gen plan --files 20 >/dev/null
gen one --files 1 --min-kb 30 --max-kb 30 >/dev/null

cargo build --release --locked --quiet --bin kader --example floor --example hello
kader=target/release/kader
floor=target/release/examples/floor

floor_plan=$(count "$floor" --jobs 1 "$corpus/plan")
floor_one=$(count "$floor" --jobs 1 "$corpus/one/team-0001.md")
hello=$(count target/release/examples/hello)
plan_human=$(count "$kader" check --jobs 1 "$corpus/plan")
plan_json=$(count "$kader" check --jobs 1 --format json "$corpus/plan")
one=$(count "$kader" check "$corpus/one/team-0001.md")

python3 - "$budget" "$tolerance" "${1:-}" <<EOF
import sys
budget_path, tolerance, mode = sys.argv[1], float(sys.argv[2]), sys.argv[3]
floor_plan, floor_one, hello = $floor_plan, $floor_one, $hello
measured = {
    # a plan of 20 drafts (0.9 MB) on one thread, human output, against the floor on it
    "plan-human": $plan_human / floor_plan,
    "plan-json": $plan_json / floor_plan,
    # one 30 KB draft as a whole process (what a pre-commit hook runs), against the floor
    # reading and parsing that draft as a whole process
    "one-draft": $one / floor_one,
}
print(f"floor: plan {floor_plan/1e6:.2f} M, one draft {floor_one/1e6:.2f} M; hello world {hello/1e6:.2f} M")
print(f"kader: plan {$plan_human/1e6:.2f} M (json {$plan_json/1e6:.2f} M), one draft {$one/1e6:.2f} M")
if mode == "--update":
    with open(budget_path, "w") as f:
        f.write("# Instruction-count ratios to the parse floor, written by benches/instructions.sh --update.\n")
        f.write("# A run fails when a ratio exceeds its budget by more than 10 %.\n")
        for k, v in measured.items():
            f.write(f"{k} {v:.3f}\n")
    for k, v in measured.items():
        print(f"{k:<12} {v:7.3f}  (written to the budget)")
    sys.exit(0)
budget = {}
for line in open(budget_path):
    line = line.strip()
    if line and not line.startswith("#"):
        k, v = line.split()
        budget[k] = float(v)
failed = False
for k, v in measured.items():
    b = budget[k]
    verdict = "ok" if v <= b * tolerance else "REGRESSION"
    failed |= verdict != "ok"
    print(f"{k:<12} {v:7.3f} × the floor, budget {b:.3f} ({(v / b - 1) * 100:+.1f} %)  {verdict}")
if failed:
    print("A hot path costs more than 10 % over its budget. If that is meant, run", file=sys.stderr)
    print("benches/instructions.sh --update and say why in the commit (benches/README.md).", file=sys.stderr)
    sys.exit(1)
EOF
