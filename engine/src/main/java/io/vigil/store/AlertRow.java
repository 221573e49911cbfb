package io.vigil.store;

import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Confirmation;
import io.vigil.model.Severity;
import io.vigil.model.Status;

import java.time.Instant;
import java.util.List;

/**
 * An alert as the engine last stored it.
 *
 * @param count        how many reports it counted
 * @param shelvedUntil when its shelving ends, or null when not shelved
 * @param changedAt    its last change (session clock)
 * @param failingLocations the locations reporting the problem, for alerts that need confirmation
 * @param suppressedBy the CRITICAL parent resource it depends on, or null
 * @param silencedBy   the id of the silence that silences it, or null
 */
public record AlertRow(long id, String key, AlertKind kind, String resource, String check, String service, String source,
                       String category, Status status, Status previousStatus, Severity severity, AlertState state,
                       long count, Instant firstSeen, Instant lastSeen, Long lastEventId, String message,
                       String acknowledgedBy, String assignee, Instant shelvedUntil, Instant changedAt,
                       Confirmation confirmation, List<String> failingLocations, String suppressedBy, String silencedBy,
                       boolean flapping) {

    /**
     * Whether the alert may page people, in words: "yes", or why not — "unconfirmed: 2 of 3
     * locations", "not confirmed", "suppressed by lb01", "silenced (silence 4)", "flapping".
     */
    public String paging() {
        return switch (confirmation) {
            case UNCONFIRMED -> "unconfirmed: " + failingLocations.size() + " location"
                    + (failingLocations.size() == 1 ? "" : "s") + " so far";
            case NOT_CONFIRMED -> "not confirmed";
            default -> suppressedBy != null ? "suppressed by " + suppressedBy
                    : silencedBy != null ? "silenced (silence " + silencedBy + ")"
                    : flapping ? "flapping" : "yes";
        };
    }
}
