package io.vigil.session.replay;

import io.vigil.session.ProbeRules;
import io.vigil.session.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule-test runner on the probe rules: what passes, and how each kind of miss is reported. */
class RuleTestsTest {

    private static final String EVENTS = """
            events:
              - { occurredAt: "2026-01-05T10:00:05Z", source: t, resource: web01, check: probe, status: WARNING }
              - { occurredAt: "2026-01-05T10:00:00Z", source: t, resource: web02, check: probe }
            """;

    private static RuleTestResult run(String test) {
        Map<String, String> sources = new TreeMap<>(ProbeRules.RULES.sources());
        sources.put("rule-tests/probe.yml", test);
        RuleSet ruleSet = RuleSet.of(sources);
        List<RuleTestResult> results = RuleTests.run(ruleSet);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void shouldPassWhenEveryExpectedEntryMatchesOnTheFieldsItNames() {
        RuleTestResult result = run("description: probes are tagged\n" + EVENTS + """
                expect:
                  - at: "2026-01-05T10:00:01Z"
                    classifications: [ { event: 1, category: probe } ]
                  - classifications:
                      - { event: 2, category: probe, status: WARNING }
                      - { event: 1 }
                    alerts: []
                """);

        assertThat(result).isEqualTo(new RuleTestResult("rule-tests/probe.yml", "probes are tagged", true, List.of()));
    }

    @Test
    void shouldSayWhatWasFoundInsteadOfEachMissedEntry() {
        RuleTestResult result = run(EVENTS + """
                expect:
                  - at: "2026-01-05T10:00:01Z"
                    classifications:
                      - { event: 1, category: other }
                      - { event: 2 }
                  - classifications: [ { event: 2, categry: probe } ]
                    elements: [ { resource: web01, status: WARNING } ]
                """);

        assertThat(result.passed()).isFalse();
        assertThat(result.differences()).containsExactly(
                "at 2026-01-05T10:00:01Z: expected classifications entry {\"event\":1,\"category\":\"other\"}; the closest,"
                        + " {\"event\":1,\"category\":\"probe\",\"status\":null}: category is \"probe\", expected \"other\"",
                "at 2026-01-05T10:00:01Z: expected classifications entry {\"event\":2}, found"
                        + " [{\"event\":1,\"category\":\"probe\",\"status\":null}]",
                "after the last event: classifications have no field categry (they have event, category, status)",
                "after the last event: expected elements entry {\"resource\":\"web01\",\"status\":\"WARNING\"}, found no"
                        + " elements");
    }

    @Test
    void shouldReportEveryProblemOfATestThatDoesNotRead() {
        RuleTestResult result = run("""
                events: [ "not a map" ]
                expect:
                  - at: yesterday
                    alerts: [ 3 ]
                  - {}
                extra: 1
                """);

        assertThat(result.passed()).isFalse();
        assertThat(result.differences()).containsExactly(
                "unknown key \"extra\" at top level",
                "events[0]: an event is a map of its fields (resource, check, status, …), not \"not a map\"",
                "expect[0].at: \"yesterday\" is not a timestamp (e.g. 2026-12-01T22:00:00Z)",
                "expect[0].alerts[0]: an expected entry is a map of the fields it cares about, not 3",
                "expect[1]: expects nothing (give at least one of [classifications, elements, alerts, incidents, services])");
    }

    @Test
    void shouldNameTheEventThatIsNotValid() {
        RuleTestResult result = run("""
                description: no source
                events: [ { resource: web01, check: probe } ]
                expect: [ { alerts: [] } ]
                """);

        assertThat(result).isEqualTo(new RuleTestResult("rule-tests/probe.yml", "no source", false,
                List.of("events[0]: source: required field is missing")));
    }
}
