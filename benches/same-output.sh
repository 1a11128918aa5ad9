#!/usr/bin/env bash
# Does a new build write exactly what an old one wrote? Every corpus, every format, both
# languages, one thread and several; stdout, stderr and the exit code, byte for byte.
#
#     benches/same-output.sh OLD-KADER NEW-KADER
#
# Used for performance work, where the output must not change (benches/README.md). The
# corpora are generated like benches/run.sh does, plus `faulty` (30 % of the fields with a
# fault, so every finding kind is rendered many times).
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1
new=$2
. benches/lib.sh
gen plan --files 20
gen one --files 1 --min-kb 30 --max-kb 30
gen archive-200 --files 200
gen faulty --files 20 --faults 0.3 --seed 7

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=0
differ=0
compare() {
  # compare NAME ARGS...: run both builds, compare everything they write.
  local name=$1
  shift
  runs=$((runs + 1))
  for side in old new; do
    local bin=$old
    [ "$side" = new ] && bin=$new
    set +e
    "$bin" "$@" >"$work/$side.out" 2>"$work/$side.err"
    echo "$?" >"$work/$side.rc"
    set -e
  done
  for part in out err rc; do
    if ! cmp -s "$work/old.$part" "$work/new.$part"; then
      differ=$((differ + 1))
      echo "DIFFERENT ($part): $name: $*" >&2
      diff "$work/old.$part" "$work/new.$part" | head -n 10 >&2 || true
      return 0
    fi
  done
}

for c in "$corpus/plan" "$corpus/one" "$corpus/faulty" "$corpus/archive-200" \
  fixtures/jaarplan-2026-2027 fixtures/clean fixtures/report; do
  for format in human json sarif github junit; do
    for jobs in 1 3; do
      compare "$c $format $jobs" check --color never --jobs "$jobs" --format "$format" "$c"
    done
    compare "$c $format en" check --color never --lang en --format "$format" "$c"
  done
  compare "$c coverage" coverage --color never "$c"
  compare "$c report" report --color never -o /dev/stdout "$c"
done
compare "colour" check --color always fixtures/jaarplan-2026-2027
compare "big file of the corpus" check --jobs 1 "$corpus/faulty/team-0001.md"

echo "$runs runs compared, $differ different"
[ "$differ" -eq 0 ]
