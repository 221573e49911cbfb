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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: 401 and 403 for every API family and every console page, role by role, with
 * the one rule both follow; 404 for paths nobody handles; the security headers; tokens, users,
 * passwords and the console login.
 */
class SecurityIT extends ServerTestSupport {

    private static final Set<Role> READERS = EnumSet.of(Role.OPERATOR, Role.ANALYST, Role.AUDITOR);
    private static final String CONSOLE_PASSWORD = "matrix-walk-secret-1";

    /** One logged-in console visitor per role, made on first use. */
    private static final Map<Role, ConsoleSession> CONSOLE = new EnumMap<>(Role.class);

    record Endpoint(String method, String path, Set<Role> allowed) {

        Response call(ApiClient api, Auth auth) {
            return switch (method) {
                case "GET" -> api.get(path, auth);
                case "DELETE" -> api.delete(path, auth);
                case "PUT" -> api.put(path, auth, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                default -> api.postJson(path, auth, "{}");
            };
        }

        Response call(ConsoleSession console) {
            return "GET".equals(method) ? console.get(path) : console.submit("/login", path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> apiEndpoints() {
        return Stream.of(
                new Endpoint("POST", "/api/v1/events", EnumSet.of(Role.INTEGRATOR)),
                new Endpoint("POST", "/api/v1/webhooks/alertmanager", EnumSet.of(Role.INTEGRATOR)),
                new Endpoint("POST", "/api/v1/webhooks/grafana", EnumSet.of(Role.INTEGRATOR)),
                new Endpoint("GET", "/api/v1/events", READERS),
                new Endpoint("GET", "/api/v1/events/1", READERS),
                new Endpoint("GET", "/api/v1/events/export", READERS),
                new Endpoint("GET", "/api/v1/elements", READERS),
                new Endpoint("GET", "/api/v1/alerts", READERS),
                new Endpoint("GET", "/api/v1/alerts/1", READERS),
                new Endpoint("POST", "/api/v1/alerts/1/acknowledge", EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/api/v1/alerts/acknowledge", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/api/v1/silences", READERS),
                new Endpoint("GET", "/api/v1/silences/1", READERS),
                new Endpoint("GET", "/api/v1/silences/preview", READERS),
                new Endpoint("POST", "/api/v1/silences", EnumSet.of(Role.OPERATOR)),
                new Endpoint("DELETE", "/api/v1/silences/999", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/api/v1/incidents", READERS),
                new Endpoint("GET", "/api/v1/incidents/1", READERS),
                new Endpoint("POST", "/api/v1/incidents/1/acknowledge", EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/api/v1/incidents/1/resolve", EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/api/v1/incidents/bulk/acknowledge", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/api/v1/audit/firings", EnumSet.of(Role.AUDITOR)),
                new Endpoint("GET", "/api/v1/audit/firings/1", READERS),
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

    static Stream<Endpoint> consolePages() {
        return Stream.of(
                new Endpoint("GET", "/console/events", READERS),
                new Endpoint("GET", "/console/events/1", READERS),
                new Endpoint("GET", "/console/alerts", READERS),
                new Endpoint("GET", "/console/alerts/1", READERS),
                new Endpoint("POST", "/console/alerts/acknowledge", EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/console/alerts/1/acknowledge", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/console/silences", READERS),
                new Endpoint("POST", "/console/silences", EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/console/silences/999/expire", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/console/incidents", READERS),
                new Endpoint("GET", "/console/incidents/1", READERS),
                new Endpoint("POST", "/console/incidents/1/acknowledge", EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/console/incidents/1/resolve", EnumSet.of(Role.OPERATOR)),
                new Endpoint("POST", "/console/incidents/bulk/acknowledge", EnumSet.of(Role.OPERATOR)),
                new Endpoint("GET", "/console/audit", EnumSet.of(Role.AUDITOR)),
                new Endpoint("GET", "/console/audit/verify", EnumSet.of(Role.AUDITOR)),
                new Endpoint("GET", "/console/audit/firings/1", READERS),
                new Endpoint("GET", "/console/services", READERS),
                new Endpoint("GET", "/console/services/webapp", READERS),
                new Endpoint("GET", "/console/service-tree", READERS),
                new Endpoint("GET", "/console/service-map", READERS),
                new Endpoint("POST", "/console/services/webapp/downtimes", EnumSet.of(Role.OPERATOR)));
    }

    static Stream<Arguments> apiEndpointsAndRoles() {
        return apiEndpoints().flatMap(e -> Stream.of(Role.values()).map(r -> Arguments.of(e, r)));
    }

    static Stream<Arguments> consolePagesAndRoles() {
        return consolePages().flatMap(e -> Stream.of(Role.values()).map(r -> Arguments.of(e, r)));
    }

    @ParameterizedTest(name = "{0} without credentials")
    @MethodSource("apiEndpoints")
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
    @MethodSource("apiEndpointsAndRoles")
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

    @ParameterizedTest(name = "console {0} as {1}")
    @MethodSource("consolePagesAndRoles")
    void shouldOpenConsolePagesToTheSameRolesAsTheApi(Endpoint page, Role role) {
        Response response = page.call(console(role));

        if (role == Role.ADMIN || page.allowed().contains(role)) {
            assertThat(response.status()).as(response.body()).isNotEqualTo(403);
            assertThat(Objects.toString(response.header("Location"), "")).as("not sent to log in").doesNotEndWith("/login");
        } else {
            assertThat(response.status()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "console {0} without login")
    @MethodSource("consolePages")
    void shouldSendConsoleVisitorsToTheLoginPage(Endpoint page) {
        Response response = page.call(new ConsoleSession(port));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    @Test
    void shouldLetAnOperatorFollowTheRuleLinkOfTheirIncidentPage() {
        Response firing = console(Role.OPERATOR).get("/console/audit/firings/424242");
        Response apiFiring = api.get("/api/v1/audit/firings/424242", token(Role.OPERATOR));

        assertThat(firing.status()).isEqualTo(404);
        assertThat(apiFiring.status()).isEqualTo(404);
        assertThat(console(Role.OPERATOR).get("/console/audit").status()).isEqualTo(403);
    }

    @Test
    void shouldDenyKnownEndpointsNobodyIsGrantedEvenToAdmin() {
        Response response = api.put("/api/v1/events", token(Role.ADMIN), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo("PUT /api/v1/events is not allowed");
    }

    @Test
    void shouldAnswer404ForPathsNoEndpointHasOnceAuthenticated() {
        Response asAdmin = api.get("/api/v1/nothing-here", token(Role.ADMIN));
        Response asIntegrator = api.postJson("/api/v1/nothing/here", token(Role.INTEGRATOR), "{}");
        Response anonymous = api.get("/api/v1/nothing-here", Auth.NONE);

        assertThat(asAdmin.status()).isEqualTo(404);
        assertThat(asAdmin.header("Content-Type")).startsWith("application/problem+json");
        assertThat(asAdmin.json().get("detail").asString()).isEqualTo("there is no endpoint GET /api/v1/nothing-here");
        assertThat(asIntegrator.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void shouldShowTheErrorPageForConsolePathsNoPageHas() {
        Response loggedIn = console(Role.ANALYST).get("/console/nothing-here");
        Response anonymous = new ConsoleSession(port).get("/console/nothing-here");

        assertThat(loggedIn.status()).isEqualTo(404);
        assertThat(loggedIn.header("Content-Type")).startsWith("text/html");
        assertThat(loggedIn.body()).contains("404");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
    }

    @Test
    void shouldSendContentSecurityAndReferrerPoliciesAndALaxSessionCookie() {
        ConsoleSession visitor = new ConsoleSession(port);
        Response login = visitor.get("/login");
        Response apiCall = api.get("/api/v1/elements", token(Role.OPERATOR));

        assertThat(login.header("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self';"
                + " style-src 'self' " + SecurityConfig.BPMN_VIEWER_STYLES + "; img-src 'self' data:; object-src 'none';"
                + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(login.header("Set-Cookie")).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(apiCall.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(apiCall.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void shouldKeepInlineScriptsStylesAndHandlersOutOfConsolePages() throws Exception {
        byte[] shop = Files.readAllBytes(Path.of(getClass().getResource("/services/shop.yml").toURI()));
        assertThat(api.put("/api/v1/services", TestServer.ADMIN, "application/yaml", shop).status()).isEqualTo(200);
        ConsoleSession admin = new ConsoleSession(port);
        admin.login("admin", TestServer.ADMIN_PASSWORD);

        for (String page : List.of("/login", "/console/events", "/console/incidents", "/console/audit", "/console/services",
                "/console/services/webapp", "/console/service-tree", "/console/service-map")) {
            Response response = admin.get(page);
            assertThat(response.status()).as(page).isEqualTo(200);
            String html = response.body();
            assertThat(html).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style")
                    .doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=").doesNotContain("javascript:");
        }
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
        // The intake answers with a ResponseEntity or a future of one: the 202 and its body are declared.
        assertThat(docs.json().at("/paths/~1api~1v1~1events/post/responses/202/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Accepted");
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
    void shouldStopAcceptingARevokedTokenAtOnceThoughItWasCached() {
        JsonNode token = api.postJson("/api/v1/tokens", TestServer.ADMIN, "{\"name\":\"old\",\"role\":\"OPERATOR\"}").json();
        Auth bearer = Auth.bearer(token.get("token").asString());
        assertThat(api.get("/api/v1/elements", bearer).status()).isEqualTo(200);
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
        Response created = createUser("olga", "night-shift-lantern", "OPERATOR");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("roles").values().stream().map(JsonNode::asString).toList()).containsExactly("OPERATOR");
        assertThat(created.body()).doesNotContain("night-shift-lantern");
        assertThat(api.get("/api/v1/incidents", Auth.basic("olga", "night-shift-lantern")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/verify", Auth.basic("olga", "night-shift-lantern")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/incidents", Auth.basic("olga", "wrong-password")).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseDuplicateUserAndPasswordsThePolicyForbidsNamingTheRule() {
        assertRefused(createUser("admin", "whatever-words-1", "ANALYST"), 409, "user \"admin\" already exists");
        assertRefused(createUser("pat", "short-pw", "ANALYST"), 400, "password must be at least 12 characters, got 8");
        assertRefused(createUser("pat", "x".repeat(73), "ANALYST"), 400,
                "password must be at most 72 bytes in UTF-8 (what BCrypt reads), got 73");
        assertRefused(createUser("patricia", "patricia-secret-1", "ANALYST"), 400,
                "password must not contain the user name \"patricia\"");
        assertRefused(createUser("pat", "Password12345!", "ANALYST"), 400, "password is too common: it is on the list of"
                + " common and breached passwords (perhaps with digits or symbols added, or repeated)");
    }

    @Test
    void shouldLetUsersChangeTheirOwnPasswordGivingTheCurrentOne() {
        createUser("quinn", "first-quiet-garden", "ANALYST");
        Auth before = Auth.basic("quinn", "first-quiet-garden");
        assertThat(api.get("/api/v1/elements", before).status()).as("cached now").isEqualTo(200);

        Response wrongCurrent = changePassword("quinn", before, "second-quiet-garden", "not-my-password");
        Response changed = changePassword("quinn", before, "second-quiet-garden", "first-quiet-garden");

        assertRefused(wrongCurrent, 403, "currentPassword does not match the password of \"quinn\"");
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(api.get("/api/v1/elements", before).status()).as("the old password, at once").isEqualTo(401);
        assertThat(api.get("/api/v1/elements", Auth.basic("quinn", "second-quiet-garden")).status()).isEqualTo(200);
    }

    @Test
    void shouldLetOnlyAdminChangeSomeoneElsesPassword() {
        createUser("rosa", "rosy-morning-tide", "OPERATOR");
        createUser("sven", "silver-birch-lake", "OPERATOR");

        Response bySven = changePassword("rosa", Auth.basic("sven", "silver-birch-lake"), "taken-over-by-sven", "rosy-morning-tide");
        Response byToken = changePassword("rosa", token(Role.OPERATOR), "taken-over-by-token", "rosy-morning-tide");
        Response weak = changePassword("rosa", TestServer.ADMIN, "qwerty123456", null);
        Response nobody = changePassword("nobody", TestServer.ADMIN, "fresh-start-for-nobody", null);
        Response byAdmin = changePassword("rosa", TestServer.ADMIN, "reset-by-the-admin", null);

        assertRefused(bySven, 403, "only ADMIN or \"rosa\" may change the password of \"rosa\"");
        assertRefused(byToken, 403, "only ADMIN or \"rosa\" may change the password of \"rosa\"");
        assertRefused(weak, 400, "password is too common: it is on the list of common and breached passwords"
                + " (perhaps with digits or symbols added, or repeated)");
        assertRefused(nobody, 404, "user \"nobody\" does not exist");
        assertThat(byAdmin.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/elements", Auth.basic("rosa", "reset-by-the-admin")).status()).isEqualTo(200);
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

    private ConsoleSession console(Role role) {
        return CONSOLE.computeIfAbsent(role, r -> {
            String username = "console-" + r.name().toLowerCase();
            assertThat(createUser(username, CONSOLE_PASSWORD, r.name()).status()).isEqualTo(201);
            ConsoleSession session = new ConsoleSession(port);
            assertThat(session.login(username, CONSOLE_PASSWORD).status()).isEqualTo(302);
            return session;
        });
    }

    private Response createUser(String username, String password, String role) {
        return api.postJson("/api/v1/users", TestServer.ADMIN,
                ApiClient.json(Map.of("username", username, "password", password, "roles", List.of(role))));
    }

    private Response changePassword(String username, Auth auth, String password, String currentPassword) {
        Map<String, String> body = currentPassword == null ? Map.of("password", password)
                : Map.of("password", password, "currentPassword", currentPassword);
        return api.put("/api/v1/users/" + username + "/password", auth, "application/json",
                ApiClient.json(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
    }
}
