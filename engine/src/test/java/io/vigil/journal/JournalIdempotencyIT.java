package io.vigil.journal;

import io.vigil.intake.IdempotencyKey;
import io.vigil.intake.IdempotencyKeyInUseException;
import io.vigil.intake.IdempotencyKeyReusedException;
import io.vigil.intake.KeyedEventIntake.Receipt;
import io.vigil.journal.jdbc.JdbcJournalStore;
import io.vigil.model.EventDraft;
import io.vigil.session.EngineInbox;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.engine.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.vigil.journal.Drafts.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests posted with an Idempotency-Key: stored once, whatever the client retries. */
class JournalIdempotencyIT {

    private static final List<EventDraft> TWO = List.of(draft("web01"), draft("web02"));

    private TestDatabase db;
    private JdbcTemplate jdbc;
    private JdbcJournalStore store;
    private final EngineInbox inbox = new EngineInbox(1_000);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("journal_keys");
        jdbc = new JdbcTemplate(db.dataSource());
        store = new JdbcJournalStore(db.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    private JournalWriter writer(JournalStore journal) {
        return new JournalWriter(journal, inbox, JournalSettings.defaults(), clock);
    }

    private static IdempotencyKey key(String value, String body) {
        return IdempotencyKey.of(value, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAnswerARetryWithTheOriginalIdsAndStoreNothingTwiceEvenAfterARestart() throws Exception {
        try (JournalWriter writer = writer(store)) {
            assertThat(writer.submitOnce(key("batch-7", "body"), TWO).get(10, TimeUnit.SECONDS))
                    .isEqualTo(new Receipt(List.of(1L, 2L), false));
            assertThat(writer.submitOnce(key("batch-7", "body"), TWO).get(10, TimeUnit.SECONDS))
                    .isEqualTo(new Receipt(List.of(1L, 2L), true));
            assertThat(writer.submitOnce(key("batch-8", "other body"), List.of(draft("db01"))).get(10, TimeUnit.SECONDS))
                    .isEqualTo(new Receipt(List.of(3L), false));
        }
        try (JournalWriter restarted = writer(store)) {
            assertThat(restarted.submitOnce(key("batch-7", "body"), TWO).get(10, TimeUnit.SECONDS))
                    .isEqualTo(new Receipt(List.of(1L, 2L), true));
            assertThat(restarted.submitOnce(key("batch-9", "new"), List.of(draft("db02"))).get(10, TimeUnit.SECONDS))
                    .as("a request after the restart").isEqualTo(new Receipt(List.of(4L), false));
        }
        assertThat(jdbc.queryForList("SELECT resource FROM event_journal ORDER BY id", String.class))
                .containsExactly("web01", "web02", "db01", "db02");
        assertThat(inbox.backlog()).isEqualTo(4);
    }

    @Test
    void shouldAnswerARetryOfACommitThatLandedWhileItsFirstAnswerWasAFailure() throws Exception {
        FaultyJournalStore faulty = new FaultyJournalStore(store);
        try (JournalWriter writer = writer(faulty)) {
            faulty.loseConnectionAfterCommit(1);
            Receipt first = writer.submitOnce(key("k", "body"), TWO).get(10, TimeUnit.SECONDS);
            Receipt retry = writer.submitOnce(key("k", "body"), TWO).get(10, TimeUnit.SECONDS);

            assertThat(first).isEqualTo(new Receipt(List.of(1L, 2L), false));
            assertThat(retry).isEqualTo(new Receipt(List.of(1L, 2L), true));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_journal", Long.class)).isEqualTo(2);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() throws Exception {
        try (JournalWriter writer = writer(store)) {
            writer.submitOnce(key("k", "body"), TWO).get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> writer.submitOnce(key("k", "changed body"), TWO))
                    .isInstanceOf(IdempotencyKeyReusedException.class)
                    .hasMessage("Idempotency-Key \"k\" was used on 2026-11-27T09:00:00Z for a request with another body;"
                            + " use a new key for new events");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_journal", Long.class)).isEqualTo(2);
    }

    @Test
    void shouldRefuseARequestWhoseKeyIsStillBeingStored() throws Exception {
        GatedJournalStore gated = new GatedJournalStore(store);
        try (JournalWriter writer = writer(gated)) {
            CompletableFuture<Receipt> first = writer.submitOnce(key("k", "body"), TWO);
            gated.awaitFirstAppend();

            assertThatThrownBy(() -> writer.submitOnce(key("k", "body"), TWO))
                    .isInstanceOf(IdempotencyKeyInUseException.class)
                    .hasMessage("a request with Idempotency-Key \"k\" is still being stored; retry it with the same key to"
                            + " learn its outcome");
            gated.open();
            assertThat(first.get(10, TimeUnit.SECONDS).ids()).containsExactly(1L, 2L);
            assertThat(writer.submitOnce(key("k", "body"), TWO).get(10, TimeUnit.SECONDS).replayed()).isTrue();
        }
    }

    @Test
    void shouldForgetKeysOlderThanTheRetention() throws Exception {
        try (JournalWriter writer = writer(store)) {
            writer.submitOnce(key("old", "body"), TWO).get(10, TimeUnit.SECONDS);
        }
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        try (JournalWriter later = writer(store)) {
            later.submit(List.of(draft("any"))).get(10, TimeUnit.SECONDS);
            assertThat(later.submitOnce(key("old", "body"), TWO).get(10, TimeUnit.SECONDS))
                    .as("a key past its retention counts as new").isEqualTo(new Receipt(List.of(4L, 5L), false));
        }
    }

    @Test
    void shouldNameWhatIsWrongWithABadKey() {
        byte[] body = {};
        assertThatThrownBy(() -> IdempotencyKey.of("", body))
                .hasMessage("Idempotency-Key is empty: send 1 to 255 visible ASCII characters");
        assertThatThrownBy(() -> IdempotencyKey.of("x".repeat(256), body))
                .hasMessage("Idempotency-Key is 256 characters long; at most 255 are allowed");
        assertThatThrownBy(() -> IdempotencyKey.of("two words", body))
                .hasMessage("Idempotency-Key has the character U+0020 at position 4; only visible ASCII characters"
                        + " (no spaces) are allowed");
    }
}
