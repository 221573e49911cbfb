package io.vigil.reliability;

import io.vigil.reliability.check.StoredState;
import io.vigil.reliability.process.ChildProcesses;

import java.time.Duration;
import java.time.Instant;

/** Waits until the engine's checkpoint reaches an event id: it has processed everything up to it. */
final class CatchUp {

    private CatchUp() {
    }

    /**
     * Waits for the checkpoint to reach the journal's last id (as it is once the load stopped).
     *
     * @return how long it took, for the figures; a timeout is a failed check of the report
     */
    static String await(StoredState stored, Duration timeout, ScenarioReport report) {
        long target = stored.lastJournalId();
        Instant started = Instant.now();
        Instant reached = until(stored, target, timeout);
        if (reached == null) {
            report.fail("the engine checkpoint (" + stored.checkpoint() + ") did not reach the journal's last id (" + target
                    + ") within " + timeout.toSeconds() + " s");
            return "not within " + timeout.toSeconds() + " s";
        }
        return Duration.between(started, reached).toMillis() + " ms";
    }

    /** The moment the checkpoint was seen at or beyond {@code eventId}; null if not within the timeout. */
    static Instant until(StoredState stored, long eventId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (stored.checkpoint() >= eventId) {
                return Instant.now();
            }
            ChildProcesses.pause(Duration.ofMillis(100));
        }
        return null;
    }
}
