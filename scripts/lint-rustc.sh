#!/usr/bin/env bash
# scripts/test.sh's RUSTC_WORKSPACE_WRAPPER: the workspace's own crates are compiled by
# clippy-driver, with warnings denied, in the builds the tests need anyway. So the lints cost
# no build of their own, and they see each build the tests run: the core natively with its
# tests and examples, the app unsplit with the browser tests, and split as the release site.
# Dependencies are compiled by plain rustc, as cargo only wraps workspace members.
exec clippy-driver "$@" -D warnings
