package io.vigil.notify;

import io.vigil.store.jdbc.NotificationTables;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Consolidated notifications as the engine decides them, for the channel and dispatcher tests. */
public final class NotificationFixtures {

    public static final long DECIDED_AT = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();

    private NotificationFixtures() {
    }

    /**
     * Three problems (an incident on a check, an alert without an incident, a service incident with a
     * title that needs escaping) and one recovery.
     */
    public static List<NotificationItem> items() {
        return List.of(
                new NotificationItem(7L, 3L, "web-01", "http", null, "web-01/http is CRITICAL", "CRITICAL", 2, false,
                        DECIDED_AT - 5_000),
                new NotificationItem(null, 11L, "db-02", "disk", null, "db-02/disk is WARNING", "WARNING", 1, false,
                        DECIDED_AT - 4_000),
                new NotificationItem(8L, null, null, null, "shop", "shop <checkout> & \"cart\" down", "CRITICAL", 1, false,
                        DECIDED_AT - 3_000),
                new NotificationItem(5L, 2L, "mq-01", "queue", null, "mq-01/queue is NORMAL", "NORMAL", 0, true,
                        DECIDED_AT - 2_000));
    }

    public static Notification notification(long id, ChannelType type, String address, Map<String, String> settings) {
        return new Notification(id, DECIDED_AT, "user:alice", type == ChannelType.EMAIL ? "email" : "ops-hook", type,
                address, settings, "default", items());
    }

    /** Stores them as the engine's outcome writer does: in a transaction of the caller's. */
    public static void store(DataSource dataSource, List<Notification> notifications) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            NotificationTables.insert(connection, notifications);
            connection.commit();
        }
    }
}
