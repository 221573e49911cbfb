package io.vigil.session.replay;

import io.vigil.notify.ChannelType;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationItem;

import java.util.List;
import java.util.Objects;

/**
 * How replay prints a decided notification: who, how, which level, which incidents and alerts it
 * carries and whether it is an all-clear. Never the channel's settings: they hold signing secrets.
 */
record NotificationLine(long id, long decidedAt, String recipient, String channel, ChannelType channelType,
                        String address, int level, boolean allClear, String policy, List<Long> incidentIds,
                        List<Long> alertIds, String subject) {

    static NotificationLine of(Notification notification) {
        List<NotificationItem> items = notification.items();
        return new NotificationLine(notification.id(), notification.decidedAt(), notification.recipient(),
                notification.channel(), notification.channelType(), notification.address(), notification.level(),
                notification.allClear(), notification.policy(),
                items.stream().map(NotificationItem::incidentId).filter(Objects::nonNull).distinct().toList(),
                items.stream().map(NotificationItem::alertId).filter(Objects::nonNull).distinct().toList(),
                notification.subject());
    }
}
