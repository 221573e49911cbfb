package io.vigil.session;

import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The real rule set as the engine loads it: this module's rules and the processes module's processes. */
class ClasspathRuleSetTest {

    @Test
    void shouldFindEveryRuleFileProcessAndRuleTestUnderTheirFolders() {
        RuleSet ruleSet = TestSession.ruleSet();

        assertThat(ruleSet.sources().keySet()).containsExactly(
                "processes/incident.bpmn2",
                "rule-tests/classify/categories.yml",
                "rule-tests/correlate/deduplication.yml",
                "rule-tests/incidents/critical-opens-and-escalates.yml",
                "rule-tests/services/critical-element.yml",
                "rules/classify/alert-key.drl",
                "rules/classify/element-status.drl",
                "rules/classify/event-category.drl",
                "rules/classify/event-status.drl",
                "rules/correlate/alerts.drl",
                "rules/correlate/confirmation.drl",
                "rules/correlate/dependencies.drl",
                "rules/correlate/flapping.drl",
                "rules/correlate/heartbeats.drl",
                "rules/correlate/silences.drl",
                "rules/incidents/open-incident.drl",
                "rules/incidents/open-service-incident.drl",
                "rules/services/propagation.drl",
                "rules/services/service-alerts.drl",
                "rules/services/sla-alerts.drl");
        assertThat(ruleSet.version()).isEqualTo(RuleSet.of(ruleSet.sources()).version());
    }

    @Test
    void shouldGiveEventsNoLifeOfTheirOwnSoTheEngineTakesEachOutOnceItsRulesFired() {
        assertThat(EventRetirement.retiredByEngine(TestSession.ruleSet().newContainer().getKieBase())).isTrue();
    }
}
