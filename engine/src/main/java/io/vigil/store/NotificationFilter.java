package io.vigil.store;

import io.vigil.notify.NotificationState;

/**
 * Which notifications the log shows; every field is optional (null: any).
 *
 * @param recipient  exactly, e.g. {@code user:alice}
 * @param incidentId those that carry this incident
 * @param alertId    those that carry this alert
 * @param state      PENDING (not delivered yet, maybe failing) or SENT
 */
public record NotificationFilter(String recipient, Long incidentId, Long alertId, NotificationState state) {

    public static final NotificationFilter ALL = new NotificationFilter(null, null, null, null);
}
