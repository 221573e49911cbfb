package io.vigil.alert;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * A sender expected to send heartbeats (events with check "heartbeat") at least every
 * {@code interval}; it names exactly one of {@code resource} and {@code source}, the other is null.
 */
public record HeartbeatExpectation(String resource, String source, Duration interval) implements Serializable {

    public HeartbeatExpectation {
        if ((resource == null) == (source == null)) {
            throw new IllegalArgumentException("exactly one of resource and source, not " + resource + " and " + source);
        }
        Objects.requireNonNull(interval, "interval");
    }
}
