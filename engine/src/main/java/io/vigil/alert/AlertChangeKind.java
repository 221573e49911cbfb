package io.vigil.alert;

/**
 * What happened to an alert. Every kind but {@code REPEATED} is a line of the alert's stored
 * history; a repeat only moves the count and the last-seen time.
 */
public enum AlertChangeKind {
    OPENED, REPEATED, STATUS, LOCATION_RECOVERED, CONFIRMED, NOT_CONFIRMED, SUPPRESSED, UNSUPPRESSED, SILENCED,
    UNSILENCED, FLAPPING_STARTED, FLAPPING_ENDED, ACKNOWLEDGED, ACKNOWLEDGEMENT_DROPPED, UNACKNOWLEDGED, SHELVED,
    UNSHELVED, ASSIGNED, NOTE, CLEARED;

    /** Whether the change is kept as a history line. */
    public boolean isHistory() {
        return this != REPEATED;
    }
}
