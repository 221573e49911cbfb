package io.vigil.web.service;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's service pages on a real server and MariaDB with the shop tree: list, detail, tree,
 * map, planning a downtime through the form, and a user who sees only the services of their group.
 */
class ServiceConsoleIT extends ServerTestSupport {

    private static final Duration PIPELINE = Duration.ofSeconds(20);
    private static final Pattern LEVEL_ROW = Pattern.compile("<tr>\\s*<td>([^<]+)</td>((?:\\s*<td><span class=\"count \\w+\">\\d+</span></td>){4})\\s*<td>(\\d+)</td>");
    private static final Pattern COUNT = Pattern.compile("class=\"count (\\w+)\">(\\d+)<");

    ConsoleSession admin;

    @BeforeEach
    void shopTreeAndAdmin() {
        Response replaced = api.put("/api/v1/services", TestServer.ADMIN, ServiceApiIT.YAML,
                ServiceApiIT.fixture("shop.yml").getBytes(StandardCharsets.UTF_8));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        admin = new ConsoleSession(port);
        assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void shouldListEachServiceWithItsStatus() {
        awaitStatuses();

        Response list = admin.get("/console/services");

        assertThat(list.status()).isEqualTo(200);
        assertThat(serviceRows(list.body())).containsExactly("webapp", "database", "office");
        assertThat(serviceRow(list.body(), "webapp")).contains(">Online store<").contains(">shop<").contains(">manual<")
                .contains(">4 / 6<").contains(">5<").contains("class=\"badge WARNING\">WARNING<");
        assertThat(serviceRow(list.body(), "database")).contains("class=\"badge CRITICAL\">CRITICAL<");
        assertThat(serviceRow(list.body(), "office")).contains(">office<").contains("class=\"badge NORMAL\">NORMAL<");
        assertThat(serviceRows(admin.get("/console/services/rows").body())).containsExactly("webapp", "database", "office");
    }

    @Test
    void shouldShowAServiceWithItsElementsAndTheirStatus() {
        awaitStatuses();

        Response detail = admin.get("/console/services/webapp");

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("Service <span>webapp</span>").contains("class=\"badge WARNING\">WARNING<")
                .contains("cascade protection");
        List<String> elements = tableRows(detail.body(), "Elements");
        assertThat(elements).hasSize(3);
        assertThat(elements.get(0)).contains(">module<").contains(">router1/ping<")
                .contains("normal 0 · warning 3 · critical 5 · unknown 0").contains("class=\"badge NORMAL\">NORMAL<");
        assertThat(elements.get(1)).contains(">agent<").contains(">web01<").contains("critical 1.2").contains("no data yet");
        assertThat(elements.get(2)).contains(">service<").contains("href=\"/console/services/database\">database<")
                .contains("class=\"badge CRITICAL\">CRITICAL<");
        assertThat(admin.get("/console/services/nosuch").status()).isEqualTo(404);
    }

    @Test
    void shouldExplainWhatTheSlaFigureMeans() {
        awaitStatuses();

        String page = admin.get("/console/services/webapp").body();

        assertThat(page).contains("limit 95 % over 1h, a sample every 5m")
                .contains("A sample complies when the service is NORMAL; WARNING and CRITICAL fail (compliesWhen: NORMAL, the default;"
                        + " a tree can set compliesWhen: NORMAL_OR_WARNING to let WARNING comply).")
                .contains("Not enough samples yet for a settled figure: a full window holds 12 samples (one every 5m)");
        assertThat(admin.get("/console/services/database").body()).contains("<dd class=\"muted\">none</dd>")
                .doesNotContain("A sample complies");
    }

    @Test
    void shouldShowAServiceIncidentAsItsServiceNotAsAnEmptyElement() {
        awaitStatuses();
        long incidentId = Eventually.await("an incident for service database", PIPELINE, () ->
                api.get("/api/v1/incidents", TestServer.ADMIN).json().get("incidents").values().stream()
                        .filter(i -> "database".equals(i.get("service").asString()))
                        .map(i -> i.get("id").asLong()).findFirst());

        Matcher row = Pattern.compile("<tr data-incident=\"" + incidentId + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(admin.get("/console/incidents").body());
        String detail = admin.get("/console/incidents/" + incidentId).body();

        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).contains("<td>service database</td>").contains("class=\"badge CRITICAL\">CRITICAL<")
                .doesNotContain("null");
        assertThat(detail).contains("href=\"/console/services/database\">service database</a>").doesNotContain("null / null");
    }

    @Test
    void shouldCountServicesPerLevelOnTheTreePage() {
        awaitStatuses();

        Response tree = admin.get("/console/service-tree");

        assertThat(tree.status()).isEqualTo(200);
        assertThat(levels(tree.body())).containsExactly(
                "roots: NORMAL 1, WARNING 1, CRITICAL 0, UNKNOWN 0; total 2",
                "1: NORMAL 0, WARNING 0, CRITICAL 1, UNKNOWN 0; total 1");
        assertThat(tree.body()).contains("href=\"/console/services/database\">database<")
                .contains("WARNING · value 5").contains("CRITICAL · value 1");
        assertThat(tree.body().indexOf(">webapp<")).isLessThan(tree.body().indexOf(">database<"));
    }

    @Test
    void shouldDrawTheMapAsSvgNodesWithTheirStatus() {
        awaitStatuses();

        Response map = admin.get("/console/service-map");

        assertThat(map.status()).isEqualTo(200);
        assertThat(map.body()).contains("<svg id=\"service-map\"");
        assertThat(nodes(map.body())).containsExactly(
                "module:webapp:router1/ping=NORMAL", "agent:webapp:web01=UNKNOWN", "module:database:db01/mysql=CRITICAL",
                "service:database=CRITICAL", "service:webapp=WARNING", "agent:office:router1=NORMAL",
                "agent:office:printer1=UNKNOWN", "service:office=NORMAL");
        assertThat(map.body()).contains("data-from=\"service:webapp\" data-to=\"service:database\"")
                .contains(">W 3 C 5<").contains(">W 0.5 C 1.2<").contains(">critical<")
                .contains("href=\"/console/services/webapp\"");
        assertThat(nodes(admin.get("/console/service-map?root=database").body()))
                .containsExactly("module:database:db01/mysql=CRITICAL", "service:database=CRITICAL");
        assertThat(admin.get("/console/service-map?root=nosuch").status()).isEqualTo(404);
    }

    @Test
    void shouldPlanADowntimeThroughTheServicePageForm() {
        String page = "/console/services/webapp";
        String csrf = ConsoleSession.csrfToken(admin.get(page).body());

        Response planned = admin.postForm(page + "/downtimes", form(Map.of("_csrf", csrf,
                "start", "2099-02-01T22:00:00Z", "end", "2099-02-01T23:30:00Z", "comment", "console window")));

        assertThat(planned.status()).isEqualTo(302);
        assertThat(planned.header("Location")).endsWith(page);
        assertThat(admin.get(page).body()).contains("Downtime scheduled.").contains(">console window<")
                .contains(">2099-02-01 22:00:00 UTC<").contains(">2099-02-01 23:30:00 UTC<");
        JsonNode downtimes = api.get("/api/v1/downtimes", TestServer.ADMIN).json().get("downtimes");
        assertThat(downtimes.values().stream().filter(d -> d.get("comment").asString().equals("console window"))
                .map(d -> d.get("service").asString() + " by " + d.get("createdBy").asString()))
                .containsExactly("webapp by admin");
    }

    @Test
    void shouldShowTheReasonWhenTheFormRefusesADowntime() {
        String page = "/console/services/webapp";
        String csrf = ConsoleSession.csrfToken(admin.get(page).body());

        Response refused = admin.postForm(page + "/downtimes", form(Map.of("_csrf", csrf,
                "start", "2099-02-01T22:00:00Z", "end", "2099-02-01T21:00:00Z")));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(admin.get(page).body()).contains("class=\"notice error\"").contains(
                "field &quot;end&quot; has the bad value &quot;2099-02-01T21:00:00Z&quot;: expected a time after start (2099-02-01T22:00:00Z)");
        assertThat(admin.postForm(page + "/downtimes", "start=2099-02-01T22:00:00Z&end=2099-02-01T23:00:00Z").status())
                .as("no csrf token").isEqualTo(403);
    }

    @Test
    void shouldHideServicesOfOtherGroupsFromAUser() {
        awaitStatuses();
        Response created = api.postJson("/api/v1/users", TestServer.ADMIN, ApiClient.json(Map.of("username", "oscar",
                "password", "office-operator-secret", "roles", List.of("OPERATOR"), "groups", List.of("office"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ConsoleSession oscar = new ConsoleSession(port);
        assertThat(oscar.login("oscar", "office-operator-secret").status()).isEqualTo(302);

        Response list = oscar.get("/console/services");
        Response hidden = oscar.get("/console/services/webapp");

        assertThat(list.status()).isEqualTo(200);
        assertThat(serviceRows(list.body())).containsExactly("office");
        assertThat(list.body()).doesNotContain("webapp").doesNotContain("database");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).startsWith("text/html");
        assertThat(oscar.get("/console/services/office").status()).isEqualTo(200);
        assertThat(oscar.get("/console/service-tree").body()).contains(">office<").doesNotContain("webapp");
        assertThat(nodes(oscar.get("/console/service-map").body()))
                .containsExactly("agent:office:router1=NORMAL", "agent:office:printer1=UNKNOWN", "service:office=NORMAL");
        assertThat(oscar.get("/console/service-map?root=webapp").status()).isEqualTo(404);
    }

    /** Makes router1/ping NORMAL and db01/mysql CRITICAL, and waits for the services to follow. */
    private void awaitStatuses() {
        post("{\"source\":\"test\",\"resource\":\"router1\",\"check\":\"ping\",\"status\":\"NORMAL\"}");
        post("{\"source\":\"test\",\"resource\":\"db01\",\"check\":\"mysql\",\"status\":\"CRITICAL\"}");
        Map<String, String> expected = Map.of("webapp", "WARNING", "database", "CRITICAL", "office", "NORMAL");
        Eventually.await("statuses " + expected, PIPELINE, () -> {
            JsonNode services = api.get("/api/v1/services", TestServer.ADMIN).json().get("services");
            boolean all = services.values().stream()
                    .allMatch(s -> s.get("status").asString().equals(expected.get(s.get("name").asString())));
            return all ? Optional.of(true) : Optional.empty();
        });
    }

    private void post(String json) {
        Response response = api.postJson("/api/v1/events", token(Role.INTEGRATOR), json);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private static List<String> serviceRows(String html) {
        return all(Pattern.compile("class=\"service-row\" data-service=\"([^\"]+)\""), html);
    }

    private static String serviceRow(String html, String name) {
        Matcher row = Pattern.compile("data-service=\"" + Pattern.quote(name) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("a row for " + name).isTrue();
        return row.group(1);
    }

    /** The body rows of the first table after the heading {@code title}. */
    private static List<String> tableRows(String html, String title) {
        String table = html.substring(html.indexOf("<h2>" + title + "</h2>"));
        table = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
        return all(Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL), table);
    }

    /** The levels table as "level: STATUS n, …; total n". */
    private static List<String> levels(String html) {
        List<String> levels = new ArrayList<>();
        Matcher row = LEVEL_ROW.matcher(html);
        while (row.find()) {
            List<String> counts = new ArrayList<>();
            Matcher count = COUNT.matcher(row.group(2));
            while (count.find()) {
                counts.add(count.group(1) + " " + count.group(2));
            }
            levels.add(row.group(1) + ": " + String.join(", ", counts) + "; total " + row.group(3));
        }
        return levels;
    }

    /** The map's nodes as "id=STATUS", in drawing order. */
    private static List<String> nodes(String html) {
        List<String> nodes = new ArrayList<>();
        Matcher node = Pattern.compile("data-node=\"([^\"]+)\" data-status=\"(\\w+)\"").matcher(html);
        while (node.find()) {
            nodes.add(node.group(1) + "=" + node.group(2));
        }
        return nodes;
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }
}
