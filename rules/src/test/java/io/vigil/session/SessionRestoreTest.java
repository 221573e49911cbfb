package io.vigil.session;

import io.vigil.model.Incident;
import io.vigil.model.IncidentState;
import io.vigil.model.Status;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session restored from a snapshot on the real rules and processes: what was running before the
 * snapshot keeps running, what starts after it gets ids of its own, and nothing that had fired
 * before the snapshot fires again. Every test opens something before the snapshot and something
 * after it.
 */
class SessionRestoreTest {

    private static final Duration ESCALATION = Duration.ofSeconds(20);

    private final TestSession session = TestSession.start(ESCALATION);

    @AfterEach
    void close() {
        session.close();
    }

    private Outcome.IncidentOpened critical(String resource) {
        session.event(resource, "svc").status(Status.CRITICAL).send();
        List<Outcome.IncidentOpened> opened = session.outcomes(Outcome.IncidentOpened.class);
        return opened.get(opened.size() - 1);
    }

    private List<Integer> escalationLevels(long incidentId) {
        return session.outcomes(Outcome.IncidentEscalated.class).stream().filter(e -> e.incidentId() == incidentId)
                .map(Outcome.IncidentEscalated::level).toList();
    }

    @Test
    void shouldGiveAProcessStartedAfterTheRestoreAnIdOfItsOwn() {
        Outcome.IncidentOpened before = critical("hostA");
        session.snapshotAndRestore();

        Outcome.IncidentOpened after = critical("hostB");

        assertThat(after.incidentId()).isEqualTo(before.incidentId() + 1);
        assertThat(after.processInstanceId()).as("process instance id of the incident opened after the restore")
                .isGreaterThan(before.processInstanceId());
        assertThat(session.session().activeProcesses()).isEqualTo(2);
    }

    @Test
    void shouldKeepEscalatingAndResolvingBothIncidentsAcrossTheRestore() {
        Outcome.IncidentOpened before = critical("hostA");
        session.snapshotAndRestore();
        Outcome.IncidentOpened after = critical("hostB");

        session.advance(ESCALATION);
        session.advance(ESCALATION);

        assertThat(escalationLevels(before.incidentId())).containsExactly(1, 2);
        assertThat(escalationLevels(after.incidentId())).containsExactly(1, 2);
        for (long id : List.of(before.incidentId(), after.incidentId())) {
            assertThat(session.acknowledge(id).ok()).as("acknowledge incident %d", id).isTrue();
            assertThat(session.resolve(id)).as("resolve incident %d", id).isEqualTo(CommandResult.done());
            assertThat(session.command(new EngineCommand.Close(id, "alice"))).as("close incident %d", id)
                    .isEqualTo(CommandResult.done());
        }
        assertThat(session.incidents()).extracting(Incident::getState)
                .containsOnly(IncidentState.CLOSED);
        assertThat(session.session().activeProcesses()).isZero();
    }

    @Test
    void shouldNotReuseTheWorkItemIdOfAFinishedTask() {
        Outcome.IncidentOpened before = critical("hostA");
        session.acknowledge(before.incidentId());
        session.resolve(before.incidentId());
        long lastWorkItemBefore = session.outcomes(Outcome.IncidentTaskOpened.class).stream()
                .mapToLong(Outcome.IncidentTaskOpened::workItemId).max().orElseThrow();
        session.snapshotAndRestore();

        critical("hostB");

        Outcome.IncidentTaskOpened afterTask = session.outcomes(Outcome.IncidentTaskOpened.class).get(
                session.outcomes(Outcome.IncidentTaskOpened.class).size() - 1);
        assertThat(afterTask.workItemId()).isGreaterThan(lastWorkItemBefore);
    }

    /**
     * Drools 7's marshaller loses track of some matches that had fired (here: a service's status
     * alert, after the service changed under a restored session), so a restore after it offered
     * them again and the alert was raised a second time.
     */
    @Test
    void shouldNotFireAgainWhatFiredBeforeTheSnapshot() {
        session.replaceTree("cascade");
        session.event("core1", "mem").status(Status.UNKNOWN).send();
        session.event("ups1", "battery").status(Status.CRITICAL).send();
        session.advance(ESCALATION);
        session.event("core1", "mem").status(Status.WARNING).send();
        session.snapshotAndRestore();
        session.advance(Duration.ofSeconds(27));
        session.event("ups1", "battery").status(Status.UNKNOWN).send();
        session.event("core1", "cpu").status(Status.NORMAL).send();
        int firingsBefore = session.firings().size();
        int outcomesBefore = session.outcomes().size();

        session.snapshotAndRestore();
        session.fire();

        assertThat(session.firings().subList(firingsBefore, session.firings().size()))
                .as("firings right after the restore").isEmpty();
        assertThat(session.outcomes().subList(outcomesBefore, session.outcomes().size()))
                .as("outcomes right after the restore").isEmpty();
        session.event("ups1", "battery").status(Status.CRITICAL).send();
        assertThat(session.outcomes(Outcome.ServiceAlert.class)).as("alerts of a change made after the restore")
                .last().extracting(Outcome.ServiceAlert::service, Outcome.ServiceAlert::status)
                .containsExactly("datacenter", Status.CRITICAL);
    }
}
