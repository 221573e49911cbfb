package io.vigil.store;

import java.util.List;

/** A notification with every delivery attempt, oldest first. */
public record NotificationDetail(NotificationLogRow notification, List<NotificationAttemptRow> attempts) {
}
