package io.vigil.session;

import io.vigil.alert.SilenceDefinition;
import io.vigil.model.Event;
import io.vigil.service.sla.PlannedDowntime;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
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

    /**
     * The files of a stored rule-set version (path to source), to restore a snapshot taken under a
     * version that is no longer the active one; empty when that version is not stored.
     */
    Optional<SortedMap<String, String>> ruleSetSources(String version);

    /** The version that was active before {@code version} became active last, if any (what a runaway rolls back to). */
    Optional<String> ruleSetBefore(String version);

    /** The last event id whose outcomes are stored, 0 when none. */
    long checkpointEventId();

    /** Up to which event id recovery has already checked that every journaled event was processed. */
    long verifiedEventId();

    /**
     * Journaled events with {@code afterId < id <= upToId} that have no stored outcome (no
     * classification): events whose journal commit never reached the engine. In id order.
     */
    List<Long> unprocessedEventIds(long afterId, long upToId);

    /** These journal events, in id order, in chunks of at most {@code chunkSize}. */
    void readJournal(List<Long> ids, int chunkSize, Consumer<List<Event>> chunk);

    /** The highest id of every kind in stored state (0 where none). */
    LastIds lastIds();

    /** The highest id in the journal, 0 when empty. */
    long lastJournalId();

    /**
     * The stored service tree (canonical YAML as given to PUT /api/v1/services), for a start
     * without a snapshot; a snapshot carries the tree itself.
     */
    /** The escalation-policy document in force (the newest stored), if one was ever stored. */
    Optional<String> policyDocument();

    Optional<String> serviceTreeDocument();

    /** Planned downtimes not cancelled and not yet over, for a start without a snapshot. */
    List<StoredDowntime> downtimes();

    /** Silences made through the API, not expired and not yet over, for a start without a snapshot. */
    List<StoredSilence> silences();

    /** Journal events with {@code afterId < id <= upToId}, in id order, in chunks of at most {@code chunkSize}. */
    void readJournal(long afterId, long upToId, int chunkSize, Consumer<List<Event>> chunk);

    /** A stored planned downtime with its id. */
    record StoredDowntime(long id, PlannedDowntime downtime) {
    }

    /** A stored silence with its id. */
    record StoredSilence(long id, SilenceDefinition silence) {
    }

    /** For replay and tests: nothing stored. */
    RecoverySource EMPTY = new RecoverySource() {
        public Optional<BatchOutcome.Snapshot> latestSnapshot() { return Optional.empty(); }
        public Optional<SortedMap<String, String>> ruleSetSources(String version) { return Optional.empty(); }
        public Optional<String> ruleSetBefore(String version) { return Optional.empty(); }
        public long checkpointEventId() { return 0; }
        public long verifiedEventId() { return 0; }
        public List<Long> unprocessedEventIds(long afterId, long upToId) { return List.of(); }
        public void readJournal(List<Long> ids, int chunkSize, Consumer<List<Event>> chunk) { }
        public LastIds lastIds() { return LastIds.NONE; }
        public long lastJournalId() { return 0; }
        public Optional<String> serviceTreeDocument() { return Optional.empty(); }
        public Optional<String> policyDocument() { return Optional.empty(); }
        public List<StoredDowntime> downtimes() { return List.of(); }
        public List<StoredSilence> silences() { return List.of(); }
        public void readJournal(long afterId, long upToId, int chunkSize, Consumer<List<Event>> chunk) { }
    };
}
