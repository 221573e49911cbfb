package io.vigil.session;

import java.time.Duration;

/**
 * How the engine runs.
 *
 * @param batchSize          at most about this many events per engine turn (one fire, one published batch)
 * @param escalationInterval how often an unacknowledged incident escalates (its process timer)
 * @param pollTimeout        how long the engine waits for input before it moves the clock on anyway;
 *                           bounds how late a due timer fires
 * @param snapshotInterval   besides after every process step, take a snapshot when this much session
 *                           time has passed since the last one, so a restart re-runs little journal
 */
public record EngineSettings(int batchSize, Duration escalationInterval, Duration pollTimeout, Duration snapshotInterval) {

    public EngineSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("engine batch size must be at least 1, got " + batchSize);
        }
        requirePositive("escalation interval", escalationInterval);
        requirePositive("engine poll timeout", pollTimeout);
        requirePositive("snapshot interval", snapshotInterval);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(5_000, Duration.ofMinutes(15), Duration.ofMillis(100), Duration.ofMinutes(5));
    }

    public EngineSettings withBatchSize(int size) {
        return new EngineSettings(size, escalationInterval, pollTimeout, snapshotInterval);
    }

    public EngineSettings withEscalationInterval(Duration interval) {
        return new EngineSettings(batchSize, interval, pollTimeout, snapshotInterval);
    }

    public EngineSettings withPollTimeout(Duration timeout) {
        return new EngineSettings(batchSize, escalationInterval, timeout, snapshotInterval);
    }

    public EngineSettings withSnapshotInterval(Duration interval) {
        return new EngineSettings(batchSize, escalationInterval, pollTimeout, interval);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
        }
    }
}
