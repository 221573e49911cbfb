package io.vigil.store;

import io.vigil.service.sla.PlannedDowntime;
import io.vigil.session.Outcome.DowntimeCancelled;
import io.vigil.session.Outcome.DowntimeScheduled;
import io.vigil.session.RecoverySource.StoredDowntime;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

/** Downtimes around the real now, since "past" is judged by the database clock. */
class DowntimeQueriesIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration HOUR = Duration.ofHours(1);

    private TestDatabase db;
    private DowntimeQueries downtimes;

    @BeforeEach
    void storeDowntimes() throws Exception {
        db = TestDatabase.create("downtime_queries");
        downtimes = new DowntimeQueries(db.dataSource());
        store(db.dataSource(), batch(1, 0, List.of(
                scheduled(1, "webshop", NOW.minus(HOUR.multipliedBy(3)), NOW.minus(HOUR.multipliedBy(2))),
                scheduled(2, "webshop", NOW.plus(HOUR.multipliedBy(2)), NOW.plus(HOUR.multipliedBy(3))),
                scheduled(3, "intranet", NOW.minus(HOUR), NOW.plus(HOUR)),
                scheduled(4, "webshop", NOW.plus(HOUR), NOW.plus(HOUR.multipliedBy(4))),
                new DowntimeCancelled(4, "webshop", "bob", NOW.toEpochMilli())), List.of(), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldListRunningAndComingDowntimesByStartUnlessThePastIsAskedFor() {
        assertThat(downtimes.downtimes(null, false)).extracting(DowntimeRow::id).containsExactly(3L, 2L);
        assertThat(downtimes.downtimes(null, true)).extracting(DowntimeRow::id).containsExactly(1L, 3L, 4L, 2L);
        assertThat(downtimes.downtimes("webshop", false)).extracting(DowntimeRow::id).containsExactly(2L);
        assertThat(downtimes.downtimes("webshop", true)).extracting(DowntimeRow::id).containsExactly(1L, 4L, 2L);
        assertThat(downtimes.downtimes("nobody", true)).isEmpty();
    }

    @Test
    void shouldFindOneByIdWithWhoCancelledIt() {
        assertThat(downtimes.byId(4)).hasValueSatisfying(row -> {
            assertThat(row.cancelledBy()).isEqualTo("bob");
            assertThat(row.cancelledAt()).isEqualTo(NOW);
            assertThat(row.createdBy()).isEqualTo("alice");
        });
        assertThat(downtimes.byId(99)).isEmpty();
    }

    @Test
    void shouldGiveTheEngineWhatItKeepsOfADowntime() {
        assertThat(downtimes.byId(3).orElseThrow().toStored()).isEqualTo(new StoredDowntime(3, new PlannedDowntime(
                NOW.minus(HOUR).toEpochMilli(), NOW.plus(HOUR).toEpochMilli(), "intranet", "downtime 3")));
    }

    private static DowntimeScheduled scheduled(long id, String service, Instant start, Instant end) {
        return new DowntimeScheduled(id, service, start.toEpochMilli(), end.toEpochMilli(), "downtime " + id, "alice",
                start.minus(HOUR).toEpochMilli());
    }
}
