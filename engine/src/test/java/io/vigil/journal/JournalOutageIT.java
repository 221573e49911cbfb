package io.vigil.journal;

import io.vigil.intake.IntakeUnavailableException;
import io.vigil.journal.jdbc.JdbcJournalStore;
import io.vigil.model.Event;
import io.vigil.session.EngineInbox;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.vigil.journal.Drafts.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal writer when the database connection breaks: every answer it gives is true, and
 * every stored event reaches the engine exactly once, in id order.
 */
class JournalOutageIT {

    private TestDatabase db;
    private JdbcTemplate jdbc;
    private FaultyJournalStore store;
    private final EngineInbox inbox = new EngineInbox(1_000);

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("journal_outage");
        jdbc = new JdbcTemplate(db.dataSource());
        store = new FaultyJournalStore(new JdbcJournalStore(db.dataSource()));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldAcceptAndDeliverACommitThatLandedAlthoughTheConnectionBrokeDuringIt() throws Exception {
        try (JournalWriter writer = new JournalWriter(store, inbox, JournalSettings.defaults())) {
            store.loseConnectionAfterCommit(1);
            List<Long> ids = writer.submit(List.of(draft("landed"), draft("landed"))).get(10, TimeUnit.SECONDS);
            List<Long> next = writer.submit(List.of(draft("next"))).get(10, TimeUnit.SECONDS);

            assertThat(ids).containsExactly(1L, 2L);
            assertThat(next).containsExactly(3L);
        }
        assertThat(resources()).containsExactly("landed", "landed", "next");
        assertThat(deliveredIds()).as("each stored event reaches the engine once, in order").containsExactly(1L, 2L, 3L);
        assertThat(store.appends()).as("the landed commit is not stored again").isEqualTo(2);
    }

    @Test
    void shouldStoreAgainUnderTheSameIdsACommitThatDidNotLand() throws Exception {
        try (JournalWriter writer = new JournalWriter(store, inbox, JournalSettings.defaults())) {
            store.loseConnectionBeforeCommit(1);
            List<Long> ids = writer.submit(List.of(draft("retried"), draft("retried"))).get(10, TimeUnit.SECONDS);

            assertThat(ids).containsExactly(1L, 2L);
        }
        assertThat(resources()).containsExactly("retried", "retried");
        assertThat(deliveredIds()).containsExactly(1L, 2L);
        assertThat(store.appends()).isEqualTo(2);
    }

    @Test
    void shouldRefuseNewEventsAtOnceWhileTheDatabaseIsDownAndSettleTheOneInFlightWhenItIsBack() throws Exception {
        try (JournalWriter writer = new JournalWriter(store, inbox, JournalSettings.defaults())) {
            store.down();
            CompletableFuture<List<Long>> inFlight = writer.submit(List.of(draft("in-flight")));
            awaitRefusal(writer);

            assertThatThrownBy(() -> writer.submit(List.of(draft("refused"))))
                    .isInstanceOf(IntakeUnavailableException.class)
                    .hasMessageStartingWith("the journal database is unreachable since ")
                    .hasMessageEndingWith("; nothing was stored");
            assertThat(inFlight).as("its outcome is unknown until the database answers").isNotDone();
            assertThat(inbox.backlog()).as("room is kept only for the event in flight").isEqualTo(1);

            store.up();
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).containsExactly(1L);
            assertThat(writer.submit(List.of(draft("after"))).get(10, TimeUnit.SECONDS)).containsExactly(2L);
        }
        assertThat(resources()).containsExactly("in-flight", "after");
        assertThat(deliveredIds()).containsExactly(1L, 2L);
    }

    @Test
    void shouldFailOnlyTheSubmissionTheDatabaseKeepsRefusingWhileReachable() throws Exception {
        GatedJournalStore gated = new GatedJournalStore(store);
        try (JournalWriter writer = new JournalWriter(gated, inbox, JournalSettings.defaults())) {
            CompletableFuture<List<Long>> first = writer.submit(List.of(draft("first")));
            gated.awaitFirstAppend();
            CompletableFuture<List<Long>> good = writer.submit(List.of(draft("good")));
            CompletableFuture<List<Long>> poison = writer.submit(List.of(draft("poison")));
            CompletableFuture<List<Long>> alsoGood = writer.submit(List.of(draft("also-good")));
            store.refuse(entries -> entries.stream().anyMatch(e -> e.draft().resource().equals("poison")));
            gated.open();

            assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(1);
            assertThat(good.get(10, TimeUnit.SECONDS)).hasSize(1);
            assertThat(alsoGood.get(10, TimeUnit.SECONDS)).hasSize(1);
            assertThatThrownBy(() -> poison.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(JournalWriteException.class)
                    .hasMessage("the journal refused 1 events: Communications link failure: packet for query is too large");
        }
        assertThat(resources()).containsExactly("first", "good", "also-good");
        assertThat(inbox.backlog()).isEqualTo(3);
        assertThat(inboxItems()).as("the engine hears of every id, stored or given up, in order").containsExactly(
                "event 1", "absent 2..4", "event 5", "absent 6..6", "event 7");
    }

    private List<String> inboxItems() throws InterruptedException {
        List<String> items = new ArrayList<>();
        for (Object item : inbox.drain(100_000, 100)) {
            if (item instanceof EngineInbox.AbsentIds absent) {
                items.add("absent " + absent.firstId() + ".." + absent.lastId());
            } else {
                ((List<?>) item).forEach(event -> items.add("event " + ((Event) event).getId()));
            }
        }
        return items;
    }

    /** Waits until the writer has noticed the outage. */
    private static void awaitRefusal(JournalWriter writer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.outage().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the writer never noticed the outage");
            }
            Thread.sleep(10);
        }
    }

    private List<String> resources() {
        return jdbc.queryForList("SELECT resource FROM event_journal ORDER BY id", String.class);
    }

    private List<Long> deliveredIds() throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (Object item : inbox.drain(100_000, 100)) {
            for (Object event : (List<?>) item) {
                ids.add(((Event) event).getId());
            }
        }
        return ids;
    }
}
