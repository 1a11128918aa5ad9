#!/usr/bin/env bash
# kader's benchmark: throughput, parallel speedup, the parse-only floor, whole-process latency,
# peak memory, linear growth and rule-set startup, on generated corpora.
#
#     benches/run.sh                          # everything (a few minutes on 2 cores)
#     RUNS=3 benches/run.sh                   # fewer repetitions
#     KADER=/tmp/old/kader benches/run.sh     # measure another build (before/after)
#
# Needs hyperfine, GNU time and valgrind (Debian: apt-get install hyperfine time valgrind);
# installs them with apt-get when missing. Corpora are generated under target/corpus/ (not in the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}

for tool in hyperfine /usr/bin/time valgrind; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine time valgrind) >/dev/null
  fi
done

. benches/lib.sh
gen plan --files 20
gen archive --files 2000
gen archive-200 --files 200
gen big --single-mb 50
gen one --files 1 --min-kb 30 --max-kb 30

cargo build --release --quiet --bin kader --example floor --example hello --example startup --example recheck --example lsp_recheck
kader=${KADER:-target/release/kader}
floor=target/release/examples/floor
out=target/bench
mkdir -p "$out"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for c in plan archive archive-200 big; do
  echo "== $c: $(du -sb "$corpus/$c" | cut -f1) bytes"
  hyperfine -N -i --warmup 1 --runs "$RUNS" --export-json "$out/$c.json" \
    -n "kader-1" "$kader check --jobs 1 $corpus/$c" \
    -n "kader-all" "$kader check $corpus/$c" \
    -n "floor-1" "$floor --jobs 1 $corpus/$c" \
    -n "floor-all" "$floor --jobs $(nproc) $corpus/$c" >/dev/null
done

echo "== latency: one 30 KB draft as a whole process"
hyperfine -N -i --warmup 20 --runs 200 --export-json "$out/latency.json" \
  -n hello target/release/examples/hello \
  -n kader "$kader check $corpus/one/team-0001.md" >/dev/null

echo "== peak memory"
for c in archive archive-200 big; do
  for jobs in 1 "$(nproc)"; do
    /usr/bin/time -f "%M" -o "$out/mem-$c-$jobs.txt" "$kader" check --jobs "$jobs" "$corpus/$c" >/dev/null || true
  done
  # The report itself may be held: its size counts in the memory target.
  "$kader" check --jobs 1 "$corpus/$c" | wc -c >"$out/report-$c.txt" || true
done
/usr/bin/time -f "%M" -o "$out/mem-base.txt" "$kader" check --jobs 1 "$corpus/one/team-0001.md" >/dev/null || true

echo "== instruction counts (callgrind; independent of the machine's load)"
{
  echo "floor-plan $(count "$floor" --jobs 1 "$corpus/plan")"
  echo "kader-plan $(count "$kader" check --jobs 1 "$corpus/plan")"
  echo "floor-200 $(count "$floor" --jobs 1 "$corpus/archive-200")"
  echo "kader-200 $(count "$kader" check --jobs 1 "$corpus/archive-200")"
  echo "kader-200-json $(count "$kader" check --jobs 1 --format json "$corpus/archive-200")"
} | tee "$out/instructions.txt"

echo "== startup"
target/release/examples/startup | tee "$out/startup.txt"

echo "== an edit: one draft of the plan changed, the plan checked again (the editor case)"
target/release/examples/recheck "$corpus/plan" | tee "$out/recheck.txt"
# A keystroke in the language server: one ~30 KB draft changed, diagnostics to publish (#19).
target/release/examples/lsp_recheck "$corpus/plan" | tee "$out/lsp-recheck.txt"

python3 benches/summarize.py "$out" "$corpus"
