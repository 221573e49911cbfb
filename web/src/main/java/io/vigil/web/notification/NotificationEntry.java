package io.vigil.web.notification;

import io.vigil.notify.ChannelType;
import io.vigil.notify.NotificationItem;
import io.vigil.notify.NotificationState;
import io.vigil.store.NotificationLogRow;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One notification as the log shows it to people. Where it went is shown without secrets: an
 * e-mail address as it is, a URL only as its origin ({@code https://hooks.slack.com}), since the
 * path of a chat webhook is its password.
 */
public record NotificationEntry(long id, Instant decidedAt, String recipient, String channel, ChannelType channelType,
                                String destination, boolean allClear, int level, String policy, String subject,
                                List<NotificationItem> items, NotificationState state, int attempts, Instant nextAttemptAt,
                                String lastError, Instant sentAt) {

    public static NotificationEntry of(NotificationLogRow row) {
        return new NotificationEntry(row.id(), row.decidedAt(), row.recipient(), row.channel(), row.channelType(),
                destination(row.channelType(), row.address()), row.allClear(), row.level(), row.policy(), row.subject(),
                row.items(), row.state(), row.attempts(), row.nextAttemptAt(), row.lastError(), row.sentAt());
    }

    static String destination(ChannelType type, String address) {
        if (type == ChannelType.EMAIL || address == null) {
            return address;
        }
        try {
            URI uri = URI.create(address);
            return uri.getScheme() == null || uri.getHost() == null ? "(a URL)"
                    : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(a URL)";
        }
    }
}
