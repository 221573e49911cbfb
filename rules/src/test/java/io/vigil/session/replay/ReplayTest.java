package io.vigil.session.replay;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay on the real rules and processes (hence in this module). */
class ReplayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        assertThat(lines).extracting(line -> line.has("kind") ? line.get("kind").asString() : "summary").containsExactly(
                "element-status-changed", "event-classified",
                "element-status-changed", "incident-opened", "incident-task-opened", "event-classified",
                "element-status-changed", "event-classified",
                "incident-escalated", "incident-escalated",
                "summary");
        JsonNode opened = lines.get(3);
        assertThat(opened.get("incidentId").asLong()).isEqualTo(1);
        assertThat(opened.get("title").asString()).isEqualTo("db01/disk is CRITICAL");
        assertThat(opened.get("eventId").asLong()).as("events are numbered in time order").isEqualTo(2);
        assertThat(opened.get("at").asLong()).isEqualTo(Instant.parse("2026-01-05T10:05:00Z").toEpochMilli());
        assertThat(lines.get(9).get("level").asInt()).isEqualTo(2);
        assertThat(lines.get(9).get("at").asLong()).isEqualTo(Instant.parse("2026-01-05T10:35:00Z").toEpochMilli());
        assertThat(lines.get(10)).isEqualTo(JSON.readTree("""
                {"summary":{"events":3,
                  "elements":[{"resource":"db01","check":"disk","status":"CRITICAL"},
                              {"resource":"web01","check":"sshd","status":"NORMAL"}],
                  "incidents":[{"id":1,"resource":"db01","check":"disk","state":"OPEN","escalationLevel":2}],
                  "firings":12}}"""));
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
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("replay: --events is required\n" + ReplayOptions.USAGE + "\n");
    }

    @Test
    void shouldSayWhenTheEventsFileDoesNotExist() {
        int exit = replay("--events", "no-such-file.jsonl");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("replay: events file \"no-such-file.jsonl\" does not exist\n");
    }
}
