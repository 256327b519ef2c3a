#!/usr/bin/env bash
# Benchmarks, not tests: prints figures and asserts nothing. Sets up what it needs (wrk from
# Debian, feedparser from PyPI in .ci/venv) on top of setup.sh.
#   1. criterion: decode + parse + normalize + sanitize over a corpus of 20 feeds, beside
#      feed-rs's bare parse and a bare quick-xml scan of the same bytes; then Python's
#      feedparser on the same files, and the throughput ratios.
#   2. wrk on 127.0.0.1: /api/timeline for 60 sources with a warm cache, requests/s and p99.
#   3. the server's resident memory with those 60 sources' feeds cached.
#   4. a first visit's compressed transfer (brotli): page, CSS, JS, wasm.
#   5. criterion: a full regrouping of More Related News over 2,000 articles in six languages,
#      and placing one more afterwards; then the same on real news (ECB+, English, read from
#      ../shared/related-dev): pairwise precision, recall, F1, the largest story, the times;
#      and across languages on the WMT news test sets (target/related-wmt.jsonl, written by
#      server/benches/prepare_wmt.py; skipped when absent), with real Arabic news of 2015 as
#      distractors (target/related-saudinews.jsonl, server/benches/prepare_saudi.py); then
#      all of them end to end, as feeds read by the release binary (related_e2e.py).
#   6. the store: 500,000 generated stories (criterion).
#   7. Lighthouse performance (mobile) of the home and an article page, and their first visit.
#   8. the fleet (.ci/fleet-bench.sh): 1 and 3 instances on PostgreSQL, 1 on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

bash .ci/setup.sh >/dev/null
command -v wrk >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
if [ ! -x .ci/venv/bin/python ]; then python3 -m venv .ci/venv; fi
.ci/venv/bin/pip install -q --disable-pip-version-check feedparser==6.0.14

say "1. one feed's way through Panorama (criterion), and feedparser on the same files"
cargo bench -q -p server --bench pipeline 2>&1 | grep -E '^(corpus|timeline)/|time:|thrpt:' || true
.ci/venv/bin/python .ci/bench_feedparser.py target/bench-corpus target/criterion

say "2. /api/timeline for 60 sources, warm cache (wrk on 127.0.0.1)"
export PATH="$PWD/.ci/node_modules/.bin:$PATH"
bash .ci/leptos.sh build --release --precompress >/dev/null 2>&1
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
feeds_port=$(free_port)
python3 -m http.server "$feeds_port" --bind 127.0.0.1 --directory target/bench-corpus >/dev/null 2>&1 &
pids+=($!)
files=(target/bench-corpus/*.xml)
{
  echo 'countries = ["WORLD"]'
  echo 'languages = ["en"]'
  echo 'categories = ["sports"]'
  for i in $(seq 0 59); do
    file=$(basename "${files[$((i % ${#files[@]}))]}")
    printf '\n[[source]]\nid = "bench-%02d"\nname = "Bench %02d"\ncountry = "WORLD"\nlanguage = "en"\nhomepage = "https://bench%02d.example"\n[source.feeds]\ntop = "http://127.0.0.1:%s/%s?source=%02d"\n' \
      "$i" "$i" "$i" "$feeds_port" "$file" "$i"
  done
} >"$work/catalog.toml"
port=$(free_port)
LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD RUST_LOG=warn \
  PANORAMA_CATALOG="$work/catalog.toml" PANORAMA_DATABASE_URL="sqlite://$work/panorama.db" PANORAMA_DEADLINE_MS=60000 PANORAMA_FEED_TTL_SECS=3600 \
  target/release/panorama &
server=$!
pids+=($server)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/catalog" >/dev/null && break; sleep 0.1; done
ids=$(seq -f 'bench-%02g' 0 59 | paste -sd, -)
url="http://127.0.0.1:$port/api/timeline?sources=$ids&limit=30"
cold=$(curl -s -o /dev/null -w '%{time_total}' "$url")
curl -sf "$url" | python3 -c 'import json,sys; p=json.load(sys.stdin); print("warm-up: %d sources, %d articles on the page, cold request %s s" % (len(p["sources"]), len(p["articles"]), sys.argv[1]))' "$cold"
wrk -t2 -c16 -d15s --latency "$url" | tee "$work/wrk.txt" | grep -E 'Requests/sec|Latency|99%|Socket errors|Non-2xx' || true

say "3. resident memory with the 60 sources' feeds cached"
grep -E 'VmRSS|VmHWM' "/proc/$server/status"

say "4. a first visit's compressed transfer (brotli): the page, its CSS, JS and wasm"
home=$(curl -s -H 'accept-encoding: br' "http://127.0.0.1:$port/" --compressed)
total=0
for path in / $(grep -oE '/pkg/panorama\.[A-Za-z0-9_-]+\.(css|js|wasm)' <<<"$home" | sort -u); do
  bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'accept-encoding: br' "http://127.0.0.1:$port$path")
  printf '  %-48s %8d bytes\n' "$path" "$bytes"
  total=$((total + bytes))
done
printf '  %-48s %8d bytes (target: 350 KB)\n' "first visit" "$total"

say "5. More Related News: regrouping 2,114 articles and placing one (criterion); real news (ECB+; WMT test sets across languages, if target/related-wmt.jsonl was written, with Arabic news if target/related-saudinews.jsonl was)"
cargo bench -q -p server --bench related 2>&1 | grep -E '^related/|time:' || true
cargo bench -q -p server --bench related_real 2>&1 | grep -vE '^\s*$|Compiling|Finished|Running' || true
cargo bench -q -p server --bench related_wmt 2>&1 | grep -vE '^\s*$|Compiling|Finished|Running' || true
# End to end through the release binary (built above): the sets as feeds on 127.0.0.1.
if [ -f target/related-wmt.jsonl ] && [ -x target/release/panorama ]; then
  e2e=(--data target/related-wmt.jsonl)
  [ -f target/related-saudinews.jsonl ] && e2e+=(--data target/related-saudinews.jsonl)
  [ -f ../shared/related-dev/articles.jsonl ] && e2e+=(--data ../shared/related-dev/articles.jsonl)
  python3 server/benches/related_e2e.py --binary target/release/panorama "${e2e[@]}" 2>/dev/null || true
fi

say "6. The store: 500,000 generated stories in six languages (STORIES=n for fewer)"
cargo bench -q -p server --bench store

say "7. Lighthouse performance, as a phone on slow 4G (median of 3), home and article pages"
node end2end/lighthouse-bench.mjs

say "8. The fleet: one instance on SQLite, one and three on one PostgreSQL (throwaway cluster)"
bash .ci/fleet-bench.sh
