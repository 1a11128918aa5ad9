#!/usr/bin/env bash
# The reviewer's report in a real browser: Debian's Chromium opens the report of the bundled
# plan headless; the DOM it builds is checked (sections, action rows, findings, Gantt bars,
# the page's own script ran, no console messages), and a draft full of script and event
# handlers must show as text. Screenshots go to a temporary folder, never the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi

cargo build --locked --release --quiet
kader=target/release/kader
work=$(mktemp -d)
export KADER_TODAY=2026-08-01

browse() { # browse HTML PREFIX: dump the DOM and take a screenshot
  local flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --user-data-dir="$work/profile-$2" --enable-logging=stderr --v=0)
  timeout 120 chromium "${flags[@]}" --dump-dom "file://$1" >"$work/$2.dom.html" 2>"$work/$2.console.txt"
  timeout 120 chromium "${flags[@]}" --window-size=1400,3000 --screenshot="$work/$2.png" "file://$1" \
    >/dev/null 2>&1
}

check() { # check NAME PATHS... [-- --hostile]
  local name=$1; shift
  local extra=()
  if [ "${1:-}" = "--hostile" ]; then extra=(--hostile); shift; fi
  $kader report "$@" -o "$work/$name.html" || true
  $kader check --format json "$@" >"$work/$name.json" || true
  browse "$work/$name.html" "$name"
  python3 .ci/check_report.py "$work/$name.dom.html" "$work/$name.console.txt" "$work/$name.json" "${extra[@]}"
  echo "   screenshot: $work/$name.png"
}

check plan fixtures/jaarplan-2026-2027

# The Voortgang view: the example reports held against the plan.
$kader voortgang fixtures/jaarplan-2026-2027 fixtures/voortgang --format html -o "$work/voortgang.html" || true
$kader voortgang fixtures/jaarplan-2026-2027 fixtures/voortgang --format json >"$work/voortgang.json" || true
browse "$work/voortgang.html" voortgang
python3 .ci/check_report.py "$work/voortgang.dom.html" "$work/voortgang.console.txt" "$work/voortgang.json" --progress
echo "   screenshot: $work/voortgang.png"
check budget fixtures/begroting
check hostile --hostile fixtures/report/script-in-draft.md
# The same input gives the same bytes.
# The plan has errors: exit 1, like kader check.
status=0
$kader report fixtures/jaarplan-2026-2027 -o "$work/again.html" || status=$?
[ "$status" -eq 1 ] || { echo "kader report exited $status on a plan with errors, not 1" >&2; exit 1; }
cmp "$work/plan.html" "$work/again.html"
echo "ok: the report is byte-for-byte the same on a second run"
