#!/usr/bin/env bash
# README command 1: install what is missing, build the release site, serve it on
# http://127.0.0.1:8080 from a plain static file server (no fallback needed: routes are hashes).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
echo "Serving http://127.0.0.1:8080/ (Ctrl+C to stop)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
