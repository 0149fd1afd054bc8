#!/usr/bin/env bash
# The shipped benchmark. Builds the release site, writes saved states of 100, 1,000 and
# 10,000 batch services (10,000 with 500 pools) through the core, and prints, from one run of
# headless Chromium, the app against bench/vanilla.html (a hand-written page reading the same
# records with JSON.parse and building the same 50 rows): first rows painted, keystroke
# latency, tick cost, batch delete with its save, saved characters per service, and the gzip
# size of each file. Then the core's hot paths natively. RUNS=n sets the runs per figure.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh > /dev/null
source scripts/env.sh
./scripts/build.sh > /dev/null 2>&1 || { echo "release build failed: run scripts/build.sh" >&2; exit 1; }
states=$(mktemp -d)
trap 'rm -rf "$states"' EXIT
# bench/run.mjs writes each state just before measuring it (through this example), so the
# app does not first replay minutes of simulated time the vanilla page never sees.
cargo build --quiet --release -p console-core --example gen_state
echo "== browser: the app against a vanilla-JS page (median of ${RUNS:-3} runs; ratio = app / vanilla)"
node bench/run.mjs "$states" "${RUNS:-3}"
echo "== core hot paths (native release build, 10,000 services)"
cargo run --quiet --release -p console-core --example bench -- 10000
