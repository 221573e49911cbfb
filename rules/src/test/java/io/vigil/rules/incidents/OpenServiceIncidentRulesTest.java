package io.vigil.rules.incidents;

import io.vigil.audit.Firing;
import io.vigil.model.Incident;
import io.vigil.model.IncidentPriority;
import io.vigil.model.IncidentState;
import io.vigil.model.Status;
import io.vigil.session.EngineCommand;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/incidents/open-service-incident.drl on the real rules and processes. */
class OpenServiceIncidentRulesTest {

    private static final Duration GAP = Duration.ofMinutes(1);

    private final TestSession session = TestSession.start();

    @AfterEach
    void close() {
        session.close();
    }

    private List<Outcome> report(String resource, String check, Status status) {
        return session.report(GAP, resource, check, status);
    }

    private List<Outcome.IncidentOpened> serviceIncidents() {
        return session.outcomes(Outcome.IncidentOpened.class).stream().filter(o -> o.service() != null).toList();
    }

    @Test
    void shouldOpenAnIncidentForACriticalServiceNamingTheFiringAndTheEvent() {
        session.replaceTree("auto");
        report("mx1", "smtp", Status.NORMAL);
        report("mx1", "smtp", Status.CRITICAL);

        Outcome.IncidentOpened opened = serviceIncidents().get(0);
        Firing firing = session.firings().stream().filter(f -> f.id() == opened.firingId()).findFirst().orElseThrow();
        assertThat(opened).isEqualTo(new Outcome.IncidentOpened(opened.incidentId(), null, null,
                "service mail is CRITICAL", session.now(), opened.processInstanceId(), firing.id(), 2L, "mail", IncidentPriority.HIGH, null, null));
        assertThat(firing.rule()).isEqualTo("Open incident for critical service");
        assertThat(session.outcomes(Outcome.IncidentTaskOpened.class))
                .anyMatch(task -> task.incidentId() == opened.incidentId() && task.name().equals("Acknowledge"));
    }

    @Test
    void shouldOpenOneIncidentPerCriticalEpisodeOfAService() {
        session.replaceTree("auto");
        report("mx1", "smtp", Status.CRITICAL);
        report("mx2", "smtp", Status.CRITICAL);
        long first = serviceIncidents().get(0).incidentId();
        session.resolve(first);
        session.command(new EngineCommand.Close(first, "alice"));
        report("mx3", "smtp", Status.CRITICAL);
        assertThat(serviceIncidents()).as("closed while still in the episode").hasSize(1);

        report("mx1", "smtp", Status.NORMAL);
        report("mx2", "smtp", Status.NORMAL);
        report("mx3", "smtp", Status.NORMAL);
        assertThat(session.incidents()).filteredOn(i -> i.getService() != null).as("closed and forgotten once NORMAL").isEmpty();
        report("mx1", "smtp", Status.CRITICAL);

        assertThat(serviceIncidents()).hasSize(2);
        assertThat(session.incidents()).filteredOn(i -> "mail".equals(i.getService()))
                .extracting(Incident::getState).containsExactly(IncidentState.OPEN);
    }

    @Test
    void shouldOpenNoIncidentForAQuietService() {
        session.replaceTree("cascade");
        report("lab1", "ping", Status.CRITICAL);

        assertThat(serviceIncidents()).isEmpty();
    }

    @Test
    void shouldOpenOnlyTheIncidentOfTheCascadeProtectedServiceThatCarriesTheProblem() {
        session.replaceTree("cascade");
        report("core1", "cpu", Status.CRITICAL);

        assertThat(serviceIncidents()).extracting(Outcome.IncidentOpened::service).containsExactly("datacenter");
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).hasSize(1);
    }
}
