#!/usr/bin/env bash
# cargo leptos as Panorama needs it, for every build: `bash .ci/leptos.sh build --release
# --precompress` (what the scripts run), `bash .ci/leptos.sh watch` (development).
#
# - `--split`: the lazy pages (app/src/lib.rs, lazy_page!) are their own wasm files. A build
#   without it does not run: the wasm then imports `__wasm_split_placeholder__`.
# - The split wasm is compiled without reference types. Rust enables them for wasm32 by default,
#   and the wasm-bindgen crate then keeps JS values in an externref table that wasm-bindgen's
#   CLI sets up only in a module it sees whole: once the split has cut the lazy pages out, the
#   main module imports `__wbindgen_externref_xform__`, which no browser can resolve. cargo
#   leptos adds this variable to the flags it passes for the wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types"
exec cargo leptos "$@" --split
