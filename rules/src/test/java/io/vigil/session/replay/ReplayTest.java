package io.vigil.session.replay;

import io.vigil.testing.engine.RuleSetVariants;
import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay on the real rules and processes (hence in this module). */
class ReplayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tempDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int replay(String... args) {
        return Replay.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(ReplayTest.class.getResource("/replay/" + name).toURI()).toString();
    }

    private List<JsonNode> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    @Test
    void shouldOpenAnIncidentAndEscalateItTwiceUntilTheGivenTime() throws Exception {
        int exit = replay("--events", fixture("escalating-disk.jsonl"), "--until", "2026-01-05T10:36:00Z",
                "--escalate-after", "15m");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> lines = lines();
        // Per event in time order; within one event's batch, rules of equal salience may fire in either order.
        assertThat(lines.subList(0, 2)).extracting(line -> line.get("kind").asString())
                .containsExactly("element-status-changed", "event-classified");
        assertThat(lines.subList(2, 7)).extracting(line -> line.get("kind").asString()).containsExactlyInAnyOrder(
                "element-status-changed", "event-classified", "alert-opened", "incident-opened", "incident-task-opened");
        assertThat(lines.subList(7, 9)).extracting(line -> line.get("kind").asString())
                .containsExactly("element-status-changed", "event-classified");
        assertThat(lines.subList(9, 12)).extracting(line -> line.has("kind") ? line.get("kind").asString() : "summary")
                .containsExactly("incident-escalated", "incident-escalated", "summary");
        JsonNode opened = kind("incident-opened").get(0);
        assertThat(opened.get("incidentId").asLong()).isEqualTo(1);
        assertThat(opened.get("title").asString()).isEqualTo("db01/disk is CRITICAL");
        assertThat(opened.get("eventId").asLong()).as("events are numbered in time order").isEqualTo(2);
        assertThat(opened.get("at").asLong()).isEqualTo(Instant.parse("2026-01-05T10:05:00Z").toEpochMilli());
        assertThat(lines.get(10).get("level").asInt()).isEqualTo(2);
        assertThat(lines.get(10).get("at").asLong()).isEqualTo(Instant.parse("2026-01-05T10:35:00Z").toEpochMilli());
        assertThat(lines.get(11)).isEqualTo(JSON.readTree("""
                {"summary":{"events":3,
                  "elements":[{"resource":"db01","check":"disk","status":"CRITICAL"},
                              {"resource":"web01","check":"sshd","status":"NORMAL"}],
                  "alerts":[{"id":1,"key":"db01/disk","kind":"EVENT","state":"OPEN","status":"CRITICAL","count":1,
                             "confirmed":true,"suppressedBy":null,"silenced":null,"flapping":false}],
                  "incidents":[{"id":1,"resource":"db01","check":"disk","state":"OPEN","escalationLevel":2}],
                  "services":[],
                  "notifications":{"total":0,"allClear":0},
                  "firings":16}}"""));
    }

    @Test
    void shouldRunTheShippedRuleTestsAndPassThem() {
        assertThat(replay("--tests")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> results = lines();
        assertThat(results.get(results.size() - 1)).isEqualTo(JSON.readTree("{\"tests\":4,\"passed\":4,\"failed\":0}"));
    }

    /** An analyst's copy of the rules, changed, run offline from a directory as a rule repository would be. */
    @Test
    void shouldRunTheRulesOfADirectoryInsteadOfTheShippedOnes() throws Exception {
        Path rules = tempDir.resolve("rule-repo");
        io.vigil.session.RuleSet.fromClasspath().sources().forEach((path, source) -> {
            try {
                Files.createDirectories(rules.resolve(path).getParent());
                Files.writeString(rules.resolve(path), RuleSetVariants.disksAreStorage(source));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        int exit = replay("--events", fixture("escalating-disk.jsonl"), "--rules", rules.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(kind("event-classified")).filteredOn(c -> c.get("eventId").asLong() == 2)
                .extracting(c -> c.get("category").asString()).containsExactly("storage");

        out.reset();
        assertThat(replay("--rules", rules.toString(), "--tests")).as("the shipped test expects hardware").isEqualTo(1);
        List<JsonNode> results = lines();
        assertThat(results.get(0).get("file").asString()).isEqualTo("rule-tests/classify/categories.yml");
        assertThat(results.get(0).get("passed").asBoolean()).isFalse();
        assertThat(results.get(0).get("differences").get(0).asString()).isEqualTo("after the last event: expected"
                + " classifications entry {\"event\":2,\"category\":\"hardware\",\"status\":\"WARNING\"}; the closest,"
                + " {\"event\":2,\"category\":\"storage\",\"status\":\"WARNING\"}: category is \"storage\", expected \"hardware\"");
        assertThat(results.get(results.size() - 1)).isEqualTo(JSON.readTree("{\"tests\":4,\"passed\":3,\"failed\":1}"));

        Files.writeString(rules.resolve("rules/classify/event-category.drl"), "package rules.classify\nrule \"Broken\"\nwhen\n");
        err.reset();
        assertThat(replay("--events", fixture("escalating-disk.jsonl"), "--rules", rules.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replay: rule set does not compile:\n"
                + "rules/classify/event-category.drl:4:1: [ERR 102] Line 4:0 mismatched input '<eof>' in rule \"Broken\"\n");
    }

    @Test
    void shouldPrintTheNotificationsThePoliciesDecideAndCountThem() throws Exception {
        // The sample's schedule starts in November 2026: in January nobody is on call, so level 1
        // reaches the webhook only and level 2 (after 5 minutes) bob and the ops list.
        int exit = replay("--events", fixture("escalating-disk.jsonl"), "--policies", "../samples/policies/default.yml",
                "--until", "2026-01-05T10:36:00Z");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> notifications = kind("notification");
        assertThat(notifications).extracting(n -> n.get("recipient").asString() + " level " + n.get("level").asInt()
                        + " at " + Instant.ofEpochMilli(n.get("decidedAt").asLong()))
                .containsExactly("channel:ops-webhook level 1 at 2026-01-05T10:05:30Z",
                        "user:bob level 2 at 2026-01-05T10:10:30Z", "channel:ops-list level 2 at 2026-01-05T10:10:30Z");
        JsonNode first = notifications.get(0);
        assertThat(first.get("channelType").asString()).isEqualTo("WEBHOOK");
        assertThat(first.get("incidentIds").get(0).asLong()).isEqualTo(1);
        assertThat(first.get("alertIds").get(0).asLong()).isEqualTo(1);
        assertThat(first.get("allClear").asBoolean()).isFalse();
        assertThat(first.has("settings")).as("the webhook's secret is never printed").isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("change-me");
        assertThat(summary().get("notifications")).isEqualTo(JSON.readTree("{\"total\":3,\"allClear\":0}"));
    }

    @Test
    void shouldRefuseAPoliciesFileWithEveryProblemNamed() throws Exception {
        Path bad = Files.createTempFile("policies", ".yml");
        Files.writeString(bad, "policies:\n  - name: p\n    levels:\n      - notify: [user:nobody]\n");

        int exit = replay("--events", fixture("escalating-disk.jsonl"), "--policies", bad.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replay: policies file \"" + bad + "\"",
                "policies[0].levels[0].notify[0]: unknown user \"nobody\"");
    }

    @Test
    void shouldStopAtTheLastEventWithoutUntil() throws Exception {
        int exit = replay("--events", fixture("escalating-disk.jsonl"));

        assertThat(exit).isZero();
        assertThat(lines()).noneMatch(line -> line.has("kind") && line.get("kind").asString().equals("incident-escalated"));
    }

    @Test
    void shouldNameTheLineAndFieldOfBadInput() throws Exception {
        int exit = replay("--events", fixture("bad-status.jsonl"));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "bad-status.jsonl line 2: status: unknown status \"BROKEN\" (expected NORMAL, WARNING, CRITICAL or UNKNOWN)");
    }

    @Test
    void shouldExplainUsageForBadArguments() {
        int exit = replay("--until", "2026-01-05T10:36:00Z");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("replay: --events is required (or --tests to run the rule tests)\n" + ReplayOptions.USAGE + "\n");
    }

    @Test
    void shouldSayWhenTheEventsFileDoesNotExist() {
        int exit = replay("--events", "no-such-file.jsonl");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("replay: events file \"no-such-file.jsonl\" does not exist\n");
    }

    private String servicesFile(String fixture) throws IOException {
        Path file = tempDir.resolve(fixture + ".yml");
        Files.writeString(file, ServiceFixtures.text(fixture + ".yml"));
        return file.toString();
    }

    private List<JsonNode> kind(String kind) {
        return lines().stream().filter(line -> line.has("kind") && line.get("kind").asString().equals(kind)).toList();
    }

    private JsonNode summary() {
        List<JsonNode> lines = lines();
        return lines.get(lines.size() - 1).get("summary");
    }

    @Test
    void shouldConfirmAnOutageFromTheServicesFilesConfirmationsAndListTheAlerts() throws Exception {
        int exit = replay("--events", fixture("outage-from-three-locations.jsonl"), "--services",
                servicesFile("correlate-confirmation"), "--until", "2026-01-05T10:01:00Z");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(kind("alert-confirmed")).singleElement().satisfies(line ->
                assertThat(line.get("at").asLong()).isEqualTo(Instant.parse("2026-01-05T10:00:12Z").toEpochMilli()));
        assertThat(kind("alert-not-confirmed")).singleElement().satisfies(line ->
                assertThat(line.get("alert").get("key").asString()).isEqualTo("web02/http"));
        assertThat(kind("incident-opened")).extracting(line -> line.get("resource").asString()).containsExactly("web01");
        assertThat(summary().get("alerts").values().stream().map(a -> a.get("key").asString() + " "
                + a.get("state").asString() + " confirmed=" + a.get("confirmed").asBoolean()).toList())
                .containsExactly("web01/http OPEN confirmed=true", "web02/http CLEARED confirmed=false");
    }

    @Test
    void shouldComputeTheSeedWebApplicationExampleFromAServiceTreeFile() throws Exception {
        int exit = replay("--events", fixture("web-application.jsonl"), "--services", servicesFile("web-application"));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(kind("service-tree-replaced")).singleElement()
                .satisfies(line -> assertThat(line.get("services").asInt()).isEqualTo(1));
        assertThat(kind("service-status-changed")).extracting(line -> line.get("value").asString() + " "
                + line.get("status").asString()).containsExactly("1.2 NORMAL", "3.2 NORMAL", "4.4 WARNING", "9.4 CRITICAL");
        assertThat(summary().get("services")).isEqualTo(JSON.readTree("""
                [{"name":"web-application","status":"CRITICAL","value":9.4,"sla":null}]"""));
    }

    @Test
    void shouldSampleTheSlaAsTheEngineDoesAndPrintTheCompliance() throws Exception {
        int exit = replay("--events", fixture("sla-one-failing-sample.jsonl"), "--services", servicesFile("sla"),
                "--until", "2026-01-05T11:00:00Z");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> webshop = kind("sla-sampled").stream()
                .filter(line -> line.get("service").asString().equals("webshop")).toList();
        assertThat(webshop).extracting(line -> line.get("compliance").asDouble()).containsExactly(
                100.0, 100.0, 100.0, 100.0, 100.0, 83.33, 85.71, 87.5, 88.89, 90.0, 90.91, 91.67);
        assertThat(kind("sla-alert")).singleElement().satisfies(alert ->
                assertThat(alert.get("compliance").asDouble()).isEqualTo(83.33));
        assertThat(summary().get("services")).isEqualTo(JSON.readTree("""
                [{"name":"webshop","status":"NORMAL","value":0,"sla":{"compliance":91.67,"status":"INCORRECT"}},
                 {"name":"intranet","status":"UNKNOWN","value":0,"sla":{"compliance":null,"status":"N/A"}},
                 {"name":"backoffice","status":"UNKNOWN","value":0,"sla":null}]"""));
    }

    @Test
    void shouldNameTheServicesFileAndItsProblem() throws Exception {
        Path file = tempDir.resolve("bad.yml");
        Files.writeString(file, "services:\n  - name: a\n    mode: sometimes\n");

        int exit = replay("--events", fixture("web-application.jsonl"), "--services", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("replay: services file \"" + file + "\": ")
                .contains("sometimes");
    }
}
