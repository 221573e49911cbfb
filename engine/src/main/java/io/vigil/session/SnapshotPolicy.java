package io.vigil.session;

import java.time.Duration;

/**
 * When a batch carries a snapshot. Recovery never re-runs process steps, so the checkpoint may
 * only pass a process step together with a snapshot; the periodic one bounds how much journal a
 * restart re-runs. Replay takes none: it has nowhere to store them.
 *
 * <p>A snapshot marshals the whole session, so its cost grows with the session (an incident
 * storm with a thousand running processes made one 11 MB and ~0.5 s). Process steps therefore
 * do not each get one: after a snapshot, the next may come only after {@code minGapMillis} and
 * after {@value #COST_FACTOR} times what the last one took. The batches in between are held back
 * and published together with that next snapshot, which bounds the snapshot share of the engine
 * thread to about 1 / (1 + {@value #COST_FACTOR}) while only delaying outcomes, never losing them.
 */
public record SnapshotPolicy(boolean enabled, long everyMillis, long minGapMillis) {

    static final int COST_FACTOR = 4;

    public static SnapshotPolicy never() {
        return new SnapshotPolicy(false, 0, 0);
    }

    /** After process steps (at most every 200 ms, see above), and when {@code interval} of session time passed. */
    public static SnapshotPolicy afterProcessStepsAndEvery(Duration interval) {
        return new SnapshotPolicy(true, interval.toMillis(), 200);
    }

    /** As {@link #afterProcessStepsAndEvery}, but a process step may be snapshotted as soon as {@code minGap} has passed. */
    public SnapshotPolicy withMinGap(Duration minGap) {
        return new SnapshotPolicy(enabled, everyMillis, minGap.toMillis());
    }

    boolean periodicDue(long sessionClock, long lastSnapshotClock) {
        return enabled && sessionClock - lastSnapshotClock >= everyMillis;
    }

    /** Whether a process step may be snapshotted now, given when the last snapshot ended and what it cost. */
    boolean processSnapshotAllowed(long nanosSinceLastSnapshot, long lastSnapshotCostNanos) {
        long gap = Math.max(minGapMillis * 1_000_000L, COST_FACTOR * lastSnapshotCostNanos);
        return nanosSinceLastSnapshot >= gap;
    }
}
