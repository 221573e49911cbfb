package io.vigil.notify;

import java.io.Serializable;

/**
 * One incident (or alert) a notification tells about: a problem at an escalation level, or its
 * all-clear.
 *
 * @param incidentId the incident, or null for an alert that has none
 * @param alertId    the alert behind it, or null (a service incident)
 * @param title      what it is, e.g. "web-01/http is CRITICAL"
 * @param status     the element's status when decided (CRITICAL, …; NORMAL for an all-clear)
 * @param level      the escalation level that notified (1 = first); 0 for an all-clear
 * @param at         when it happened (session clock, epoch ms)
 */
public record NotificationItem(Long incidentId, Long alertId, String resource, String check, String service,
                               String title, String status, int level, boolean allClear, long at)
        implements Serializable {
}
