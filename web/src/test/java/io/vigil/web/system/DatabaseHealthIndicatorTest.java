package io.vigil.web.system;

import io.vigil.web.testing.SilentServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseHealthIndicatorTest {

    private static final Duration BOUND = Duration.ofMillis(2500);

    @Test
    void shouldSayDownQuicklyWhenNothingListens() {
        try (BoundedDatabase database = new BoundedDatabase(SilentServer.deadJdbcUrl(), "root", "")) {
            assertDownWithinBound(new DatabaseHealthIndicator(database));
        }
    }

    @Test
    void shouldSayDownWithinTheBoundWhenTheDatabaseAcceptsButNeverAnswers() throws Exception {
        try (SilentServer frozen = new SilentServer();
             BoundedDatabase database = new BoundedDatabase(frozen.jdbcUrl(), "root", "")) {
            DatabaseHealthIndicator health = new DatabaseHealthIndicator(database);

            assertDownWithinBound(health);
            assertDownWithinBound(health);
            assertThat(frozen.connections()).as("the pool did try to connect").isPositive();
        }
    }

    private static void assertDownWithinBound(DatabaseHealthIndicator indicator) {
        long start = System.nanoTime();
        Health health = indicator.health();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(took).isLessThan(BOUND);
    }
}
