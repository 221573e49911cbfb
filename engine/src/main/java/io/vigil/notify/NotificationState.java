package io.vigil.notify;

/** Where an outbox row stands: waiting to be (re)sent, or taken by its channel. There is no "given up": a loss is not acceptable. */
public enum NotificationState {
    PENDING,
    SENT
}
