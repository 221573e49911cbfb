package io.vigil.web.system;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database part of {@code /actuator/health}, in place of Spring Boot's own "db" indicator
 * (same bean name), which asks the main pool and so waits as long as the pipeline would: 30 s and
 * more while the database is frozen. This one asks the {@link BoundedDatabase} and answers DOWN
 * within about two seconds when the database cannot be reached or does not answer.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

    private static final int VALID_WITHIN_SECONDS = 1;

    private final BoundedDatabase database;

    DatabaseHealthIndicator(BoundedDatabase database) {
        this.database = database;
    }

    @Override
    public Health health() {
        try (Connection connection = database.connection()) {
            return connection.isValid(VALID_WITHIN_SECONDS)
                    ? Health.up().build()
                    : Health.down().withDetail("error", "the database did not answer within " + VALID_WITHIN_SECONDS + " s").build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
