#!/usr/bin/env bash
# README command 2: install what is missing, then run every test level and print
# "N passed, N failed" last: native core tests, browser component tests (wasm-bindgen-test in
# headless Chromium), end-to-end tests (Playwright in Debian's Chromium against the release
# build served under a sub-path).
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
source scripts/env.sh
logs=$(mktemp -d)
passed=0; failed=0

# Adds the passed/failed counts of cargo-style "test result:" lines; a run that reports
# nothing but failed (e.g. did not compile) counts as one failure.
tally() { # name log exit-code
  read -r p f < <(awk '/test result:/ { for (i = 2; i <= NF; i++) { if ($i ~ /^passed/) p += $(i-1); if ($i ~ /^failed/) f += $(i-1) } } END { print p+0, f+0 }' "$2")
  if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  echo "== $1: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
}

# Lints: formatting here; clippy, warnings denied, inside the test builds below, whose crates
# scripts/lint-rustc.sh compiles (a lint failure fails that build, and so its level).
echo "== lint: cargo fmt --check (clippy -D warnings runs in the builds below)"
if cargo fmt --all --check > "$logs/fmt.log" 2>&1; then
  echo "lint rustfmt ... ok"; passed=$((passed + 1))
else
  cat "$logs/fmt.log"; echo "lint rustfmt ... FAILED"; failed=$((failed + 1))
fi
# Colours come only from the design tokens (both themes): no colour value in another stylesheet,
# in the markup, or in the views' inline styles.
colours='#[0-9a-fA-F]{3,8}\b|\b(rgba?|hsla?)\('
if grep -nE "$colours" style/*.css index.html src -r --include=*.css --include=*.html --include=*.rs 2>/dev/null \
    | grep -v '^style/tokens.css:' | grep -vE '\.rs:[0-9]+:\s*//' > "$logs/colours.log"; then
  cat "$logs/colours.log"; echo "lint colours only in style/tokens.css ... FAILED"; failed=$((failed + 1))
else
  echo "lint colours only in style/tokens.css ... ok"; passed=$((passed + 1))
fi
export RUSTC_WORKSPACE_WRAPPER="$PWD/scripts/lint-rustc.sh"

echo "== level 1: native core tests"
# --no-fail-fast: a failing test file does not keep the others from running (and counting).
cargo test --no-fail-fast -p console-core 2>&1 | tee "$logs/native.log"
tally "native core" "$logs/native.log" "${PIPESTATUS[0]}"

echo "== level 2: browser component tests (headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --no-fail-fast -p modelarts-console --target wasm32-unknown-unknown 2>&1 | tee "$logs/wasm.log"
tally "browser components" "$logs/wasm.log" "${PIPESTATUS[0]}"

echo "== level 3: end-to-end (release build, Playwright, Debian Chromium)"
# The site exactly as scripts/build.sh makes it (no wrapper), held to no warnings by its log:
# the split build compiles a few lines no other build does (src/shell/on_demand.rs).
if env -u RUSTC_WORKSPACE_WRAPPER ./scripts/build.sh > "$logs/build.log" 2>&1; then
  if grep -qE -- '--> (src|core)/' "$logs/build.log"; then
    grep -E -B3 -A9 -- '--> (src|core)/' "$logs/build.log"; echo "lint release build ... FAILED"; failed=$((failed + 1))
  else
    echo "lint release build ... ok"; passed=$((passed + 1))
  fi
  echo "== size budget (gzip -9 of the release site, size-budget.env)"
  if ./scripts/size.sh --check; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  node e2e/run.mjs 2>&1 | tee "$logs/e2e.log"
  tally "end-to-end" "$logs/e2e.log" "${PIPESTATUS[0]}"
else
  cat "$logs/build.log"
  echo "== end-to-end: release build failed"
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
