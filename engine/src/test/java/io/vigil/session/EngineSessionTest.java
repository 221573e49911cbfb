package io.vigil.session;

import io.vigil.alert.AlertSequence;
import io.vigil.alert.CorrelationDefinition;
import io.vigil.audit.FactRef;
import io.vigil.audit.Firing;
import io.vigil.model.Event;
import io.vigil.model.Status;
import io.vigil.notify.NotificationBook;
import io.vigil.notify.policy.PolicyDocument;
import io.vigil.service.ServiceTree;
import io.vigil.service.sla.SlaBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.vigil.session.ProbeRules.RULES;
import static io.vigil.session.ProbeRules.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session machinery (clock, audit capture, snapshots, guards) on a small rule set of its own;
 * the real rules are tested in the rules module.
 */
class EngineSessionTest {

    private EngineSession session = EngineSession.create(RULES, SessionSetup.fresh(Duration.ofMinutes(15)), START);

    @AfterEach
    void close() {
        session.close();
    }

    private static Event probe(long id, long at) {
        return ProbeRules.event(id, "probe", at);
    }

    @Test
    void shouldRecordEachFiringWithRuleFactsEventsAndOutcome() {
        session.insert(List.of(probe(7, START)));
        session.fire();

        SessionBatch batch = session.drain();

        assertThat(batch.outcomes()).containsExactly(new Outcome.EventClassified(7, "probe", Status.WARNING));
        assertThat(batch.firings()).containsExactly(new Firing(1, START, "Tag probes", "rules.test", RULES.version(),
                List.of(new FactRef("Event", "event:7", "web01/probe WARNING from tester: disk 91% full")), List.of(7L),
                "updated event:7 web01/probe WARNING from tester: disk 91% full\n"
                        + "EventClassified[eventId=7, category=probe, status=WARNING]", true));
        assertThat(session.drain().firings()).isEmpty();
    }

    @Test
    void shouldNumberFiringsOnFromTheLastStoredOne() {
        session.close();
        session = EngineSession.create(RULES, new SessionSetup(Duration.ofMinutes(15), LastIds.NONE.withFiring(41)), START);

        session.insert(List.of(probe(1, START), probe(2, START)));
        session.fire();

        assertThat(session.drain().firings()).extracting(Firing::id).containsExactly(42L, 43L);
        assertThat(session.lastFiringId()).isEqualTo(43);
    }

    @Test
    void shouldNotRecordFiringsWhileAuditingIsOff() {
        session.setAuditing(false);
        session.insert(List.of(probe(1, START)));
        session.fire();

        SessionBatch batch = session.drain();

        assertThat(batch.outcomes()).hasSize(1);
        assertThat(batch.firings()).isEmpty();
        assertThat(session.lastFiringId()).isZero();
    }

    @Test
    void shouldNeverMoveTheClockBackwards() {
        session.advanceTo(START + 5_000);
        session.advanceTo(START + 1_000);

        assertThat(session.clock()).isEqualTo(START + 5_000);
    }

    @Test
    void shouldExpireEventsTwoSecondsAfterInsertionEvenWhenTheyOccurredLongBefore() {
        session.insert(List.of(probe(1, START - Duration.ofHours(3).toMillis())));
        session.fire();

        assertThat(session.drain().outcomes()).containsExactly(new Outcome.EventClassified(1, "probe", Status.WARNING));
        assertThat(session.facts(Event.class)).hasSize(1);

        session.advanceTo(START + 2_001);
        session.fire();

        assertThat(session.facts(Event.class)).isEmpty();
    }

    @Test
    void shouldDropRestoredEventsWhoseRulesHaveFiredAlready() {
        session.insert(List.of(probe(1, START)));
        session.fire();
        session.advanceTo(START + 500);
        session.insert(List.of(probe(2, START + 500)));
        session.fire();

        BatchOutcome.Snapshot snapshot = session.snapshot(2);
        session.close();
        session = EngineSession.restore(RULES, SessionSetup.fresh(Duration.ofMinutes(15)), snapshot);

        assertThat(snapshot.lastEventId()).isEqualTo(2);
        assertThat(snapshot.ruleSetVersion()).isEqualTo(RULES.version());
        assertThat(session.clock()).isEqualTo(START + 500);
        assertThat(session.facts(Object.class)).as("only the service tree, SLA book, alert ids, correlation settings"
                        + " and notification book every session holds").extracting(Object::getClass)
                .containsExactlyInAnyOrder(ServiceTree.class, SlaBook.class, AlertSequence.class, CorrelationDefinition.class,
                        NotificationBook.class);
    }

    @Test
    void shouldRerunStoredEventsWithoutKeepingThem() {
        session.setAuditing(false);

        boolean processStep = session.rerun(List.of(probe(1, START), probe(2, START)));

        assertThat(processStep).isFalse();
        assertThat(session.facts(Event.class)).isEmpty();
        assertThat(session.drain().outcomes()).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundForACommandOnAnUnknownIncident() {
        CommandResult result = session.execute(new EngineCommand.Acknowledge(12, "alice"));

        assertThat(result).isEqualTo(CommandResult.notFound(
                "incident 12 has no running process (it does not exist or was closed)"));
    }

    @Test
    void shouldStopALoopingRuleWithAClearError() {
        RuleSet looping = RuleSet.of(Map.of("rules/test/loop.drl", """
                package rules.test
                import io.vigil.model.Event
                rule "Touch for ever"
                when
                    $e : Event( category != "never" )
                then
                    modify( $e ) { setCategory( "again" ) }
                end
                """));
        try (EngineSession loops = EngineSession.create(looping, SessionSetup.fresh(Duration.ofMinutes(15)), START)) {
            loops.insert(List.of(probe(1, START)));

            assertThatThrownBy(loops::fire)
                    .isInstanceOf(RunawayRulesException.class)
                    .hasMessage("rules fired 100000 times without coming to rest; a rule is probably looping (most:"
                            + " \"Touch for ever\", 100000 of 100000 firings)");
        }
    }

    /** Past the fire budget the session is halted after the firing under way, whatever the firing count. */
    @Test
    void shouldHaltRulesThatRunPastTheFireBudget() {
        RuleSet slow = RuleSet.of(Map.of("rules/test/slow.drl", """
                package rules.test
                import io.vigil.model.Event
                declare Event
                    @role( event )
                    @expires( 2s )
                end
                rule "Touch slowly for ever"
                when
                    $e : Event( category != "never" )
                then
                    java.util.concurrent.locks.LockSupport.parkNanos( 1_000_000L );
                    modify( $e ) { setCategory( "slow" ) }
                end
                """));
        SessionSetup setup = new SessionSetup(Duration.ofMinutes(15), Duration.ofDays(1), PolicyDocument.NONE,
                LastIds.NONE, Duration.ofMillis(300));
        try (EngineSession loops = EngineSession.create(slow, setup, START)) {
            loops.insert(List.of(probe(1, START)));

            assertThatThrownBy(loops::fire)
                    .isInstanceOf(RunawayRulesException.class)
                    .hasMessageStartingWith("rules ran longer than 300 ms without coming to rest; a rule is probably looping"
                            + " (most: \"Touch slowly for ever\", ")
                    .satisfies(e -> assertThat(((RunawayRulesException) e).firings()).isBetween(256L, 1_000L));
        }
    }
}
