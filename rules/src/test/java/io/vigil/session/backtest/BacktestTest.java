package io.vigil.session.backtest;

import io.vigil.model.Event;
import io.vigil.model.Status;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.session.RuleSet;
import io.vigil.testing.engine.RuleSetVariants;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Two versions of the real rules side by side on the same events: only what the change changes shows. */
class BacktestTest {

    private static final long T0 = TestSession.START.toEpochMilli();

    private static Event event(long id, String resource, String check, Status status) {
        return new Event(id, T0 + id * 1_000, T0 + id * 1_000, "rest", "nagios", resource, check, status, null,
                "report " + id, Map.of());
    }

    private static final List<Event> EVENTS = List.of(event(1, "db01", "disk", Status.WARNING),
            event(2, "web01", "sshd", Status.NORMAL), event(3, "db02", "disk", Status.CRITICAL),
            event(4, "db01", "disk", Status.NORMAL), event(5, "web01", "nginx", Status.CRITICAL));

    private static BacktestResult backtest(RuleSet candidate) {
        try (Backtest backtest = new Backtest(TestSession.ruleSet(), candidate, ServiceTreeDefinition.EMPTY, T0,
                Duration.ofMinutes(15))) {
            backtest.run(EVENTS.subList(0, 2));
            backtest.run(EVENTS.subList(2, 5));
            return backtest.result();
        }
    }

    @Test
    void shouldShowExactlyTheEventsAVersionReclassifies() {
        BacktestResult result = backtest(RuleSetVariants.disksAreStorage(TestSession.ruleSet()));

        assertThat(result.events()).isEqualTo(5);
        assertThat(result.classifiedDifferently()).isEqualTo(3);
        assertThat(result.classifications()).containsExactly(
                new BacktestResult.ClassificationChange("hardware/CRITICAL", "storage/CRITICAL", 1,
                        List.of(new BacktestResult.Example(3, "db02", "disk", "report 3"))),
                new BacktestResult.ClassificationChange("hardware/NORMAL", "storage/NORMAL", 1,
                        List.of(new BacktestResult.Example(4, "db01", "disk", "report 4"))),
                new BacktestResult.ClassificationChange("hardware/WARNING", "storage/WARNING", 1,
                        List.of(new BacktestResult.Example(1, "db01", "disk", "report 1"))));
        assertThat(result.alerts()).as("alerts do not depend on the category").isEmpty();
        assertThat(result.incidents()).isEmpty();
        assertThat(result.services()).isEmpty();
    }

    @Test
    void shouldShowTheIncidentsAVersionWouldNotHaveOpened() {
        Map<String, String> sources = new TreeMap<>(TestSession.ruleSet().sources());
        sources.remove("rules/incidents/open-incident.drl");

        BacktestResult result = backtest(RuleSet.of(sources));

        assertThat(result.classifications()).isEmpty();
        assertThat(result.incidents()).containsExactly(new BacktestResult.CountChange("db02/disk", 1, 0),
                new BacktestResult.CountChange("web01/nginx", 1, 0));
        assertThat(result.baseline()).isEqualTo(TestSession.ruleSet().version());
    }
}
