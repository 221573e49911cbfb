package io.vigil.session;

import io.vigil.model.Event;
import io.vigil.model.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.vigil.session.ProbeRules.START;
import static io.vigil.session.ProbeRules.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRetirementTest {

    private static final SessionSetup SETUP = SessionSetup.fresh(Duration.ofMinutes(15));
    private static final String WINDOW = """
            rule "Three probes within a minute"
            when
                Number( intValue >= 3 ) from accumulate( Event( check == "probe" ) over window:time( 1m ), count( 1 ) )
            then
            end
            """;
    private static final String TEMPORAL = """
            rule "Two probes within a minute"
            when
                $a : Event( check == "probe" )
                $b : Event( check == "probe", this != $a, this after[ 0s, 1m ] $a )
            then
            end
            """;

    /** Tags probes; an "echo" probe makes a rule insert a second event of its own. */
    private static RuleSet rules(String declaration, String more) {
        return RuleSet.of(Map.of("rules/test/retire.drl", """
                package rules.test
                import io.vigil.model.Event
                import io.vigil.model.Status
                global io.vigil.session.Outcomes outcomes
                declare Event
                    @role( event )
                    %s
                end
                rule "Tag probes"
                when
                    $e : Event( check == "probe" || check == "echo" || check == "echoed", category == null )
                then
                    modify( $e ) { setCategory( "probe" ) }
                    outcomes.classified( $e );
                end
                rule "Echo"
                when
                    $e : Event( check == "echo" )
                then
                    insert( new Event( $e.getId() + 1000, $e.getReceivedAt(), $e.getOccurredAt(), "test", "tester", "web01",
                            "echoed", Status.NORMAL, null, "echo", java.util.Map.of() ) );
                end
                %s
                """.formatted(declaration, more)));
    }

    @Test
    void shouldTakeEveryEventOutOnceItsRulesFiredWhenTheRuleSetGivesEventsNoLife() {
        try (EngineSession session = EngineSession.create(rules("", ""), SETUP, START)) {
            session.insert(List.of(event(1, "probe", START), event(2, "echo", START)));
            session.fire();

            assertThat(session.drain().outcomes()).containsExactlyInAnyOrder(
                    new Outcome.EventClassified(1, "probe", Status.WARNING),
                    new Outcome.EventClassified(2, "probe", Status.WARNING),
                    new Outcome.EventClassified(1002, "probe", Status.NORMAL));
            assertThat(session.facts(Event.class)).as("the engine's events and the one a rule inserted").isEmpty();
        }
    }

    @Test
    void shouldLeaveEventsToDroolsWhenTheRuleSetDeclaresAnExpiry() {
        try (EngineSession session = EngineSession.create(rules("@expires( 2s )", ""), SETUP, START)) {
            session.insert(List.of(event(1, "probe", START)));
            session.fire();

            assertThat(session.facts(Event.class)).hasSize(1);
            session.advanceTo(START + 2_001);
            session.fire();
            assertThat(session.facts(Event.class)).isEmpty();
        }
    }

    @Test
    void shouldLeaveEventsToDroolsWhenARuleHasAWindowOverThem() {
        try (EngineSession session = EngineSession.create(rules("@expires( 1m )", WINDOW), SETUP, START)) {
            session.insert(List.of(event(1, "probe", START)));
            session.fire();
            session.advanceTo(START + 30_000);
            session.fire();

            assertThat(session.facts(Event.class)).hasSize(1);
        }
    }

    @Test
    void shouldLeaveEventsToDroolsWhenARuleRelatesTwoEventsInTime() {
        try (EngineSession session = EngineSession.create(rules("@expires( 1m )", TEMPORAL), SETUP, START)) {
            session.insert(List.of(event(1, "probe", START)));
            session.fire();

            assertThat(session.facts(Event.class)).hasSize(1);
        }
    }

    @Test
    void shouldRefuseARuleSetThatRelatesEventsInTimeWithoutGivingThemAnExpiry() {
        assertThatThrownBy(() -> rules("", TEMPORAL))
                .isInstanceOf(RuleSetCompileException.class)
                .hasMessage("rule set does not compile:\nrules/test/retire.drl: rule \"Two probes within a minute\" relates"
                        + " facts in time (a window, or after, before, …), so events must last: declare Event with"
                        + " @expires( … ) as long as the longest span the rules look over; without it every event would"
                        + " stay in the session for ever");
        assertThatThrownBy(() -> rules("", WINDOW)).isInstanceOf(RuleSetCompileException.class)
                .hasMessageContaining("rule \"Three probes within a minute\" relates facts in time");
    }

    @Test
    void shouldFollowTheRuleSetAcrossASwitch() {
        try (EngineSession session = EngineSession.create(rules("@expires( 2s )", ""), SETUP, START)) {
            session.insert(List.of(event(1, "probe", START)));
            session.fire();

            session.switchTo(rules("", ""));
            session.insert(List.of(event(2, "probe", START)));
            session.fire();

            assertThat(session.facts(Event.class)).extracting(Event::getId).as("the first under its expiry still")
                    .containsExactly(1L);
            session.advanceTo(START + 2_001);
            session.fire();
            assertThat(session.facts(Event.class)).isEmpty();
        }
    }
}
