package io.vigil.web.security;

import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.DatabaseProxy;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server reaches its database through a {@link DatabaseProxy}, which the tests take down
 * (nothing listens) or freeze (connections stay open, no byte passes: a MariaDB stopped with
 * SIGSTOP). Meanwhile credentials verified shortly before keep working from the cache, others get
 * 503 with Retry-After within a few seconds — never a 401 or a 500 — the login page says the
 * credential store is unreachable, and health says DOWN within about two seconds.
 *
 * <p>Requests go to a path no endpoint has: an authenticated caller gets 404 without the request
 * touching the database, so what is measured is authentication alone.
 */
class CredentialStoreOutageIT extends ServerTestSupport {

    private static final String NO_ENDPOINT = "/api/v1/no-such-endpoint";
    private static final Duration QUICK = Duration.ofSeconds(3);
    private static final Duration HEALTH_BOUND = Duration.ofMillis(2500);
    private static final String PASSWORD = "outage-drill-secret";

    private static DatabaseProxy proxy;

    /**
     * Points the server at the relay. A registrar, not a {@code @DynamicPropertySource}: those of
     * the superclass are applied after a subclass's and would win; registrars come later still.
     * The relay is closed with the server, after the database it relays to has been dropped.
     */
    @TestConfiguration
    static class ThroughTheRelay {

        @Bean
        static DynamicPropertyRegistrar relayedDatabaseUrl() {
            return registry -> registry.add("vigil.db.url", () -> relay().relayed(database().jdbcUrl()));
        }

        @Bean(destroyMethod = "close")
        DatabaseProxy databaseProxy() {
            return relay();
        }

        private static synchronized DatabaseProxy relay() {
            if (proxy == null) {
                proxy = new DatabaseProxy(database().jdbcUrl());
            }
            return proxy;
        }
    }

    /** Two users and two tokens: the warm ones used just before the outage, the cold ones never. */
    private record Callers(Auth warmUser, Auth warmToken, String coldUser, Auth coldUserBasic, Auth coldToken) {
    }

    @Test
    void shouldServeCachedCredentialsAndAnswer503ForOthersWhileTheDatabaseIsDown() throws Throwable {
        drill("down", proxy::down);
    }

    @Test
    void shouldServeCachedCredentialsAndAnswer503ForOthersWhileTheDatabaseIsFrozen() throws Throwable {
        drill("frozen", proxy::freeze);
    }

    /** Warms some credentials, takes the database away, checks every way in, brings it back. */
    private void drill(String name, Executable takeAway) throws Throwable {
        Callers callers = prepare(name);
        takeAway.execute();
        try {
            assertOutage(callers);
        } finally {
            proxy.restore();
        }
        Eventually.await("health UP again", Duration.ofSeconds(30), () ->
                api.get("/actuator/health", Auth.NONE).status() == 200 ? Optional.of(true) : Optional.empty());
        assertThat(api.get(NO_ENDPOINT, callers.coldToken()).status()).isEqualTo(404);
        assertThat(api.get(NO_ENDPOINT, callers.coldUserBasic()).status()).isEqualTo(404);
    }

    private Callers prepare(String name) {
        createUser("warm-" + name);
        createUser("cold-" + name);
        Auth warmUser = Auth.basic("warm-" + name, PASSWORD);
        Auth warmToken = issueToken("warm-" + name);
        Auth coldToken = issueToken("cold-" + name);
        assertThat(api.get(NO_ENDPOINT, warmUser).status()).isEqualTo(404);
        assertThat(api.get(NO_ENDPOINT, warmToken).status()).isEqualTo(404);
        return new Callers(warmUser, warmToken, "cold-" + name, Auth.basic("cold-" + name, PASSWORD), coldToken);
    }

    private void assertOutage(Callers callers) {
        Response health = quickly(HEALTH_BOUND, () -> api.get("/actuator/health", Auth.NONE));
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");

        assertThat(quickly(QUICK, () -> api.get(NO_ENDPOINT, callers.warmToken())).status()).isEqualTo(404);
        assertThat(quickly(QUICK, () -> api.get(NO_ENDPOINT, callers.warmUser())).status()).isEqualTo(404);
        assertUnavailable(quickly(QUICK, () -> api.get(NO_ENDPOINT, callers.coldToken())));
        assertUnavailable(quickly(QUICK, () -> api.get(NO_ENDPOINT, callers.coldUserBasic())));

        ConsoleSession browser = new ConsoleSession(port);
        String csrf = ConsoleSession.csrfToken(browser.get("/login").body());
        Response login = quickly(QUICK, () -> browser.postForm("/login",
                "username=" + callers.coldUser() + "&password=" + PASSWORD + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login?unavailable");
        assertThat(browser.get("/login?unavailable").body()).contains("The credential store cannot be reached")
                .doesNotContain("Wrong username or password.");
    }

    private static void assertUnavailable(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).as("not a challenge: the credentials may be right").isNull();
        assertThat(response.json().get("detail").asString()).isEqualTo("the credential store is unreachable: the database"
                + " does not answer, so credentials cannot be checked; try again in 5 seconds");
    }

    private static Response quickly(Duration bound, Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within " + bound).isLessThan(bound);
        return response;
    }

    private void createUser(String username) {
        Response created = api.postJson("/api/v1/users", TestServer.ADMIN,
                ApiClient.json(Map.of("username", username, "password", PASSWORD, "roles", List.of("ANALYST"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Auth issueToken(String name) {
        Response issued = api.postJson("/api/v1/tokens", TestServer.ADMIN,
                ApiClient.json(Map.of("name", name, "role", "ANALYST")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return Auth.bearer(issued.json().get("token").asString());
    }
}
