package io.vigil.web.policy;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.Incidents;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation-policy document over the API and the console: replaced by an admin (YAML or
 * JSON), refused with the parser's own words, put in force by the engine (an incident opened
 * afterwards follows it), and who is on call when (a real server and MariaDB).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyApiIT extends ServerTestSupport {

    static final String DOCUMENT = """
            users:
              alice: { email: alice@example.com }
              bob: { email: bob@example.com }
            channels:
              hook: { type: webhook, url: "http://127.0.0.1:9/hook", secret: s3cret }
            schedules:
              primary:
                timeZone: UTC
                layers:
                  - name: daily
                    start: 2026-11-02T09:00
                    rotation: daily
                    users: [alice, bob]
            policies:
              - name: critical-pages
                match: ['status="CRITICAL"']
                levels:
                  - notify: [schedule:primary]
                  - after: 10m
                    notify: [channel:hook]
            """;

    /** First, while no document is stored yet. */
    @Test
    @Order(1)
    void shouldReplaceTheDocumentAnswerItsVersionAndPutItInForce() {
        Response none = api.get("/api/v1/policies", TestServer.ADMIN);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("detail").asString()).startsWith("no escalation-policy document has been stored yet");

        Response replaced = api.put("/api/v1/policies", TestServer.ADMIN, "application/yaml", DOCUMENT.getBytes(StandardCharsets.UTF_8));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        String version = replaced.json().get("version").asString();
        assertThat(version).hasSize(64);
        assertThat(replaced.json().get("policies").asInt()).isEqualTo(1);
        assertThat(replaced.json().get("schedules").asInt()).isEqualTo(1);
        JsonNode stored = api.get("/api/v1/policies", TestServer.ADMIN).json();
        assertThat(stored.get("version").asString()).isEqualTo(version);
        assertThat(stored.get("document").asString()).isEqualTo(DOCUMENT);
        assertThat(stored.get("replacedBy").asString()).isEqualTo("admin");
        assertThat(stored.get("policies").asInt()).isEqualTo(1);

        long incident = new Incidents(api, token(Role.INTEGRATOR), token(Role.OPERATOR)).open("policy-db01", "mysql");
        String policy = Eventually.await("incident " + incident + "'s policy", Incidents.PIPELINE, () -> Optional.of(
                api.get("/api/v1/incidents/" + incident, token(Role.OPERATOR)).json().get("incident").get("policy"))
                .filter(p -> !p.isNull()).map(JsonNode::asString));
        assertThat(policy).isEqualTo("critical-pages");
    }

    @Test
    void shouldRefuseABadDocumentWithEveryErrorAndChangeNothing() {
        String bad = DOCUMENT.replace("users: [alice, bob]", "users: [alice, zoe]").replace("schedule:primary", "schedule:primray");

        Response refused = api.put("/api/v1/policies", TestServer.ADMIN, "text/yaml", bad.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").values().stream().map(JsonNode::asString).toList()).containsExactly(
                "schedules.primary.layers[0].users[1]: unknown user \"zoe\"",
                "policies[0].levels[0].notify[0]: unknown schedule \"primray\"");
        assertThat(refused.json().get("detail").asString()).startsWith("the policy document was refused with 2 errors: ");
        assertThat(refused.json().get("instance").asString()).isEqualTo("/api/v1/policies");
    }

    @Test
    void shouldTakeJsonAndLeaveTheDocumentToAdmins() {
        String json = "{\"users\": {\"carol\": {\"email\": \"carol@example.com\"}}, \"policies\": [{\"name\": \"all\","
                + " \"levels\": [{\"notify\": [\"user:carol\"]}]}]}";
        Response operator = api.put("/api/v1/policies", token(Role.OPERATOR), "application/json", json.getBytes(StandardCharsets.UTF_8));
        Response auditorReads = api.get("/api/v1/policies", token(Role.AUDITOR));

        assertThat(operator.status()).isEqualTo(403);
        assertThat(auditorReads.status()).isEqualTo(403);
        Response replaced = api.put("/api/v1/policies", TestServer.ADMIN, "application/json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("policies").asInt()).isEqualTo(1);
        // back to the test document for the other tests
        assertThat(api.put("/api/v1/policies", TestServer.ADMIN, "application/yaml", DOCUMENT.getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerWhoIsOnCallAndTheNextHandoffs() {
        assertThat(api.put("/api/v1/policies", TestServer.ADMIN, "application/yaml", DOCUMENT.getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(200);

        Response onCall = api.get("/api/v1/oncall?at=2026-11-02T10:00:00Z", token(Role.ANALYST));

        assertThat(onCall.status()).as(onCall.body()).isEqualTo(200);
        assertThat(onCall.json().get("at").asString()).isEqualTo("2026-11-02T10:00:00Z");
        JsonNode primary = onCall.json().get("schedules").get(0);
        assertThat(primary.get("name").asString()).isEqualTo("primary");
        assertThat(primary.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(primary.get("onCall").values().stream().map(JsonNode::asString).toList()).containsExactly("alice");
        List<String> handoffs = primary.get("handoffs").values().stream()
                .map(h -> h.get("at").asString() + " " + h.get("users").get(0).asString()).toList();
        assertThat(handoffs).containsExactly("2026-11-03T09:00:00Z bob", "2026-11-04T09:00:00Z alice",
                "2026-11-05T09:00:00Z bob", "2026-11-06T09:00:00Z alice", "2026-11-07T09:00:00Z bob",
                "2026-11-08T09:00:00Z alice", "2026-11-09T09:00:00Z bob");
        Response bad = api.get("/api/v1/oncall?at=tomorrow", token(Role.OPERATOR));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString())
                .isEqualTo("parameter \"at\" has the bad value \"tomorrow\": expected an ISO-8601 time such as 2026-11-21T10:15:30Z");
    }

    @Test
    void shouldShowThePoliciesPageAndRefuseABadPasteShowingTheErrors() {
        assertThat(api.put("/api/v1/policies", TestServer.ADMIN, "application/yaml", DOCUMENT.getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
        ConsoleSession admin = new ConsoleSession(port);
        assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(302);

        Response page = admin.get("/console/policies");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>critical-pages</strong>").contains("status=&quot;CRITICAL&quot;")
                .contains("schedule:primary").contains("channel:hook").contains(">10m<").contains(">primary<")
                .contains("<textarea name=\"document\"");

        Response refused = admin.postForm("/console/policies", "document=" + URLEncoder.encode(
                "policies: 5\n", StandardCharsets.UTF_8) + "&_csrf=" + ConsoleSession.csrfToken(page.body()));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("The document was refused; nothing changed").contains("<li>policies: ");
        assertThat(api.get("/api/v1/policies", TestServer.ADMIN).json().get("document").asString()).isEqualTo(DOCUMENT);
    }
}
