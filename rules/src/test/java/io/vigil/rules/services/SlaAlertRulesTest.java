package io.vigil.rules.services;

import io.vigil.model.AlertKind;
import io.vigil.model.Status;
import io.vigil.service.sla.SampleOutcome;
import io.vigil.service.sla.SlaStatus;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static io.vigil.model.Status.CRITICAL;
import static io.vigil.model.Status.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * rules/services/sla-alerts.drl, and the engine's SLA sampling under it, on the real rules with
 * the pseudo clock: the seed's table (interval 1 h, a sample every 5 min, sample 6 fails).
 */
class SlaAlertRulesTest {

    private static final long T0 = TestSession.START.toEpochMilli();
    private static final Duration PERIOD = Duration.ofMinutes(5);
    private static final List<String> SEED_TABLE = List.of("100", "100", "100", "100", "100", "83.33", "85.71",
            "87.5", "88.89", "90", "90.91", "91.67", "91.67", "91.67", "91.67", "91.67", "91.67", "100");

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    private static long t(int sample) {
        return T0 + sample * PERIOD.toMillis();
    }

    private void advanceTo(long at) {
        session.advance(Duration.ofMillis(at - session.now()));
    }

    private void report(Status status) {
        session.event("web01", "http").status(status).send();
    }

    /** web01/http NORMAL from the start, CRITICAL from t5 + 1 min to t6 + 1 min: only sample 6 fails. */
    private void runTheSeedDay() {
        report(NORMAL);
        advanceTo(t(5) + 60_000);
        report(CRITICAL);
        advanceTo(t(6) + 60_000);
        report(NORMAL);
        advanceTo(t(18));
    }

    private List<Outcome.SlaSampled> webshopSamples() {
        return session.outcomes(Outcome.SlaSampled.class).stream().filter(s -> s.service().equals("webshop")).toList();
    }

    @Test
    void shouldSampleTheSeedTableAndAlertWhenComplianceFallsBelowTheLimit() {
        session.replaceTree("sla");
        runTheSeedDay();

        List<Outcome.SlaSampled> samples = webshopSamples();
        assertThat(samples).extracting(Outcome.SlaSampled::at).containsExactly(t(1), t(2), t(3), t(4), t(5), t(6),
                t(7), t(8), t(9), t(10), t(11), t(12), t(13), t(14), t(15), t(16), t(17), t(18));
        for (int i = 0; i < 18; i++) {
            assertThat(samples.get(i).compliance()).as("compliance at t%d", i + 1).isEqualByComparingTo(SEED_TABLE.get(i));
        }
        assertThat(samples.get(5).outcome()).isEqualTo(SampleOutcome.FAILS);
        assertThat(session.outcomes(Outcome.SlaStatusChanged.class)).filteredOn(c -> c.service().equals("webshop"))
                .extracting(Outcome.SlaStatusChanged::at, Outcome.SlaStatusChanged::previous, Outcome.SlaStatusChanged::status)
                .containsExactly(tuple(t(1), SlaStatus.NOT_AVAILABLE, SlaStatus.OK),
                        tuple(t(6), SlaStatus.OK, SlaStatus.INCORRECT), tuple(t(18), SlaStatus.INCORRECT, SlaStatus.OK));
        assertThat(session.outcomes(Outcome.SlaAlert.class)).containsExactly(
                new Outcome.SlaAlert("webshop", new BigDecimal("83.33"), new BigDecimal("95"), t(6)));
    }

    @Test
    void shouldOpenTheSlaAlertWhenTheSlaIsMissedAndClearItWhenItIsMetAgain() {
        session.replaceTree("sla");
        runTheSeedDay();

        assertThat(session.outcomes(Outcome.AlertChanged.class).stream().filter(o -> o.alert().kind() == AlertKind.SLA)
                .map(o -> o.change() + " " + o.alert().key() + " " + o.alert().status() + " " + o.at()))
                .containsExactly("OPENED sla:webshop CRITICAL " + t(6), "CLEARED sla:webshop NORMAL " + t(18));
    }

    @Test
    void shouldLeaveOutASampleInAPlannedDowntimeAndRaiseNoAlert() {
        session.replaceTree("sla");
        assertThat(session.scheduleDowntime("webshop", t(6), t(7)).ok()).isTrue();
        runTheSeedDay();

        List<Outcome.SlaSampled> samples = webshopSamples();
        assertThat(samples.get(5).outcome()).isEqualTo(SampleOutcome.DOWNTIME);
        assertThat(samples).extracting(Outcome.SlaSampled::compliance).allSatisfy(c ->
                assertThat(c).isEqualByComparingTo("100"));
        assertThat(session.outcomes(Outcome.SlaAlert.class)).isEmpty();
    }

    @Test
    void shouldLeaveOutUnknownSamplesAndStayNotAvailable() {
        session.replaceTree("sla");
        advanceTo(t(3));

        assertThat(webshopSamples()).extracting(Outcome.SlaSampled::outcome, Outcome.SlaSampled::slaStatus)
                .containsOnly(tuple(SampleOutcome.UNKNOWN, SlaStatus.NOT_AVAILABLE));
        assertThat(session.outcomes(Outcome.SlaStatusChanged.class)).isEmpty();
    }
}
