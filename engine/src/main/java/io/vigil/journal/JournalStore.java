package io.vigil.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable event journal: append-only, ids assigned by the caller (one writer per node), so a
 * whole batch is one bulk insert without generated-key round trips.
 */
public interface JournalStore {

    /** The highest id stored, 0 when the journal is empty. */
    long lastId();

    /**
     * Stores all entries, and the keyed requests they belong to, in one transaction: when this
     * returns they are durable; when it throws the transaction was rolled back — unless the
     * connection broke during COMMIT itself, when only the database knows: {@link #count} tells.
     */
    void append(List<JournalEntry> entries, List<KeyedRequest> keyedRequests);

    /** Stores entries that came without idempotency keys (see {@link #append(List, List)}). */
    default void append(List<JournalEntry> entries) {
        append(entries, List.of());
    }

    /** How many entries with {@code firstId <= id <= lastId} are stored. */
    long count(long firstId, long lastId);

    /** Entries with {@code afterId < id <= upToId}, in id order, at most {@code limit}. */
    List<JournalEntry> read(long afterId, long upToId, int limit);

    /** The entries with these ids that are stored, in id order. */
    List<JournalEntry> read(List<Long> ids);

    /** The journaled request with this idempotency key, if one is kept. */
    Optional<KeyedRequest> findKeyedRequest(String idempotencyKey);

    /** Forgets up to {@code limit} keyed requests received before {@code before}; returns how many. */
    int forgetKeyedRequests(Instant before, int limit);
}
