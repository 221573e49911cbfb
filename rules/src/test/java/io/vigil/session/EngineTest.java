package io.vigil.session;

import io.vigil.model.Event;
import io.vigil.model.ResolutionCode;
import io.vigil.model.Status;
import io.vigil.notify.Notification;
import io.vigil.testing.engine.InMemoryEngineStore;
import io.vigil.testing.engine.MutableClock;
import io.vigil.testing.engine.TestSession;
import io.vigil.testing.notify.PolicyFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The engine loop on the real rules and processes (hence in this module), with stored state in
 * memory and a wall clock the test moves. The database-backed run is web's restart IT.
 */
class EngineTest {

    private static final long T0 = TestSession.START.toEpochMilli();
    private static final Duration ESCALATION = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(TestSession.START);
    private final InMemoryEngineStore store = new InMemoryEngineStore();
    private EngineInbox inbox = new EngineInbox(1_000);
    private Engine engine;

    @AfterEach
    void close() {
        engine.close();
    }

    private Engine start() {
        engine = new Engine(TestSession.ruleSet(), EngineSettings.defaults().withEscalationInterval(ESCALATION)
                .withPollTimeout(Duration.ofMillis(10)), inbox, store, store, clock);
        engine.start();
        return engine;
    }

    private void restart() {
        engine.close();
        inbox = new EngineInbox(1_000);
        start();
    }

    /** What the journal writer does: store, then hand to the engine. */
    private void post(long id, String check, Status status) {
        Event event = new Event(id, clock.millis(), clock.millis(), "rest", "tester", "db01", check, status, null, "", Map.of());
        store.journal(List.of(event));
        assertThat(inbox.tryReserve(1)).isTrue();
        inbox.deliver(List.of(event));
    }

    private CommandResult command(EngineCommand command) throws Exception {
        return inbox.submit(command).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldClassifyDeliveredEventsAndOpenAnIncidentWithASnapshot() throws Exception {
        start();

        post(1, "disk", Status.CRITICAL);

        store.await(Outcome.EventClassified.class, c -> c.eventId() == 1);
        BatchOutcome opening = store.batches().stream()
                .filter(b -> b.outcomes().stream().anyMatch(Outcome.IncidentOpened.class::isInstance))
                .findFirst().orElseThrow();
        assertThat(opening.lastEventId()).isEqualTo(1);
        assertThat(opening.snapshot()).isNotNull();
        assertThat(opening.firings()).isNotEmpty();
        assertThat(engine.lastEventId()).isEqualTo(1);
        assertThat(engine.isRunning()).isTrue();
    }

    @Test
    void shouldAnswerCommandsWithTheirResult() throws Exception {
        start();
        post(1, "disk", Status.CRITICAL);
        long id = store.await(Outcome.IncidentOpened.class, o -> true).incidentId();

        assertThat(command(new EngineCommand.Close(id, "bob"))).isEqualTo(CommandResult.conflict(
                "incident 1 is OPEN and has no Close task waiting (it waits for Acknowledge)"));
        assertThat(command(new EngineCommand.Acknowledge(id, "bob"))).isEqualTo(CommandResult.done());
        assertThat(command(new EngineCommand.Resolve(id, "bob"))).isEqualTo(CommandResult.done());
        assertThat(command(new EngineCommand.Acknowledge(99, "bob"))).isEqualTo(CommandResult.notFound(
                "incident 99 has no running process (it does not exist or was closed)"));
        assertThat(store.outcomes(Outcome.IncidentResolved.class)).containsExactly(new Outcome.IncidentResolved(id, T0, "bob", ResolutionCode.FIXED, null));
    }

    @Test
    void shouldFireEscalationsAsWallTimeMovesOn() throws Exception {
        start();
        post(1, "disk", Status.CRITICAL);
        long id = store.await(Outcome.IncidentOpened.class, o -> true).incidentId();

        clock.advance(ESCALATION);

        Outcome.IncidentEscalated escalated = store.await(Outcome.IncidentEscalated.class, e -> true);
        assertThat(escalated).isEqualTo(new Outcome.IncidentEscalated(id, 1, T0 + ESCALATION.toMillis(), List.of()));
    }

    @Test
    void shouldKeepTheWaitingTaskAndTheTimerAcrossARestart() throws Exception {
        start();
        post(1, "disk", Status.CRITICAL);
        long id = store.await(Outcome.IncidentOpened.class, o -> true).incidentId();
        clock.advance(Duration.ofMinutes(5));
        post(2, "load", Status.NORMAL);
        store.await(Outcome.EventClassified.class, c -> c.eventId() == 2);

        restart();
        clock.advance(Duration.ofMinutes(10));

        assertThat(store.await(Outcome.IncidentEscalated.class, e -> true))
                .isEqualTo(new Outcome.IncidentEscalated(id, 1, T0 + ESCALATION.toMillis(), List.of()));
        assertThat(command(new EngineCommand.Acknowledge(id, "carol"))).isEqualTo(CommandResult.done());
        assertThat(store.outcomes(Outcome.IncidentTaskOpened.class)).extracting(Outcome.IncidentTaskOpened::taskId)
                .containsExactly(1L, 2L);
    }

    @Test
    void shouldKeepEscalatingByPolicyAndConsolidatingAcrossARestart() throws Exception {
        start();
        command(new EngineCommand.ReplacePolicies(PolicyFixtures.document("escalation-two-levels"), "alice"));
        post(1, "disk", Status.CRITICAL);
        long before = store.await(Outcome.IncidentOpened.class, o -> true).incidentId();
        clock.advance(Duration.ofSeconds(10));

        restart();
        post(2, "load", Status.CRITICAL);
        long after = store.await(Outcome.IncidentOpened.class, o -> o.incidentId() != before).incidentId();
        clock.advance(Duration.ofSeconds(20));

        Notification alice = store.await(Outcome.NotificationDecided.class,
                n -> n.notification().recipient().equals("user:alice")).notification();
        assertThat(alice.items()).as("opened before and after the restart, one message")
                .extracting(item -> item.incidentId()).containsExactly(before, after);
        assertThat(alice.decidedAt()).isEqualTo(T0 + 30_000);
        clock.advance(Duration.ofMinutes(5));
        assertThat(store.await(Outcome.IncidentEscalated.class, e -> e.incidentId() == before && e.level() == 2))
                .isEqualTo(new Outcome.IncidentEscalated(before, 2, T0 + 300_000, List.of("user:bob")));
        assertThat(store.await(Outcome.IncidentEscalated.class, e -> e.incidentId() == after && e.level() == 2).at())
                .isEqualTo(T0 + 310_000);
    }

    @Test
    void shouldNeitherLoseNorRepeatANotificationWhenKilledWhileItWaitsForItsWindow() throws Exception {
        start();
        command(new EngineCommand.ReplacePolicies(PolicyFixtures.document("escalation-two-levels"), "alice"));
        post(1, "disk", Status.CRITICAL);
        store.await(Outcome.IncidentOpened.class, o -> true);
        store.dropSnapshotsFromNowOn();
        post(2, "load", Status.NORMAL);
        store.await(Outcome.EventClassified.class, c -> c.eventId() == 2);

        restart();
        clock.advance(Duration.ofSeconds(31));

        store.await(Outcome.NotificationDecided.class, n -> n.notification().recipient().equals("channel:ops-hook"));
        assertThat(store.outcomes(Outcome.NotificationDecided.class)).extracting(n -> n.notification().id())
                .containsExactly(1L, 2L);
    }

    /**
     * A journaled event the engine never received (its journal commit was reported failed, the
     * checkpoint moved past it) is processed by the next start, once; the events around it are not
     * processed again, and a later start does not look at it again.
     */
    @Test
    void shouldProcessAJournaledEventTheEngineNeverReceivedOnceAfterARestart() throws Exception {
        start();
        post(1, "disk", Status.WARNING);
        store.journal(List.of(new Event(2, clock.millis(), clock.millis(), "rest", "tester", "db01", "disk",
                Status.CRITICAL, null, "", Map.of())));
        post(3, "load", Status.NORMAL);
        store.await(Outcome.EventClassified.class, c -> c.eventId() == 3);
        assertThat(store.outcomes(Outcome.EventClassified.class)).extracting(Outcome.EventClassified::eventId)
                .containsExactlyInAnyOrder(1L, 3L);

        restart();
        awaitVerified(3);
        restart();
        post(4, "load", Status.WARNING);
        store.await(Outcome.EventClassified.class, c -> c.eventId() == 4);

        assertThat(store.outcomes(Outcome.EventClassified.class)).extracting(Outcome.EventClassified::eventId)
                .as("each event classified once").containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(store.outcomes(Outcome.ElementStatusChanged.class)).filteredOn(c -> c.check().equals("disk"))
                .extracting(Outcome.ElementStatusChanged::eventId, Outcome.ElementStatusChanged::status)
                .containsExactly(tuple(1L, Status.WARNING), tuple(2L, Status.CRITICAL));
        assertThat(store.outcomes(Outcome.IncidentOpened.class)).singleElement()
                .extracting(Outcome.IncidentOpened::eventId).isEqualTo(2L);
        awaitVerified(4);
    }

    @Test
    void shouldAccountForIdsTheJournalGaveUpOnButNotForIdsThatSimplyNeverCame() throws Exception {
        start();
        post(1, "disk", Status.WARNING);
        awaitVerified(1);

        inbox.absent(2, 3);
        post(4, "disk", Status.NORMAL);
        awaitVerified(4);
        post(6, "disk", Status.WARNING);
        store.await(Outcome.EventClassified.class, c -> c.eventId() == 6);

        assertThat(store.verifiedEventId()).as("id 5 never came and nobody said why").isEqualTo(4);
    }

    /** Waits until the stored state says every journal id up to {@code eventId} is accounted for. */
    private void awaitVerified(long eventId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.verifiedEventId() < eventId) {
            assertThat(System.nanoTime()).as("journal verified up to %d within 10 s", eventId).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void shouldRerunStoredEventsQuietlyAfterACrashAndRunTheRestNormally() throws Exception {
        start();
        post(1, "disk", Status.CRITICAL);
        store.await(Outcome.IncidentOpened.class, o -> true);
        post(2, "disk", Status.NORMAL);
        store.await(Outcome.EventClassified.class, c -> c.eventId() == 2);
        long firingsBeforeCrash = store.lastFiringId();
        store.dropSnapshotsFromNowOn();
        engine.close();
        Event unseen = new Event(3, clock.millis(), clock.millis() + 1, "rest", "tester", "db01", "disk",
                Status.WARNING, null, "", Map.of());
        store.journal(List.of(unseen));

        inbox = new EngineInbox(1_000);
        inbox.tryReserve(1);
        inbox.deliver(List.of(unseen));
        start();

        Outcome.ElementStatusChanged change = store.await(Outcome.ElementStatusChanged.class, c -> c.eventId() == 3);
        assertThat(change.previous()).as("event 2 was re-run quietly from the journal").isEqualTo(Status.NORMAL);
        assertThat(store.outcomes(Outcome.EventClassified.class)).extracting(Outcome.EventClassified::eventId)
                .containsExactly(1L, 2L, 3L);
        assertThat(store.batches().stream().flatMap(b -> b.firings().stream())
                .filter(f -> f.eventIds().contains(3L)).findFirst().orElseThrow().id()).isGreaterThan(firingsBeforeCrash);
        assertThat(store.outcomes(Outcome.IncidentOpened.class)).hasSize(1);
    }

    @Test
    void shouldPublishAFinalSnapshotWhenClosed() throws Exception {
        start();
        post(1, "load", Status.NORMAL);
        store.await(Outcome.EventClassified.class, c -> c.eventId() == 1);

        engine.close();

        BatchOutcome last = store.batches().get(store.batches().size() - 1);
        assertThat(last.snapshot()).isNotNull();
        assertThat(last.snapshot().lastEventId()).isEqualTo(1);
        assertThat(engine.isRunning()).isFalse();
    }
}
