package io.vigil.web.incident;

import io.vigil.store.IncidentRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentStepsTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void shouldOfferOnlyAcknowledgeWhileTheIncidentWaitsForIt() {
        assertThat(IncidentSteps.of(incident("OPEN", null, null), "Acknowledge")).isEqualTo(new IncidentSteps("Acknowledge",
                true, "Take the incident: stops its escalation",
                false, "Acknowledge it first: the incident waits for Acknowledge"));
    }

    @Test
    void shouldOfferOnlyResolveOnceAcknowledged() {
        assertThat(IncidentSteps.of(incident("ACKNOWLEDGED", "alice", null), "Resolve")).isEqualTo(new IncidentSteps("Resolve",
                false, "Already acknowledged by alice",
                true, "Close the incident: the problem is dealt with"));
    }

    @Test
    void shouldOfferNothingOnceResolvedAndSayWhy() {
        assertThat(IncidentSteps.of(incident("RESOLVED", "alice", "bob"), null)).isEqualTo(new IncidentSteps(null,
                false, "Resolved by bob: nothing is left to do",
                false, "Resolved by bob: nothing is left to do"));
    }

    @Test
    void shouldSayWhenNoStepIsOpenYet() {
        assertThat(IncidentSteps.of(incident("OPEN", null, null), null).resolveTitle()).isEqualTo("The incident waits for no step right now");
    }

    private static IncidentRow incident(String state, String acknowledgedBy, String resolvedBy) {
        return new IncidentRow(1, "db01", "mysql", null, "db01/mysql is CRITICAL", state, 0, T,
                acknowledgedBy == null ? null : T, acknowledgedBy, resolvedBy == null ? null : T, resolvedBy, null, null, 1, null);
    }
}
