package io.vigil.journal;

import java.util.List;

/**
 * The durable event journal: append-only, ids assigned by the caller (one writer per node), so a
 * whole batch is one bulk insert without generated-key round trips.
 */
public interface JournalStore {

    /** The highest id stored, 0 when the journal is empty. */
    long lastId();

    /**
     * Stores all entries in one transaction: when this returns they are durable; when it throws
     * the transaction was rolled back (unless the connection broke during COMMIT itself, when the
     * database alone knows, which is why the writer never reuses the ids of a failed append).
     */
    void append(List<JournalEntry> entries);

    /** Entries with {@code afterId < id <= upToId}, in id order, at most {@code limit}. */
    List<JournalEntry> read(long afterId, long upToId, int limit);
}
