package io.vigil.rules.classify;

import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/classify/event-status.drl */
class EventStatusRulesTest {

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    @ParameterizedTest
    @CsvSource({"EMERGENCY, CRITICAL", "ALERT, CRITICAL", "CRITICAL, CRITICAL", "ERROR, CRITICAL", "WARNING, WARNING",
            "NOTICE, NORMAL", "INFORMATIONAL, NORMAL", "DEBUG, NORMAL"})
    void shouldDeriveTheStatusFromTheSeverity(Severity severity, Status status) {
        assertThat(session.event("web01", "sshd").severity(severity).send())
                .contains(new Outcome.EventClassified(1, "security", status));
    }

    @Test
    void shouldKeepTheStatusTheSenderGave() {
        assertThat(session.event("web01", "sshd").status(Status.WARNING).severity(Severity.EMERGENCY).send())
                .contains(new Outcome.EventClassified(1, "security", Status.WARNING));
    }

    @Test
    void shouldLeaveAnEventWithoutStatusOrSeverityWithoutStatus() {
        assertThat(session.event("web01", "sshd").message("session opened").send())
                .containsExactly(new Outcome.EventClassified(1, "security", null));
        assertThat(session.elements()).isEmpty();
    }
}
