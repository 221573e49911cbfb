package io.vigil.reliability;

import io.vigil.reliability.process.PrivateMariaDb;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: the database freezes (SIGSTOP) mid-load — connections stay open and nothing
 * answers, like a hung host or a long stall — and carries on (SIGCONT) after
 * {@code reliability.freeze} (20 s in CI, 75 s on demand).
 */
class DatabaseFreezeIT {

    private final RunSize size = RunSize.fromSystemProperties();

    @Test
    void shouldAnswerProperlyAndLoseNothingWhenTheDatabaseFreezes() {
        DatabaseOutage.run(size, "DatabaseFreezeIT", new DatabaseOutage.Fault("SIGSTOP, then SIGCONT",
                PrivateMariaDb::freeze, PrivateMariaDb::thaw), size.freeze());
    }
}
