package io.vigil.rules.correlate;

import io.vigil.alert.Matcher;
import io.vigil.alert.Matchers;
import io.vigil.alert.SilenceDefinition;
import io.vigil.model.Status;
import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/correlate/silences.drl: a maintenance window from 10:05 to 10:30 for db01's disk and mysql checks. */
class SilenceRulesTest {

    private final TestSession session = TestSession.start();

    @BeforeEach
    void silences() {
        session.replaceTree("correlate-silences");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void at(String time) {
        session.advance(Duration.ofMillis(Instant.parse("2026-01-05T" + time + "Z").toEpochMilli() - session.now()));
    }

    private void report(String resource, String check, Status status) {
        session.event(resource, check).status(status).send();
    }

    @Test
    void shouldSilenceWhatTheWindowMatchesWhileItIsActiveAndOpenNoIncident() {
        at("10:06:00");
        report("db01", "disk", Status.CRITICAL);
        report("db01", "cpu", Status.CRITICAL);
        report("db02", "disk", Status.CRITICAL);

        assertThat(session.alert("db01/disk").getSilencedBy()).isEqualTo("code-1");
        assertThat(session.alert("db01/cpu").getSilencedBy()).as("check=~\"disk|mysql\" is anchored").isNull();
        assertThat(session.alert("db02/disk").getSilencedBy()).isNull();
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).extracting(o -> o.resource() + "/" + o.check())
                .containsExactlyInAnyOrder("db01/cpu", "db02/disk");
    }

    @Test
    void shouldSilenceAnAlertOpenedBeforeTheWindowWhenItStartsAndReleaseItWhenItEnds() {
        at("10:01:00");
        report("db01", "mysql", Status.WARNING);
        assertThat(session.alert("db01/mysql").getSilencedBy()).isNull();

        at("10:05:00");
        assertThat(session.alert("db01/mysql").getSilencedBy()).isEqualTo("code-1");
        at("10:29:59");
        report("db01", "mysql", Status.CRITICAL);
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).isEmpty();

        at("10:30:00");

        assertThat(session.alert("db01/mysql").getSilencedBy()).isNull();
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).as("the window is over and it is still critical")
                .hasSize(1);
    }

    @Test
    void shouldMatchEachOperatorAndAttributes() {
        CommandResult added = session.command(new EngineCommand.AddSilence(new SilenceDefinition(new Matchers(List.of(
                Matcher.parse("source!=\"nagios\""), Matcher.parse("env=\"prod\""), Matcher.parse("check!~\"ping|dns\""))),
                Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-05T11:00:00Z"), "bob", "release"), "bob"));
        assertThat(added.createdId()).isEqualTo(1L);

        session.event("web01", "http").source("zabbix").attribute("env", "prod").status(Status.WARNING).send();
        session.event("web02", "http").source("nagios").attribute("env", "prod").status(Status.WARNING).send();
        session.event("web03", "http").source("zabbix").attribute("env", "test").status(Status.WARNING).send();
        session.event("web04", "ping").source("zabbix").attribute("env", "prod").status(Status.WARNING).send();

        assertThat(session.alert("web01/http").getSilencedBy()).isEqualTo("1");
        assertThat(session.alert("web02/http").getSilencedBy()).isNull();
        assertThat(session.alert("web03/http").getSilencedBy()).isNull();
        assertThat(session.alert("web04/ping").getSilencedBy()).isNull();
    }

    @Test
    void shouldStopSilencingWhenASilenceIsExpiredEarly() {
        long id = session.command(new EngineCommand.AddSilence(new SilenceDefinition(new Matchers(List.of(
                Matcher.parse("resource=\"web01\""))), Instant.parse("2026-01-05T10:00:00Z"),
                Instant.parse("2026-01-05T12:00:00Z"), "bob", "deploy"), "bob")).createdId();
        report("web01", "http", Status.CRITICAL);
        assertThat(session.alert("web01/http").getSilencedBy()).isEqualTo(Long.toString(id));

        CommandResult expired = session.command(new EngineCommand.ExpireSilence(id, "bob"));

        assertThat(expired.ok()).isTrue();
        assertThat(session.alert("web01/http").getSilencedBy()).isNull();
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).hasSize(1);
        assertThat(session.command(new EngineCommand.ExpireSilence(id, "bob")).error())
                .isEqualTo("silence " + id + " is not active or pending (it does not exist or has ended)");
    }

    @Test
    void shouldCountAMaintenanceWindowOnAServicesElementsAsItsPlannedDowntime() {
        session.replaceTree("webapp");
        long id = session.command(new EngineCommand.AddSilence(new SilenceDefinition(new Matchers(List.of(
                Matcher.parse("resource=~\"mysql.*\""))), Instant.parse("2026-01-05T11:00:00Z"),
                Instant.parse("2026-01-05T12:00:00Z"), "bob", "upgrade"), "bob")).createdId();

        assertThat(session.outcomes(Outcome.DowntimeScheduled.class)).extracting(o -> o.service() + " " + o.comment())
                .containsExactly("database silence " + id + ": upgrade");

        session.command(new EngineCommand.ExpireSilence(id, "bob"));
        assertThat(session.outcomes(Outcome.DowntimeCancelled.class)).extracting(Outcome.DowntimeCancelled::service)
                .containsExactly("database");
    }

    @Test
    void shouldKeepSilencesAndTheirEndAcrossARestart() {
        at("10:10:00");
        report("db01", "disk", Status.CRITICAL);

        session.snapshotAndRestore();
        assertThat(session.alert("db01/disk").getSilencedBy()).isEqualTo("code-1");
        at("10:31:00");

        assertThat(session.alert("db01/disk").getSilencedBy()).isNull();
        assertThat(session.outcomes(Outcome.IncidentOpened.class)).hasSize(1);
    }
}
