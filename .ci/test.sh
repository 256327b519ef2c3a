#!/usr/bin/env bash
# Sets up and runs every test: formatting, clippy (-D warnings) for ssr and for hydrate on the
# wasm target separately, cargo test for each feature set, then the browser tests against a
# cargo-leptos build served from 127.0.0.1 with fixture feeds.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

bash .ci/setup.sh

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

step "cargo leptos build"
cargo leptos build
step "browser tests (Chromium)"
npm --prefix end2end test
