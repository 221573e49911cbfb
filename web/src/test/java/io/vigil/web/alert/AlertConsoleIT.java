package io.vigil.web.alert;

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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert console through HTTP as a browser uses it: the list, its live stream, actions, one alert, who may do what. */
class AlertConsoleIT extends ServerTestSupport {

    private static final Pattern ROW_ID = Pattern.compile("<tr[^>]*\\sdata-alert=\"(\\d+)\"");

    private ConsoleSession admin;
    private AlertReports reports;

    @BeforeEach
    void logIn() {
        admin = new ConsoleSession(port);
        assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(302);
        reports = new AlertReports(api, token(Role.INTEGRATOR), token(Role.OPERATOR));
    }

    @Test
    void shouldListActiveAlertsColouredByStatusFilteredAndSortedAsTheUrlSays() {
        reports.report("list-db01", "disk", "CRITICAL");
        reports.report("list-web01", "load", "WARNING");
        reports.report("list-web01", "load", "WARNING");
        long db = reports.alertId("list-db01/disk");
        long web = reports.awaitAlert("list-web01/load", a -> a.get("count").asLong() == 2).get("id").asLong();

        String page = admin.get("/console/alerts?q=list-").body();
        assertThat(ids(page)).containsExactly(web, db);
        assertThat(row(page, db)).contains("<tr class=\"alert status-CRITICAL\"").contains(">list-db01/disk<")
                .contains("<span class=\"pill OPEN\">OPEN</span>").contains("disk on list-db01 is CRITICAL")
                .contains("name=\"ids\" value=\"" + db + "\"").containsPattern("<time datetime=\"[^\"]+Z\">");
        assertThat(page).contains("data-alert-stream=\"/console/alerts/stream?q=list-&amp;seen=")
                .contains("data-first-page=\"true\"").contains("data-move-to-top=\"true\"");

        assertThat(ids(admin.get("/console/alerts?q=list-&status=CRITICAL").body())).containsExactly(db);
        assertThat(ids(admin.get("/console/alerts?q=list-&sort=status").body())).containsExactly(db, web);
        assertThat(ids(admin.get("/console/alerts?q=list-&sort=report_count").body())).containsExactly(web, db);
        assertThat(ids(admin.get("/console/alerts?q=list-&kind=SERVICE").body())).isEmpty();
        assertThat(ids(admin.get("/console/alerts?q=list-&state=CLEARED").body())).isEmpty();
        Response bad = admin.get("/console/alerts?sort=colour");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void shouldCountTheAlertsOfEachActiveStateAtTheTop() {
        reports.alertId(key(reports, "count-host"));
        long open = openAlerts().size();

        String counts = between(admin.get("/console/alerts").body(), "<nav id=\"alert-counts\"", "</nav>");

        assertThat(counts).contains("href=\"/console/alerts?state=OPEN\"")
                .contains("<span>OPEN</span> <strong>" + open + "</strong>")
                .contains("href=\"/console/alerts?state=CLEARED\"");
    }

    @Test
    void shouldPageAHundredAtATimeAfterTheLastRowShown() {
        String events = IntStream.rangeClosed(1, 101).mapToObj(i -> "{\"source\":\"nagios\",\"resource\":\"page-" + i
                + "\",\"check\":\"ping\",\"status\":\"WARNING\"}").collect(Collectors.joining(",", "[", "]"));
        assertThat(api.postJson("/api/v1/events", token(Role.INTEGRATOR), events).status()).isEqualTo(202);
        reports.alertId("page-101/ping");
        Eventually.await("101 alerts", AlertReports.PIPELINE, () -> Optional.of(api.get("/api/v1/alerts?q=page-&limit=200",
                token(Role.OPERATOR)).json().get("alerts").size()).filter(n -> n == 101));

        String first = admin.get("/console/alerts?q=page-&sort=newest").body();
        List<Long> firstIds = ids(first);
        assertThat(firstIds).hasSize(100);
        String next = "/console/alerts?q=page-&sort=newest&before=" + firstIds.get(99);
        assertThat(first).contains("href=\"" + next.replace("&", "&amp;") + "\">Next page »</a>")
                .doesNotContain("First page");

        String second = admin.get(next).body();
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(firstIds);
        assertThat(second).doesNotContain("Next page").contains("data-first-page=\"false\"")
                .contains("href=\"/console/alerts?q=page-&amp;sort=newest\">« First page</a>");
    }

    @Test
    void shouldActOnTheTickedAlertsAndComeBackToTheSameListSayingWhatBecameOfEach() {
        long first = reports.alertId(key(reports, "bulk-a"));
        long second = reports.alertId(key(reports, "bulk-b"));
        assertThat(api.postJson("/api/v1/alerts/" + second + "/acknowledge", token(Role.OPERATOR), "").status()).isEqualTo(200);
        String list = "/console/alerts?state=OPEN,ACKNOWLEDGED&q=bulk-&sort=report_count";
        String csrf = ConsoleSession.csrfToken(admin.get(list).body());

        Response acknowledged = admin.postForm("/console/alerts/acknowledge", "ids=" + first + "&ids=" + second
                + "&state=OPEN,ACKNOWLEDGED&status=&kind=&q=bulk-&sort=report_count&before=&for=1h&assignee=&_csrf=" + csrf);

        assertThat(acknowledged.status()).isEqualTo(302);
        assertThat(acknowledged.header("Location")).endsWith(list);
        assertThat(notice(admin.get(list).body())).isEqualTo("<p class=\"notice error\">1 alert acknowledged, 1 refused:"
                + " alert " + second + " is ACKNOWLEDGED: only an OPEN alert can be acknowledged</p>");

        admin.postForm("/console/alerts/shelve", "ids=" + first + "&ids=" + second + "&for=4h&q=bulk-&_csrf=" + csrf);
        String shelved = admin.get("/console/alerts?q=bulk-").body();
        assertThat(notice(shelved)).isEqualTo("<p class=\"notice ok\">2 alerts shelved for 4h</p>");
        assertThat(row(shelved, first)).contains("<span class=\"pill SHELVED\">SHELVED</span>")
                .containsPattern("until <time datetime=\"[^\"]+Z\">");

        admin.postForm("/console/alerts/assign", "ids=" + first + "&assignee=carol&q=bulk-&_csrf=" + csrf);
        String assigned = admin.get("/console/alerts?q=bulk-").body();
        assertThat(notice(assigned)).isEqualTo("<p class=\"notice ok\">1 alert assigned to carol</p>");
        assertThat(row(assigned, first)).contains("<span class=\"assignee\" title=\"Assigned to\">→ carol</span>");

        admin.postForm("/console/alerts/assign", "ids=" + first + "&assignee=" + "x".repeat(300) + "&q=bulk-&_csrf=" + csrf);
        assertThat(notice(admin.get("/console/alerts?q=bulk-").body()))
                .isEqualTo("<p class=\"notice error\">&quot;assignee&quot; is 300 characters long, at most 255</p>");

        admin.postForm("/console/alerts/clear", "q=bulk-&_csrf=" + csrf);
        assertThat(notice(admin.get("/console/alerts?q=bulk-").body()))
                .isEqualTo("<p class=\"notice error\">Select the alerts first.</p>");
        assertThat(admin.postForm("/console/alerts/silence", "ids=" + first + "&_csrf=" + csrf).status()).isEqualTo(404);
    }

    @Test
    void shouldShowOneAlertWithItsHistoryAndOnlyTheActionsItsStateAllows() {
        long eventId = reports.report("detail-db02", "mysql", "CRITICAL");
        long id = reports.alertId("detail-db02/mysql");
        String page = "/console/alerts/" + id;

        String open = admin.get(page).body();
        assertThat(open).contains(">detail-db02/mysql</span>").contains("<dd class=\"mono\">detail-db02/mysql</dd>")
                .contains(">Acknowledge</button>").doesNotContain(">Unacknowledge</button>")
                .doesNotContain(">Unshelve</button>").contains(">Shelve</button>").contains(">Add note</button>");
        String opened = history(open).get(0);
        assertThat(opened).contains("<td>OPENED</td>").contains("href=\"/console/events/" + eventId + "\"")
                .containsPattern("href=\"/console/audit/firings/\\d+\"").contains("<td class=\"muted\">the rules</td>");

        String csrf = ConsoleSession.csrfToken(open);
        Response acknowledged = admin.postForm(page + "/acknowledge", "_csrf=" + csrf);
        assertThat(acknowledged.header("Location")).endsWith(page);
        String afterAck = admin.get(page).body();
        assertThat(notice(afterAck)).isEqualTo("<p class=\"notice ok\">1 alert acknowledged</p>");
        assertThat(afterAck).doesNotContain(">Acknowledge</button>").contains(">Unacknowledge</button>");

        admin.postForm(page + "/notes", "text=" + "restarting+mysql&_csrf=" + csrf);
        assertThat(notice(admin.get(page).body())).isEqualTo("<p class=\"notice ok\">1 alert annotated</p>");
        admin.postForm(page + "/acknowledge", "_csrf=" + csrf);
        assertThat(notice(admin.get(page).body())).isEqualTo("<p class=\"notice error\">0 alerts acknowledged, 1 refused: alert "
                + id + " is ACKNOWLEDGED: only an OPEN alert can be acknowledged</p>");
        admin.postForm(page + "/clear", "_csrf=" + csrf);

        String cleared = admin.get(page).body();
        assertThat(cleared).contains("Cleared: nothing more can be done with this alert.")
                .doesNotContain("action=\"/console/alerts/" + id);
        List<String> lines = history(cleared);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("<td>ACKNOWLEDGED</td>").contains("<td>admin</td>");
        assertThat(lines.get(2)).contains("<td>NOTE</td>").contains("<td class=\"message\">restarting mysql</td>");
        assertThat(lines.get(3)).contains("<td>CLEARED</td>").contains("<span class=\"pill CLEARED\">CLEARED</span>");
        assertThat(admin.get("/console/alerts/999999").status()).isEqualTo(404);
    }

    @Test
    void shouldShowAnalystsTheAlertsWithoutAnyButtonAndRefuseWhatTheyPost() {
        long id = reports.alertId(key(reports, "analyst-host"));
        Response created = api.postJson("/api/v1/users", TestServer.ADMIN, ApiClient.json(Map.of("username", "ana",
                "password", "reads-alerts-only-1", "roles", List.of("ANALYST"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ConsoleSession analyst = new ConsoleSession(port);
        assertThat(analyst.login("ana", "reads-alerts-only-1").status()).isEqualTo(302);

        String list = analyst.get("/console/alerts?q=analyst-host").body();
        String detail = analyst.get("/console/alerts/" + id).body();

        assertThat(ids(list)).containsExactly(id);
        assertThat(list).doesNotContain("name=\"ids\"").doesNotContain("data-select-all").doesNotContain("formaction=");
        assertThat(detail).contains("<td>OPENED</td>").doesNotContain("action=\"/console/alerts/" + id);
        assertThat(detail).as("the rule behind it is the analyst's to read").containsPattern("href=\"/console/audit/firings/\\d+\"");
        String csrf = ConsoleSession.csrfToken(list);
        assertThat(analyst.postForm("/console/alerts/acknowledge", "ids=" + id + "&_csrf=" + csrf).status()).isEqualTo(403);
        assertThat(analyst.postForm("/console/alerts/" + id + "/acknowledge", "_csrf=" + csrf).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/alerts/" + id, token(Role.OPERATOR)).json().get("alert").get("state").asString())
                .isEqualTo("OPEN");
    }

    @Test
    void shouldStreamTheRowsOfNewAndChangedAlertsThatTheFilterShows() {
        String rows = admin.awaitStreamData("/console/alerts/stream?q=stream-host", "alerts", d -> d.contains("stream-host"),
                () -> reports.report("stream-host", "cpu", "CRITICAL"), AlertReports.PIPELINE);

        long id = reports.alertId("stream-host/cpu");
        assertThat(row(rows, id)).contains("<tr class=\"alert status-CRITICAL fresh\"")
                .contains(">stream-host/cpu</span>").contains("name=\"ids\" value=\"" + id + "\"")
                .contains("href=\"/console/alerts/" + id + "\"");

        String gone = admin.awaitStreamData("/console/alerts/stream?state=OPEN&q=stream-host", "gone", d -> true,
                () -> api.postJson("/api/v1/alerts/" + id + "/acknowledge", token(Role.OPERATOR), ""), AlertReports.PIPELINE);
        assertThat(gone).isEqualTo(id + "\n");

        String counts = admin.awaitStreamData("/console/alerts/stream?q=stream-host", "counts", d -> true,
                () -> reports.report("stream-host", "cpu", "CRITICAL"), AlertReports.PIPELINE);
        assertThat(counts).contains("<nav id=\"alert-counts\"").contains("<span>ACKNOWLEDGED</span>");
    }

    @Test
    void shouldTellAPageThatMissedChangesToReload() {
        reports.alertId(key(reports, "reload-host"));
        // The feed counts a batch just after its commit, so the alert can be visible a moment before
        // the count moves: wait until the pages' count is past 0 and holds still.
        long current = Eventually.await("the alert feed's count past 0 and settled", Duration.ofSeconds(10), () -> {
            long before = seenOnAlertsPage();
            sleep(Duration.ofMillis(600));
            return before > 0 && seenOnAlertsPage() == before ? Optional.of(before) : Optional.empty();
        });

        assertThat(admin.awaitStreamData("/console/alerts/stream?seen=0", "reload", d -> true, () -> { },
                Duration.ofSeconds(5))).isEqualTo("reload\n");
        assertThat(admin.awaitStreamData("/console/alerts/stream?seen=" + current, "reload", d -> true, () -> { },
                Duration.ofSeconds(2))).as("nothing changed since the page was read").isNull();
    }

    /** The feed's count the alert page hands its stream as {@code seen}. */
    private long seenOnAlertsPage() {
        return Long.parseLong(Pattern.compile("seen=(\\d+)").matcher(admin.get("/console/alerts").body()).results()
                .findFirst().orElseThrow().group(1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Reports a CRITICAL problem for {@code resource}; answers the key of its alert. */
    private static String key(AlertReports reports, String resource) {
        reports.report(resource, "ping", "CRITICAL");
        return resource + "/ping";
    }

    private List<Long> openAlerts() {
        return api.get("/api/v1/alerts?state=OPEN&limit=1000", token(Role.OPERATOR)).json().get("alerts").values().stream()
                .map(a -> a.get("id").asLong()).toList();
    }

    /** The ids of the rows of a list page, top to bottom. */
    private static List<Long> ids(String page) {
        return ROW_ID.matcher(page).results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    private static String row(String page, long id) {
        Matcher row = Pattern.compile("<tr[^>]*\\sdata-alert=\"" + id + "\".*?</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("a row for alert " + id).isTrue();
        return row.group();
    }

    private static List<String> history(String page) {
        return Pattern.compile("<tr data-history=\"\\d+\">(.*?)</tr>", Pattern.DOTALL).matcher(page).results()
                .map(m -> m.group(1).replaceAll("\\s+", " ").replace("> <", "><")).toList();
    }

    private static String notice(String page) {
        Matcher notice = Pattern.compile("<p class=\"notice [a-z]+\">[^<]*</p>").matcher(page);
        assertThat(notice.find()).as("a notice on the page").isTrue();
        return notice.group();
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from) + end.length()).replaceAll("\\s+", " ");
    }
}
