#!/usr/bin/env bash
# Event history queries on a journal of ROWS events: fills a fresh database (the real migrations,
# then generated events) and shows, for the list's page query under each filter, the plan MariaDB
# picks, the index entries and rows it reads, and its time; then what the V6 keys cost the inserts.
# Figures in BENCHMARKS.md, "Event history queries".
#
# Usage: bench/event-history.sh [ROWS]      (default 300000)
# Environment: MYSQL  the client command (default: mysql -h127.0.0.1 -uroot)
#              DB     the database it creates and drops again (default: vigil_history_bench)
#
# The data: events 8.64 s apart over 30 days (2026-10-01 .. 10-31 for 300,000), occurredAt up to
# 5 s before receipt; 1,000 resources x 10 checks at random, 20 sources in turn; effective status
# 85 % NORMAL, 8 % WARNING, 5 % CRITICAL, 2 % UNKNOWN; category by check; one message in 10,000
# says "disk quota exceeded".
set -euo pipefail

rows=${1:-300000}
mysql_cmd=${MYSQL:-mysql -h127.0.0.1 -uroot}
db=${DB:-vigil_history_bench}
here=$(cd "$(dirname "$0")/.." && pwd)
read -r -a client <<<"$mysql_cmd"
sql() { "${client[@]}" "$db" "$@"; }

fill_sql="
INSERT INTO event_journal (id, received_at, occurred_at, transport, source, resource, check_name, status, severity,
                           message, attributes, raw)
SELECT seq,
       TIMESTAMPADD(MICROSECOND, seq * 8640000, '2026-10-01 00:00:00'),
       TIMESTAMPADD(MICROSECOND, seq * 8640000 - CRC32(seq) % 5000000, '2026-10-01 00:00:00'),
       IF(seq % 3 = 0, 'syslog-udp', 'rest'),
       CONCAT('10.0.', seq % 20, '.1'),
       CONCAT('host', LPAD(CRC32(CONCAT('r', seq)) % 1000, 4, '0')),
       ELT(1 + CONV(LEFT(MD5(CONCAT('c', seq)), 8), 16, 10) % 10,
           'cpu', 'memory', 'disk', 'sshd', 'nginx', 'mysql', 'ping', 'cron', 'payment', 'kernel'),
       NULL, 6,
       CONCAT('check ', seq % 97, IF(seq % 10000 = 0, ' disk quota exceeded', ' value within bounds'), ' #', seq),
       '{\"team\":\"ops\"}', CONCAT('<14>Oct  1 00:00:00 host app: raw line ', seq)
FROM seq_1_to_${rows};
INSERT INTO event_classification (event_id, category, status)
SELECT id, CASE check_name WHEN 'sshd' THEN 'security' WHEN 'nginx' THEN 'application' WHEN 'mysql' THEN 'application'
                           WHEN 'ping' THEN 'network' WHEN 'payment' THEN 'business' ELSE 'operating-system' END,
       CASE WHEN CRC32(CONCAT('s', id)) % 100 < 85 THEN 'NORMAL' WHEN CRC32(CONCAT('s', id)) % 100 < 93 THEN 'WARNING'
            WHEN CRC32(CONCAT('s', id)) % 100 < 98 THEN 'CRITICAL' ELSE 'UNKNOWN' END
FROM event_journal;"

v6_keys="ALTER TABLE event_journal ADD KEY event_journal_resource (resource, id, check_name),
           ADD KEY event_journal_source (source, id), ADD KEY event_journal_occurred (occurred_at);
         ALTER TABLE event_classification ADD KEY event_classification_status (status, event_id),
           ADD KEY event_classification_category (category, event_id);"
no_v6_keys="ALTER TABLE event_journal DROP KEY event_journal_resource, DROP KEY event_journal_source,
              DROP KEY event_journal_occurred;
            ALTER TABLE event_classification DROP KEY event_classification_status,
              DROP KEY event_classification_category;"

millis() { date +%s%3N; }

# Milliseconds to fill both tables from empty.
timed_fill() {
  sql -e "TRUNCATE event_journal; TRUNCATE event_classification"
  local start
  start=$(millis)
  sql -e "$fill_sql"
  echo $(($(millis) - start))
}

"${client[@]}" -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
trap '"${client[@]}" -e "DROP DATABASE IF EXISTS $db"' EXIT
for migration in $(ls "$here"/schema/src/main/resources/db/migration/V*.sql | sort -V); do
  sql <"$migration"
done

echo "## inserting $rows events with their classification (INSERT ... SELECT, milliseconds)"
with=() without=()
for round in 1 2 3; do
  with+=("$(timed_fill)")
  sql -e "$no_v6_keys"
  without+=("$(timed_fill)")
  sql -e "$v6_keys"
done
echo "with the V6 keys: ${with[*]}; without: ${without[*]}"
sql -e "TRUNCATE event_journal; TRUNCATE event_classification"
sql -e "$fill_sql ANALYZE TABLE event_journal, event_classification" >/dev/null

select="SELECT j.id, j.received_at, j.occurred_at, j.transport, j.source, j.resource, j.check_name, j.status,
 j.severity, j.message, j.attributes, c.category, c.status AS effective_status
 FROM event_journal j LEFT JOIN event_classification c ON c.event_id = j.id"

# One query: its plan (table: key, type), entries and rows read, result rows, best of three times.
measure() {
  local label=$1 where=$2 order=${3:-"ORDER BY j.id DESC LIMIT 100"}
  local query="$select WHERE $where $order"
  local plan reads found best=
  plan=$(sql -N -e "EXPLAIN $query" | awk -F'\t' '{printf "%s%s: %s %s%s", (NR>1?"; ":""), $3, $4, ($6=="NULL"?"-":$6), ($10 ~ /filesort/ ? " +filesort" : "")}')
  reads=$(sql -N -e "FLUSH STATUS; $query; SHOW SESSION STATUS LIKE 'Handler_read%'" \
    | awk -F'\t' '$1 ~ /^Handler_read_(key|next|prev|rnd_next)$/ {sum += $2} END {print sum}')
  found=$(sql -N -e "$query" | wc -l)
  for _ in 1 2 3; do
    local t
    t=$(sql -vvv -e "$query" | sed -n 's/.*(\([0-9.]*\) sec).*/\1/p' | tail -1)
    if [[ -z $best ]] || awk "BEGIN {exit !($t < $best)}"; then best=$t; fi
  done
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$plan" "$reads" "$found" "$(awk "BEGIN {printf \"%.0f\", $best * 1000}")"
}

mid=$((rows / 2))
echo
echo "## page queries on $rows events (newest first, LIMIT 100; time in ms, best of 3)"
echo "| filter | plan (table: access key) | index entries + rows read | rows | ms |"
echo "|---|---|---|---|---|"
measure "none" "1 = 1"
measure "resource" "j.resource = 'host0042'"
measure "resource, page 2 (before = $mid)" "j.resource = 'host0042' AND j.id < $mid"
measure "resource + check" "j.resource = 'host0042' AND j.check_name = 'sshd'"
measure "check alone (no key)" "j.check_name = 'sshd'"
measure "source" "j.source = '10.0.7.1'"
measure "status CRITICAL (5 %)" "c.status IN ('CRITICAL')"
measure "status UNKNOWN (2 %)" "c.status IN ('UNKNOWN')"
measure "status WARNING,CRITICAL" "c.status IN ('WARNING', 'CRITICAL')"
measure "category" "c.category = 'security'"
measure "resource + status" "j.resource = 'host0042' AND c.status IN ('CRITICAL')"
measure "occurred: one hour, 3 weeks back" "j.occurred_at >= '2026-10-10 10:00' AND j.occurred_at < '2026-10-10 11:00'"
measure "occurred: one day, 3 weeks back" "j.occurred_at >= '2026-10-10' AND j.occurred_at < '2026-10-11'"
measure "occurred: one day, the last" "j.occurred_at >= '2026-10-30' AND j.occurred_at < '2026-10-31'"
measure "occurred: before 3 weeks back" "j.occurred_at < '2026-10-10'"
measure "resource + one day" "j.resource = 'host0042' AND j.occurred_at >= '2026-10-10' AND j.occurred_at < '2026-10-11'"
measure "message substring (not offered)" "j.message LIKE '%quota%'"
measure "export batch, no filter" "j.id > $mid AND j.id <= $rows" "ORDER BY j.id LIMIT 1000"
measure "export batch, resource" "j.resource = 'host0042' AND j.id > 0 AND j.id <= $rows" "ORDER BY j.id LIMIT 1000"
measure "export batch, status" "c.status IN ('CRITICAL') AND j.id > $mid AND j.id <= $rows" "ORDER BY j.id LIMIT 1000"
