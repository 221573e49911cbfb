package io.vigil.web.acceptance;

import io.vigil.store.access.Role;
import io.vigil.testing.TestDatabase;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.PrivateServer;
import io.vigil.web.testing.ServerTest;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A normal stop under load and a start on the same database: every event that got a 202 is in the
 * journal and gets processed, the open incident still waits for its Acknowledge task, and the
 * escalation timer that was running when the server stopped fires after the restart. An incident
 * opened after the restart gets a process of its own: both escalate and both can be resolved.
 */
@Tag(ServerTest.TAG)
class RestartIT {

    /** Long enough that the timer cannot fire before the first server has stopped. */
    private static final Duration ESCALATION = Duration.ofSeconds(8);
    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final TestDatabase DB = TestDatabase.create("web_restart");

    private final JdbcTemplate db = new JdbcTemplate(DB.dataSource());

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Test
    void shouldKeepAcceptedEventsAlertsIncidentsTasksAndTimersAcrossARestart() throws Exception {
        ConfigurableApplicationContext first = start();
        ApiClient api = new ApiClient(port(first));
        Map<Role, Auth> tokens = TestServer.tokens(api);
        Response critical = api.postJson("/api/v1/events", tokens.get(Role.INTEGRATOR),
                "{\"source\":\"nagios\",\"resource\":\"restart-host\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
        assertThat(critical.status()).isEqualTo(202);
        long incidentId = Eventually.await("the incident for restart-host", PIPELINE, () ->
                db.queryForList("SELECT id FROM incident WHERE resource = 'restart-host'", Long.class).stream().findFirst());

        long alertId = Eventually.await("the alert for restart-host", PIPELINE, () ->
                db.queryForList("SELECT id FROM alert WHERE alert_key = 'restart-host/disk'", Long.class).stream().findFirst());
        Response alertAcknowledged = api.postJson("/api/v1/alerts/" + alertId + "/acknowledge", tokens.get(Role.OPERATOR), "");
        assertThat(alertAcknowledged.status()).as(alertAcknowledged.body()).isEqualTo(200);

        List<Long> accepted = postWhileStopping(api, tokens.get(Role.INTEGRATOR), first);

        assertThat(accepted).hasSizeGreaterThan(10);
        assertThat(journaled(accepted)).as("every 202'd event is in the journal").isEqualTo(accepted.size());
        assertThat(db.queryForObject("SELECT escalation_level FROM incident WHERE id = ?", Integer.class, incidentId))
                .as("the timer has not fired before the stop").isZero();

        ConfigurableApplicationContext second = start();
        try {
            ApiClient restarted = new ApiClient(port(second));
            Eventually.await("every accepted event processed", PIPELINE, () ->
                    classified(accepted) == accepted.size() ? Optional.of(true) : Optional.empty());
            int level = Eventually.await("the escalation after the restart", PIPELINE, () -> Optional.of(
                    db.queryForObject("SELECT escalation_level FROM incident WHERE id = ?", Integer.class, incidentId))
                    .filter(l -> l > 0));
            assertThat(level).isPositive();
            assertThat(db.queryForList("SELECT name FROM incident_task WHERE incident_id = ? AND state = 'OPEN'",
                    String.class, incidentId)).containsExactly("Acknowledge");

            Response acknowledged = restarted.postJson("/api/v1/incidents/" + incidentId + "/acknowledge",
                    tokens.get(Role.OPERATOR), "");
            assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
            assertThat(acknowledged.json().get("incident").get("state").asString()).isEqualTo("ACKNOWLEDGED");
            assertThat(acknowledged.json().get("timeline").values().stream().map(t -> t.get("kind").asString()).toList())
                    .contains("OPENED", "ESCALATED", "ACKNOWLEDGED");

            Response again = restarted.postJson("/api/v1/events", tokens.get(Role.INTEGRATOR),
                    "{\"source\":\"nagios\",\"resource\":\"restart-host\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
            assertThat(again.status()).isEqualTo(202);
            Eventually.await("the second report counted into the alert opened before the restart", PIPELINE, () ->
                    Optional.of(db.queryForObject("SELECT report_count FROM alert WHERE id = ?", Long.class, alertId))
                            .filter(count -> count == 2));
            assertThat(db.queryForObject("SELECT state FROM alert WHERE id = ?", String.class, alertId))
                    .as("acknowledged before the restart, still acknowledged").isEqualTo("ACKNOWLEDGED");

            long openedAfter = openIncidentAfterTheRestart(restarted, tokens.get(Role.INTEGRATOR));
            long alertAfter = db.queryForObject("SELECT id FROM alert WHERE alert_key = 'restart-host-2/disk'", Long.class);
            assertThat(alertAfter).as("the alert opened after the restart has a new id").isGreaterThan(alertId);
            assertThat(restarted.postJson("/api/v1/alerts/" + alertAfter + "/acknowledge", tokens.get(Role.OPERATOR), "")
                    .status()).isEqualTo(200);
            assertThat(db.queryForList("SELECT process_instance_id FROM incident WHERE id IN (?, ?)", Long.class,
                    incidentId, openedAfter)).as("process instances of the incidents opened before and after the restart")
                    .doesNotHaveDuplicates().hasSize(2);
            Eventually.await("the escalation of the incident opened after the restart", PIPELINE, () -> Optional.of(
                    db.queryForObject("SELECT escalation_level FROM incident WHERE id = ?", Integer.class, openedAfter))
                    .filter(l -> l > 0));
            assertThat(step(restarted, tokens.get(Role.OPERATOR), openedAfter, "acknowledge")).isEqualTo("ACKNOWLEDGED");
            assertThat(step(restarted, tokens.get(Role.OPERATOR), incidentId, "resolve")).isEqualTo("RESOLVED");
            assertThat(step(restarted, tokens.get(Role.OPERATOR), openedAfter, "resolve")).isEqualTo("RESOLVED");
        } finally {
            second.close();
        }
    }

    private long openIncidentAfterTheRestart(ApiClient api, Auth integrator) {
        Response critical = api.postJson("/api/v1/events", integrator,
                "{\"source\":\"nagios\",\"resource\":\"restart-host-2\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
        assertThat(critical.status()).isEqualTo(202);
        return Eventually.await("the incident for restart-host-2", PIPELINE, () ->
                db.queryForList("SELECT id FROM incident WHERE resource = 'restart-host-2'", Long.class).stream().findFirst());
    }

    /** Runs a step of an incident's process through the API; returns the incident's state after it. */
    private static String step(ApiClient api, Auth operator, long incidentId, String step) {
        Response response = api.postJson("/api/v1/incidents/" + incidentId + "/" + step, operator, "");
        assertThat(response.status()).as(step + " incident " + incidentId + ": " + response.body()).isEqualTo(200);
        return response.json().get("incident").get("state").asString();
    }

    /** Eight clients post until the server goes away; the server is stopped normally meanwhile. */
    private List<Long> postWhileStopping(ApiClient api, Auth integrator, ConfigurableApplicationContext server)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.submit(() -> {
                for (int n = 0; n < 10_000; n++) {
                    try {
                        Response response = api.postJson("/api/v1/events", integrator, "{\"source\":\"load\",\"resource\":\"load-"
                                + client + "\",\"check\":\"n\",\"message\":\"" + n + "\"}");
                        if (response.status() != 202) {
                            return;
                        }
                        response.json().get("ids").values().forEach(id -> accepted.add(id.asLong()));
                    } catch (UncheckedIOException e) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(1_000);
        server.close();
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        return new ArrayList<>(accepted);
    }

    private long journaled(List<Long> ids) {
        return countIn("event_journal", "id", ids);
    }

    private long classified(List<Long> ids) {
        return countIn("event_classification", "event_id", ids);
    }

    private long countIn(String table, String column, List<Long> ids) {
        String list = String.join(",", ids.stream().map(String::valueOf).toList());
        return db.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " IN (" + list + ")", Long.class);
    }

    private static ConfigurableApplicationContext start() {
        return PrivateServer.start(DB, Map.of("vigil.syslog.udp-port", "0", "vigil.syslog.tcp-port", "0",
                "vigil.escalation.after", ESCALATION.toSeconds() + "s"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return PrivateServer.port(context);
    }
}
