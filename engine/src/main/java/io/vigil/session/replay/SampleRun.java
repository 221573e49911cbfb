package io.vigil.session.replay;

import io.vigil.model.Event;
import io.vigil.session.EngineSession;
import io.vigil.session.RuleSet;
import io.vigil.session.RunawayRulesException;
import io.vigil.session.SessionSetup;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A candidate rule set tried on a sample of recorded events before it is deployed, with the engine's
 * runaway limits: a fresh session, the events in occurredAt order, one fire each. Catches the rule
 * that loops only on real data, which rule tests may not have.
 */
public final class SampleRun {

    private SampleRun() {
    }

    /** The runaway the sample caused, or empty when the rules came to rest on every event. */
    public static Optional<RunawayRulesException> runaway(RuleSet ruleSet, List<Event> sample, Duration fireBudget) {
        List<Event> events = sample.stream().sorted(Comparator.comparingLong(Event::getOccurredAt)).toList();
        long start = events.isEmpty() ? 0 : events.get(0).getOccurredAt();
        SessionSetup setup = SessionSetup.fresh(Duration.ofMinutes(15)).withFireBudget(fireBudget);
        try (EngineSession session = EngineSession.create(ruleSet, setup, start)) {
            session.setAuditing(false);
            for (Event event : events) {
                session.advanceTo(event.getOccurredAt());
                session.insert(List.of(event));
                session.fire();
                session.drain();
            }
        } catch (RunawayRulesException e) {
            return Optional.of(e);
        }
        return Optional.empty();
    }
}
