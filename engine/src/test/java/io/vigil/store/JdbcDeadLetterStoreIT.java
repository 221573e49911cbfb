package io.vigil.store;

import io.vigil.intake.DeadLetter;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcDeadLetterStoreIT {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00.5Z");

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("dead_letter");
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldStoreCountAndListTheNewestFirst() {
        JdbcDeadLetterStore store = new JdbcDeadLetterStore(db.dataSource());
        store.record(new DeadLetter(AT, "syslog-udp", "10.0.0.9:514", "no PRI at the start of the line", new byte[] {(byte) 0xff, 0, 'x'}));
        store.record(new DeadLetter(AT.plusSeconds(1), "syslog-tcp", "10.0.0.9:40112", "r".repeat(2_000), "garbage".getBytes()));
        store.record(new DeadLetter(AT.plusSeconds(2), "syslog-tcp", null, "octet count \"12x\" is not a number", new byte[0]));
        store.close();

        List<DeadLetterRow> latest = store.latest(2);

        assertThat(store.count()).isEqualTo(3);
        assertThat(store.dropped()).isZero();
        assertThat(latest).extracting(DeadLetterRow::reason).first().isEqualTo("octet count \"12x\" is not a number");
        assertThat(latest.get(0).peer()).isNull();
        assertThat(latest.get(1).reason()).hasSize(1_024).endsWith("…");
        assertThat(latest.get(1).receivedAt()).isEqualTo(AT.plusSeconds(1));
        assertThat(store.latest(10).get(2).raw()).containsExactly(0xff, 0, 'x');
    }

    /** A flood of frame-sized garbage makes batches larger than the server's max_allowed_packet: none may be lost. */
    @Test
    void shouldStoreABatchLargerThanOnePacket() {
        JdbcDeadLetterStore store = new JdbcDeadLetterStore(db.dataSource());
        byte[] frame = new byte[65 << 10];
        for (int i = 0; i < 400; i++) {
            store.record(new DeadLetter(AT, "syslog-tcp", "10.0.0.9:40112", "no PRI at the start of the line", frame));
        }
        store.close();

        assertThat(400L * frame.length).as("more than one 16 MiB packet").isGreaterThan(16L << 20);
        assertThat(store.dropped()).isZero();
        assertThat(store.latest(1_000)).hasSize(400);
    }
}
