package io.vigil.store.jdbc;

import io.vigil.notify.ChannelType;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import javax.sql.DataSource;

import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * The dispatcher's side of the outbox: which notifications are due, and the outcome of each
 * attempt (its {@code notification_attempt} row and the notification's new state, in one
 * transaction). One dispatcher per database: the updates check the attempt count they expect, and
 * the attempt's primary key refuses a second writer of the same attempt.
 */
public final class NotificationOutbox {

    /**
     * A due notification, or one whose stored row cannot be read back (then {@code notification} is
     * null and {@code unreadable} says why; the dispatcher logs that as a failed attempt instead of
     * stalling every later row behind it).
     */
    public record Due(long id, int attempts, Notification notification, String unreadable) {
    }

    private static final String STATE_SENT = NotificationState.SENT.name();
    private static final String STATE_PENDING = NotificationState.PENDING.name();

    private static final RowMapper<Due> DUE = (rs, n) -> {
        long id = rs.getLong("id");
        int attempts = rs.getInt("attempts");
        try {
            return new Due(id, attempts, new Notification(id, UtcColumns.epochMillis(rs, "decided_at"),
                    rs.getString("recipient"), rs.getString("channel"), ChannelType.valueOf(rs.getString("channel_type")),
                    rs.getString("address"), JsonColumns.attributes(rs.getString("settings")), rs.getString("policy"),
                    JsonColumns.notificationItems(rs.getString("items"))), null);
        } catch (RuntimeException e) {
            return new Due(id, attempts, null, "cannot read the stored notification: " + e.getMessage());
        }
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public NotificationOutbox(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** PENDING notifications due at {@code nowMillis}, oldest id first (the order they were decided in). */
    public List<Due> due(long nowMillis, int limit) {
        return jdbc.query("SELECT id, decided_at, recipient, channel, channel_type, address, settings, policy, items, attempts"
                + " FROM notification WHERE state = ? AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                DUE, STATE_PENDING, toColumn(nowMillis), QueryLimits.require(limit));
    }

    /** The channel took it: attempt {@code attempt} (1 = first) logged as SENT with the channel's answer. */
    public void sent(long id, int attempt, long atMillis, String answer, long durationMillis) {
        transaction.executeWithoutResult(status -> {
            logAttempt(id, attempt, atMillis, STATE_SENT, answer, durationMillis);
            update("UPDATE notification SET state = ?, attempts = ?, sent_at = ? WHERE id = ? AND state = ? AND attempts = ?",
                    id, STATE_SENT, attempt, toColumn(atMillis), id, STATE_PENDING, attempt - 1);
        });
    }

    /** The attempt failed: logged as FAILED with the error; the notification stays PENDING until {@code nextAttemptMillis}. */
    public void failed(long id, int attempt, long atMillis, String error, long durationMillis, long nextAttemptMillis) {
        transaction.executeWithoutResult(status -> {
            logAttempt(id, attempt, atMillis, "FAILED", error, durationMillis);
            update("UPDATE notification SET attempts = ?, last_error = ?, next_attempt_at = ?"
                    + " WHERE id = ? AND state = ? AND attempts = ?",
                    id, attempt, fit(error, 2048), toColumn(nextAttemptMillis), id, STATE_PENDING, attempt - 1);
        });
    }

    private void logAttempt(long id, int attempt, long atMillis, String status, String detail, long durationMillis) {
        jdbc.update("INSERT INTO notification_attempt (notification_id, attempt, at, status, detail, duration_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, attempt, toColumn(atMillis), status, fit(detail, 2048),
                (int) Math.min(Integer.MAX_VALUE, Math.max(0, durationMillis)));
    }

    /** An update that finds no row means a second dispatcher (or a hand edit) got there first: roll the attempt back. */
    private void update(String sql, long id, Object... args) {
        if (jdbc.update(sql, args) != 1) {
            throw new IllegalStateException("notification " + id + " is no longer PENDING at the attempt count expected;"
                    + " is a second dispatcher running on this database?");
        }
    }
}
