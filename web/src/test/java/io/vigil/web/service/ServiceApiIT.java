package io.vigil.web.service;

import io.vigil.service.ServiceTreeVersion;
import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service tree API on a real server and MariaDB: replace (all or nothing), export, list, detail, SLA, downtimes, groups. */
class ServiceApiIT extends ServerTestSupport {

    static final String YAML = "application/yaml";

    /** One server (and database) per class, so the tokens made for it last as long. */
    private static final Map<Role, Auth> SHOP_TOKENS = new java.util.EnumMap<>(Role.class);

    @BeforeEach
    void shopTree() {
        Response replaced = put(fixture("shop.yml"), YAML);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    }

    @Test
    void shouldReplaceTheTreeAndAnswerServicesAndVersion() {
        Response replaced = put(fixture("shop.yml"), "text/yaml");

        assertThat(replaced.json().get("services").asInt()).isEqualTo(3);
        assertThat(replaced.json().get("version").asString()).matches("[0-9a-f]{64}");
        String stored = api.get("/api/v1/services?format=yaml", TestServer.ADMIN).body();
        assertThat(replaced.json().get("version").asString()).as("the version of the stored document")
                .isEqualTo(ServiceTreeVersion.of(stored));
    }

    @Test
    void shouldAcceptJsonAndExportAsYamlAndJson() {
        String exportedJson = api.get("/api/v1/services?format=json", TestServer.ADMIN).body();

        Response replaced = put(exportedJson, "application/json");
        Response yaml = api.get("/api/v1/services?format=yaml", TestServer.ADMIN);
        Response notAdmin = api.get("/api/v1/services?format=yaml", shop(Role.ANALYST));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("services").asInt()).isEqualTo(3);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).contains("- name: webapp").contains("critical: 1.2").contains("group: shop");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.json().get("detail").asString())
                .isEqualTo("exporting the service tree requires role ADMIN: it names the services of every group");
        assertThat(exportedJson).startsWith("{\"services\":[{\"name\":\"webapp\"");
    }

    @Test
    void shouldRefuseUnknownKeyWithEveryErrorAndKeepThePreviousTree() {
        String before = api.get("/api/v1/services?format=yaml", TestServer.ADMIN).body();

        Response refused = put(fixture("unknown-key.yml"), YAML);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errors(refused)).containsExactly("service \"webapp\": unknown key \"colour\"");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("the service tree was refused: service \"webapp\": unknown key \"colour\"");
        assertThat(api.get("/api/v1/services?format=yaml", TestServer.ADMIN).body()).isEqualTo(before);
    }

    @Test
    void shouldRefuseCycleNamingItsPathAndKeepThePreviousTree() {
        Response refused = put(fixture("cycle.yml"), YAML);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("service cycle: a -> b -> a");
        assertThat(names(api.get("/api/v1/services", TestServer.ADMIN))).containsExactly("webapp", "database", "office");
    }

    @Test
    void shouldRefuseBadCorrelationSectionsNamingEachProblem() {
        Response refused = put("services: []\n"
                + "dependencies:\n"
                + "  - {resource: web01, dependsOn: [router1]}\n"
                + "  - {resource: router1, dependsOn: [web01]}\n"
                + "  - {resource: app01, dependsOn: [rooter1]}\n"
                + "silences:\n"
                + "  - {match: ['check=~\"disk(\"'], start: 2026-12-02T02:00:00Z, end: 2026-12-01T22:00:00Z,"
                + " creator: alice, comment: backwards}\n", YAML);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly(
                "dependency cycle: web01 -> router1 -> web01",
                "silence 1: matcher \"check=~\\\"disk(\\\"\": invalid regex: Unclosed group near index 5",
                "silence 1: end 2026-12-01T22:00:00Z is not after start 2026-12-02T02:00:00Z",
                "dependency \"app01\": depends on unknown resource \"rooter1\" (give it a dependency entry, e.g."
                        + " {resource: rooter1, dependsOn: []}, or name it in a service)");
        assertThat(names(api.get("/api/v1/services", TestServer.ADMIN))).containsExactly("webapp", "database", "office");
    }

    @Test
    void shouldListServicesWithPandorasColumns() {
        JsonNode webapp = api.get("/api/v1/services", shop(Role.OPERATOR)).json().get("services").get(0);

        assertThat(webapp.get("name").asString()).isEqualTo("webapp");
        assertThat(webapp.get("description").asString()).isEqualTo("Online store");
        assertThat(webapp.get("group").asString()).isEqualTo("shop");
        assertThat(webapp.get("mode").asString()).isEqualTo("manual");
        assertThat(webapp.get("warning").decimalValue()).isEqualByComparingTo("4");
        assertThat(webapp.get("critical").decimalValue()).isEqualByComparingTo("6");
        assertThat(webapp.has("value")).isTrue();
        assertThat(webapp.get("status").asString()).isIn("NORMAL", "WARNING", "CRITICAL", "UNKNOWN");
        assertThat(webapp.has("slaCompliance")).isTrue();
        assertThat(webapp.has("slaStatus")).isTrue();
    }

    @Test
    void shouldShowAServiceWithItsElementsAndTheirWeights() {
        JsonNode page = api.get("/api/v1/services/webapp", shop(Role.AUDITOR)).json();

        JsonNode elements = page.get("elements");
        assertThat(page.get("service").get("name").asString()).isEqualTo("webapp");
        assertThat(elements.values().stream().map(e -> e.get("type").asString() + ":" + e.get("name").asString()))
                .containsExactly("module:router1/ping", "agent:web01", "service:database");
        assertThat(elements.get(1).get("weights").get("critical").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(elements.get(1).get("weights").get("warning").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode office = api.get("/api/v1/services/office", TestServer.ADMIN).json().get("elements");
        assertThat(office.get(0).get("critical").asBoolean()).isTrue();
        assertThat(office.get(1).get("critical").asBoolean()).isFalse();
    }

    @Test
    void shouldShowElementStatusOnceEventsArrive() {
        api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "{\"source\":\"test\",\"resource\":\"db01\",\"check\":\"mysql\",\"status\":\"CRITICAL\"}");

        JsonNode database = io.vigil.web.testing.Eventually.await("db01/mysql in service database", java.time.Duration.ofSeconds(20),
                () -> java.util.Optional.of(api.get("/api/v1/services/database", TestServer.ADMIN).json())
                        .filter(p -> p.get("elements").get(0).get("status").asString("").equals("CRITICAL")));

        assertThat(database.get("elements").get(0).get("data").get("resource").asString()).isEqualTo("db01");
    }

    @Test
    void shouldHideEveryServiceFromAViewerWithoutGroupsButAnswerAdminThemAll() {
        assertThat(names(api.get("/api/v1/services", token(Role.OPERATOR)))).isEmpty();
        assertThat(api.get("/api/v1/services/webapp", token(Role.OPERATOR)).status()).isEqualTo(404);
        assertThat(names(api.get("/api/v1/services", token(Role.ADMIN)))).containsExactly("webapp", "database", "office");
    }

    @Test
    void shouldShowOnlyServicesOfTheViewersGroupsAndHideOthersAs404() {
        Auth shopAnalyst = groupToken("shop-analyst", "ANALYST", List.of("shop"));

        assertThat(names(api.get("/api/v1/services", shopAnalyst))).containsExactly("webapp", "database");
        assertThat(api.get("/api/v1/services/webapp", shopAnalyst).status()).isEqualTo(200);
        Response hidden = api.get("/api/v1/services/office", shopAnalyst);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString()).isEqualTo("service \"office\" does not exist");
        assertThat(api.get("/api/v1/services/office/sla", shopAnalyst).status()).isEqualTo(404);
        assertThat(names(api.get("/api/v1/services", token(Role.ANALYST)))).isEmpty();
    }

    @Test
    void shouldGiveUsersTheirGroupsToo() {
        Response created = api.postJson("/api/v1/users", TestServer.ADMIN, ApiClient.json(Map.of("username", "olivia",
                "password", "office-viewer-secret", "roles", List.of("OPERATOR"), "groups", List.of("office"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("groups").get(0).asString()).isEqualTo("office");

        assertThat(names(api.get("/api/v1/services", Auth.basic("olivia", "office-viewer-secret")))).containsExactly("office");
    }

    @Test
    void shouldRefuseBadGroupNamesQuotingThem() {
        Response refused = api.postJson("/api/v1/tokens", TestServer.ADMIN,
                "{\"name\":\"x\",\"role\":\"ANALYST\",\"groups\":[\"shop,office\"]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isEqualTo("group \"shop,office\" must be 1 to 64 letters, digits or . _ -");
    }

    @Test
    void shouldReportSlaComplianceOverTheRequestedRange() {
        JdbcTemplate jdbc = new JdbcTemplate(database().dataSource());
        String[] outcomes = {"COMPLIES", "COMPLIES", "FAILS", "UNKNOWN", "DOWNTIME", "COMPLIES"};
        for (int i = 0; i < outcomes.length; i++) {
            jdbc.update("INSERT INTO sla_sample (service, sampled_at, outcome) VALUES ('webapp', ?, ?)",
                    java.time.LocalDateTime.parse("2026-11-21T10:00:00").plusMinutes(5L * (i + 1)), outcomes[i]);
        }

        JsonNode all = api.get("/api/v1/services/webapp/sla?from=2026-11-21T10:00:00Z&to=2026-11-21T10:30:00Z",
                shop(Role.OPERATOR)).json();
        JsonNode firstThree = api.get("/api/v1/services/webapp/sla?from=2026-11-21T10:00:00Z&to=2026-11-21T10:15:00Z",
                shop(Role.OPERATOR)).json();

        assertThat(all.get("samples").size()).isEqualTo(6);
        assertThat(all.get("compliance").get("complying").asLong()).isEqualTo(3);
        assertThat(all.get("compliance").get("counted").asLong()).isEqualTo(4);
        assertThat(all.get("compliance").get("percent").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(all.get("compliance").get("status").asString()).isEqualTo("INCORRECT");
        assertThat(firstThree.get("samples").size()).isEqualTo(3);
        assertThat(firstThree.get("compliance").get("percent").decimalValue()).isEqualByComparingTo("66.67");
    }

    @Test
    void shouldRefuseBadSlaRangeNamingTheParameter() {
        Response badFrom = api.get("/api/v1/services/webapp/sla?from=yesterday", TestServer.ADMIN);
        Response reversed = api.get("/api/v1/services/webapp/sla?from=2026-11-21T11:00:00Z&to=2026-11-21T10:00:00Z",
                TestServer.ADMIN);
        Response noSla = api.get("/api/v1/services/database/sla", TestServer.ADMIN);

        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.json().get("detail").asString())
                .isEqualTo("parameter \"from\" has the bad value \"yesterday\": expected an ISO-8601 time such as 2026-11-21T10:15:30Z");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("detail").asString()).startsWith("parameter \"from\" has the bad value \"2026-11-21T11:00:00Z\"");
        assertThat(noSla.status()).isEqualTo(404);
        assertThat(noSla.json().get("detail").asString()).isEqualTo("service \"database\" has no sla");
    }

    @Test
    void shouldScheduleListAndCancelDowntimes() {
        Response scheduled = api.postJson("/api/v1/services/webapp/downtimes", shop(Role.OPERATOR),
                "{\"start\":\"2099-01-01T22:00:00Z\",\"end\":\"2099-01-01T23:00:00Z\",\"comment\":\"router firmware\"}");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        long id = scheduled.json().get("id").asLong();

        JsonNode listed = api.get("/api/v1/downtimes?service=webapp", shop(Role.ANALYST)).json().get("downtimes");
        Response cancelled = api.delete("/api/v1/downtimes/" + id, shop(Role.OPERATOR));

        assertThat(listed.values().stream().map(d -> d.get("comment").asString())).contains("router firmware");
        assertThat(scheduled.json().get("createdBy").asString()).isEqualTo("token:shop-operator");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelledBy").asString()).isEqualTo("token:shop-operator");
        assertThat(api.get("/api/v1/downtimes?service=webapp", shop(Role.ANALYST)).json().get("downtimes").values().stream()
                .map(d -> d.get("id").asLong())).doesNotContain(id);
    }

    @Test
    void shouldRefuseDowntimeEndingBeforeItStarts() {
        Response refused = api.postJson("/api/v1/services/webapp/downtimes", shop(Role.OPERATOR),
                "{\"start\":\"2099-01-01T22:00:00Z\",\"end\":\"2099-01-01T21:00:00Z\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("field \"end\" has the bad value \"2099-01-01T21:00:00Z\": expected a time after start (2099-01-01T22:00:00Z)");
    }

    private Response put(String body, String contentType) {
        return api.put("/api/v1/services", TestServer.ADMIN, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A token of {@code role} granted the group "shop", made once per role. */
    private Auth shop(Role role) {
        return SHOP_TOKENS.computeIfAbsent(role, r -> groupToken("shop-" + r.name().toLowerCase(), r.name(), List.of("shop")));
    }

    private Auth groupToken(String name, String role, List<String> groups) {
        Response created = api.postJson("/api/v1/tokens", TestServer.ADMIN,
                ApiClient.json(Map.of("name", name, "role", role, "groups", groups)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Auth.bearer(created.json().get("token").asString());
    }

    private static List<String> errors(Response response) {
        return response.json().get("errors").values().stream().map(JsonNode::asString).toList();
    }

    private static List<String> names(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("services").values().stream().map(s -> s.get("name").asString()).toList();
    }

    static String fixture(String name) {
        try (InputStream in = ServiceApiIT.class.getResourceAsStream("/services/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
