#!/usr/bin/env bash
# Builds the release site into dist/ (offline: every tool is pinned and installed by setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The site is split into a main module and page modules loaded on demand
# (src/shell/on_demand.rs): `wasm_split` turns the split points on, and the linker keeps its
# relocations, from which wasm-split learns what code each part needs. (RUSTFLAGS replaces the
# flags in .cargo/config.toml, so erase_components is repeated here.)
RUSTFLAGS="--cfg erase_components --cfg wasm_split -C link-arg=--emit-relocs" \
  trunk build --release --offline
# KEEP_NAMES=1 keeps function names, for bench/profile.mjs (a larger site, never the release).
node scripts/split-wasm.mjs dist
# One stylesheet for the site, from the files of style/ in index.html's order.
node scripts/bundle-css.mjs dist
# Trunk's JS minifier fails on the wasm-bindgen glue; terser minifies it.
node scripts/minify-js.mjs dist
# The files changed after Trunk hashed them: their integrity hashes, anew.
node scripts/integrity.mjs dist
