#!/usr/bin/env bash
# The VS Code extension's CI: tools, type-check, unit + bundle tests, package
# the .vsix, then the end-to-end test in code-server + headless Chromium.
#
#   bash scripts/ci-vscode-e2e.sh
#
# Tools are cached under ${REPLYLINT_TOOLS:-$HOME/.cache/replylint-tools}
# (first run: ~2 minutes for apt + Node 24 + code-server). Artifacts
# (screenshots, logs) go to .artifacts/vscode-e2e/. The last line is the
# e2e summary `N passed, M failed`; the exit status is non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

phase_start=$(date +%s)
timings=()
phase() {
  local now
  now=$(date +%s)
  timings+=("$1: $((now - phase_start))s")
  phase_start=$now
}
fail() {
  echo "[ci-vscode-e2e] FAILED: $*" >&2
  printf '[ci-vscode-e2e] %s\n' "${timings[@]}" >&2
  echo "0 passed, 1 failed"
  exit 1
}

echo "[ci-vscode-e2e] setup (Chromium, Node 24, code-server, playwright-core)"
bash scripts/setup-vscode-e2e.sh || fail "scripts/setup-vscode-e2e.sh"
phase "setup"

if [ ! -x node_modules/.bin/esbuild ] || [ ! -x node_modules/.bin/vsce ]; then
  echo "[ci-vscode-e2e] npm ci"
  npm ci --no-audit --no-fund || fail "npm ci"
fi
phase "npm ci"

echo "[ci-vscode-e2e] type-check packages/vscode"
npx --no-install tsc --noEmit -p packages/vscode || fail "tsc --noEmit -p packages/vscode"
phase "typecheck"

echo "[ci-vscode-e2e] package the .vsix"
rm -f packages/vscode/replylint-*.vsix
npm run package -w packages/vscode || fail "npm run package -w packages/vscode"
if ! git diff --quiet -- packages/vscode/schemas 2>/dev/null; then
  echo "[ci-vscode-e2e] note: packages/vscode/schemas changed (rules changed in core): commit the regenerated schema" >&2
fi
phase "package"

echo "[ci-vscode-e2e] unit + bundle tests"
node --test --test-reporter=spec packages/vscode/test/unit.test.mjs packages/vscode/test/bundle.test.mjs \
  || fail "packages/vscode unit/bundle tests"
phase "unit"

printf '[ci-vscode-e2e] %s\n' "${timings[@]}"
echo "[ci-vscode-e2e] e2e in code-server"
exec node packages/vscode/test/e2e.mjs
