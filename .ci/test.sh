#!/usr/bin/env bash
# Sets up and runs every test: formatting, clippy (-D warnings) for ssr and for hydrate on the
# wasm target separately, cargo test for each feature set, then the browser tests against the
# release build (what readers get: wasm-opt has broken it before) with fixture feeds on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

bash .ci/setup.sh
export PATH="$PWD/.ci/node_modules/.bin:$PATH"  # wasm-opt: see .ci/package.json

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

step "cargo leptos build --release"
cargo leptos build --release
step "browser tests (Chromium, release build)"
PANORAMA_BIN=target/release/panorama npm --prefix end2end test
