#!/usr/bin/env bash
# Word drafts from the real writers, made again from the Markdown plan: pandoc (Debian),
# LibreOffice headless (via pandoc's .odt) and python-docx with Dutch style names. Each
# conversion must give the findings of its Markdown original (rule, file, action, waived);
# the bytes are not compared (the writers stamp dates and IDs). The committed files in
# fixtures/docx/ are what `cargo test` reads; this script proves they can be made again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}") >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q python-docx

cargo build --locked --release --quiet
kader=target/release/kader

python3 tools/docx/make.py fixtures/jaarplan-2026-2027 "$work/pandoc" >/dev/null
bash tools/docx/libreoffice.sh fixtures/jaarplan-2026-2027 "$work/libreoffice" 2>/dev/null >/dev/null
"$work/venv/bin/python" tools/docx/python_docx.py fixtures/jaarplan-2026-2027 "$work/python-docx" >/dev/null

compare() { # compare NAME ORIGINAL CONVERTED
  "$kader" check --format json "$2" >"$work/$1-md.json" || true
  "$kader" check --format json "$3" >"$work/$1-docx.json" || true
  python3 - "$1" "$work/$1-md.json" "$work/$1-docx.json" <<'PY'
import collections, json, sys
def findings(path):
    d = json.load(open(path, encoding="utf-8"))
    if d["problems"]:
        print("FAIL:", path, d["problems"])
        sys.exit(1)
    out = collections.Counter()
    for x in d["diagnostics"]:
        stem = (x.get("file") or "").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        out[(x["rule"], stem, x.get("action"), x["waived"] is not None)] += 1
    return out, d["summary"]
(md, s1), (word, s2) = findings(sys.argv[2]), findings(sys.argv[3])
if md != word or not md:
    print("FAIL:", sys.argv[1], "only in Markdown:", list((md - word).elements()), "only in Word:", list((word - md).elements()))
    sys.exit(1)
print(f"ok: {sys.argv[1]}: the same {sum(md.values())} findings as the Markdown ({s2['files']} files, {s2['actions']} actions)")
PY
}
compare pandoc fixtures/jaarplan-2026-2027 "$work/pandoc"
compare libreoffice fixtures/jaarplan-2026-2027 "$work/libreoffice"
compare python-docx fixtures/jaarplan-2026-2027 "$work/python-docx"
