package io.vigil.web.rule;

import io.vigil.session.RuleSet;
import io.vigil.store.access.Role;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.engine.RuleSetVariants;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploy and rollback while four clients keep posting: every journaled event is classified exactly
 * once, by the version that was active when the engine took it (the activations say from which event
 * on), and the incident opened before the swap keeps its waiting task and its escalation timer.
 */
@Tag(ServerTest.TAG)
class HotSwapUnderLoadIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final TestDatabase DB = TestDatabase.create("web_hot_swap");
    private static final String CATEGORIES = RuleSetVariants.CATEGORIES;
    private static final String CATEGORY_TEST = RuleSetVariants.CATEGORY_TEST;
    private static final String DISK_RULE = "Hardware category for disks, sensors and power";

    private final JdbcTemplate db = new JdbcTemplate(DB.dataSource());

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Test
    void shouldClassifyEveryEventOnceByTheVersionActiveWhenItWasProcessed() throws Exception {
        RuleSet shipped = RuleSet.fromClasspath();
        ConfigurableApplicationContext server = PrivateServer.start(DB, Map.of("vigil.escalation.after", "4s"));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            ApiClient api = new ApiClient(PrivateServer.port(server));
            Map<Role, Auth> tokens = TestServer.tokens(api);
            assertThat(api.postJson("/api/v1/events", tokens.get(Role.INTEGRATOR),
                    "{\"source\":\"nagios\",\"resource\":\"swap-db\",\"check\":\"disk\",\"status\":\"CRITICAL\"}").status())
                    .isEqualTo(202);
            long incident = Eventually.await("the incident opened before the swap", PIPELINE, () ->
                    db.queryForList("SELECT id FROM incident WHERE resource = 'swap-db'", Long.class).stream().findFirst());
            Response created = api.postJson("/api/v1/rulesets", tokens.get(Role.ANALYST), ApiClient.json(Map.of(
                    "message", "disks are storage", "files", Map.of(
                            CATEGORIES, RuleSetVariants.disksAreStorage(shipped.sources().get(CATEGORIES)),
                            CATEGORY_TEST, RuleSetVariants.categoryTestExpectsStorage(shipped.sources().get(CATEGORY_TEST))))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String storage = created.json().get("version").asString();

            AtomicBoolean posting = new AtomicBoolean(true);
            AtomicLong accepted = new AtomicLong();
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int n = 0; posting.get() && n < 20_000; n++) {
                        try {
                            Response posted = api.postJson("/api/v1/events", tokens.get(Role.INTEGRATOR),
                                    "{\"source\":\"load\",\"resource\":\"load-" + client + "-" + n % 50 + "\",\"check\":\"disk\","
                                            + "\"status\":\"WARNING\"}");
                            if (posted.status() == 202) {
                                accepted.incrementAndGet();
                            }
                        } catch (UncheckedIOException e) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(1_500);
            Response deployed = api.postJson("/api/v1/rulesets/" + storage + "/deploy", TestServer.ADMIN, "");
            assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
            Thread.sleep(1_500);
            Response rolledBack = api.postJson("/api/v1/rulesets/rollback", TestServer.ADMIN, "");
            assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
            Thread.sleep(1_500);
            posting.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            long journaled = db.queryForObject("SELECT COUNT(*) FROM event_journal", Long.class);
            assertThat(journaled).isEqualTo(accepted.get() + 1);
            Eventually.await("every event classified", PIPELINE, () -> Optional.of(db.queryForObject(
                    "SELECT COUNT(*) FROM event_classification", Long.class)).filter(n -> n == journaled));
            long deployedAfter = deployed.json().get("afterEventId").asLong();
            long rolledBackAfter = rolledBack.json().get("afterEventId").asLong();
            assertThat(deployedAfter).as("events before and after each switch").isBetween(2L, rolledBackAfter - 1);
            assertThat(rolledBackAfter).isLessThan(journaled);
            List<Map<String, Object>> wrong = db.queryForList("SELECT j.id, c.category FROM event_journal j"
                    + " JOIN event_classification c ON c.event_id = j.id WHERE c.category <> CASE WHEN j.id > ? AND j.id <= ?"
                    + " THEN 'storage' ELSE 'hardware' END LIMIT 5", deployedAfter, rolledBackAfter);
            assertThat(wrong).as("classified by another version than the one active").isEmpty();
            assertThat(db.queryForObject("SELECT COUNT(*) FROM event_classification WHERE category = 'storage'", Long.class))
                    .isEqualTo(rolledBackAfter - deployedAfter);
            long diskFirings = db.queryForObject("SELECT (SELECT COUNT(*) FROM rule_firing WHERE rule_name = ?)"
                    + " + (SELECT COALESCE(SUM(firings), 0) FROM rule_firing_pack_rule WHERE rule_name = ?)", Long.class,
                    DISK_RULE, DISK_RULE);
            assertThat(diskFirings).as("the category rule fired once per event, across both switches").isEqualTo(journaled);

            assertThat(db.queryForList("SELECT name FROM incident_task WHERE incident_id = ? AND state = 'OPEN'", String.class,
                    incident)).as("the task opened before the swaps still waits").containsExactly("Acknowledge");
            int level = Eventually.await("escalations of the incident opened before the swaps", PIPELINE, () -> Optional.of(
                    db.queryForObject("SELECT escalation_level FROM incident WHERE id = ?", Integer.class, incident))
                    .filter(l -> l >= 3));
            assertThat(level).isGreaterThanOrEqualTo(3);
        } finally {
            clients.shutdownNow();
            server.close();
        }
    }
}
