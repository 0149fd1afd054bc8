#!/usr/bin/env bash
# Prints raw and gzip sizes of the release build's wasm, js, css and html (build first).
# `--check`: also fails when the gzip total exceeds the budget in size-budget.env.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run scripts/build.sh first" >&2; exit 1; }
printf '%-6s %10s %10s\n' kind bytes gzip
total_raw=0; total_gz=0
for kind in wasm js css html; do
  raw=0; gz=0
  for f in dist/*."$kind"; do
    [ -e "$f" ] || continue
    raw=$((raw + $(stat -c %s "$f")))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
  done
  printf '%-6s %10d %10d\n' "$kind" "$raw" "$gz"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
done
printf '%-6s %10d %10d\n' total "$total_raw" "$total_gz"
if [ "${1:-}" = "--check" ]; then
  source size-budget.env
  if [ "$total_gz" -gt "$BUDGET_TOTAL_GZIP" ]; then
    echo "size budget exceeded: $total_gz bytes gzip > $BUDGET_TOTAL_GZIP (size-budget.env)" >&2
    exit 1
  fi
  echo "size budget: $total_gz of $BUDGET_TOTAL_GZIP bytes gzip"
fi
