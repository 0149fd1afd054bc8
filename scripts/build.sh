#!/usr/bin/env bash
# Builds the release site into dist/ (offline: every tool is pinned and installed by setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release --offline
# Trunk's JS minifier fails on the wasm-bindgen glue; terser minifies it (and fixes its SRI).
node scripts/minify-js.mjs dist
