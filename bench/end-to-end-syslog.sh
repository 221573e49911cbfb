#!/usr/bin/env bash
# Syslog TCP end to end on the packaged server: starts it on a fresh database, sends a warm-up
# load (the JIT compiles Vigil's hot paths during the first ~30 s, which would otherwise be
# measured), then the measured load, each with SyslogTcpLoad: N octet-counted RFC 5424 messages
# over 4 connections, timed until every one is journaled and then until the engine has processed
# the last one and the outcome writer has stored everything. Prints both rates, the CPU time the
# server and MariaDB spent per event during the measured load (from /proc). Figures and what
# limits them: BENCHMARKS.md, "Write path".
#
# Usage: bench/end-to-end-syslog.sh [MESSAGES] [WARMUP_MESSAGES]     (default 600000 600000)
# Needs: java 17, curl, the packaged jars (mvn -q -Pbench -DskipTests package), Linux (/proc).
# Environment: VIGIL_JAR     (default web/target/vigil.jar)
#              VIGIL_DB_URL  an empty MariaDB database, created beforehand, e.g.
#                            jdbc:mariadb://127.0.0.1:3306/vigil_e2e (default: the embedded MariaDB,
#                            in a temporary folder)
#              VIGIL_DB_USER / VIGIL_DB_PASSWORD (default root / empty)
#              Any other VIGIL_* setting is passed on to the server (e.g. VIGIL_ENGINE_BATCHSIZE).
set -euo pipefail

messages=${1:-600000}
warmup=${2:-600000}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${VIGIL_JAR:-$here/web/target/vigil.jar}
bench=$here/bench/target/vigil-bench.jar
work=$(mktemp -d /tmp/vigil-e2e.XXXXXX)
http=${PORT_BASE:-28000}; tcp=$((http + 1))
[ -f "$jar" ] && [ -f "$bench" ] || { echo "end-to-end-syslog: build first (mvn -q -Pbench -DskipTests package)" >&2; exit 2; }

. "$here/bench/lib/syslog-server.sh"
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; wait 2>/dev/null || true; echo "log: $work/vigil.log" >&2' EXIT
start_syslog_server end-to-end-syslog "$jar" "$work" "$http" "$tcp"
token=$SERVER_TOKEN

load() {
  java -cp "$bench" io.vigil.bench.SyslogTcpLoad --port "$tcp" --connections 4 --messages "$1" \
    --url "http://127.0.0.1:$http" --token "$token" --timeout-seconds 900
}

if [ "$warmup" -gt 0 ]; then
  echo "warm-up, $warmup messages:"
  load "$warmup" | sed 's/^/  /'
fi
echo "measured, $messages messages:"
before=$(server_cpu_ticks)
load "$messages" | sed 's/^/  /'
after=$(server_cpu_ticks)
echo "$before $after $messages $(getconf CLK_TCK)" | awk '{ us = 1e6 / $6 / $5;
  printf "CPU per event: Vigil %.1f µs, MariaDB %.1f µs\n", ($3 - $1) * us, ($4 - $2) * us }'
