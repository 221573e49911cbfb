package io.vigil.reliability.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One HTTP exchange as the client saw it: the answer's status (or none: {@link #NO_ANSWER}),
 * the headers and body that matter for judging it, and when it was sent and received.
 *
 * @param body        the body of a refusal (kept to judge and report it); empty for a 202
 * @param failure     why there was no answer (connection refused, reset, timed out), else empty
 */
public record Answer(Instant sent, Instant received, int status, Optional<String> retryAfter, String contentType,
                     String body, String failure) {

    /** The status of an exchange that got no HTTP answer at all. */
    public static final int NO_ANSWER = -1;

    public static Answer none(Instant sent, String failure) {
        return new Answer(sent, Instant.now(), NO_ANSWER, Optional.empty(), "", "", failure);
    }

    public Duration latency() {
        return Duration.between(sent, received);
    }

    public boolean accepted() {
        return status == 202;
    }

    /**
     * The server asks the client to come back later: 429 (queue full), 503 (journal unavailable,
     * or its outcome unknown), or 409 with Retry-After (the same Idempotency-Key is still in flight:
     * a retry met its own first try).
     */
    public boolean retryLater() {
        return status == 429 || status == 503 || status == 409 && retryAfter.isPresent();
    }

    /**
     * What the intake contract allows: 202, or a {@link #retryLater()} answer that says when to
     * come back (Retry-After) and why (an RFC 9457 problem+json body with its status).
     */
    public boolean proper() {
        if (accepted()) {
            return true;
        }
        return retryLater() && retryAfter.isPresent() && contentType.startsWith("application/problem+json")
                && body.contains("\"status\":" + status);
    }

    /** One line for a report: status, headers that matter, and the start of the body or the failure. */
    public String describe() {
        if (status == NO_ANSWER) {
            return "no answer after " + latency().toMillis() + " ms: " + failure;
        }
        String excerpt = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        return status + " after " + latency().toMillis() + " ms, Retry-After " + retryAfter.orElse("(none)")
                + ", Content-Type " + (contentType.isEmpty() ? "(none)" : contentType) + ": " + excerpt;
    }
}
