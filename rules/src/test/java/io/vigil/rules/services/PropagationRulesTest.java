package io.vigil.rules.services;

import io.vigil.model.ServiceStatus;
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
import static io.vigil.model.Status.UNKNOWN;
import static io.vigil.model.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** rules/services/propagation.drl on the real rules and processes, every mode and the seed's worked examples. */
class PropagationRulesTest {

    private static final Duration GAP = Duration.ofSeconds(1);

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    private List<Outcome> report(String resource, String check, Status status) {
        return session.report(GAP, resource, check, status);
    }

    private static List<Outcome.ServiceStatusChanged> changes(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome.ServiceStatusChanged.class::isInstance)
                .map(Outcome.ServiceStatusChanged.class::cast).toList();
    }

    private void assertService(String name, String value, Status status) {
        ServiceStatus fact = session.service(name);
        assertThat(fact.getValue()).as("value of %s", name).isEqualByComparingTo(value);
        assertThat(fact.getStatus()).as("status of %s", name).isEqualTo(status);
    }

    @Test
    void shouldComputeTheSeedWebApplicationExampleLiveAsEventsArrive() {
        session.replaceTree("web-application");
        for (String agent : List.of("router1", "router2", "switch1", "switch2", "apache01", "apache02", "weblogic1",
                "mysql1", "mysql2")) {
            report(agent, "ping", NORMAL);
        }
        assertService("web-application", "0", NORMAL);

        report("apache01", "ping", CRITICAL);
        assertService("web-application", "1.2", NORMAL);
        report("weblogic1", "ping", CRITICAL);
        assertService("web-application", "3.2", NORMAL);
        List<Outcome> warning = report("apache02", "ping", CRITICAL);
        assertService("web-application", "4.4", WARNING);
        List<Outcome> critical = report("router1", "ping", CRITICAL);
        assertService("web-application", "9.4", CRITICAL);

        long now = session.now();
        assertThat(changes(warning)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(WARNING);
            assertThat(c.previous()).isEqualTo(NORMAL);
            assertThat(c.value()).isEqualByComparingTo("4.4");
            assertThat(c.previousValue()).isEqualByComparingTo("3.2");
        });
        assertThat(changes(critical)).containsExactly(new Outcome.ServiceStatusChanged("web-application", CRITICAL,
                WARNING, new BigDecimal("9.4"), new BigDecimal("4.4"), now));
    }

    @Test
    void shouldComputeTheSeedStorageExample() {
        session.replaceTree("storage");
        report("fs01", "alive", NORMAL);
        report("fs01", "disk1", CRITICAL);
        assertService("storage", "1", WARNING);
        report("fs01", "disk2", CRITICAL);
        assertService("storage", "2", CRITICAL);

        report("fs01", "disk1", WARNING);
        report("fs01", "disk2", WARNING);
        report("fs01", "disk3", WARNING);
        assertService("storage", "1.5", WARNING);
        report("fs01", "disk4", WARNING);
        assertService("storage", "2", CRITICAL);
    }

    @Test
    void shouldUseFixedWeightsAndThresholdsInAutoMode() {
        session.replaceTree("auto");
        report("mx1", "smtp", WARNING);
        assertService("mail", "0.5", WARNING);
        report("mx2", "smtp", WARNING);
        assertService("mail", "1", CRITICAL);
        assertService("empty", "0", UNKNOWN);
    }

    @Test
    void shouldMatchTheSeedSimpleModeDays() {
        session.replaceTree("office");
        report("router", "ping", CRITICAL);
        report("printer", "ping", CRITICAL);
        report("apache", "http", WARNING);
        assertService("office", "50", WARNING);

        report("apache", "http", CRITICAL);
        assertService("office", "100", CRITICAL);

        report("router", "ping", NORMAL);
        report("apache", "http", NORMAL);
        assertService("office", "0", NORMAL);
    }

    @Test
    void shouldStayUnknownUntilAnElementHasAKnownStatus() {
        session.replaceTree("auto");
        assertService("mail", "0", UNKNOWN);

        List<Outcome> unknown = report("mx1", "smtp", UNKNOWN);
        assertThat(changes(unknown)).as("UNKNOWN weighs nothing in auto mode").isEmpty();
        assertService("mail", "0", UNKNOWN);

        report("mx2", "smtp", NORMAL);
        assertService("mail", "0", NORMAL);
    }

    @Test
    void shouldCarryAChangeThroughSubServicesInTheSameBatch() {
        session.replaceTree("nested");
        report("web01", "http", NORMAL);
        assertService("shop", "1", NORMAL);

        List<Outcome> outcomes = report("db1", "mysql", CRITICAL);

        assertThat(changes(outcomes)).extracting(Outcome.ServiceStatusChanged::service,
                Outcome.ServiceStatusChanged::status).containsExactly(tuple("database", CRITICAL), tuple("shop", CRITICAL));
        assertService("shop", "5", CRITICAL);
    }

    @Test
    void shouldPropagateOnlyWhenAModuleStatusChanges() {
        session.replaceTree("auto");
        report("mx1", "smtp", WARNING);
        report("mx1", "smtp", WARNING);
        report("unrelated", "cpu", CRITICAL);

        assertThat(session.firings()).filteredOn(f -> f.rule().equals("Propagate element status into the service tree"))
                .as("one per module status change, none for a repeated status").hasSize(2);
        assertThat(session.outcomes(Outcome.ServiceStatusChanged.class)).hasSize(1);
    }
}
