package io.vigil.alert;

import java.io.Serializable;

/**
 * The last alert id and the last silence id handed out, kept as a fact so that they are marshalled
 * with the session: a restored session re-running the journal after its snapshot gives each alert
 * the id it had.
 */
public final class AlertSequence implements Serializable {

    private static final long serialVersionUID = 1L;

    private long lastId;
    private long lastSilenceId;

    public AlertSequence(long lastId) {
        this.lastId = lastId;
    }

    long next() {
        return ++lastId;
    }

    long nextSilence() {
        return ++lastSilenceId;
    }

    void continueAfter(long storedLastId, long storedLastSilenceId) {
        lastId = Math.max(lastId, storedLastId);
        lastSilenceId = Math.max(lastSilenceId, storedLastSilenceId);
    }

    public long getLastId() {
        return lastId;
    }
}
