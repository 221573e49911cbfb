package io.vigil.store;

import io.vigil.model.Severity;
import io.vigil.model.Status;

import java.time.Instant;
import java.util.Map;

/**
 * A journaled event with what the classify rules decided about it.
 *
 * @param receivedStatus the status as sent, or null
 * @param category       the classify rules' category, or null while not classified yet
 * @param status         the effective status (sent or derived), or null while not classified yet
 */
public record EventRow(long id, Instant receivedAt, Instant occurredAt, String transport, String source, String resource,
                       String check, Status receivedStatus, Severity severity, String message,
                       Map<String, String> attributes, String category, Status status) {
}
