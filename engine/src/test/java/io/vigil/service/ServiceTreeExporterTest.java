package io.vigil.service;

import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTreeExporterTest {

    @ParameterizedTest
    @ValueSource(strings = {"webapp", "web-application", "storage", "office", "auto", "nested", "shared", "cascade",
            "sla"})
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
}
