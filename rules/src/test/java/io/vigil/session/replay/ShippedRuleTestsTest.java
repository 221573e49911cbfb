package io.vigil.session.replay;

import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule tests shipped with the rules (rules/src/main/resources/rule-tests) pass on them. */
class ShippedRuleTestsTest {

    @Test
    void shouldPassEveryShippedRuleTest() {
        List<RuleTestResult> results = RuleTests.run(TestSession.ruleSet());

        assertThat(results).extracting(RuleTestResult::file).containsExactly(
                "rule-tests/classify/categories.yml", "rule-tests/correlate/deduplication.yml",
                "rule-tests/incidents/critical-opens-and-escalates.yml", "rule-tests/services/critical-element.yml");
        assertThat(results).allSatisfy(result -> assertThat(result.differences()).as(result.file()).isEmpty())
                .allMatch(RuleTestResult::passed);
    }
}
