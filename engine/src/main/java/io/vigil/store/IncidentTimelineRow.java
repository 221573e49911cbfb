package io.vigil.store;

import java.time.Instant;

/**
 * One line of an incident's story.
 *
 * @param kind     OPENED, TASK_OPENED, TASK_COMPLETED, ESCALATED, ACKNOWLEDGED or RESOLVED
 * @param firingId the firing behind it, when a rule did it
 */
public record IncidentTimelineRow(long id, long incidentId, Instant at, String kind, String text, String actor,
                                  Long firingId) {
}
