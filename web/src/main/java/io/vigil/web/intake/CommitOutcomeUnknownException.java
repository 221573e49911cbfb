package io.vigil.web.intake;

import io.vigil.intake.IdempotencyKey;

import java.time.Duration;

/**
 * The journal did not confirm a request's commit in time: its events may or may not be stored
 * (they are, at the latest, once the database answers again). The answer says how to find out
 * safely: a retry with the same Idempotency-Key gets the stored ids or stores them once.
 */
final class CommitOutcomeUnknownException extends RuntimeException {

    CommitOutcomeUnknownException(Duration waited, IdempotencyKey key) {
        super("the journal did not confirm the commit within " + (waited.toMillis() < 1_000 ? waited.toMillis() + " ms"
                : waited.toSeconds() + " s") + " (its database is slow or"
                + " unreachable): the events may or may not be stored. " + (key != null
                ? "Retry with the same Idempotency-Key (\"" + key.value() + "\") and the same body: if they were stored you"
                        + " get their ids, if not they are stored then, never twice."
                : "A retry without an Idempotency-Key may store them twice: send an Idempotency-Key header (any unique"
                        + " string per request) to make retries safe."));
    }
}
