package io.vigil.model;

import java.io.Serializable;

/**
 * The latest status of one module (resource/check). Inserted and modified by the classify rules
 * as events arrive; it outlives the events, so it is a plain (not logical) fact.
 * {@code changes} counts status changes: an incident remembers the change it was opened for, so
 * one critical episode opens at most one incident. Serializable for session snapshots.
 */
public final class ElementStatus implements Describable, Serializable {

    private static final long serialVersionUID = 1L;

    private final String resource;
    private final String check;
    private Status status;
    private long since;
    private long lastEventId;
    private long lastOccurredAt;
    private long changes;

    public ElementStatus(String resource, String check, Status status, long since, long lastEventId) {
        this.resource = resource;
        this.check = check;
        this.status = status;
        this.since = since;
        this.lastEventId = lastEventId;
        this.lastOccurredAt = since;
        this.changes = 1;
    }

    /** Records a newer event with a different status. */
    public void change(Status newStatus, long at, long eventId) {
        this.status = newStatus;
        this.since = at;
        this.lastEventId = eventId;
        this.lastOccurredAt = at;
        this.changes++;
    }

    public String getResource() { return resource; }
    public String getCheck() { return check; }
    public String getKey() { return resource + "/" + check; }
    public Status getStatus() { return status; }
    public long getSince() { return since; }
    public long getLastEventId() { return lastEventId; }
    public long getLastOccurredAt() { return lastOccurredAt; }
    public long getChanges() { return changes; }

    @Override
    public String factId() {
        return "element:" + getKey();
    }

    @Override
    public String summary() {
        return getKey() + " " + status + " since event " + lastEventId;
    }

    @Override
    public String toString() {
        return "ElementStatus(" + summary() + ")";
    }
}
