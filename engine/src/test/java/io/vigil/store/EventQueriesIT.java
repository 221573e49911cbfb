package io.vigil.store;

import io.vigil.journal.JournalEntry;
import io.vigil.journal.jdbc.JdbcJournalStore;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.session.Outcome.EventClassified;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventQueriesIT {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    private TestDatabase db;
    private EventQueries events;

    @BeforeEach
    void storeFiveEventsWithTheFirstTwoClassified() throws Exception {
        db = TestDatabase.create("event_queries");
        events = new EventQueries(db.dataSource());
        new JdbcJournalStore(db.dataSource()).append(LongStream.rangeClosed(1, 5).mapToObj(id -> new JournalEntry(id,
                new EventDraft(AT, AT.minusSeconds(id), "syslog-udp", "10.0.0.1", "web0" + id, "sshd", null, Severity.ERROR,
                        "Failed password " + id, Map.of("pid", String.valueOf(id)), "<11>raw line " + id))).toList());
        store(db.dataSource(), batch(2, 0, List.of(new EventClassified(1, "security", Status.CRITICAL),
                new EventClassified(2, "operating-system", Status.CRITICAL)), List.of(), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldListTheNewestFirstAndPageBackwards() {
        assertThat(events.latest(3, null)).extracting(EventRow::id).containsExactly(5L, 4L, 3L);
        assertThat(events.latest(3, 3L)).extracting(EventRow::id).containsExactly(2L, 1L);
        assertThatThrownBy(() -> events.latest(10_001, null)).hasMessage("limit 10001 is out of range 1..10000");
    }

    @Test
    void shouldJoinTheClassificationWhereThereIsOne() {
        List<EventRow> rows = events.latest(10, null);

        assertThat(rows.get(4)).isEqualTo(new EventRow(1, AT, AT.minusSeconds(1), "syslog-udp", "10.0.0.1", "web01", "sshd",
                null, Severity.ERROR, "Failed password 1", Map.of("pid", "1"), "security", Status.CRITICAL));
        assertThat(rows.get(0).category()).isNull();
        assertThat(rows.get(0).status()).isNull();
    }

    @Test
    void shouldReadOneEventWithItsRawText() {
        EventDetail detail = events.byId(2).orElseThrow();

        assertThat(detail.raw()).isEqualTo("<11>raw line 2");
        assertThat(detail.event().category()).isEqualTo("operating-system");
        assertThat(events.byId(6)).isEmpty();
    }
}
