package io.vigil.store;

import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Confirmation;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads stored alerts and their history, for the console and the API. */
public final class AlertQueries {

    private static final List<String> COLUMNS = List.of("id", "alert_key", "kind", "resource", "check_name", "service",
            "source", "category", "status", "previous_status", "severity", "state", "report_count", "first_seen",
            "last_seen", "last_event_id", "message", "acknowledged_by", "assignee", "shelved_until", "changed_at",
            "confirmation", "failing_locations", "suppressed_by", "silenced_by", "flapping");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM alert";

    private static final RowMapper<AlertRow> ALERT = (rs, n) -> {
        int code = rs.getInt("severity");
        Severity severity = rs.wasNull() ? null : Severity.ofCode(code);
        return new AlertRow(rs.getLong("id"), rs.getString("alert_key"), AlertKind.valueOf(rs.getString("kind")),
                rs.getString("resource"), rs.getString("check_name"), rs.getString("service"), rs.getString("source"),
                rs.getString("category"), Status.parse(rs.getString("status")), Status.parse(rs.getString("previous_status")),
                severity, AlertState.valueOf(rs.getString("state")), rs.getLong("report_count"),
                UtcColumns.instant(rs, "first_seen"), UtcColumns.instant(rs, "last_seen"),
                rs.getObject("last_event_id", Long.class), rs.getString("message"), rs.getString("acknowledged_by"),
                rs.getString("assignee"), UtcColumns.instant(rs, "shelved_until"), UtcColumns.instant(rs, "changed_at"),
                Confirmation.valueOf(rs.getString("confirmation")), locations(rs.getString("failing_locations")),
                rs.getString("suppressed_by"), rs.getString("silenced_by"), rs.getBoolean("flapping"));
    };

    private static final RowMapper<AlertHistoryRow> HISTORY = (rs, n) -> new AlertHistoryRow(rs.getLong("id"),
            rs.getLong("alert_id"), UtcColumns.instant(rs, "at"), rs.getString("kind"), rs.getString("status"),
            rs.getString("state"), rs.getString("detail"), rs.getString("actor"), rs.getObject("event_id", Long.class),
            rs.getObject("firing_id", Long.class));

    private final JdbcTemplate jdbc;

    public AlertQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Alerts newest first; with {@code beforeIdOrNull}, only those older than that id (the next page). */
    public List<AlertRow> list(AlertFilter filter, Long beforeIdOrNull, int limit) {
        return list(filter, AlertOrder.NEWEST, beforeIdOrNull, limit);
    }

    /**
     * Alerts in {@code order}; with {@code afterIdOrNull}, only those that sort after that alert (the
     * next page; none when no such alert exists).
     */
    public List<AlertRow> list(AlertFilter filter, AlertOrder order, Long afterIdOrNull, int limit) {
        QueryLimits.require(limit);
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE state IN (").append(marks(filter.states())).append(")");
        List<Object> args = new ArrayList<>();
        filter.states().forEach(state -> args.add(state.name()));
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND status IN (").append(marks(filter.statuses())).append(")");
            filter.statuses().forEach(status -> args.add(status.name()));
        }
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            args.add(filter.kind().name());
        }
        if (filter.text() != null) {
            sql.append(" AND (alert_key LIKE ? OR resource LIKE ? OR check_name LIKE ? OR service LIKE ? OR message LIKE ?)");
            String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            for (int i = 0; i < 5; i++) {
                args.add(like);
            }
        }
        if (afterIdOrNull != null && order == AlertOrder.NEWEST) {
            sql.append(" AND id < ?");
            args.add(afterIdOrNull);
        } else if (afterIdOrNull != null) {
            // lexicographic row comparison against the cut row as it stands now; no row, no page
            sql.append(" AND (").append(order.expression()).append(", id) < (SELECT ").append(order.expression())
                    .append(", id FROM alert WHERE id = ?)");
            args.add(afterIdOrNull);
        }
        if (order != AlertOrder.NEWEST) {
            sql.append(" ORDER BY ").append(order.expression()).append(" DESC, id DESC LIMIT ?");
        } else {
            sql.append(" ORDER BY id DESC LIMIT ?");
        }
        args.add(limit);
        return jdbc.query(sql.toString(), ALERT, args.toArray());
    }

    /** The alerts with these ids, in no particular order (the live console's changed rows). */
    public List<AlertRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " WHERE id IN (" + marks(ids) + ")", ALERT, ids.toArray());
    }

    public Optional<AlertDetail> byId(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", ALERT, id).stream().findFirst().map(alert -> new AlertDetail(alert,
                jdbc.query("SELECT id, alert_id, at, kind, status, state, detail, actor, event_id, firing_id"
                        + " FROM alert_history WHERE alert_id = ? ORDER BY id", HISTORY, id)));
    }

    /**
     * The active alerts (newest first, at most {@code limit}) as silence matchers see them: their
     * fields, and the attributes and location of their newest report.
     */
    public List<AlertMatchView> activeForMatching(int limit) {
        QueryLimits.require(limit);
        List<Object> args = new ArrayList<>();
        AlertFilter.ACTIVE.forEach(state -> args.add(state.name()));
        args.add(limit);
        return jdbc.query("SELECT " + String.join(", ", COLUMNS.stream().map(column -> "a." + column).toList())
                + ", j.attributes FROM alert a LEFT JOIN event_journal j ON j.id = a.last_event_id"
                + " WHERE a.state IN (" + marks(AlertFilter.ACTIVE) + ") ORDER BY a.id DESC LIMIT ?",
                (rs, n) -> new AlertMatchView(ALERT.mapRow(rs, n), JsonColumns.attributes(rs.getString("attributes"))),
                args.toArray());
    }

    /** An alert with the attributes of its newest report. */
    public record AlertMatchView(AlertRow alert, Map<String, String> attributes) {
    }

    /**
     * How many alerts are in each active state (OPEN, ACKNOWLEDGED, SHELVED), for the console's
     * counters: a range of the state index. Cleared alerts are left out: they pile up for ever, and
     * counting them would read all of them at every look at the console.
     */
    public Map<AlertState, Long> countByState() {
        Map<AlertState, Long> counts = new EnumMap<>(AlertState.class);
        AlertFilter.ACTIVE.forEach(state -> counts.put(state, 0L));
        jdbc.query("SELECT state, COUNT(*) FROM alert WHERE state IN (" + marks(AlertFilter.ACTIVE) + ") GROUP BY state",
                rs -> { counts.put(AlertState.valueOf(rs.getString(1)), rs.getLong(2)); },
                AlertFilter.ACTIVE.stream().map(Enum::name).toArray());
        return counts;
    }

    private static List<String> locations(String column) {
        return column == null ? List.of() : List.of(column.split(","));
    }

    private static String marks(Collection<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }
}
