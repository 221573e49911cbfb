#!/usr/bin/env bash
# Vigil beside its peers, in one run on this machine: rsyslog for syslog (TCP RFC 5424 to a file,
# and the share of a UDP burst kept) and Prometheus Alertmanager for posted alerts (POST
# /api/v2/alerts, 1 and 100 per request). Every peer runs on loopback with its own configuration
# and data in a temporary folder; the same load tool, connection count and duration go to both
# sides. It prints figures and ratios, not pass/fail. Figures and what limits them: BENCHMARKS.md,
# "Peers".
#
# Usage: bench/peer-benchmark.sh [SECONDS]         (default 15 per measurement)
# Needs (installs nothing): java 17, curl, the packaged jar (mvn -q -DskipTests package),
#   Debian packages rsyslog, prometheus-alertmanager, wrk, and loggen from syslog-ng-core (which
#   conflicts with rsyslog: unpack it with `apt-get download syslog-ng-core && dpkg-deb -x
#   syslog-ng-core_*.deb /opt/syslog-ng` and set LOGGEN_ROOT=/opt/syslog-ng).
# Environment: VIGIL_JAR     (default web/target/vigil.jar)
#              VIGIL_DB_URL  a MariaDB for Vigil (default: its embedded one, in the temporary folder)
#              LOGGEN_ROOT   where syslog-ng-core is unpacked (default: loggen on the PATH)
#              CONNECTIONS   TCP connections / HTTP connections (default 8)
#              UDP_BURST     datagrams in the UDP burst (default 100000)
#              WARMUP        seconds of the same HTTP load before each HTTP measurement, on both
#                            sides, not counted (default 20): the JVM compiles its request path
#                            in the first tens of seconds under load, Go needs no such time
set -euo pipefail

seconds=${1:-15}
warmup=${WARMUP:-20}
connections=${CONNECTIONS:-8}
burst=${UDP_BURST:-100000}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${VIGIL_JAR:-$here/web/target/vigil.jar}
work=$(mktemp -d /tmp/vigil-peers.XXXXXX)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "logs and data: $work" >&2
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "peer-benchmark: $1 is missing ($2)" >&2; exit 2; }; }
need java "Java 17"
need curl "apt-get install curl"
need wrk "apt-get install wrk"
need prometheus-alertmanager "apt-get install prometheus-alertmanager"
[ -x /usr/sbin/rsyslogd ] || { echo "peer-benchmark: rsyslogd is missing (apt-get install rsyslog)" >&2; exit 2; }
[ -f "$jar" ] || { echo "peer-benchmark: no $jar: build it first (mvn -q -DskipTests package)" >&2; exit 2; }
if [ -n "${LOGGEN_ROOT:-}" ]; then
  loggen() {
    SYSLOGNG_PREFIX="$LOGGEN_ROOT/usr" LD_LIBRARY_PATH="$LOGGEN_ROOT/usr/lib/syslog-ng" "$LOGGEN_ROOT/usr/bin/loggen" "$@"
  }
else
  need loggen "syslog-ng-core; see the header of this script"
fi

# Ports: consecutive from a base, so that two runs side by side can be given different bases.
base=${PORT_BASE:-27000}
vigil_http=$((base)); vigil_tcp=$((base + 1)); vigil_udp=$((base + 2))
rsyslog_tcp=$((base + 11)); rsyslog_udp=$((base + 12)); am_http=$((base + 21)); am_cluster=$((base + 22))

wait_for() { # $1 what, $2 command; at most 4 minutes
  for _ in $(seq 1 480); do
    if eval "$2" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "peer-benchmark: $1 did not come up; see $work" >&2
  exit 1
}

# --- Vigil ---------------------------------------------------------------------------------------
admin_password=peer-benchmark-secret-7
(
  cd "$work"
  exec env PORT=$vigil_http SERVER_ADDRESS=127.0.0.1 VIGIL_SYSLOG_BINDADDRESS=127.0.0.1 \
    VIGIL_SYSLOG_TCPPORT=$vigil_tcp VIGIL_SYSLOG_UDPPORT=$vigil_udp VIGIL_SYSLOG_TLSPORT=-1 VIGIL_SYSLOG_RELPPORT=-1 \
    VIGIL_ADMIN_PASSWORD=$admin_password VIGIL_DB_EMBEDDED_DIR="$work/mariadb" ${VIGIL_DB_URL:+VIGIL_DB_URL=$VIGIL_DB_URL} \
    java -Xmx4g -jar "$jar" >"$work/vigil.log" 2>&1
) &
pids+=($!)
wait_for "Vigil" "curl -sf http://127.0.0.1:$vigil_http/actuator/health"
token() {
  curl -sf -u "admin:$admin_password" -H 'Content-Type: application/json' \
    -d "{\"name\":\"peer-benchmark-$1-$RANDOM\",\"role\":\"$1\"}" "http://127.0.0.1:$vigil_http/api/v1/tokens" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
integrator=$(token INTEGRATOR)
auditor=$(token AUDITOR)
metric() { # the value of one Prometheus series, 0 when absent
  curl -sf -H "Authorization: Bearer $auditor" "http://127.0.0.1:$vigil_http/actuator/prometheus" \
    | awk -v series="$1" '$1 == series { print $2; found = 1 } END { if (!found) print 0 }' | head -1
}
# Waits until the engine has processed everything journaled and the outcome writer is idle; prints the time.
caught_up() {
  while :; do
    lag=$(metric vigil_engine_lag_events); backlog=$(metric vigil_outcomes_backlog_batches)
    if [ "${lag%.*}" = 0 ] && [ "${backlog%.*}" = 0 ]; then date +%s.%N; return; fi
    sleep 0.2
  done
}

# --- rsyslog -------------------------------------------------------------------------------------
mkdir -p "$work/rsyslog"
cat >"$work/rsyslog/rsyslog.conf" <<EOF
global(workDirectory="$work/rsyslog" maxMessageSize="64k")
module(load="imtcp")
module(load="imudp")
input(type="imtcp" address="127.0.0.1" port="$rsyslog_tcp")
input(type="imudp" address="127.0.0.1" port="$rsyslog_udp" rcvbufSize="4m")
template(name="line" type="string" string="%rawmsg%\n")
action(type="omfile" file="$work/rsyslog/messages" template="line")
EOF
/usr/sbin/rsyslogd -n -f "$work/rsyslog/rsyslog.conf" -i "$work/rsyslog/rsyslogd.pid" >"$work/rsyslog.log" 2>&1 &
pids+=($!)
wait_for "rsyslog" "bash -c '</dev/tcp/127.0.0.1/$rsyslog_tcp'"
lines() { [ -f "$work/rsyslog/messages" ] && wc -l <"$work/rsyslog/messages" || echo 0; }
# Waits until rsyslog's file stops growing; prints its line count.
settled_lines() {
  local before=-1 now
  while now=$(lines); [ "$now" != "$before" ]; do before=$now; sleep 1; done
  echo "$now"
}

# --- Alertmanager --------------------------------------------------------------------------------
cat >"$work/alertmanager.yml" <<EOF
route: { receiver: nobody, group_wait: 1h, group_interval: 1h, repeat_interval: 24h }
receivers: [ { name: nobody } ]
EOF
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/alertmanager" \
  --web.listen-address=127.0.0.1:$am_http --cluster.listen-address=127.0.0.1:$am_cluster \
  >"$work/alertmanager.log" 2>&1 &
pids+=($!)
wait_for "Alertmanager" "curl -sf http://127.0.0.1:$am_http/-/ready"

# --- measurements --------------------------------------------------------------------------------
results=()
row() { results+=("$(printf '| %s | %s | %s | %s |' "$1" "$2" "$3" "$4")"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "—" }'; }
loggen_rate() { sed -nE 's/.*average rate = ([0-9.]+) msg\/sec.*/\1/p' "$1" | tail -1; }
loggen_count() { sed -nE 's/.*count=([0-9]+).*/\1/p' "$1" | tail -1; }

echo "syslog TCP, RFC 5424 octet-counted, $connections connections, ${seconds}s ..." >&2
first=$(metric vigil_engine_last_id)
start=$(date +%s.%N)
loggen --inet --stream --syslog-proto --size 200 --rate 1000000 --interval "$seconds" \
  --active-connections "$connections" 127.0.0.1 "$vigil_tcp" >"$work/loggen-vigil-tcp.txt" 2>&1 || true
done_at=$(caught_up)
vigil_sent=$(loggen_count "$work/loggen-vigil-tcp.txt")
vigil_tcp_rate=$(loggen_rate "$work/loggen-vigil-tcp.txt")
processed=$(awk -v a="$(metric vigil_engine_last_id)" -v b="$first" 'BEGIN { printf "%d", a - b }')
vigil_e2e=$(awk -v n="$processed" -v s="$start" -v e="$done_at" 'BEGIN { printf "%.0f", n / (e - s) }')
before=$(lines)
rstart=$(date +%s.%N)
loggen --inet --stream --syslog-proto --size 200 --rate 1000000 --interval "$seconds" \
  --active-connections "$connections" 127.0.0.1 "$rsyslog_tcp" >"$work/loggen-rsyslog-tcp.txt" 2>&1 || true
rsyslog_tcp_rate=$(loggen_rate "$work/loggen-rsyslog-tcp.txt")
written=$(( $(settled_lines) - before ))
rsyslog_e2e=$(awk -v n="$written" -v s="$rstart" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", n / (e - s - 1) }')
row "syslog TCP accepted (loggen's rate)" "$vigil_tcp_rate msg/s" "$rsyslog_tcp_rate msg/s" "$(ratio "$vigil_tcp_rate" "$rsyslog_tcp_rate")"
row "syslog TCP end to end (Vigil: journaled, processed, outcomes stored; rsyslog: in its file)" \
  "$vigil_e2e msg/s ($processed of $vigil_sent)" "$rsyslog_e2e msg/s ($written)" "$(ratio "$vigil_e2e" "$rsyslog_e2e")"

echo "UDP burst of $burst datagrams ..." >&2
received_before=$(metric 'vigil_syslog_messages_total{result="received",transport="syslog-udp"}')
loggen --inet --dgram --syslog-proto --size 200 --rate 1000000 --number "$burst" 127.0.0.1 "$vigil_udp" \
  >"$work/loggen-vigil-udp.txt" 2>&1 || true
caught_up >/dev/null
sleep 2
vigil_udp_kept=$(awk -v a="$(metric 'vigil_syslog_messages_total{result="received",transport="syslog-udp"}')" \
  -v b="$received_before" -v n="$burst" 'BEGIN { printf "%.1f", 100 * (a - b) / n }')
vigil_udp_drops=$(metric vigil_syslog_udp_kernel_drops_total)
before=$(lines)
loggen --inet --dgram --syslog-proto --size 200 --rate 1000000 --number "$burst" 127.0.0.1 "$rsyslog_udp" \
  >"$work/loggen-rsyslog-udp.txt" 2>&1 || true
rsyslog_udp_kept=$(awk -v a="$(settled_lines)" -v b="$before" -v n="$burst" 'BEGIN { printf "%.1f", 100 * (a - b) / n }')
row "syslog UDP burst: share kept" "$vigil_udp_kept % (kernel drops counted: ${vigil_udp_drops%.*})" \
  "$rsyslog_udp_kept %" "$(ratio "$vigil_udp_kept" "$rsyslog_udp_kept")"

# wrk posts one fixed body per request; the Lua script takes body, path and token from the environment.
cat >"$work/post.lua" <<'EOF'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("WRK_TOKEN")
if token ~= nil and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
local file = io.open(os.getenv("WRK_BODY"), "r")
wrk.body = file:read("*a")
file:close()
EOF
body() { # $1 format (vigil|alertmanager), $2 events per request
  awk -v format="$1" -v n="$2" 'BEGIN {
    printf "["
    for (i = 0; i < n; i++) {
      if (i > 0) printf ","
      if (format == "vigil") printf "{\"source\":\"bench\",\"resource\":\"host%d\",\"check\":\"cpu\",\"status\":\"NORMAL\",\"message\":\"load ok\"}", i
      else printf "{\"labels\":{\"alertname\":\"cpu\",\"instance\":\"host%d\"},\"annotations\":{\"summary\":\"load ok\"}}", i
    }
    printf "]"
  }' >"$work/body-$1-$2.json"
  echo "$work/body-$1-$2.json"
}
wrk_rate() { # $1 url, $2 body file, $3 token, $4 "settle": wait for Vigil to catch up after the warm-up;
             # prints "answered-2xx-per-second non-2xx" of the run after the warm-up
  if [ "$warmup" -gt 0 ]; then
    WRK_BODY=$2 WRK_TOKEN=$3 wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/post.lua" "$1" >"$work/wrk-warmup.txt" 2>&1 || true
    if [ "${4:-}" = settle ]; then caught_up >/dev/null; fi
  fi
  WRK_BODY=$2 WRK_TOKEN=$3 wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/post.lua" "$1" >"$work/wrk.txt" 2>&1 || true
  cat "$work/wrk.txt" >>"$work/wrk-all.txt"
  local requests errors
  # a refused request (429: the engine queue is full) stored nothing: only 2xx answers count
  requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
  errors=$(awk '/Non-2xx/ { print $5 }' "$work/wrk.txt")
  awk -v n="${requests:-0}" -v e="${errors:-0}" -v s="$seconds" 'BEGIN { printf "%.1f %d\n", (n - e) / s, e }'
}
for per in 1 100; do
  echo "HTTP, $per per request, $connections connections, ${seconds}s ..." >&2
  read -r vigil_rps vigil_errors <<<"$(wrk_rate "http://127.0.0.1:$vigil_http/api/v1/events" "$(body vigil $per)" "$integrator" settle)"
  caught_up >/dev/null
  read -r am_rps am_errors <<<"$(wrk_rate "http://127.0.0.1:$am_http/api/v2/alerts" "$(body alertmanager $per)" "")"
  vigil_events=$(awk -v r="$vigil_rps" -v p="$per" 'BEGIN { printf "%.0f", r * p }')
  am_events=$(awk -v r="$am_rps" -v p="$per" 'BEGIN { printf "%.0f", r * p }')
  row "HTTP POST, $per event(s)/request (Vigil: durable /api/v1/events; Alertmanager: /api/v2/alerts, in memory)" \
    "$vigil_events events/s ($vigil_errors non-2xx)" "$am_events alerts/s ($am_errors non-2xx)" "$(ratio "$vigil_events" "$am_events")"
done

echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${seconds}s per measurement (HTTP after ${warmup}s of warm-up), $connections connections"
echo
echo "| measurement | Vigil | peer (rsyslog / Alertmanager) | Vigil ÷ peer |"
echo "|---|---|---|---|"
printf '%s\n' "${results[@]}"
