#!/usr/bin/env bash
# Sustained overload, to check that every stage between intake and stored outcomes is bounded: the
# packaged server (-Xmx4g) gets more than it can process end to end for SECONDS, either syslog TCP
# from SyslogTcpLoad (8 connections, as fast as it reads) or, with LOAD=rest, POST /api/v1/events
# from wrk (100 events per request, 64 connections); every 15 s the script prints the server's
# resident memory, its heap in use, the engine queue, the outcomes not yet stored and the events
# journaled so far. Bounded stages mean that intake pushes back while they are full (TCP stops
# reading; REST answers 429, counted at the end): memory stays flat however long the overload
# lasts. The load stops by itself after SECONDS (syslog also after its message count, whichever
# comes first). Figures: BENCHMARKS.md, "Overload".
#
# Usage: bench/overload-memory.sh [SECONDS]          (default 600)
# Needs: java 17, curl, the packaged jars (mvn -q -Pbench -DskipTests package), Linux (/proc);
#        for LOAD=rest also wrk (apt-get install wrk).
# Environment: VIGIL_JAR, VIGIL_DB_URL (an empty database, created beforehand; default embedded),
#              VIGIL_DB_USER / VIGIL_DB_PASSWORD, as for bench/end-to-end-syslog.sh.
#              LOAD          syslog (default) or rest
set -euo pipefail

seconds=${1:-600}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${VIGIL_JAR:-$here/web/target/vigil.jar}
bench=$here/bench/target/vigil-bench.jar
work=$(mktemp -d /tmp/vigil-overload.XXXXXX)
http=${PORT_BASE:-28100}; tcp=$((http + 1))
load_kind=${LOAD:-syslog}
[ -f "$jar" ] && [ -f "$bench" ] || { echo "overload-memory: build first (mvn -q -Pbench -DskipTests package)" >&2; exit 2; }
case $load_kind in
  syslog) ;;
  rest) command -v wrk >/dev/null 2>&1 || { echo "overload-memory: wrk is missing (apt-get install wrk)" >&2; exit 2; } ;;
  *) echo "overload-memory: LOAD must be syslog or rest, got \"$load_kind\"" >&2; exit 2 ;;
esac

. "$here/bench/lib/syslog-server.sh"
SERVER_PID=
load=
trap '[ -n "$load" ] && kill $load 2>/dev/null; [ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; wait 2>/dev/null || true; echo "log: $work/vigil.log" >&2' EXIT
start_syslog_server overload-memory "$jar" "$work" "$http" "$tcp"
token=$SERVER_TOKEN

if [ "$load_kind" = rest ]; then
  integrator=$(curl -sf -u "admin:$SERVER_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name":"overload-memory-integrator","role":"INTEGRATOR"}' "http://127.0.0.1:$http/api/v1/tokens" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/')
  # 100 events per request for 100 hosts: the same body each time, as the peer benchmark posts.
  awk 'BEGIN { printf "["; for (i = 0; i < 100; i++) { if (i > 0) printf ","
    printf "{\"source\":\"bench\",\"resource\":\"host%d\",\"check\":\"cpu\",\"status\":\"NORMAL\",\"message\":\"load ok\"}", i }
    printf "]" }' >"$work/body.json"
  cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("WRK_TOKEN")
local file = io.open(os.getenv("WRK_BODY"), "r")
wrk.body = file:read("*a")
file:close()
LUA
  WRK_TOKEN=$integrator WRK_BODY=$work/body.json wrk -t2 -c64 -d"$((seconds + 5))s" -s "$work/post.lua" \
    "http://127.0.0.1:$http/api/v1/events" >"$work/load.txt" 2>&1 &
else
  # 100,000 messages a second for the whole time is far more than the server takes: the count only
  # bounds the load; the deadline below ends it.
  java -cp "$bench" io.vigil.bench.SyslogTcpLoad --port "$tcp" --connections 8 --messages $((seconds * 100000)) \
    --url "http://127.0.0.1:$http" --token "$token" --timeout-seconds 1 >"$work/load.txt" 2>&1 &
fi
load=$!

metric() { # sum of a series' values over all its labels (or of those a prefix with "{" names), 0 when absent
  awk -v series="$1" '{ n = length(series); next_char = substr($1, n + 1, 1)
    if (substr($1, 1, n) == series && (index(series, "{") > 0 || next_char == "" || next_char == "{")) sum += $NF }
    END { printf "%.0f", sum }' "$work/metrics.txt"
}
printf '%6s %9s %9s %12s %16s %12s\n' "s" "RSS MB" "heap MB" "engine queue" "outcomes pending" "journaled"
started=$(date +%s)
while :; do
  sleep 15
  elapsed=$(( $(date +%s) - started ))
  curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$http/actuator/prometheus" >"$work/metrics.txt" || true
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
  printf '%6d %9s %9s %12s %16s %12s\n' "$elapsed" "$rss" \
    "$(awk -v b="$(metric 'jvm_memory_used_bytes{area="heap"')" 'BEGIN { printf "%.0f", b / 1048576 }')" \
    "$(metric vigil_engine_queue_events)" "$(metric vigil_outcomes_pending_items)" "$(metric vigil_journal_last_id)"
  if [ "$elapsed" -ge "$seconds" ]; then break; fi
  kill -0 $load 2>/dev/null || { echo "the load ended early:" >&2; cat "$work/load.txt" >&2; break; }
done
if [ "$load_kind" = rest ]; then
  wait $load || true
  load=
  echo "wrk (the answers: 202 stored, 429 pushed back):"
  grep -E "requests in|Non-2xx|Requests/sec" "$work/load.txt" | sed 's/^ */  /'
fi
