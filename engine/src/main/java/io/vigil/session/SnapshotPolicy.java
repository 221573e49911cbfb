package io.vigil.session;

import java.time.Duration;

/**
 * When a batch carries a snapshot. Recovery never re-runs process steps, so every batch with a
 * process step must carry one; the periodic one only bounds how much journal a restart re-runs.
 * Replay takes none: it has nowhere to store them.
 */
public record SnapshotPolicy(boolean enabled, long everyMillis) {

    public static SnapshotPolicy never() {
        return new SnapshotPolicy(false, 0);
    }

    /** After every process step, and when {@code interval} of session time passed since the last snapshot. */
    public static SnapshotPolicy afterProcessStepsAndEvery(Duration interval) {
        return new SnapshotPolicy(true, interval.toMillis());
    }

    boolean due(boolean processStateChanged, long sessionClock, long lastSnapshotClock) {
        return enabled && (processStateChanged || sessionClock - lastSnapshotClock >= everyMillis);
    }
}
