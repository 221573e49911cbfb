package io.vigil.reliability;

import io.vigil.reliability.check.Figures;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario's failed checks and figures. A scenario goes on after a failed check, so one run
 * reports every failed check; the figures are published whatever happens (an abort included),
 * and the test fails at the end listing all failed checks.
 */
final class ScenarioReport {

    final Figures figures;
    private final String scenario;
    private final RunSize size;
    private final List<String> failures = new ArrayList<>();

    ScenarioReport(String scenario, RunSize size) {
        this.scenario = scenario;
        this.size = size;
        this.figures = new Figures(scenario);
    }

    void fail(String failure) {
        failures.add(failure);
    }

    /** Runs the scenario, publishes the figures, then fails the test if any check failed. */
    void run(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException | Error e) {
            figures.add("aborted", e.toString().lines().findFirst().orElse(""));
            throw e;
        } finally {
            figures.add("failed checks", failures.size());
            failures.forEach(f -> figures.add("failed", f));
            figures.publish(size.output());
        }
        assertThat(failures).as("failed checks of %s (figures in %s)", scenario, size.output().resolve(scenario + ".txt")).isEmpty();
    }
}
