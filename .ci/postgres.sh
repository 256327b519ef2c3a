#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: Debian's own binaries, data in a new
# temporary folder, listening on 127.0.0.1 on a free port, stopped and removed when the command
# ends, whether it passed or failed. The command gets the cluster's address in
# PANORAMA_TEST_POSTGRES (the `postgres` superuser, database `postgres`); the store's tests
# make a database of their own in it for each test.
#
#   bash .ci/postgres.sh cargo test -p server --test store
#
# initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user, which
# Debian's postgresql package creates; as anyone else, as that user.
set -euo pipefail

bin=""
for v in 17 16 15 14 13; do
  if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then bin="/usr/lib/postgresql/$v/bin"; break; fi
done
if [ -z "$bin" ]; then
  echo "postgres.sh: no PostgreSQL server binaries in /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

data="$(mktemp -d -t panorama-pg.XXXXXX)"
if [ "$(id -u)" = 0 ]; then chown postgres: "$data"; fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

stop() {
  as_owner "$bin/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap stop EXIT

as_owner "$bin/initdb" -D "$data/db" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 \
  || { cat "$data/initdb.log" >&2; exit 1; }
# Tests create a database per test: fsync off is safe for a cluster thrown away at the end.
as_owner "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null \
  || { cat "$data/server.log" >&2; exit 1; }

export PANORAMA_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $data)"
# Python's socket bind above sent nothing; everything talks to 127.0.0.1 only.
"$@"
