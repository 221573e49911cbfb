package io.vigil.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public static final int RECENT_CHANGES = 20;

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
    /** Null until the first status change: most alerts never change status (a list costs 48 bytes). */
    private List<StatusChange> recentChanges;
    private Map<String, String> attributes = Map.of();
    private String location;
    private Confirmation confirmation = Confirmation.NOT_NEEDED;
    private int confirmationNeeded;
    private long confirmationWithin;
    /** Monitoring location → its latest failure report; only for alerts that need confirmation. */
    private LinkedHashMap<String, Long> failingLocations;
    private String suppressedBy;
    private String silencedBy;
    private boolean flapping;
    private long flappingEndedAt;

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

    /** The attributes of the newest report (silence matchers read them); shared with the event, not copied. */
    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes == null ? Map.of() : attributes;
    }

    public Map<String, String> getAttributes() { return attributes; }

    /** The monitoring location of the newest report (its attribute "location", else its source). */
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }

    /** From now on the alert needs {@code needed} failing locations within {@code withinMillis} to be confirmed. */
    public void needConfirmation(int needed, long withinMillis) {
        confirmation = Confirmation.UNCONFIRMED;
        confirmationNeeded = needed;
        confirmationWithin = withinMillis;
        failingLocations = new LinkedHashMap<>();
    }

    /** A location reported the problem at {@code at}; alerts that need no confirmation keep no locations. */
    public void locationFailed(String location, long at) {
        if (failingLocations != null) {
            failingLocations.merge(location, at, Math::max);
        }
    }

    /** A location reported the problem gone; returns whether any location still reports it. */
    public boolean locationRecovered(String location) {
        if (failingLocations == null) {
            return false;
        }
        failingLocations.remove(location);
        return !failingLocations.isEmpty();
    }

    /**
     * How many distinct locations reported the problem within the confirmation window before the newest
     * such report; 0 for an alert that needs no confirmation.
     */
    public int getFailingLocationCount() {
        if (failingLocations == null || failingLocations.isEmpty()) {
            return 0;
        }
        long newest = failingLocations.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return (int) failingLocations.values().stream().filter(at -> at >= newest - confirmationWithin).count();
    }

    /** The locations that report the problem now, in the order they first did. */
    public List<String> getFailingLocations() {
        return failingLocations == null ? List.of() : List.copyOf(failingLocations.keySet());
    }

    /**
     * How many status changes happened within {@code windowMillis} before the newest one (the newest
     * included), counting none from before the last time flapping ended; the basis of flapping.
     */
    public int recentChangesWithin(long windowMillis) {
        if (recentChanges == null || recentChanges.isEmpty()) {
            return 0;
        }
        long newest = recentChanges.get(recentChanges.size() - 1).at();
        return (int) recentChanges.stream().filter(c -> c.at() >= newest - windowMillis && c.at() > flappingEndedAt)
                .count();
    }

    /** Flapping ended at {@code at}: the changes before it are settled and count no more. */
    public void endFlapping(long at) {
        flapping = false;
        flappingEndedAt = at;
    }

    /**
     * Starts from the recent status changes of the key's previous alert, and its clearing: a problem
     * that keeps clearing and coming back changes status as often as one that stays open.
     */
    public void inheritChanges(Alert previous) {
        if (previous.recentChanges != null) {
            recentChanges = new ArrayList<>(previous.recentChanges);
        }
        statusSince = previous.statusSince;
        statusEventId = previous.statusEventId;
        status = previous.status;
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
            if (recentChanges == null) {
                recentChanges = new ArrayList<>(2);
            }
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
    public Confirmation getConfirmation() { return confirmation; }
    public void setConfirmation(Confirmation confirmation) { this.confirmation = confirmation; }
    public int getConfirmationNeeded() { return confirmationNeeded; }
    public long getConfirmationWithin() { return confirmationWithin; }
    /** The parent resource whose CRITICAL alert suppresses this one, or null. */
    public String getSuppressedBy() { return suppressedBy; }
    public void setSuppressedBy(String suppressedBy) { this.suppressedBy = suppressedBy; }
    /** The id of the silence that silences this alert, or null. */
    public String getSilencedBy() { return silencedBy; }
    public void setSilencedBy(String silencedBy) { this.silencedBy = silencedBy; }
    public boolean isFlapping() { return flapping; }
    public void setFlapping(boolean flapping) { this.flapping = flapping; }

    /** The latest status changes, oldest first (at most {@value #RECENT_CHANGES}). */
    public List<StatusChange> getRecentChanges() { return recentChanges == null ? List.of() : List.copyOf(recentChanges); }

    /**
     * How many status changes the short history holds; {@link #recentChangesWithin} is never more, so a
     * rule may rule out on it alone (an alpha test) the many alerts that never changed status.
     */
    public int getRecentChangeCount() { return recentChanges == null ? 0 : recentChanges.size(); }

    @Override
    public String factId() {
        return "alert:" + id;
    }

    @Override
    public String summary() {
        return key + " " + status + " " + state + " ×" + count
                + (confirmation == Confirmation.NOT_NEEDED ? "" : " " + confirmation)
                + (suppressedBy == null ? "" : " suppressed by " + suppressedBy)
                + (silencedBy == null ? "" : " silenced by " + silencedBy)
                + (flapping ? " flapping" : "");
    }

    @Override
    public String toString() {
        return "Alert#" + id + "(" + summary() + ")";
    }
}
