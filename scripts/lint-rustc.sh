#!/usr/bin/env bash
# scripts/test.sh's RUSTC_WORKSPACE_WRAPPER: the workspace's own crates are compiled by
# clippy-driver, warnings denied, in the builds the tests need anyway, so the lints cost no
# build of their own: the core natively with its tests and examples, the app with the browser
# tests. (The release site is built without it: a wrapper changes the site's bytes, and the
# site tested must be the one scripts/build.sh makes.) Cargo wraps only workspace members.
exec clippy-driver "$@" -D warnings
