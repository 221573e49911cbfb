package io.vigil.web.webhook;

import io.vigil.intake.IntakeFixtures;
import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ServerTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two webhook endpoints on the real database: payloads as Alertmanager and Grafana send them
 * (the engine's fixtures) become journaled events, bad ones get their exact problem and store nothing.
 */
class WebhookIT extends ServerTestSupport {

    private static final String ALERTMANAGER = "/api/v1/webhooks/alertmanager";
    private static final String GRAFANA = "/api/v1/webhooks/grafana";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void eventLimit(DynamicPropertyRegistry registry) {
        registry.add("vigil.intake.max-event", () -> "2KB");
        registry.add("vigil.engine.queue-capacity", () -> "50");
    }

    private final JournaledEvents journal = new JournaledEvents(database().dataSource());
    private long rowsBefore;

    @BeforeEach
    void countRows() {
        rowsBefore = journal.count();
    }

    /** Every test ends with the endpoint taking a good payload, so none of the bad ones hurt it. */
    @AfterEach
    void stillAccepts() {
        long before = journal.count();
        assertThat(post(ALERTMANAGER, fixture("alertmanager-resolved.json")).status()).isEqualTo(202);
        assertThat(journal.count()).isEqualTo(before + 1);
    }

    @Test
    void shouldJournalEachAlertmanagerAlertAsAnEventBeforeAnswering() {
        String body = fixture("alertmanager-firing.json");

        Response response = post(ALERTMANAGER, body);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
        JournaledEvents.Row probe = journal.byId(response.json().get("ids").get(0).asLong());
        assertThat(probe).extracting(JournaledEvents.Row::transport, JournaledEvents.Row::source, JournaledEvents.Row::resource,
                        JournaledEvents.Row::check, JournaledEvents.Row::status, JournaledEvents.Row::message,
                        JournaledEvents.Row::occurredAt)
                .containsExactly("alertmanager", "probe-fra1", "https://shop.example.org", "ProbeFailure", "CRITICAL",
                        "Probe failure: https://shop.example.org", Instant.parse("2026-11-21T06:25:45.828Z"));
        assertThat(probe.attributes()).containsEntry("fingerprint", "1a30ba71cca2921f").containsEntry("location", "probe-fra1")
                .containsEntry("annotation.summary", "Probe failure: https://shop.example.org").containsEntry("receiver", "vigil");
        assertThat(body).contains(probe.raw());
        assertThat(probe.raw()).startsWith("{").endsWith("}").contains("\"fingerprint\": \"1a30ba71cca2921f\"");
        JournaledEvents.Row watchdog = journal.byId(response.json().get("ids").get(1).asLong());
        assertThat(watchdog.status()).isEqualTo("NORMAL");
        assertThat(watchdog.resource()).isEqualTo("prometheus");
    }

    @Test
    void shouldJournalAGrafanaAlert() {
        Response response = post(GRAFANA, fixture("grafana-firing.json"));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JournaledEvents.Row row = journal.byId(response.json().get("ids").get(0).asLong());
        assertThat(row.transport()).isEqualTo("grafana");
        assertThat(row.check()).isEqualTo("High memory usage");
        assertThat(row.status()).isEqualTo("WARNING");
        assertThat(row.occurredAt()).isEqualTo(Instant.parse("2026-11-21T05:51:03.157Z"));
        assertThat(row.attributes()).containsEntry("fingerprint", "c6eadffa33fcdf37").containsEntry("value.B", "44.23943737541908")
                .containsEntry("orgId", "1");
    }

    @Test
    void shouldNameTheBadFieldByItsPathAndStoreNothing() {
        String body = fixture("alertmanager-firing.json").replace("\"status\": \"firing\",\n      \"labels\": {\n        \"alertname\": \"Watchdog\"",
                "\"status\": \"fired\",\n      \"labels\": {\n        \"alertname\": \"Watchdog\"");

        Response response = post(ALERTMANAGER, body);

        assertProblem(response, 400, "Invalid events");
        assertThat(response.json().get("detail").asString()).isEqualTo("alerts[1].status: must be \"firing\" or \"resolved\", got \"fired\"");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("alerts[1].status");
        assertThat(error.get("value").asString()).isEqualTo("fired");
        assertThat(journal.count()).isEqualTo(rowsBefore);
    }

    @Test
    void shouldRefuseAGrafanaPayloadAtTheAlertmanagerEndpoint() {
        Response response = post(ALERTMANAGER, fixture("grafana-firing.json"));

        assertProblem(response, 400, "Invalid events");
        assertThat(response.json().get("detail").asString()).isEqualTo("version: must be \"4\", got \"1\"");
        assertThat(journal.count()).isEqualTo(rowsBefore);
    }

    @Test
    void shouldAnswer413ForAnAlertOverTheEventSize() {
        String body = fixture("alertmanager-resolved.json").replace("Disk /var is 97% full\"},\"startsAt\"",
                "Disk /var is 97% full " + "x".repeat(2_048) + "\"},\"startsAt\"");

        Response response = post(ALERTMANAGER, body);

        assertProblem(response, 413, "Event too large");
        assertThat(response.json().get("detail").asString()).startsWith("alerts[0]: alert of ")
                .endsWith(" bytes is over the limit of 2048 bytes per event (its JSON text, whitespace included, is stored as sent)");
        assertThat(journal.count()).isEqualTo(rowsBefore);
    }

    @Test
    void shouldAnswer503NotA4xxWhenTheEngineQueueCannotTakeTheAlerts() {
        ObjectNode payload = (ObjectNode)
                JSON.readTree(fixture("alertmanager-resolved.json"));
        ArrayNode alerts = (ArrayNode) payload.get("alerts");
        JsonNode alert = alerts.get(0);
        for (int i = 0; i < 60; i++) {
            alerts.add(alert.deepCopy());
        }

        Response response = post(ALERTMANAGER, payload.toString());

        assertProblem(response, 503, "Engine queue full");
        assertThat(response.header("Retry-After")).isNotEmpty();
        assertThat(journal.count()).isEqualTo(rowsBefore);
    }

    @Test
    void shouldAnswerARetryWithTheSameIdempotencyKeyWithTheFirstIds() {
        String body = fixture("grafana-firing.json");
        Map<String, String> key = Map.of("Idempotency-Key", "grafana-c6eadffa33fcdf37-1");

        Response first = api.postJson(GRAFANA, token(Role.INTEGRATOR), body, key);
        Response retry = api.postJson(GRAFANA, token(Role.INTEGRATOR), body, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(journal.count()).isEqualTo(rowsBefore + 1);
    }

    private Response post(String path, String body) {
        return api.postJson(path, token(Role.INTEGRATOR), body);
    }

    /** A payload of the engine's webhook fixtures (shared through its test jar). */
    static String fixture(String name) {
        return new String(IntakeFixtures.bytes("webhooks/" + name), StandardCharsets.UTF_8);
    }

    private static void assertProblem(Response response, int status, String title) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isEqualTo(title);
    }
}
