package io.vigil.store;

import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Severity;
import io.vigil.model.Status;

import java.time.Instant;

/**
 * An alert as the engine last stored it.
 *
 * @param count        how many reports it counted
 * @param shelvedUntil when its shelving ends, or null when not shelved
 * @param changedAt    its last change (session clock)
 */
public record AlertRow(long id, String key, AlertKind kind, String resource, String check, String service, String source,
                       String category, Status status, Status previousStatus, Severity severity, AlertState state,
                       long count, Instant firstSeen, Instant lastSeen, Long lastEventId, String message,
                       String acknowledgedBy, String assignee, Instant shelvedUntil, Instant changedAt) {
}
