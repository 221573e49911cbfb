package io.vigil.session;

import io.vigil.audit.Firing;

import java.util.List;

/**
 * Everything one engine batch produced, handed to the {@link OutcomeSink} in batch order.
 *
 * @param lastEventId  the highest journal id the session has now seen (the checkpoint)
 * @param verifiedEventId every journal id up to this one is processed or certainly not stored
 *                     (0: not known yet; see {@link JournalContinuity})
 * @param lastFiringId the highest firing id allocated so far
 * @param snapshot     the marshalled session after this batch, or null; the engine takes one
 *                     whenever process state changed (incident started, task done, timer fired)
 *                     so that recovery never has to re-run process steps
 * @param sessionClock the session clock after this batch, epoch ms
 * @param onCommitted  runs after the sink has made the batch durable (completes API commands)
 */
public record BatchOutcome(long lastEventId, long verifiedEventId, long lastFiringId, List<Outcome> outcomes, List<Firing> firings,
                           Snapshot snapshot, long sessionClock, Runnable onCommitted) {

    /**
     * A marshalled session as of {@code lastEventId}, with the last process-instance and work-item
     * ids jBPM handed out (the marshalled bytes do not carry them, see {@link ProcessIdCounters}).
     */
    public record Snapshot(long lastEventId, String ruleSetVersion, long sessionClock, long lastProcessInstanceId,
                           long lastWorkItemId, byte[] bytes) {
    }
}
