package io.vigil.web.intake;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.intake.IdempotencyKeyInUseException;
import io.vigil.intake.IdempotencyKeyReusedException;
import io.vigil.intake.IntakeRejectedException;
import io.vigil.intake.IntakeUnavailableException;
import io.vigil.journal.JournalWriteException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal the intake answers is counted under the kind of answer it gets. */
class IntakeMetricsTest {

    @Test
    void shouldCountEachRefusalUnderTheAnswerItGets() {
        assertThat(IntakeMetrics.result(new IntakeRejectedException("engine queue is full", 1))).isEqualTo("throttled");
        assertThat(IntakeMetrics.result(new IntakeUnavailableException("journal down", 5, null))).isEqualTo("throttled");
        assertThat(IntakeMetrics.result(new IdempotencyKeyInUseException("in progress", 1))).isEqualTo("throttled");
        assertThat(IntakeMetrics.result(new CommitOutcomeUnknownException(Duration.ofSeconds(20), null))).isEqualTo("unknown");
        assertThat(IntakeMetrics.result(new JournalWriteException("refused", null))).isEqualTo("failed");
        assertThat(IntakeMetrics.result(new IllegalStateException("boom"))).isEqualTo("failed");
        assertThat(IntakeMetrics.result(new IdempotencyKeyReusedException("other body"))).isEqualTo("invalid");
        assertThat(IntakeMetrics.result(new ResponseStatusException(HttpStatus.BAD_REQUEST, "bad key"))).isEqualTo("invalid");
    }

    @Test
    void shouldNameTheTransportAfterThePath() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IntakeMetrics metrics = new IntakeMetrics(registry);
        String webhook = IntakeMetrics.transportOf(new MockHttpServletRequest("POST", "/api/v1/webhooks/alertmanager"));
        metrics.accepted(webhook, 3);
        metrics.refused(IntakeMetrics.transportOf(new MockHttpServletRequest("POST", "/api/v1/events")),
                new IntakeUnavailableException("journal down", 5, null));

        assertThat(registry.get("vigil.intake.events").tag("transport", "alertmanager").counter().count()).isEqualTo(3);
        assertThat(registry.get("vigil.intake.requests").tag("transport", "rest").tag("result", "throttled").counter().count())
                .isEqualTo(1);
    }
}
