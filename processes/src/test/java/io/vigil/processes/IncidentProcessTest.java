package io.vigil.processes;

import io.vigil.model.Alert;
import io.vigil.model.AlertKind;
import io.vigil.model.Incident;
import io.vigil.model.IncidentState;
import io.vigil.model.Status;
import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * processes/incident.bpmn2 on its own (no rules on this module's classpath): the incident is
 * opened through the desk, as the open-incident rule does, and driven by commands and the pseudo clock.
 */
class IncidentProcessTest {

    private static final long OPENED = TestSession.START.toEpochMilli();
    private static final long MINUTE = 60_000;

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    private long openIncident() {
        Alert alert = new Alert(1, "db01/disk", AlertKind.EVENT, "db01", "disk", null, OPENED);
        alert.report(OPENED, 7, "monitor", "hardware", "disk failed");
        alert.changeStatus(Status.CRITICAL, null, OPENED, 7);
        long id = session.session().incidents().open(alert).getId();
        session.fire();
        return id;
    }

    @Test
    void shouldOpenTheIncidentAndWaitForAcknowledge() {
        long id = openIncident();

        assertThat(session.outcomes()).containsExactly(
                new Outcome.IncidentOpened(id, "db01", "disk", "db01/disk is CRITICAL", OPENED, 1, null, 7L, null),
                new Outcome.IncidentTaskOpened(id, 1, "Acknowledge", OPENED, 1));
        assertThat(session.incidents()).singleElement()
                .satisfies(i -> assertThat(i.getWaitingTask()).isEqualTo(new Incident.WaitingTask(1, 1, "Acknowledge")));
        assertThat(session.session().activeProcesses()).isEqualTo(1);
    }

    @Test
    void shouldEscalateEveryIntervalWhileNobodyAcknowledges() {
        long id = openIncident();

        assertThat(session.advance(Duration.ofMinutes(14))).isEmpty();
        assertThat(session.advance(Duration.ofMinutes(1)))
                .containsExactly(new Outcome.IncidentEscalated(id, 1, OPENED + 15 * MINUTE));
        assertThat(session.advance(Duration.ofMinutes(15)))
                .containsExactly(new Outcome.IncidentEscalated(id, 2, OPENED + 30 * MINUTE));
        assertThat(session.incidents()).singleElement().extracting(Incident::getEscalationLevel).isEqualTo(2);
    }

    @Test
    void shouldStopEscalatingOnceAcknowledged() {
        long id = openIncident();
        session.advance(Duration.ofMinutes(20));

        CommandResult result = session.acknowledge(id);

        assertThat(result).isEqualTo(CommandResult.done());
        assertThat(session.outcomes()).endsWith(
                new Outcome.IncidentTaskCompleted(id, 1, "Acknowledge", OPENED + 20 * MINUTE, "alice"),
                new Outcome.IncidentAcknowledged(id, OPENED + 20 * MINUTE, "alice"),
                new Outcome.IncidentTaskOpened(id, 2, "Resolve", OPENED + 20 * MINUTE, 3));
        assertThat(session.advance(Duration.ofHours(2))).isEmpty();
        assertThat(session.incidents()).singleElement().satisfies(i -> {
            assertThat(i.getState()).isEqualTo(IncidentState.ACKNOWLEDGED);
            assertThat(i.getEscalationLevel()).isEqualTo(1);
        });
    }

    @Test
    void shouldEndTheProcessWhenResolved() {
        long id = openIncident();
        session.acknowledge(id);

        CommandResult result = session.resolve(id);

        assertThat(result).isEqualTo(CommandResult.done());
        assertThat(session.outcomes()).endsWith(
                new Outcome.IncidentTaskCompleted(id, 2, "Resolve", OPENED, "alice"),
                new Outcome.IncidentResolved(id, OPENED, "alice"));
        assertThat(session.session().activeProcesses()).isZero();
        assertThat(session.incidents()).singleElement().extracting(Incident::getState).isEqualTo(IncidentState.RESOLVED);
    }

    @Test
    void shouldAcknowledgeAndResolveInOneStepWhenResolvingSeveral() {
        long waitingForAcknowledge = openIncident();
        long acknowledged = openIncident();
        session.acknowledge(acknowledged);
        session.advance(Duration.ofMinutes(3));
        int before = session.outcomes().size();

        CommandResult result = session.command(new EngineCommand.ResolveIncidents(
                List.of(waitingForAcknowledge, 99L, acknowledged, waitingForAcknowledge), "bob"));

        long now = OPENED + 3 * MINUTE;
        assertThat(result.each()).containsExactly(
                Map.entry(waitingForAcknowledge, CommandResult.done()),
                Map.entry(99L, CommandResult.notFound("incident 99 has no running process (it does not exist or was resolved)")),
                Map.entry(acknowledged, CommandResult.done()));
        assertThat(session.outcomes().subList(before, session.outcomes().size())).containsExactly(
                new Outcome.IncidentTaskCompleted(waitingForAcknowledge, 1, "Acknowledge", now, "bob"),
                new Outcome.IncidentAcknowledged(waitingForAcknowledge, now, "bob"),
                new Outcome.IncidentTaskOpened(waitingForAcknowledge, 4, "Resolve", now, 4),
                new Outcome.IncidentTaskCompleted(waitingForAcknowledge, 4, "Resolve", now, "bob"),
                new Outcome.IncidentResolved(waitingForAcknowledge, now, "bob"),
                new Outcome.IncidentTaskCompleted(acknowledged, 3, "Resolve", now, "bob"),
                new Outcome.IncidentResolved(acknowledged, now, "bob"));
        assertThat(session.session().activeProcesses()).isZero();
    }

    @Test
    void shouldAnswerEachIncidentOfSeveralWithItsOwnConflict() {
        long resolved = openIncident();
        session.acknowledge(resolved);
        session.resolve(resolved);

        CommandResult result = session.command(new EngineCommand.ResolveIncidents(List.of(resolved), "bob"));

        assertThat(result.ok()).isTrue();
        assertThat(result.each()).containsExactly(Map.entry(resolved, CommandResult.conflict(
                "incident " + resolved + " is RESOLVED and has no Resolve task waiting")));
    }

    @Test
    void shouldRefuseStepsOutOfOrder() {
        long id = openIncident();

        assertThat(session.resolve(id)).isEqualTo(CommandResult.conflict(
                "incident " + id + " is OPEN and has no Resolve task waiting (it waits for Acknowledge)"));
        session.acknowledge(id);
        assertThat(session.acknowledge(id)).isEqualTo(CommandResult.conflict(
                "incident " + id + " is ACKNOWLEDGED and has no Acknowledge task waiting (it waits for Resolve)"));
        session.resolve(id);
        assertThat(session.resolve(id)).isEqualTo(CommandResult.conflict(
                "incident " + id + " is RESOLVED and has no Resolve task waiting"));
    }

    @Test
    void shouldKeepTheWaitingTaskAndTheTimerThroughSnapshotAndRestore() {
        long id = openIncident();
        session.advance(Duration.ofMinutes(10));

        session.snapshotAndRestore();

        assertThat(session.session().activeProcesses()).isEqualTo(1);
        assertThat(session.advance(Duration.ofMinutes(5)))
                .containsExactly(new Outcome.IncidentEscalated(id, 1, OPENED + 15 * MINUTE));
        assertThat(session.acknowledge(id)).isEqualTo(CommandResult.done());
        assertThat(session.outcomes()).last().isEqualTo(new Outcome.IncidentTaskOpened(id, 2, "Resolve", OPENED + 15 * MINUTE, 3));
    }

    @Test
    void shouldCarryTheProcessAndWorkItemIdCountersInTheSnapshot() {
        long first = openIncident();
        session.acknowledge(first);
        session.resolve(first);

        session.snapshotAndRestoreWithoutStoredProcessIds();
        long second = openIncident();

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(Outcome.IncidentOpened::processInstanceId)
                .containsExactly(1L, 2L);
        assertThat(session.outcomes(Outcome.IncidentTaskOpened.class)).filteredOn(t -> t.incidentId() == second)
                .extracting(Outcome.IncidentTaskOpened::workItemId).as("work items 1 and 2 were the first incident's")
                .containsExactly(3L);
    }
}
