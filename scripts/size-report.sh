#!/usr/bin/env bash
# Where the release site's bytes go, so the next size cut is obvious: splits the wasm of the
# last release build (scripts/build.sh) again with its function names kept, and prints each
# module's raw bytes by crate and module (code and data, names aside), then the main module's
# largest functions. Installs twiggy (crates.io) when it is missing.
# usage: ./scripts/size-report.sh [groups per module, default 25]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
TWIGGY_VERSION=0.8.0
if ! twiggy --version 2>/dev/null | grep -q "$TWIGGY_VERSION"; then
  echo "[size-report] installing twiggy $TWIGGY_VERSION (a few minutes)" >&2
  cargo install --locked twiggy@"$TWIGGY_VERSION" >&2
fi
built=target/wasm32-unknown-unknown/release/modelarts-console.wasm
[ -f "$built" ] || { echo "no release build: run scripts/build.sh first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The same steps as scripts/split-wasm.mjs, with names kept (-g, --keep-debug).
wasm-split-cli --target web --out-name main "$built" "$work/split" > /dev/null
wasm-bindgen --target=web --keep-lld-exports --keep-debug --no-typescript \
  --out-dir="$work/bindgen" --out-name=main "$work/split/main.wasm"
mv "$work/bindgen/main_bg.wasm" "$work/split/main.wasm"
# wasm-opt's flags as split-wasm.mjs passes them.
read -r -a opt_flags <<< "$(KEEP_NAMES=1 node scripts/split-wasm.mjs --opt-flags)"
for module in "$work"/split/*.wasm; do
  # wasm-opt warns of every name subsection it does not know; only a failure is worth showing.
  wasm-opt "${opt_flags[@]}" --output "$module.opt" "$module" 2> "$work/wasm-opt.log" \
    || { cat "$work/wasm-opt.log" >&2; exit 1; }
  # A part with no code (data only) is one twiggy cannot read: listed as empty.
  twiggy top -n 1000000 -f csv "$module.opt" > "${module%.wasm}.csv" 2> /dev/null \
    || echo "Name,ShallowSize,ShallowSizePercent" > "${module%.wasm}.csv"
done
node scripts/size-report.mjs "$work/split" "${1:-25}"
