package io.vigil.web.event;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ServerTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/events with good and bad input: each bad request gets its exact problem, nothing of
 * it is stored, and the server goes on accepting good events.
 */
class EventIntakeIT extends ServerTestSupport {

    private static final String GOOD = "{\"source\":\"nagios\",\"resource\":\"web01\",\"check\":\"cpu\",\"status\":\"warning\"}";

    @DynamicPropertySource
    static void intakeLimits(DynamicPropertyRegistry registry) {
        // Small enough to test 413 and 429 cheaply; 10,001 small events still fit in the body limit.
        registry.add("vigil.intake.max-body", () -> "4MB");
        registry.add("vigil.engine.queue-capacity", () -> "5000");
    }

    final JdbcTemplate db = new JdbcTemplate(database().dataSource());
    long journalRowsBefore;

    @BeforeEach
    void countJournalRows() {
        journalRowsBefore = journalRows();
    }

    /** Every test ends with the server taking a good event, so none of the bad ones hurt it. */
    @AfterEach
    void serverStillAccepts() {
        long before = journalRows();
        assertThat(post(GOOD).status()).isEqualTo(202);
        assertThat(journalRows()).isEqualTo(before + 1);
    }

    @Test
    void shouldAcceptOneEventAfterItIsJournaled() {
        Response response = post(GOOD);

        assertThat(response.status()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        long id = body.get("ids").get(0).asLong();
        Map<String, Object> row = db.queryForMap("SELECT transport, source, resource, check_name, status, raw FROM event_journal WHERE id = ?", id);
        assertThat(row).containsEntry("transport", "rest").containsEntry("source", "nagios").containsEntry("resource", "web01")
                .containsEntry("check_name", "cpu").containsEntry("status", "WARNING").containsEntry("raw", GOOD);
    }

    @Test
    void shouldAcceptAnArrayWithIdsInOrder() {
        Response response = post("[" + GOOD + ",{\"source\":\"s\",\"resource\":\"db01\"}]");

        assertThat(response.status()).isEqualTo(202);
        JsonNode ids = response.json().get("ids");
        assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(ids.get(1).asLong()).isEqualTo(ids.get(0).asLong() + 1);
        assertThat(db.queryForObject("SELECT check_name FROM event_journal WHERE id = ?", String.class, ids.get(1).asLong()))
                .isEqualTo("event");
    }

    @Test
    void shouldRefuseMalformedJson() {
        Response response = post("{\"source\": \"nagios\", ");

        assertProblem(response, 400, "Invalid events");
        assertThat(response.json().get("detail").asString()).startsWith("malformed JSON at line 1, column ");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(-1);
        assertThat(error.get("field").isNull()).isTrue();
        assertNothingStored();
    }

    @Test
    void shouldNameTheMissingResourceAndItsIndex() {
        Response response = post("[" + GOOD + ",{\"source\":\"nagios\",\"check\":\"cpu\"}]");

        assertProblem(response, 400, "Invalid events");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("field").asString()).isEqualTo("resource");
        assertThat(response.json().get("detail").asString()).isEqualTo("events[1].resource: " + error.get("message").asString());
        assertThat(error.get("message").asString()).contains("required");
        assertNothingStored();
    }

    @Test
    void shouldNameTheBadStatusWithItsValue() {
        Response response = post("{\"source\":\"nagios\",\"resource\":\"web01\",\"status\":\"BROKEN\"}");

        assertProblem(response, 400, "Invalid events");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(-1);
        assertThat(error.get("field").asString()).isEqualTo("status");
        assertThat(error.get("value").asString()).isEqualTo("BROKEN");
        assertThat(response.json().get("detail").asString())
                .isEqualTo("status: unknown status \"BROKEN\" (expected NORMAL, WARNING, CRITICAL or UNKNOWN)");
        assertNothingStored();
    }

    @Test
    void shouldRefuseAnOversizedMessage() {
        String message = "x".repeat(65_537);
        Response response = post("{\"source\":\"nagios\",\"resource\":\"web01\",\"message\":\"" + message + "\"}");

        assertProblem(response, 400, "Invalid events");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("message");
        assertThat(error.get("message").asString()).contains("65537").contains("65536");
        assertNothingStored();
    }

    @Test
    void shouldRefuse10001EventsSayingHowMany() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            body.append(i == 0 ? "" : ",").append("{\"source\":\"s\",\"resource\":\"r").append(i).append("\"}");
        }
        Response response = post(body.append(']').toString());

        assertProblem(response, 400, "Invalid events");
        assertThat(response.json().get("detail").asString()).isEqualTo("too many events: 10001 (at most 10000 per request)");
        assertNothingStored();
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimit() {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');

        Response response = post("application/json", big);

        assertProblem(response, 413, "Content Too Large");
        assertThat(response.json().get("detail").asString())
                .isEqualTo("request body of 5242880 bytes is over the limit of 4194304 bytes: split the events into smaller requests");
        assertNothingStored();
    }

    @Test
    void shouldAnswer415ForAUtf16Body() {
        Response response = post("application/json", GOOD.getBytes(StandardCharsets.UTF_16));

        assertProblem(response, 415, "Body not UTF-8");
        assertThat(response.json().get("detail").asString())
                .isEqualTo("the body is UTF-16BE (byte order mark FE FF): it must be UTF-8 JSON (RFC 8259 section 8.1)");
        assertNothingStored();
    }

    @Test
    void shouldAnswer415ForACharsetOtherThanUtf8AndAcceptUtf8Named() {
        Response response = post("application/json; charset=ISO-8859-1", GOOD.getBytes(StandardCharsets.ISO_8859_1));

        assertProblem(response, 415, "Body not UTF-8");
        assertThat(response.json().get("detail").asString()).isEqualTo("Content-Type charset \"ISO-8859-1\" is not supported:"
                + " the body must be UTF-8 JSON (RFC 8259 section 8.1)");
        assertNothingStored();
        assertThat(post("application/json; charset=utf-8", GOOD.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
    }

    @Test
    void shouldRefuseOverlongUtf8NamingTheByteOffsetAndField() {
        byte[] body = (GOOD.substring(0, GOOD.length() - 1) + ",\"message\":\"..\"}").getBytes(StandardCharsets.UTF_8);
        int dots = body.length - 4;
        body[dots] = (byte) 0xC0;
        body[dots + 1] = (byte) 0xAF;

        Response response = post("application/json", body);

        assertProblem(response, 400, "Invalid events");
        assertThat(response.json().get("detail").asString()).isEqualTo("message: invalid UTF-8 at byte offset " + dots
                + ": overlong encoding C0 AF (JSON text must be UTF-8, RFC 8259 section 8.1)");
        assertNothingStored();
    }

    @Test
    void shouldAnswer415ForAnotherContentType() {
        Response response = post("text/plain", GOOD.getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 415, "Unsupported Media Type");
        assertThat(response.json().get("detail").asString()).contains("text/plain");
        assertNothingStored();
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenTheEngineQueueCannotTakeTheEvents() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 5_001; i++) {
            body.append(i == 0 ? "" : ",").append("{\"source\":\"s\",\"resource\":\"r\"}");
        }

        Response response = post(body.append(']').toString());

        assertProblem(response, 429, "Engine queue full");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().get("detail").asString())
                .isEqualTo("a submission of 5001 events exceeds the engine queue capacity of 5000; nothing was stored");
        assertNothingStored();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheJournalCannotStore() {
        db.execute("RENAME TABLE event_journal TO event_journal_away");
        Response response;
        try {
            response = post(GOOD);
        } finally {
            db.execute("RENAME TABLE event_journal_away TO event_journal");
        }

        assertProblem(response, 503, "Journal unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.json().get("detail").asString()).startsWith("the journal could not store 1 events (")
                .endsWith("); nothing was stored");
        assertNothingStored();
    }

    private Response post(String json) {
        return api.postJson("/api/v1/events", token(Role.INTEGRATOR), json);
    }

    private Response post(String contentType, byte[] body) {
        return api.post("/api/v1/events", token(Role.INTEGRATOR), contentType, body);
    }

    private long journalRows() {
        return db.queryForObject("SELECT COUNT(*) FROM event_journal", Long.class);
    }

    private void assertNothingStored() {
        assertThat(journalRows()).isEqualTo(journalRowsBefore);
    }

    private static void assertProblem(Response response, int status, String title) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isEqualTo(title);
    }
}
