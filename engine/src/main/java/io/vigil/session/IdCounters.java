package io.vigil.session;

/**
 * The incident and task id counters. The engine allocates these ids itself (one engine per
 * node) so outcomes can name them before anything is stored; they start after the highest ids
 * in stored state. Engine thread only.
 */
public final class IdCounters {

    private long lastIncidentId;
    private long lastTaskId;

    public IdCounters(long lastIncidentId, long lastTaskId) {
        this.lastIncidentId = lastIncidentId;
        this.lastTaskId = lastTaskId;
    }

    public long nextIncidentId() {
        return ++lastIncidentId;
    }

    public long nextTaskId() {
        return ++lastTaskId;
    }
}
