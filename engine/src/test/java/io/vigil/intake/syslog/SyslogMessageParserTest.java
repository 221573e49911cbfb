package io.vigil.intake.syslog;

import io.vigil.intake.IntakeFixtures;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogMessageParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-21T06:30:41Z");
    private static final String PEER = "192.0.2.10";

    private final SyslogMessageParser parser = new SyslogMessageParser(ZoneOffset.UTC);

    @Test
    void shouldMapTheFirstRfc5424ExampleStrippingTheBom() {
        byte[] line = IntakeFixtures.bytes("rfc5424-bom.txt");

        EventDraft draft = parser.parse(line, "syslog-udp", PEER, RECEIVED);

        assertThat(draft).isEqualTo(new EventDraft(RECEIVED, Instant.parse("2003-10-11T22:14:15.003Z"), "syslog-udp",
                "syslog:192.0.2.10", "mymachine.example.com", "su", null, Severity.CRITICAL,
                "'su root' failed for lonvick on /dev/pts/8", Map.of("facility", "auth", "msgid", "ID47"),
                new String(line, StandardCharsets.UTF_8).stripTrailing()));
    }

    @Test
    void shouldMapTheSecondRfc5424ExampleWithOffsetAndProcid() {
        EventDraft draft = parse("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.");

        assertThat(draft.occurredAt()).isEqualTo(Instant.parse("2003-08-24T12:14:15.000003Z"));
        assertThat(draft.resource()).isEqualTo("192.0.2.1");
        assertThat(draft.check()).isEqualTo("myproc");
        assertThat(draft.severity()).isEqualTo(Severity.NOTICE);
        assertThat(draft.attributes()).isEqualTo(Map.of("facility", "local4", "procid", "8710"));
        assertThat(draft.message()).isEqualTo("%% It's time to make the do-nuts.");
    }

    @Test
    void shouldKeepStructuredDataAsAttributes() {
        EventDraft draft = parser.parse(IntakeFixtures.bytes("rfc5424-structured-data.txt"), "syslog-tcp", PEER, RECEIVED);

        assertThat(draft.attributes()).isEqualTo(Map.of("facility", "local4", "msgid", "ID47",
                "exampleSDID@32473.iut", "3", "exampleSDID@32473.eventSource", "Application",
                "exampleSDID@32473.eventID", "1011"));
        assertThat(draft.message()).isEqualTo("An application event log entry...");
        assertThat(draft.check()).isEqualTo("evntslog");
    }

    @Test
    void shouldAcceptSeveralStructuredDataElementsAndNoMessage() {
        EventDraft draft = parser.parse(IntakeFixtures.bytes("rfc5424-no-message.txt"), "syslog-tcp", PEER, RECEIVED);

        assertThat(draft.attributes()).containsEntry("examplePriority@32473.class", "high")
                .containsEntry("exampleSDID@32473.eventID", "1011");
        assertThat(draft.message()).isEmpty();
    }

    @Test
    void shouldUnescapeParamValuesAndKeepRepeatedParamsAndBareElements() {
        EventDraft draft = parse("<13>1 - host app - - [x@1 a=\"q\\\"uote\\\\ b\\]\" a=\"2\" c=\"\\n\"][flag@1] m");

        assertThat(draft.attributes()).containsEntry("x@1.a", "q\"uote\\ b],2").containsEntry("x@1.c", "\\n")
                .containsEntry("flag@1", "");
    }

    @Test
    void shouldMapLoggerRfc5424Output() {
        EventDraft draft = parser.parse(IntakeFixtures.bytes("logger-rfc5424.txt"), "syslog-udp", "127.0.0.1", RECEIVED);

        assertThat(draft.resource()).isEqualTo("vm");
        assertThat(draft.check()).isEqualTo("app");
        assertThat(draft.source()).isEqualTo("syslog:127.0.0.1");
        assertThat(draft.severity()).isEqualTo(Severity.ERROR);
        assertThat(draft.message()).isEqualTo("disk /var is full");
        assertThat(draft.occurredAt()).isEqualTo(Instant.parse("2026-11-21T06:30:40.001677Z"));
        assertThat(draft.attributes()).isEqualTo(Map.of("facility", "user", "timeQuality.tzKnown", "1",
                "timeQuality.isSynced", "0"));
        assertThat(draft.status()).isNull();
    }

    @Test
    void shouldFallBackToThePeerAndSyslogForNilHostnameAndAppName() {
        EventDraft draft = parse("<14>1 - - - - - - hello");

        assertThat(draft.resource()).isEqualTo(PEER);
        assertThat(draft.check()).isEqualTo("syslog");
        assertThat(draft.occurredAt()).isEqualTo(RECEIVED);
        assertThat(draft.message()).isEqualTo("hello");
    }

    @Test
    void shouldMapTheRfc3164ExampleInferringTheYear() {
        EventDraft draft = parse("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");

        assertThat(draft.occurredAt()).isEqualTo(Instant.parse("2026-10-11T22:14:15Z"));
        assertThat(draft.resource()).isEqualTo("mymachine");
        assertThat(draft.check()).isEqualTo("su");
        assertThat(draft.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(draft.message()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");
        assertThat(draft.attributes()).isEqualTo(Map.of("facility", "auth"));
    }

    @Test
    void shouldMapLoggerRfc3164Output() {
        EventDraft draft = parser.parse(IntakeFixtures.bytes("logger-rfc3164.txt"), "syslog-tcp", "127.0.0.1", RECEIVED);

        assertThat(draft).isEqualTo(new EventDraft(RECEIVED, Instant.parse("2026-11-21T06:30:40Z"), "syslog-tcp",
                "syslog:127.0.0.1", "vm", "app", null, Severity.ERROR, "disk /var is full", Map.of("facility", "user"),
                "<11>Nov 21 06:30:40 vm app: disk /var is full"));
    }

    @Test
    void shouldReadTheProcessIdFromTheTag() {
        EventDraft draft = parse("<30>Nov 21 06:30:40 web01 sshd[4321]: Accepted publickey for deploy");

        assertThat(draft.check()).isEqualTo("sshd");
        assertThat(draft.attributes()).isEqualTo(Map.of("facility", "daemon", "procid", "4321"));
        assertThat(draft.severity()).isEqualTo(Severity.INFORMATIONAL);
        assertThat(draft.message()).isEqualTo("Accepted publickey for deploy");
    }

    @Test
    void shouldTakeTheFirstWordAsTagWhenThereIsNoHostname() {
        EventDraft draft = parse("<13>Nov 21 06:30:40 app[77]: local socket format");

        assertThat(draft.resource()).isEqualTo(PEER);
        assertThat(draft.check()).isEqualTo("app");
        assertThat(draft.attributes()).containsEntry("procid", "77");
        assertThat(draft.message()).isEqualTo("local socket format");
    }

    @Test
    void shouldAcceptAnUnpaddedDayAndFractionalSeconds() {
        assertThat(parse("<13>Nov  1 06:30:40.123 host tag: m").occurredAt()).isEqualTo(Instant.parse("2026-11-01T06:30:40.123Z"));
        assertThat(parse("<13>Nov 1 06:30:40 host tag: m").occurredAt()).isEqualTo(Instant.parse("2026-11-01T06:30:40Z"));
    }

    @Test
    void shouldPickTheYearClosestToTheReceivedTime() {
        assertThat(parser.parse(bytes("<13>Dec 31 23:59:58 host tag: late"), "syslog-udp", PEER,
                Instant.parse("2027-01-01T00:00:05Z")).occurredAt()).isEqualTo(Instant.parse("2026-12-31T23:59:58Z"));
        assertThat(parser.parse(bytes("<13>Jan  1 00:00:01 host tag: early"), "syslog-udp", PEER,
                Instant.parse("2026-12-31T23:59:59Z")).occurredAt()).isEqualTo(Instant.parse("2027-01-01T00:00:01Z"));
    }

    @Test
    void shouldReadRfc3164TimestampsInTheConfiguredZone() {
        SyslogMessageParser berlin = new SyslogMessageParser(ZoneId.of("Europe/Berlin"));

        assertThat(berlin.parse(bytes("<13>Nov 21 07:30:40 host tag: m"), "syslog-udp", PEER, RECEIVED).occurredAt())
                .isEqualTo(Instant.parse("2026-11-21T06:30:40Z"));
    }

    @Test
    void shouldAcceptTheRfc3339TimestampOfRsyslogForwarding() {
        EventDraft draft = parse("<13>2026-11-21T07:30:40.5+01:00 web01 cron[9]: job done");

        assertThat(draft.occurredAt()).isEqualTo(Instant.parse("2026-11-21T06:30:40.500Z"));
        assertThat(draft.resource()).isEqualTo("web01");
        assertThat(draft.check()).isEqualTo("cron");
        assertThat(draft.message()).isEqualTo("job done");
    }

    @Test
    void shouldKeepTheWholeTextAsMessageWithoutAValidTimestamp() {
        EventDraft noTimestamp = parse("<13>Use the BFG!");
        EventDraft impossibleDate = parser.parse(bytes("<13>Feb 29 10:00:00 host tag: m"), "syslog-udp", PEER,
                Instant.parse("2026-03-01T00:00:00Z"));

        assertThat(noTimestamp.message()).isEqualTo("Use the BFG!");
        assertThat(noTimestamp.resource()).isEqualTo(PEER);
        assertThat(noTimestamp.check()).isEqualTo("syslog");
        assertThat(noTimestamp.occurredAt()).isEqualTo(RECEIVED);
        assertThat(impossibleDate.message()).isEqualTo("Feb 29 10:00:00 host tag: m");
    }

    @Test
    void shouldMapTheRfc3164ExampleWithoutTag() {
        EventDraft draft = parse("<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!");

        assertThat(draft.resource()).isEqualTo("10.0.0.99");
        assertThat(draft.check()).isEqualTo("syslog");
        assertThat(draft.message()).isEqualTo("Use the BFG!");
    }

    @Test
    void shouldIgnoreLineEndsAndNul() {
        assertThat(parse("<13>Nov 21 06:30:40 host tag: m\r\n\0").message()).isEqualTo("m");
    }

    @Test
    void shouldRefuseGarbageWithAClearReason() {
        assertThatThrownBy(() -> parse("hello world"))
                .isInstanceOf(SyslogParseException.class)
                .hasMessage("missing PRI: expected \"<\" at the start, got \"hello world\"");
        assertThatThrownBy(() -> parser.parse(IntakeFixtures.bytes("garbage.txt"), "syslog-tcp", PEER, RECEIVED))
                .hasMessage("missing PRI: expected \"<\" at the start, got \"\\x16\\x03\\x01\\x02\\x00\\x01\uFFFD\\x03\\x03\"");
        assertThatThrownBy(() -> parse("\r\n")).hasMessage("empty message");
        assertThatThrownBy(() -> parse("<999>1 - - - - - -")).hasMessage("invalid PRI \"<999>\" (expected <0> to <191>)");
        assertThatThrownBy(() -> parse("<ab>text")).hasMessage("invalid PRI \"<ab>\" (expected <0> to <191>)");
        assertThatThrownBy(() -> parse("<13")).hasMessage("invalid PRI \"<13\" (expected <0> to <191>)");
    }

    @Test
    void shouldRefuseMalformedRfc5424Headers() {
        assertThatThrownBy(() -> parse("<13>1 2026-11-21T06:30:40Z host"))
                .hasMessage("truncated RFC 5424 header: nothing after HOSTNAME");
        assertThatThrownBy(() -> parse("<13>1 2026-13-21T06:30:40Z host app - - -"))
                .hasMessage("invalid RFC 5424 TIMESTAMP \"2026-13-21T06:30:40Z\": no such date or time (Invalid value for "
                        + "MonthOfYear (valid values 1 - 12): 13) at position 21");
        assertThatThrownBy(() -> parse("<13>1 0001-01-01T00:00:00Z host app - - -"))
                .hasMessage("timestamp \"0001-01-01T00:00:00Z\" is out of range (expected 1970 to 9999)");
        assertThatThrownBy(() -> parse("<13>1 - " + "h".repeat(256) + " app - - -"))
                .hasMessageStartingWith("invalid RFC 5424 HOSTNAME: longer than 255 characters (256): \"hhhh");
    }

    @Test
    void shouldRefuseMalformedStructuredData() {
        assertThatThrownBy(() -> parse("<13>1 - host app - - [x@1 a=b] m"))
                .hasMessage("invalid structured data at column 29: expected '\"', got \"b] m\"");
        assertThatThrownBy(() -> parse("<13>1 - host app - - [x@1 a=\"b"))
                .hasMessage("invalid structured data at column 31: unterminated PARAM-VALUE, got the end of the line");
        assertThatThrownBy(() -> parse("<13>1 - host app - - x"))
                .hasMessage("invalid structured data at column 22: expected '-' or '[', got \"x\"");
        assertThatThrownBy(() -> parse("<13>1 - host app - - [x@1]m"))
                .hasMessage("invalid RFC 5424 message: expected a space after the structured data, got \"m\"");
    }

    @Test
    void shouldDropStructuredDataBeyondTheAttributeBudgetAndSaySo() {
        String params = IntStream.range(0, 10).mapToObj(i -> "p" + i + "=\"" + "v".repeat(1000) + "\"")
                .collect(Collectors.joining(" "));

        EventDraft draft = parse("<13>1 - host app - - [big@1 " + params + "] m");

        assertThat(draft.attributes()).containsEntry("truncated", "true").containsKey("big@1.p7").doesNotContainKey("big@1.p8");
        assertThat(draft.raw()).contains("p9=");
    }

    @Test
    void shouldCutAMessageLongerThanAnEventMayCarryAndSaySo() {
        String message = "m".repeat(65_535) + "😀" + "tail";

        EventDraft draft = parse("<13>1 - host app - - - " + message);

        assertThat(draft.message()).isEqualTo("m".repeat(65_535));
        assertThat(draft.attributes()).containsEntry("truncated", "true");
        assertThat(draft.raw()).endsWith("😀tail");
        assertThat(parse("<13>1 - host app - - - " + "m".repeat(65_536)).attributes()).doesNotContainKey("truncated");
    }

    private EventDraft parse(String line) {
        return parser.parse(bytes(line), "syslog-udp", PEER, RECEIVED);
    }

    private static byte[] bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /** Found by fuzzing: a white-space-only name would have become a blank resource or check; RFC 5424 refuses it. */
    @Test
    void shouldRefuseWhiteSpaceNamesInRfc5424Headers() {
        assertThatThrownBy(() -> parse("<13>1 2026-11-21T06:30:40Z \t \u3000 - - - disk full"))
                .hasMessage("invalid RFC 5424 HOSTNAME \"\\x09\": control character U+0009 at position 1");
        assertThatThrownBy(() -> parse("<13>1 2026-11-21T06:30:40Z host \u3000 - - - disk full"))
                .hasMessage("invalid RFC 5424 APP-NAME \"\u3000\": character outside printable US-ASCII U+3000 at position 1");
    }

    @Test
    void shouldKeepBytesThatAreNotUtf8BesideTheDecodedText() {
        byte[] frame = {'<', '1', '3', '>', '1', ' ', '-', ' ', 'h', ' ', 'a', ' ', '-', ' ', '-', ' ', '-', ' ',
                'c', 'a', 'f', (byte) 0xE9, (byte) 0xFF, '\n'};
        EventDraft draft = parser.parse(frame, "syslog-tcp", PEER, RECEIVED);

        assertThat(draft.message()).isEqualTo("caf\uFFFD\uFFFD");
        assertThat(draft.raw()).isEqualTo("<13>1 - h a - - - caf\uFFFD\uFFFD");
        assertThat(draft.rawBytes()).isEqualTo(frame).isNotSameAs(frame);
        assertThat(parser.parse(bytes("<13>1 - h a - - - café ☕"), "syslog-tcp", PEER, RECEIVED).rawBytes())
                .as("valid UTF-8 needs no copy").isNull();
    }
}
