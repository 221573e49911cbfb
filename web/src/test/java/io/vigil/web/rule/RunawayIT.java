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

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployed version whose rule loops on one host's events, on a server of its own: the batch is
 * halted, the engine rolls back to the version before by itself, processes the event under it, and
 * raises an alert naming the looping rule; nothing is lost.
 */
@Tag(ServerTest.TAG)
class RunawayIT {

    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final TestDatabase DB = TestDatabase.create("web_runaway");
    /** A rule that flips the category of {@code host}'s disk events for ever. */
    private static String loop(String host) {
        return RuleSetVariants.loop("rules.loop", "Flip the category of " + host + "'s disk events",
                "resource == \"" + host + "\", check == \"disk\"");
    }

    private final JdbcTemplate db = new JdbcTemplate(DB.dataSource());

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Test
    void shouldRollBackByItselfAndRaiseAnAlertNamingTheRule() {
        ConfigurableApplicationContext server = PrivateServer.start(DB, Map.of());
        try {
            ApiClient api = new ApiClient(PrivateServer.port(server));
            Map<Role, Auth> tokens = TestServer.tokens(api);
            String shipped = RuleSet.fromClasspath().version();
            assertRefusedWhenItRunsAwayOnRecentEvents(api, tokens);
            Response created = api.postJson("/api/v1/rulesets", tokens.get(Role.ANALYST), ApiClient.json(Map.of(
                    "message", "a loop", "files", Map.of("loop/loop.drl", loop("runaway-host")))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String looping = created.json().get("version").asString();
            Response deployed = api.postJson("/api/v1/rulesets/" + looping + "/deploy", TestServer.ADMIN, "");
            assertThat(deployed.status()).as("its rule tests do not touch runaway-host: " + deployed.body()).isEqualTo(200);

            long id = post(api, tokens, "runaway-host");

            String kind = Eventually.await("the automatic rollback", PIPELINE, () -> db.queryForList(
                    "SELECT kind FROM rule_set_activation WHERE version = ? AND previous = ?", String.class, shipped, looping)
                    .stream().findFirst());
            assertThat(kind).isEqualTo("auto-rollback");
            assertThat(db.queryForObject("SELECT actor FROM rule_set_activation WHERE kind = 'auto-rollback'", String.class))
                    .isEqualTo("vigil");
            assertThat(api.get("/api/v1/rulesets", tokens.get(Role.ANALYST)).json().values().stream()
                    .filter(v -> v.get("active").asBoolean()).map(v -> v.get("version").asString()))
                    .containsExactly(shipped);
            assertThat(category(id)).as("processed once, under the version before").isEqualTo("hardware");
            assertThat(db.queryForObject("SELECT COUNT(*) FROM event_classification WHERE event_id = ?", Integer.class, id))
                    .isEqualTo(1);
            String message = Eventually.await("the alert about the runaway", PIPELINE, () -> db.queryForList(
                    "SELECT message FROM alert WHERE alert_key = 'vigil/rule-set' AND status = 'CRITICAL'", String.class)
                    .stream().findFirst());
            assertThat(message).matches(java.util.regex.Pattern.quote("rule set " + looping.substring(0, 12) + " ran away:"
                    + " \"Flip the category of runaway-host's disk events\" fired ") + "(99\\d{3}|100000)"
                    + java.util.regex.Pattern.quote(" of 100000 times in one batch; the engine rolled back to "
                    + shipped.substring(0, 12)));

            assertThat(category(post(api, tokens, "after-runaway"))).isEqualTo("hardware");
            Response noRollback = api.postJson("/api/v1/rulesets/rollback", TestServer.ADMIN, "");
            assertThat(noRollback.status()).as("a rollback does not bring back the version that ran away").isEqualTo(409);
            assertThat(noRollback.json().get("detail").asString())
                    .isEqualTo("there is nothing to roll back to: no version was active before " + shipped);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM event_journal", Integer.class))
                    .as("the sampled host's, the runaway's, its report, the one after: none lost")
                    .isEqualTo(db.queryForObject("SELECT COUNT(*) FROM event_classification", Integer.class)).isEqualTo(4);
        } finally {
            server.close();
        }
    }

    /** A loop on a host that sent events lately shows on the sample of recent events: no deploy. */
    private void assertRefusedWhenItRunsAwayOnRecentEvents(ApiClient api, Map<Role, Auth> tokens) {
        category(post(api, tokens, "sampled-host"));
        Response created = api.postJson("/api/v1/rulesets", tokens.get(Role.ANALYST), ApiClient.json(Map.of(
                "message", "a loop on a known host", "files", Map.of("loop/loop.drl", loop("sampled-host")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String version = created.json().get("version").asString();

        Response refused = api.postJson("/api/v1/rulesets/" + version + "/deploy", TestServer.ADMIN, "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        // the shipped rules fire a few times too, before or between the loop's firings
        assertThat(refused.json().get("detail").asString()).matches(java.util.regex.Pattern.quote("rule set " + version
                + " ran away on the 1 most recent events, so it is not deployed: rules fired 100000 times without coming to"
                + " rest; a rule is probably looping (most: \"Flip the category of sampled-host's disk events\", ")
                + "(99\\d{3}|100000) of 100000 firings\\)");
    }

    private static long post(ApiClient api, Map<Role, Auth> tokens, String resource) {
        Response posted = api.postJson("/api/v1/events", tokens.get(Role.INTEGRATOR),
                "{\"source\":\"nagios\",\"resource\":\"" + resource + "\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
        assertThat(posted.status()).isEqualTo(202);
        return posted.json().get("ids").get(0).asLong();
    }

    private String category(long id) {
        return Eventually.await("event " + id + "'s category", PIPELINE, () -> db.queryForList(
                "SELECT category FROM event_classification WHERE event_id = ?", String.class, id).stream().findFirst());
    }
}
