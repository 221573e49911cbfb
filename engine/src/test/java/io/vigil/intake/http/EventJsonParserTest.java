package io.vigil.intake.http;

import io.vigil.intake.IntakeFixtures;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventJsonParserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T06:30:00Z");
    private final EventJsonParser parser = new EventJsonParser(Clock.fixed(NOW, ZoneOffset.UTC), EventLimits.DEFAULT);
    /** Events of at most 1 KiB. */
    private final EventJsonParser small = new EventJsonParser(Clock.fixed(NOW, ZoneOffset.UTC), new EventLimits(10, 1024));

    @Test
    void shouldParseEveryFieldOfASingleObject() {
        byte[] body = IntakeFixtures.bytes("full-event.json");

        List<EventDraft> drafts = parser.parseBody(body, "rest");

        assertThat(drafts).containsExactly(new EventDraft(NOW, Instant.parse("2026-11-21T06:30:00.250Z"), "rest",
                "zabbix-eu", "web01.example.com", "cpu", Status.CRITICAL, Severity.ERROR,
                "CPU load 97% for 5 minutes — über threshold", Map.of("team", "web", "region", "eu-west-1"),
                new String(body, StandardCharsets.UTF_8).trim()));
    }

    @Test
    void shouldDefaultCheckAndOccurredAtAndLeaveTheRestEmpty() {
        EventDraft draft = parseOne("{\"source\":\"a\",\"resource\":\"r\"}");

        assertThat(draft).isEqualTo(new EventDraft(NOW, NOW, "rest", "a", "r", "event", null, null, null, Map.of(),
                "{\"source\":\"a\",\"resource\":\"r\"}"));
    }

    @Test
    void shouldTreatNullOptionalFieldsAsAbsent() {
        EventDraft draft = parseOne("{\"source\":\"a\",\"resource\":\"r\",\"check\":null,\"status\":null,"
                + "\"severity\":null,\"message\":null,\"occurredAt\":null,\"attributes\":null}");

        assertThat(draft.check()).isEqualTo("event");
        assertThat(draft.occurredAt()).isEqualTo(NOW);
        assertThat(draft.status()).isNull();
        assertThat(draft.severity()).isNull();
        assertThat(draft.attributes()).isEmpty();
    }

    @Test
    void shouldParseAnArrayKeepingEachObjectsExactText() {
        List<EventDraft> drafts = parser.parseBody(IntakeFixtures.bytes("three-events.json"), "rest");

        assertThat(drafts).extracting(EventDraft::raw).containsExactly(
                "{\"source\": \"ci\", \"resource\": \"build-7\", \"message\": \"naïve ☃ check\"}",
                "{\"source\": \"ci\", \"resource\": \"build-8\", \"severity\": 4, \"attributes\": {}}",
                "{\"source\": \"ci\", \"resource\": \"build-9\", \"check\": \"deploy\", \"status\": \"Normal\", "
                        + "\"occurredAt\": \"2026-11-21T06:00:00Z\"}");
        assertThat(drafts).extracting(EventDraft::resource).containsExactly("build-7", "build-8", "build-9");
        assertThat(drafts.get(0).message()).isEqualTo("naïve ☃ check");
        assertThat(drafts.get(1).severity()).isEqualTo(Severity.WARNING);
        assertThat(drafts.get(2).status()).isEqualTo(Status.NORMAL);
        assertThat(drafts.get(2).occurredAt()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
    }

    @Test
    void shouldAcceptStatusInAnyCase() {
        assertThat(parseOne(event("\"status\":\"wArNiNg\"")).status()).isEqualTo(Status.WARNING);
        assertThat(parseOne(event("\"status\":\"UNKNOWN\"")).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void shouldRefuseAnUnknownStatusNamingIndexFieldAndValue() {
        String body = "[" + event("") + "," + event("") + "," + event("") + "," + event("\"status\":\"BROKEN\"") + "]";

        EventValidationException e = refused(body);

        assertThat(e).hasMessage("events[3].status: unknown status \"BROKEN\" (expected NORMAL, WARNING, CRITICAL or UNKNOWN)");
        assertThat(e.getErrors()).containsExactly(new FieldError(3, "status", "BROKEN",
                "unknown status \"BROKEN\" (expected NORMAL, WARNING, CRITICAL or UNKNOWN)"));
    }

    @Test
    void shouldAcceptSeverityNamesShortFormsAndCodes() {
        assertThat(parseOne(event("\"severity\":\"emerg\"")).severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(parseOne(event("\"severity\":\"Warn\"")).severity()).isEqualTo(Severity.WARNING);
        assertThat(parseOne(event("\"severity\":\"informational\"")).severity()).isEqualTo(Severity.INFORMATIONAL);
        assertThat(parseOne(event("\"severity\":\"3\"")).severity()).isEqualTo(Severity.ERROR);
        assertThat(parseOne(event("\"severity\":0")).severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(parseOne(event("\"severity\":7")).severity()).isEqualTo(Severity.DEBUG);
    }

    @Test
    void shouldRefuseSeverityOutOfRangeOrOfTheWrongType() {
        assertThat(refused(event("\"severity\":8"))).hasMessage("severity: severity code 8 is out of range 0..7");
        assertThat(refused(event("\"severity\":-1"))).hasMessage("severity: unknown severity \"-1\" (expected emergency, "
                + "alert, critical, error, warning, notice, informational, debug or 0-7)");
        assertThat(refused(event("\"severity\":\"loud\""))).hasMessage("severity: unknown severity \"loud\" (expected "
                + "emergency, alert, critical, error, warning, notice, informational, debug or 0-7)");
        assertThat(refused(event("\"severity\":2.5")))
                .hasMessage("severity: expected a severity name or a code 0-7, got number 2.5");
    }

    @Test
    void shouldRequireSourceAndResource() {
        EventValidationException e = refused("[{\"check\":\"cpu\"}]");

        assertThat(e).hasMessage("events[0].source: required field is missing; events[0].resource: required field is missing");
        assertThat(e.getErrors()).containsExactly(new FieldError(0, "source", null, "required field is missing"),
                new FieldError(0, "resource", null, "required field is missing"));
    }

    @Test
    void shouldRefuseNullBlankOrMistypedNames() {
        assertThat(refused("{\"source\":\"a\",\"resource\":null}")).hasMessage("resource: must not be null");
        assertThat(refused("{\"source\":\"  \",\"resource\":\"r\"}")).hasMessage("source: must not be blank");
        assertThat(refused(event("\"check\":\"\""))).hasMessage("check: must not be blank");
        assertThat(refused("{\"source\":42,\"resource\":\"r\"}")).hasMessage("source: expected a string, got number 42");
        assertThat(refused("{\"source\":\"a\",\"resource\":{\"host\":\"x\"}}"))
                .hasMessage("resource: expected a string, got object {\"host\":\"x\"}");
    }

    @Test
    void shouldLimitNamesTo255CharactersAndAbbreviateTheQuotedValue() {
        String tooLong = "x".repeat(256);

        EventValidationException e = refused("{\"source\":\"" + tooLong + "\",\"resource\":\"r\"}");

        assertThat(e).hasMessage("source: too long: 256 characters (at most 255)");
        assertThat(e.getErrors().get(0).value()).isEqualTo("x".repeat(80) + "…");
        assertThat(parseOne("{\"source\":\"" + "x".repeat(255) + "\",\"resource\":\"r\"}").source()).hasSize(255);
    }

    @Test
    void shouldLimitTheMessageTo64KiBCharacters() {
        assertThat(parseOne(event("\"message\":\"" + "m".repeat(65_536) + "\"")).message()).hasSize(65_536);
        assertThat(refused(event("\"message\":\"" + "m".repeat(65_537) + "\"")))
                .hasMessage("message: too long: 65537 characters (at most 65536)");
    }

    @Test
    void shouldReadOccurredAtWithAnOffset() {
        assertThat(parseOne(event("\"occurredAt\":\"2026-11-21T08:00:00+02:00\"")).occurredAt())
                .isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
        assertThat(parseOne(event("\"occurredAt\":\"2026-11-21T06:00:00.123456Z\"")).occurredAt())
                .isEqualTo(Instant.parse("2026-11-21T06:00:00.123456Z"));
    }

    @Test
    void shouldRefuseATimestampWithoutOffsetOrOutOfRange() {
        assertThat(refused(event("\"occurredAt\":\"2026-11-21T06:00:00\""))).hasMessage("occurredAt: invalid timestamp "
                + "\"2026-11-21T06:00:00\" (expected ISO-8601 with an offset, e.g. 2026-11-21T06:30:00Z)");
        assertThat(refused(event("\"occurredAt\":\"0999-01-01T00:00:00Z\"")))
                .hasMessage("occurredAt: timestamp \"0999-01-01T00:00:00Z\" is out of range (expected 1970 to 9999)");
        assertThat(refused(event("\"occurredAt\":1763706600000")))
                .hasMessage("occurredAt: expected a string, got number 1763706600000");
    }

    @Test
    void shouldAcceptAttributesOfStringsOnly() {
        assertThat(parseOne(event("\"attributes\":{\"team\":\"web\",\"tier\":\"1\"}")).attributes())
                .isEqualTo(Map.of("team", "web", "tier", "1"));
        assertThat(refused(event("\"attributes\":{\"port\":8080}")))
                .hasMessage("attributes.port: expected a string, got number 8080");
        assertThat(refused(event("\"attributes\":{\"owner\":null}")))
                .hasMessage("attributes.owner: expected a string, got null");
        assertThat(refused(event("\"attributes\":[\"a\"]")))
                .hasMessage("attributes: expected an object of strings, got array [\"a\"]");
        assertThat(refused(event("\"attributes\":{\"\":\"v\"}")))
                .hasMessage("attributes.: attribute name must have 1 to 255 characters, got 0");
        assertThat(refused(event("\"attributes\":{\"a\":\"1\",\"a\":\"2\"}")))
                .hasMessage("attributes.a: duplicate attribute");
    }

    @Test
    void shouldLimitTheTotalSizeOfAttributes() {
        String attributes = IntStream.range(0, 9).mapToObj(i -> "\"k" + i + "\":\"" + "v".repeat(1000) + "\"")
                .collect(Collectors.joining(","));

        assertThat(refused(event("\"attributes\":{" + attributes + "}")))
                .hasMessage("attributes: too large: 9018 characters in names and values (at most 8192)");
    }

    @Test
    void shouldRefuseUnknownAndDuplicateFieldsByName() {
        assertThat(refused(event("\"serverity\":\"err\""))).hasMessage("serverity: unknown field (expected source, "
                + "resource, check, status, severity, message, occurredAt or attributes)");
        assertThat(refused(event("\"source\":\"again\""))).hasMessage("source: duplicate field");
    }

    @Test
    void shouldReportMalformedJsonWithLineAndColumn() {
        EventValidationException e = refused("{\"source\": \"a\",\n \"resource\": }");

        assertThat(e).hasMessage("malformed JSON at line 2, column 14: unexpected character ('}' (code 125)): expected a value");
        assertThat(e.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.index()).isEqualTo(-1);
            assertThat(error.field()).isNull();
        });
    }

    @Test
    void shouldReportAJsonBodyThatEndsTooEarly() {
        assertThat(refused("[{\"source\":\"a\""))
                .hasMessage("malformed JSON at line 1, column 15: unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void shouldRefuseContentAfterTheJsonValue() {
        assertThat(refused(event("") + " {}"))
                .hasMessage("malformed JSON at line 1, column 31: unexpected content after the end of the JSON value");
    }

    @Test
    void shouldRefuseMoreThanTheLimitCountingAllOfThem() {
        String body = IntStream.range(0, 10_001).mapToObj(i -> event("")).collect(Collectors.joining(",", "[", "]"));

        EventValidationException e = refused(body);

        assertThat(e).hasMessage("too many events: 10001 (at most 10000 per request)");
        assertThat(e.getErrors()).containsExactly(FieldError.ofBody("too many events: 10001 (at most 10000 per request)"));
    }

    @Test
    void shouldAcceptExactlyTheLimit() {
        EventJsonParser small = new EventJsonParser(Clock.fixed(NOW, ZoneOffset.UTC), new EventLimits(3, EventLimits.DEFAULT_MAX_EVENT_BYTES));

        assertThat(small.parseBody(("[" + event("") + "," + event("") + "," + event("") + "]").getBytes(StandardCharsets.UTF_8),
                "rest")).hasSize(3);
        assertThatThrownBy(() -> small.parseBody(("[" + event("") + ",1,2,3]").getBytes(StandardCharsets.UTF_8), "rest"))
                .hasMessage("too many events: 4 (at most 3 per request)");
    }

    @Test
    void shouldRefuseEmptyBodiesArraysAndNonObjects() {
        assertThat(refused("")).hasMessage("empty body: expected a JSON object or an array of objects");
        assertThat(refused(" [ ] ")).hasMessage("empty array: expected at least one event");
        assertThat(refused("\"hello\"")).hasMessage("expected a JSON object or an array of objects, got string \"hello\"");
        assertThat(refused("[" + event("") + ",5]")).hasMessage("events[1]: expected a JSON object, got number 5");
    }

    @Test
    void shouldReportEveryErrorOfTheRequest() {
        String body = "[{\"source\":\"a\",\"resource\":\"r\",\"status\":\"hot\"}," + event("") + ",{\"source\":\"\",\"resource\":\"r\"}]";

        EventValidationException e = refused(body);

        assertThat(e).hasMessage("events[0].status: unknown status \"hot\" (expected NORMAL, WARNING, CRITICAL or UNKNOWN); "
                + "events[2].source: must not be blank");
        assertThat(e.getErrors()).extracting(FieldError::path).containsExactly("events[0].status", "events[2].source");
    }

    @Test
    void shouldCapReportedErrorsAtOneHundredAndCountTheRest() {
        String body = IntStream.range(0, 150).mapToObj(i -> "{\"source\":\"a\"}").collect(Collectors.joining(",", "[", "]"));

        EventValidationException e = refused(body);

        assertThat(e.getErrors()).hasSize(100);
        assertThat(e.getTotalErrors()).isEqualTo(150);
        assertThat(e.getErrors().get(99).path()).isEqualTo("events[99].resource");
        assertThat(e.getMessage()).endsWith("events[99].resource: required field is missing; and 50 more errors");
    }

    @Test
    void shouldParseTenThousandEventsInOneRequest() {
        String body = IntStream.range(0, 10_000)
                .mapToObj(i -> "{\"source\":\"bench\",\"resource\":\"host-" + i + "\",\"severity\":\"err\",\"message\":\"m\"}")
                .collect(Collectors.joining(",", "[", "]"));

        List<EventDraft> drafts = parser.parseBody(body.getBytes(StandardCharsets.UTF_8), "rest");

        assertThat(drafts).hasSize(10_000);
        assertThat(drafts.get(9_999).resource()).isEqualTo("host-9999");
        assertThat(drafts.get(9_999).raw())
                .isEqualTo("{\"source\":\"bench\",\"resource\":\"host-9999\",\"severity\":\"err\",\"message\":\"m\"}");
    }

    @Test
    void shouldRefuseAnEventWhoseTextIsOverTheLimitNamingItsIndexAndSize() {
        String padded = "{\"source\":\"s\"," + " ".repeat(2_000) + "\"resource\":\"r\"}";

        EventValidationException e = refusedBy(small, "[" + event("") + "," + padded + "]");

        assertThat(e.getKind()).isEqualTo(EventValidationException.Kind.TOO_LARGE);
        assertThat(e).hasMessage("events[1]: event of 2029 bytes is over the limit of 1024 bytes per event "
                + "(its JSON text, whitespace included, is stored as sent)");
    }

    @Test
    void shouldAcceptAnEventOfExactlyTheLimit() {
        String exact = event("\"message\":\"" + "m".repeat(1024 - event("\"message\":\"\"").length()) + "\"");

        assertThat(small.parseBody(exact.getBytes(StandardCharsets.UTF_8), "rest")).singleElement()
                .satisfies(draft -> assertThat(draft.raw()).hasSize(1024));
        assertThat(refusedBy(small, exact.replace("{", "{ "))).hasMessageStartingWith("event of 1025 bytes is over the limit of 1024 bytes per event");
    }

    @Test
    void shouldReportEveryOtherErrorBesideTheSizeAndStillAnswerTooLarge() {
        String body = "[{\"source\":\"s\"},{\"source\":\"s\",\"resource\":\"r\",\"message\":\"" + "m".repeat(1100) + "\"}]";

        EventValidationException e = refusedBy(small, body);

        assertThat(e.getKind()).isEqualTo(EventValidationException.Kind.TOO_LARGE);
        assertThat(e.getErrors()).extracting(FieldError::path).containsExactly("events[0].resource", "events[1]");
    }

    @Test
    void shouldRefuseNonsensicalEventSizeLimits() {
        assertThatThrownBy(() -> new EventLimits(10, 1023)).hasMessage("max event size must be 1024 to 2097152 bytes, got 1023");
        assertThatThrownBy(() -> new EventLimits(10, 2 * 1024 * 1024 + 1))
                .hasMessage("max event size must be 1024 to 2097152 bytes, got 2097153");
    }

    @Test
    void shouldRefuseUtf16AndUtf32BodiesAsNotUtf8() {
        String json = event("");

        assertNotUtf8(json.getBytes(StandardCharsets.UTF_16), "UTF-16BE (byte order mark FE FF)");
        assertNotUtf8(json.getBytes(StandardCharsets.UTF_16LE), "UTF-16LE (NUL bytes xx 00 xx 00 at the start)");
        assertNotUtf8(withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE}, json.getBytes(StandardCharsets.UTF_16LE)),
                "UTF-16LE (byte order mark FF FE)");
        assertNotUtf8(json.getBytes(StandardCharsets.UTF_16BE), "UTF-16BE (NUL bytes 00 xx 00 xx at the start)");
        assertNotUtf8(json.getBytes(Charset.forName("UTF-32LE")), "UTF-32LE (NUL bytes xx 00 00 00 at the start)");
        assertNotUtf8(json.getBytes(Charset.forName("UTF-32BE")), "UTF-32BE (NUL bytes 00 00 00 xx at the start)");
    }

    @Test
    void shouldIgnoreAUtf8ByteOrderMark() {
        byte[] body = withPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, event("").getBytes(StandardCharsets.UTF_8));

        assertThat(parser.parseBody(body, "rest")).singleElement().satisfies(draft -> assertThat(draft.raw()).isEqualTo(event("")));
    }

    @Test
    void shouldRefuseOverlongUtf8NamingTheByteOffsetAndField() {
        byte[] body = utf8WithBytes("[" + event("") + ",{\"source\":\"s\",\"resource\":\"r\",\"message\":\"a", 0xC0, 0xAF, "\"}]");

        EventValidationException e = refusedBytes(body);

        assertThat(e.getKind()).isEqualTo(EventValidationException.Kind.INVALID);
        assertThat(e).hasMessage("events[1].message: invalid UTF-8 at byte offset 72: overlong encoding C0 AF "
                + "(JSON text must be UTF-8, RFC 8259 section 8.1)");
    }

    @Test
    void shouldRefuseEveryKindOfInvalidUtf8() {
        assertThat(refusedBytes(utf8WithBytes("{\"source\":\"", 0xE0, 0x80, 0xAF, "\",\"resource\":\"r\"}")))
                .hasMessage("source: invalid UTF-8 at byte offset 11: overlong encoding E0 80 AF (JSON text must be UTF-8, RFC 8259 section 8.1)");
        assertThat(refusedBytes(utf8WithBytes(MESSAGE_OPEN, 0xF4, 0x90, 0x80, 0x80, "\"}")))
                .hasMessage("message: invalid UTF-8 at byte offset 40: code point above U+10FFFF F4 90 80 80 "
                        + "(JSON text must be UTF-8, RFC 8259 section 8.1)");
        assertThat(refusedBytes(utf8WithBytes(MESSAGE_OPEN, 0xF5, 0x80, 0x80, 0x80, "\"}")))
                .hasMessageContaining("message: invalid UTF-8 at byte offset 40: byte F5 never appears in UTF-8");
        assertThat(refusedBytes(utf8WithBytes(MESSAGE_OPEN, 0xED, 0xA0, 0x80, "\"}")))
                .hasMessageContaining("message: invalid UTF-8 at byte offset 40: encoded surrogate ED A0 80 (surrogates are not characters)");
        assertThat(refusedBytes(utf8WithBytes(MESSAGE_OPEN, 0xE2, 0x82, "x\"}")))
                .hasMessageContaining("message: invalid UTF-8 at byte offset 40: truncated sequence E2 82 "
                        + "(expected a continuation byte, got 78)");
        assertThat(refusedBytes(utf8WithBytes(event("\"attributes\":{\"team\":\""), 0x80, "\"}}")))
                .hasMessageContaining("attributes.team: invalid UTF-8 at byte offset 52: unexpected continuation byte 80");
        assertThat(refusedBytes(utf8WithBytes(event(""), 0xC3)))
                .hasMessage("invalid UTF-8 at byte offset 29: truncated sequence C3 (expected a continuation byte, "
                        + "got the end of the body) (JSON text must be UTF-8, RFC 8259 section 8.1)");
    }

    @Test
    void shouldRefuseLoneSurrogateEscapesNamingTheByteOffsetAndField() {
        assertThat(refused(event("\"message\":\"a\\uD800\"")))
                .hasMessage("message: lone surrogate escape \\uD800 at byte offset 41: a high surrogate not followed by "
                        + "a low surrogate escape (RFC 8259 section 8.2)");
        assertThat(refused(event("\"message\":\"\\uD800\\u0041\"")))
                .hasMessageStartingWith("message: lone surrogate escape \\uD800 at byte offset 40: a high surrogate not followed");
        assertThat(refused("[" + event("\"attributes\":{\"k\":\"\\udc00\"}") + "]"))
                .hasMessage("events[0].attributes.k: lone surrogate escape \\udc00 at byte offset 49: a low surrogate "
                        + "without a high surrogate before it (RFC 8259 section 8.2)");
        assertThat(refused("[{\"source\\uDBFF\":\"s\",\"resource\":\"r\"}]"))
                .hasMessageStartingWith("events[0]: lone surrogate escape \\uDBFF at byte offset 9: a high surrogate");
    }

    @Test
    void shouldAcceptSurrogatePairsAndEscapedBackslashesBeforeAU() {
        assertThat(parseOne(event("\"message\":\"\\uD83D\\uDE00 ok\"")).message()).isEqualTo("\uD83D\uDE00 ok");
        assertThat(parseOne(event("\"message\":\"\\\\uD800\"")).message()).isEqualTo("\\uD800");
        assertThat(parseOne(event("\"message\":\"😀 über\"")).message()).isEqualTo("😀 über");
    }

    /** An event up to the opening quote of its message, at byte offset 40. */
    private static final String MESSAGE_OPEN = "{\"source\":\"s\",\"resource\":\"r\",\"message\":\"";

    private static String event(String extraFields) {
        return "{\"source\":\"s\",\"resource\":\"r\"" + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }

    private EventDraft parseOne(String body) {
        List<EventDraft> drafts = parser.parseBody(body.getBytes(StandardCharsets.UTF_8), "rest");
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }

    private EventValidationException refusedBytes(byte[] body) {
        return catchThrowableOfType(EventValidationException.class, () -> parser.parseBody(body, "rest"));
    }

    private void assertNotUtf8(byte[] body, String detected) {
        EventValidationException e = refusedBytes(body);
        assertThat(e.getKind()).isEqualTo(EventValidationException.Kind.NOT_UTF8);
        assertThat(e).hasMessage("the body is " + detected + ": it must be UTF-8 JSON (RFC 8259 section 8.1)");
    }

    /** The UTF-8 text of the strings with the given raw bytes (ints) between them. */
    private static byte[] utf8WithBytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static byte[] withPrefix(byte[] prefix, byte[] rest) {
        byte[] all = Arrays.copyOf(prefix, prefix.length + rest.length);
        System.arraycopy(rest, 0, all, prefix.length, rest.length);
        return all;
    }

    private EventValidationException refused(String body) {
        return refusedBy(parser, body);
    }

    private static EventValidationException refusedBy(EventJsonParser parser, String body) {
        return catchThrowableOfType(EventValidationException.class,
                () -> parser.parseBody(body.getBytes(StandardCharsets.UTF_8), "rest"));
    }
}
