package io.vigil.service;

import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTreeExporterTest {

    @ParameterizedTest
    @ValueSource(strings = {"webapp", "web-application", "storage", "office", "auto", "nested", "shared", "cascade",
            "sla", "correlation-full", "correlation-only"})
    void shouldReadBackWhatItWrites(String fixture) {
        ServiceTreeDefinition tree = ServiceFixtures.definition(fixture);

        assertThat(ServiceTreeParser.parseYaml(ServiceTreeExporter.toYaml(tree))).isEqualTo(tree);
    }

    @Test
    void shouldWriteOnlyWhatDiffersFromTheDefaults() {
        String yaml = ServiceTreeExporter.toYaml(ServiceTreeParser.parseYaml("services:\n"
                + "  - {name: shop, warning: 4.50, critical: 6, quiet: false, sla: {limit: 95, interval: 7d},"
                + " elements: [{agent: web01, weights: {critical: 1.2}}, {module: db1/mysql}]}\n"
                + "  - {name: office, mode: simple, elements: [{agent: router1, critical: true}]}\n"));

        assertThat(yaml).isEqualTo("services:\n"
                + "  - name: shop\n"
                + "    mode: manual\n"
                + "    warning: 4.5\n"
                + "    critical: 6\n"
                + "    sla:\n"
                + "      interval: 1w\n"
                + "      samplePeriod: 5m\n"
                + "      limit: 95\n"
                + "      compliesWhen: NORMAL\n"
                + "    elements:\n"
                + "      - agent: web01\n"
                + "        weights:\n"
                + "          critical: 1.2\n"
                + "      - module: db1/mysql\n"
                + "  - name: office\n"
                + "    mode: simple\n"
                + "    elements:\n"
                + "      - agent: router1\n"
                + "        critical: true\n");
    }

    @Test
    void shouldWriteTheCorrelationSectionsCanonicallyAndLeaveOutDefaults() {
        String yaml = ServiceTreeExporter.toYaml(ServiceTreeParser.parseYaml("services: []\n"
                + "silences: [{comment: move, creator: bob, end: '2026-12-02T03:00:00+01:00',"
                + " start: 2026-12-01T22:00:00Z, match: ['check =~ \"disk|mysql\"']}]\n"
                + "flapping: {changes: 5, within: 600s, quietFor: 10m}\n"
                + "alerts: {dropAcknowledgementOnWorse: true}\n"
                + "heartbeats: [{source: collector-eu, interval: 90s}]\n"
                + "dependencies: [{dependsOn: [router1], resource: web01}, {resource: router1, dependsOn: []}]\n"
                + "confirmations: [{within: 15s, needed: 2.0, check: http}]\n"));

        assertThat(yaml).isEqualTo("services: []\n"
                + "confirmations:\n"
                + "  - check: http\n"
                + "    needed: 2\n"
                + "    within: 15s\n"
                + "dependencies:\n"
                + "  - resource: web01\n"
                + "    dependsOn:\n"
                + "      - router1\n"
                + "  - resource: router1\n"
                + "    dependsOn: []\n"
                + "heartbeats:\n"
                + "  - source: collector-eu\n"
                + "    interval: 1m30s\n"
                + "silences:\n"
                + "  - match:\n"
                + "      - check=~\"disk|mysql\"\n"
                + "    start: '2026-12-01T22:00:00Z'\n"
                + "    end: '2026-12-02T02:00:00Z'\n"
                + "    creator: bob\n"
                + "    comment: move\n");
    }
}
