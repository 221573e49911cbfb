package io.vigil.store;

import io.vigil.journal.JournalEntry;
import io.vigil.journal.jdbc.JdbcJournalStore;
import io.vigil.model.Event;
import io.vigil.model.EventDraft;
import io.vigil.model.IncidentPriority;
import io.vigil.service.sla.PlannedDowntime;
import io.vigil.session.BatchOutcome;
import io.vigil.session.LastIds;
import io.vigil.session.Outcome.DowntimeCancelled;
import io.vigil.session.Outcome.DowntimeScheduled;
import io.vigil.session.Outcome.EventClassified;
import io.vigil.session.Outcome.IncidentOpened;
import io.vigil.session.Outcome.IncidentTaskOpened;
import io.vigil.session.Outcome.ServiceTreeReplaced;
import io.vigil.session.Outcome.SilenceAdded;
import io.vigil.session.Outcome.SilenceExpired;
import io.vigil.session.RecoverySource.StoredDowntime;
import io.vigil.session.RecoverySource.StoredSilence;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.vigil.testing.OutcomeFixtures.RULESET;
import static io.vigil.testing.OutcomeFixtures.firing;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class JdbcRecoverySourceIT {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    private TestDatabase db;
    private JdbcJournalStore journal;
    private JdbcRecoverySource recovery;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("recovery");
        journal = new JdbcJournalStore(db.dataSource());
        recovery = new JdbcRecoverySource(db.dataSource(), journal);
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldFindNothingInAnEmptyDatabase() {
        assertThat(recovery.latestSnapshot()).isEmpty();
        assertThat(List.of(recovery.checkpointEventId(), recovery.lastJournalId())).containsOnly(0L);
        assertThat(recovery.lastIds()).isEqualTo(LastIds.NONE);
        assertThat(recovery.serviceTreeDocument()).isEmpty();
        assertThat(recovery.downtimes()).isEmpty();
        List<List<Event>> chunks = new ArrayList<>();
        recovery.readJournal(0, 100, 10, chunks::add);
        assertThat(chunks).isEmpty();
    }

    @Test
    void shouldGiveBackWhatTheWritersStored() throws Exception {
        journal.append(LongStream.rangeClosed(1, 7).mapToObj(id -> new JournalEntry(id, draft("host-" + id))).toList());
        byte[] session = {42, 7, 0, -1};
        store(db.dataSource(), new BatchOutcome(5, 0, 15,
                List.of(new IncidentOpened(3, "host-5", "cpu", "host-5/cpu is CRITICAL", AT.toEpochMilli(), 77, 12L, 5L, null, IncidentPriority.NORMAL, null, null),
                        new IncidentTaskOpened(3, 30, "Acknowledge", AT.toEpochMilli(), 1),
                        new IncidentTaskOpened(3, 31, "Resolve", AT.toEpochMilli(), 2)),
                List.of(firing(11, AT.toEpochMilli(), "Classify", 5L), firing(12, AT.toEpochMilli(), "Open incident", 5L)),
                new BatchOutcome.Snapshot(5, RULESET, AT.toEpochMilli(), 77, 2, session), AT.toEpochMilli(), null));

        assertThat(recovery.latestSnapshot()).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.lastEventId()).isEqualTo(5);
            assertThat(snapshot.ruleSetVersion()).isEqualTo(RULESET);
            assertThat(snapshot.sessionClock()).isEqualTo(AT.toEpochMilli());
            assertThat(snapshot.lastProcessInstanceId()).isEqualTo(77);
            assertThat(snapshot.lastWorkItemId()).isEqualTo(2);
            assertThat(snapshot.bytes()).containsExactly(session);
        });
        assertThat(recovery.checkpointEventId()).isEqualTo(5);
        // The checkpoint's firing counter (15) is ahead of the last stored firing (12): ids are never reused.
        // Process instance 77 and work item 2 are the highest the incident and its tasks name.
        assertThat(recovery.lastIds()).isEqualTo(new LastIds(15, 3, 31, 0, 77, 2, 0, 0, 0));
        assertThat(recovery.lastJournalId()).isEqualTo(7);
    }

    @Test
    void shouldGiveBackTheLatestTreeDocumentAndTheDowntimesNotOverOrCancelled() throws Exception {
        String first = ServiceFixtures.text("office.yml");
        String second = ServiceFixtures.text("sla.yml");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long hour = Duration.ofHours(1).toMillis();
        store(db.dataSource(), new BatchOutcome(1, 0, 0, List.of(
                new ServiceTreeReplaced("a1".repeat(32), first, 1, "admin", now.toEpochMilli()),
                new DowntimeScheduled(1, "webshop", now.toEpochMilli() - 2 * hour, now.toEpochMilli() - hour, "over", "alice", 0),
                new DowntimeScheduled(2, "webshop", now.toEpochMilli() - hour, now.toEpochMilli() + hour, "running", "alice", 0),
                new DowntimeScheduled(3, "intranet", now.toEpochMilli() + hour, now.toEpochMilli() + 2 * hour, "to come", "alice", 0),
                new DowntimeScheduled(4, "intranet", now.toEpochMilli() + hour, now.toEpochMilli() + 2 * hour, "called off", "alice", 0),
                new DowntimeCancelled(4, "intranet", "bob", now.toEpochMilli()),
                new ServiceTreeReplaced("b2".repeat(32), second, 3, "admin", now.toEpochMilli())),
                List.of(), null, now.toEpochMilli(), null));

        assertThat(recovery.serviceTreeDocument()).hasValue(second);
        assertThat(recovery.lastIds().downtime()).isEqualTo(4);
        assertThat(recovery.downtimes()).containsExactly(
                new StoredDowntime(2, new PlannedDowntime(now.toEpochMilli() - hour, now.toEpochMilli() + hour, "webshop", "running")),
                new StoredDowntime(3, new PlannedDowntime(now.toEpochMilli() + hour, now.toEpochMilli() + 2 * hour, "intranet", "to come")));
    }

    @Test
    void shouldGiveBackTheSilencesNotOverOrExpiredAndTheHighestAlertAndSilenceIds() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long hour = Duration.ofHours(1).toMillis();
        List<String> db01 = List.of("resource=\"db01\"", "check=~\"disk|mysql\"");
        store(db.dataSource(), new BatchOutcome(1, 0, 0, List.of(
                new SilenceAdded(1, db01, now.toEpochMilli() - 2 * hour, now.toEpochMilli() - hour, "alice", "over", 0),
                new SilenceAdded(2, db01, now.toEpochMilli() - hour, now.toEpochMilli() + hour, "alice", "running", 0),
                new SilenceAdded(3, List.of("source=\"x\""), now.toEpochMilli() + hour, now.toEpochMilli() + 2 * hour,
                        "alice", "to come", 0),
                new SilenceAdded(4, db01, now.toEpochMilli() - hour, now.toEpochMilli() + hour, "alice", "called off", 0),
                new SilenceExpired(4, "bob", now.toEpochMilli())),
                List.of(), null, now.toEpochMilli(), null));

        assertThat(recovery.silences()).extracting(StoredSilence::id, s -> s.silence().comment(),
                s -> s.silence().matchers().texts()).containsExactly(
                        tuple(2L, "running", db01), tuple(3L, "to come", List.of("source=\"x\"")));
        assertThat(recovery.lastIds().silence()).isEqualTo(4);
    }

    @Test
    void shouldReadTheJournalInChunksAsEventFacts() {
        journal.append(LongStream.rangeClosed(1, 7).mapToObj(id -> new JournalEntry(id, draft("host-" + id))).toList());
        List<List<Event>> chunks = new ArrayList<>();

        recovery.readJournal(0, 7, 3, chunks::add);

        assertThat(chunks).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(chunks.get(2).get(0).getId()).isEqualTo(7);
        assertThat(chunks.get(2).get(0).getResource()).isEqualTo("host-7");

        List<Long> afterCheckpoint = new ArrayList<>();
        recovery.readJournal(5, 6, 100, chunk -> chunk.forEach(event -> afterCheckpoint.add(event.getId())));
        assertThat(afterCheckpoint).containsExactly(6L);
    }

    @Test
    void shouldFindJournaledEventsWithoutAClassificationAndWhereTheLastCheckEnded() throws Exception {
        journal.append(LongStream.rangeClosed(1, 6).mapToObj(id -> new JournalEntry(id, draft("host-" + id))).toList());
        store(db.dataSource(), new BatchOutcome(6, 6, 0, List.of(new EventClassified(1, "operational", null),
                new EventClassified(3, "operational", null), new EventClassified(4, "operational", null),
                new EventClassified(6, "operational", null)), List.of(), null, AT.toEpochMilli(), null));

        assertThat(recovery.unprocessedEventIds(0, 6)).containsExactly(2L, 5L);
        assertThat(recovery.unprocessedEventIds(2, 4)).isEmpty();
        assertThat(recovery.verifiedEventId()).isEqualTo(6);
        List<Long> read = new ArrayList<>();
        recovery.readJournal(List.of(2L, 5L), 1, chunk -> {
            assertThat(chunk).hasSize(1);
            read.add(chunk.get(0).getId());
        });
        assertThat(read).containsExactly(2L, 5L);

        store(db.dataSource(), new BatchOutcome(7, 0, 0, List.of(), List.of(), null, AT.toEpochMilli(), null));
        assertThat(recovery.verifiedEventId()).as("a later checkpoint without a check keeps it").isEqualTo(6);
    }

    private static EventDraft draft(String resource) {
        return new EventDraft(AT, AT, "rest", "api", resource, "cpu", null, null, "load high", Map.of(), null);
    }
}
