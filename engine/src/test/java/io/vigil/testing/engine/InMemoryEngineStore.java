package io.vigil.testing.engine;

import io.vigil.model.Event;
import io.vigil.session.BatchOutcome;
import io.vigil.session.LastIds;
import io.vigil.session.Outcome;
import io.vigil.session.OutcomeSink;
import io.vigil.session.RecoverySource;
import io.vigil.session.RuleSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Stored state for engine tests without a database: keeps what the engine publishes the way the
 * outcome writer does (checkpoint, latest snapshot, id counters) and a journal, and gives it back
 * as a {@link RecoverySource}. The database-backed versions are tested against MariaDB.
 */
public final class InMemoryEngineStore implements OutcomeSink, RecoverySource {

    private final List<Event> journal = new CopyOnWriteArrayList<>();
    private final List<BatchOutcome> batches = new CopyOnWriteArrayList<>();
    private volatile BatchOutcome.Snapshot snapshot;
    private volatile boolean keepSnapshots = true;
    private final Map<String, SortedMap<String, String>> ruleSets = new ConcurrentHashMap<>();

    /** Keeps a rule set's files, as the rule-set library stores every version. */
    public void storeRuleSet(RuleSet ruleSet) {
        ruleSets.put(ruleSet.version(), ruleSet.sources());
    }

    @Override
    public Optional<SortedMap<String, String>> ruleSetSources(String version) {
        return Optional.ofNullable(ruleSets.get(version));
    }

    /** The previous version of the last activation of {@code version} a committed batch stored. */
    @Override
    public Optional<String> ruleSetBefore(String version) {
        List<Outcome.RuleSetActivated> activations = outcomes(Outcome.RuleSetActivated.class).stream()
                .filter(a -> a.version().equals(version)).toList();
        return activations.isEmpty() ? Optional.empty() : Optional.ofNullable(activations.get(activations.size() - 1).previous());
    }

    /**
     * Appends events to the journal (the caller delivers them to the engine's inbox, like the journal
     * writer). The journal keeps them as received: rules change the delivered objects, and a re-read
     * of the journal must not see that.
     */
    public void journal(List<Event> events) {
        events.forEach(e -> journal.add(received(e)));
    }

    private static Event received(Event e) {
        return new Event(e.getId(), e.getReceivedAt(), e.getOccurredAt(), e.getTransport(), e.getSource(), e.getResource(),
                e.getCheck(), e.getReceivedStatus(), e.getSeverity(), e.getMessage(), e.getAttributes());
    }

    /** From now on snapshots are not kept, as if the process was killed before it could store them. */
    public void dropSnapshotsFromNowOn() {
        keepSnapshots = false;
    }

    @Override
    public void publish(BatchOutcome batch) {
        batches.add(batch);
        if (batch.snapshot() != null && keepSnapshots) {
            snapshot = batch.snapshot();
        }
        batch.onCommitted().run();
    }

    public List<BatchOutcome> batches() {
        return List.copyOf(batches);
    }

    public List<Outcome> outcomes() {
        return batches.stream().flatMap(b -> b.outcomes().stream()).toList();
    }

    public <T extends Outcome> List<T> outcomes(Class<T> kind) {
        return outcomes().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Waits (up to 10 s) until an outcome of {@code kind} matching {@code condition} was published. */
    public <T extends Outcome> T await(Class<T> kind, Predicate<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = outcomes(kind).stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + kind.getSimpleName() + " published within 10 s; published: " + outcomes());
    }

    @Override
    public Optional<BatchOutcome.Snapshot> latestSnapshot() {
        return Optional.ofNullable(snapshot);
    }

    @Override
    public long checkpointEventId() {
        return batches.stream().mapToLong(BatchOutcome::lastEventId).max().orElse(0);
    }

    @Override
    public long verifiedEventId() {
        return batches.stream().mapToLong(BatchOutcome::verifiedEventId).max().orElse(0);
    }

    /** Journaled events in the range without a published classification. */
    @Override
    public List<Long> unprocessedEventIds(long afterId, long upToId) {
        Set<Long> classified = outcomes(Outcome.EventClassified.class).stream().map(Outcome.EventClassified::eventId)
                .collect(Collectors.toSet());
        return journal.stream().map(Event::getId).filter(id -> id > afterId && id <= upToId && !classified.contains(id))
                .toList();
    }

    @Override
    public void readJournal(List<Long> ids, int chunkSize, Consumer<List<Event>> chunk) {
        List<Event> events = journal.stream().filter(e -> ids.contains(e.getId())).map(InMemoryEngineStore::received).toList();
        for (int from = 0; from < events.size(); from += chunkSize) {
            chunk.accept(events.subList(from, Math.min(events.size(), from + chunkSize)));
        }
    }

    /** The highest firing id published, and the ids the published outcomes name (like MAX(id) of the tables). */
    @Override
    public LastIds lastIds() {
        return OutcomeIds.lastIds(outcomes()).withFiring(lastFiringId());
    }

    public long lastFiringId() {
        return batches.stream().mapToLong(BatchOutcome::lastFiringId).max().orElse(0);
    }

    @Override
    public Optional<String> serviceTreeDocument() {
        return Optional.empty();
    }

    /** The newest policy document a committed batch stored, as the database would hold it. */
    @Override
    public Optional<String> policyDocument() {
        List<Outcome.PoliciesReplaced> documents = outcomes(Outcome.PoliciesReplaced.class);
        return documents.isEmpty() ? Optional.empty() : Optional.of(documents.get(documents.size() - 1).document());
    }

    @Override
    public List<StoredDowntime> downtimes() {
        return List.of();
    }

    @Override
    public List<StoredSilence> silences() {
        return List.of();
    }

    @Override
    public long lastJournalId() {
        return journal.stream().mapToLong(Event::getId).max().orElse(0);
    }

    @Override
    public void readJournal(long afterId, long upToId, int chunkSize, Consumer<List<Event>> chunk) {
        List<Event> current = new ArrayList<>();
        for (Event event : journal) {
            if (event.getId() > afterId && event.getId() <= upToId) {
                current.add(received(event));
                if (current.size() == chunkSize) {
                    chunk.accept(List.copyOf(current));
                    current.clear();
                }
            }
        }
        if (!current.isEmpty()) {
            chunk.accept(List.copyOf(current));
        }
    }
}
