package io.vigil.reliability;

import io.vigil.reliability.check.StoredState;
import io.vigil.reliability.process.ChildProcesses;

import java.time.Duration;
import java.time.Instant;

/** Waits until the engine's checkpoint reaches an event id: it has processed everything up to it. */
final class CatchUp {

    /** How long the journal's end must hold still to count as the end of the load. */
    private static final Duration SETTLED = Duration.ofSeconds(1);

    private CatchUp() {
    }

    /**
     * Waits for the checkpoint to reach the journal's last id once the load stopped. The server may
     * still be journaling the last lines a stopped sender had written to its socket, so the journal's
     * end is read again after the checkpoint reached it, until it held still for a second.
     *
     * @return how long it took, for the figures; a timeout is a failed check of the report
     */
    static String await(StoredState stored, Duration timeout, ScenarioReport report) {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        long target = stored.lastJournalId();
        while (true) {
            Instant reached = until(stored, target, Duration.between(Instant.now(), deadline));
            if (reached == null) {
                report.fail("the engine checkpoint (" + stored.checkpoint() + ") did not reach the journal's last id ("
                        + target + ") within " + timeout.toSeconds() + " s");
                return "not within " + timeout.toSeconds() + " s";
            }
            ChildProcesses.pause(SETTLED);
            long last = stored.lastJournalId();
            if (last == target) {
                return Duration.between(started, reached).toMillis() + " ms";
            }
            target = last;
        }
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
