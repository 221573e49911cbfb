package io.vigil.intake;

/** The idempotency key was already used for a request with another body: nothing was stored. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String message) {
        super(message);
    }
}
