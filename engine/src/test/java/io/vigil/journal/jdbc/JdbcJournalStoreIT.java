package io.vigil.journal.jdbc;

import io.vigil.journal.JournalEntry;
import io.vigil.model.Event;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcJournalStoreIT {

    private static final Instant RECEIVED = Instant.parse("2026-03-29T01:30:00.123Z");

    private TestDatabase db;
    private JdbcJournalStore store;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("journal_store");
        store = new JdbcJournalStore(db.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldReadBackEveryFieldAsWritten() {
        EventDraft full = new EventDraft(RECEIVED, RECEIVED.minusMillis(1_500), "syslog-tcp", "10.0.0.7", "web01", "sshd",
                Status.CRITICAL, Severity.ERROR, "Failed password for root — ünïcode ✓", Map.of("facility", "auth", "pid", "812"),
                "<11>1 2026-03-29T01:29:58.623Z web01 sshd 812 - - Failed password for root");
        EventDraft bare = new EventDraft(RECEIVED, RECEIVED, "rest", "api", "db01", "event", null, null, null, Map.of(), null);

        store.append(List.of(new JournalEntry(1, full), new JournalEntry(2, bare)));

        assertThat(store.read(0, 10, 10)).containsExactly(new JournalEntry(1, full), new JournalEntry(2, bare));
        assertThat(store.lastId()).isEqualTo(2);
    }

    @Test
    void shouldReadARangeInIdOrderUpToALimit() {
        store.append(List.of(entry(3), entry(1), entry(2), entry(7), entry(5)));

        assertThat(store.read(1, 7, 2)).extracting(JournalEntry::id).containsExactly(2L, 3L);
        assertThat(store.read(3, 5, 10)).extracting(JournalEntry::id).containsExactly(5L);
        assertThat(store.read(7, 100, 10)).isEmpty();
    }

    @Test
    void shouldStoreNothingOfABatchWithOneBadRow() {
        store.append(List.of(entry(2)));

        assertThatThrownBy(() -> store.append(List.of(entry(1), entry(2), entry(3)))).isInstanceOf(DuplicateKeyException.class);

        assertThat(new JdbcTemplate(db.dataSource()).queryForList("SELECT id FROM event_journal", Long.class)).containsExactly(2L);
    }

    @Test
    void shouldTurnAnEntryIntoTheSessionFact() {
        Event event = entry(9).toEvent();

        assertThat(event.getId()).isEqualTo(9);
        assertThat(event.getOccurredAt()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(event.getResource()).isEqualTo("host-9");
    }

    @Test
    void shouldReportAnEmptyJournalAsIdZero() {
        assertThat(store.lastId()).isZero();
    }

    private static JournalEntry entry(long id) {
        return new JournalEntry(id, new EventDraft(RECEIVED, RECEIVED, "rest", "api", "host-" + id, "event", null, null,
                "m", Map.of(), null));
    }
}
