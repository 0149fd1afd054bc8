#!/usr/bin/env bash
# Prints raw and gzip sizes of the release build's wasm, js, css and html (build first): the
# whole site, and what the first page needs before it can paint (all but the page modules
# fetched on demand, split_*.wasm and chunk_*.wasm: see src/shell/on_demand.rs).
# `--check`: also fails when either gzip total exceeds its budget in size-budget.env.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run scripts/build.sh first" >&2; exit 1; }
on_demand() { case "$(basename "$1")" in split_*.wasm | chunk_*.wasm) return 0 ;; *) return 1 ;; esac; }
printf '%-10s %10s %10s\n' kind bytes gzip
total_raw=0; total_gz=0; first_raw=0; first_gz=0
for kind in wasm js css html; do
  raw=0; gz=0
  for f in dist/*."$kind"; do
    [ -e "$f" ] || continue
    r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
    raw=$((raw + r)); gz=$((gz + g))
    if ! on_demand "$f"; then first_raw=$((first_raw + r)); first_gz=$((first_gz + g)); fi
  done
  printf '%-10s %10d %10d\n' "$kind" "$raw" "$gz"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
done
printf '%-10s %10d %10d\n' total "$total_raw" "$total_gz"
printf '%-10s %10d %10d\n' first-page "$first_raw" "$first_gz"
if [ "${1:-}" = "--check" ]; then
  source size-budget.env
  status=0
  if [ "$total_gz" -gt "$BUDGET_TOTAL_GZIP" ]; then
    echo "size budget exceeded: the site is $total_gz bytes gzip > $BUDGET_TOTAL_GZIP (size-budget.env)" >&2
    status=1
  fi
  if [ "$first_gz" -gt "$BUDGET_FIRST_PAGE_GZIP" ]; then
    echo "size budget exceeded: the first page needs $first_gz bytes gzip > $BUDGET_FIRST_PAGE_GZIP (size-budget.env)" >&2
    status=1
  fi
  [ "$status" -eq 0 ] && echo "size budget: site $total_gz of $BUDGET_TOTAL_GZIP, first page $first_gz of $BUDGET_FIRST_PAGE_GZIP bytes gzip"
  exit "$status"
fi
