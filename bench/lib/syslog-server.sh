# Sourced by bench/end-to-end-syslog.sh, bench/overload-memory.sh and bench/single-event-rest.sh:
# the packaged server on loopback with only syslog TCP (and HTTP) open, an AUDITOR token for its API
# and metrics, and the CPU time it and MariaDB have used.
#
# start_syslog_server NAME JAR WORK HTTP_PORT TCP_PORT
#   Starts it (data and log in WORK; VIGIL_DB_URL and other VIGIL_* settings come from the
#   environment), waits until it is UP, and sets SERVER_PID (the java process itself, whose /proc
#   entries the scripts read), SERVER_TOKEN and SERVER_PASSWORD (admin's, for more tokens). Exits the
#   script, naming NAME, when it does not come up.

start_syslog_server() {
  local name=$1 jar=$2 work=$3 http=$4 tcp=$5 password=bench-syslog-secret-8
  # The subshell execs into java, so $! is the server's own pid.
  ( cd "$work" && exec env PORT="$http" SERVER_ADDRESS=127.0.0.1 VIGIL_SYSLOG_BINDADDRESS=127.0.0.1 \
      VIGIL_SYSLOG_TCPPORT="$tcp" VIGIL_SYSLOG_UDPPORT=-1 VIGIL_SYSLOG_TLSPORT=-1 VIGIL_SYSLOG_RELPPORT=-1 \
      VIGIL_ADMIN_PASSWORD=$password VIGIL_DB_EMBEDDED_DIR="$work/mariadb" \
      java -Xmx4g -jar "$jar" >"$work/vigil.log" 2>&1 ) &
  SERVER_PID=$!
  for _ in $(seq 1 480); do
    curl -sf "http://127.0.0.1:$http/actuator/health" >/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$http/actuator/health" >/dev/null || { echo "$name: the server did not come up" >&2; exit 1; }
  SERVER_PASSWORD=$password
  SERVER_TOKEN=$(curl -sf -u "admin:$password" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$name\",\"role\":\"AUDITOR\"}" "http://127.0.0.1:$http/api/v1/tokens" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/')
}

# server_cpu_ticks: prints "SERVER MARIADB", the CPU ticks (user + system, getconf CLK_TCK per
# second) the server (SERVER_PID) and every mariadbd have used so far.
server_cpu_ticks() {
  local vigil mariadb=0 pid
  vigil=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
  for pid in $(pgrep -x mariadbd); do mariadb=$((mariadb + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo "$vigil $mariadb"
}
