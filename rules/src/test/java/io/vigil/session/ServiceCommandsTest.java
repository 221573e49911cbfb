package io.vigil.session;

import io.vigil.model.ServiceStatus;
import io.vigil.model.Status;
import io.vigil.service.ElementDefinition;
import io.vigil.service.ElementType;
import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceMode;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeExporter;
import io.vigil.service.ServiceTreeParser;
import io.vigil.service.ServiceTreeVersion;
import io.vigil.service.sla.PlannedDowntime;
import io.vigil.service.sla.SampleOutcome;
import io.vigil.service.sla.SlaStatus;
import io.vigil.testing.engine.TestSession;
import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.vigil.model.Status.CRITICAL;
import static io.vigil.model.Status.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The service commands of {@link EngineSession} (tree replace, planned downtimes) and snapshots, on the real kbase. */
class ServiceCommandsTest {

    private static final long T0 = TestSession.START.toEpochMilli();
    private static final long PERIOD = Duration.ofMinutes(5).toMillis();

    private static final Duration GAP = Duration.ofSeconds(1);

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    private static long t(int sample) {
        return T0 + sample * PERIOD;
    }

    private List<Outcome> report(String resource, String check, Status status) {
        return session.report(GAP, resource, check, status);
    }

    private void advanceTo(long at) {
        session.advance(Duration.ofMillis(at - session.now()));
    }

    @Test
    void shouldFeedTheCurrentElementStatusesThroughANewTree() {
        report("apache01", "ping", CRITICAL);
        report("weblogic1", "ping", CRITICAL);
        report("router1", "ping", NORMAL);

        assertThat(session.replaceTree("web-application").ok()).isTrue();

        String document = ServiceTreeExporter.toYaml(ServiceFixtures.definition("web-application"));
        long now = session.now();
        assertThat(session.outcomes(Outcome.ServiceTreeReplaced.class)).containsExactly(
                new Outcome.ServiceTreeReplaced(ServiceTreeVersion.of(document), document, 1, "alice", now));
        assertThat(session.outcomes(Outcome.ServiceStatusChanged.class)).containsExactly(
                new Outcome.ServiceStatusChanged("web-application", NORMAL, null, new BigDecimal("3.2"), null, now));
        assertThat(session.tree().value("web-application")).isEqualByComparingTo("3.2");
    }

    @Test
    void shouldKeepElementStatusesAndDropRemovedServicesWhenTheTreeIsReplacedAgain() {
        session.replaceTree("cascade");
        report("router1", "ping", CRITICAL);
        assertThat(session.service("network").getStatus()).isEqualTo(CRITICAL);

        session.replaceTree("auto");
        report("mx1", "smtp", NORMAL);
        session.replaceTree("cascade");

        assertThat(session.session().facts(ServiceStatus.class))
                .extracting(ServiceStatus::getService)
                .containsExactlyInAnyOrder("datacenter", "network", "lab");
        assertThat(session.service("network").getStatus()).as("router1/ping is still CRITICAL").isEqualTo(CRITICAL);
    }

    @Test
    void shouldRefuseATreeWithACycleAndKeepTheOldOne() {
        session.replaceTree("auto");
        ServiceDefinition a = service("a", "b");
        ServiceDefinition b = service("b", "a");

        CommandResult result = session.command(new EngineCommand.ReplaceServiceTree(
                new ServiceTreeDefinition(List.of(a, b)), "services: []", "alice"));

        assertThat(result.kind()).isEqualTo(CommandResult.Kind.CONFLICT);
        assertThat(result.error()).contains("cycle");
        assertThat(session.tree().contains("mail")).isTrue();
    }

    private static ServiceDefinition service(String name, String child) {
        return new ServiceDefinition(name, "", null, ServiceMode.AUTO, null, null, false, false, null,
                List.of(new ElementDefinition(ElementType.SERVICE, child, null, false)));
    }

    @Test
    void shouldAskForASnapshotAfterATreeReplaceOrADowntimeChange() {
        EngineSession engine = session.session();
        ServiceTreeDefinition tree = ServiceFixtures.definition("sla");

        engine.execute(new EngineCommand.ReplaceServiceTree(tree, ServiceTreeExporter.toYaml(tree), "alice"));
        assertThat(engine.drain().processStateChanged()).isTrue();
        engine.execute(new EngineCommand.ScheduleDowntime("webshop", t(1), t(2), "", "alice"));
        assertThat(engine.drain().processStateChanged()).isTrue();
        engine.execute(new EngineCommand.CancelDowntime(1, "alice"));
        assertThat(engine.drain().processStateChanged()).isTrue();
        engine.fire();
        assertThat(engine.drain().processStateChanged()).isFalse();
    }

    @Test
    void shouldScheduleAndCancelDowntimesWithClearRefusals() {
        session.replaceTree("sla");

        assertThat(session.scheduleDowntime("nowhere", t(1), t(2)))
                .isEqualTo(CommandResult.notFound("unknown service \"nowhere\""));
        assertThat(session.scheduleDowntime("webshop", t(2), t(2))).isEqualTo(CommandResult.conflict(
                "planned downtime of service \"webshop\" must end after it starts (start 2026-01-05T10:10:00Z,"
                        + " end 2026-01-05T10:10:00Z)"));
        assertThat(session.scheduleDowntime("webshop", t(1), t(2))).isEqualTo(CommandResult.created(1));
        assertThat(session.cancelDowntime(2)).isEqualTo(CommandResult.notFound(
                "planned downtime 2 does not exist, is over or was cancelled"));
        assertThat(session.cancelDowntime(1)).isEqualTo(CommandResult.done());

        long now = session.now();
        assertThat(session.outcomes(Outcome.DowntimeScheduled.class)).containsExactly(
                new Outcome.DowntimeScheduled(1, "webshop", t(1), t(2), "maintenance", "alice", now));
        assertThat(session.outcomes(Outcome.DowntimeCancelled.class)).containsExactly(
                new Outcome.DowntimeCancelled(1, "webshop", "alice", now));
        assertThat(session.session().services().book().downtimes()).isEmpty();
    }

    @Test
    void shouldKeepTheTreeTheSlaWindowAndTheDowntimesThroughSnapshotAndRestore() {
        session.replaceTree("sla");
        session.event("web01", "http").status(NORMAL).send();
        advanceTo(t(5));
        session.scheduleDowntime("webshop", t(7), t(8));
        report("web01", "http", CRITICAL);

        session.snapshotAndRestore();
        advanceTo(t(8));

        assertThat(session.tree().status("webshop")).isEqualTo(CRITICAL);
        assertThat(session.outcomes(Outcome.SlaSampled.class)).filteredOn(s -> s.service().equals("webshop") && s.at() > t(5))
                .extracting(Outcome.SlaSampled::outcome, Outcome.SlaSampled::compliance).containsExactly(
                        tuple(SampleOutcome.FAILS, new BigDecimal("83.33")),
                        tuple(SampleOutcome.DOWNTIME, new BigDecimal("83.33")),
                        tuple(SampleOutcome.FAILS, new BigDecimal("71.43")));
        assertThat(session.session().services().book().view("webshop").orElseThrow().compliance().counted())
                .as("the window before the snapshot counts on").isEqualTo(7);
        assertThat(session.scheduleDowntime("webshop", t(9), t(10)).ok()).isTrue();
        assertThat(session.outcomes(Outcome.DowntimeScheduled.class)).extracting(Outcome.DowntimeScheduled::downtimeId)
                .as("ids continue after the restore").containsExactly(1L, 2L);
    }

    @Test
    void shouldLoadTheStoredTreeAndDowntimesQuietlyIntoANewSession() {
        try (EngineSession fresh = EngineSession.create(TestSession.ruleSet(),
                new SessionSetup(Duration.ofMinutes(15), new LastIds(0, 0, 0, 4, 0, 0, 0, 0, 0)), T0)) {
            fresh.loadServices(ServiceFixtures.definition("sla"),
                    Map.of(4L, new PlannedDowntime(t(1), t(2), "webshop", "")));

            assertThat(fresh.services().tree().contains("webshop")).isTrue();
            assertThat(fresh.services().book().downtimes()).containsOnlyKeys(4L);
            fresh.execute(new EngineCommand.ScheduleDowntime("webshop", t(3), t(4), "", "alice"));
            assertThat(fresh.drain().outcomes()).singleElement().isInstanceOfSatisfying(Outcome.DowntimeScheduled.class,
                    scheduled -> assertThat(scheduled.downtimeId()).isEqualTo(5));
        }
    }

    @Test
    void shouldStartTheSlaStatusAfreshWhenAReplacedTreeChangesTheSla() {
        session.replaceTree("sla");
        session.event("web01", "http").status(CRITICAL).send();
        advanceTo(t(1));
        assertThat(session.service("webshop").getSlaStatus()).isEqualTo(SlaStatus.INCORRECT);

        ServiceTreeDefinition stricter = ServiceTreeParser.parse(
                ServiceFixtures.text("sla.yml").replace("limit: 95", "limit: 99"));
        session.command(new EngineCommand.ReplaceServiceTree(stricter, ServiceTreeExporter.toYaml(stricter), "alice"));

        assertThat(session.service("webshop").getSlaStatus()).isEqualTo(SlaStatus.NOT_AVAILABLE);
    }
}
