package io.vigil.ruleset;

import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backtests across a restart, on MariaDB: one running when the server stopped is failed at the next
 * start with the reason, one finished before keeps its result, and one started after gets a new id and
 * finishes.
 */
class BacktestStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final String CANDIDATE = "c".repeat(64);
    private static final String BASELINE = "b".repeat(64);

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("backtests");
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    private BacktestStore start() {
        return new BacktestStore(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldFailTheOneRunningAtAStopAndKeepTheOthers() {
        BacktestStore before = start();
        long finished = before.start(CANDIDATE, BASELINE, "events 1..10", 1, 10, 10, "alice");
        before.finish(finished, "done", 10, "{\"events\":10}", null);
        long interrupted = before.start(CANDIDATE, BASELINE, "events 1..500", 1, 500, 500, "alice");

        BacktestStore after = start();
        assertThat(after.failInterrupted()).isEqualTo(1);
        long started = after.start(CANDIDATE, BASELINE, "events 1..20", 1, 20, 20, "bob");
        after.finish(started, "done", 20, "{\"events\":20}", null);

        assertThat(after.find(interrupted).orElseThrow()).satisfies(row -> {
            assertThat(row.state()).isEqualTo("failed");
            assertThat(row.error()).isEqualTo("the server stopped while it ran");
            assertThat(row.finishedAt()).isEqualTo(NOW);
        });
        assertThat(after.find(finished).orElseThrow().result()).isEqualTo("{\"events\":10}");
        assertThat(after.find(started).orElseThrow()).satisfies(row -> {
            assertThat(row.state()).isEqualTo("done");
            assertThat(row.result()).isEqualTo("{\"events\":20}");
        });
        assertThat(started).isGreaterThan(interrupted);
        assertThat(after.ofVersion(CANDIDATE)).extracting(BacktestRow::id).containsExactly(started, interrupted, finished);
        assertThat(after.ofVersion(CANDIDATE)).allSatisfy(row -> assertThat(row.result()).as("lists leave results out").isNull());
    }
}
