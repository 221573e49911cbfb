package io.vigil.alert;

import java.io.Serializable;

/**
 * The last alert id handed out, kept as a fact so that it is marshalled with the session: a
 * restored session re-running the journal after its snapshot gives each alert the id it had.
 */
public final class AlertSequence implements Serializable {

    private static final long serialVersionUID = 1L;

    private long lastId;

    public AlertSequence(long lastId) {
        this.lastId = lastId;
    }

    long next() {
        return ++lastId;
    }

    void continueAfter(long storedLastId) {
        lastId = Math.max(lastId, storedLastId);
    }

    public long getLastId() {
        return lastId;
    }
}
