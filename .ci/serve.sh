#!/usr/bin/env bash
# Sets up, builds (release) and serves Panorama at http://127.0.0.1:3000 with the real catalog.
#   --samples   serve the bundled sample feeds from 127.0.0.1 instead (works offline)
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/setup.sh
export PATH="$PWD/.ci/node_modules/.bin:$PATH"  # wasm-opt: see .ci/package.json
bash .ci/leptos.sh build --release --precompress

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
