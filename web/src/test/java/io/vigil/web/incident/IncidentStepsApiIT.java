package io.vigil.web.incident;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.Incidents;
import io.vigil.web.testing.Outbox;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ITSM steps of one incident over the API (snooze, investigate, resolve with a code and note,
 * close; assign and notes), refusals in the engine's words, and the incident page that offers
 * them (a real server and MariaDB).
 */
class IncidentStepsApiIT extends ServerTestSupport {

    private Incidents incidents;

    @BeforeEach
    void incidents() {
        incidents = new Incidents(api, token(Role.INTEGRATOR), token(Role.OPERATOR));
    }

    @Test
    void shouldWalkSnoozeInvestigateResolveWithCodeAndNoteThenClose() {
        long id = incidents.open("steps-db01", "mysql");

        JsonNode snoozed = step(id, "snooze", "{\"for\": \"30m\"}");
        assertThat(snoozed.get("incident").get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(snoozed.get("incident").get("snoozedUntil").isNull()).isFalse();
        assertThat(openTask(snoozed)).isEqualTo("Snoozed");

        JsonNode investigating = step(id, "investigate", "");
        assertThat(investigating.get("incident").get("state").asString()).isEqualTo("INVESTIGATING");
        assertThat(openTask(investigating)).isEqualTo("Resolve");

        JsonNode resolved = step(id, "resolve", "{\"code\": \"workaround\", \"note\": \"restarted the replica\"}");
        JsonNode incident = resolved.get("incident");
        assertThat(incident.get("state").asString()).isEqualTo("RESOLVED");
        assertThat(incident.get("resolutionCode").asString()).isEqualTo("WORKAROUND");
        assertThat(incident.get("resolutionNote").asString()).isEqualTo("restarted the replica");
        assertThat(incident.get("resolvedBy").asString()).isEqualTo("token:test-operator");
        assertThat(openTask(resolved)).isEqualTo("Close");

        JsonNode closed = step(id, "close", "");
        assertThat(closed.get("incident").get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("incident").get("closedBy").asString()).isEqualTo("token:test-operator");
        assertThat(closed.get("incident").get("closedAt").isNull()).isFalse();
        assertThat(kinds(closed)).contains("SNOOZED", "INVESTIGATING", "RESOLVED", "CLOSED");
        assertThat(ids(api.get("/api/v1/incidents?state=closed", token(Role.OPERATOR)))).contains(id);
        assertThat(ids(api.get("/api/v1/incidents?state=unresolved", token(Role.OPERATOR)))).doesNotContain(id);
    }

    @Test
    void shouldRefuseAStepOutOfOrderWithTheReasonAndChangeNothing() {
        long id = incidents.open("steps-web01", "http");

        Response refused = api.postJson("/api/v1/incidents/" + id + "/close", token(Role.OPERATOR), "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("incident " + id + " is OPEN and has no Close task waiting (it waits for Acknowledge)");
        assertThat(incidents.detail(id).get("incident").get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void shouldRefuseRecoveredAndUnknownCodesFromPeople() {
        long id = incidents.open("steps-app01", "heap");

        Response recovered = api.postJson("/api/v1/incidents/" + id + "/resolve", token(Role.OPERATOR), "{\"code\": \"RECOVERED\"}");
        Response unknown = api.postJson("/api/v1/incidents/" + id + "/resolve", token(Role.OPERATOR), "{\"code\": \"MAGIC\"}");
        Response stranger = api.postJson("/api/v1/incidents/" + id + "/resolve", token(Role.OPERATOR), "{\"reason\": \"x\"}");

        assertThat(recovered.status()).isEqualTo(400);
        assertThat(recovered.json().get("detail").asString()).isEqualTo("\"code\" RECOVERED is the engine's own (it resolves"
                + " an incident whose problem went away by itself); a person resolves with one of FIXED, WORKAROUND,"
                + " NO_FAULT_FOUND, DUPLICATE, EXTERNAL");
        assertThat(unknown.json().get("detail").asString()).isEqualTo("\"code\" has the bad value \"MAGIC\": expected one of"
                + " FIXED, WORKAROUND, NO_FAULT_FOUND, DUPLICATE, EXTERNAL");
        assertThat(stranger.json().get("detail").asString())
                .isEqualTo("unknown field \"reason\": resolve takes a JSON object {\"code\": text, \"note\": text}");
        assertThat(incidents.detail(id).get("incident").get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void shouldAssignTakeBackAndKeepNotes() {
        long id = incidents.open("steps-mq01", "queue");

        assertThat(step(id, "assign", "{\"assignee\": \" bob \"}").get("incident").get("assignee").asString()).isEqualTo("bob");
        assertThat(step(id, "assign", "{\"assignee\": null}").get("incident").get("assignee").isNull()).isTrue();
        JsonNode noted = step(id, "notes", "{\"text\": \"queue drains slowly\"}");
        Response empty = api.postJson("/api/v1/incidents/" + id + "/notes", token(Role.OPERATOR), "{\"text\": \"  \"}");
        Response tooLong = api.postJson("/api/v1/incidents/" + id + "/notes", token(Role.OPERATOR),
                "{\"text\": \"" + "x".repeat(2001) + "\"}");
        Response analyst = api.postJson("/api/v1/incidents/" + id + "/notes", token(Role.ANALYST), "{\"text\": \"hi\"}");

        List<String> lines = noted.get("timeline").values().stream()
                .map(t -> t.get("kind").asString() + " " + t.get("text").asString()).toList();
        assertThat(lines).contains("NOTE queue drains slowly");
        assertThat(lines.stream().filter(l -> l.startsWith("ASSIGNED"))).hasSize(2);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).isEqualTo("\"text\" must hold 1 to 2000 characters, got 0");
        assertThat(tooLong.json().get("detail").asString()).isEqualTo("\"text\" must hold 1 to 2000 characters, got 2001");
        assertThat(analyst.status()).isEqualTo(403);
    }

    @Test
    void shouldShowTheIncidentPageWithTheFormsTheStepAllowsAndServeTheProcess() {
        long id = incidents.open("steps-page01", "cpu");
        Outbox.insert(new JdbcTemplate(database().dataSource()), 8_000_001, "user:carol", "email", "EMAIL", "carol@example.com",
                id, null, "PENDING", 3, "connection refused by the mail server");
        ConsoleSession admin = new ConsoleSession(port);
        assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(302);

        String open = admin.get("/console/incidents/" + id).body();
        assertThat(open).contains("id=\"process-diagram\"").contains("data-current=\"acknowledge escalation\"")
                .contains("/webjars/bpmn-js/8.0.0/dist/bpmn-viewer.production.min.js")
                .contains("/console/incidents/" + id + "/snooze").contains("/console/incidents/" + id + "/resolve")
                .contains("<option value=\"NO_FAULT_FOUND\">").doesNotContain("value=\"RECOVERED\"")
                .doesNotContain("/console/incidents/" + id + "/close");
        assertThat(open.split("href=\"/console/notifications/8000001\"", -1)).as("the notification listed once").hasSize(2);
        assertThat(open).contains("connection refused by the mail server").contains("user:carol");

        Response resolved = admin.postForm("/console/incidents/" + id + "/resolve", "code=DUPLICATE&note=see+other&_csrf="
                + ConsoleSession.csrfToken(open));
        assertThat(resolved.status()).isEqualTo(302);
        String after = admin.get("/console/incidents/" + id).body();
        assertThat(after).contains("Incident " + id + " resolved.").contains("data-current=\"close\"")
                .contains(">DUPLICATE<").contains("see other").contains("/console/incidents/" + id + "/close")
                .doesNotContain("/console/incidents/" + id + "/snooze");

        Response bpmn = admin.get("/console/processes/incident.bpmn2");
        assertThat(bpmn.status()).isEqualTo(200);
        assertThat(bpmn.header("Content-Type")).startsWith("application/xml");
        assertThat(bpmn.body()).contains("<bpmn2:userTask id=\"acknowledge\" name=\"Acknowledge\">").contains("bpmndi:BPMNDiagram");
    }

    private JsonNode step(long id, String step, String body) {
        Response answer = api.postJson("/api/v1/incidents/" + id + "/" + step, token(Role.OPERATOR), body);
        assertThat(answer.status()).as(step + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String openTask(JsonNode detail) {
        return detail.get("tasks").values().stream().filter(t -> "OPEN".equals(t.get("state").asString()))
                .map(t -> t.get("name").asString()).findFirst().orElse(null);
    }

    private static List<String> kinds(JsonNode detail) {
        return detail.get("timeline").values().stream().map(t -> t.get("kind").asString()).toList();
    }

    private static List<Long> ids(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("incidents").values().stream().map(i -> i.get("id").asLong()).toList();
    }
}
