package io.vigil.web.testing;

import io.vigil.notify.NotificationItem;
import io.vigil.store.jdbc.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Writes outbox rows as the engine writes them (one item each), for tests of the notification log. */
public final class Outbox {

    private Outbox() {
    }

    /**
     * A notification decided at 2026-11-20T10:00:30Z about {@code incident} (and {@code alert}), with a channel
     * secret in its settings. A PENDING one is next due in 2099, so the test server's own dispatcher leaves it
     * as written instead of trying (and logging) another delivery.
     */
    public static void insert(JdbcTemplate jdbc, long id, String recipient, String channel, String type, String address,
                              long incident, Long alert, String state, int attempts, String lastError) {
        NotificationItem item = new NotificationItem(incident, alert, "db01", "mysql", null, "db01/mysql is CRITICAL",
                "CRITICAL", 1, false, 1_795_000_000_000L);
        jdbc.update("INSERT INTO notification (id, decided_at, recipient, channel, channel_type, address, settings, all_clear,"
                        + " level, policy, subject, items, state, attempts, next_attempt_at, last_error, sent_at)"
                        + " VALUES (?, '2026-11-20 10:00:30.000', ?, ?, ?, ?, '{\"secret\":\"SECRET\"}', FALSE, 1, 'critical',"
                        + " 'db01/mysql is CRITICAL', ?, ?, ?, '2099-01-01 00:00:00.000', ?, ?)",
                id, recipient, channel, type, address, JsonColumns.notificationItems(List.of(item)), state, attempts, lastError,
                "SENT".equals(state) ? "2026-11-20 10:00:31.000" : null);
        jdbc.update("INSERT INTO notification_item (notification_id, position, incident_id, alert_id, all_clear) VALUES (?, 0, ?, ?, FALSE)",
                id, incident, alert);
    }
}
