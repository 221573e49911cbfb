package io.vigil.intake;

/** The engine queue is full: nothing of the submission was stored; try again after {@link #retryAfterSeconds()}. */
public final class IntakeRejectedException extends RuntimeException {

    private final int retryAfterSeconds;

    public IntakeRejectedException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
