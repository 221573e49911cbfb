#!/usr/bin/env bash
# Feeds the samples to a running Vigil server: JSON events over REST, syslog lines over UDP and TCP.
# Usage: samples/feed.sh TOKEN [BASE_URL] [SYSLOG_PORT]
#   TOKEN: an INTEGRATOR (or ADMIN) bearer token from POST /api/v1/tokens
set -euo pipefail
token=${1:?usage: samples/feed.sh TOKEN [BASE_URL] [SYSLOG_PORT]}
base=${2:-http://127.0.0.1:8080}
port=${3:-5514}
here=$(cd "$(dirname "$0")" && pwd)

# JSON lines -> one JSON array per request
body="[$(paste -sd, "$here/events/outage.jsonl")]"
curl -sS -X POST "$base/api/v1/events" -H "Authorization: Bearer $token" \
     -H 'Content-Type: application/json' --data-binary "$body"
echo

while IFS= read -r line; do
  printf '%s\n' "$line" > /dev/udp/127.0.0.1/"$port"
done < "$here/syslog/rfc3164.txt"
# TCP, LF-terminated framing
cat "$here/syslog/rfc5424.txt" > /dev/tcp/127.0.0.1/"$port"
echo "sent $(wc -l < "$here/syslog/rfc3164.txt") syslog lines over UDP and $(wc -l < "$here/syslog/rfc5424.txt") over TCP to port $port"
