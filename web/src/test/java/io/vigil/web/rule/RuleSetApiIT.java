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
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule sets over the API on a server of its own (a deploy changes what every event leads to): the
 * shipped rules as the first version, validation with line and column, a new version stored,
 * deployed without a restart, kept across a restart, and rolled back after it; export as a zip and
 * import of that zip; who may do what.
 */
@Tag(ServerTest.TAG)
class RuleSetApiIT {

    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final TestDatabase DB = TestDatabase.create("web_rulesets");
    private static final String CATEGORIES = RuleSetVariants.CATEGORIES;
    private static final String CATEGORY_TEST = RuleSetVariants.CATEGORY_TEST;
    private static final RuleSet SHIPPED = RuleSet.fromClasspath();
    private static final String SHIPPED_CATEGORIES = SHIPPED.sources().get(CATEGORIES);
    private static final String SHIPPED_CATEGORY_TEST = SHIPPED.sources().get(CATEGORY_TEST);

    private final JdbcTemplate db = new JdbcTemplate(DB.dataSource());

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Test
    void shouldStoreValidateDeployKeepAcrossARestartAndRollBack() throws IOException {
        String shipped;
        String storage;
        Map<Role, Auth> tokens;
        ConfigurableApplicationContext first = start();
        try {
            ApiClient api = new ApiClient(port(first));
            tokens = TestServer.tokens(api);
            Auth analyst = tokens.get(Role.ANALYST);

            JsonNode versions = api.get("/api/v1/rulesets", analyst).json();
            assertThat(versions.size()).as("the shipped rules are the first version").isEqualTo(1);
            shipped = versions.get(0).get("version").asString();
            assertThat(shipped).isEqualTo(SHIPPED.version());
            assertThat(versions.get(0).get("active").asBoolean()).isTrue();
            assertThat(versions.get(0).get("origin").asString()).isEqualTo("shipped");
            assertThat(versions.get(0).get("author").asString()).isEqualTo("vigil");

            assertRefusedWithPlace(api, analyst);

            String storageRules = RuleSetVariants.disksAreStorage(SHIPPED_CATEGORIES);
            Response valid = api.postJson("/api/v1/rulesets/validate", analyst, draft(null, shipped, storageRules));
            assertThat(valid.status()).as(valid.body()).isEqualTo(200);
            assertThat(valid.json().get("errors").size()).isZero();

            assertThat(api.postJson("/api/v1/rulesets", tokens.get(Role.OPERATOR), draft("x", null, storageRules)).status())
                    .isEqualTo(403);
            Response created = api.postJson("/api/v1/rulesets", analyst, draft("disks are storage", null, storageRules));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            storage = created.json().get("version").asString();
            assertThat(storage).isEqualTo(valid.json().get("version").asString());
            assertThat(created.header("Location")).isEqualTo("/api/v1/rulesets/" + storage);
            assertThat(created.json().get("state").asString()).isEqualTo("draft");
            assertThat(created.json().get("parent").asString()).isEqualTo(shipped);
            assertThat(created.json().get("author").asString()).isEqualTo("token:test-analyst");

            Response tested = api.postJson("/api/v1/rulesets/" + storage + "/test", analyst, "");
            assertThat(tested.status()).as(tested.body()).isEqualTo(200);
            assertThat(tested.json().get("failed").asInt()).as("the shipped test still expects hardware").isEqualTo(1);
            assertThat(tested.json().get("results").get(0).get("file").asString()).isEqualTo(CATEGORY_TEST);
            Response untested = api.postJson("/api/v1/rulesets/" + storage + "/deploy", TestServer.ADMIN, "");
            assertThat(untested.status()).as(untested.body()).isEqualTo(409);
            assertThat(untested.json().get("detail").asString()).startsWith("rule set " + storage
                    + " fails 1 of its 4 rule tests, so it is not deployed: " + CATEGORY_TEST + ": after the last event:");

            String fixedTest = RuleSetVariants.categoryTestExpectsStorage(SHIPPED_CATEGORY_TEST);
            Response fixed = api.postJson("/api/v1/rulesets", analyst, ApiClient.json(Map.of("message",
                    "the category test follows", "base", storage, "files", Map.of(CATEGORY_TEST, fixedTest))));
            assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
            storage = fixed.json().get("version").asString();
            assertThat(api.postJson("/api/v1/rulesets/" + storage + "/test", analyst, "").json().get("failed").asInt())
                    .isZero();

            assertThat(api.postJson("/api/v1/rulesets/" + storage + "/deploy", analyst, "").status()).isEqualTo(403);
            assertThat(categoryOf(api, tokens, "rs-before")).isEqualTo("hardware");
            assertBacktestShowsTheReclassifiedEvent(api, analyst, storage);
            Response deployed = api.postJson("/api/v1/rulesets/" + storage + "/deploy", TestServer.ADMIN, "");
            assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
            assertThat(deployed.json().get("previous").asString()).isEqualTo(shipped);
            assertThat(deployed.json().get("activation").asString()).isEqualTo("deploy");
            assertThat(categoryOf(api, tokens, "rs-deployed")).isEqualTo("storage");
            assertThat(api.postJson("/api/v1/rulesets/" + storage + "/deploy", TestServer.ADMIN, "").status())
                    .as("already active").isEqualTo(409);

            assertExportAndImport(api, analyst, storage);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = start();
        try {
            ApiClient api = new ApiClient(port(second));
            JsonNode versions = api.get("/api/v1/rulesets", tokens.get(Role.AUDITOR)).json();
            assertThat(versions.get(0).get("version").asString()).isEqualTo(storage);
            assertThat(versions.get(0).get("state").asString()).as("deployed before the restart, active after it")
                    .isEqualTo("active");
            assertThat(categoryOf(api, tokens, "rs-restarted")).isEqualTo("storage");

            Response rolledBack = api.postJson("/api/v1/rulesets/rollback", TestServer.ADMIN, "");
            assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
            assertThat(rolledBack.json().get("version").asString()).isEqualTo(shipped);
            assertThat(categoryOf(api, tokens, "rs-rolled-back")).isEqualTo("hardware");

            JsonNode detail = api.get("/api/v1/rulesets/" + shipped, tokens.get(Role.AUDITOR)).json();
            assertThat(detail.get("files").get(CATEGORIES).asString()).isEqualTo(SHIPPED_CATEGORIES);
            assertThat(detail.get("activations").values().stream().map(a -> a.get("kind").asString() + " by "
                    + a.get("actor").asString()).toList()).containsExactly("rollback by admin", "import by vigil");
            assertThat(db.queryForList("SELECT kind FROM rule_set_activation ORDER BY id", String.class))
                    .containsExactly("import", "deploy", "rollback");
            assertThat(db.queryForObject("SELECT COUNT(*) FROM rule_set_version WHERE state = 'active'", Integer.class))
                    .isEqualTo(1);
        } finally {
            second.close();
        }
    }

    /** An unknown type and a foreign global: 422 with file, line and column of each. */
    private void assertRefusedWithPlace(ApiClient api, Auth analyst) {
        String typo = SHIPPED_CATEGORIES.replace("Event( check == \"disk\" )", "Evnt( check == \"disk\" )");
        int at = typo.indexOf("Evnt(");
        int line = (int) typo.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - typo.lastIndexOf('\n', at);

        Response refused = api.postJson("/api/v1/rulesets/validate", analyst, draft(null, null, typo));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo(CATEGORIES);
        assertThat(error.get("line").asInt()).isEqualTo(line);
        assertThat(error.get("column").asInt()).isEqualTo(column);
        assertThat(error.get("message").asString()).startsWith("Unable to resolve ObjectType 'Evnt'");
        assertThat(refused.json().get("detail").asString()).startsWith("the rule set was refused with ")
                .contains(CATEGORIES + ":" + line + ":" + column + ": Unable to resolve ObjectType 'Evnt'");

        String mailing = "package rules.mail\nglobal java.util.List mailbox\n";
        Response foreign = api.postJson("/api/v1/rulesets/validate", analyst,
                ApiClient.json(Map.of("files", Map.of("mail/mail.drl", mailing))));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).toString()).isEqualTo("{\"file\":\"rules/mail/mail.drl\",\"line\":2,"
                + "\"column\":23,\"message\":\"global \\\"mailbox\\\" is not provided by the engine (it provides alerts,"
                + " incidents, outcomes, services)\"}");

        Response badPath = api.postJson("/api/v1/rulesets", analyst,
                ApiClient.json(Map.of("message", "m", "files", Map.of("notes.txt", "hello"))));
        assertThat(badPath.status()).isEqualTo(422);
        assertThat(badPath.json().get("errors").get(0).get("message").asString())
                .isEqualTo("\"notes.txt\" is neither a DRL file under rules/, a BPMN2 file under processes/ nor a rule test"
                        + " rule-tests/…/*.yml");
        assertThat(api.postJson("/api/v1/rulesets", analyst, "{\"files\": {}}").json().get("detail").asString())
                .isEqualTo("\"message\" is required: say what this version changes and why");
    }

    /** The candidate next to the active version on what was recorded: exactly the disk event differs. */
    private void assertBacktestShowsTheReclassifiedEvent(ApiClient api, Auth analyst, String version) {
        long last = db.queryForObject("SELECT MAX(id) FROM event_journal", Long.class);
        assertThat(api.postJson("/api/v1/rulesets/" + version + "/backtest", analyst, "{\"fromId\": 1}").json()
                .get("detail").asString()).isEqualTo("\"toId\" must be a journal id (a whole number from 1), got nothing");
        assertThat(api.postJson("/api/v1/rulesets/" + version + "/backtest", analyst,
                "{\"from\": \"2001-01-01T00:00:00Z\", \"to\": \"2001-01-02T00:00:00Z\"}").status()).isEqualTo(422);

        Response started = api.postJson("/api/v1/rulesets/" + version + "/backtest", analyst,
                "{\"fromId\": 1, \"toId\": " + last + "}");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        JsonNode done = Eventually.await("the backtest", PIPELINE, () -> Optional.of(api.get(location, analyst).json())
                .filter(p -> p.get("state").asString().equals("done")));
        assertThat(done.get("total").asLong()).isEqualTo(done.get("done").asLong()).isEqualTo(last);
        JsonNode result = done.get("result");
        assertThat(result.get("classifiedDifferently").asLong()).isEqualTo(1);
        JsonNode change = result.get("classifications").get(0);
        assertThat(change.get("from").asString() + " -> " + change.get("to").asString())
                .isEqualTo("hardware/WARNING -> storage/WARNING");
        assertThat(change.get("examples").get(0).get("resource").asString()).isEqualTo("rs-before");
        assertThat(result.get("alerts").size()).isZero();
        assertThat(api.get("/api/v1/rulesets/" + version, analyst).json().get("backtests").get(0).get("id").asLong())
                .as("kept with the version").isEqualTo(done.get("id").asLong());
    }

    /** The zip holds every file at its path; importing it gives the same version. */
    private void assertExportAndImport(ApiClient api, Auth analyst, String version) throws IOException {
        byte[] zip = api.getBytes("/api/v1/rulesets/" + version + "?format=zip", analyst);
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(RuleSet.versionOf(files)).isEqualTo(version);

        Response imported = api.post("/api/v1/rulesets?message=from%20git", analyst, "application/zip", zip);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("version").asString()).isEqualTo(version);
        Response notZip = api.post("/api/v1/rulesets?message=x", analyst, "application/zip",
                "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(notZip.status()).isEqualTo(400);
    }

    private static String draft(String message, String base, String categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (message != null) {
            body.put("message", message);
        }
        if (base != null) {
            body.put("base", base);
        }
        body.put("files", Map.of("classify/event-category.drl", categories));
        return ApiClient.json(body);
    }

    /** Posts a disk event about {@code resource} and waits for its category. */
    private String categoryOf(ApiClient api, Map<Role, Auth> tokens, String resource) {
        Response posted = api.postJson("/api/v1/events", tokens.get(Role.INTEGRATOR),
                "{\"source\":\"nagios\",\"resource\":\"" + resource + "\",\"check\":\"disk\",\"status\":\"WARNING\"}");
        assertThat(posted.status()).isEqualTo(202);
        long id = posted.json().get("ids").get(0).asLong();
        return Eventually.await("event " + id + "'s category", PIPELINE, () -> db.queryForList(
                "SELECT category FROM event_classification WHERE event_id = ?", String.class, id).stream().findFirst());
    }

    private static ConfigurableApplicationContext start() {
        return PrivateServer.start(DB, Map.of());
    }

    private static int port(ConfigurableApplicationContext context) {
        return PrivateServer.port(context);
    }
}
