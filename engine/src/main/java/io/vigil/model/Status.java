package io.vigil.model;

import java.util.Locale;

/** Pandora's four statuses. Order matters: {@link #worse(Status)} ranks CRITICAL above WARNING above UNKNOWN above NORMAL. */
public enum Status {
    NORMAL(0), UNKNOWN(1), WARNING(2), CRITICAL(3);

    private final int rank;

    Status(int rank) {
        this.rank = rank;
    }

    /** The worse of two statuses; used for an agent's status (worst of its modules). */
    public Status worse(Status other) {
        return other == null || rank >= other.rank ? this : other;
    }

    /** Parses a status in any case; returns null for null. Throws IllegalArgumentException naming the value. */
    public static Status parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status \"" + text + "\" (expected NORMAL, WARNING, CRITICAL or UNKNOWN)");
        }
    }
}
