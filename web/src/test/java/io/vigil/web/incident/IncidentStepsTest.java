package io.vigil.web.incident;

import io.vigil.store.IncidentRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentStepsTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void shouldOfferAcknowledgeSnoozeAndTheLaterStepsWhileItWaitsForAcknowledgeAndMarkTheEscalation() {
        assertThat(IncidentSteps.of(incident("OPEN"), "Acknowledge")).isEqualTo(new IncidentSteps("Acknowledge",
                true, false, true, true, true, false, true, true, List.of("acknowledge", "escalation")));
    }

    @Test
    void shouldOfferTakingBackWhileSnoozed() {
        IncidentSteps steps = IncidentSteps.of(incident("ACKNOWLEDGED"), "Snoozed");

        assertThat(steps.takeBack()).isTrue();
        assertThat(steps.acknowledge()).isFalse();
        assertThat(steps.snooze()).isFalse();
        assertThat(steps.highlighted()).containsExactly("snoozed");
    }

    @Test
    void shouldOfferOnlyResolveOnceInvestigated() {
        assertThat(IncidentSteps.of(incident("INVESTIGATING"), "Resolve")).isEqualTo(new IncidentSteps("Resolve",
                false, false, false, false, true, false, true, true, List.of("resolve")));
    }

    @Test
    void shouldOfferCloseAndNotesOnceResolved() {
        assertThat(IncidentSteps.of(incident("RESOLVED"), "Close")).isEqualTo(new IncidentSteps("Close",
                false, false, false, false, false, true, false, true, List.of("close")));
    }

    @Test
    void shouldOfferNothingOnceClosed() {
        assertThat(IncidentSteps.of(incident("CLOSED"), null)).isEqualTo(new IncidentSteps(null,
                false, false, false, false, false, false, false, false, List.of()));
    }

    private static IncidentRow incident(String state) {
        return new IncidentRow(1, "db01", "mysql", null, "db01/mysql is CRITICAL", state, 0, T, null, null, null, null,
                null, null, 1, null, "NORMAL", null, null, null, null, null, null, null, null);
    }
}
