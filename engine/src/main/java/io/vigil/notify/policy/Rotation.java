package io.vigil.notify.policy;

import java.util.Locale;

/** How often a layer hands off to the next user, counted in local calendar days (so DST-correct). */
public enum Rotation {
    DAILY(1), WEEKLY(7);

    private final int days;

    Rotation(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** How it is written in the document. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
