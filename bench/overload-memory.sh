#!/usr/bin/env bash
# Sustained overload, to check that every stage between intake and stored outcomes is bounded: the
# packaged server (-Xmx4g) gets syslog TCP from SyslogTcpLoad (8 connections) as fast as it reads,
# which is more than it can process end to end, for SECONDS; every 15 s the script prints the
# server's resident memory, its heap in use, the engine queue, the outcomes not yet stored and the
# events journaled so far. Bounded stages mean TCP stops reading while they are full: memory stays
# flat however long the overload lasts. The load stops by itself after SECONDS (or after its
# message count, whichever comes first). Figures: BENCHMARKS.md, "Overload".
#
# Usage: bench/overload-memory.sh [SECONDS]          (default 600)
# Needs: java 17, curl, the packaged jars (mvn -q -Pbench -DskipTests package), Linux (/proc).
# Environment: VIGIL_JAR, VIGIL_DB_URL (an empty database, created beforehand; default embedded),
#              VIGIL_DB_USER / VIGIL_DB_PASSWORD, as for bench/end-to-end-syslog.sh.
set -euo pipefail

seconds=${1:-600}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${VIGIL_JAR:-$here/web/target/vigil.jar}
bench=$here/bench/target/vigil-bench.jar
work=$(mktemp -d /tmp/vigil-overload.XXXXXX)
http=${PORT_BASE:-28100}; tcp=$((http + 1))
[ -f "$jar" ] && [ -f "$bench" ] || { echo "overload-memory: build first (mvn -q -Pbench -DskipTests package)" >&2; exit 2; }

. "$here/bench/lib/syslog-server.sh"
SERVER_PID=
load=
trap '[ -n "$load" ] && kill $load 2>/dev/null; [ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; wait 2>/dev/null || true; echo "log: $work/vigil.log" >&2' EXIT
start_syslog_server overload-memory "$jar" "$work" "$http" "$tcp"
token=$SERVER_TOKEN

# 100,000 messages a second for the whole time is far more than the server takes: the count only
# bounds the load; the deadline below ends it.
java -cp "$bench" io.vigil.bench.SyslogTcpLoad --port "$tcp" --connections 8 --messages $((seconds * 100000)) \
  --url "http://127.0.0.1:$http" --token "$token" --timeout-seconds 1 >"$work/load.txt" 2>&1 &
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
