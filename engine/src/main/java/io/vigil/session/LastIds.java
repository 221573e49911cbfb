package io.vigil.session;

/**
 * The highest id of every kind the engine hands out, as stored state says after a restart, so
 * ids continue after it and are never used twice: rule firings, incidents, tasks, planned
 * downtimes, jBPM's process instances and work items (whose own counters a restored
 * session does not carry, see {@link ProcessIdCounters}), and alerts, silences and notifications (whose counters
 * the session carries; the stored maxima only move them on after recovery, see {@code AlertDesk}).
 */
public record LastIds(long firing, long incident, long task, long downtime, long processInstance, long workItem,
                      long alert, long silence, long notification) {

    /** Nothing stored yet (tests, replay, benchmarks). */
    public static final LastIds NONE = new LastIds(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public LastIds withFiring(long lastFiring) {
        return new LastIds(lastFiring, incident, task, downtime, processInstance, workItem, alert, silence, notification);
    }
}
