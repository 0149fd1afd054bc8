#!/usr/bin/env bash
# An A/B of start-up between another revision and the working tree: builds both release
# sites (the other in a temporary git worktree, into target/ab-other: a cargo target dir of its
# own, kept for the next A/B; sharing this checkout's would let cargo take one checkout's
# artifacts for the other's, as the crates' names and hashes are the same) and alternates
# their loads in one headless Chromium (bench/ab.mjs):
# first rows at 100 and 10,000 services, and where the time goes. Each site is given the
# same state in the stored form of its own revision (each revision's gen_state writes it).
# usage: ./scripts/ab.sh <git revision> [loads of each, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: ./scripts/ab.sh <git revision> [loads of each]}
git rev-parse --verify --quiet "$rev^{commit}" > /dev/null || { echo "no revision $rev" >&2; exit 1; }
./scripts/setup.sh > /dev/null
source scripts/env.sh
work=$(mktemp -d)
cleanup() { git worktree remove --force "$work/other" 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
git worktree add --quiet --detach "$work/other" "$rev"
mkdir -p target/ab-other
ln -s "$PWD/target/ab-other" "$work/other/target"
ln -s "$PWD/node_modules" "$work/other/node_modules"
echo "== building $rev" >&2
(cd "$work/other" && ./scripts/build.sh > "$work/build-other.log" 2>&1) || { cat "$work/build-other.log" >&2; exit 1; }
(cd "$work/other" && cargo build --quiet --release -p console-core --example gen_state)
cp -r "$work/other/dist" "$work/A"
echo "== building the working tree" >&2
./scripts/build.sh > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
cp -r dist "$work/B"
cargo build --quiet --release -p console-core --example gen_state
GEN_A=target/ab-other/release/examples/gen_state GEN_B=target/release/examples/gen_state \
  node bench/ab.mjs "$work/A" "$work/B" "${2:-16}" "$(git rev-parse --short "$rev")" "working tree"
