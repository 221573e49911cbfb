package io.vigil.rules.correlate;

import io.vigil.alert.AlertChangeKind;
import io.vigil.alert.AlertSettings;
import io.vigil.alert.CorrelationDefinition;
import io.vigil.alert.FlappingSettings;
import io.vigil.model.Alert;
import io.vigil.model.AlertState;
import io.vigil.model.Status;
import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/correlate/alerts.drl and the alert desk behind it, on the real rules and the pseudo clock. */
class AlertRulesTest {

    private static final long T0 = TestSession.START.toEpochMilli();
    private static final long MINUTE = 60_000;

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    private void report(String resource, Status status) {
        session.advance(Duration.ofMinutes(1));
        session.event(resource, "disk").status(status).message(resource + " disk " + status).send();
    }

    private CommandResult command(EngineCommand command) {
        return session.command(command);
    }

    private static String error(CommandResult result, long id) {
        return result.each().get(id).error();
    }

    @Test
    void shouldDeduplicateRepeatedReportsIntoOneAlert() {
        report("db01", Status.CRITICAL);
        report("db01", Status.CRITICAL);
        report("db01", Status.CRITICAL);

        Alert alert = session.alert("db01/disk");
        assertThat(alert.getId()).isEqualTo(1);
        assertThat(alert.getCount()).isEqualTo(3);
        assertThat(alert.getFirstSeen()).isEqualTo(T0 + MINUTE);
        assertThat(alert.getLastSeen()).isEqualTo(T0 + 3 * MINUTE);
        assertThat(alert.getCategory()).isEqualTo("hardware");
        assertThat(alert.getMessage()).isEqualTo("db01 disk CRITICAL");
        assertThat(alert.getState()).isEqualTo(AlertState.OPEN);
        assertThat(session.alertChanges()).containsExactly("OPENED 1 CRITICAL OPEN", "REPEATED 1 CRITICAL OPEN",
                "REPEATED 1 CRITICAL OPEN");
        Outcome.AlertChanged opened = session.outcomes(Outcome.AlertChanged.class).get(0);
        assertThat(opened.eventId()).isEqualTo(1L);
        assertThat(session.firings()).filteredOn(f -> f.id() == opened.firingId())
                .extracting(f -> f.rule()).containsExactly("Count a problem report into the alert of its key");
    }

    @Test
    void shouldKeepStatusChangesWithThePreviousStatus() {
        report("db01", Status.WARNING);
        report("db01", Status.CRITICAL);

        Alert alert = session.alert("db01/disk");
        assertThat(alert.getStatus()).isEqualTo(Status.CRITICAL);
        assertThat(alert.getPreviousStatus()).isEqualTo(Status.WARNING);
        assertThat(alert.getRecentChanges()).containsExactly(
                new Alert.StatusChange(T0 + 2 * MINUTE, Status.WARNING, Status.CRITICAL));
        assertThat(session.alertChanges()).containsExactly("OPENED 1 WARNING OPEN", "STATUS 1 CRITICAL OPEN");
        assertThat(session.outcomes(Outcome.AlertChanged.class).get(1).detail()).isEqualTo("WARNING → CRITICAL");
    }

    @Test
    void shouldKeepOnlyTheLatestStatusChangesInTheFact() {
        for (int i = 0; i < 25; i++) {
            report("db01", i % 2 == 0 ? Status.WARNING : Status.CRITICAL);
        }

        List<Alert.StatusChange> recent = session.alert("db01/disk").getRecentChanges();
        assertThat(recent).hasSize(Alert.RECENT_CHANGES);
        assertThat(recent.get(recent.size() - 1).at()).isEqualTo(T0 + 25 * MINUTE);
    }

    @Test
    void shouldClearOnNormalAndOpenANewAlertForTheNextProblem() {
        report("db01", Status.CRITICAL);
        report("db01", Status.NORMAL);

        assertThat(session.alerts()).isEmpty();
        Outcome.AlertChanged cleared = session.outcomes(Outcome.AlertChanged.class).get(1);
        assertThat(cleared.change()).isEqualTo(AlertChangeKind.CLEARED);
        assertThat(cleared.alert().count()).isEqualTo(2);
        assertThat(cleared.detail()).isEqualTo("all clear: db01/disk reported NORMAL");

        report("db01", Status.WARNING);
        assertThat(session.alert("db01/disk").getId()).as("a new episode, a new id").isEqualTo(2);
    }

    @Test
    void shouldTouchNothingForNormalReportsOfKeysWithoutAnAlert() {
        report("db01", Status.NORMAL);
        report("db02", Status.NORMAL);

        assertThat(session.alertChanges()).isEmpty();
        assertThat(session.firings()).extracting(f -> f.rulePackage()).doesNotContain("rules.correlate");
    }

    @Test
    void shouldNeitherRollBackNorClearOnALateReport() {
        report("db01", Status.CRITICAL);
        session.event("db01", "disk").status(Status.NORMAL).ago(Duration.ofMinutes(5)).send();

        Alert alert = session.alert("db01/disk");
        assertThat(alert.getStatus()).isEqualTo(Status.CRITICAL);
        assertThat(alert.getCount()).isEqualTo(2);
        assertThat(session.alertChanges()).containsExactly("OPENED 1 CRITICAL OPEN", "REPEATED 1 CRITICAL OPEN");
    }

    @Test
    void shouldKeyBySenderChosenDedupKey() {
        session.event("web01", "http").status(Status.CRITICAL).attribute("dedupKey", "shop-down").send();
        session.event("web02", "http").status(Status.CRITICAL).attribute("dedupKey", "shop-down").send();

        assertThat(session.alerts()).extracting(Alert::getKey, Alert::getCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shop-down", 2L));
    }

    @Test
    void shouldKeyAlertmanagerAlertsByTheirFingerprint() {
        session.event("node1", "HighLoad").transport("alertmanager").status(Status.WARNING)
                .attribute("fingerprint", "a1b2").send();
        session.event("node1", "HighLoad").transport("alertmanager").status(Status.WARNING)
                .attribute("fingerprint", "c3d4").send();
        session.event("node1", "HighLoad").transport("alertmanager").status(Status.NORMAL)
                .attribute("fingerprint", "a1b2").send();

        assertThat(session.alerts()).extracting(Alert::getKey).containsExactly("alertmanager:c3d4");
        assertThat(session.alertChanges()).containsExactly("OPENED 1 WARNING OPEN", "OPENED 2 WARNING OPEN",
                "CLEARED 1 NORMAL CLEARED");
    }

    @Test
    void shouldDropTheAcknowledgementWhenTheAlertGetsWorse() {
        report("db01", Status.WARNING);
        assertThat(command(new EngineCommand.AcknowledgeAlerts(List.of(1L), "alice")).each().get(1L).ok()).isTrue();
        assertThat(session.alert("db01/disk").getAcknowledgedBy()).isEqualTo("alice");

        report("db01", Status.CRITICAL);

        Alert alert = session.alert("db01/disk");
        assertThat(alert.getState()).isEqualTo(AlertState.OPEN);
        assertThat(alert.getAcknowledgedBy()).isNull();
        assertThat(session.alertChanges()).containsExactly("OPENED 1 WARNING OPEN", "ACKNOWLEDGED 1 WARNING ACKNOWLEDGED",
                "STATUS 1 CRITICAL OPEN", "ACKNOWLEDGEMENT_DROPPED 1 CRITICAL OPEN");
    }

    @Test
    void shouldKeepTheAcknowledgementWhenTheAlertGetsBetterOrWhenToldTo() {
        report("db01", Status.CRITICAL);
        command(new EngineCommand.AcknowledgeAlerts(List.of(1L), "alice"));
        report("db01", Status.WARNING);
        assertThat(session.alert("db01/disk").getState()).isEqualTo(AlertState.ACKNOWLEDGED);

        session.session().alerts().configure(new CorrelationDefinition(List.of(), List.of(), List.of(),
                FlappingSettings.DEFAULT, new AlertSettings(false), List.of()));
        report("db01", Status.CRITICAL);
        assertThat(session.alert("db01/disk").getState()).isEqualTo(AlertState.ACKNOWLEDGED);
    }

    @Test
    void shouldEndShelvingOnTheSessionClockBackInThePreviousState() {
        report("db01", Status.CRITICAL);
        report("db02", Status.CRITICAL);
        command(new EngineCommand.AcknowledgeAlerts(List.of(2L), "alice"));
        command(new EngineCommand.ShelveAlerts(List.of(1L, 2L), Duration.ofMinutes(10), "bob"));
        assertThat(session.alerts()).extracting(Alert::getState).containsOnly(AlertState.SHELVED);

        session.advance(Duration.ofMinutes(9));
        assertThat(session.alerts()).extracting(Alert::getState).containsOnly(AlertState.SHELVED);
        session.advance(Duration.ofMinutes(2));

        assertThat(session.alert("db01/disk").getState()).isEqualTo(AlertState.OPEN);
        assertThat(session.alert("db02/disk").getState()).isEqualTo(AlertState.ACKNOWLEDGED);
        List<Outcome.AlertChanged> unshelved = session.outcomes(Outcome.AlertChanged.class).stream()
                .filter(o -> o.change() == AlertChangeKind.UNSHELVED).toList();
        assertThat(unshelved).extracting(Outcome.AlertChanged::at).containsOnly(T0 + 12 * MINUTE);
        assertThat(unshelved).extracting(Outcome.AlertChanged::detail)
                .containsOnly("shelving ended at 2026-01-05T10:12:00Z");
    }

    @Test
    void shouldAnswerEachAlertOfACommandOnItsOwn() {
        report("db01", Status.CRITICAL);
        report("db02", Status.CRITICAL);
        report("db02", Status.NORMAL);

        CommandResult result = command(new EngineCommand.AcknowledgeAlerts(List.of(1L, 2L, 9L, 1L), "alice"));

        assertThat(result.each()).containsOnlyKeys(1L, 2L, 9L);
        assertThat(result.each().get(1L).ok()).isTrue();
        assertThat(error(result, 2)).isEqualTo("alert 2 is not active (it does not exist or was cleared)");
        assertThat(error(result, 9)).isEqualTo("alert 9 is not active (it does not exist or was cleared)");
        assertThat(error(command(new EngineCommand.AcknowledgeAlerts(List.of(1L), "bob")), 1))
                .isEqualTo("alert 1 is ACKNOWLEDGED: only an OPEN alert can be acknowledged");
        assertThat(error(command(new EngineCommand.UnshelveAlerts(List.of(1L), "bob")), 1))
                .isEqualTo("alert 1 is ACKNOWLEDGED: only a SHELVED alert can be unshelved");
    }

    @Test
    void shouldAssignNoteUnacknowledgeAndClearByHand() {
        report("db01", Status.CRITICAL);
        command(new EngineCommand.AcknowledgeAlerts(List.of(1L), "alice"));
        command(new EngineCommand.AssignAlerts(List.of(1L), "carol", "alice"));
        command(new EngineCommand.NoteAlerts(List.of(1L), "disk replaced, waiting for the rebuild", "carol"));
        command(new EngineCommand.UnacknowledgeAlerts(List.of(1L), "carol"));
        assertThat(session.alert("db01/disk").getAssignee()).isEqualTo("carol");

        command(new EngineCommand.ClearAlerts(List.of(1L), "carol"));

        assertThat(session.alerts()).isEmpty();
        assertThat(session.outcomes(Outcome.AlertChanged.class)).extracting(o -> o.change() + " " + o.actor() + " "
                + o.detail()).containsExactly("OPENED null db01 disk CRITICAL", "ACKNOWLEDGED alice null",
                "ASSIGNED alice carol", "NOTE carol disk replaced, waiting for the rebuild", "UNACKNOWLEDGED carol null",
                "CLEARED carol cleared by carol");
    }

    @Test
    void shouldKeepAlertsTheirIdsAndShelvingThroughSnapshotAndRestore() {
        report("db01", Status.CRITICAL);
        command(new EngineCommand.AcknowledgeAlerts(List.of(1L), "alice"));
        report("db02", Status.WARNING);
        command(new EngineCommand.ShelveAlerts(List.of(2L), Duration.ofMinutes(30), "alice"));

        session.snapshotAndRestore();
        report("db01", Status.CRITICAL);
        report("db03", Status.CRITICAL);
        session.advance(Duration.ofMinutes(30));

        assertThat(session.alert("db01/disk").getCount()).as("counted into the alert opened before").isEqualTo(2);
        assertThat(session.alert("db01/disk").getState()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(session.alert("db03/disk").getId()).as("ids go on after the restore").isEqualTo(3);
        assertThat(session.alert("db02/disk").getState()).as("shelving ends after the restore too")
                .isEqualTo(AlertState.OPEN);
    }

    @Test
    void shouldContinueIdsAfterTheHighestStoredOneOnlyWhenTold() {
        session.session().alerts().continueAfter(41, 0);

        report("db01", Status.CRITICAL);

        assertThat(session.alert("db01/disk").getId()).isEqualTo(42);
    }
}
