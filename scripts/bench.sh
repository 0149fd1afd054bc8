#!/usr/bin/env bash
# Prints the speed figures of the core's hot paths (default: 5,000 services) and the size of
# the release build (building it if there is none).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== core speed (native release build)"
cargo run --quiet --release -p console-core --example bench -- "${1:-5000}"
echo "== release build size"
[ -d dist ] || ./scripts/build.sh
./scripts/size.sh
