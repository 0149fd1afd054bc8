#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there. Works on a fresh
# Debian machine with only the Rust toolchain; needs just the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# rustfmt and clippy for the lint gate (a minimal rustup profile has neither).
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

# wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen (a mismatch breaks the build).
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  log "installing wasm-bindgen-cli $WBG_VERSION (a few minutes)"
  # Not --locked: its lockfile names a dependency version the registry no longer has.
  cargo install --force wasm-bindgen-cli@"$WBG_VERSION"
fi
grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml || { echo "Trunk.toml [tools] wasm_bindgen must be $WBG_VERSION (Cargo.lock)" >&2; exit 1; }

# Trunk 0.21.x (0.22 needs a newer rustc).
if ! trunk --version 2>/dev/null | grep -q "trunk 0\.21\."; then
  log "installing trunk $TRUNK_VERSION (several minutes)"
  cargo install --locked trunk@"$TRUNK_VERSION"
fi

# wasm-split-cli: cuts the release wasm into the main module and the pages loaded on demand.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (a minute)"
  cargo install --locked wasm_split_cli_support@"$WASM_SPLIT_VERSION" --features build-binary
fi

# Debian packages: Chromium and its driver for browser tests; Node.js for wasm-opt and Playwright.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v npm >/dev/null || missing+=(nodejs npm)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# npm packages from the lockfile: binaryen (wasm-opt 132), terser, playwright-core and axe-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/terser ] \
   || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
