package io.vigil.store;

import java.time.Instant;

/**
 * One line of an alert's history: what happened ({@code kind}, e.g. STATUS, ACKNOWLEDGED), the
 * alert's status and state after it, who did it (null for the rules) and the event and rule firing
 * behind it, where there are.
 */
public record AlertHistoryRow(long id, long alertId, Instant at, String kind, String status, String state, String detail,
                              String actor, Long eventId, Long firingId) {
}
