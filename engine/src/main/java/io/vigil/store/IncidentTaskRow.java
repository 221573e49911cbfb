package io.vigil.store;

import java.time.Instant;

/** A human step of an incident process: Acknowledge, Resolve. {@code state} is OPEN or COMPLETED. */
public record IncidentTaskRow(long id, long incidentId, String name, String state, Instant openedAt,
                              Instant completedAt, String completedBy) {
}
