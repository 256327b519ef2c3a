#!/usr/bin/env bash
# Sets up, builds (release) and serves Panorama at http://127.0.0.1:3000 with the real catalog.
#   --samples   serve the bundled sample feeds from 127.0.0.1 instead (works offline)
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/setup.sh
export PATH="$PWD/.ci/node_modules/.bin:$PATH"  # wasm-opt: see .ci/package.json
# cargo leptos runs wasm-bindgen and wasm-opt again on every build, even when nothing
# changed (about 80 s): skip the build when no input is newer than the last one that finished.
# The mark is taken before building, so an edit made during a build is built next time.
built=target/release/.serve-built
inputs=(Cargo.toml Cargo.lock rust-toolchain.toml app server/Cargo.toml server/src server/migrations
  server/catalog.toml server/data style public .ci/leptos.sh .ci/package-lock.json)
if [ -x target/release/panorama ] && [ -d target/site/pkg ] && [ -f "$built" ] &&
  [ -z "$(find "${inputs[@]}" -newer "$built" -print -quit 2>/dev/null)" ]; then
  echo "[serve] the release build is current: not building again"
else
  mkdir -p target/release
  touch "$built.next"
  bash .ci/leptos.sh build --release --precompress
  mv "$built.next" "$built"
fi

export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
export LEPTOS_ENV="${LEPTOS_ENV:-PROD}"
if [ "${1:-}" = "--samples" ]; then
  out=$(mktemp)
  node end2end/feed-server.mjs >"$out" &
  feeds=$!
  trap 'kill $feeds 2>/dev/null || true' EXIT
  for _ in $(seq 50); do grep -q PANORAMA_CATALOG "$out" && break; sleep 0.1; done
  cat "$out"
  export PANORAMA_CATALOG="$(sed -n 's/^PANORAMA_CATALOG=//p' "$out")"
fi
echo "Panorama: http://$LEPTOS_SITE_ADDR"
target/release/panorama
