package io.vigil.session;

import io.vigil.model.Event;
import io.vigil.model.Status;

import java.util.Map;

/** A tiny rule set for testing the session machinery apart from the real rules. */
public final class ProbeRules {

    static final long START = 1_767_607_200_000L;

    public static final RuleSet RULES = RuleSet.of(Map.of("rules/test/probes.drl", """
            package rules.test
            import io.vigil.model.Event
            global io.vigil.session.Outcomes outcomes
            declare Event
                @role( event )
                @expires( 2s )
            end
            rule "Tag probes"
            when
                $e : Event( check == "probe" )
            then
                modify( $e ) { setCategory( "probe" ) }
                outcomes.classified( $e );
            end
            rule "Choke on poison"
            when
                $e : Event( check == "poison" )
            then
                throw new IllegalStateException( "cannot digest event " + $e.getId() );
            end
            """));

    private ProbeRules() {
    }

    /** An event about web01/{@code check} that occurred at {@code at}. */
    static Event event(long id, String check, long at) {
        return new Event(id, at, at, "test", "tester", "web01", check, Status.WARNING, null, "disk 91% full", Map.of());
    }
}
