package io.vigil.intake;

/**
 * The journal cannot store anything now (its database is unreachable, or refused the events):
 * nothing of the submission was stored, so trying again later is safe.
 */
public final class IntakeUnavailableException extends RuntimeException {

    private final int retryAfterSeconds;

    public IntakeUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
