package io.vigil.intake;

import io.vigil.model.EventDraft;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An intake that takes each keyed request once: a retry of a request already journaled under the
 * same {@link IdempotencyKey} is answered with the ids it got then and stores nothing. Keys are
 * kept for a retention period (a day by default); a key older than that counts as new.
 */
public interface KeyedEventIntake extends EventIntake {

    /** Ids of a submission, and whether they were given to an earlier request with the same key. */
    record Receipt(List<Long> ids, boolean replayed) {
    }

    /**
     * As {@link #submit}, once per key.
     *
     * @throws IdempotencyKeyInUseException  a request with this key is being journaled right now
     * @throws IdempotencyKeyReusedException the key was used for a request with another body
     */
    CompletableFuture<Receipt> submitOnce(IdempotencyKey key, List<EventDraft> drafts);
}
