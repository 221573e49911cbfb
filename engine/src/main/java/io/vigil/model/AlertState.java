package io.vigil.model;

/**
 * Where an alert stands with the people working it. {@code OPEN → ACKNOWLEDGED → (SHELVED until
 * a time) → CLEARED}; acknowledging and shelving can be undone, clearing ends the alert (a new
 * problem for its key opens a new alert with its own id).
 */
public enum AlertState {
    OPEN, ACKNOWLEDGED, SHELVED, CLEARED;

    public static AlertState parse(String text) {
        for (AlertState state : values()) {
            if (state.name().equalsIgnoreCase(text.trim())) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown alert state \"" + text + "\" (expected OPEN, ACKNOWLEDGED, SHELVED or CLEARED)");
    }
}
