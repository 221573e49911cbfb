package io.vigil.web.rule;

import io.vigil.journal.JournalWriter;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.session.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's rollback after a runaway rule set into an event about {@code vigil/rule-set},
 * CRITICAL, naming the rule that fired most: journaled like any other event, so the rules in force
 * (the version rolled back to) open an alert and an incident for it, and the audit trail shows it.
 */
@Component
class RunawayReports {

    static final String RESOURCE = "vigil";
    static final String CHECK = "rule-set";

    private static final Logger log = LoggerFactory.getLogger(RunawayReports.class);

    private final JournalWriter journal;
    private final Clock clock;

    RunawayReports(Engine engine, JournalWriter journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
        engine.onRunaway(this::report);
    }

    private void report(Engine.Runaway runaway) {
        Instant now = clock.instant();
        String message = "rule set " + runaway.version().substring(0, 12) + " ran away: \"" + runaway.topRule() + "\" fired "
                + runaway.topRuleFirings() + " of " + runaway.firings() + " times in one batch; the engine rolled back to "
                + runaway.rolledBackTo().substring(0, 12);
        EventDraft event = new EventDraft(now, now, "engine", "vigil", RESOURCE, CHECK, Status.CRITICAL, Severity.CRITICAL,
                message, Map.of("version", runaway.version(), "rolledBackTo", runaway.rolledBackTo(),
                "topRule", runaway.topRule()), message);
        journal.submit(List.of(event)).whenComplete((ids, failure) -> {
            if (failure != null) {
                log.error("could not journal the report of the runaway rule set {}: {}", runaway.version(),
                        failure.getMessage());
            }
        });
    }
}
