package io.vigil.intake.webhook;

import io.vigil.intake.IntakeFixtures;
import io.vigil.intake.http.EventLimits;
import io.vigil.intake.http.EventValidationException;
import io.vigil.model.EventDraft;
import io.vigil.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.vigil.intake.webhook.WebhookRefusals.errors;
import static io.vigil.intake.webhook.WebhookRefusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class AlertmanagerPayloadTest {

    private static final Instant NOW = Instant.parse("2026-11-21T06:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String FIRING = new String(IntakeFixtures.bytes("webhooks/alertmanager-firing.json"), StandardCharsets.UTF_8);
    private final WebhookParser parser = WebhookParser.alertmanager(CLOCK, EventLimits.DEFAULT);

    @Test
    void shouldMapEachFiringAlertToAnEvent() {
        String body = FIRING;

        List<EventDraft> drafts = parser.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(drafts).hasSize(2);
        EventDraft probe = drafts.get(0);
        assertThat(probe).isEqualTo(new EventDraft(NOW, Instant.parse("2026-11-21T06:25:45.828Z"), "alertmanager",
                "probe-fra1", "https://shop.example.org", "ProbeFailure", Status.CRITICAL, null,
                "Probe failure: https://shop.example.org", Map.ofEntries(
                        entry("receiver", "vigil"), entry("groupKey", "{}:{}"), entry("fingerprint", "1a30ba71cca2921f"),
                        entry("generatorURL", "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1"),
                        entry("startsAt", "2026-11-21T06:25:45.828Z"),
                        entry("annotation.description", "Instance https://shop.example.org has been down for over 5m"),
                        entry("annotation.summary", "Probe failure: https://shop.example.org"),
                        entry("alertname", "ProbeFailure"), entry("instance", "https://shop.example.org"), entry("job", "blackbox"),
                        entry("location", "probe-fra1"), entry("severity", "critical")),
                probe.raw()));
        assertThat(drafts.get(1)).isEqualTo(new EventDraft(NOW, Instant.parse("2026-11-21T02:00:00Z"), "alertmanager",
                "alertmanager", "prometheus", "Watchdog", Status.NORMAL, null, "Watchdog", Map.of(
                        "receiver", "vigil", "groupKey", "{}:{}", "fingerprint", "e3b0c44298fc1c14",
                        "startsAt", "2026-11-21T04:00:00+02:00", "endsAt", "2026-11-21T06:34:00.5+02:00",
                        "alertname", "Watchdog", "job", "prometheus", "severity", "none"),
                drafts.get(1).raw()));
    }

    @Test
    void shouldKeepEachAlertsExactTextAsItsRaw() {
        String body = FIRING;

        List<EventDraft> drafts = parser.parse(body.getBytes(StandardCharsets.UTF_8));

        int first = body.indexOf("{\n      \"status\"");
        int second = body.indexOf("{\n      \"status\"", first + 1);
        String firstAlert = body.substring(first, body.lastIndexOf("},", second) + 1);
        assertThat(drafts.get(0).raw()).isEqualTo(firstAlert);
        assertThat(drafts.get(1).raw()).startsWith(body.substring(second, second + 40)).endsWith("\"fingerprint\": \"e3b0c44298fc1c14\"\n    }");
    }

    @Test
    void shouldMapAResolvedAlertToNormalAtItsEnd() {
        EventDraft draft = parser.parse(IntakeFixtures.bytes("webhooks/alertmanager-resolved.json")).get(0);

        assertThat(draft.status()).isEqualTo(Status.NORMAL);
        assertThat(draft.occurredAt()).isEqualTo(Instant.parse("2026-11-21T06:10:00Z"));
        assertThat(draft.source()).isEqualTo("alertmanager");
        assertThat(draft.resource()).isEqualTo("db01:9100");
        assertThat(draft.check()).isEqualTo("DiskFull");
        assertThat(draft.message()).isEqualTo("Disk /var is 97% full");
        assertThat(draft.attributes()).containsEntry("endsAt", "2026-11-21T06:10:00Z").containsEntry("severity", "critical")
                .containsEntry("groupKey", "{}:{alertname=\"DiskFull\"}");
    }

    @Test
    void shouldAcceptFieldsItDoesNotKnowAndNullGroupMaps() {
        List<EventDraft> drafts = parser.parse(IntakeFixtures.bytes("webhooks/alertmanager-newer-fields.json"));

        assertThat(drafts).extracting(EventDraft::check, EventDraft::status, EventDraft::message)
                .containsExactly(tuple("HighLatency", Status.WARNING, "p99 latency over 2 s"));
        assertThat(drafts.get(0).attributes()).doesNotContainKey("silencedBy");
    }

    @ParameterizedTest(name = "severity {0} → {1}")
    @CsvSource({"critical, CRITICAL", "Critical, CRITICAL", "error, CRITICAL", "page, CRITICAL", "high, CRITICAL",
            "major, CRITICAL", "warning, WARNING", "warn, WARNING", "disaster, WARNING", "info, NORMAL", "none, NORMAL"})
    void shouldTakeAFiringAlertsStatusFromItsSeverityLabel(String severity, Status status) {
        EventDraft draft = parseOne(alert("firing", "\"alertname\":\"A\",\"instance\":\"web01\",\"severity\":\"" + severity + "\""));

        assertThat(draft.status()).isEqualTo(status);
        assertThat(draft.attributes()).containsEntry("severity", severity);
    }

    @Test
    void shouldCountAFiringAlertWithoutSeverityAsAWarning() {
        assertThat(parseOne(alert("firing", "\"alertname\":\"A\"")).status()).isEqualTo(Status.WARNING);
    }

    @Test
    void shouldNameTheResourceByInstanceThenJobThenAlertnameSkippingEmptyLabels() {
        assertThat(parseOne(alert("firing", "\"alertname\":\"A\",\"instance\":\"\",\"job\":\"node\"")).resource()).isEqualTo("node");
        assertThat(parseOne(alert("firing", "\"alertname\":\"A\",\"location\":\" \"")).resource()).isEqualTo("A");
        assertThat(parseOne(alert("firing", "\"alertname\":\"A\",\"location\":\" \"")).source()).isEqualTo("alertmanager");
    }

    @Test
    void shouldFallBackToTheReceivedTimeForAnUnsetTime() {
        String resolved = alert("resolved", "\"alertname\":\"A\"").replace("\"endsAt\":\"2026-11-21T06:20:00Z\"",
                "\"endsAt\":\"0001-01-01T00:00:00Z\"");

        EventDraft draft = parseOne(resolved);

        assertThat(draft.occurredAt()).isEqualTo(NOW);
        assertThat(draft.attributes()).doesNotContainKey("endsAt");
    }

    @Test
    void shouldKeepALabelNamedLikeAnAlertFieldUnderItsLabelPrefix() {
        EventDraft draft = parseOne(alert("firing", "\"alertname\":\"A\",\"fingerprint\":\"mine\",\"receiver\":\"r2\""));

        assertThat(draft.attributes()).containsEntry("fingerprint", "0123456789abcdef").containsEntry("label.fingerprint", "mine")
                .containsEntry("receiver", "vigil").containsEntry("label.receiver", "r2");
    }

    @Test
    void shouldReportEveryProblemWithItsPath() {
        assertThat(errors(parser, IntakeFixtures.bytes("webhooks/alertmanager-errors.json"))).containsExactly(
                "version: must be \"4\", got \"3\"",
                "receiver: expected a string, got number 7",
                "truncatedAlerts: must be at least 0, got -1",
                "alerts[0].status: must be \"firing\" or \"resolved\", got \"fired\"",
                "alerts[0].labels.team: expected a string, got null",
                "alerts[0].startsAt: invalid timestamp \"yesterday\" (expected ISO-8601 with an offset, e.g. 2026-11-21T06:30:00Z)",
                "alerts[1].labels: expected an object of strings, got array [\"alertname\",\"B\"]",
                "alerts[1].endsAt: timestamp \"1969-12-31T23:59:59Z\" is out of range (expected 1970 to 9999)",
                "alerts[1].fingerprint: must not be blank",
                "alerts[1].generatorURL: expected a string, got number 42",
                "alerts[2].fingerprint: required field is missing",
                "alerts[2].labels.alertname: required label is missing",
                "alerts[3]: expected an alert object, got string \"not an alert\"");
    }

    @Test
    void shouldRefuseWhatIsNotAPayload() {
        assertThat(errors(parser, "")).containsExactly("empty body: expected a JSON object");
        assertThat(errors(parser, "[{}]")).containsExactly("expected a JSON object, got array [{}]");
        assertThat(errors(parser, "{\"version\":\"4\",")).containsExactly(
                "malformed JSON at line 1, column 16: unexpected end-of-input within/between Object entries");
        assertThat(errors(parser, "{\"version\":\"4\",\"version\":\"4\"}")).containsExactly(
                "malformed JSON at line 1, column 25: duplicate Object property \"version\"");
    }

    @Test
    void shouldRequireTheFieldsEveryVersion4PayloadHas() {
        assertThat(errors(parser, "{}")).containsExactly(
                "version: required field is missing",
                "status: required field is missing",
                "receiver: required field is missing",
                "groupKey: required field is missing",
                "alerts: required field is missing");
        assertThat(errors(parser, payload("[]"))).containsExactly("alerts: expected at least one alert");
        assertThat(errors(parser, payload("{}"))).containsExactly("alerts: expected an array of alerts, got object {}");
    }

    @Test
    void shouldApplyThePostedEventLimits() {
        String longName = "x".repeat(256);
        assertThat(errors(parser, alert("firing", "\"alertname\":\"A\",\"instance\":\"" + longName + "\"")))
                .containsExactly("alerts[0].labels.instance: too long: 256 characters (at most 255)");
        assertThat(errors(parser, alert("firing", "\"alertname\":\"A\",\"" + longName + "\":\"v\"")))
                .containsExactly("alerts[0].labels." + longName + ": attribute name \"" + "x".repeat(40)
                        + "…\" must have 1 to 255 characters, got 256");
        assertThat(errors(parser, alert("firing", "\"alertname\":\"A\",\"team\":\"" + "t".repeat(8_200) + "\"")))
                .containsExactly("alerts[0]: too large: 8321 characters in the names and values of its attributes"
                        + " (labels, annotations and alert fields; at most 8192)");
    }

    @Test
    void shouldAnswerTooLargeForAnAlertOverTheEventSizeAndCountTheAlerts() {
        WebhookParser small = WebhookParser.alertmanager(CLOCK, new EventLimits(2, 1024));
        String big = alert("firing", "\"alertname\":\"A\",\"note\":\"" + "n".repeat(1_000) + "\"");

        EventValidationException refused = refusal(small, big);

        assertThat(refused.getKind()).isEqualTo(EventValidationException.Kind.TOO_LARGE);
        assertThat(refused.getMessage()).startsWith("alerts[0]: alert of ").endsWith(
                " bytes is over the limit of 1024 bytes per event (its JSON text, whitespace included, is stored as sent)");
        String one = alertObject("firing", "\"alertname\":\"A\"");
        assertThat(errors(small, payload("[" + one + "," + one + "," + one + "]"))).containsExactly(
                "alerts: too many alerts: 3 (at most 2 per request; set max_alerts in the sender's webhook configuration)");
    }

    @Test
    void shouldNameTheFieldOfInvalidUtf8() {
        byte[] body = alert("firing", "\"alertname\":\"A\",\"instance\":\"..\"").getBytes(StandardCharsets.UTF_8);
        int dots = new String(body, StandardCharsets.UTF_8).indexOf("..");
        body[dots] = (byte) 0xC0;
        body[dots + 1] = (byte) 0xAF;

        EventValidationException refused = refusal(parser, body);

        assertThat(refused.getMessage()).isEqualTo("alerts[0].labels.instance: invalid UTF-8 at byte offset " + dots
                + ": overlong encoding C0 AF (JSON text must be UTF-8, RFC 8259 section 8.1)");
    }

    private EventDraft parseOne(String body) {
        List<EventDraft> drafts = parser.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }

    /** A payload of one alert with these labels. */
    private static String alert(String status, String labels) {
        return payload("[" + alertObject(status, labels) + "]");
    }

    private static String alertObject(String status, String labels) {
        return "{\"status\":\"" + status + "\",\"labels\":{" + labels + "},\"annotations\":{},"
                + "\"startsAt\":\"2026-11-21T06:00:00Z\",\"endsAt\":\"2026-11-21T06:20:00Z\",\"generatorURL\":\"\","
                + "\"fingerprint\":\"0123456789abcdef\"}";
    }

    private static String payload(String alerts) {
        return "{\"version\":\"4\",\"groupKey\":\"{}:{}\",\"truncatedAlerts\":0,\"status\":\"firing\",\"receiver\":\"vigil\","
                + "\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},\"externalURL\":\"http://am:9093\","
                + "\"alerts\":" + alerts + "}";
    }
}
