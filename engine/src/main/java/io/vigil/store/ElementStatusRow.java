package io.vigil.store;

import io.vigil.model.Status;

import java.time.Instant;

/**
 * The latest status of one element (resource/check).
 *
 * @param since       when it entered this status (session clock)
 * @param lastEventId the event that brought it into this status
 * @param updatedAt   when the row was last written
 */
public record ElementStatusRow(String resource, String check, Status status, Instant since, long lastEventId,
                               Instant updatedAt) {
}
