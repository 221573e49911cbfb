package io.vigil.store;

import io.vigil.notify.ChannelType;
import io.vigil.notify.NotificationItem;
import io.vigil.notify.NotificationState;

import java.time.Instant;
import java.util.List;

/**
 * One outbox row as the notification log shows it. The channel's settings are left out: they
 * hold signing secrets.
 *
 * @param attempts      delivery attempts made so far, failed or not
 * @param nextAttemptAt when a PENDING one is tried next
 * @param lastError     the newest failed attempt's error, or null
 * @param sentAt        when the channel took it, or null while PENDING
 */
public record NotificationLogRow(long id, Instant decidedAt, String recipient, String channel, ChannelType channelType,
                                 String address, boolean allClear, int level, String policy, String subject,
                                 List<NotificationItem> items, NotificationState state, int attempts,
                                 Instant nextAttemptAt, String lastError, Instant sentAt) {
}
