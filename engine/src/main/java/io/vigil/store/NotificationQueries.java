package io.vigil.store;

import io.vigil.notify.ChannelType;
import io.vigil.notify.NotificationState;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the notification log (the outbox and its attempts), for the console and the API. */
public final class NotificationQueries {

    private static final String SELECT = "SELECT id, decided_at, recipient, channel, channel_type, address, all_clear, level,"
            + " policy, subject, items, state, attempts, next_attempt_at, last_error, sent_at FROM notification";

    private static final RowMapper<NotificationLogRow> NOTIFICATION = (rs, n) -> new NotificationLogRow(rs.getLong("id"),
            UtcColumns.instant(rs, "decided_at"), rs.getString("recipient"), rs.getString("channel"),
            ChannelType.valueOf(rs.getString("channel_type")), rs.getString("address"), rs.getBoolean("all_clear"),
            rs.getInt("level"), rs.getString("policy"), rs.getString("subject"),
            JsonColumns.notificationItems(rs.getString("items")), NotificationState.valueOf(rs.getString("state")),
            rs.getInt("attempts"), UtcColumns.instant(rs, "next_attempt_at"), rs.getString("last_error"),
            UtcColumns.instant(rs, "sent_at"));

    private static final RowMapper<NotificationAttemptRow> ATTEMPT = (rs, n) -> new NotificationAttemptRow(
            rs.getLong("notification_id"), rs.getInt("attempt"), UtcColumns.instant(rs, "at"), rs.getString("status"),
            rs.getString("detail"), rs.getInt("duration_ms"));

    private final JdbcTemplate jdbc;

    public NotificationQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Notifications newest first; with {@code beforeIdOrNull}, only those older than that id (the next page). */
    public List<NotificationLogRow> list(NotificationFilter filter, Long beforeIdOrNull, int limit) {
        QueryLimits.require(limit);
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.recipient() != null) {
            where.add("recipient = ?");
            args.add(filter.recipient());
        }
        if (filter.incidentId() != null) {
            where.add("id IN (SELECT notification_id FROM notification_item WHERE incident_id = ?)");
            args.add(filter.incidentId());
        }
        if (filter.alertId() != null) {
            where.add("id IN (SELECT notification_id FROM notification_item WHERE alert_id = ?)");
            args.add(filter.alertId());
        }
        if (filter.state() != null) {
            where.add("state = ?");
            args.add(filter.state().name());
        }
        if (beforeIdOrNull != null) {
            where.add("id < ?");
            args.add(beforeIdOrNull);
        }
        args.add(limit);
        return jdbc.query(SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC LIMIT ?", NOTIFICATION, args.toArray());
    }

    public Optional<NotificationDetail> byId(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", NOTIFICATION, id).stream().findFirst()
                .map(notification -> new NotificationDetail(notification, jdbc.query(
                        "SELECT notification_id, attempt, at, status, detail, duration_ms FROM notification_attempt"
                                + " WHERE notification_id = ? ORDER BY attempt", ATTEMPT, id)));
    }

    /** How many notifications are in each state (both always present), e.g. for a "3 undelivered" warning. */
    public Map<NotificationState, Long> countByState() {
        Map<NotificationState, Long> counts = new EnumMap<>(NotificationState.class);
        for (NotificationState state : NotificationState.values()) {
            counts.put(state, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) FROM notification GROUP BY state",
                rs -> { counts.put(NotificationState.valueOf(rs.getString(1)), rs.getLong(2)); });
        return counts;
    }
}
