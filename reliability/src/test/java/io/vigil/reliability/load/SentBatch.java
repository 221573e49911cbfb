package io.vigil.reliability.load;

import java.util.List;
import java.util.UUID;

/**
 * One POST of several events and what became of it. The Idempotency-Key is fixed for the batch,
 * so every retry is the same request: a server that already journaled it must answer with the
 * original ids and store nothing twice.
 */
public final class SentBatch {

    private final String idempotencyKey = UUID.randomUUID().toString();
    private final List<String> markers;
    private volatile List<Long> ids;
    private volatile int attempts;
    private volatile Answer finalRefusal;

    SentBatch(List<String> markers) {
        this.markers = List.copyOf(markers);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The events' markers, in the order they were sent. */
    public List<String> markers() {
        return markers;
    }

    /** The ids of the 202, in the order of {@link #markers()}; null while not acknowledged. */
    public List<Long> ids() {
        return ids;
    }

    public boolean acknowledged() {
        return ids != null;
    }

    public int attempts() {
        return attempts;
    }

    /** The answer that ended the batch without a 202 (a 4xx/5xx that is no "retry later"), or null. */
    public Answer finalRefusal() {
        return finalRefusal;
    }

    void attempted() {
        attempts++;
    }

    void acknowledge(List<Long> ids) {
        this.ids = List.copyOf(ids);
    }

    void refuse(Answer answer) {
        this.finalRefusal = answer;
    }
}
