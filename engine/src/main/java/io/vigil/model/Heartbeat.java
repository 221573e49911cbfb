package io.vigil.model;

import java.io.Serializable;

/**
 * A resource that sends heartbeats: when its last one came and how long the next may take. The
 * alert desk keeps one per resource and raises the "heartbeat missing" alert when the time passes.
 */
public final class Heartbeat implements Describable, Serializable {

    private static final long serialVersionUID = 1L;

    private final String resource;
    private String source;
    private long lastAt;
    private long timeout;

    public Heartbeat(String resource, String source, long lastAt, long timeout) {
        this.resource = resource;
        this.source = source;
        this.lastAt = lastAt;
        this.timeout = timeout;
    }

    /** A newer heartbeat came (an older one changes nothing). */
    public void beat(String beatSource, long at, long beatTimeout) {
        if (at >= lastAt) {
            source = beatSource;
            lastAt = at;
            timeout = beatTimeout;
        }
    }

    public String getResource() { return resource; }
    public String getSource() { return source; }
    public long getLastAt() { return lastAt; }
    public long getTimeout() { return timeout; }
    /** When the heartbeat is missing if none comes before. */
    public long getDueBy() { return lastAt + timeout; }

    @Override
    public String factId() {
        return "heartbeat:" + resource;
    }

    @Override
    public String summary() {
        return resource + " every " + timeout / 1000 + " s, last at " + java.time.Instant.ofEpochMilli(lastAt);
    }
}
