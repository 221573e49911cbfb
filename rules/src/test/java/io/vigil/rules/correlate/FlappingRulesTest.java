package io.vigil.rules.correlate;

import io.vigil.alert.AlertChangeKind;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/correlate/flapping.drl: 4 status changes within 10 minutes flag an alert; 5 quiet minutes end it. */
class FlappingRulesTest {

    private final TestSession session = TestSession.start();

    @BeforeEach
    void flapping() {
        session.replaceTree("correlate-flapping");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void report(Status status) {
        session.advance(Duration.ofMinutes(1));
        session.event("db01", "disk").status(status).send();
    }

    private void resolveEveryIncident() {
        session.incidents().forEach(i -> {
            session.acknowledge(i.getId());
            session.resolve(i.getId());
        });
    }

    private List<String> flappingChanges() {
        return session.outcomes(Outcome.AlertChanged.class).stream()
                .filter(o -> o.change() == AlertChangeKind.FLAPPING_STARTED || o.change() == AlertChangeKind.FLAPPING_ENDED)
                .map(o -> o.change() + " " + o.alert().id() + ": " + o.detail()).toList();
    }

    @Test
    void shouldFlagAnAlertThatChangesStatusTooOftenAndOpenNoIncidentWhileItFlaps() {
        report(Status.WARNING);
        report(Status.CRITICAL);
        long incidents = session.outcomes(Outcome.IncidentOpened.class).size();
        report(Status.WARNING);
        report(Status.CRITICAL);
        report(Status.WARNING);

        assertThat(session.alert("db01/disk").isFlapping()).isTrue();
        assertThat(flappingChanges()).containsExactly("FLAPPING_STARTED 1: 4 status changes within 10m");
        resolveEveryIncident();
        report(Status.CRITICAL);
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).hasSize((int) incidents);
    }

    @Test
    void shouldCountAProblemThatKeepsClearingAndComingBack() {
        report(Status.CRITICAL);
        report(Status.NORMAL);
        report(Status.CRITICAL);
        report(Status.NORMAL);
        resolveEveryIncident();

        report(Status.CRITICAL);

        assertThat(session.alert("db01/disk").getId()).as("each episode its own alert").isEqualTo(3);
        assertThat(session.alert("db01/disk").isFlapping()).isTrue();
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).as("no incident for the flapping episode").hasSize(1);
    }

    @Test
    void shouldEndFlappingAfterTheQuietPeriodAndThenOpenTheIncident() {
        report(Status.CRITICAL);
        report(Status.NORMAL);
        report(Status.CRITICAL);
        report(Status.NORMAL);
        resolveEveryIncident();
        report(Status.CRITICAL);

        session.advance(Duration.ofMinutes(4));
        assertThat(session.alert("db01/disk").isFlapping()).isTrue();
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).hasSize(1);
        session.advance(Duration.ofMinutes(2));

        assertThat(session.alert("db01/disk").isFlapping()).as(session.alertChanges().toString()).isFalse();
        assertThat(flappingChanges()).containsExactly("FLAPPING_STARTED 3: 4 status changes within 10m",
                "FLAPPING_ENDED 3: stable for 5m");
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).as("steady and still critical: a person is needed")
                .hasSize(2);
    }

    @Test
    void shouldNotFlagChangesSpreadWiderThanTheWindow() {
        for (Status status : List.of(Status.WARNING, Status.CRITICAL, Status.WARNING, Status.CRITICAL, Status.WARNING)) {
            session.advance(Duration.ofMinutes(4));
            session.event("db01", "disk").status(status).send();
        }

        assertThat(session.alert("db01/disk").isFlapping()).isFalse();
    }

    @Test
    void shouldKeepFlappingAndItsQuietPeriodAcrossARestart() {
        report(Status.WARNING);
        report(Status.CRITICAL);
        report(Status.WARNING);
        report(Status.CRITICAL);
        report(Status.WARNING);

        session.snapshotAndRestore();
        assertThat(session.alert("db01/disk").isFlapping()).isTrue();
        session.advance(Duration.ofMinutes(6));

        assertThat(session.alert("db01/disk").isFlapping()).isFalse();
    }
}
