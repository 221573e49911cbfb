package io.vigil.rules.services;

import io.vigil.model.Alert;
import io.vigil.model.AlertKind;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static io.vigil.model.Status.CRITICAL;
import static io.vigil.model.Status.NORMAL;
import static io.vigil.model.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** rules/services/service-alerts.drl on the real rules and processes. */
class ServiceAlertRulesTest {

    private static final Duration GAP = Duration.ofSeconds(1);

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    private List<Outcome> report(String resource, String check, Status status) {
        return session.report(GAP, resource, check, status);
    }

    @Test
    void shouldAlertWhenAServiceEntersWarningOrCriticalAndWhenItReturnsToNormal() {
        session.replaceTree("auto");
        report("mx1", "smtp", NORMAL);
        report("mx2", "smtp", NORMAL);
        report("mx1", "smtp", WARNING);
        long warningAt = session.now();
        report("mx2", "smtp", WARNING);
        report("mx1", "smtp", NORMAL);
        report("mx2", "smtp", NORMAL);

        assertThat(session.outcomes(Outcome.ServiceAlert.class)).extracting(Outcome.ServiceAlert::status,
                Outcome.ServiceAlert::previous).as("NORMAL after nothing known is no alert").containsExactly(
                        tuple(WARNING, NORMAL), tuple(CRITICAL, WARNING), tuple(WARNING, CRITICAL), tuple(NORMAL, WARNING));
        assertThat(session.outcomes(Outcome.ServiceAlert.class).get(0))
                .isEqualTo(new Outcome.ServiceAlert("mail", WARNING, NORMAL, new BigDecimal("0.5"), warningAt));
    }

    @Test
    void shouldKeepOneServiceAlertPerProblemOnTheOperatorsList() {
        session.replaceTree("auto");
        report("mx1", "smtp", NORMAL);
        report("mx2", "smtp", NORMAL);
        report("mx1", "smtp", WARNING);
        report("mx2", "smtp", WARNING);

        assertThat(session.alert("service:mail").getKind()).isEqualTo(AlertKind.SERVICE);
        assertThat(session.alert("service:mail").getService()).isEqualTo("mail");
        assertThat(session.alert("service:mail").getStatus()).isEqualTo(CRITICAL);

        report("mx1", "smtp", NORMAL);
        report("mx2", "smtp", NORMAL);

        assertThat(session.alerts()).extracting(Alert::getKey).doesNotContain("service:mail");
        assertThat(session.outcomes(Outcome.AlertChanged.class).stream()
                .filter(o -> o.alert().key().equals("service:mail")).map(o -> o.change() + " " + o.alert().status()))
                .containsExactly("OPENED WARNING", "STATUS CRITICAL", "STATUS WARNING", "CLEARED NORMAL");
    }

    @Test
    void shouldNotAlertWhenOnlyTheValueMoves() {
        session.replaceTree("web-application");
        report("apache01", "ping", CRITICAL);
        report("apache02", "ping", CRITICAL);
        report("weblogic1", "ping", CRITICAL);
        report("apache03", "ping", CRITICAL);

        assertThat(session.outcomes(Outcome.ServiceStatusChanged.class)).hasSize(4);
        assertThat(session.outcomes(Outcome.ServiceAlert.class)).singleElement()
                .satisfies(alert -> assertThat(alert.value()).isEqualByComparingTo("4.4"));
    }

    @Test
    void shouldKeepAQuietServiceSilent() {
        session.replaceTree("cascade");
        report("lab1", "ping", CRITICAL);

        assertThat(session.service("lab").getStatus()).isEqualTo(CRITICAL);
        assertThat(session.outcomes(Outcome.ServiceAlert.class)).isEmpty();
    }

    @Test
    void shouldLetACriticalCascadeProtectedServiceCarryTheAlertsOfTheServicesBelowIt() {
        session.replaceTree("cascade");
        report("router1", "ping", CRITICAL);

        assertThat(session.service("network").getStatus()).isEqualTo(CRITICAL);
        assertThat(session.outcomes(Outcome.ServiceAlert.class)).extracting(Outcome.ServiceAlert::service,
                Outcome.ServiceAlert::status).containsExactly(tuple("datacenter", CRITICAL));
    }
}
