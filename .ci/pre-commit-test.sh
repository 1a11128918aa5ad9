#!/usr/bin/env bash
# The real pre-commit framework (from PyPI) runs this repository's hook (.pre-commit-hooks.yaml,
# language: rust) in a throwaway plan repository: a faulty draft blocks the commit, the fixed
# draft passes, an untracked faulty draft beside it does not block. Uses the committed HEAD of
# this repository, as pre-commit does.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
export PATH="$work/venv/bin:$PATH"
export PRE_COMMIT_HOME="$work/pre-commit-cache"
pre-commit --version

plan="$work/plan"
cargo run --quiet --release --manifest-path "$repo/Cargo.toml" -- init "$plan" > /dev/null
cd "$plan"
git init -q
git config user.email ci@example.invalid
git config user.name CI
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $(git -C "$repo" rev-parse HEAD)
    hooks:
      - id: kader
YAML
pre-commit install > /dev/null

# A draft without an owner: the commit must be blocked.
sed -i '/\*\*Eigenaar:\*\*/d' jaarplan/team-voorbeeld.md
git add -A
if git commit -q -m "concept zonder eigenaar" > "$work/blocked.log" 2>&1; then
  cat "$work/blocked.log"
  echo "pre-commit-test: the faulty draft was committed" >&2
  exit 1
fi
grep -q "actie-eigenaar" "$work/blocked.log" || { cat "$work/blocked.log"; echo "pre-commit-test: no actie-eigenaar finding" >&2; exit 1; }
echo "pre-commit-test: the faulty draft was blocked (actie-eigenaar)"

# The fixed draft passes (coverage warnings do not block).
sed -i 's/^- \*\*Beleidslijn:\*\*/- **Eigenaar:** Team HRM\n- **Beleidslijn:**/' jaarplan/team-voorbeeld.md
git add -A
git commit -q -m "concept met eigenaar" > "$work/passed.log" 2>&1 || { cat "$work/passed.log"; echo "pre-commit-test: the fixed draft was blocked" >&2; exit 1; }
echo "pre-commit-test: the fixed draft was committed"

# An untracked faulty draft is not part of the commit (the hook checks git's index with
# --staged): a commit of another change must go through.
printf '### Actie NW-01: Nog niet af\n\n- **Eigenaar:** n.t.b.\n' > jaarplan/team-nieuw.md
sed -i 's/^# Jaarplan/# Jaarplan (herzien)/' jaarplan/team-voorbeeld.md
git add jaarplan/team-voorbeeld.md
git commit -q -m "herzien, met een los concept ernaast" > "$work/untracked.log" 2>&1 || { cat "$work/untracked.log"; echo "pre-commit-test: an untracked draft blocked the commit" >&2; exit 1; }
git ls-files --error-unmatch jaarplan/team-nieuw.md >/dev/null 2>&1 && { echo "pre-commit-test: the untracked draft was committed" >&2; exit 1; }
echo "pre-commit-test: an untracked faulty draft did not block the commit"
echo "pre-commit: 3 passed, 0 failed"
