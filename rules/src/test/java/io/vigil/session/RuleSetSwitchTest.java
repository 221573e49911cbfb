package io.vigil.session;

import io.vigil.audit.Firing;
import io.vigil.model.Event;
import io.vigil.model.Status;
import io.vigil.testing.engine.InMemoryEngineStore;
import io.vigil.testing.engine.MutableClock;
import io.vigil.testing.engine.RuleSetVariants;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving the running engine to another rule-set version between two batches (deploy, rollback), and
 * starting under another version than the snapshot's: events before the switch are processed by the
 * old version, events after it by the new one, each once, and incidents with their tasks and
 * escalation timers carry over.
 */
class RuleSetSwitchTest {

    private static final long T0 = TestSession.START.toEpochMilli();
    private static final Duration ESCALATION = Duration.ofMinutes(15);

    /** The shipped rules, except that disk, sensor and power events are "storage" instead of "hardware". */
    private static final RuleSet STORAGE = RuleSetVariants.disksAreStorage(TestSession.ruleSet());

    /** The shipped rules and one that keeps modifying every disk event: it never comes to rest. */
    private static final RuleSet LOOPING = RuleSetVariants.withLoop(TestSession.ruleSet());

    private final RuleSet shipped = TestSession.ruleSet();
    private final MutableClock clock = new MutableClock(TestSession.START);
    private final InMemoryEngineStore store = new InMemoryEngineStore();
    private EngineInbox inbox = new EngineInbox(1_000);
    private Engine engine;

    @AfterEach
    void close() {
        engine.close();
    }

    private void start(RuleSet active) {
        store.storeRuleSet(active);
        engine = new Engine(active, EngineSettings.defaults().withEscalationInterval(ESCALATION)
                .withPollTimeout(Duration.ofMillis(10)), inbox, store, store, clock);
        engine.start();
    }

    private void restart(RuleSet active) {
        engine.close();
        inbox = new EngineInbox(1_000);
        start(active);
    }

    private void post(long id, String resource, Status status) {
        Event event = new Event(id, clock.millis(), clock.millis(), "rest", "tester", resource, "disk", status, null, "",
                Map.of());
        store.journal(List.of(event));
        assertThat(inbox.tryReserve(1)).isTrue();
        inbox.deliver(List.of(event));
    }

    private CommandResult activate(RuleSet ruleSet, RuleSetActivation kind) throws Exception {
        return inbox.submit(new EngineCommand.ActivateRuleSet(ruleSet, kind, "admin")).get(10, TimeUnit.SECONDS);
    }

    private String categoryOf(long eventId) throws InterruptedException {
        return store.await(Outcome.EventClassified.class, c -> c.eventId() == eventId).category();
    }

    /** The versions of the firings that matched the event. */
    private List<String> versionsThatFiredOn(long eventId) {
        return store.batches().stream().flatMap(b -> b.firings().stream()).filter(f -> f.eventIds().contains(eventId))
                .map(Firing::ruleSetVersion).distinct().toList();
    }

    @Test
    void shouldProcessEventsBeforeTheSwitchWithTheOldVersionAndAfterItWithTheNewOneEachOnce() throws Exception {
        start(shipped);
        post(1, "db01", Status.CRITICAL);
        long incident = store.await(Outcome.IncidentOpened.class, o -> true).incidentId();
        assertThat(categoryOf(1)).isEqualTo("hardware");

        assertThat(activate(STORAGE, RuleSetActivation.DEPLOY)).isEqualTo(CommandResult.done());
        post(2, "db02", Status.WARNING);

        assertThat(categoryOf(2)).isEqualTo("storage");
        assertThat(store.outcomes(Outcome.RuleSetActivated.class)).containsExactly(new Outcome.RuleSetActivated(
                STORAGE.version(), shipped.version(), RuleSetActivation.DEPLOY, "admin", 1, T0));
        BatchOutcome switching = store.batches().stream()
                .filter(b -> b.outcomes().stream().anyMatch(Outcome.RuleSetActivated.class::isInstance)).findFirst().orElseThrow();
        assertThat(switching.snapshot()).as("the switch is snapshotted with it").isNotNull();
        assertThat(switching.snapshot().ruleSetVersion()).isEqualTo(STORAGE.version());
        assertThat(store.outcomes(Outcome.EventClassified.class)).extracting(Outcome.EventClassified::eventId)
                .as("no event processed twice").containsExactly(1L, 2L);
        assertThat(versionsThatFiredOn(1)).containsExactly(shipped.version());
        assertThat(versionsThatFiredOn(2)).containsExactly(STORAGE.version());
        assertThat(engine.ruleSet().version()).isEqualTo(STORAGE.version());

        clock.advance(ESCALATION);
        assertThat(store.await(Outcome.IncidentEscalated.class, e -> true))
                .as("the incident opened before the switch kept its timer")
                .isEqualTo(new Outcome.IncidentEscalated(incident, 1, T0 + ESCALATION.toMillis(), List.of()));
        assertThat(inbox.submit(new EngineCommand.Acknowledge(incident, "carol")).get(10, TimeUnit.SECONDS))
                .as("and its waiting task").isEqualTo(CommandResult.done());
    }

    @Test
    void shouldRollBackTheSameWayAndRefuseTheVersionAlreadyActive() throws Exception {
        start(shipped);
        activate(STORAGE, RuleSetActivation.DEPLOY);
        post(1, "db01", Status.WARNING);
        assertThat(categoryOf(1)).isEqualTo("storage");

        assertThat(activate(shipped, RuleSetActivation.ROLLBACK)).isEqualTo(CommandResult.done());
        post(2, "db01", Status.CRITICAL);

        assertThat(categoryOf(2)).isEqualTo("hardware");
        assertThat(store.await(Outcome.IncidentOpened.class, o -> true).eventId()).isEqualTo(2L);
        assertThat(store.outcomes(Outcome.RuleSetActivated.class)).extracting(Outcome.RuleSetActivated::activation,
                Outcome.RuleSetActivated::afterEventId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RuleSetActivation.DEPLOY, 0L),
                org.assertj.core.groups.Tuple.tuple(RuleSetActivation.ROLLBACK, 1L));
        assertThat(activate(shipped, RuleSetActivation.DEPLOY)).isEqualTo(CommandResult.conflict(
                "rule set " + shipped.version() + " is already active"));
    }

    /** Deployed before a restart, still active after it; incidents from both sides work. */
    @Test
    void shouldKeepADeployedVersionAcrossARestart() throws Exception {
        start(shipped);
        post(1, "db01", Status.CRITICAL);
        long before = store.await(Outcome.IncidentOpened.class, o -> true).incidentId();
        activate(STORAGE, RuleSetActivation.DEPLOY);
        post(2, "db02", Status.WARNING);
        categoryOf(2);

        restart(STORAGE);
        post(3, "db03", Status.CRITICAL);
        long after = store.await(Outcome.IncidentOpened.class, o -> o.incidentId() != before).incidentId();

        assertThat(categoryOf(3)).isEqualTo("storage");
        assertThat(versionsThatFiredOn(3)).containsExactly(STORAGE.version());
        assertThat(after).isGreaterThan(before);
        clock.advance(ESCALATION);
        assertThat(store.await(Outcome.IncidentEscalated.class, e -> e.incidentId() == before).at())
                .isEqualTo(T0 + ESCALATION.toMillis());
        assertThat(store.await(Outcome.IncidentEscalated.class, e -> e.incidentId() == after).at())
                .isEqualTo(T0 + ESCALATION.toMillis());
        assertThat(store.outcomes(Outcome.IncidentOpened.class)).hasSize(2);
    }

    /**
     * A start under another version than the snapshot's (a release shipping other rules): the
     * snapshot is restored under its own version, then the session moves to the active one.
     */
    @Test
    void shouldMoveASnapshotTakenUnderAnotherVersionToTheActiveOneAtStart() throws Exception {
        start(shipped);
        post(1, "db01", Status.CRITICAL);
        long before = store.await(Outcome.IncidentOpened.class, o -> true).incidentId();
        post(2, "db01", Status.CRITICAL);
        categoryOf(2);

        restart(STORAGE);
        post(3, "db02", Status.CRITICAL);

        assertThat(categoryOf(3)).isEqualTo("storage");
        assertThat(versionsThatFiredOn(3)).containsExactly(STORAGE.version());
        assertThat(store.outcomes(Outcome.EventClassified.class)).extracting(Outcome.EventClassified::eventId)
                .containsExactly(1L, 2L, 3L);
        long after = store.await(Outcome.IncidentOpened.class, o -> o.incidentId() != before).incidentId();
        assertThat(store.outcomes(Outcome.IncidentOpened.class)).extracting(Outcome.IncidentOpened::eventId)
                .as("the incident of before is not opened again").containsExactly(1L, 3L);
        clock.advance(ESCALATION);
        assertThat(store.await(Outcome.IncidentEscalated.class, e -> e.incidentId() == before).at())
                .isEqualTo(T0 + ESCALATION.toMillis());
        assertThat(store.await(Outcome.IncidentEscalated.class, e -> e.incidentId() == after).at())
                .isEqualTo(T0 + ESCALATION.toMillis());

        restart(STORAGE);
        post(4, "db04", Status.WARNING);
        assertThat(categoryOf(4)).as("the next snapshot was taken under the active version").isEqualTo("storage");
    }

    /**
     * A deployed version whose rule loops: the batch is halted at the firing limit, the engine goes
     * back to the version before by itself, runs that batch's event again under it, says so, and
     * nothing is lost.
     */
    @Test
    void shouldRollBackByItselfWhenTheDeployedRulesRunAway() throws Exception {
        List<Engine.Runaway> runaways = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(shipped);
        engine.onRunaway(runaways::add);
        store.storeRuleSet(LOOPING);
        post(1, "db01", Status.WARNING);
        categoryOf(1);
        assertThat(activate(LOOPING, RuleSetActivation.DEPLOY)).isEqualTo(CommandResult.done());

        post(2, "db02", Status.CRITICAL);
        Outcome.RuleSetActivated rollback = store.await(Outcome.RuleSetActivated.class,
                a -> a.activation() == RuleSetActivation.AUTO_ROLLBACK);

        assertThat(rollback).isEqualTo(new Outcome.RuleSetActivated(shipped.version(), LOOPING.version(),
                RuleSetActivation.AUTO_ROLLBACK, "vigil", 1, T0));
        assertThat(categoryOf(2)).as("run again under the version before").isEqualTo("hardware");
        assertThat(versionsThatFiredOn(2)).containsExactly(shipped.version());
        assertThat(store.await(Outcome.IncidentOpened.class, o -> true).eventId()).isEqualTo(2L);
        assertThat(store.outcomes(Outcome.EventClassified.class)).extracting(Outcome.EventClassified::eventId)
                .as("each event processed once").containsExactly(1L, 2L);
        assertThat(runaways).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(LOOPING.version());
            assertThat(r.rolledBackTo()).isEqualTo(shipped.version());
            assertThat(r.topRule()).isEqualTo(RuleSetVariants.LOOPING_RULE);
            assertThat(r.firings()).isEqualTo(100_000);
        });
        assertThat(engine.ruleSet().version()).isEqualTo(shipped.version());

        post(3, "db03", Status.WARNING);
        assertThat(categoryOf(3)).isEqualTo("hardware");
        restart(shipped);
        post(4, "db04", Status.WARNING);
        assertThat(categoryOf(4)).as("the rollback holds across a restart").isEqualTo("hardware");
    }

    /** Deployed before a restart, running away after it: the version before comes from stored state. */
    @Test
    void shouldRollBackByItselfAfterARestartToo() throws Exception {
        start(shipped);
        store.storeRuleSet(LOOPING);
        assertThat(activate(LOOPING, RuleSetActivation.DEPLOY)).isEqualTo(CommandResult.done());
        post(1, "web01", Status.WARNING);
        categoryOf(1);

        restart(LOOPING);
        post(2, "db02", Status.CRITICAL);

        assertThat(store.await(Outcome.RuleSetActivated.class, a -> a.activation() == RuleSetActivation.AUTO_ROLLBACK))
                .extracting(Outcome.RuleSetActivated::version, Outcome.RuleSetActivated::previous)
                .containsExactly(shipped.version(), LOOPING.version());
        assertThat(categoryOf(2)).isEqualTo("hardware");
        assertThat(store.outcomes(Outcome.EventClassified.class)).extracting(Outcome.EventClassified::eventId)
                .containsExactly(1L, 2L);
    }
}
