package io.vigil.web.system;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every /api/v1 endpoint refuses a query parameter it does not take, instead of answering as if
 * it had not been sent: 400 problem+json naming it and listing what the endpoint takes.
 */
class QueryParametersIT extends ServerTestSupport {

    @Test
    void shouldRefuseAFilterTheIncidentListDoesNotHave() {
        Response refused = api.get("/api/v1/incidents?resource=db01", token(Role.OPERATOR));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo(
                "unknown query parameter \"resource\": GET /api/v1/incidents takes before, currentStatus, limit, state");
        assertThat(strings(refused.json().get("unknown"))).containsExactly("resource");
        assertThat(strings(refused.json().get("accepted"))).containsExactly("before", "currentStatus", "limit", "state");
        assertThat(refused.json().get("instance").asString()).isEqualTo("/api/v1/incidents");
        assertThat(api.get("/api/v1/incidents?state=open&limit=5", token(Role.OPERATOR)).status()).isEqualTo(200);
    }

    @Test
    void shouldNameEveryUnknownParameterOfAnyEndpoint() {
        assertThat(detail(api.get("/api/v1/events?limit=5&befor=3", token(Role.OPERATOR))))
                .isEqualTo("unknown query parameter \"befor\": GET /api/v1/events takes before, category, check, from, limit, resource,"
                        + " source, status, to");
        assertThat(detail(api.get("/api/v1/elements?status=CRITICAL&resource=db01", token(Role.OPERATOR))))
                .isEqualTo("unknown query parameters \"resource\", \"status\": GET /api/v1/elements takes limit");
        assertThat(detail(api.get("/api/v1/audit/verify?full=true", token(Role.AUDITOR))))
                .isEqualTo("unknown query parameter \"full\": GET /api/v1/audit/verify takes anchorFiring, anchorHash");
        assertThat(detail(api.get("/api/v1/downtimes?services=shop", token(Role.OPERATOR))))
                .isEqualTo("unknown query parameter \"services\": GET /api/v1/downtimes takes past, service");
        assertThat(detail(api.postJson("/api/v1/incidents/resolve?dryRun=true", token(Role.OPERATOR), "{\"ids\":[1]}")))
                .isEqualTo("unknown query parameter \"dryRun\": POST /api/v1/incidents/resolve takes no query parameters");
        assertThat(detail(api.get("/api/v1/tokens?role=ADMIN", TestServer.ADMIN)))
                .isEqualTo("unknown query parameter \"role\": GET /api/v1/tokens takes no query parameters");
        assertThat(api.get("/api/v1/audit/firings?rule=nothing&since=2026-01-01T00:00:00Z&limit=3", token(Role.AUDITOR)).status())
                .isEqualTo(200);
    }

    @Test
    void shouldListWhatOtherHandlersOfTheSamePathTake() {
        assertThat(detail(api.get("/api/v1/services?formt=yaml", TestServer.ADMIN)))
                .isEqualTo("unknown query parameter \"formt\": GET /api/v1/services takes format");
        assertThat(api.get("/api/v1/services?format=yaml", TestServer.ADMIN).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/services", TestServer.ADMIN).status()).isEqualTo(200);
    }

    @Test
    void shouldLeaveAuthenticationFirst() {
        Response anonymous = api.get("/api/v1/incidents?resource=db01", io.vigil.web.testing.Auth.NONE);

        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static String detail(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("detail").asString();
    }

    private static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }
}
