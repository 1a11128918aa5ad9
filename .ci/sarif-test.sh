#!/usr/bin/env bash
# kader's SARIF against the real other side: the official SARIF 2.1.0 schema (from shared/
# beside the repository, as CI has it) and Microsoft's SARIF multitool (npm
# @microsoft/sarif-multitool, `validate`). Neither checks GitHub's rule that every result has
# a physical location with a region; tests/formats.rs asserts that.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --locked --release --quiet --bin kader --example sarif_schema
kader="$repo/target/release/kader"

# 1. The bundled plan, from the repository root (exit 1: it has findings).
"$kader" check --format sarif fixtures/jaarplan-2026-2027 > "$work/plan.sarif" || [ $? -eq 1 ]
# 2. A plan repository with kader.toml and an unreadable draft, checked from a subfolder
#    (exit 2: problems become notifications, plan-wide findings sit at kader.toml).
plan="$work/repo"
mkdir -p "$plan/jaarplan" "$plan/docs"
git -C "$plan" init -q
printf 'paden = ["jaarplan"]\n' > "$plan/kader.toml"
cp fixtures/jaarplan-2026-2027/team-wijk.md "$plan/jaarplan/"
printf '# Plan\n\nCaf\xe9\n' > "$plan/jaarplan/team-oud.md"
status=0
(cd "$plan/docs" && "$kader" check --format sarif > "$work/repo.sarif") || status=$?
[ "$status" -eq 2 ] || { echo "sarif-test: expected exit 2 from the plan with an unreadable draft, got $status" >&2; exit 1; }
# 3. A plan over the kaderbrief's frame: `begroting-kader` at `team` in the front matter, with
#    its contributing actions in other drafts as related locations (exit 1).
"$kader" check --format sarif fixtures/begroting > "$work/budget.sarif" || [ $? -eq 1 ]
grep -q '"ruleId": "begroting-kader"' "$work/budget.sarif" || { echo "sarif-test: no begroting-kader in budget.sarif" >&2; exit 1; }
# 4. Progress reports against the plan: findings in the reports and in the plan, with the
#    other side (the plan's action, the milestone) as related locations (exit 1).
"$kader" voortgang --format sarif fixtures/jaarplan-2026-2027 fixtures/voortgang > "$work/progress.sarif" || [ $? -eq 1 ]
grep -q '"ruleId": "voortgang-ontbreekt"' "$work/progress.sarif" || { echo "sarif-test: no voortgang-ontbreekt in progress.sarif" >&2; exit 1; }
# 5. Word drafts: regions are paragraphs with the paragraph's text as the snippet.
"$kader" check --format sarif fixtures/docx/pandoc > "$work/word.sarif" || [ $? -eq 1 ]
grep -q '"snippet"' "$work/word.sarif" || { echo "sarif-test: no snippet in word.sarif" >&2; exit 1; }
files=("$work/plan.sarif" "$work/repo.sarif" "$work/budget.sarif" "$work/progress.sarif" "$work/word.sarif")

schema="$repo/../shared/data/sarif-schema-2.1.0.json"
if [ -f "$schema" ]; then
  "$repo/target/release/examples/sarif_schema" "$schema" "${files[@]}"
elif [ "${CI:-}" = "true" ]; then
  echo "sarif-test: the SARIF schema is not at $schema" >&2
  exit 1
else
  echo "sarif-test: no SARIF schema beside the repository; schema check skipped"
fi

mkdir -p "$work/npm"
(cd "$work/npm" && npm install --silent --no-audit --no-fund @microsoft/sarif-multitool >/dev/null)
multitool="$work/npm/node_modules/.bin/sarif-multitool"
passed=0
failed=0
for f in "${files[@]}"; do
  # The multitool exits 0 even when it reports errors: read what it says.
  "$multitool" validate "$f" > "$work/validate.txt" 2>&1 || true
  if grep -q ': error ' "$work/validate.txt" || ! grep -q 'Analysis completed successfully' "$work/validate.txt"; then
    cat "$work/validate.txt"
    echo "sarif-test: the SARIF multitool rejects $(basename "$f")" >&2
    failed=$((failed + 1))
  else
    echo "ok: the SARIF multitool accepts $(basename "$f") ($(grep -c ': warning ' "$work/validate.txt" || true) warnings)"
    passed=$((passed + 1))
  fi
done
echo "sarif: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
