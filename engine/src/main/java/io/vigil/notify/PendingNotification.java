package io.vigil.notify;

import io.vigil.notify.policy.Recipient;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one recipient will be told when its consolidation window closes: every item decided for it
 * since the window opened. Part of the session's state (marshalled with it), so a restart keeps it.
 */
final class PendingNotification implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Recipient recipient;
    private final String policy;
    private final long dueAt;
    private final List<NotificationItem> items = new ArrayList<>();

    PendingNotification(Recipient recipient, String policy, long dueAt) {
        this.recipient = recipient;
        this.policy = policy;
        this.dueAt = dueAt;
    }

    void add(NotificationItem item) {
        items.add(item);
    }

    Recipient recipient() {
        return recipient;
    }

    String policy() {
        return policy;
    }

    long dueAt() {
        return dueAt;
    }

    List<NotificationItem> items() {
        return Collections.unmodifiableList(items);
    }
}
