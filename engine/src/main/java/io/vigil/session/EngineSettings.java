package io.vigil.session;

import java.time.Duration;

/**
 * How the engine runs.
 *
 * @param batchSize          at most about this many events per engine turn (one fire, one published batch)
 * @param escalationInterval how often an unacknowledged incident that no escalation policy covers
 *                           escalates (its level rises; nobody is notified)
 * @param pollTimeout        how long the engine waits for input before it moves the clock on anyway;
 *                           bounds how late a due timer fires
 * @param snapshotInterval   besides after every process step, take a snapshot when this much session
 *                           time has passed since the last one, so a restart re-runs little journal
 * @param closeResolvedAfter how long a resolved incident waits for a person to close it before the
 *                           engine closes it
 * @param fireBudget         how long the rules of one batch may fire before they count as running away
 *                           (besides the firing limit, 100 per event); then the engine rolls back to the
 *                           version active before
 * @param linger             how long a turn may wait, once its first input is there, for more to arrive
 *                           before it runs (zero: not at all); fewer, larger turns when events come in
 *                           small commits, at the cost of that much latency
 */
public record EngineSettings(int batchSize, Duration escalationInterval, Duration pollTimeout, Duration snapshotInterval,
                             Duration closeResolvedAfter, Duration fireBudget, Duration linger) {

    /** Measured with one event per request over 8 connections: a third fewer turns' worth of CPU; see BENCHMARKS.md. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);
    /** Beyond it the engine would answer commands and move its clock noticeably late. */
    public static final Duration MAX_LINGER = Duration.ofSeconds(1);

    public EngineSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("engine batch size must be at least 1, got " + batchSize);
        }
        requirePositive("escalation interval", escalationInterval);
        requirePositive("engine poll timeout", pollTimeout);
        requirePositive("snapshot interval", snapshotInterval);
        requirePositive("close resolved incidents after", closeResolvedAfter);
        requirePositive("fire budget", fireBudget);
        if (linger == null || linger.isNegative() || linger.compareTo(MAX_LINGER) > 0) {
            throw new IllegalArgumentException("engine linger must be 0 to " + MAX_LINGER.toMillis() + " ms, got " + linger);
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(5_000, Duration.ofMinutes(15), Duration.ofMillis(100), Duration.ofMinutes(5),
                SessionSetup.DEFAULT_CLOSE_AFTER, SessionSetup.DEFAULT_FIRE_BUDGET, DEFAULT_LINGER);
    }

    public EngineSettings withBatchSize(int size) {
        return new EngineSettings(size, escalationInterval, pollTimeout, snapshotInterval, closeResolvedAfter, fireBudget, linger);
    }

    public EngineSettings withEscalationInterval(Duration interval) {
        return new EngineSettings(batchSize, interval, pollTimeout, snapshotInterval, closeResolvedAfter, fireBudget, linger);
    }

    public EngineSettings withPollTimeout(Duration timeout) {
        return new EngineSettings(batchSize, escalationInterval, timeout, snapshotInterval, closeResolvedAfter, fireBudget, linger);
    }

    public EngineSettings withSnapshotInterval(Duration interval) {
        return new EngineSettings(batchSize, escalationInterval, pollTimeout, interval, closeResolvedAfter, fireBudget, linger);
    }

    public EngineSettings withCloseResolvedAfter(Duration after) {
        return new EngineSettings(batchSize, escalationInterval, pollTimeout, snapshotInterval, after, fireBudget, linger);
    }

    public EngineSettings withFireBudget(Duration budget) {
        return new EngineSettings(batchSize, escalationInterval, pollTimeout, snapshotInterval, closeResolvedAfter, budget, linger);
    }

    public EngineSettings withLinger(Duration linger) {
        return new EngineSettings(batchSize, escalationInterval, pollTimeout, snapshotInterval, closeResolvedAfter, fireBudget,
                linger);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
        }
    }
}
