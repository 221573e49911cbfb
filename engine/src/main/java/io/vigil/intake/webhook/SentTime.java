package io.vigil.intake.webhook;

import java.time.Instant;

/**
 * A time as a webhook sent it (Go's RFC 3339 text), where Go's zero time means "not set".
 *
 * @param text as sent
 * @param at   the instant, or null for the zero time
 */
record SentTime(String text, Instant at) {

    /** How Go writes its zero time, which Alertmanager and Grafana send for an unset startsAt or endsAt. */
    static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    boolean isSet() {
        return at != null;
    }
}
