package io.vigil.web.security;

import io.vigil.testing.engine.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private static final String ADDRESS = "203.0.113.9";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    private LoginThrottle throttle(int userFree, int addressFree, int capacity) {
        return new LoginThrottle(new AuthProperties(new AuthProperties.Cache(Duration.ofSeconds(30), Duration.ofMinutes(10), 100),
                new AuthProperties.Throttle(userFree, addressFree, Duration.ofSeconds(2), Duration.ofMinutes(15),
                        Duration.ofHours(1), capacity)), clock);
    }

    @Test
    void shouldLetTheFreeFailuresPassThenLockTheUserForADoublingTime() {
        LoginThrottle throttle = throttle(5, 100, 100);
        for (int i = 0; i < 5; i++) {
            throttle.failed("olga", ADDRESS);
        }
        assertThatCode(() -> throttle.check("olga", ADDRESS)).doesNotThrowAnyException();

        throttle.failed("olga", ADDRESS);
        assertThatThrownBy(() -> throttle.check("olga", ADDRESS)).isInstanceOf(LoginThrottledException.class)
                .hasMessage("too many failed logins for user \"olga\": try again in 2 seconds")
                .extracting(e -> ((LoginThrottledException) e).getRetryAfterSeconds()).isEqualTo(2L);

        clock.advance(Duration.ofSeconds(2));
        assertThatCode(() -> throttle.check("olga", ADDRESS)).doesNotThrowAnyException();
        throttle.failed("olga", ADDRESS);
        throttle.failed("olga", ADDRESS);
        assertThat(retryAfter(throttle, "olga", ADDRESS)).isEqualTo(8);
    }

    @Test
    void shouldCapTheLockAtTheMaximum() {
        LoginThrottle throttle = throttle(1, 100, 100);
        for (int i = 0; i < 40; i++) {
            throttle.failed("olga", ADDRESS);
        }

        assertThat(retryAfter(throttle, "olga", ADDRESS)).isEqualTo(15 * 60);
    }

    @Test
    void shouldClearTheUsersFailuresOnSuccessButNotTheAddresses() {
        LoginThrottle throttle = throttle(2, 3, 100);
        throttle.failed("olga", ADDRESS);
        throttle.failed("olga", ADDRESS);
        throttle.succeeded("olga");
        throttle.failed("olga", ADDRESS);
        throttle.failed("olga", ADDRESS);

        assertThatThrownBy(() -> throttle.check("olga", ADDRESS))
                .hasMessage("too many failed authentication attempts from 203.0.113.9: try again in 2 seconds");
        assertThatThrownBy(() -> throttle.check(null, ADDRESS)).isInstanceOf(LoginThrottledException.class);
        assertThatCode(() -> throttle.check("olga", "198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void shouldCountWrongBearerTokensAgainstTheAddressOnly() {
        LoginThrottle throttle = throttle(1, 2, 100);
        throttle.failed(null, ADDRESS);
        throttle.failed(null, ADDRESS);
        throttle.failed(null, ADDRESS);

        assertThat(retryAfter(throttle, null, ADDRESS)).isEqualTo(2);
        assertThatCode(() -> throttle.check("olga", "198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void shouldForgetFailuresAfterAQuietHour() {
        LoginThrottle throttle = throttle(2, 100, 100);
        throttle.failed("olga", ADDRESS);
        throttle.failed("olga", ADDRESS);
        clock.advance(Duration.ofMinutes(61));

        throttle.failed("olga", ADDRESS);

        assertThatCode(() -> throttle.check("olga", ADDRESS)).doesNotThrowAnyException();
    }

    @Test
    void shouldKeepOnlyTheMostRecentNamesWhenSprayedWithNewOnes() {
        LoginThrottle throttle = throttle(0, 1_000_000, 50);
        throttle.failed("olga", ADDRESS);
        assertThatThrownBy(() -> throttle.check("olga", ADDRESS)).isInstanceOf(LoginThrottledException.class);

        for (int i = 0; i < 50; i++) {
            throttle.failed("sprayed-" + i, ADDRESS);
        }

        assertThatCode(() -> throttle.check("olga", ADDRESS)).as("olga's entry was dropped for newer ones")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.check("sprayed-49", ADDRESS)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void shouldCountIpv6ClientsByTheirNetwork() {
        LoginThrottle throttle = throttle(100, 1, 100);
        throttle.failed(null, "2001:db8:1:2::10");
        throttle.failed(null, "2001:db8:1:2:ffff::20");

        assertThatThrownBy(() -> throttle.check(null, "2001:db8:1:2::30"))
                .hasMessageStartingWith("too many failed authentication attempts from 2001:db8:1:2::30");
        assertThatCode(() -> throttle.check(null, "2001:db8:1:3::10")).doesNotThrowAnyException();
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.addressKey("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    private static long retryAfter(LoginThrottle throttle, String user, String address) {
        try {
            throttle.check(user, address);
            return 0;
        } catch (LoginThrottledException e) {
            return e.getRetryAfterSeconds();
        }
    }
}
