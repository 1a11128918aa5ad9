#!/usr/bin/env bash
# `kader lsp` with a real LSP client: pytest-lsp (PyPI, on pygls) starts the server as an
# editor would and drives it over stdio (tests/lsp/test_lsp.py). Uses the release binary.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "pytest-lsp>=1.0,<2"
"$work/venv/bin/pip" list --disable-pip-version-check 2>/dev/null | grep -E -i "^(pytest-lsp|pygls|lsprotocol) "

cargo build --quiet --locked --release --manifest-path "$repo/Cargo.toml"
export KADER_BIN="$repo/target/release/kader"
cd "$repo/tests/lsp"
"$work/venv/bin/pytest" -q -p no:cacheprovider .
