package io.vigil.service;

import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static io.vigil.service.DefinitionErrors.assertErrors;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceTreeParserTest {

    @Test
    void shouldReadTheIssueExample() {
        ServiceTreeDefinition tree = ServiceFixtures.definition("webapp");

        assertThat(tree.services()).extracting(ServiceDefinition::name).containsExactly("webapp", "database", "office");
        assertThat(tree.service("webapp").orElseThrow()).isEqualTo(new ServiceDefinition("webapp", "Online store",
                "shop", ServiceMode.MANUAL, new BigDecimal("4"), new BigDecimal("6"), false, true,
                new SlaSettings(Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("95"), CompliesWhen.NORMAL),
                List.of(new ElementDefinition(ElementType.MODULE, "router1/ping", weights("3", "5"), false),
                        new ElementDefinition(ElementType.AGENT, "web01", weights("0.5", "1.2"), false),
                        new ElementDefinition(ElementType.SERVICE, "database", weights("3", "5"), false))));
        ServiceDefinition database = tree.service("database").orElseThrow();
        assertThat(database.mode()).isEqualTo(ServiceMode.AUTO);
        assertThat(database.warning()).isEqualTo(new BigDecimal("0.5"));
        assertThat(database.critical()).isEqualTo(BigDecimal.ONE);
        assertThat(database.elements()).extracting(ElementDefinition::weights).containsOnlyNulls();
        ServiceDefinition office = tree.service("office").orElseThrow();
        assertThat(office.quiet()).isTrue();
        assertThat(office.warning()).isNull();
        assertThat(office.group()).isNull();
        assertThat(office.elements()).extracting(ElementDefinition::critical).containsExactly(true, false);
    }

    @Test
    void shouldReadJsonOfTheSameStructureToTheSameDefinition() {
        String json = ServiceFixtures.text("webapp.json");

        assertThat(ServiceTreeParser.parseJson(json)).isEqualTo(ServiceFixtures.definition("webapp"));
        assertThat(ServiceTreeParser.parse(json)).isEqualTo(ServiceFixtures.definition("webapp"));
    }

    @Test
    void shouldApplyDefaults() {
        ServiceDefinition plain = ServiceTreeParser.parseYaml("services:\n  - name: plain\n    sla: {limit: 99.5}\n"
                + "    elements:\n      - module: a/b\n").services().get(0);

        assertThat(plain.mode()).isEqualTo(ServiceMode.MANUAL);
        assertThat(plain.description()).isEmpty();
        assertThat(plain.warning()).isEqualTo(new BigDecimal("0.5"));
        assertThat(plain.critical()).isEqualTo(BigDecimal.ONE);
        assertThat(plain.elements().get(0).weights()).isEqualTo(Weights.DEFAULT);
        assertThat(plain.sla()).isEqualTo(new SlaSettings(Duration.ofDays(30), Duration.ofMinutes(5),
                new BigDecimal("99.5"), CompliesWhen.NORMAL));
    }

    @Test
    void shouldReadYamlLiterallyWithoutYaml11Surprises() {
        ServiceTreeDefinition tree = ServiceTreeParser.parseYaml("services:\n  - name: no\n    mode: manual\n"
                + "    critical: 010\n    elements:\n      - agent: on\n        weights: {critical: 1.10}\n");

        ServiceDefinition service = tree.services().get(0);
        assertThat(service.name()).isEqualTo("no");
        assertThat(service.critical()).isEqualTo(BigDecimal.TEN);
        assertThat(service.elements().get(0).name()).isEqualTo("on");
        assertThat(service.elements().get(0).weights().critical()).isEqualTo(new BigDecimal("1.1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "error-unknown-key.yml    | service \"webapp\": unknown key \"weight\" in element 2",
        "error-bad-mode.yml       | service \"office\": mode \"fancy\" is not one of manual, auto, simple",
        "error-cycle-direct.yml   | service cycle: webapp -> webapp",
        "error-cycle-ancestor.yml | service cycle: webapp -> database -> webapp",
        "error-cycle-deep.yml     | service cycle: frontend -> backend -> storage -> frontend",
        "error-syntax.yml         | invalid yaml at line 3, column 5: found duplicate key name",
        "error-correlation-self.yml         | dependency \"web01\": depends on itself",
        "error-correlation-cycle-direct.yml | dependency cycle: web01 -> router1 -> web01",
        "error-correlation-cycle-deep.yml   | dependency cycle: web01 -> router1 -> switch2 -> core1 -> web01",
    })
    void shouldRejectWithOneExactError(String fixture, String error) {
        assertErrors(ServiceFixtures.text(fixture), error);
    }

    @Test
    void shouldRejectWeightsAndFlagsOutsideTheirMode() {
        assertErrors(ServiceFixtures.text("error-modes.yml"),
                "service \"mail\": warning 2 is not allowed in auto mode",
                "service \"mail\": weights in element 1 are not allowed in auto mode",
                "service \"mail\": critical true in element 2 is not allowed in auto mode",
                "service \"office\": critical 3 is not allowed in simple mode",
                "service \"office\": weights in element 1 are not allowed in simple mode",
                "service \"web\": critical false in element 1 is not allowed in manual mode");
    }

    @Test
    void shouldCollectEveryProblemOfADocument() {
        assertErrors(ServiceFixtures.text("error-values.yml"),
                "unknown key \"colour\" at top level",
                "service \"webapp\": warning 7 is greater than critical 6",
                "service \"webapp\": quiet \"yes\" is not true or false",
                "service \"webapp\": unknown key \"window\" in sla",
                "service \"webapp\": sla interval \"5 min\" is not a duration (e.g. 30s, 5m, 1h, 7d, 1w, 1mo)",
                "service \"webapp\": sla samplePeriod \"0s\" must be longer than 0",
                "service \"webapp\": sla limit 101 is not between 0 and 100",
                "service \"webapp\": sla compliesWhen \"ok\" is not one of NORMAL, NORMAL_OR_WARNING",
                "service \"webapp\": module \"router1\" in element 1 is not resource/check",
                "service \"webapp\": unknown key \"crit\" in weights of element 2",
                "service \"webapp\": weight warning \"high\" in element 2 is not a number",
                "service \"webapp\": weight critical -1 in element 2 is negative",
                "service \"webapp\": weight unknown 0.0001 in element 2 has more than 3 decimals",
                "service \"webapp\": element 4 repeats agent \"web01\" (element 2)",
                "service \"webapp\": element 5 has more than one of module, agent, service",
                "service \"webapp\": element 6 has none of module, agent, service",
                "service \"webapp\": element 7 is not a map: \"just-a-string\"",
                "service 3: missing key \"name\"",
                "service \"shop\": warning 0 must be greater than 0",
                "service \"shop\": sla samplePeriod 2h is longer than interval 1h",
                "duplicate service name \"webapp\"",
                "service \"webapp\": element 3 names undefined service \"databse\"");
    }

    @Test
    void shouldRejectWhatIsNotAServiceTree() {
        assertErrors("", "a service tree must be a map with the key \"services\", not an empty document");
        assertErrors("- name: webapp\n", "a service tree must be a map with the key \"services\", not (a list)");
        assertErrors("service: []\n", "unknown key \"service\" at top level", "missing key \"services\" at top level");
        assertErrors("services: webapp\n", "services \"webapp\" is not a list");
        assertErrors("services:\n  - name: a/b\n  - name: \" b\"\n",
                "service \"a/b\": name \"a/b\" must not contain \"/\"",
                "service \" b\": name \" b\" must not start or end with spaces");
        assertErrors("services:\n  - name: x\n    sla: {interval: 1w, samplePeriod: 1s, limit: 90}\n",
                "service \"x\": sla interval 1w holds 604800 samples of 1s, more than 100000");
    }

    @Test
    void shouldRejectBadJson() {
        assertErrors("{\"services\": [{\"name\": \"a\", \"name\": \"b\"}]}",
                "invalid json at line 1, column 35: Duplicate Object property \"name\"");
        assertErrors("{\"services\": [{\"name\": \"a\", \"mode\": \"fancy\"}]}",
                "service \"a\": mode \"fancy\" is not one of manual, auto, simple");
    }


    private static Weights weights(String warning, String critical) {
        return new Weights(BigDecimal.ZERO, new BigDecimal(warning), new BigDecimal(critical), BigDecimal.ZERO);
    }
}
