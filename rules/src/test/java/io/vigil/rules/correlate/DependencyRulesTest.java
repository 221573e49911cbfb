package io.vigil.rules.correlate;

import io.vigil.alert.AlertChangeKind;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/correlate/dependencies.drl: children of a critical parent are suppressed by it. */
class DependencyRulesTest {

    private final TestSession session = TestSession.start();

    @BeforeEach
    void dependencies() {
        session.replaceTree("correlate-dependencies");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void report(String resource, Status status) {
        session.advance(Duration.ofSeconds(10));
        session.event(resource, "ping").status(status).send();
    }

    private String suppressedBy(String resource) {
        return session.alert(resource + "/ping").getSuppressedBy();
    }

    private java.util.List<String> incidents() {
        return session.outcomes(Outcome.IncidentOpened.class).stream().map(Outcome.IncidentOpened::resource).toList();
    }

    @Test
    void shouldSuppressChildrenOfACriticalParentAndOpenOnlyTheParentsIncident() {
        report("router1", Status.CRITICAL);
        report("web01", Status.CRITICAL);
        report("web02", Status.WARNING);

        assertThat(suppressedBy("web01")).isEqualTo("router1");
        assertThat(suppressedBy("web02")).isEqualTo("router1");
        assertThat(suppressedBy("router1")).isNull();
        assertThat(incidents()).containsExactly("router1");
    }

    @Test
    void shouldRaiseTheParentsIncidentToHighPriorityAndAccelerateItsEscalation() {
        session.replacePolicies("escalation-two-levels");
        report("router1", Status.CRITICAL);
        report("db01", Status.CRITICAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(o -> o.resource() + " " + o.priority())
                .as("web01 and web02 depend on router1, app01 on db01: both are dependency roots")
                .containsExactly("router1 HIGH", "db01 HIGH");
        assertThat(session.outcomes(Outcome.IncidentEscalated.class)).extracting(e -> e.level() + " " + e.notified())
                .as("HIGH priority skips level 1 (skipLevels: 1)").containsExactly("2 [user:bob]", "2 [user:bob]");
    }

    @Test
    void shouldLeaveALeafResourcesIncidentAtNormalPriority() {
        session.replacePolicies("escalation-two-levels");
        report("web02", Status.CRITICAL);

        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(o -> o.resource() + " " + o.priority())
                .containsExactly("web02 NORMAL");
        assertThat(session.outcomes(Outcome.IncidentEscalated.class)).extracting(e -> e.level() + " " + e.notified())
                .containsExactly("1 [user:alice, channel:ops-hook]");
    }

    @Test
    void shouldMakeChildrenThatStillFailActiveWhenTheParentRecovers() {
        report("router1", Status.CRITICAL);
        report("web01", Status.CRITICAL);
        report("web02", Status.CRITICAL);
        report("web02", Status.NORMAL);

        report("router1", Status.NORMAL);

        assertThat(suppressedBy("web01")).isNull();
        assertThat(incidents()).containsExactly("router1", "web01");
        assertThat(session.outcomes(Outcome.AlertChanged.class).stream()
                .filter(o -> o.change() == AlertChangeKind.UNSUPPRESSED).map(Outcome.AlertChanged::detail))
                .containsExactly("router1 is no longer CRITICAL");
    }

    @Test
    void shouldSuppressAChildThatFailedBeforeItsParent() {
        report("web01", Status.WARNING);
        assertThat(suppressedBy("web01")).isNull();

        report("router1", Status.CRITICAL);

        assertThat(suppressedBy("web01")).isEqualTo("router1");
    }

    @Test
    void shouldStaySuppressedWhileAnyParentIsCritical() {
        report("web01", Status.CRITICAL);
        report("db01", Status.CRITICAL);
        report("app01", Status.CRITICAL);
        String first = suppressedBy("app01");

        report(first, Status.NORMAL);

        assertThat(suppressedBy("app01")).as("the other parent still carries the problem")
                .isEqualTo(first.equals("web01") ? "db01" : "web01");
        assertThat(incidents()).doesNotContain("app01");
    }

    @Test
    void shouldNotBeSuppressedByAParentThatIsOnlyWarning() {
        report("router1", Status.WARNING);
        report("web01", Status.CRITICAL);

        assertThat(suppressedBy("web01")).isNull();
        assertThat(incidents()).containsExactly("web01");
    }

    @Test
    void shouldKeepTheSuppressionAcrossARestartAndReleaseAfterIt() {
        report("router1", Status.CRITICAL);
        report("web01", Status.CRITICAL);

        session.snapshotAndRestore();
        assertThat(suppressedBy("web01")).isEqualTo("router1");
        report("router1", Status.NORMAL);

        assertThat(suppressedBy("web01")).isNull();
        assertThat(incidents()).containsExactly("router1", "web01");
    }
}
