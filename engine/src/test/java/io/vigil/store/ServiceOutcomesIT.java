package io.vigil.store;

import io.vigil.model.IncidentPriority;
import io.vigil.model.Status;
import io.vigil.service.sla.SampleOutcome;
import io.vigil.service.sla.SlaStatus;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.DowntimeCancelled;
import io.vigil.session.Outcome.DowntimeScheduled;
import io.vigil.session.Outcome.IncidentOpened;
import io.vigil.session.Outcome.ServiceAlert;
import io.vigil.session.Outcome.ServiceStatusChanged;
import io.vigil.session.Outcome.ServiceTreeReplaced;
import io.vigil.session.Outcome.SlaSampled;
import io.vigil.session.Outcome.SlaStatusChanged;
import io.vigil.store.jdbc.CheckpointTable;
import io.vigil.store.jdbc.CheckpointTable.Checkpoint;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.classified;
import static io.vigil.testing.OutcomeFixtures.publishAndWait;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

/** The outcome writer on the service outcomes: tree, statuses, SLA samples, downtimes, service incidents. */
class ServiceOutcomesIT {

    private static final OutcomeWriterSettings FAST_RETRY =
            new OutcomeWriterSettings(64, 32, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final long T0 = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final String SLA_TREE = ServiceFixtures.text("sla.yml");
    private static final String VERSION = "a1".repeat(32);

    private TestDatabase db;
    private JdbcTemplate jdbc;
    private ServiceQueries services;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("service_outcomes");
        jdbc = new JdbcTemplate(db.dataSource());
        services = new ServiceQueries(db.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldStoreEveryServiceOutcomeInTheCheckpointsTransaction() throws Exception {
        List<Outcome> outcomes = List.of(
                new ServiceTreeReplaced(VERSION, SLA_TREE, 3, "admin", T0),
                new ServiceStatusChanged("webshop", Status.NORMAL, Status.UNKNOWN, BigDecimal.ZERO, null, T0),
                new ServiceStatusChanged("webshop", Status.CRITICAL, Status.NORMAL, BigDecimal.ONE, BigDecimal.ZERO, T0 + MINUTE),
                new ServiceAlert("webshop", Status.CRITICAL, Status.NORMAL, BigDecimal.ONE, T0 + MINUTE),
                new IncidentOpened(7, null, null, "service webshop is CRITICAL", T0 + MINUTE, 70, 3L, null, "webshop", IncidentPriority.NORMAL, null, null),
                new SlaSampled("webshop", T0 + 5 * MINUTE, SampleOutcome.FAILS, new BigDecimal("0.00"), SlaStatus.INCORRECT),
                new SlaStatusChanged("webshop", SlaStatus.INCORRECT, SlaStatus.NOT_AVAILABLE, new BigDecimal("0.00"), T0 + 5 * MINUTE),
                new DowntimeScheduled(1, "webshop", T0 + 60 * MINUTE, T0 + 120 * MINUTE, "patch day", "alice", T0 + 2 * MINUTE),
                new DowntimeScheduled(2, "intranet", T0 + 60 * MINUTE, T0 + 90 * MINUTE, null, "alice", T0 + 2 * MINUTE),
                new DowntimeCancelled(2, "intranet", "bob", T0 + 3 * MINUTE));
        try (OutcomeWriter writer = new OutcomeWriter(db.dataSource(), FAST_RETRY)) {
            publishAndWait(writer, classified(1, null));
            CompletableFuture<Void> committed = new CompletableFuture<>();
            try (CheckpointLock lock = CheckpointLock.hold(db)) {
                writer.publish(batch(2, 3, outcomes, List.of(), () -> committed.complete(null)));
                lock.awaitBlockedWriter(0);
                assertThat(serviceRows()).as("rows visible before the checkpoint commits").isZero();
            }
            committed.get(10, TimeUnit.SECONDS);
        }

        assertThat(new CheckpointTable(db.dataSource()).checkpoint()).isEqualTo(new Checkpoint(2, 3, 2, 0));
        assertThat(services.tree()).hasValue(new StoredServiceTree(VERSION, SLA_TREE, 3, Instant.ofEpochMilli(T0), "admin"));
        assertThat(services.status("webshop")).hasValue(new ServiceStatusRow("webshop", Status.CRITICAL,
                new BigDecimal("1.000"), Instant.ofEpochMilli(T0 + MINUTE), new BigDecimal("0.00"), SlaStatus.INCORRECT));
        assertThat(jdbc.queryForList("SELECT CONCAT_WS(' ', service, status, previous, value) FROM service_status_change ORDER BY id",
                String.class)).containsExactly("webshop NORMAL UNKNOWN 0.000", "webshop CRITICAL NORMAL 1.000");
        assertThat(new SlaQueries(db.dataSource()).samples("webshop", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 5 * MINUTE)))
                .containsExactly(new SlaSampleRow(Instant.ofEpochMilli(T0 + 5 * MINUTE), SampleOutcome.FAILS));
        assertThat(new DowntimeQueries(db.dataSource()).downtimes(null, true)).containsExactly(
                new DowntimeRow(1, "webshop", Instant.ofEpochMilli(T0 + 60 * MINUTE), Instant.ofEpochMilli(T0 + 120 * MINUTE),
                        "patch day", "alice", Instant.ofEpochMilli(T0 + 2 * MINUTE), null, null),
                new DowntimeRow(2, "intranet", Instant.ofEpochMilli(T0 + 60 * MINUTE), Instant.ofEpochMilli(T0 + 90 * MINUTE),
                        "", "alice", Instant.ofEpochMilli(T0 + 2 * MINUTE), Instant.ofEpochMilli(T0 + 3 * MINUTE), "bob"));
        assertThat(new IncidentQueries(db.dataSource()).byId(7)).hasValueSatisfying(detail -> {
            assertThat(detail.incident().service()).isEqualTo("webshop");
            assertThat(detail.incident().resource()).isNull();
            assertThat(detail.incident().check()).isNull();
            assertThat(detail.timeline()).extracting(IncidentTimelineRow::text).containsExactly("service webshop is CRITICAL");
        });
    }

    @Test
    void shouldKeepTheSinceOfAStatusWhenOnlyTheValueChanges() throws Exception {
        store(db.dataSource(), batch(1, 0, List.of(
                new ServiceStatusChanged("web", Status.WARNING, Status.UNKNOWN, new BigDecimal("4.4"), null, T0),
                new ServiceStatusChanged("web", Status.WARNING, Status.WARNING, new BigDecimal("5.6"), new BigDecimal("4.4"), T0 + MINUTE)),
                List.of(), null));

        assertThat(services.status("web")).hasValueSatisfying(web -> {
            assertThat(web.value()).isEqualByComparingTo("5.6");
            assertThat(web.since()).isEqualTo(Instant.ofEpochMilli(T0));
        });
    }

    @Test
    void shouldStoreASampleTakenAgainOnlyOnce() throws Exception {
        SlaSampled sample = new SlaSampled("webshop", T0 + 5 * MINUTE, SampleOutcome.COMPLIES, new BigDecimal("100.00"), SlaStatus.OK);

        // The second batch is what a re-run after a crash between sampling and checkpoint produces.
        store(db.dataSource(), batch(1, 0, List.of(sample), List.of(), null), batch(2, 0, List.of(sample), List.of(), null));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_sample", Integer.class)).isOne();
        assertThat(new CheckpointTable(db.dataSource()).checkpoint().lastEventId()).isEqualTo(2);
        assertThat(services.status("webshop")).hasValueSatisfying(webshop -> {
            assertThat(webshop.status()).as("sampled before its status ever changed").isEqualTo(Status.UNKNOWN);
            assertThat(webshop.slaCompliance()).isEqualByComparingTo("100");
            assertThat(webshop.slaStatus()).isEqualTo(SlaStatus.OK);
        });
    }

    @Test
    void shouldForgetServicesRemovedFromTheTreeAndTheSlaOfThoseWithoutOne() throws Exception {
        store(db.dataSource(), batch(1, 0, List.of(
                new ServiceTreeReplaced(VERSION, SLA_TREE, 3, "admin", T0),
                new ServiceStatusChanged("webshop", Status.NORMAL, Status.UNKNOWN, BigDecimal.ZERO, null, T0),
                new ServiceStatusChanged("intranet", Status.NORMAL, Status.UNKNOWN, BigDecimal.ZERO, null, T0),
                new SlaSampled("webshop", T0 + 5 * MINUTE, SampleOutcome.COMPLIES, new BigDecimal("100.00"), SlaStatus.OK),
                new SlaSampled("intranet", T0 + 5 * MINUTE, SampleOutcome.COMPLIES, new BigDecimal("100.00"), SlaStatus.OK)),
                List.of(), null));
        String smaller = """
                services:
                  - name: webshop
                    mode: auto
                    elements:
                      - module: web01/http
                """;

        // The engine's last word on intranet comes in the same batch as the tree that drops it.
        store(db.dataSource(), batch(2, 0, List.of(
                new ServiceStatusChanged("intranet", Status.CRITICAL, Status.NORMAL, BigDecimal.ONE, BigDecimal.ZERO, T0 + 6 * MINUTE),
                new ServiceTreeReplaced("b2".repeat(32), smaller, 1, "admin", T0 + 7 * MINUTE)), List.of(), null));

        assertThat(services.statuses()).containsExactly(new ServiceStatusRow("webshop", Status.NORMAL,
                new BigDecimal("0.000"), Instant.ofEpochMilli(T0), null, null));
        assertThat(services.tree()).hasValueSatisfying(tree -> {
            assertThat(tree.document()).isEqualTo(smaller);
            assertThat(tree.services()).isOne();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_sample", Integer.class))
                .as("samples stay for reports on past ranges").isEqualTo(2);
    }

    /** Rows in the tables the service outcomes go to. */
    private int serviceRows() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM service_tree) + (SELECT COUNT(*) FROM service_status)"
                + " + (SELECT COUNT(*) FROM service_status_change) + (SELECT COUNT(*) FROM sla_sample)"
                + " + (SELECT COUNT(*) FROM planned_downtime) + (SELECT COUNT(*) FROM incident)", Integer.class);
    }
}
