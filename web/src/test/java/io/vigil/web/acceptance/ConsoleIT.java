package io.vigil.web.acceptance;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console as a person uses it: log in, watch events arrive live, work an incident, check the audit trail. */
class ConsoleIT extends ServerTestSupport {

    private static final Duration PIPELINE = Duration.ofSeconds(20);

    ConsoleSession admin;

    @BeforeEach
    void logIn() {
        admin = new ConsoleSession(port);
        assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void shouldSendPeopleToTheAlertConsoleAfterLogin() {
        Response home = admin.get("/");

        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/console/alerts");
    }

    @Test
    void shouldShowEventsNewestFirst() {
        post("{\"source\":\"nagios\",\"resource\":\"older-host\",\"message\":\"first\"}");
        post("{\"source\":\"nagios\",\"resource\":\"newer-host\",\"message\":\"second <b>bold</b>\"}");

        String page = admin.get("/console/events").body();

        assertThat(page).contains("data-live-source=\"/console/events/stream?after=");
        assertThat(page.indexOf("newer-host")).isLessThan(page.indexOf("older-host"));
        assertThat(page).contains("second &lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void shouldStreamNewEventsAsTableRows() {
        String data = admin.awaitStreamData("/console/events/stream?after=" + Long.MAX_VALUE / 2, "rows",
                d -> d.contains("streamed-host"), () -> { }, Duration.ofSeconds(2));
        assertThat(data).as("nothing newer than the page's last id").isNull();

        String rows = admin.awaitStreamData("/console/events/stream?after=0", "rows", d -> d.contains("streamed-host"),
                () -> post("{\"source\":\"nagios\",\"resource\":\"streamed-host\",\"check\":\"cpu\"}"), PIPELINE);

        assertThat(rows).contains("<tr").contains("streamed-host").contains("href=\"/console/events/");
    }

    @Test
    void shouldWorkAnIncidentWithTheButtons() {
        long eventId = post("{\"source\":\"nagios\",\"resource\":\"web09\",\"check\":\"http\",\"status\":\"CRITICAL\"}");
        long incidentId = awaitIncident("web09");
        String page = "/console/incidents/" + incidentId;

        String detail = admin.get(page).body();
        assertThat(detail).contains("Acknowledge").contains("event " + eventId).contains("Open incident for critical alert")
                .contains("&quot;resource&quot;:&quot;web09&quot;");

        Response acknowledged = admin.submit(page, page + "/acknowledge");
        assertThat(acknowledged.status()).isEqualTo(302);
        assertThat(acknowledged.header("Location")).endsWith(page);
        String afterAck = admin.get(page).body();
        assertThat(afterAck).contains("Incident " + incidentId + " acknowledged.").contains(">ACKNOWLEDGED<")
                .contains("by admin");

        admin.submit(page, page + "/acknowledge");
        assertThat(admin.get(page).body()).contains("class=\"notice error\"")
                .contains("has no Acknowledge task waiting (it waits for Investigate)");

        admin.submit(page, page + "/resolve");
        assertThat(admin.get(page).body()).contains("Incident " + incidentId + " resolved.").contains(">RESOLVED<");
        assertThat(admin.get("/console/incidents/rows?state=RESOLVED").body()).contains(">web09/http<");
    }

    @Test
    void shouldOfferOnlyTheStepsThatApplyToWhereTheIncidentStands() {
        post("{\"source\":\"nagios\",\"resource\":\"steps-host\",\"check\":\"http\",\"status\":\"CRITICAL\"}");
        String page = "/console/incidents/" + awaitIncident("steps-host");

        String open = admin.get(page).body();
        assertThat(button(open, "Acknowledge")).contains("title=\"Take the incident: stops its escalation\"");
        assertThat(open).contains(">Snooze</button>", ">Investigate</button>", ">Resolve</button>")
                .doesNotContain(">Close</button>").contains("<dt>Waits for</dt><dd class=\"waiting-for\">Acknowledge</dd>");

        admin.submit(page, page + "/acknowledge");
        String acknowledged = admin.get(page).body();
        assertThat(acknowledged).doesNotContain(">Acknowledge</button>", ">Snooze</button>")
                .contains(">Investigate</button>", ">Resolve</button>");

        admin.submit(page, page + "/resolve");
        String resolved = admin.get(page).body();
        assertThat(resolved).contains(">Close</button>").doesNotContain(">Investigate</button>", ">Resolve</button>");
    }

    @Test
    void shouldShowTheElementsStatusNowAndResolveTheSelectedIncidentsInOneStep() {
        long recovered = incidentFor("bulk-recovered");
        long stillCritical = incidentFor("bulk-critical");
        post("{\"source\":\"nagios\",\"resource\":\"bulk-recovered\",\"check\":\"ping\",\"status\":\"NORMAL\"}");
        Eventually.await("bulk-recovered back to NORMAL", PIPELINE, () -> Optional.of(row(admin.get("/console/incidents").body(), recovered))
                .filter(row -> row.contains("class=\"badge NORMAL\">NORMAL<")));

        String filtered = admin.get("/console/incidents?state=UNRESOLVED&currentStatus=NORMAL").body();
        assertThat(filtered).contains("data-incident=\"" + recovered + "\"").doesNotContain("data-incident=\"" + stillCritical + "\"");
        assertThat(row(filtered, recovered)).contains("name=\"ids\" value=\"" + recovered + "\"").contains(">bulk-recovered/ping<");
        assertThat(filtered).contains("Resolve selected").doesNotContain("onchange=");
        assertThat(admin.get("/console/incidents/rows?state=UNRESOLVED&currentStatus=NORMAL").body())
                .contains("data-incident=\"" + recovered + "\"").doesNotContain("data-incident=\"" + stillCritical + "\"");

        Response resolved = admin.postForm("/console/incidents/resolve", "ids=" + recovered + "&ids=" + stillCritical
                + "&ids=999999&state=UNRESOLVED&currentStatus=NORMAL&_csrf=" + ConsoleSession.csrfToken(filtered));

        assertThat(resolved.status()).isEqualTo(302);
        assertThat(resolved.header("Location")).endsWith("/console/incidents?state=UNRESOLVED&currentStatus=NORMAL");
        assertThat(admin.get("/console/incidents?state=UNRESOLVED&currentStatus=NORMAL").body()).contains("Resolved 2 incidents.")
                .contains("Not resolved: incident 999999 has no running process (it does not exist or was closed).");
        String after = admin.get("/console/incidents").body();
        assertThat(row(after, recovered)).contains(">RESOLVED<").doesNotContain("name=\"ids\"");
        assertThat(row(after, stillCritical)).contains(">RESOLVED<");
        String detail = admin.get("/console/incidents/" + recovered).body();
        assertThat(detail).contains("task Acknowledge completed").contains("task Resolve completed").contains("by admin");
    }

    @Test
    void shouldAskForASelectionBeforeResolving() {
        String list = admin.get("/console/incidents").body();

        admin.postForm("/console/incidents/resolve", "_csrf=" + ConsoleSession.csrfToken(list));

        assertThat(admin.get("/console/incidents").body()).contains("Select the incidents to resolve first.");
    }

    @Test
    void shouldShowTimesAsUtcForTheBrowserToMakeLocal() {
        post("{\"source\":\"nagios\",\"resource\":\"time-host\",\"check\":\"cpu\",\"status\":\"CRITICAL\"}");
        long incidentId = awaitIncident("time-host");

        Pattern utc = Pattern.compile("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC</time>");
        assertThat(utc.matcher(admin.get("/console/events").body()).find()).as("events list").isTrue();
        assertThat(utc.matcher(row(admin.get("/console/incidents").body(), incidentId)).find()).as("incidents list").isTrue();
        assertThat(utc.matcher(admin.get("/console/incidents/" + incidentId).body()).find()).as("incident page").isTrue();
        assertThat(admin.get("/console/audit").body()).containsPattern("<time datetime=\"[^\"]+Z\" data-precision=\"ms\">[^<]+ UTC</time>");
    }

    @Test
    void shouldShowWhatAFiringDidByKindAndFieldsWithReadableTimes() {
        post("{\"source\":\"nagios\",\"resource\":\"outcome-host\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
        long incidentId = awaitIncident("outcome-host");
        String firingLink = Pattern.compile("/console/audit/firings/\\d+").matcher(admin.get("/console/incidents/" + incidentId).body())
                .results().findFirst().orElseThrow().group();

        String firing = admin.get(firingLink).body();

        assertThat(firing).contains("<strong>incident-opened</strong>").doesNotContain("IncidentOpened[")
                .contains("<span class=\"name\">incidentId</span>").contains("<span class=\"value\">" + incidentId + "</span>")
                .contains("<span class=\"value\">outcome-host/disk is CRITICAL</span>")
                .containsPattern("<span class=\"name\">at</span>\\s*<time datetime=\"[^\"]+Z\"")
                .doesNotContain(">service</span>");
    }

    /** The rule behind an operator's incident is theirs to read; the auditors' list of firings is not. */
    @Test
    void shouldLetAnOperatorFollowTheRuleLinkOfAnIncidentWithoutOfferingTheAuditList() {
        post("{\"source\":\"nagios\",\"resource\":\"operator-host\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
        long incidentId = awaitIncident("operator-host");
        Response created = api.postJson("/api/v1/users", TestServer.ADMIN, ApiClient.json(Map.of("username", "olga",
                "password", "night-shift-operator", "roles", List.of("OPERATOR"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ConsoleSession olga = new ConsoleSession(port);
        assertThat(olga.login("olga", "night-shift-operator").status()).isEqualTo(302);
        String firingLink = Pattern.compile("/console/audit/firings/\\d+").matcher(olga.get("/console/incidents/" + incidentId)
                .body()).results().findFirst().orElseThrow().group();

        Response firing = olga.get(firingLink);

        assertThat(firing.status()).isEqualTo(200);
        assertThat(firing.body()).contains("operator-host/disk").doesNotContain("href=\"/console/audit\"");
        assertThat(olga.get("/console/audit").status()).isEqualTo(403);
        assertThat(admin.get(firingLink).body()).contains("href=\"/console/audit\"");
    }

    @Test
    void shouldRefuseButtonsWithoutCsrfToken() {
        Response forged = admin.postForm("/console/incidents/1/acknowledge", "");

        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void shouldListFiringsAndVerifyTheChain() {
        post("{\"source\":\"nagios\",\"resource\":\"audit-host\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
        awaitIncident("audit-host");

        String firings = admin.get("/console/audit?rule=Open+incident+for+critical+alert").body();
        String verify = admin.get("/console/audit/verify").body();

        assertThat(firings).contains("Open incident for critical alert").contains("audit-host/disk");
        Matcher firingLink = Pattern.compile("href=\"/console/audit/firings/(\\d+)\"").matcher(firings);
        assertThat(firingLink.find()).isTrue();
        assertThat(admin.get("/console/audit/firings/" + firingLink.group(1)).body()).contains("<td>Alert</td>").contains("audit-host/disk CRITICAL OPEN");
        assertThat(verify).contains("Chain intact:");

        long incidentId = awaitIncident("audit-host");
        String behind = admin.get("/console/audit?incident=" + incidentId).body();
        assertThat(behind).as("the firings behind the incident, its alert's included").contains("Open incident for critical alert")
                .contains("Count a problem report into the alert of its key");
        Response csv = admin.get("/console/audit/firings.csv?rule=Open+incident+for+critical+alert");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,fired_at,rule,package,rule_set_version,").contains("audit-host/disk");
    }

    @Test
    void shouldShowAnErrorPageNotJsonForAMissingIncident() {
        Response missing = admin.get("/console/incidents/999999");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.body()).contains("404");
    }

    @Test
    void shouldKeepAnalystsAwayFromButtonsAndAudit() {
        api.postJson("/api/v1/users", TestServer.ADMIN, "{\"username\":\"ana\",\"password\":\"reads-events-only-1\",\"roles\":[\"ANALYST\"]}");
        ConsoleSession analyst = new ConsoleSession(port);
        analyst.login("ana", "reads-events-only-1");

        assertThat(analyst.get("/console/events").status()).isEqualTo(200);
        assertThat(analyst.get("/console/audit").status()).isEqualTo(403);
        assertThat(analyst.submit("/console/events", "/console/incidents/1/acknowledge").status()).isEqualTo(403);
    }

    private long post(String json) {
        Response response = api.postJson("/api/v1/events", token(Role.INTEGRATOR), json);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("ids").get(0).asLong();
    }

    private long incidentFor(String resource) {
        post("{\"source\":\"nagios\",\"resource\":\"" + resource + "\",\"check\":\"ping\",\"status\":\"CRITICAL\"}");
        return awaitIncident(resource);
    }

    /** The list row of an incident. */
    private static String row(String page, long incidentId) {
        Matcher row = Pattern.compile("<tr data-incident=\"" + incidentId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("a row for incident " + incidentId).isTrue();
        return row.group(1);
    }

    /** The form button with this label. */
    private static String button(String page, String label) {
        Matcher button = Pattern.compile("<button[^>]*>" + label + "</button>").matcher(page);
        assertThat(button.find()).as("a " + label + " button").isTrue();
        return button.group();
    }

    private long awaitIncident(String resource) {
        return Eventually.await("an incident for " + resource, PIPELINE, () ->
                api.get("/api/v1/incidents", token(Role.OPERATOR)).json().get("incidents").values().stream()
                        .filter(i -> i.get("resource").asString().equals(resource))
                        .map(i -> i.get("id").asLong()).findFirst());
    }
}
