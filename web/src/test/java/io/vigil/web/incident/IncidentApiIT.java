package io.vigil.web.incident;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.Incidents;
import io.vigil.web.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incidents whose element is NORMAL again, found by the status their element has now, and
 * resolved many at once over the API (a real server and MariaDB).
 */
class IncidentApiIT extends ServerTestSupport {

    private static final Duration PIPELINE = Duration.ofSeconds(20);

    @Test
    void shouldShowTheCurrentStatusOfTheElementAndFilterTheOnesBackToNormal() {
        long recovered = openIncident("api-recovered", "disk");
        long stillCritical = openIncident("api-critical", "disk");
        report("api-recovered", "disk", "NORMAL");
        awaitCurrentStatus(recovered, "NORMAL");

        JsonNode incident = api.get("/api/v1/incidents/" + stillCritical, token(Role.OPERATOR)).json().get("incident");
        List<Long> backToNormal = ids(api.get("/api/v1/incidents?state=unresolved&currentStatus=normal", token(Role.OPERATOR)));

        assertThat(incident.get("currentStatus").asString()).isEqualTo("CRITICAL");
        assertThat(backToNormal).contains(recovered).doesNotContain(stillCritical);
        Response bad = api.get("/api/v1/incidents?currentStatus=green", token(Role.OPERATOR));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString())
                .isEqualTo("parameter \"currentStatus\" has the bad value \"green\": expected one of CRITICAL, NORMAL, UNKNOWN, WARNING");
    }

    @Test
    void shouldResolveSeveralIncidentsAcknowledgingThoseThatStillWaitForIt() {
        long waiting = openIncident("bulk-open", "http");
        long acknowledged = openIncident("bulk-acknowledged", "http");
        assertThat(api.postJson("/api/v1/incidents/" + acknowledged + "/acknowledge", token(Role.OPERATOR), "").status()).isEqualTo(200);

        Response resolved = api.postJson("/api/v1/incidents/resolve", token(Role.OPERATOR),
                "{\"ids\": [" + waiting + ", 999999, " + acknowledged + "]}");

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("resolved").asInt()).isEqualTo(2);
        assertThat(resolved.json().get("refused").asInt()).isEqualTo(1);
        List<String> results = resolved.json().get("results").values().stream()
                .map(r -> r.get("id").asLong() + " " + r.get("result").asString() + (r.has("reason") ? ": " + r.get("reason").asString() : ""))
                .toList();
        assertThat(results).containsExactly(waiting + " resolved",
                "999999 not-found: incident 999999 has no running process (it does not exist or was closed)",
                acknowledged + " resolved");
        JsonNode detail = api.get("/api/v1/incidents/" + waiting, token(Role.OPERATOR)).json();
        assertThat(detail.get("incident").get("state").asString()).isEqualTo("RESOLVED");
        assertThat(detail.get("incident").get("acknowledgedBy").asString()).isEqualTo("token:test-operator");
        assertThat(detail.get("incident").get("resolvedBy").asString()).isEqualTo("token:test-operator");
        assertThat(detail.get("timeline").values().stream().map(t -> t.get("kind").asString()).toList()).containsExactly(
                "OPENED", "TASK_OPENED", "TASK_COMPLETED", "ACKNOWLEDGED", "TASK_OPENED", "TASK_COMPLETED", "INVESTIGATING",
                "TASK_OPENED", "TASK_COMPLETED", "RESOLVED", "TASK_OPENED");

        Response again = api.postJson("/api/v1/incidents/resolve", token(Role.OPERATOR), "{\"ids\": [" + waiting + "]}");
        assertThat(again.json().get("results").get(0).get("result").asString()).isEqualTo("conflict");
        assertThat(again.json().get("results").get(0).get("reason").asString())
                .isEqualTo("incident " + waiting + " is RESOLVED and has no Resolve task waiting (it waits for Close)");
    }

    @Test
    void shouldRefuseABadListOfIdsNamingTheBadValue() {
        Response refused = api.postJson("/api/v1/incidents/resolve", token(Role.OPERATOR), "{\"ids\": [5, \"x\", 5]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("ids[1]: \"x\" is not an incident id (a whole number from 1)");
        assertThat(refused.json().get("errors").values().stream().map(JsonNode::asString).toList())
                .containsExactly("ids[1]: \"x\" is not an incident id (a whole number from 1)", "ids[2]: 5 is already listed at ids[0]");
        assertThat(refused.json().get("instance").asString()).isEqualTo("/api/v1/incidents/resolve");
    }

    @Test
    void shouldLeaveBulkResolveToOperators() {
        Response analyst = api.postJson("/api/v1/incidents/resolve", token(Role.ANALYST), "{\"ids\": [1]}");

        assertThat(analyst.status()).isEqualTo(403);
    }

    private long openIncident(String resource, String check) {
        return incidents().open(resource, check);
    }

    private void report(String resource, String check, String status) {
        incidents().report(resource, check, status);
    }

    private Incidents incidents() {
        return new Incidents(api, token(Role.INTEGRATOR), token(Role.OPERATOR));
    }

    private void awaitCurrentStatus(long incidentId, String status) {
        Eventually.await("incident " + incidentId + "'s element " + status, PIPELINE, () -> {
            JsonNode incident = api.get("/api/v1/incidents/" + incidentId, token(Role.OPERATOR)).json().get("incident");
            return status.equals(incident.get("currentStatus").asString()) ? Optional.of(true) : Optional.empty();
        });
    }

    private static List<Long> ids(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("incidents").values().stream().map(i -> i.get("id").asLong()).toList();
    }
}
