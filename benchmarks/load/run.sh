#!/usr/bin/env bash
# Load figures for the web sample on loopback, bounded runs (wrk, Debian's `wrk` package):
#   GET /api/reports/nps?by=team&period=month and POST /api/touchpoints at 15,000 and 1,000,000 stored responses,
#   on SQLite and on PostgreSQL. Usage: [STORES="sqlite postgresql"] [SIZES="15000 1000000"] [BY="team team,agent"] [PORT=5397] [ETAG=1]
#   benchmarks/load/run.sh [seconds per run, default 15]
# The report runs count in the store on every request: the app runs with its version-keyed cache of report bodies off
# (ReportCache:MaxBytes=0); only the rebuild from counts identical to the last ones is skipped (ReportBodyCache).
# ETAG=1 adds, per report, a run that sends the report's ETag in If-None-Match (every answer a 304) and, after a restart
# with the body cache on, a run without If-None-Match (200s served from the cache).
# The seeds insert straight into nps_responses; the stores' insert triggers keep the daily rollups (nps_response_days)
# that reports read in the same statement, as for every other insert path.
# Needs: wrk, sqlite3, and PostgreSQL binaries (started with .ci/postgres.sh). Writes to artifacts/load/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-15}"
out="$(pwd)/artifacts/load"
rm -rf "$out/nps.db"* "$out"/*.txt; mkdir -p "$out"
command -v wrk >/dev/null || { echo "install wrk (apt-get install -y wrk)"; exit 1; }
command -v sqlite3 >/dev/null || { echo "install sqlite3 (apt-get install -y sqlite3)"; exit 1; }

dotnet publish samples/Nps.Samples.AspNet -c Release -o "$out/app" >/dev/null
source .ci/postgres.sh
trap '[ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null; postgres_stop' EXIT
postgres_start
pg="$NPS_TEST_POSTGRES"
port="${PORT:-5397}"
url="http://127.0.0.1:$port"

start_app() { # store, connection string
  if curl -s -o /dev/null "$url/healthz"; then echo "something already listens on $url (set PORT)"; return 1; fi
  (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Development RateLimiting__PermitLimit=1000000000 ReportCache__MaxBytes="${cache_bytes:-0}" Nps__SeedFile= Nps__Store="$1" ConnectionStrings__Nps="$2" Logging__LogLevel__Default=Warning \
    exec ./Nps.Samples.AspNet --urls "$url" >"$out/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 100); do curl -fs -o /dev/null -H 'X-Api-Key: analyst-dev-key' "$url/api/reports/nps" && return 0; sleep 0.2; done
  cat "$out/app.log"; return 1
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=; }

seed_sqlite() { # file, count
  sqlite3 "$1" <<SQL
PRAGMA journal_mode = WAL;
DELETE FROM nps_responses;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $2 - 1)
INSERT INTO nps_responses (response_id, respondent_id, kind, rating, callback_requested, responded_at, offset_minutes, team, agent, channel,
  inclusion_probability, probability_stated, is_manual, received_at)
SELECT 'L' || i, 'C' || (i % 200000), 0, abs(random()) % 11, 0,
  638712864000000000 + i * (630720000000000 / $2), 60, 'team-' || (i % 12), 'agent-' || (i % 300), CASE i % 3 WHEN 0 THEN 'phone' ELSE 'chat' END,
  1.0, 0, i % 50 = 0, 638712864000000000 + i * (630720000000000 / $2)
FROM n;
ANALYZE;
SQL
}

seed_postgres() { # count
  psql -q "host=127.0.0.1 port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$pg") user=nps dbname=nps_test" >/dev/null <<SQL
TRUNCATE nps_responses;
INSERT INTO nps_responses (response_id, respondent_id, kind, rating, callback_requested, responded_at, offset_minutes, team, agent, channel,
  inclusion_probability, probability_stated, is_manual, received_at, received_offset_minutes)
SELECT 'L' || i, 'C' || (i % 200000), 0, floor(random() * 11)::int, false,
  timestamptz '2025-01-01 00:00:00+00' + i * (interval '730 days' / $1), 60, 'team-' || (i % 12), 'agent-' || (i % 300),
  CASE i % 3 WHEN 0 THEN 'phone' ELSE 'chat' END, 1.0, false, i % 50 = 0, timestamptz '2025-01-01 00:00:00+00', 60
FROM generate_series(0, $1 - 1) AS i;
VACUUM ANALYZE nps_responses;
VACUUM ANALYZE nps_response_days;
SQL
}

report() { # label, dimensions
  wrk -t2 -c8 -d"${seconds}s" --latency -H 'X-Api-Key: analyst-dev-key' "$url/api/reports/nps?by=$2&period=month" >"$out/$1.txt"
  echo "$1 (by=$2): $(grep -E 'Requests/sec' "$out/$1.txt") | p50 $(awk '$1=="50%"{print $2}' "$out/$1.txt") | p99 $(awk '$1=="99%"{print $2}' "$out/$1.txt")"
}

not_modified() { # label, dimensions: every request sends the current ETag, so every answer is a 304 without a body
  local tag
  tag=$(curl -fs -D - -o /dev/null -H 'X-Api-Key: analyst-dev-key' "$url/api/reports/nps?by=$2&period=month" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
  [ -n "$tag" ] || { echo "$1: the report sent no ETag"; return 1; }
  wrk -t2 -c8 -d"${seconds}s" --latency -H 'X-Api-Key: analyst-dev-key' -H "If-None-Match: $tag" "$url/api/reports/nps?by=$2&period=month" >"$out/$1.txt"
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Api-Key: analyst-dev-key' -H "If-None-Match: $tag" "$url/api/reports/nps?by=$2&period=month")
  echo "$1 (by=$2, If-None-Match, $status): $(grep -E 'Requests/sec' "$out/$1.txt") | p50 $(awk '$1=="50%"{print $2}' "$out/$1.txt") | p99 $(awk '$1=="99%"{print $2}' "$out/$1.txt") | $(grep -E 'Non-2xx' "$out/$1.txt" || echo 'all 2xx/3xx')"
}

touchpoints() { # label
  wrk -t2 -c16 -d"${seconds}s" --latency -s benchmarks/load/touchpoints.lua "$url" >"$out/$1.txt"
  echo "$1: $(grep -E 'Requests/sec' "$out/$1.txt") | p50 $(awk '$1=="50%"{print $2}' "$out/$1.txt") | p99 $(awk '$1=="99%"{print $2}' "$out/$1.txt") | $(grep -E 'Non-2xx' "$out/$1.txt" || echo 'all 2xx')"
}

db="$out/nps.db"
sqlite="Data Source=$db"
pgdb="$pg;Search Path=public"
for store in ${STORES:-sqlite postgresql}; do
  if [ "$store" = sqlite ]; then cs="$sqlite"; else cs="$pgdb"; fi
  start_app "$store" "$cs"; stop_app # creates or migrates the schema
  for count in ${SIZES:-15000 1000000}; do
    if [ "$store" = sqlite ]; then seed_sqlite "$db" "$count"; else seed_postgres "$count"; fi
    start_app "$store" "$cs"
    for by in ${BY:-team}; do
      report "$store-report-$count-${by/,/-}" "$by"
      if [ "${ETAG:-0}" = 1 ]; then not_modified "$store-report-$count-${by/,/-}-304" "$by"; fi
    done
    touchpoints "$store-touchpoints-$count"
    stop_app
    if [ "${ETAG:-0}" = 1 ]; then
      cache_bytes=33554432 start_app "$store" "$cs"
      for by in ${BY:-team}; do report "$store-report-$count-${by/,/-}-cached" "$by"; done
      stop_app
    fi
  done
done
