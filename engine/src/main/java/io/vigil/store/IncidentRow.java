package io.vigil.store;

import io.vigil.model.Status;

import java.time.Instant;

/**
 * An incident as stored by the outcome writer: about an element ({@code resource}/{@code check} set,
 * {@code service} null) or about a service ({@code service} set, {@code resource}/{@code check} null).
 *
 * @param state            OPEN, ACKNOWLEDGED, INVESTIGATING, RESOLVED or CLOSED
 * @param openedByFiringId the firing of the rule that opened it (the audit chain's first link), or null
 * @param openedByEventId  the event that made the element critical, or null
 * @param currentStatus    the status its element or service has now (not when it opened), or null
 *                         when none is stored (never reported, or a service no longer in the tree)
 * @param priority         NORMAL or HIGH
 * @param policy           the escalation policy that notifies about it, or null when none matched
 * @param alertId          the alert it was opened for, or null (a service's incident)
 * @param assignee         who works on it, or null
 * @param snoozedUntil     while snoozed, when escalation resumes; else null
 * @param resolutionCode   how it was resolved (FIXED, …, RECOVERED), or null while unresolved
 */
public record IncidentRow(long id, String resource, String check, String service, String title, String state,
                          int escalationLevel, Instant openedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
                          String resolvedBy, Long openedByFiringId, Long openedByEventId, long processInstanceId,
                          Status currentStatus, String priority, String policy, Long alertId, String assignee,
                          Instant snoozedUntil, String resolutionCode, String resolutionNote, Instant closedAt,
                          String closedBy) {

    /** What the incident is about, as people read it: {@code db01/mysql} or {@code service webshop}. */
    public String subject() {
        return service != null ? "service " + service : resource + "/" + check;
    }
}
