package io.vigil.store.jdbc;

import io.vigil.notify.Notification;
import io.vigil.notify.NotificationItem;
import io.vigil.notify.NotificationState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static io.vigil.store.jdbc.BatchStatements.setLongOrNull;
import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * Puts decided notifications into the outbox, in the caller's transaction: the engine's outcome
 * writer stores them with the checkpoint of the batch that decided them, so a decided notification
 * is either stored and will be sent, or its batch is replayed and decides it again. Nothing here
 * commits or closes the connection.
 *
 * <p>Each becomes a PENDING {@code notification} row due at once (next_attempt_at = decided_at),
 * with its items and settings as JSON, and one {@code notification_item} row per item, by which
 * an incident's or alert's notifications are found. Batches are chunked to fit the server's
 * packet limit ({@link JdbcBatches}): a notification's items are unbounded JSON.
 */
public final class NotificationTables {

    /** A notification with its JSON columns, made once: they size the chunks and fill the row. */
    private record Row(Notification notification, String items, String settings) {
    }

    /** One item's row: which notification, where in it. */
    private record ItemRow(long notificationId, int position, NotificationItem item) {
    }

    private NotificationTables() {
    }

    /** Inserts every notification and its items over {@code connection}, inside its current transaction. */
    public static void insert(Connection connection, List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        // suppressClose: JdbcTemplate "closes" what it was given after each statement; the caller's connection stays open
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        List<Row> rows = new ArrayList<>(notifications.size());
        List<ItemRow> itemRows = new ArrayList<>();
        for (Notification n : notifications) {
            rows.add(new Row(n, JsonColumns.notificationItems(n.items()), JsonColumns.attributes(n.settings())));
            for (int i = 0; i < n.items().size(); i++) {
                itemRows.add(new ItemRow(n.id(), i, n.items().get(i)));
            }
        }
        JdbcBatches.insert(jdbc, "INSERT INTO notification (id, decided_at, recipient, channel, channel_type, address,"
                        + " settings, all_clear, level, policy, subject, items, state, attempts, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", rows,
                row -> 2_600 + JdbcBatches.length(row.items()) + JdbcBatches.length(row.settings()),
                (ps, row) -> {
                    Notification n = row.notification();
                    ps.setLong(1, n.id());
                    ps.setObject(2, toColumn(n.decidedAt()));
                    ps.setString(3, fit(n.recipient(), 255));
                    ps.setString(4, fit(n.channel(), 255));
                    ps.setString(5, n.channelType().name());
                    ps.setString(6, fit(n.address(), 1024));
                    ps.setString(7, row.settings());
                    ps.setBoolean(8, n.allClear());
                    ps.setInt(9, n.level());
                    ps.setString(10, fit(n.policy(), 255));
                    ps.setString(11, fit(n.subject(), 1024));
                    ps.setString(12, row.items());
                    ps.setString(13, NotificationState.PENDING.name());
                    ps.setObject(14, toColumn(n.decidedAt()));
                });
        JdbcBatches.insert(jdbc, "INSERT INTO notification_item (notification_id, position, incident_id, alert_id, all_clear)"
                + " VALUES (?, ?, ?, ?, ?)", itemRows, row -> 0, (ps, row) -> {
            ps.setLong(1, row.notificationId());
            ps.setInt(2, row.position());
            setLongOrNull(ps, 3, row.item().incidentId());
            setLongOrNull(ps, 4, row.item().alertId());
            ps.setBoolean(5, row.item().allClear());
        });
    }
}
