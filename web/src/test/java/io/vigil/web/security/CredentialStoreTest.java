package io.vigil.web.security;

import io.vigil.testing.engine.MutableClock;
import io.vigil.web.system.BoundedDatabase;
import io.vigil.web.testing.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a database the store fails fast and says why; with one, see SecurityIT and CredentialStoreOutageIT. */
class CredentialStoreTest {

    private static final Duration BOUND = Duration.ofMillis(2500);

    @Test
    void shouldSayTheStoreIsUnreachableQuicklyWhenNothingListens() throws Throwable {
        withStore(SilentServer.deadJdbcUrl(), CredentialStoreTest::assertUnreachableWithinBound);
    }

    @Test
    void shouldSayTheStoreIsUnreachableWithinTheBoundWhenTheDatabaseNeverAnswers() throws Throwable {
        try (SilentServer frozen = new SilentServer()) {
            withStore(frozen.jdbcUrl(), CredentialStoreTest::assertUnreachableWithinBound);
        }
    }

    private static void withStore(String url, ThrowingConsumer<CredentialStore> test) throws Throwable {
        try (BoundedDatabase database = new BoundedDatabase(url, "root", "")) {
            AuthProperties defaults = new AuthProperties(new AuthProperties.Cache(Duration.ofSeconds(30), Duration.ofMinutes(10), 100),
                    new AuthProperties.Throttle(5, 20, Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofHours(1), 100));
            test.accept(new CredentialStore(database, defaults, new MutableClock(Instant.parse("2026-11-27T10:00:00Z"))));
        }
    }

    private static void assertUnreachableWithinBound(CredentialStore store) {
        for (Runnable lookup : new Runnable[]{() -> store.user("olga"), () -> store.token("a".repeat(64))}) {
            long start = System.nanoTime();
            assertThatThrownBy(lookup::run).isInstanceOf(CredentialStoreUnavailableException.class)
                    .hasMessage("the credential store is unreachable: the database does not answer, so credentials"
                            + " cannot be checked; try again in 5 seconds");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        }
    }
}
