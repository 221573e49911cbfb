package io.vigil.service;

import io.vigil.alert.AlertSettings;
import io.vigil.alert.ConfirmationRule;
import io.vigil.alert.CorrelationDefinition;
import io.vigil.alert.Dependency;
import io.vigil.alert.FlappingSettings;
import io.vigil.alert.HeartbeatExpectation;
import io.vigil.alert.MatchTarget;
import io.vigil.alert.Matcher;
import io.vigil.alert.Matchers;
import io.vigil.alert.SilenceDefinition;
import io.vigil.testing.service.JavaSerialization;
import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vigil.service.DefinitionErrors.assertErrors;
import static org.assertj.core.api.Assertions.assertThat;

class CorrelationSectionsTest {

    private static final Matchers PROD_EU = matchers("env=\"prod\"", "region=~\"eu-.*\"");

    @Test
    void shouldReadEverySection() {
        CorrelationDefinition correlation = ServiceFixtures.definition("correlation-full").correlation();

        assertThat(correlation.confirmations()).containsExactly(
                new ConfirmationRule("http", "web01", PROD_EU, 2, Duration.ofSeconds(15)),
                new ConfirmationRule("http", null, Matchers.NONE, 3, Duration.ofMinutes(1)));
        assertThat(correlation.dependencies()).containsExactly(
                new Dependency("web01", List.of("router1", "switch2")), new Dependency("router1", List.of("core1")),
                new Dependency("switch2", List.of()), new Dependency("core1", List.of()));
        assertThat(correlation.heartbeats()).containsExactly(
                new HeartbeatExpectation("agent-01", null, Duration.ofMinutes(1)),
                new HeartbeatExpectation(null, "collector-eu", Duration.ofMinutes(5)));
        assertThat(correlation.flapping())
                .isEqualTo(new FlappingSettings(4, Duration.ofMinutes(15), Duration.ofMinutes(30)));
        assertThat(correlation.alerts()).isEqualTo(new AlertSettings(false));
        assertThat(correlation.silences()).containsExactly(new SilenceDefinition(
                matchers("resource=\"db01\"", "check=~\"disk|mysql\""), Instant.parse("2026-12-01T22:00:00Z"),
                Instant.parse("2026-12-02T02:00:00Z"), "alice", "storage migration"));
    }

    @Test
    void shouldReadJsonOfTheSameStructureToTheSameDefinition() {
        String json = "{\"services\": [], \"heartbeats\": [{\"source\": \"collector-eu\", \"interval\": \"5m\"}],"
                + " \"flapping\": {\"changes\": 3}, \"silences\": [{\"match\": [\"resource=\\\"db01\\\"\"],"
                + " \"start\": \"2026-12-01T23:00:00+01:00\", \"end\": \"2026-12-02T02:00:00Z\","
                + " \"creator\": \"alice\", \"comment\": \"storage migration\"}]}";

        assertThat(ServiceTreeParser.parse(json)).isEqualTo(ServiceTreeParser.parseYaml("services: []\n"
                + "heartbeats: [{source: collector-eu, interval: 5m}]\n"
                + "flapping: {changes: 3}\n"
                + "silences: [{match: ['resource=\"db01\"'], start: 2026-12-01T22:00:00Z, end: 2026-12-02T02:00:00Z,"
                + " creator: alice, comment: storage migration}]\n"));
    }

    @Test
    void shouldApplyDefaultsToAbsentSectionsAndKeys() {
        assertThat(ServiceFixtures.definition("webapp").correlation()).isEqualTo(CorrelationDefinition.EMPTY);
        CorrelationDefinition partial = ServiceTreeParser.parseYaml("services: []\nflapping: {changes: 3}\nalerts: {}\n")
                .correlation();

        assertThat(partial.flapping()).isEqualTo(new FlappingSettings(3, Duration.ofMinutes(10), Duration.ofMinutes(10)));
        assertThat(partial.alerts()).isEqualTo(AlertSettings.DEFAULT);
        assertThat(AlertSettings.DEFAULT.dropAcknowledgementOnWorse()).isTrue();
        assertThat(ServiceFixtures.definition("correlation-only").correlation().dependencies())
                .containsExactly(new Dependency("web01", List.of("router1")), new Dependency("router1", List.of()));
    }

    @Test
    void shouldCollectEveryProblemOfTheSections() {
        assertErrors(ServiceFixtures.text("error-correlation-values.yml"),
                "confirmation 1: missing key \"check\"",
                "confirmation 1: needed 1 must be at least 2",
                "confirmation 1: within \"soon\" is not a duration (e.g. 30s, 5m, 1h, 7d, 1w, 1mo)",
                "confirmation 2: unknown key \"colour\"",
                "confirmation 2: matcher \"foo\": expected name, operator (=, !=, =~, !~) and a quoted value",
                "confirmation 2: matcher \"check=~\\\"disk(\\\"\": invalid regex: Unclosed group near index 5",
                "confirmation 2: match item 4 is not a string: 7",
                "confirmation 2: needed 2.5 is not an integer",
                "confirmation 2: within \"0s\" must be longer than 0",
                "confirmation 3: missing key \"needed\"",
                "confirmation 3: missing key \"within\"",
                "confirmation 3: check \"\" must not be blank",
                "confirmation 3: match \"env\" is not a list",
                "dependency \"web01\": depends on itself",
                "dependency \"web01\": dependsOn names \"router1\" twice",
                "dependency \"web01\": dependsOn item 4 is not a resource name: \"\"",
                "dependency 3: missing key \"resource\"",
                "dependency 5 repeats resource \"app01\" (dependency 4)",
                "heartbeat 1: has both resource and source (exactly one is allowed)",
                "heartbeat 2: has neither resource nor source",
                "heartbeat 3: interval \"1 minute\" is not a duration (e.g. 30s, 5m, 1h, 7d, 1w, 1mo)",
                "heartbeat 5 repeats source \"collector-eu\" (heartbeat 4)",
                "heartbeat 6 is not a map: \"just-a-string\"",
                "unknown key \"window\" in flapping",
                "flapping changes 1 must be at least 2",
                "flapping within \"never\" is not a duration (e.g. 30s, 5m, 1h, 7d, 1w, 1mo)",
                "alerts dropAcknowledgementOnWorse \"yes\" is not true or false",
                "silence 1: match is empty (a silence must match something)",
                "silence 1: end 2026-12-01T22:00:00Z is not after start 2026-12-02T02:00:00Z",
                "silence 2: missing key \"comment\"",
                "silence 2: at least one matcher must not match the empty string",
                "silence 2: start \"tomorrow\" is not a timestamp (e.g. 2026-12-01T22:00:00Z)",
                "silence 2: creator \" \" must not be blank",
                "silence 3: missing key \"match\"",
                "silence 3: end 2026-12-01T22:00:00Z is not after start 2026-12-01T22:00:00Z",
                "dependency \"app01\": depends on unknown resource \"web01\" (give it a dependency entry, e.g."
                        + " {resource: web01, dependsOn: []}, or name it in a service)",
                "dependency \"app01\": depends on unknown resource \"switch2\" (give it a dependency entry, e.g."
                        + " {resource: switch2, dependsOn: []}, or name it in a service)");
    }

    @Test
    void shouldAcceptParentsSharedByTwoPathsAsNoCycle() {
        CorrelationDefinition diamond = ServiceTreeParser.parseYaml("services: []\ndependencies:\n"
                + "  - {resource: web01, dependsOn: [router1, router2]}\n"
                + "  - {resource: router1, dependsOn: [core1]}\n"
                + "  - {resource: router2, dependsOn: [core1]}\n"
                + "  - {resource: core1, dependsOn: []}\n").correlation();

        assertThat(diamond.parentsOf("router2")).containsExactly("core1");
    }

    @Test
    void shouldRejectSectionsOfTheWrongKindOrWithoutServices() {
        assertErrors("dependencies: []\n", "missing key \"services\" at top level");
        assertErrors("services: []\nsilences: {}\nflapping: [1]\ndependencies: web01\n",
                "dependencies \"web01\" is not a list", "flapping (a list) is not a map", "silences (a map) is not a list");
    }

    @Test
    void shouldFindTheFirstConfirmationRuleThatApplies() {
        CorrelationDefinition correlation = ServiceFixtures.definition("correlation-full").correlation();
        MatchTarget prodEu = target("web01", "http", Map.of("env", "prod", "region", "eu-west"));

        assertThat(correlation.confirmationFor("web01", "http", prodEu).needed()).isEqualTo(2);
        assertThat(correlation.confirmationFor("web01", "http", target("web01", "http", Map.of("env", "prod"))).needed())
                .isEqualTo(3);
        assertThat(correlation.confirmationFor("web02", "http", prodEu).needed()).isEqualTo(3);
        assertThat(correlation.confirmationFor("web01", "ping", prodEu)).isNull();
    }

    @Test
    void shouldAnswerTheSameAfterJavaSerialization() {
        CorrelationDefinition correlation = ServiceFixtures.definition("correlation-full").correlation();

        CorrelationDefinition copy = JavaSerialization.roundTrip(correlation);

        assertThat(copy).isEqualTo(correlation);
        assertThat(copy.parentsOf("web01")).containsExactly("router1", "switch2");
        assertThat(copy.confirmationFor("web01", "http", target("web01", "http", Map.of("env", "prod",
                "region", "eu-north")))).isEqualTo(correlation.confirmations().get(0));
    }

    @Test
    void shouldAnswerParentsAndHeartbeatIntervals() {
        CorrelationDefinition correlation = ServiceFixtures.definition("correlation-full").correlation();

        assertThat(correlation.parentsOf("web01")).containsExactly("router1", "switch2");
        assertThat(correlation.parentsOf("core1")).isEmpty();
        assertThat(correlation.heartbeatIntervalFor("agent-01", "collector-eu")).isEqualTo(Duration.ofMinutes(1));
        assertThat(correlation.heartbeatIntervalFor("agent-09", "collector-eu")).isEqualTo(Duration.ofMinutes(5));
        assertThat(correlation.heartbeatIntervalFor(null, "collector-eu")).isEqualTo(Duration.ofMinutes(5));
        assertThat(correlation.heartbeatIntervalFor("agent-09", "collector-us")).isNull();
    }

    @Test
    void shouldSilenceOnlyWhatMatchesWhileActive() {
        SilenceDefinition silence = ServiceFixtures.definition("correlation-full").correlation().silences().get(0);
        MatchTarget disk = target("db01", "disk", Map.of());

        assertThat(silence.silences(disk, Instant.parse("2026-12-01T22:00:00Z"))).isTrue();
        assertThat(silence.silences(disk, Instant.parse("2026-12-02T02:00:00Z"))).isFalse();
        assertThat(silence.silences(target("db01", "ping", Map.of()), Instant.parse("2026-12-01T23:00:00Z"))).isFalse();
    }

    @Test
    void shouldParseTheSampleDocuments() throws IOException {
        try (var samples = Files.list(Path.of("../samples/services"))) {
            List<Path> files = samples.filter(p -> p.toString().endsWith(".yml")).sorted().toList();

            assertThat(files).extracting(p -> p.getFileName().toString()).contains("correlation.yml", "shop.yml");
            for (Path file : files) {
                ServiceTreeDefinition tree = ServiceTreeParser.parse(Files.readString(file));
                assertThat(ServiceTreeParser.parse(ServiceTreeExporter.toYaml(tree))).as(file.toString()).isEqualTo(tree);
            }
        }
    }

    private static MatchTarget target(String resource, String check, Map<String, String> attributes) {
        return new MatchTarget("collector-eu", resource, check, null, "CRITICAL", null, attributes);
    }

    private static Matchers matchers(String... texts) {
        return new Matchers(List.of(texts).stream().map(Matcher::parse).toList());
    }

}
