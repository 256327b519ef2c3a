#!/usr/bin/env bash
# Sets up and runs every test, beside a throwaway PostgreSQL cluster: formatting, clippy (-D warnings) for ssr and for hydrate on the
# wasm target separately, cargo test for each feature set, then the browser tests against the
# release build (what readers get: wasm-opt has broken it before) with fixture feeds on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ -z "${PANORAMA_TEST_POSTGRES:-}" ]; then
  bash .ci/setup.sh
  # Every step below runs beside one throwaway PostgreSQL cluster (the store's tests run on
  # both databases, the fleet's on PostgreSQL), stopped however the steps end.
  exec bash .ci/postgres.sh bash "$0" "$@"
fi
export PATH="$PWD/.ci/node_modules/.bin:$PATH"  # wasm-opt: see .ci/package.json
# A clean clone gains nothing from incremental builds but gigabytes of disk.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

step "rustfmt"
cargo fmt --all --check

step "clippy: ssr"
cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings
step "clippy: hydrate (wasm32)"
cargo clippy -p app --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

step "cargo test: ssr (app and server: unit and integration)"
cargo test -p app -p server --features app/ssr
step "cargo test: hydrate (app)"
cargo test -p app --no-default-features --features hydrate

# CI's clone is thrown away: the debug builds are not needed by the release build or the
# browser tests, and freeing them keeps the run's peak disk use near one build's.
if [ "${CI:-}" = true ]; then rm -rf target/debug; fi

step "release build: .ci/leptos.sh build --release --precompress (brotli and gzip copies, lazy pages split)"
bash .ci/leptos.sh build --release --precompress
step "browser tests (Chromium, release build)"
PANORAMA_BIN=target/release/panorama npm --prefix end2end test
