#!/usr/bin/env bash
# One event per POST /api/v1/events on the packaged server, warm: starts it on a fresh database,
# posts with wrk for WARMUP seconds (the JIT is still compiling the request path for about a
# minute), then measures SECONDS at each connection count. For each it prints the events stored
# per second, the journal's group commits (count, mean latency, events per commit), and the CPU
# the server and MariaDB spent per event, from /proc, with the server's busiest threads. Figures
# and what limits them: BENCHMARKS.md, "Single-event REST".
#
# Usage: bench/single-event-rest.sh [SECONDS] [CONNECTIONS...]     (default 15, connections 8)
# Needs: java 17, curl, wrk (apt-get install wrk), the packaged jar (mvn -q -DskipTests package),
#   Linux (/proc).
# Environment: VIGIL_JAR     (default web/target/vigil.jar)
#              VIGIL_DB_URL  an empty MariaDB database, created beforehand (default: the embedded
#                            MariaDB, in a temporary folder)
#              WARMUP        seconds of the same load first, not measured (default 60)
#              Any other VIGIL_* setting is passed on to the server (e.g. VIGIL_ENGINE_LINGER=0).
set -euo pipefail

seconds=${1:-15}
shift || true
connection_counts=${*:-8}
warmup=${WARMUP:-60}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${VIGIL_JAR:-$here/web/target/vigil.jar}
work=$(mktemp -d /tmp/vigil-rest.XXXXXX)
http=${PORT_BASE:-28100}; tcp=$((http + 1))
[ -f "$jar" ] || { echo "single-event-rest: build first (mvn -q -DskipTests package)" >&2; exit 2; }
command -v wrk >/dev/null 2>&1 || { echo "single-event-rest: wrk is missing (apt-get install wrk)" >&2; exit 2; }

. "$here/bench/lib/syslog-server.sh"
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; wait 2>/dev/null || true; echo "log: $work/vigil.log" >&2' EXIT
start_syslog_server single-event-rest "$jar" "$work" "$http" "$tcp"
integrator=$(curl -sf -u "admin:$SERVER_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"name":"single-event-rest-integrator","role":"INTEGRATOR"}' "http://127.0.0.1:$http/api/v1/tokens" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
metric() { # the value of one Prometheus series, 0 when absent
  curl -sf -H "Authorization: Bearer $SERVER_TOKEN" "http://127.0.0.1:$http/actuator/prometheus" \
    | awk -v series="$1" '$1 == series { print $2; found = 1 } END { if (!found) print 0 }' | head -1
}
threads() { # CPU ticks per thread name (numbers at the end dropped: a pool counts as one)
  local task
  for task in /proc/"$SERVER_PID"/task/*; do
    echo "$(tr ' ' '_' <"$task/comm") $(awk '{ print $14 + $15 }' "$task/stat")"
  done | awk '{ name = $1; sub(/-[0-9]+$/, "", name); sum[name] += $2 } END { for (n in sum) print n, sum[n] }' | sort
}
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("WRK_TOKEN")
wrk.body = '[{"source":"bench","resource":"host1","check":"cpu","status":"NORMAL","message":"load ok"}]'
LUA
post() { # $1 connections, $2 seconds
  WRK_TOKEN=$integrator wrk -t2 -c"$1" -d"$2s" --latency -s "$work/post.lua" "http://127.0.0.1:$http/api/v1/events"
}

echo "warm-up: ${warmup}s at 8 connections"
post 8 "$warmup" >"$work/wrk-warmup.txt"
tick=$(getconf CLK_TCK)
for connections in $connection_counts; do
  sleep 3
  commits0=$(metric vigil_journal_commits_total); time0=$(metric vigil_journal_commit_time_seconds_total)
  events0=$(metric vigil_journal_committed_events_total)
  read -r vigil0 mariadb0 <<<"$(server_cpu_ticks)"; threads >"$work/threads-before.txt"
  post "$connections" "$seconds" >"$work/wrk-$connections.txt"
  read -r vigil1 mariadb1 <<<"$(server_cpu_ticks)"; threads >"$work/threads-after.txt"
  commits1=$(metric vigil_journal_commits_total); time1=$(metric vigil_journal_commit_time_seconds_total)
  events1=$(metric vigil_journal_committed_events_total)
  awk -v c="$connections" -v s="$seconds" -v t="$tick" -v c0="$commits0" -v c1="$commits1" -v t0="$time0" -v t1="$time1" \
      -v e0="$events0" -v e1="$events1" -v v="$((vigil1 - vigil0))" -v m="$((mariadb1 - mariadb0))" 'BEGIN {
    n = e1 - e0; k = c1 - c0
    printf "%d connections: %.0f events/s stored; %d commits, mean %.2f ms, %.1f events each; CPU per event: Vigil %.0f µs (%.2f cores), MariaDB %.0f µs (%.2f cores)\n",
      c, n / s, k, 1000 * (t1 - t0) / k, n / k, 1e6 * v / t / n, v / t / s, 1e6 * m / t / n, m / t / s }'
  grep -E "Non-2xx|^ +(50|99)%" "$work/wrk-$connections.txt" | sed 's/^ */  wrk: /' || true
  join "$work/threads-before.txt" "$work/threads-after.txt" \
    | awk -v t="$tick" -v s="$seconds" '$3 - $2 > 0 { printf "  thread %-16s %.2f cores\n", $1, ($3 - $2) / t / s }' \
    | sort -k3 -nr | head -6
done
