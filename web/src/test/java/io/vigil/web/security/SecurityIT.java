package io.vigil.web.security;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: 401 and 403 for every API family and role, tokens, users and the console login. */
class SecurityIT extends ServerTestSupport {

    private static final Set<Role> READERS = EnumSet.of(Role.OPERATOR, Role.ANALYST, Role.AUDITOR);


    record Endpoint(String method, String path, Set<Role> allowed) {

        Response call(ApiClient api, Auth auth) {
            return switch (method) {
                case "GET" -> api.get(path, auth);
                case "DELETE" -> api.delete(path, auth);
                case "PUT" -> api.put(path, auth, "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                default -> api.postJson(path, auth, "{}");
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", "/api/v1/events", EnumSet.of(Role.INTEGRATOR)),
                new Endpoint("GET", "/api/v1/events", READERS),
                new Endpoint("GET", "/api/v1/events/1", READERS),
                new Endpoint("GET", "/api/v1/elements", READERS),
                new Endpoint("GET", "/api/v1/incidents", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/api/v1/incidents/1", EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/api/v1/incidents/1/acknowledge", EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/api/v1/incidents/1/resolve", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/api/v1/audit/firings", EnumSet.of(Role.AUDITOR)),
                new Endpoint("GET", "/api/v1/audit/firings/1", EnumSet.of(Role.AUDITOR)),
                new Endpoint("GET", "/api/v1/audit/verify", EnumSet.of(Role.AUDITOR)),
                new Endpoint("PUT", "/api/v1/services", EnumSet.of(Role.ADMIN)),
                new Endpoint("GET", "/api/v1/services", READERS),
                new Endpoint("GET", "/api/v1/services/webapp", READERS),
                new Endpoint("GET", "/api/v1/services/webapp/sla", READERS),
                new Endpoint("POST", "/api/v1/services/webapp/downtimes", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/api/v1/downtimes", READERS),
                new Endpoint("DELETE", "/api/v1/downtimes/999", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/api/v1/dead-letters", EnumSet.of(Role.ADMIN)),
                new Endpoint("GET", "/api/v1/tokens", EnumSet.of(Role.ADMIN)),
                new Endpoint("POST", "/api/v1/tokens", EnumSet.of(Role.ADMIN)),
                new Endpoint("DELETE", "/api/v1/tokens/999", EnumSet.of(Role.ADMIN)),
                new Endpoint("GET", "/api/v1/users", EnumSet.of(Role.ADMIN)),
                new Endpoint("POST", "/api/v1/users", EnumSet.of(Role.ADMIN)));
    }

    static Stream<Arguments> endpointsAndRoles() {
        return endpoints().flatMap(e -> Stream.of(Role.values()).map(r -> Arguments.of(e, r)));
    }

    @ParameterizedTest(name = "{0} without credentials")
    @MethodSource("endpoints")
    void shouldAnswer401ProblemWithChallengeWithoutCredentials(Endpoint endpoint) {
        Response response = endpoint.call(api, Auth.NONE);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"vigil\", Basic realm=\"vigil\"");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("authentication required: send \"Authorization: Bearer <token>\" or HTTP Basic credentials");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRoles")
    void shouldAllowOnlyTheEndpointsRolesAndAdmin(Endpoint endpoint, Role role) {
        Response response = endpoint.call(api, token(role));

        if (role == Role.ADMIN || endpoint.allowed().contains(role)) {
            assertThat(response.status()).as(response.body()).isNotIn(401, 403);
        } else {
            List<String> needed = endpoint.allowed().stream().map(Role::name).sorted().toList();
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            JsonNode body = response.json();
            assertThat(body.get("requiredRoles").values().stream().map(JsonNode::asString).toList()).isEqualTo(needed);
            assertThat(body.get("detail").asString()).startsWith(endpoint + " requires ");
        }
    }

    @Test
    void shouldDenyPathsNobodyIsGrantedEvenToAdmin() {
        Response response = api.get("/api/v1/nothing-here", token(Role.ADMIN));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo("GET /api/v1/nothing-here is not allowed");
    }

    @Test
    void shouldServeHealthAndApiDocsWithoutLogin() {
        Response health = api.get("/actuator/health", Auth.NONE);
        Response docs = api.get("/v3/api-docs", Auth.NONE);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/events")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/incidents/{id}/acknowledge")).isTrue();
    }

    @Test
    void shouldAnswerUnknownBearerTokenWithInvalidTokenChallenge() {
        Response response = api.get("/api/v1/events", Auth.bearer("vgl_not-a-real-token"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(response.json().get("detail").asString()).isEqualTo("authentication failed: unknown or revoked api token");
    }

    @Test
    void shouldIssueTokenShownOnceAndListItWithoutSecret() {
        Response created = api.postJson("/api/v1/tokens", TestServer.ADMIN, "{\"name\":\"grafana\",\"role\":\"integrator\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode token = created.json();
        assertThat(token.get("name").asString()).isEqualTo("grafana");
        assertThat(token.get("role").asString()).isEqualTo("INTEGRATOR");
        assertThat(token.get("token").asString()).matches("vgl_[A-Za-z0-9_-]{43}");
        Response list = api.get("/api/v1/tokens", TestServer.ADMIN);
        JsonNode listed = list.json().values().stream()
                .filter(t -> t.get("id").asLong() == token.get("id").asLong()).findFirst().orElseThrow();
        assertThat(listed.get("createdBy").asString()).isEqualTo("admin");
        assertThat(listed.has("token")).isFalse();
        assertThat(list.body()).doesNotContain(token.get("token").asString());
    }

    @Test
    void shouldStopAcceptingRevokedToken() {
        JsonNode token = api.postJson("/api/v1/tokens", TestServer.ADMIN, "{\"name\":\"old\",\"role\":\"OPERATOR\"}").json();
        Auth bearer = Auth.bearer(token.get("token").asString());
        assertThat(api.get("/api/v1/elements", bearer).status()).isEqualTo(200);

        Response revoked = api.delete("/api/v1/tokens/" + token.get("id").asLong(), TestServer.ADMIN);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/elements", bearer).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseTokenForUnknownRoleNamingIt() {
        Response response = api.postJson("/api/v1/tokens", TestServer.ADMIN, "{\"name\":\"x\",\"role\":\"WIZARD\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("unknown role \"WIZARD\" (expected one of ANALYST, OPERATOR, INTEGRATOR, AUDITOR, ADMIN)");
    }

    @Test
    void shouldAnswer404ForRevokingUnknownToken() {
        Response response = api.delete("/api/v1/tokens/424242", TestServer.ADMIN);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("token 424242 does not exist");
    }

    @Test
    void shouldCreateUserWhoUsesTheApiWithTheirRolesOnly() {
        Response created = api.postJson("/api/v1/users", TestServer.ADMIN,
                "{\"username\":\"olga\",\"password\":\"olga-password\",\"roles\":[\"OPERATOR\"]}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("roles").values().stream().map(JsonNode::asString).toList()).containsExactly("OPERATOR");
        assertThat(created.body()).doesNotContain("olga-password");
        assertThat(api.get("/api/v1/incidents", Auth.basic("olga", "olga-password")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/verify", Auth.basic("olga", "olga-password")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/incidents", Auth.basic("olga", "wrong-password")).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseDuplicateUserAndShortPassword() {
        Response duplicate = api.postJson("/api/v1/users", TestServer.ADMIN,
                "{\"username\":\"admin\",\"password\":\"whatever-1\",\"roles\":[\"ANALYST\"]}");
        Response shortPassword = api.postJson("/api/v1/users", TestServer.ADMIN,
                "{\"username\":\"pat\",\"password\":\"short\",\"roles\":[\"ANALYST\"]}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).isEqualTo("user \"admin\" already exists");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("detail").asString()).isEqualTo("password must be at least 8 characters");
    }

    @Test
    void shouldSendConsoleVisitorsToTheLoginPage() {
        Response page = api.get("/console/events", Auth.NONE);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
    }

    @Test
    void shouldLogInThroughTheFormOnlyWithCsrfToken() {
        ConsoleSession session = new ConsoleSession(port);

        int withoutCsrf = session.postForm("/login", "username=admin&password=" + TestServer.ADMIN_PASSWORD).status();
        Response loggedIn = session.login("admin", TestServer.ADMIN_PASSWORD);

        assertThat(withoutCsrf).isEqualTo(403);
        assertThat(loggedIn.status()).isEqualTo(302);
        assertThat(loggedIn.header("Location")).endsWith("/");
        assertThat(session.get("/console/events").status()).isEqualTo(200);
    }

    @Test
    void shouldShowLoginErrorForWrongPassword() {
        ConsoleSession session = new ConsoleSession(port);

        Response failed = session.login("admin", "not-the-password");

        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.header("Location")).endsWith("/login?error");
        assertThat(session.get("/login?error").body()).contains("Wrong username or password.");
    }
}
