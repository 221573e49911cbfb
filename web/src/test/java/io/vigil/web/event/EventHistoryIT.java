package io.vigil.web.event;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event history over HTTP on a real server and MariaDB: filters, paging with filters, the
 * export's content types and bodies, exact 400s, and who may read. Four events about db01 and
 * web01, and 1,200 from "bulk" (more than one export batch), posted once for the class.
 */
class EventHistoryIT extends ServerTestSupport {

    private static final int BULK = 1_200;
    private static final String DB01_MYSQL_DOWN = "{\"source\":\"nagios\",\"resource\":\"db01\",\"check\":\"mysql\",\"status\":\"CRITICAL\","
            + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"message\":\"MySQL \\\"down\\\", retrying\\nsecond try failed\","
            + "\"attributes\":{\"team\":\"dba\"}}";

    /** The ids the four events got, in the order posted; set by the first test to run. */
    private static List<Long> ids;
    private static List<Long> bulkIds;

    @BeforeEach
    void postTheEventsOnce() {
        if (ids != null) {
            return;
        }
        ids = post("[" + DB01_MYSQL_DOWN + ","
                + event("nagios", "db01", "mysql", "NORMAL", "2026-11-21T10:05:00Z") + ","
                + event("nagios", "db01", "disk", "WARNING", "2026-11-21T10:10:00Z") + ","
                + event("zabbix", "web01", "cpu", "WARNING", "2026-11-21T10:15:00Z") + "]");
        bulkIds = post(IntStream.range(0, BULK).mapToObj(i -> event("bulk", "bulk-host", "cpu", "NORMAL", "2026-11-20T00:00:00Z"))
                .reduce((a, b) -> a + "," + b).map(all -> "[" + all + "]").orElseThrow());
        Eventually.await("all events classified", Duration.ofSeconds(60), () -> {
            JsonNode page = api.get("/api/v1/events?status=NORMAL,WARNING,CRITICAL,UNKNOWN&limit=10000", token(Role.ANALYST)).json();
            return page.get("events").size() == BULK + 4 ? Optional.of(true) : Optional.empty();
        });
    }

    @Test
    void shouldFilterTheListAndCarryTheFiltersIntoTheNextLink() {
        JsonNode first = list("/api/v1/events?resource=db01&check=mysql&status=critical,normal&limit=1");

        assertThat(idsOf(first)).containsExactly(ids.get(1));
        assertThat(first.get("next").asString())
                .isEqualTo("/api/v1/events?resource=db01&check=mysql&status=NORMAL,CRITICAL&before=" + ids.get(1) + "&limit=1");
        JsonNode second = list(first.get("next").asString());
        assertThat(idsOf(second)).containsExactly(ids.get(0));
        JsonNode last = list(second.get("next").asString());
        assertThat(idsOf(last)).isEmpty();
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void shouldFilterBySourceCategoryRepeatedStatusAndOccurrenceTime() {
        assertThat(idsOf(list("/api/v1/events?source=zabbix"))).containsExactly(ids.get(3));
        assertThat(idsOf(list("/api/v1/events?resource=db01&status=WARNING&status=CRITICAL"))).containsExactly(ids.get(2), ids.get(0));
        assertThat(idsOf(list("/api/v1/events?category=application&resource=db01"))).containsExactly(ids.get(1), ids.get(0));
        assertThat(idsOf(list("/api/v1/events?from=2026-11-21T10:05:00Z&to=2026-11-21T10:15:00Z")))
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(idsOf(list("/api/v1/events?from=2026-11-21T11:05:00%2B01:00&to=2026-11-21T10:05:00.001Z")))
                .as("an offset, sent with its + encoded").containsExactly(ids.get(1));
    }

    @Test
    void shouldRefuseBadValuesNamingTheParameterAndTheValue() {
        assertThat(refusal("/api/v1/events?status=WARNING,green"))
                .isEqualTo("parameter \"status\" has the bad value \"green\": expected one of CRITICAL, NORMAL, UNKNOWN, WARNING");
        assertThat(refusal("/api/v1/events?from=yesterday"))
                .isEqualTo("parameter \"from\" has the bad value \"yesterday\": expected an ISO-8601 time such as 2026-11-21T10:15:30Z");
        assertThat(refusal("/api/v1/events?from=2026-11-22T00:00:00Z&to=2026-11-21T00:00:00Z")).isEqualTo(
                "parameter \"from\" has the bad value \"2026-11-22T00:00:00Z\": expected a time not after \"to\" (2026-11-21T00:00:00Z)");
        assertThat(refusal("/api/v1/events?limit=10001"))
                .isEqualTo("parameter \"limit\" has the bad value \"10001\": expected a number from 1 to 10000");
        assertThat(refusal("/api/v1/events?q=down")).isEqualTo("unknown query parameter \"q\": GET /api/v1/events takes"
                + " before, category, check, from, limit, resource, source, status, to");
        assertThat(refusal("/api/v1/events/export?format=xml"))
                .isEqualTo("parameter \"format\" has the bad value \"xml\": expected one of CSV, JSONL");
        assertThat(refusal("/api/v1/events/export?format=csv&limit=5")).isEqualTo("unknown query parameter \"limit\":"
                + " GET /api/v1/events/export takes category, check, format, from, resource, source, status, to");
        assertThat(refusal("/api/v1/events/export?format=csv&status=open"))
                .isEqualTo("parameter \"status\" has the bad value \"open\": expected one of CRITICAL, NORMAL, UNKNOWN, WARNING");
        assertThat(refusal("/api/v1/events/export"))
                .isEqualTo("Required parameter 'format' is not present.");
    }

    @Test
    void shouldExportCsvOldestFirstWithTheListsFieldsAndQuoting() {
        Response csv = api.get("/api/v1/events/export?format=csv&resource=db01", token(Role.ANALYST));

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).matches("attachment; filename=\"vigil-events-\\d{8}T\\d{6}Z\\.csv\"");
        JsonNode down = list("/api/v1/events/" + ids.get(0)).get("event");
        List<String> lines = csv.body().lines().toList();
        assertThat(csv.body()).endsWith("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("id,receivedAt,occurredAt,transport,source,resource,check,receivedStatus,severity,"
                + "message,attributes,category,status");
        assertThat(lines.get(1)).isEqualTo(ids.get(0) + "," + down.get("receivedAt").asString()
                + ",2026-11-21T10:00:00Z,rest,nagios,db01,mysql,CRITICAL,,\"MySQL \"\"down\"\", retrying");
        assertThat(lines.get(2)).isEqualTo("second try failed\",\"{\"\"team\"\":\"\"dba\"\"}\",application,CRITICAL");
        assertThat(lines.subList(3, 5)).extracting(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
                .containsExactly(ids.get(1), ids.get(2));
    }

    @Test
    void shouldExportJsonLinesEqualToTheListsRows() {
        Response jsonl = api.get("/api/v1/events/export?format=jsonl&resource=db01", token(Role.ANALYST));

        assertThat(jsonl.status()).isEqualTo(200);
        assertThat(jsonl.header("Content-Type")).isEqualTo("application/x-ndjson");
        assertThat(jsonl.header("Content-Disposition")).matches("attachment; filename=\"vigil-events-\\d{8}T\\d{6}Z\\.jsonl\"");
        List<JsonNode> exported = jsonl.body().lines().map(line -> new Response(200, Map.of(), line).json()).toList();
        List<JsonNode> listed = new ArrayList<>(list("/api/v1/events?resource=db01").get("events").values());
        Collections.reverse(listed);
        assertThat(listed).hasSize(3);
        assertThat(exported).containsExactlyElementsOf(listed);
        assertThat(jsonl.body()).endsWith("}\n");
    }

    @Test
    void shouldExportEveryMatchingEventOnceInOrderAcrossBatches() {
        Response csv = api.get("/api/v1/events/export?format=csv&source=bulk", token(Role.OPERATOR));

        List<Long> exported = csv.body().lines().skip(1).map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList();
        assertThat(exported).hasSize(BULK).containsExactlyElementsOf(bulkIds);
        assertThat(api.get("/api/v1/events/export?format=jsonl&source=nobody", token(Role.OPERATOR)).body()).isEmpty();
        assertThat(api.get("/api/v1/events/export?format=csv&source=nobody", token(Role.OPERATOR)).body().lines()).hasSize(1);
    }

    @Test
    void shouldLetTheRolesThatReadEventsExport() {
        assertThat(api.get("/api/v1/events/export?format=csv", token(Role.AUDITOR)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/export?format=csv", token(Role.INTEGRATOR)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/events/export?format=csv", Auth.NONE).status()).isEqualTo(401);
    }

    @Test
    void shouldFilterTheConsolePageAndExportFromItWithTheSession() {
        ConsoleSession admin = new ConsoleSession(port);
        admin.login("admin", TestServer.ADMIN_PASSWORD);

        String page = admin.get("/console/events?resource=db01&status=CRITICAL&status=WARNING&check=").body();

        assertThat(page).contains("name=\"resource\" value=\"db01\"").contains("value=\"CRITICAL\" checked")
                .contains("href=\"/console/events/export?resource=db01&amp;status=WARNING,CRITICAL&amp;format=csv\"")
                .contains("href=\"/console/events/" + ids.get(0) + "\"").contains("href=\"/console/events/" + ids.get(2) + "\"")
                .doesNotContain("href=\"/console/events/" + ids.get(1) + "\"").doesNotContain("data-live-source");
        Response csv = admin.get("/console/events/export?resource=db01&status=WARNING,CRITICAL&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.body().lines()).hasSize(4);
        assertThat(admin.get("/console/events").body()).contains("data-live-source=\"/console/events/stream?after=");
        assertThat(admin.get("/console/events?status=green").status()).isEqualTo(400);
    }

    private JsonNode list(String path) {
        Response response = api.get(path, token(Role.ANALYST));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String refusal(String path) {
        Response response = api.get(path, token(Role.ANALYST));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json().get("detail").asString();
    }

    private List<Long> post(String json) {
        Response response = api.postJson("/api/v1/events", token(Role.INTEGRATOR), json);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("ids").values().stream().map(JsonNode::asLong).toList();
    }

    private static List<Long> idsOf(JsonNode page) {
        return page.get("events").values().stream().map(e -> e.get("id").asLong()).toList();
    }

    private static String event(String source, String resource, String check, String status, String occurredAt) {
        return ApiClient.json(Map.of("source", source, "resource", resource, "check", check, "status", status,
                "occurredAt", occurredAt, "message", check + " is " + status));
    }
}
