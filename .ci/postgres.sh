#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `.ci/postgres.sh start` prints the export line to eval,
# `.ci/postgres.sh stop` stops the cluster and removes it. .ci/run sources this file instead and calls
# postgres_start / postgres_stop (with a trap), so the cluster never outlives the run.
#
#   eval "$(.ci/postgres.sh start)"   # sets NPS_TEST_POSTGRES for the PostgreSQL tests
#   dotnet test --project tests/Nps.Stores.Tests
#   .ci/postgres.sh stop
#
# Debian's `postgresql` package is installed when no server binaries are found and we run as root (CI);
# initdb refuses root, so the cluster belongs to the `postgres` user then. The cluster listens on 127.0.0.1
# only, on the first free port from 55432, with trust authentication (it holds nothing but test data and
# lives for one run) and without fsync (durability of a throwaway cluster is not what the tests prove).

# One state file per checkout, so clusters of two checkouts on one machine never stop each other.
postgres_state_file="${TMPDIR:-/tmp}/nps-test-postgres.$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd | md5sum | cut -c1-12).state"

postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_start() {
  local bin dir port
  bin=$(postgres_bin)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "postgres: no PostgreSQL server binaries under /usr/lib/postgresql and not root to install them" >&2
      return 1
    fi
    echo "postgres: installing Debian's postgresql" >&2
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } >&2 || return 1
    bin=$(postgres_bin) || { echo "postgres: installed, but no initdb found" >&2; return 1; }
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres || return 1
  fi

  for port in $(seq 55432 55531); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  done

  dir=$(mktemp -d "${TMPDIR:-/tmp}/nps-test-postgres.XXXXXX") || return 1
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  postgres_as_owner "$bin/initdb" -D "$dir/data" -U nps -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1; }
  postgres_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$dir/server.log" >&2; rm -rf "$dir"; return 1; }
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U nps nps_test >&2 || { postgres_stop_dir "$bin" "$dir"; return 1; }

  echo "$bin $dir" >"$postgres_state_file"
  export NPS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=nps;Database=nps_test"
  echo "postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
}

postgres_stop_dir() {
  postgres_as_owner "$1/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$2"
}

postgres_stop() {
  [ -f "$postgres_state_file" ] || return 0
  local bin dir
  read -r bin dir <"$postgres_state_file"
  rm -f "$postgres_state_file"
  [ -n "$dir" ] && [ -d "$dir" ] && postgres_stop_dir "$bin" "$dir"
  echo "postgres: stopped and removed $dir" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    start) postgres_start && echo "export NPS_TEST_POSTGRES='$NPS_TEST_POSTGRES'" ;;
    stop) postgres_stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
  esac
fi
