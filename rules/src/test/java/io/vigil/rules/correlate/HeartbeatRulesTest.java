package io.vigil.rules.correlate;

import io.vigil.alert.AlertChangeKind;
import io.vigil.model.Alert;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/correlate/heartbeats.drl: a missing heartbeat is a CRITICAL alert on the session clock. */
class HeartbeatRulesTest {

    private final TestSession session = TestSession.start();

    @BeforeEach
    void heartbeats() {
        session.replaceTree("correlate-heartbeats");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void beat(String resource, String source) {
        session.event(resource, "heartbeat").source(source).send();
    }

    @Test
    void shouldRaiseACriticalAlertWhenTheNextHeartbeatIsLateAndClearItOnTheNextOne() {
        beat("agent-01", "agent");
        long last = session.now();
        session.advance(Duration.ofSeconds(59));
        assertThat(session.alerts()).isEmpty();

        session.advance(Duration.ofSeconds(2));

        Alert missing = session.alert("agent-01/heartbeat");
        assertThat(missing.getStatus()).isEqualTo(Status.CRITICAL);
        Outcome.AlertChanged opened = session.outcomes(Outcome.AlertChanged.class).get(0);
        assertThat(opened.at()).isEqualTo(last + 60_000);
        assertThat(opened.detail()).isEqualTo("heartbeat missing: none since 2026-01-05T10:00:00Z (expected every 1m)");
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).as("a missing heartbeat needs a person").hasSize(1);

        beat("agent-01", "agent");

        assertThat(session.alerts()).isEmpty();
        assertThat(session.outcomes(Outcome.AlertChanged.class)).extracting(Outcome.AlertChanged::change)
                .containsExactly(AlertChangeKind.OPENED, AlertChangeKind.CLEARED);
    }

    @Test
    void shouldTakeTheTimeoutAttributeThenTheSourceInterval() {
        session.event("app7", "heartbeat").source("anything").attribute("timeout", "30s").send();
        beat("probe-3", "collector-eu");
        beat("stranger", "nobody");

        session.advance(Duration.ofSeconds(31));
        assertThat(session.alerts()).extracting(Alert::getKey).containsExactly("app7/heartbeat");
        session.advance(Duration.ofMinutes(5));
        assertThat(session.alerts()).extracting(Alert::getKey).as("nobody said when stranger's next one is due")
                .containsExactlyInAnyOrder("app7/heartbeat", "probe-3/heartbeat");
    }

    @Test
    void shouldKeepWaitingForTheHeartbeatAcrossARestart() {
        beat("agent-01", "agent");
        session.advance(Duration.ofSeconds(30));

        session.snapshotAndRestore();
        session.advance(Duration.ofSeconds(31));

        assertThat(session.alert("agent-01/heartbeat").getStatus()).isEqualTo(Status.CRITICAL);
        beat("agent-01", "agent");
        session.snapshotAndRestore();
        session.advance(Duration.ofSeconds(61));
        assertThat(session.alert("agent-01/heartbeat").getId()).as("a new alert after the restart").isEqualTo(2);
    }
}
