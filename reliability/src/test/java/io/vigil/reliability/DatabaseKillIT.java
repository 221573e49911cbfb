package io.vigil.reliability;

import io.vigil.reliability.process.PrivateMariaDb;
import org.junit.jupiter.api.Test;

/** Scenario 2: the database is killed with -9 mid-load and started again after {@code reliability.dbDown}. */
class DatabaseKillIT {

    private final RunSize size = RunSize.fromSystemProperties();

    @Test
    void shouldAnswerProperlyAndLoseNothingWhenTheDatabaseIsKilledAndRestarted() {
        DatabaseOutage.run(size, "DatabaseKillIT", new DatabaseOutage.Fault("kill -9, then a new start on the same data",
                PrivateMariaDb::kill9, PrivateMariaDb::start), size.dbDown());
    }
}
