package io.vigil.web.audit;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.Incidents;
import io.vigil.web.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's "why", both ways, on a real server: incident → the firings behind it → the events
 * they matched → the raw text; event → every firing it took part in; the search as CSV; and anchors,
 * which verification checks the chain against.
 */
class AuditTrailApiIT extends ServerTestSupport {

    @Test
    void shouldFollowAnIncidentBackToItsRawLineAndAnEventForwardToItsFirings() {
        Incidents incidents = new Incidents(api, token(Role.INTEGRATOR), token(Role.OPERATOR));
        long incident = incidents.open("audit-db01", "disk");
        var auditor = token(Role.AUDITOR);

        List<JsonNode> behind = api.get("/api/v1/audit/firings?incident=" + incident, auditor).json().get("firings").values().stream().toList();
        assertThat(behind).isNotEmpty();
        JsonNode opening = behind.stream().filter(f -> !f.get("eventIds").isEmpty()).findFirst().orElseThrow();
        long eventId = opening.get("eventIds").get(0).asLong();
        JsonNode event = api.get("/api/v1/events/" + eventId, auditor).json();
        assertThat(event.toString()).contains("audit-db01").contains("\"raw\"");

        Response ofEvent = api.get("/api/v1/audit/firings?event=" + eventId, auditor);
        assertThat(ofEvent.status()).as(ofEvent.body()).isEqualTo(200);
        List<Long> firingIds = ofEvent.json().get("firings").values().stream().map(f -> f.get("id").asLong()).toList();
        assertThat(firingIds).as("the classification and the opening").contains(opening.get("id").asLong()).hasSizeGreaterThan(1);
        assertThat(ofEvent.json().get("firings").values().stream().allMatch(f -> f.get("eventIds").toString()
                .contains(String.valueOf(eventId)))).isTrue();

        long alert = api.get("/api/v1/alerts?limit=1000", auditor).json().get("alerts").values().stream()
                .filter(a -> a.get("key").asString().equals("audit-db01/disk")).findFirst().orElseThrow().get("id").asLong();
        assertThat(api.get("/api/v1/audit/firings?alert=" + alert, auditor).json().get("firings").size()).isPositive();

        String version = opening.get("ruleSetVersion").asString();
        assertThat(api.get("/api/v1/audit/firings?version=" + version + "&event=" + eventId, auditor).json()
                .get("firings").size()).isEqualTo(firingIds.size());
        assertThat(api.get("/api/v1/audit/firings?version=" + "0".repeat(64), auditor).json().get("firings").size()).isZero();

        Response csv = api.get("/api/v1/audit/firings.csv?event=" + eventId, auditor);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("id,fired_at,rule,package,rule_set_version,event_ids,facts,outcome,prev_hash,hash");
        assertThat(lines).hasSize(firingIds.size() + 1);
        assertThat(lines.get(1)).startsWith(firingIds.get(0) + ",");
        assertThat(api.get("/api/v1/audit/firings.csv", token(Role.OPERATOR)).status()).isEqualTo(403);
    }

    @Test
    void shouldRecordAnchorsAndVerifyTheChainAgainstThem() {
        new Incidents(api, token(Role.INTEGRATOR), token(Role.OPERATOR)).report("audit-web01", "sshd", "WARNING");
        var auditor = token(Role.AUDITOR);
        Eventually.await("a firing about audit-web01", Incidents.PIPELINE, () -> api.get("/api/v1/audit/firings?limit=50",
                auditor).json().get("firings").values().stream().filter(f -> f.toString().contains("audit-web01")).findFirst());
        Response anchored = api.postJson("/api/v1/audit/anchors", auditor, "");
        assertThat(anchored.status()).as(anchored.body()).isEqualTo(201);
        JsonNode anchor = anchored.json();
        assertThat(anchor.get("headHash").asString()).hasSize(64);
        assertThat(anchor.get("recordedBy").asString()).isEqualTo("token:test-auditor");

        JsonNode verified = api.get("/api/v1/audit/verify", auditor).json();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("anchors").asInt()).isPositive();

        long firing = anchor.get("lastFiringId").asLong();
        assertThat(firing).isPositive();
        JsonNode wrong = api.get("/api/v1/audit/verify?anchorFiring=" + firing + "&anchorHash=" + "a".repeat(64), auditor).json();
        assertThat(wrong.get("ok").asBoolean()).as(wrong.toString()).isFalse();
        assertThat(wrong.get("brokenAt").asLong()).isEqualTo(firing);
        assertThat(wrong.get("reason").asString()).contains("(the trail up to it was rewritten)");
        assertThat(api.get("/api/v1/audit/verify?anchorFiring=" + firing, auditor).status()).isEqualTo(400);
    }
}
