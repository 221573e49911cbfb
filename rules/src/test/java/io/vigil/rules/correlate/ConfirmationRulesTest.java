package io.vigil.rules.correlate;

import io.vigil.alert.AlertChangeKind;
import io.vigil.model.Alert;
import io.vigil.model.Confirmation;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/correlate/confirmation.drl: Panopta's outage confirmation from several monitoring locations. */
class ConfirmationRulesTest {

    private final TestSession session = TestSession.start();
    private long t0;

    @BeforeEach
    void confirmations() {
        session.replaceTree("correlate-confirmation");
        session.advance(Duration.ofMinutes(1));
        t0 = session.now();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void http(String location, Status status) {
        session.event("web01", "http").source(location).status(status).message("GET / from " + location).send();
    }

    private void at(Duration sinceT0) {
        session.advance(Duration.ofMillis(t0 + sinceT0.toMillis() - session.now()));
    }

    @Test
    void shouldConfirmTheMomentEnoughLocationsFailAndOpenTheIncidentThenNotBefore() {
        http("primary", Status.CRITICAL);
        Alert alert = session.alert("web01/http");
        assertThat(alert.getConfirmation()).isEqualTo(Confirmation.UNCONFIRMED);
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).as("one location is not an outage").isEmpty();

        at(Duration.ofSeconds(8));
        http("eu-west", Status.CRITICAL);
        assertThat(session.alert("web01/http").getConfirmation()).isEqualTo(Confirmation.UNCONFIRMED);
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).isEmpty();

        at(Duration.ofSeconds(12));
        http("us-east", Status.CRITICAL);

        assertThat(session.alert("web01/http").getConfirmation()).isEqualTo(Confirmation.CONFIRMED);
        Outcome.AlertChanged confirmed = change(AlertChangeKind.CONFIRMED);
        assertThat(confirmed.at()).isEqualTo(t0 + 12_000);
        assertThat(confirmed.detail()).isEqualTo("confirmed by 3 locations: primary, eu-west, us-east");
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).singleElement()
                .satisfies(opened -> assertThat(opened.at()).isEqualTo(t0 + 12_000));
    }

    @Test
    void shouldCloseAnAlertNobodyConfirmsWithinTheWindowAsNotConfirmed() {
        http("primary", Status.CRITICAL);
        at(Duration.ofSeconds(10));
        http("primary", Status.CRITICAL);

        at(Duration.ofSeconds(16));

        assertThat(session.alerts()).isEmpty();
        Outcome.AlertChanged closed = change(AlertChangeKind.NOT_CONFIRMED);
        assertThat(closed.at()).isEqualTo(t0 + 15_000);
        assertThat(closed.alert().confirmation()).isEqualTo(Confirmation.NOT_CONFIRMED);
        assertThat(closed.alert().status()).as("kept as it was, visible").isEqualTo(Status.CRITICAL);
        assertThat(closed.detail()).isEqualTo("not confirmed: 1 of 3 locations reported it within 15s");
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).isEmpty();
    }

    @Test
    void shouldNotCountFailuresThatAreFurtherApartThanTheWindow() {
        http("primary", Status.CRITICAL);
        at(Duration.ofSeconds(14));
        http("eu-west", Status.CRITICAL);
        at(Duration.ofSeconds(15));
        assertThat(session.alerts()).as("the window of the first failure is over").isEmpty();

        at(Duration.ofSeconds(20));
        http("us-east", Status.CRITICAL);

        assertThat(session.alert("web01/http").getConfirmation()).as("a new alert, a new window")
                .isEqualTo(Confirmation.UNCONFIRMED);
    }

    @Test
    void shouldGiveTheAllClearOnlyWhenEveryFailingLocationRecovered() {
        http("primary", Status.CRITICAL);
        http("eu-west", Status.CRITICAL);
        http("us-east", Status.CRITICAL);
        at(Duration.ofMinutes(1));

        http("primary", Status.NORMAL);
        http("eu-west", Status.NORMAL);
        assertThat(session.alert("web01/http").getFailingLocations()).containsExactly("us-east");
        assertThat(change(AlertChangeKind.LOCATION_RECOVERED).detail())
                .isEqualTo("primary reports NORMAL; still failing at eu-west, us-east");

        http("us-east", Status.NORMAL);

        assertThat(session.alerts()).isEmpty();
        assertThat(change(AlertChangeKind.CLEARED).detail()).isEqualTo("all clear: web01/http reported NORMAL");
    }

    @Test
    void shouldTakeTheLocationAttributeOverTheSourceAndNarrowByResource() {
        session.event("web01", "dns").source("probe").attribute("location", "paris").status(Status.CRITICAL).send();
        session.event("web01", "dns").source("probe").attribute("location", "tokyo").status(Status.CRITICAL).send();
        session.event("web02", "dns").source("probe").status(Status.CRITICAL).send();

        assertThat(session.alert("web01/dns").getConfirmation()).isEqualTo(Confirmation.CONFIRMED);
        assertThat(session.alert("web01/dns").getFailingLocations()).containsExactly("paris", "tokyo");
        assertThat(session.alert("web02/dns").getConfirmation()).as("the rule names web01 only")
                .isEqualTo(Confirmation.NOT_NEEDED);
    }

    @Test
    void shouldKeepCountingLocationsAndTheWindowAcrossARestart() {
        http("primary", Status.CRITICAL);
        at(Duration.ofSeconds(8));
        http("eu-west", Status.CRITICAL);

        session.snapshotAndRestore();
        at(Duration.ofSeconds(12));
        http("us-east", Status.CRITICAL);
        assertThat(session.alert("web01/http").getConfirmation()).isEqualTo(Confirmation.CONFIRMED);

        session.event("web01", "http").source("primary").status(Status.NORMAL).send();
        session.event("web02", "http").source("primary").status(Status.CRITICAL).send();
        session.snapshotAndRestore();
        at(Duration.ofSeconds(40));
        assertThat(session.alerts()).extracting(Alert::getKey).as("web02's window ended after the restore")
                .containsExactly("web01/http");
    }

    private Outcome.AlertChanged change(AlertChangeKind kind) {
        return session.outcomes(Outcome.AlertChanged.class).stream().filter(o -> o.change() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + session.alertChanges()));
    }
}
