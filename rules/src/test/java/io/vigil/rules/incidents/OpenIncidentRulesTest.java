package io.vigil.rules.incidents;

import io.vigil.audit.Firing;
import io.vigil.model.Incident;
import io.vigil.model.IncidentPriority;
import io.vigil.model.IncidentState;
import io.vigil.model.ResolutionCode;
import io.vigil.model.Status;
import io.vigil.notify.Notification;
import io.vigil.session.EngineCommand;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** rules/incidents/open-incident.drl on the real rules and processes. */
class OpenIncidentRulesTest {

    private static final long T0 = TestSession.START.toEpochMilli();

    private static final Duration GAP = Duration.ofMinutes(1);

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    private void report(Status status) {
        session.advance(Duration.ofMinutes(1));
        session.event("db01", "disk").status(status).send();
    }

    private long onlyIncidentId() {
        return session.outcomes(Outcome.IncidentOpened.class).get(0).incidentId();
    }

    @Test
    void shouldOpenAnIncidentNamingTheFiringAndTheEventThatCausedIt() {
        session.event("db01", "disk").status(Status.NORMAL).send();
        session.event("db01", "disk").status(Status.CRITICAL).send();

        Outcome.IncidentOpened opened = session.outcomes(Outcome.IncidentOpened.class).get(0);
        Firing firing = session.firings().stream().filter(f -> f.id() == opened.firingId()).findFirst().orElseThrow();
        assertThat(opened).isEqualTo(new Outcome.IncidentOpened(1, "db01", "disk", "db01/disk is CRITICAL", T0, 1,
                firing.id(), 2L, null, IncidentPriority.NORMAL, null, 1L));
        assertThat(firing.rule()).isEqualTo("Open incident for critical alert");
        assertThat(firing.rulePackage()).isEqualTo("rules.incidents");
        assertThat(firing.facts()).extracting(f -> f.id()).as("the tree said no cascade protection holds it back")
                .containsExactly("alert:1", "service-tree");
        assertThat(firing.outcome()).contains("inserted incident:1", "IncidentOpened[incidentId=1",
                "IncidentTaskOpened[incidentId=1, taskId=1, name=Acknowledge");
    }

    @Test
    void shouldOpenOneIncidentForAWholeCriticalEpisode() {
        report(Status.CRITICAL);
        report(Status.CRITICAL);
        report(Status.CRITICAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).hasSize(1);
    }

    @Test
    void shouldNotOpenAnIncidentForAWarning() {
        report(Status.WARNING);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).isEmpty();
        assertThat(session.incidents()).isEmpty();
    }

    @Test
    void shouldNotReopenWhenResolvedWhileStillCritical() {
        report(Status.CRITICAL);
        long id = onlyIncidentId();
        session.acknowledge(id);
        session.resolve(id);

        report(Status.CRITICAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).hasSize(1);
        assertThat(session.incidents()).singleElement().extracting(Incident::getState).isEqualTo(IncidentState.RESOLVED);
    }

    @Test
    void shouldOpenANewIncidentWhenTheElementLeftCriticalAndCameBack() {
        report(Status.CRITICAL);
        long first = onlyIncidentId();
        session.resolve(first);
        session.command(new EngineCommand.Close(first, "alice"));

        report(Status.NORMAL);
        assertThat(session.incidents()).as("closed and recovered: forgotten").isEmpty();
        report(Status.CRITICAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(Outcome.IncidentOpened::incidentId)
                .containsExactly(first, first + 1);
    }

    @Test
    void shouldCoverCriticalEpisodesThatStartWhileTheIncidentRuns() {
        report(Status.CRITICAL);
        long id = onlyIncidentId();
        report(Status.NORMAL);
        report(Status.CRITICAL);
        session.acknowledge(id);
        session.resolve(id);

        report(Status.CRITICAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).hasSize(1);
    }

    @Test
    void shouldKeepTheIncidentThroughSnapshotAndRestore() {
        report(Status.CRITICAL);
        long id = onlyIncidentId();

        session.snapshotAndRestore();
        report(Status.CRITICAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).hasSize(1);
        assertThat(session.elements()).singleElement().satisfies(e -> assertThat(e.getStatus()).isEqualTo(Status.CRITICAL));
        assertThat(session.advance(Duration.ofMinutes(14))).containsExactly(
                new Outcome.IncidentEscalated(id, 1, T0 + Duration.ofMinutes(16).toMillis(), List.of()));
    }

    @Test
    void shouldGiveTheAllClearToEveryoneNotifiedAndResolveWhenTheAlertClears() {
        session.replacePolicies("escalation-two-levels");
        report(Status.CRITICAL);
        long id = onlyIncidentId();
        session.advance(Duration.ofMinutes(6));
        assertThat(session.notifications()).extracting(Notification::recipient)
                .containsExactly("user:alice", "channel:ops-hook", "user:bob");

        report(Status.NORMAL);
        long cleared = session.now();
        session.advance(Duration.ofSeconds(30));

        assertThat(session.outcomes(Outcome.IncidentRecovered.class)).containsExactly(new Outcome.IncidentRecovered(id, cleared));
        assertThat(session.notifications()).filteredOn(Notification::allClear).extracting(Notification::recipient)
                .containsExactly("user:alice", "channel:ops-hook", "user:bob");
        assertThat(session.outcomes(Outcome.IncidentResolved.class)).containsExactly(
                new Outcome.IncidentResolved(id, cleared, null, ResolutionCode.RECOVERED, "its problem went away"));
        assertThat(session.firings()).extracting(Firing::rule).contains("Give the all-clear when an incident's alerts have cleared");
    }

    @Test
    void shouldRecoverIncidentsOpenedBeforeAndAfterARestartEachOnce() {
        session.replacePolicies("escalation-two-levels");
        report(Status.CRITICAL);
        session.snapshotAndRestore();
        report("web01", "http", Status.CRITICAL);

        report(Status.NORMAL);
        report("web01", "http", Status.NORMAL);
        session.snapshotAndRestore();
        report(Status.NORMAL);
        session.advance(Duration.ofMinutes(1));

        assertThat(session.outcomes(Outcome.IncidentRecovered.class)).extracting(Outcome.IncidentRecovered::incidentId)
                .containsExactly(1L, 2L);
        assertThat(session.incidents()).extracting(Incident::getState).containsOnly(IncidentState.RESOLVED);
        assertThat(session.notifications()).filteredOn(Notification::allClear).flatExtracting(Notification::items)
                .extracting(item -> item.incidentId()).containsExactlyInAnyOrder(1L, 1L, 2L, 2L);
    }

    @Test
    void shouldLeaveTheIncidentOpenWithoutAPolicyButStillRecordTheRecovery() {
        report(Status.CRITICAL);
        long id = onlyIncidentId();

        report(Status.NORMAL);

        assertThat(session.outcomes(Outcome.IncidentRecovered.class)).extracting(Outcome.IncidentRecovered::incidentId)
                .containsExactly(id);
        assertThat(session.incidents()).singleElement().extracting(Incident::getState).isEqualTo(IncidentState.OPEN);
        assertThat(session.notifications()).isEmpty();
    }

    private List<Outcome> report(String resource, String check, Status status) {
        return session.report(GAP, resource, check, status);
    }

    @Test
    void shouldOpenNoIncidentForAModuleBelowACriticalCascadeProtectedService() {
        session.replaceTree("cascade");
        report("router1", "ping", Status.CRITICAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(Outcome.IncidentOpened::service,
                Outcome.IncidentOpened::resource).as("the data centre's own incident carries the problem")
                .containsExactly(tuple("datacenter", null));
    }

    @Test
    void shouldStillOpenIncidentsForModulesOfAQuietService() {
        session.replaceTree("cascade");
        report("lab1", "ping", Status.CRITICAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(Outcome.IncidentOpened::resource)
                .containsExactly("lab1");
    }

    @Test
    void shouldOpenTheIncidentOfAStillCriticalModuleWhenCascadeProtectionEnds() {
        session.replaceTree("cascade-release");
        report("node1", "app", Status.CRITICAL);
        report("node2", "app", Status.CRITICAL);
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(o -> o.resource() + "|" + o.service())
                .as("node2 went CRITICAL under the CRITICAL cluster").containsExactly("node1|null", "null|cluster");

        report("node1", "app", Status.NORMAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(o -> o.resource() + "|" + o.service())
                .containsExactly("node1|null", "null|cluster", "node2|null");
        assertThat(session.firings()).filteredOn(f -> f.rule().startsWith("Propagate"))
                .as("the release wakes only the rules that honour cascade protection").hasSize(3);
        assertThat(session.outcomes(Outcome.ServiceAlert.class)).extracting(Outcome.ServiceAlert::status)
                .containsExactly(Status.WARNING, Status.CRITICAL, Status.WARNING);
    }
}
