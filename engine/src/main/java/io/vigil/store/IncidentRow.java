package io.vigil.store;

import io.vigil.model.Status;

import java.time.Instant;

/**
 * An incident as stored by the outcome writer: about an element ({@code resource}/{@code check} set,
 * {@code service} null) or about a service ({@code service} set, {@code resource}/{@code check} null).
 *
 * @param state            OPEN, ACKNOWLEDGED or RESOLVED
 * @param openedByFiringId the firing of the rule that opened it (the audit chain's first link), or null
 * @param openedByEventId  the event that made the element critical, or null
 * @param currentStatus    the status its element or service has now (not when it opened), or null
 *                         when none is stored (never reported, or a service no longer in the tree)
 */
public record IncidentRow(long id, String resource, String check, String service, String title, String state,
                          int escalationLevel, Instant openedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
                          String resolvedBy, Long openedByFiringId, Long openedByEventId, long processInstanceId,
                          Status currentStatus) {

    /** What the incident is about, as people read it: {@code db01/mysql} or {@code service webshop}. */
    public String subject() {
        return service != null ? "service " + service : resource + "/" + check;
    }
}
