#!/usr/bin/env bash
# The fleet's figures (a benchmark: prints, asserts nothing). Three set-ups on this machine,
# everything on 127.0.0.1, beside a throwaway PostgreSQL cluster (.ci/postgres.sh):
#   - one instance on SQLite, one instance on PostgreSQL, three instances on one PostgreSQL;
#   - in each, wrk asks /api/timeline (20 sources, 30 stories) for $SECONDS_PER_RUN seconds,
#     spread over the instances (one wrk per instance, started together), while the feeds'
#     time to live is $TTL seconds;
#   - it prints requests/s (summed over the instances), the worst instance's p99, and the
#     outlets' requests per feed per TTL (a 304 counts), from the fixture server's log.
# Needs the release build (bash .ci/leptos.sh build --release) and wrk (bench.sh installs it).
#   bash .ci/fleet-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PANORAMA_TEST_POSTGRES:-}" ]; then exec bash .ci/postgres.sh bash "$0" "$@"; fi

TTL=${TTL:-5}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
FEEDS=20
bin=target/release/panorama
[ -x "$bin" ] || { echo "fleet-bench: build first: bash .ci/leptos.sh build --release" >&2; exit 1; }
command -v wrk >/dev/null || { echo "fleet-bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Fixture outlets: static RSS files (so a conditional request gets a 304), every request logged.
mkdir -p "$work/feeds"
python3 - "$work/feeds" "$FEEDS" <<'EOF'
import sys, datetime
folder, count = sys.argv[1], int(sys.argv[2])
now = datetime.datetime.now(datetime.timezone.utc)
for f in range(count):
    items = "".join(
        f"<item><title>Feed {f} story {i}: the council meets on the budget</title>"
        f"<link>https://feed{f}.example/{i}</link><guid>feed{f}-{i}</guid>"
        f"<pubDate>{(now - datetime.timedelta(minutes=7 * i + f)).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
        f"<description>Story {i} of feed {f}, with a few sentences of summary text.</description></item>"
        for i in range(30))
    with open(f"{folder}/feed{f:02d}.xml", "w") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                  f'<title>Feed {f}</title><link>https://feed{f}.example/</link>{items}</channel></rss>')
EOF
feeds_port=$(free_port)
python3 -u -m http.server "$feeds_port" --bind 127.0.0.1 --directory "$work/feeds" 2>"$work/outlets.log" >/dev/null &
pids+=($!)
{
  echo 'countries = ["WORLD"]'; echo 'languages = ["en"]'; echo 'categories = []'
  for i in $(seq 0 $((FEEDS - 1))); do
    printf '\n[[source]]\nid = "feed-%02d"\nname = "Feed %02d"\ncountry = "WORLD"\nlanguage = "en"\nhomepage = "https://feed%02d.example"\n[source.feeds]\ntop = "http://127.0.0.1:%s/feed%02d.xml"\n' \
      "$i" "$i" "$i" "$feeds_port" "$i"
  done
} >"$work/catalog.toml"
sources=$(seq -f 'feed-%02g' 0 $((FEEDS - 1)) | paste -sd, -)

# new_database <name>: an empty database in the cluster; prints its address.
new_database() {
  local name="panorama_bench_$1"
  psql -q "$PANORAMA_TEST_POSTGRES" -c "CREATE DATABASE $name" >/dev/null
  echo "${PANORAMA_TEST_POSTGRES%/*}/$name"
}

# run <label> <database address> <instances>
run() {
  local label=$1 database=$2 count=$3 ports=() servers=()
  for n in $(seq "$count"); do
    local port; port=$(free_port)
    LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD RUST_LOG=error \
      PANORAMA_CATALOG="$work/catalog.toml" PANORAMA_DATABASE_URL="$database" PANORAMA_INSTANCE="bench-$n" \
      PANORAMA_FEED_TTL_SECS="$TTL" PANORAMA_REFRESH_EVERY_SECS=1 PANORAMA_RELATED_EVERY_SECS=0 \
      PANORAMA_DEADLINE_MS=10000 "$bin" &
    pids+=($!); servers+=($!); ports+=("$port")
  done
  for port in "${ports[@]}"; do
    for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    curl -sf "http://127.0.0.1:$port/api/timeline?sources=$sources&limit=30" >/dev/null
  done
  local before; before=$(grep -c '"GET /feed' "$work/outlets.log" || true)
  local conns=$(( (16 + count - 1) / count )) loads=()
  for port in "${ports[@]}"; do
    wrk -t1 -c"$conns" -d"${SECONDS_PER_RUN}s" --latency \
      "http://127.0.0.1:$port/api/timeline?sources=$sources&limit=30" >"$work/wrk-$port.txt" &
    loads+=($!)
  done
  wait "${loads[@]}"
  sleep 0.2
  local after; after=$(grep -c '"GET /feed' "$work/outlets.log" || true)
  kill "${servers[@]}" 2>/dev/null || true
  python3 - "$label" "$count" "$((after - before))" "$FEEDS" "$SECONDS_PER_RUN" "$TTL" "${ports[@]/#/$work/wrk-}" <<'EOF'
import re, sys
label, count, fetches, feeds, seconds, ttl = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
rates, p99s, errors = [], [], 0
unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}
for path in sys.argv[7:]:
    text = open(path + ".txt").read()
    rates.append(float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    p99s.append(float(m.group(1)) * unit[m.group(2)])
    for m in re.finditer(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*?(\d+) timeout", text):
        errors += int(m.group(1) or m.group(2) or 0)
per = fetches / feeds / (seconds / ttl)
print(f"  {label:<34} {sum(rates):>9.0f} req/s   p99 {max(p99s):>7.1f} ms   "
      f"outlet requests per feed per TTL {per:.2f}   errors {errors}")
EOF
}

echo "== the fleet: /api/timeline for $FEEDS sources, TTL ${TTL} s, ${SECONDS_PER_RUN} s per run, wrk on 127.0.0.1 ($(nproc) cores)"
run "SQLite, 1 instance" "sqlite://$work/bench.db" 1
run "PostgreSQL, 1 instance" "$(new_database one)" 1
run "PostgreSQL, 3 instances" "$(new_database three)" 3
