package io.vigil.rules.classify;

import io.vigil.audit.Firing;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestEvent;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/classify/event-category.drl */
class EventCategoryRulesTest {

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    private String categoryOf(TestEvent event) {
        return event.send().stream()
                .filter(Outcome.EventClassified.class::isInstance).map(Outcome.EventClassified.class::cast)
                .findFirst().orElseThrow().category();
    }

    @ParameterizedTest
    @CsvSource({
            "sshd, security", "sudo, security", "pam, security",
            "kernel, operating-system", "CRON, operating-system", "memory, operating-system",
            "bgpd, network", "ping, network", "interface, network",
            "smartd, hardware", "fan, hardware", "power, hardware",
            "nginx, application", "tomcat, application", "java, application", "mysql, application", "postgres, application",
            "payment, business", "checkout, business", "billing, business"})
    void shouldCategoriseByCheck(String check, String category) {
        assertThat(categoryOf(session.event("web01", check))).isEqualTo(category);
    }

    @Test
    void shouldTreatEventsFromIntrusionDetectionAsSecurity() {
        assertThat(categoryOf(session.event("fw01", "alert").source("suricata"))).isEqualTo("security");
    }

    @Test
    void shouldRecogniseFailedLoginsAndLinkStateInTheMessageOfUnknownChecks() {
        assertThat(categoryOf(session.event("web01", "gdm-password")
                .message("pam_unix(gdm-password:auth): authentication failure; logname= uid=0"))).isEqualTo("security");
        assertThat(categoryOf(session.event("sw01", "event").message("port 12 link down"))).isEqualTo("network");
    }

    @Test
    void shouldLetTheCheckWinOverTheMessage() {
        assertThat(categoryOf(session.event("web01", "kernel").message("e1000e: eth0 NIC Link is Down")))
                .isEqualTo("operating-system");
    }

    @Test
    void shouldFallBackToOperational() {
        assertThat(categoryOf(session.event("web01", "backup").message("nightly run finished"))).isEqualTo("operational");
    }

    @Test
    void shouldDecideWithExactlyOneFiringPerEvent() {
        session.event("web01", "event").message("Failed password for root from 10.0.0.9").send();

        assertThat(session.firings()).extracting(Firing::rule).filteredOn(rule -> rule.contains("category"))
                .containsExactly("Security category for authentication failure messages");
    }
}
