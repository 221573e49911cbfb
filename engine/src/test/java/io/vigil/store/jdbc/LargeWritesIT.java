package io.vigil.store.jdbc;

import io.vigil.audit.FactRef;
import io.vigil.audit.Firing;
import io.vigil.audit.VerifyResult;
import io.vigil.audit.jdbc.FiringLedger;
import io.vigil.audit.jdbc.JdbcAuditTrail;
import io.vigil.journal.JournalEntry;
import io.vigil.journal.jdbc.JdbcJournalStore;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.session.BatchOutcome;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes larger than the server's max_allowed_packet (16 MiB by default on 10.11) must land:
 * the server drops a connection that sends a larger command, and a writer retrying the same
 * batch would stall for ever.
 */
class LargeWritesIT {

    private static final long PACKET_LIMIT = 16L << 20;
    private TestDatabase db;

    @BeforeEach
    void create() {
        db = TestDatabase.create("large_writes");
    }

    @AfterEach
    void drop() {
        db.drop();
    }

    @Test
    void shouldStoreAJournalBatchFarLargerThanOnePacket() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        String message = "x".repeat(60_000);
        List<JournalEntry> entries = new ArrayList<>();
        for (long id = 1; id <= 600; id++) {
            // Some rows bind NULL where others bind a value, as a real mix of events does.
            entries.add(new JournalEntry(id, new EventDraft(now, now, "rest", "load", "host" + id, "disk",
                    id % 2 == 0 ? null : Status.CRITICAL, id % 3 == 0 ? Severity.ERROR : null, message, Map.of(), "{}")));
        }
        assertThat(600L * message.length()).isGreaterThan(2 * PACKET_LIMIT);

        new JdbcJournalStore(db.dataSource()).append(entries);

        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_journal", Long.class)).isEqualTo(600);
        assertThat(jdbc.queryForObject("SELECT SUM(LENGTH(message)) FROM event_journal", Long.class))
                .isEqualTo(600L * message.length());
    }

    @Test
    void shouldStoreFiringsFarLargerThanOnePacketInOneTransaction() {
        String summary = "s".repeat(2_000);
        List<Firing> firings = new ArrayList<>();
        for (long id = 1; id <= 20_000; id++) {
            firings.add(new Firing(id, 1_000 * id, "Classify", "rules.classify", "0".repeat(64),
                    List.of(new FactRef("Event", "event:" + id, summary)),
                    // Rows without event ids bind NULL there: the driver cannot send such a batch as one bulk command.
                    id % 2 == 0 ? List.of() : List.of(id), "classified", false));
        }
        appendInOneTransaction(firings);

        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rule_firing", Long.class)).isEqualTo(20_000);
        assertThat(jdbc.queryForObject("SELECT SUM(LENGTH(facts)) FROM rule_firing", Long.class)).isGreaterThan(2 * PACKET_LIMIT);
    }

    @Test
    void shouldPackRoutineFiringsFarLargerThanOnePacketInOneTransaction() {
        Random random = new Random(11);
        List<Firing> firings = new ArrayList<>();
        for (long id = 1; id <= 20_000; id++) {
            // Random letters: deflate cannot shrink them much, so the packs stay large.
            StringBuilder summary = new StringBuilder(2_000);
            random.ints(2_000, 'a', 'z' + 1).forEach(c -> summary.append((char) c));
            firings.add(new Firing(id, 1_000 * id, "Classify", "rules.classify", "0".repeat(64),
                    List.of(new FactRef("Event", "event:" + id, summary.toString())), List.of(id), "classified", true));
        }
        appendInOneTransaction(firings);

        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        assertThat(jdbc.queryForObject("SELECT SUM(firings) FROM rule_firing_pack", Long.class)).isEqualTo(20_000);
        assertThat(jdbc.queryForObject("SELECT SUM(LENGTH(body)) FROM rule_firing_pack", Long.class)).isGreaterThan(PACKET_LIMIT);
        assertThat(jdbc.queryForObject("SELECT MAX(LENGTH(body)) FROM rule_firing_pack", Long.class)).isLessThan(PACKET_LIMIT / 4);
        assertThat(new JdbcAuditTrail(db.dataSource()).verify()).isEqualTo(VerifyResult.intact(20_000));
    }

    private void appendInOneTransaction(List<Firing> firings) {
        FiringLedger ledger = new FiringLedger(db.dataSource());
        String head = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()))
                .execute(status -> ledger.append(firings));
        ledger.committed(head);
    }

    @Test
    void shouldRoundTripASnapshotLargerThanOnePacket() {
        byte[] session = new byte[20 << 20];
        new Random(7).nextBytes(session);
        CheckpointTable table = new CheckpointTable(db.dataSource());

        table.saveSnapshot(new BatchOutcome.Snapshot(9, "v1", 1_234, 3, 5, new byte[] {1}), Instant.now());
        table.saveSnapshot(new BatchOutcome.Snapshot(42, "v2", 5_678, 17, 40, session), Instant.now());

        assertThat(table.snapshot()).hasValueSatisfying(stored -> {
            assertThat(stored.lastEventId()).isEqualTo(42);
            assertThat(stored.ruleSetVersion()).isEqualTo("v2");
            assertThat(stored.sessionClock()).isEqualTo(5_678);
            assertThat(stored.lastProcessInstanceId()).isEqualTo(17);
            assertThat(stored.lastWorkItemId()).isEqualTo(40);
            assertThat(stored.bytes()).isEqualTo(session);
        });
    }
}
