package io.vigil.rules.classify;

import io.vigil.audit.Firing;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Which firings of the shipped rules are routine (kept packed in the audit trail): those that
 * matched one event and changed only that event or reported its classification. A firing that
 * touched anything else keeps its own row, searchable by itself.
 */
class RoutineFiringsTest {

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void shouldMarkTheClassificationOfAnEventThatChangesNothingRoutine() {
        session.event("web01", "sshd").severity(Severity.INFORMATIONAL).send();
        session.advance(Duration.ofSeconds(30));
        int before = session.firings().size();

        session.event("web01", "sshd").severity(Severity.INFORMATIONAL).send();

        assertThat(session.firings().subList(before, session.firings().size()))
                .extracting(Firing::rule, Firing::routine)
                .containsExactlyInAnyOrder(tuple("Security category for authentication and privilege programs", true),
                        tuple("Normal status from severity notice to debug", true),
                        tuple("Report event classification", true));
    }

    @Test
    void shouldKeepAFiringThatChangedAnElementOrAnAlertOutOfThePacks() {
        session.event("web01", "sshd").severity(Severity.INFORMATIONAL).send();
        session.advance(Duration.ofSeconds(30));
        int before = session.firings().size();

        session.event("web01", "sshd").status(Status.CRITICAL).send();

        assertThat(session.firings().subList(before, session.firings().size()))
                .filteredOn(firing -> !firing.routine())
                .extracting(Firing::rule)
                .contains("Change element status on a newer report")
                .doesNotContain("Security category for authentication and privilege programs", "Report event classification");
    }
}
