package io.vigil.intake.syslog;

import io.vigil.model.EventDraft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RFC 5424 conformance table, {@code syslog/rfc5424-conformance.jsonl}: one case per line,
 * built from the RFC's ABNF and its examples (section 6.5, RFC 3339's), valid and invalid. A valid
 * case states every field of the event (time, source, resource, check, severity, all attributes,
 * message); an invalid one the exact reason the line is refused (and dead-lettered) with. The last
 * cases pin that RFC 3164 stays lenient while an RFC 5424 shaped line is never read as RFC 3164.
 */
class Rfc5424ConformanceTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-27T12:00:00Z");
    private static final String PEER = "192.0.2.1";
    private static final SyslogMessageParser parser = new SyslogMessageParser(ZoneOffset.UTC);

    static Stream<Arguments> cases() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                Rfc5424ConformanceTest.class.getResourceAsStream("/syslog/rfc5424-conformance.jsonl")),
                StandardCharsets.UTF_8))) {
            return in.lines().filter(line -> !line.isBlank()).map(json::readTree)
                    .map(node -> Arguments.of(node.get("case").asString(), node)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldReadEachCaseExactlyAsTheRfcSays(String name, JsonNode testCase) {
        byte[] line = testCase.get("line").asString().getBytes(StandardCharsets.UTF_8);
        if (testCase.has("reject")) {
            assertThatThrownBy(() -> parser.parse(line, "syslog-tcp", PEER, RECEIVED))
                    .isInstanceOf(SyslogParseException.class)
                    .hasMessage(testCase.get("reject").asString());
            return;
        }
        EventDraft draft = parser.parse(line, "syslog-tcp", PEER, RECEIVED);
        JsonNode expect = testCase.get("expect");
        assertThat(draft.occurredAt()).as("occurredAt").isEqualTo(Instant.parse(expect.get("occurredAt").asString()));
        assertThat(draft.source()).as("source").isEqualTo(expect.get("source").asString());
        assertThat(draft.resource()).as("resource").isEqualTo(expect.get("resource").asString());
        assertThat(draft.check()).as("check").isEqualTo(expect.get("check").asString());
        assertThat(draft.severity()).as("severity").hasToString(expect.get("severity").asString());
        assertThat(draft.status()).as("status: the rules derive it").isNull();
        Map<String, String> attributes = new LinkedHashMap<>();
        expect.get("attributes").properties().forEach(entry -> attributes.put(entry.getKey(), entry.getValue().asString()));
        assertThat(draft.attributes()).as("attributes").isEqualTo(attributes);
        assertThat(draft.message()).as("message").isEqualTo(expect.get("message").asString());
        assertThat(draft.transport()).isEqualTo("syslog-tcp");
    }
}
