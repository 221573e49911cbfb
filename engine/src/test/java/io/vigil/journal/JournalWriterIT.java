package io.vigil.journal;

import io.vigil.intake.IntakeRejectedException;
import io.vigil.journal.jdbc.JdbcJournalStore;
import io.vigil.model.Event;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.session.EngineInbox;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.vigil.journal.Drafts.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalWriterIT {

    private TestDatabase db;
    private JdbcTemplate jdbc;
    private JdbcJournalStore store;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("journal");
        jdbc = new JdbcTemplate(db.dataSource());
        store = new JdbcJournalStore(db.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldCommitConcurrentSubmissionsInSharedTransactions() throws Exception {
        GatedJournalStore gated = new GatedJournalStore(store);
        EngineInbox inbox = new EngineInbox(10_000);
        int submissions = 64;
        try (JournalWriter writer = new JournalWriter(gated, inbox, JournalSettings.defaults())) {
            CompletableFuture<List<Long>> first = writer.submit(List.of(draft("first")));
            gated.awaitFirstAppend();
            List<CompletableFuture<List<Long>>> queued = submitConcurrently(writer, submissions - 1);
            gated.open();

            List<Long> ids = new ArrayList<>(first.get(10, TimeUnit.SECONDS));
            for (int i = 0; i < queued.size(); i++) {
                List<Long> mine = queued.get(i).get(10, TimeUnit.SECONDS);
                assertThat(mine).hasSize(i % 3 + 1);
                assertThat(mine.get(mine.size() - 1) - mine.get(0)).isEqualTo(mine.size() - 1);
                ids.addAll(mine);
            }

            // One transaction held open, then one for everything that queued behind it.
            assertThat(gated.appends()).isEqualTo(2);
            assertThat(ids).doesNotHaveDuplicates().hasSize(1 + totalEvents(submissions - 1));
            assertThat(jdbc.queryForList("SELECT id FROM event_journal ORDER BY id", Long.class))
                    .containsExactlyElementsOf(ids.stream().sorted().toList());
            for (int i = 0; i < queued.size(); i++) {
                List<Long> mine = queued.get(i).get();
                assertThat(jdbc.queryForList("SELECT resource FROM event_journal WHERE id BETWEEN ? AND ?", String.class,
                        mine.get(0), mine.get(mine.size() - 1))).containsOnly("host-" + i);
            }
            assertThat(deliveredIds(inbox, ids.size())).containsExactlyElementsOf(ids.stream().sorted().toList());
        }
    }

    @Test
    void shouldRejectBeforeStoringWhenTheEngineQueueIsFull() throws Exception {
        EngineInbox inbox = new EngineInbox(10);
        try (JournalWriter writer = new JournalWriter(store, inbox, JournalSettings.defaults())) {
            assertThat(writer.submit(IntStream.range(0, 8).mapToObj(i -> draft("kept")).toList()).get(10, TimeUnit.SECONDS))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);

            List<EventDraft> tooMany = IntStream.range(0, 5).mapToObj(i -> draft("refused")).toList();
            assertThatThrownBy(() -> writer.submit(tooMany))
                    .isInstanceOf(IntakeRejectedException.class)
                    .hasMessage("the engine queue is full (8 of 10 events waiting) and cannot take 5 more; nothing was stored")
                    .satisfies(e -> assertThat(((IntakeRejectedException) e).retryAfterSeconds()).isEqualTo(1));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_journal WHERE resource = 'refused'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_journal", Integer.class)).isEqualTo(8);
        assertThat(inbox.backlog()).isEqualTo(8);
    }

    @Test
    void shouldFailOnlyTheRefusedSubmissionOfASharedTransaction() throws Exception {
        GatedJournalStore gated = new GatedJournalStore(store);
        EngineInbox inbox = new EngineInbox(100);
        try (JournalWriter writer = new JournalWriter(gated, inbox, JournalSettings.defaults())) {
            CompletableFuture<List<Long>> first = writer.submit(List.of(draft("first")));
            gated.awaitFirstAppend();
            CompletableFuture<List<Long>> good = writer.submit(List.of(draft("good-1"), draft("good-2")));
            CompletableFuture<List<Long>> bad = writer.submit(List.of(draft("fine"), draft("x".repeat(300))));
            gated.open();

            assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(1);
            assertThat(good.get(10, TimeUnit.SECONDS)).hasSize(2);
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(JournalWriteException.class)
                    .hasMessageStartingWith("the journal refused 2 events: ")
                    .hasMessageContaining("resource");
        }
        assertThat(jdbc.queryForList("SELECT resource FROM event_journal ORDER BY id", String.class))
                .containsExactly("first", "good-1", "good-2");
        assertThat(inbox.backlog()).isEqualTo(3);
    }

    @Test
    void shouldContinueIdsAfterTheStoredMaximumAndRejectAfterClose() throws Exception {
        store.append(List.of(new JournalEntry(41, draft("earlier"))));
        JournalWriter writer = new JournalWriter(store, new EngineInbox(100), JournalSettings.defaults());
        assertThat(writer.submit(List.of(draft("next"))).get(10, TimeUnit.SECONDS)).containsExactly(42L);
        writer.close();

        assertThatThrownBy(() -> writer.submit(List.of(draft("late"))))
                .isInstanceOf(IntakeRejectedException.class)
                .hasMessage("the journal is shutting down; nothing was stored");
    }

    /** What recovery and replay read back after a restart: the bytes of a line that is not UTF-8, exactly. */
    @Test
    void shouldReadBackTheBytesAsReceivedBesideTheText() {
        EventDraft exact = draft("exact");
        EventDraft latin1 = new EventDraft(exact.receivedAt(), exact.occurredAt(), "syslog-tcp", "syslog:10.0.0.7", "legacy",
                "app", null, Severity.NOTICE, "caf\uFFFD", Map.of(), "<13>1 - legacy app - - - caf\uFFFD",
                new byte[] {'<', '1', '3', '>', '1', ' ', '-', ' ', 'l', 'e', 'g', 'a', 'c', 'y', ' ', 'a', 'p', 'p', ' ', '-',
                        ' ', '-', ' ', '-', ' ', 'c', 'a', 'f', (byte) 0xE9});
        store.append(List.of(new JournalEntry(1, exact), new JournalEntry(2, latin1)));

        List<JournalEntry> read = store.read(0, 2, 10);

        assertThat(read).extracting(JournalEntry::draft).containsExactly(exact, latin1);
        assertThat(read.get(0).draft().rawBytes()).isNull();
        assertThat(read.get(1).draft().rawBytes()).isEqualTo(latin1.rawBytes());
    }

    private static List<CompletableFuture<List<Long>>> submitConcurrently(JournalWriter writer, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CompletableFuture<List<Long>>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                List<EventDraft> drafts = IntStream.range(0, n % 3 + 1).mapToObj(k -> draft("host-" + n)).toList();
                calls.add(pool.submit(() -> writer.submit(drafts)));
            }
            List<CompletableFuture<List<Long>>> futures = new ArrayList<>();
            for (Future<CompletableFuture<List<Long>>> call : calls) {
                futures.add(call.get(10, TimeUnit.SECONDS));
            }
            return futures;
        } finally {
            pool.shutdown();
        }
    }

    private static int totalEvents(int submissions) {
        return IntStream.range(0, submissions).map(n -> n % 3 + 1).sum();
    }

    /**
     * The ids handed to the engine, drained until {@code expected} came or 10 s passed: the writer
     * completes a commit's submissions just before it hands the commit's events over.
     */
    private static List<Long> deliveredIds(EngineInbox inbox, int expected) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ids.size() < expected && System.nanoTime() - deadline < 0) {
            for (Object item : inbox.drain(100_000, 1_000)) {
                for (Object event : (List<?>) item) {
                    ids.add(((Event) event).getId());
                }
            }
        }
        return ids;
    }
}
