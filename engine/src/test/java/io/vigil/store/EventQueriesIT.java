package io.vigil.store;

import io.vigil.journal.JournalEntry;
import io.vigil.journal.jdbc.JdbcJournalStore;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.EventClassified;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event history on real MariaDB: 24 events, the first 22 classified. Event {@code id} is
 * about {@code web0(id % 3 + 1)}, check {@code sshd} when even and {@code cpu} when odd, from
 * {@code 10.0.0.1} up to id 12 and {@code nagios} after; it occurred {@code id} minutes after
 * {@link #AT}, except event 24, which arrived last but occurred an hour before. Its effective
 * status by {@code id % 4}: NORMAL, WARNING, CRITICAL, UNKNOWN; its category {@code security}
 * for sshd, else {@code operating-system}.
 */
class EventQueriesIT {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final Status[] STATUS_BY_ID_MOD_4 = {Status.NORMAL, Status.WARNING, Status.CRITICAL, Status.UNKNOWN};
    private static final int EXPORT_BATCH = 5;

    private TestDatabase db;
    private EventQueries events;

    @BeforeEach
    void storeTwentyFourEventsWithTheFirstTwentyTwoClassified() throws Exception {
        db = TestDatabase.create("event_queries");
        events = new EventQueries(db.dataSource(), EXPORT_BATCH);
        new JdbcJournalStore(db.dataSource()).append(LongStream.rangeClosed(1, 24).mapToObj(EventQueriesIT::entry).toList());
        List<Outcome> classified = LongStream.rangeClosed(1, 22).<Outcome>mapToObj(id -> new EventClassified(id,
                id % 2 == 0 ? "security" : "operating-system", STATUS_BY_ID_MOD_4[(int) (id % 4)])).toList();
        store(db.dataSource(), batch(22, 0, classified, List.of(), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldListTheNewestFirstAndPageBackwards() {
        assertThat(ids(EventFilter.ANY, null, 3)).containsExactly(24L, 23L, 22L);
        assertThat(ids(EventFilter.ANY, 3L, 3)).containsExactly(2L, 1L);
        assertThatThrownBy(() -> events.list(EventFilter.ANY, null, 10_001)).hasMessage("limit 10001 is out of range 1..10000");
    }

    @Test
    void shouldJoinTheClassificationWhereThereIsOne() {
        List<EventRow> rows = events.list(EventFilter.ANY, 2L, 1);

        assertThat(rows).containsExactly(new EventRow(1, AT.plusSeconds(3601), AT.plusSeconds(60), "syslog-udp", "10.0.0.1",
                "web02", "cpu", null, Severity.ERROR, "message 1", Map.of("pid", "1"), "operating-system", Status.WARNING));
        EventRow unclassified = events.byId(23).orElseThrow().event();
        assertThat(unclassified.category()).isNull();
        assertThat(unclassified.status()).isNull();
    }

    @Test
    void shouldReadOneEventWithItsRawText() {
        EventDetail detail = events.byId(2).orElseThrow();

        assertThat(detail.raw()).isEqualTo("<11>raw line 2");
        assertThat(detail.event().category()).isEqualTo("security");
        assertThat(events.byId(25)).isEmpty();
    }

    @Test
    void shouldMatchResourceCheckAndSourceExactly() {
        assertThat(ids(filter("web02", null, null), null, 100)).containsExactly(22L, 19L, 16L, 13L, 10L, 7L, 4L, 1L);
        assertThat(ids(filter("web02", "sshd", null), null, 100)).containsExactly(22L, 16L, 10L, 4L);
        assertThat(ids(filter(null, "cpu", "nagios"), null, 100)).containsExactly(23L, 21L, 19L, 17L, 15L, 13L);
        assertThat(ids(filter("WEB02", null, null), null, 100)).isEmpty();
        assertThat(ids(filter("web0", null, null), null, 100)).isEmpty();
    }

    @Test
    void shouldMatchAnyOfTheEffectiveStatusesLeavingOutWhatIsNotClassifiedYet() {
        assertThat(ids(statuses(Status.CRITICAL), null, 100)).containsExactly(22L, 18L, 14L, 10L, 6L, 2L);
        assertThat(ids(statuses(Status.WARNING, Status.CRITICAL), null, 100))
                .containsExactly(22L, 21L, 18L, 17L, 14L, 13L, 10L, 9L, 6L, 5L, 2L, 1L);
    }

    @Test
    void shouldMatchTheCategory() {
        EventFilter security = new EventFilter(null, null, null, Set.of(), "security", null, null);

        assertThat(ids(security, null, 100)).containsExactly(22L, 20L, 18L, 16L, 14L, 12L, 10L, 8L, 6L, 4L, 2L);
    }

    @Test
    void shouldMatchOccurredAtFromInclusiveToExclusive() {
        assertThat(ids(between(AT.plusSeconds(600), AT.plusSeconds(780)), null, 100)).containsExactly(12L, 11L, 10L);
        assertThat(ids(between(null, AT), null, 100)).as("the late arrival").containsExactly(24L);
        assertThat(ids(between(AT.plusSeconds(1380), null), null, 100)).containsExactly(23L);
        assertThat(ids(between(AT.plusSeconds(600), AT.plusSeconds(600)), null, 100)).isEmpty();
    }

    @Test
    void shouldCombineEveryFilter() {
        EventFilter all = new EventFilter("web01", "cpu", "nagios", Set.of(Status.UNKNOWN, Status.NORMAL), "operating-system",
                AT, AT.plusSeconds(3600));

        assertThat(ids(all, null, 100)).containsExactly(15L);
    }

    @Test
    void shouldPageThroughAFilteredListWithoutGapsOrRepeats() {
        EventFilter web02 = filter("web02", null, null);

        assertThat(ids(web02, null, 3)).containsExactly(22L, 19L, 16L);
        assertThat(ids(web02, 16L, 3)).containsExactly(13L, 10L, 7L);
        assertThat(ids(web02, 7L, 3)).containsExactly(4L, 1L);
        assertThat(ids(statuses(Status.CRITICAL), 14L, 2)).containsExactly(10L, 6L);
    }

    @Test
    void shouldExportEveryEventOnceOldestFirstAcrossBatches() throws IOException {
        List<EventRow> exported = new ArrayList<>();

        long count = events.export(EventFilter.ANY, exported::add);

        assertThat(count).isEqualTo(24);
        assertThat(exported).extracting(EventRow::id).containsExactlyElementsOf(LongStream.rangeClosed(1, 24).boxed().toList());
        assertThat(exported.get(0)).isEqualTo(events.byId(1).orElseThrow().event());
    }

    @Test
    void shouldExportOnlyWhatMatchesEvenWhenTheLastBatchIsFull() throws IOException {
        List<Long> web02 = new ArrayList<>();
        List<Long> critical = new ArrayList<>();

        events.export(filter("web02", null, null), row -> web02.add(row.id()));
        long criticalCount = events.export(statuses(Status.CRITICAL), row -> critical.add(row.id()));

        assertThat(web02).containsExactly(1L, 4L, 7L, 10L, 13L, 16L, 19L, 22L);
        assertThat(critical).as("six rows: one full batch of five, then one").containsExactly(2L, 6L, 10L, 14L, 18L, 22L);
        assertThat(criticalCount).isEqualTo(6);
        assertThat(events.export(filter("nobody", null, null), row -> { })).isZero();
    }

    @Test
    void shouldLeaveOutEventsJournaledAfterTheExportStarted() throws IOException {
        JdbcJournalStore journal = new JdbcJournalStore(db.dataSource());
        List<Long> exported = new ArrayList<>();

        events.export(EventFilter.ANY, row -> {
            if (row.id() == 1) {
                journal.append(List.of(entry(25)));
            }
            exported.add(row.id());
        });

        assertThat(exported).hasSize(24).doesNotContain(25L);
        assertThat(ids(EventFilter.ANY, null, 1)).containsExactly(25L);
    }

    @Test
    void shouldStopAtTheFirstFailedWrite() {
        List<Long> taken = new ArrayList<>();

        assertThatThrownBy(() -> events.export(EventFilter.ANY, row -> {
            taken.add(row.id());
            if (row.id() == 7) {
                throw new IOException("Broken pipe");
            }
        })).isInstanceOf(IOException.class).hasMessage("Broken pipe");
        assertThat(taken).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void shouldExportNothingFromAnEmptyJournal() throws IOException {
        try (TestDatabase empty = TestDatabase.create("event_export_empty")) {
            assertThat(new EventQueries(empty.dataSource()).export(EventFilter.ANY, row -> { })).isZero();
        }
    }

    private List<Long> ids(EventFilter filter, Long before, int limit) {
        return events.list(filter, before, limit).stream().map(EventRow::id).toList();
    }

    private static EventFilter filter(String resource, String check, String source) {
        return new EventFilter(resource, check, source, Set.of(), null, null, null);
    }

    private static EventFilter statuses(Status... statuses) {
        return new EventFilter(null, null, null, Set.of(statuses), null, null, null);
    }

    private static EventFilter between(Instant from, Instant to) {
        return new EventFilter(null, null, null, Set.of(), null, from, to);
    }

    private static JournalEntry entry(long id) {
        Instant occurred = id == 24 ? AT.minusSeconds(3600) : AT.plusSeconds(id * 60);
        return new JournalEntry(id, new EventDraft(AT.plusSeconds(3600 + id), occurred, "syslog-udp", id <= 12 ? "10.0.0.1" : "nagios",
                "web0" + (id % 3 + 1), id % 2 == 0 ? "sshd" : "cpu", null, Severity.ERROR, "message " + id,
                Map.of("pid", String.valueOf(id)), "<11>raw line " + id));
    }
}
