package io.vigil.notify;

import io.vigil.notify.policy.Recipient;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notifications waiting for their consolidation window to close, one per recipient, and the
 * last notification id handed out. Kept as a fact so it is marshalled with the session: a restart
 * neither loses a waiting item nor reuses an id. Rules never match it.
 */
public final class NotificationBook implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, PendingNotification> pending = new LinkedHashMap<>();
    private long lastId;

    /** The recipient's waiting notification, opened now with the given window if there is none. */
    PendingNotification pendingFor(Recipient recipient, String policy, long now, long windowMillis) {
        return pending.computeIfAbsent(recipient.key(), key -> new PendingNotification(recipient, policy, now + windowMillis));
    }

    /** Removes and returns those whose window has closed by {@code now}, oldest window first. */
    List<PendingNotification> takeDue(long now) {
        List<PendingNotification> due = new ArrayList<>();
        pending.values().removeIf(waiting -> {
            if (waiting.dueAt() <= now) {
                due.add(waiting);
                return true;
            }
            return false;
        });
        due.sort((a, b) -> Long.compare(a.dueAt(), b.dueAt()));
        return due;
    }

    long nextId() {
        return ++lastId;
    }

    void continueAfter(long storedLastId) {
        lastId = Math.max(lastId, storedLastId);
    }

    /** How many recipients have a notification waiting. */
    public int waiting() {
        return pending.size();
    }
}
