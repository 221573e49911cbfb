package io.vigil.journal.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vigil.journal.JournalEntry;
import io.vigil.journal.KeyedRequest;
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

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    void shouldAppendThroughAManualCommitPoolWithoutSwitchingAutoCommitAndStoreNothingOfAFailedBatch() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        config.setAutoCommit(false);
        try (HikariDataSource appendPool = new HikariDataSource(config)) {
            JdbcJournalStore split = new JdbcJournalStore(db.dataSource(), appendPool);
            long setStatementsBefore = setStatements(appendPool);

            split.append(List.of(entry(1), entry(2)));
            split.append(List.of(entry(3)), List.of(new KeyedRequest("key-1", "sha", 3, 1, RECEIVED)));
            assertThatThrownBy(() -> split.append(List.of(entry(4), entry(3)))).isInstanceOf(DuplicateKeyException.class);
            split.append(List.of(entry(4)));

            // Committed and visible to the other pool; the failed batch left nothing, and its
            // connection came back usable.
            assertThat(store.read(0, 10, 10)).extracting(JournalEntry::id).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.findKeyedRequest("key-1")).isPresent();
            // An auto-commit pool would have sent "set autocommit" twice per transaction.
            assertThat(setStatements(appendPool)).isEqualTo(setStatementsBefore);
        }
    }

    /** SET statements run so far in the session of the pool's only connection. */
    private static long setStatements(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW SESSION STATUS LIKE 'Com_set_option'")) {
            rs.next();
            long count = rs.getLong(2);
            connection.rollback();
            return count;
        }
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
