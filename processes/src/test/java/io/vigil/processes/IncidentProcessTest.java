package io.vigil.processes;

import io.vigil.model.Alert;
import io.vigil.model.AlertKind;
import io.vigil.model.Incident;
import io.vigil.model.IncidentPriority;
import io.vigil.model.IncidentState;
import io.vigil.model.ResolutionCode;
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

    /** The only incident. */
    private Incident incident() {
        assertThat(session.incidents()).hasSize(1);
        return session.incidents().get(0);
    }

    @Test
    void shouldOpenTheIncidentAndWaitForAcknowledge() {
        long id = openIncident();

        // The opening splits into the Acknowledge task and the escalation loop, which each take a work
        // item; jBPM 7 runs a parallel split's branches in no fixed order, so either may take id 1.
        long workItem = session.outcomes(Outcome.IncidentTaskOpened.class).get(0).workItemId();
        assertThat(workItem).isIn(1L, 2L);
        assertThat(session.outcomes()).containsExactly(
                new Outcome.IncidentOpened(id, "db01", "disk", "db01/disk is CRITICAL", OPENED, 1, null, 7L, null,
                        IncidentPriority.NORMAL, null, 1L),
                new Outcome.IncidentTaskOpened(id, 1, "Acknowledge", OPENED, workItem));
        assertThat(incident().getWaitingTask()).isEqualTo(new Incident.WaitingTask(1, workItem, "Acknowledge"));
        assertThat(incident().getState()).isEqualTo(IncidentState.OPEN);
        assertThat(session.session().activeProcesses()).isEqualTo(1);
    }

    @Test
    void shouldEscalateEveryIntervalWhileNobodyAcknowledgesWhenNoPolicyCoversIt() {
        long id = openIncident();

        assertThat(session.advance(Duration.ofMinutes(14))).isEmpty();
        assertThat(session.advance(Duration.ofMinutes(1)))
                .containsExactly(new Outcome.IncidentEscalated(id, 1, OPENED + 15 * MINUTE, List.of()));
        assertThat(session.advance(Duration.ofMinutes(15)))
                .containsExactly(new Outcome.IncidentEscalated(id, 2, OPENED + 30 * MINUTE, List.of()));
        assertThat(incident().getEscalationLevel()).isEqualTo(2);
    }

    @Test
    void shouldStopEscalatingOnceAcknowledgedAndWaitForTheInvestigation() {
        long id = openIncident();
        session.advance(Duration.ofMinutes(20));

        CommandResult result = session.acknowledge(id);

        assertThat(result).isEqualTo(CommandResult.done());
        long now = OPENED + 20 * MINUTE;
        assertThat(session.outcomes()).endsWith(
                new Outcome.IncidentTaskCompleted(id, 1, "Acknowledge", now, "alice"),
                new Outcome.IncidentAcknowledged(id, now, "alice"),
                new Outcome.IncidentTaskOpened(id, 2, "Investigate", now, 4));
        assertThat(session.advance(Duration.ofHours(2))).isEmpty();
        assertThat(incident().getState()).isEqualTo(IncidentState.ACKNOWLEDGED);
        assertThat(incident().getEscalationLevel()).isEqualTo(1);
    }

    @Test
    void shouldWalkEveryStepBeforeResolveAndThenWaitToBeClosed() {
        long id = openIncident();
        int before = session.outcomes().size();

        CommandResult result = session.command(new EngineCommand.Resolve(id, ResolutionCode.WORKAROUND, "swapped disk", "bob"));

        assertThat(result).isEqualTo(CommandResult.done());
        assertThat(session.outcomes().subList(before, session.outcomes().size())).extracting(Outcome::kind).containsExactly(
                "incident-task-completed", "incident-acknowledged", "incident-task-opened",
                "incident-task-completed", "incident-investigating", "incident-task-opened",
                "incident-task-completed", "incident-resolved", "incident-task-opened");
        assertThat(session.outcomes(Outcome.IncidentResolved.class)).containsExactly(
                new Outcome.IncidentResolved(id, OPENED, "bob", ResolutionCode.WORKAROUND, "swapped disk"));
        assertThat(incident().getState()).isEqualTo(IncidentState.RESOLVED);
        assertThat(incident().getWaitingTask().name()).isEqualTo("Close");
        assertThat(session.session().activeProcesses()).isEqualTo(1);

        assertThat(session.command(new EngineCommand.Close(id, "carol"))).isEqualTo(CommandResult.done());
        assertThat(session.outcomes()).last().isEqualTo(new Outcome.IncidentClosed(id, OPENED, "carol"));
        assertThat(session.session().activeProcesses()).isZero();
        assertThat(incident().getState()).isEqualTo(IncidentState.CLOSED);
    }

    @Test
    void shouldCloseAResolvedIncidentByItselfAfterADay() {
        long id = openIncident();
        session.resolve(id);

        assertThat(session.advance(Duration.ofHours(23))).isEmpty();
        List<Outcome> closing = session.advance(Duration.ofHours(1));

        assertThat(closing).extracting(Outcome::kind).containsExactly("incident-task-cancelled", "incident-closed");
        assertThat(closing).last().isEqualTo(new Outcome.IncidentClosed(id, OPENED + 24 * 60 * MINUTE, null));
        assertThat(session.session().activeProcesses()).isZero();
    }

    @Test
    void shouldPauseEscalationWhileSnoozedAndResumeItAtTheSameLevel() {
        long id = openIncident();
        session.advance(Duration.ofMinutes(15));
        assertThat(incident().getEscalationLevel()).isEqualTo(1);

        CommandResult snoozed = session.command(new EngineCommand.Snooze(id, Duration.ofHours(1), "alice"));

        assertThat(snoozed).isEqualTo(CommandResult.done());
        long at = OPENED + 15 * MINUTE;
        assertThat(session.outcomes(Outcome.IncidentSnoozed.class))
                .containsExactly(new Outcome.IncidentSnoozed(id, at + 60 * MINUTE, at, "alice"));
        assertThat(incident().getWaitingTask().name()).isEqualTo("Snoozed");
        assertThat(session.advance(Duration.ofMinutes(59))).as("no escalation while snoozed").isEmpty();

        List<Outcome> woken = session.advance(Duration.ofMinutes(1));

        assertThat(woken).extracting(Outcome::kind).containsExactly("incident-task-cancelled", "incident-snooze-ended",
                "incident-task-opened");
        assertThat(incident().getState()).isEqualTo(IncidentState.OPEN);
        assertThat(incident().getWaitingTask().name()).isEqualTo("Acknowledge");
        assertThat(session.advance(Duration.ofMinutes(15)))
                .containsExactly(new Outcome.IncidentEscalated(id, 2, at + 75 * MINUTE, List.of()));
    }

    @Test
    void shouldTakeASnoozedIncidentBackOnAcknowledge() {
        long id = openIncident();
        session.command(new EngineCommand.Snooze(id, Duration.ofHours(1), "alice"));

        assertThat(session.command(new EngineCommand.Acknowledge(id, "bob"))).isEqualTo(CommandResult.done());

        assertThat(incident().getWaitingTask().name()).isEqualTo("Investigate");
        assertThat(incident().getSnoozedUntil()).isNull();
        assertThat(session.advance(Duration.ofHours(3))).as("the snooze timer went with its task").isEmpty();
    }

    @Test
    void shouldAssignAndNoteAnIncident() {
        long id = openIncident();

        assertThat(session.command(new EngineCommand.AssignIncident(id, " carol ", "alice"))).isEqualTo(CommandResult.done());
        assertThat(session.command(new EngineCommand.NoteIncident(id, "looking at the RAID", "carol")))
                .isEqualTo(CommandResult.done());

        assertThat(incident().getAssignee()).isEqualTo("carol");
        assertThat(session.outcomes()).endsWith(new Outcome.IncidentAssigned(id, "carol", OPENED, "alice"),
                new Outcome.IncidentNoted(id, "looking at the RAID", OPENED, "carol"));
    }

    @Test
    void shouldResolveSeveralEachAsFarAsItCanGo() {
        long waitingForAcknowledge = openIncident();
        long investigating = openIncident();
        session.command(new EngineCommand.Investigate(investigating, "alice"));
        session.advance(Duration.ofMinutes(3));

        CommandResult result = session.command(new EngineCommand.ResolveIncidents(
                List.of(waitingForAcknowledge, 99L, investigating, waitingForAcknowledge), "bob"));

        assertThat(result.each()).containsExactly(
                Map.entry(waitingForAcknowledge, CommandResult.done()),
                Map.entry(99L, CommandResult.notFound("incident 99 has no running process (it does not exist or was closed)")),
                Map.entry(investigating, CommandResult.done()));
        assertThat(session.incidents()).extracting(Incident::getState).containsOnly(IncidentState.RESOLVED);
    }

    @Test
    void shouldRefuseStepsOutOfOrder() {
        long id = openIncident();

        assertThat(session.command(new EngineCommand.Close(id, "alice"))).isEqualTo(CommandResult.conflict(
                "incident " + id + " is OPEN and has no Close task waiting (it waits for Acknowledge)"));
        session.acknowledge(id);
        assertThat(session.acknowledge(id)).isEqualTo(CommandResult.conflict(
                "incident " + id + " is ACKNOWLEDGED and has no Acknowledge task waiting (it waits for Investigate)"));
        session.resolve(id);
        assertThat(session.resolve(id)).isEqualTo(CommandResult.conflict(
                "incident " + id + " is RESOLVED and has no Resolve task waiting (it waits for Close)"));
        session.command(new EngineCommand.Close(id, "alice"));
        assertThat(session.command(new EngineCommand.Close(id, "alice"))).isEqualTo(CommandResult.conflict(
                "incident " + id + " is CLOSED and has no Close task waiting"));
    }

    @Test
    void shouldKeepTheWaitingTaskAndTheTimerThroughSnapshotAndRestore() {
        long id = openIncident();
        session.advance(Duration.ofMinutes(10));

        session.snapshotAndRestore();

        assertThat(session.session().activeProcesses()).isEqualTo(1);
        assertThat(session.advance(Duration.ofMinutes(5)))
                .containsExactly(new Outcome.IncidentEscalated(id, 1, OPENED + 15 * MINUTE, List.of()));
        assertThat(session.acknowledge(id)).isEqualTo(CommandResult.done());
        assertThat(session.outcomes()).last().extracting(o -> ((Outcome.IncidentTaskOpened) o).name()).isEqualTo("Investigate");
    }

    @Test
    void shouldCarryTheProcessAndWorkItemIdCountersInTheSnapshot() {
        long first = openIncident();
        session.resolve(first);
        session.command(new EngineCommand.Close(first, "alice"));

        session.snapshotAndRestoreWithoutStoredProcessIds();
        long second = openIncident();

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(Outcome.IncidentOpened::processInstanceId)
                .containsExactly(1L, 2L);
        long lastOfFirst = session.outcomes(Outcome.IncidentTaskOpened.class).stream().filter(t -> t.incidentId() == first)
                .mapToLong(Outcome.IncidentTaskOpened::workItemId).max().orElseThrow();
        assertThat(session.outcomes(Outcome.IncidentTaskOpened.class)).filteredOn(t -> t.incidentId() == second)
                .extracting(Outcome.IncidentTaskOpened::workItemId).as("work items after the first incident's")
                .allSatisfy(workItem -> assertThat(workItem).isGreaterThan(lastOfFirst));
    }
}
