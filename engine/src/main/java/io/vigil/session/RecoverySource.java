package io.vigil.session;

import io.vigil.model.Event;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the engine reads from stored state when it starts: the latest session snapshot, how far
 * the stored outcomes go (the checkpoint), the id counters, and the journal after the snapshot.
 *
 * <p>Recovery: restore the snapshot (or start empty), re-run the journal events up to the
 * checkpoint with outcomes suppressed (they are stored already), then run the events after the
 * checkpoint normally. Batches that change process state always carry a snapshot, so the
 * suppressed stretch never contains process steps.
 */
public interface RecoverySource {

    Optional<BatchOutcome.Snapshot> latestSnapshot();

    /** The last event id whose outcomes are stored, 0 when none. */
    long checkpointEventId();

    long lastFiringId();

    long lastIncidentId();

    long lastTaskId();

    /** The highest id in the journal, 0 when empty. */
    long lastJournalId();

    /** Journal events with {@code afterId < id <= upToId}, in id order, in chunks of at most {@code chunkSize}. */
    void readJournal(long afterId, long upToId, int chunkSize, Consumer<List<Event>> chunk);

    /** For replay and tests: nothing stored. */
    RecoverySource EMPTY = new RecoverySource() {
        public Optional<BatchOutcome.Snapshot> latestSnapshot() { return Optional.empty(); }
        public long checkpointEventId() { return 0; }
        public long lastFiringId() { return 0; }
        public long lastIncidentId() { return 0; }
        public long lastTaskId() { return 0; }
        public long lastJournalId() { return 0; }
        public void readJournal(long afterId, long upToId, int chunkSize, Consumer<List<Event>> chunk) { }
    };
}
