package io.vigil.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One deduplicated, stateful problem: every report with the same {@link #getKey() key} while the
 * alert is active counts into it. A plain fact, inserted and changed by the alert desk (the
 * {@code alerts} global) and read by rules (incidents, correlation). Cleared alerts leave the
 * session (their rows stay stored); the next problem for the key opens a new alert with a new id.
 *
 * <p>It keeps a short history of its latest status changes (at most {@value #RECENT_CHANGES}):
 * enough for windowed rules such as flapping, small enough for a million open alerts. The whole
 * history is stored. Serializable for session snapshots.
 */
public final class Alert implements Describable, Serializable {

    private static final long serialVersionUID = 1L;
    public static final int RECENT_CHANGES = 10;

    /** One status change: when, from what, to what. */
    public record StatusChange(long at, Status from, Status to) implements Serializable {
    }

    private final long id;
    private final String key;
    private final AlertKind kind;
    private final String resource;
    private final String check;
    private final String service;
    private final long firstSeen;
    private String source;
    private String category;
    private Status status;
    private Status previousStatus;
    private Severity severity;
    private AlertState state = AlertState.OPEN;
    private long count;
    private long lastSeen;
    private long lastEventId;
    private String message;
    private String acknowledgedBy;
    private String assignee;
    private long shelvedUntil;
    private long statusSince;
    private long statusEventId;
    private final List<StatusChange> recentChanges = new ArrayList<>(2);

    public Alert(long id, String key, AlertKind kind, String resource, String check, String service, long firstSeen) {
        this.id = id;
        this.key = key;
        this.kind = kind;
        this.resource = resource;
        this.check = check;
        this.service = service;
        this.firstSeen = firstSeen;
        this.lastSeen = firstSeen;
    }

    /** Counts one more report: its time, event (0 for none), source, category and message. */
    public void report(long at, long eventId, String reportSource, String reportCategory, String reportMessage) {
        count++;
        lastSeen = Math.max(lastSeen, at);
        if (eventId > lastEventId) {
            lastEventId = eventId;
            source = reportSource;
            category = reportCategory;
            message = reportMessage;
        }
    }

    /**
     * Whether a report at {@code at} with {@code eventId} is newer than the one that set the current
     * status: a later time, or the same time and a higher event id. Only newer reports change status.
     */
    public boolean isNewerThanStatus(long at, long eventId) {
        return at > statusSince || at == statusSince && eventId > statusEventId;
    }

    /** Sets the status (the first one, or a change recorded in the recent history) as of {@code at}. */
    public void changeStatus(Status next, Severity nextSeverity, long at, long eventId) {
        statusSince = at;
        statusEventId = eventId;
        if (status != null) {
            recentChanges.add(new StatusChange(at, status, next));
            if (recentChanges.size() > RECENT_CHANGES) {
                recentChanges.remove(0);
            }
        }
        previousStatus = status;
        status = next;
        severity = nextSeverity;
    }

    public long getId() { return id; }
    public String getKey() { return key; }
    public AlertKind getKind() { return kind; }
    /** The resource of an event alert; null for service and SLA alerts. */
    public String getResource() { return resource; }
    public String getCheck() { return check; }
    /** The service of a service or SLA alert; null for event alerts. */
    public String getService() { return service; }
    public long getFirstSeen() { return firstSeen; }
    public long getLastSeen() { return lastSeen; }
    public long getCount() { return count; }
    public long getLastEventId() { return lastEventId; }
    public String getSource() { return source; }
    public String getCategory() { return category; }
    public String getMessage() { return message; }
    public Status getStatus() { return status; }
    public Status getPreviousStatus() { return previousStatus; }
    /** The syslog severity of the report that set the status, or null. */
    public Severity getSeverity() { return severity; }
    /** When the current status was reported (epoch ms). */
    public long getStatusSince() { return statusSince; }
    public AlertState getState() { return state; }
    public void setState(AlertState state) { this.state = state; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public void setAcknowledgedBy(String acknowledgedBy) { this.acknowledgedBy = acknowledgedBy; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    /** Session-clock epoch ms until which a SHELVED alert stays shelved; 0 when not shelved. */
    public long getShelvedUntil() { return shelvedUntil; }
    public void setShelvedUntil(long shelvedUntil) { this.shelvedUntil = shelvedUntil; }
    /** The latest status changes, oldest first (at most {@value #RECENT_CHANGES}). */
    public List<StatusChange> getRecentChanges() { return List.copyOf(recentChanges); }

    @Override
    public String factId() {
        return "alert:" + id;
    }

    @Override
    public String summary() {
        return key + " " + status + " " + state + " ×" + count;
    }

    @Override
    public String toString() {
        return "Alert#" + id + "(" + summary() + ")";
    }
}
