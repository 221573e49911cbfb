package io.vigil.web.security;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is slowed down on every way in, with the default policy: five free failures
 * per user name, twenty per client address, then locks of 2 s, 4 s, 8 s… answered 429. All
 * requests here come from 127.0.0.1, so the address's count runs through the class: the test that
 * locks the address comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottleIT extends ServerTestSupport {

    private static final String ENDPOINT = "/api/v1/elements";

    @Test
    @Order(1)
    void shouldLockAUserAfterRepeatedWrongBasicPasswordsAndClearItOnSuccess() throws Exception {
        createUser("bruno", "bright-basic-harbour");
        for (int i = 1; i <= 6; i++) {
            assertThat(api.get(ENDPOINT, Auth.basic("bruno", "wrong-guess-" + i)).status()).as("guess " + i).isEqualTo(401);
        }

        Response locked = api.get(ENDPOINT, Auth.basic("bruno", "bright-basic-harbour"));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isEqualTo("2");
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(locked.json().get("detail").asString())
                .isEqualTo("too many failed logins for user \"bruno\": try again in 2 seconds");
        Thread.sleep(2_000);
        assertThat(api.get(ENDPOINT, Auth.basic("bruno", "bright-basic-harbour")).status()).isEqualTo(200);
        assertThat(api.get(ENDPOINT, Auth.basic("bruno", "one-more-wrong")).status()).as("the count starts again").isEqualTo(401);
        assertThat(api.get(ENDPOINT, Auth.basic("bruno", "bright-basic-harbour")).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void shouldSayOnTheLoginPageThatTheUserIsLockedAndForHowLong() {
        createUser("fiona", "friendly-form-meadow");
        ConsoleSession browser = new ConsoleSession(port);
        for (int i = 1; i <= 6; i++) {
            assertThat(browser.login("fiona", "wrong-guess-" + i).header("Location")).endsWith("/login?error");
        }

        Response locked = browser.login("fiona", "friendly-form-meadow");

        assertThat(locked.status()).isEqualTo(302);
        assertThat(locked.header("Location")).endsWith("/login?locked=2");
        assertThat(browser.get("/login?locked=2").body())
                .contains("Too many failed logins for this user or from this address:")
                .containsPattern("try again in <span>2</span> seconds");
        assertThat(browser.get("/console/events").status()).as("still not logged in").isEqualTo(302);
    }

    @Test
    @Order(3)
    void shouldLockAnAddressThatSpraysNamesAndTokensEvenForRightCredentials() {
        int attempts = 0;
        Response answer;
        do {
            attempts++;
            answer = attempts % 2 == 0
                    ? api.get(ENDPOINT, Auth.bearer("vgl_guessed-" + attempts))
                    : api.get(ENDPOINT, Auth.basic("sprayed-" + attempts, "wrong-guess"));
        } while (answer.status() == 401 && attempts < 30);

        assertThat(answer.status()).as("after " + attempts + " attempts").isEqualTo(429);
        assertThat(answer.json().get("detail").asString()).startsWith("too many failed authentication attempts from 127.0.0.1");
        Response rightToken = api.get(ENDPOINT, token(Role.OPERATOR));
        Response rightPassword = api.get(ENDPOINT, TestServer.ADMIN);
        assertThat(rightToken.status()).isEqualTo(429);
        assertThat(rightToken.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(rightPassword.status()).isEqualTo(429);
    }

    private void createUser(String username, String password) {
        Response created = api.postJson("/api/v1/users", TestServer.ADMIN,
                ApiClient.json(Map.of("username", username, "password", password, "roles", List.of("OPERATOR"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
