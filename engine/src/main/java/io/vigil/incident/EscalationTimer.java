package io.vigil.incident;

import java.time.Duration;

/**
 * The timer expression the incident process's boundary timer reads from its
 * {@code escalateEvery} variable: jBPM's {@code delay###period} form. Not the ISO form
 * {@code R/PT15M}: jBPM computes that one's first delay from the wall clock
 * (OffsetDateTime.now()), which is wrong under the session's pseudo clock.
 */
final class EscalationTimer {

    private EscalationTimer() {
    }

    /** First escalation one interval after the incident opened, then one every interval. */
    static String cycle(Duration interval) {
        long millis = interval.toMillis();
        return millis + "ms###" + millis + "ms";
    }
}
