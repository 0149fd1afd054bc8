#!/usr/bin/env bash
# The shipped benchmark. Builds the release site, writes saved states of 100, 1,000 and
# 10,000 batch services (10,000 with 500 pools) through the core, and prints, from one run of
# headless Chromium, the app against bench/vanilla.html (a hand-written page reading the same
# records with JSON.parse and building the same 50 rows): first rows painted, keystroke
# latency, tick cost, batch delete with its save, saved characters per service, and the gzip
# size of each file. Then the core's hot paths natively. RUNS=n sets the runs per figure.
# The figures of a complete run also go to bench/RESULTS.md, with the date and commit.
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
node bench/run.mjs "$states" "${RUNS:-3}" | tee "$states/browser.txt"
echo "== core hot paths (native release build, 10,000 services)"
cargo run --quiet --release -p console-core --example bench -- 10000 | tee "$states/core.txt"
# The latest figures, kept in the repository (only a complete run gets here).
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ "$commit" = unknown ] || git diff --quiet HEAD -- . ':!bench/RESULTS.md' || commit="$commit plus uncommitted changes"
section() { printf '\n## %s\n\n```text\n' "$1"; cat "$2"; printf '```\n'; }
{
  printf '# Benchmark results\n\nWritten by `scripts/bench.sh` on every run; do not edit. %s, commit %s, median of %s runs.\n' \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit" "${RUNS:-3}"
  section "Browser: the app against bench/vanilla.html (ratio = app / vanilla)" "$states/browser.txt"
  section "Core hot paths (native release build, 10,000 services)" "$states/core.txt"
} > bench/RESULTS.md
echo "== written to bench/RESULTS.md"
