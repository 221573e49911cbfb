package io.vigil.web.acceptance;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton end to end over HTTP: a posted critical event is journaled, classified,
 * opens an incident whose process waits for a person; acknowledging and resolving it are stored;
 * the audit trail verifies and leads from the incident back to the raw text that was posted.
 */
class PipelineIT extends ServerTestSupport {

    private static final Duration PIPELINE = Duration.ofSeconds(20);

    final JdbcTemplate db = new JdbcTemplate(database().dataSource());

    @Test
    void shouldTakeACriticalEventThroughIncidentAndAuditBackToItsRawText() {
        String raw = "{\"source\":\"nagios\",\"resource\":\"db01\",\"check\":\"disk\",\"status\":\"CRITICAL\","
                + "\"message\":\"disk /var is 99% full\"}";
        Response posted = api.postJson("/api/v1/events", token(Role.INTEGRATOR), raw);
        assertThat(posted.status()).isEqualTo(202);
        long eventId = posted.json().get("ids").get(0).asLong();
        assertThat(db.queryForObject("SELECT raw FROM event_journal WHERE id = ?", String.class, eventId)).isEqualTo(raw);

        long incidentId = awaitIncident("db01", "disk");
        JsonNode opened = incident(incidentId);
        assertThat(opened.get("incident").get("state").asString()).isEqualTo("OPEN");
        assertThat(opened.get("incident").get("escalationLevel").asInt()).isZero();
        assertThat(openTasks(opened)).containsExactly("Acknowledge");
        assertThat(opened.get("timeline").get(0).get("kind").asString()).isEqualTo("OPENED");

        JsonNode chain = opened.get("chain");
        assertThat(chain.get("eventId").asLong()).isEqualTo(eventId);
        assertThat(chain.get("event").asString()).isEqualTo("/api/v1/events/" + eventId);
        assertThat(chain.get("raw").asString()).isEqualTo(raw);
        long firingId = chain.get("firingId").asLong();
        assertThat(chain.get("rule").asString()).isEqualTo("Open incident for critical alert");

        Response acknowledged = api.postJson("/api/v1/incidents/" + incidentId + "/acknowledge", token(Role.OPERATOR), "");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        JsonNode afterAck = acknowledged.json();
        assertThat(afterAck.get("incident").get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(afterAck.get("incident").get("acknowledgedBy").asString()).isEqualTo("token:test-operator");
        assertThat(openTasks(afterAck)).containsExactly("Investigate");

        Response resolved = api.postJson("/api/v1/incidents/" + incidentId + "/resolve", token(Role.OPERATOR), "");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("incident").get("state").asString()).isEqualTo("RESOLVED");
        assertThat(openTasks(resolved.json())).as("a resolved incident waits to be closed").containsExactly("Close");
        assertThat(kinds(resolved.json())).contains("OPENED", "ACKNOWLEDGED", "INVESTIGATING", "RESOLVED");

        Response verify = api.get("/api/v1/audit/verify", token(Role.AUDITOR));
        assertThat(verify.json().get("ok").asBoolean()).isTrue();
        assertThat(verify.json().get("rows").asLong()).isPositive();
        assertThat(verify.json().has("brokenAt")).isFalse();

        JsonNode firing = api.get("/api/v1/audit/firings/" + firingId, token(Role.AUDITOR)).json();
        assertThat(firing.get("firing").get("rule").asString()).isEqualTo("Open incident for critical alert");
        assertThat(firing.get("firing").get("facts").values().stream().map(f -> f.get("id").asString()).toList())
                .anyMatch(id -> id.startsWith("alert:"));
        JsonNode event = api.get("/api/v1/events/" + eventId, token(Role.AUDITOR)).json();
        assertThat(event.get("raw").asString()).isEqualTo(raw);
        assertThat(event.get("event").get("status").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void shouldAnswer409ForAStepThatIsNotWaitingAnd404ForAnUnknownIncident() {
        api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "{\"source\":\"nagios\",\"resource\":\"app07\",\"check\":\"http\",\"status\":\"critical\"}");
        long incidentId = awaitIncident("app07", "http");
        assertThat(api.postJson("/api/v1/incidents/" + incidentId + "/acknowledge", token(Role.OPERATOR), "").status())
                .isEqualTo(200);

        Response again = api.postJson("/api/v1/incidents/" + incidentId + "/acknowledge", token(Role.OPERATOR), "");
        Response unknown = api.postJson("/api/v1/incidents/987654/resolve", token(Role.OPERATOR), "");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("incident " + incidentId);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).contains("987654");
    }

    @Test
    void shouldListEventsNewestFirstWithClassificationAndElements() {
        long first = post("{\"source\":\"zabbix\",\"resource\":\"lb01\",\"check\":\"ping\",\"status\":\"NORMAL\"}");
        long second = post("{\"source\":\"zabbix\",\"resource\":\"lb01\",\"check\":\"ping\",\"severity\":\"warning\"}");

        JsonNode page = Eventually.await("event " + second + " classified", PIPELINE, () -> {
            JsonNode events = api.get("/api/v1/events?limit=2", token(Role.ANALYST)).json();
            return events.get("events").get(0).get("category").isNull() ? Optional.empty() : Optional.of(events);
        });

        assertThat(page.get("events").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(page.get("events").get(1).get("id").asLong()).isEqualTo(first);
        assertThat(page.get("events").get(0).get("status").asString()).isEqualTo("WARNING");
        assertThat(page.get("next").asString()).isEqualTo("/api/v1/events?before=" + first + "&limit=2");
        JsonNode elements = api.get("/api/v1/elements", token(Role.ANALYST)).json().get("elements");
        assertThat(StreamSupport.stream(elements.spliterator(), false)
                .filter(e -> e.get("resource").asString().equals("lb01")).map(e -> e.get("status").asString()))
                .containsExactly("WARNING");
    }

    @Test
    void shouldNameTheBadAuditParameter() {
        Response badSince = api.get("/api/v1/audit/firings?since=yesterday", token(Role.AUDITOR));
        Response badLimit = api.get("/api/v1/audit/firings?limit=abc", token(Role.AUDITOR));
        Response badState = api.get("/api/v1/incidents?state=done", token(Role.OPERATOR));

        assertThat(badSince.status()).isEqualTo(400);
        assertThat(badSince.json().get("detail").asString())
                .isEqualTo("parameter \"since\" has the bad value \"yesterday\": expected an ISO-8601 time such as 2026-11-21T10:15:30Z");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("detail").asString())
                .isEqualTo("parameter \"limit\" has the bad value \"abc\": expected a whole number");
        assertThat(badState.json().get("detail").asString())
                .isEqualTo("parameter \"state\" has the bad value \"done\": expected one of ACKNOWLEDGED, CLOSED, INVESTIGATING, OPEN, RESOLVED, UNRESOLVED");
    }

    @Test
    void shouldFilterFiringsByRuleAndTime() {
        post("{\"source\":\"nagios\",\"resource\":\"mx01\",\"check\":\"smtp\",\"status\":\"CRITICAL\"}");
        awaitIncident("mx01", "smtp");

        JsonNode firings = api.get("/api/v1/audit/firings?rule=Open%20incident%20for%20critical%20alert"
                + "&since=2000-01-01T00:00:00Z&limit=50", token(Role.AUDITOR)).json().get("firings");
        JsonNode none = api.get("/api/v1/audit/firings?since=2999-01-01T00:00:00Z", token(Role.AUDITOR)).json().get("firings");

        assertThat(firings.size()).isPositive();
        assertThat(firings.values().stream().map(f -> f.get("rule").asString()).distinct().toList())
                .containsExactly("Open incident for critical alert");
        assertThat(none.size()).isZero();
    }

    private long post(String json) {
        Response response = api.postJson("/api/v1/events", token(Role.INTEGRATOR), json);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("ids").get(0).asLong();
    }

    private long awaitIncident(String resource, String check) {
        return Eventually.await("an incident for " + resource + "/" + check, PIPELINE, () ->
                api.get("/api/v1/incidents?state=OPEN", token(Role.OPERATOR)).json().get("incidents").values().stream()
                        .filter(i -> i.get("resource").asString().equals(resource) && i.get("check").asString().equals(check))
                        .map(i -> i.get("id").asLong()).findFirst());
    }

    private JsonNode incident(long id) {
        Response response = api.get("/api/v1/incidents/" + id, token(Role.OPERATOR));
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> openTasks(JsonNode incident) {
        return incident.get("tasks").values().stream().filter(t -> t.get("state").asString().equals("OPEN"))
                .map(t -> t.get("name").asString()).toList();
    }

    private static List<String> kinds(JsonNode incident) {
        return incident.get("timeline").values().stream().map(t -> t.get("kind").asString()).toList();
    }
}
