package io.vigil.model;

/**
 * Whether an alert's problem is confirmed from enough monitoring locations (the confirmations of
 * the services-as-code document): {@code NOT_NEEDED} when no confirmation rule applies to it,
 * {@code UNCONFIRMED} while fewer locations than needed report it, {@code CONFIRMED} once enough
 * did within the window, {@code NOT_CONFIRMED} when the window passed first (the alert is closed).
 */
public enum Confirmation {
    NOT_NEEDED, UNCONFIRMED, CONFIRMED, NOT_CONFIRMED
}
