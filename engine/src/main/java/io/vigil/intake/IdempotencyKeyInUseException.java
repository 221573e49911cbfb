package io.vigil.intake;

/** A request with the same idempotency key is still being journaled; its outcome is not known yet. */
public final class IdempotencyKeyInUseException extends RuntimeException {

    private final int retryAfterSeconds;

    public IdempotencyKeyInUseException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
