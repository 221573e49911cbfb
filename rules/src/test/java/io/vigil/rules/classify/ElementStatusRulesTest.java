package io.vigil.rules.classify;

import io.vigil.model.ElementStatus;
import io.vigil.model.Event;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/classify/element-status.drl */
class ElementStatusRulesTest {

    private static final long T0 = TestSession.START.toEpochMilli();

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    /** The outcomes of this file's rules: alert changes are the alert rules' (rules/correlate). */
    private static List<Outcome> withoutAlerts(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> !(o instanceof Outcome.AlertChanged)).toList();
    }

    @Test
    void shouldRecordTheFirstStatusOfAnElement() {
        assertThat(withoutAlerts(session.event("web01", "load").status(Status.WARNING).send()))
                .containsExactly(new Outcome.ElementStatusChanged("web01", "load", Status.WARNING, null, T0, 1),
                        new Outcome.EventClassified(1, "operating-system", Status.WARNING));
        assertThat(session.elements()).singleElement().satisfies(e -> {
            assertThat(e.getStatus()).isEqualTo(Status.WARNING);
            assertThat(e.getChanges()).isEqualTo(1);
        });
    }

    @Test
    void shouldChangeTheElementWhenANewerReportHasAnotherStatus() {
        session.event("web01", "load").status(Status.WARNING).send();
        session.advance(Duration.ofSeconds(30));

        assertThat(withoutAlerts(session.event("web01", "load").status(Status.NORMAL).send())).contains(
                new Outcome.ElementStatusChanged("web01", "load", Status.NORMAL, Status.WARNING, T0 + 30_000, 2));
        assertThat(session.elements()).singleElement().satisfies(e -> {
            assertThat(e.getSince()).isEqualTo(T0 + 30_000);
            assertThat(e.getLastEventId()).isEqualTo(2);
            assertThat(e.getChanges()).isEqualTo(2);
        });
    }

    @Test
    void shouldNotReportARepeatedStatus() {
        session.event("web01", "load").status(Status.WARNING).send();
        session.advance(Duration.ofSeconds(30));

        assertThat(withoutAlerts(session.event("web01", "load").status(Status.WARNING).send()))
                .containsExactly(new Outcome.EventClassified(2, "operating-system", Status.WARNING));
        assertThat(session.elements()).singleElement().extracting(ElementStatus::getSince).isEqualTo(T0);
    }

    @Test
    void shouldIgnoreAReportOlderThanTheLastChange() {
        session.event("web01", "load").status(Status.CRITICAL).send();

        assertThat(withoutAlerts(session.event("web01", "load").status(Status.NORMAL).ago(Duration.ofHours(3)).send()))
                .containsExactly(new Outcome.EventClassified(2, "operating-system", Status.NORMAL));
        assertThat(session.elements()).singleElement().extracting(ElementStatus::getStatus).isEqualTo(Status.CRITICAL);
    }

    @Test
    void shouldLetTheLaterOfTwoReportsInTheSameMillisecondWin() {
        session.insert(session.event("web01", "load").status(Status.CRITICAL).build(),
                session.event("web01", "load").status(Status.NORMAL).build());

        session.fire();

        assertThat(session.elements()).singleElement().satisfies(e -> {
            assertThat(e.getStatus()).isEqualTo(Status.NORMAL);
            assertThat(e.getLastEventId()).isEqualTo(2);
        });
        assertThat(session.outcomes(Outcome.ElementStatusChanged.class)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void shouldKeepElementsApartByResourceAndCheck() {
        session.event("web01", "load").status(Status.CRITICAL).send();
        session.event("web01", "disk").status(Status.NORMAL).send();
        session.event("web02", "load").status(Status.WARNING).send();

        assertThat(session.elements()).extracting(ElementStatus::getKey, ElementStatus::getStatus).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("web01/load", Status.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("web01/disk", Status.NORMAL),
                org.assertj.core.groups.Tuple.tuple("web02/load", Status.WARNING));
    }

    @Test
    void shouldReportEveryEventsClassificationExactlyOnce() {
        session.event("web01", "load").status(Status.CRITICAL).send();
        session.event("web01", "backup").message("done").send();

        assertThat(session.outcomes(Outcome.EventClassified.class))
                .containsExactly(new Outcome.EventClassified(1, "operating-system", Status.CRITICAL),
                        new Outcome.EventClassified(2, "operational", null));
    }

    @Test
    void shouldLetEventsExpireWhileTheElementStays() {
        session.event("web01", "load").status(Status.WARNING).send();

        session.advance(Duration.ofSeconds(3));

        assertThat(session.session().facts(Event.class)).isEmpty();
        assertThat(session.elements()).hasSize(1);
    }
}
