package io.vigil.web.alert;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's silences page on a real server and MariaDB: creating one through the form (which
 * then silences a matching alert), a form with a bad matcher coming back with its values and the
 * problems, the preview, "Expire now", and an analyst who may look but not act.
 */
class SilenceConsoleIT extends AlertServerTestSupport {

    private static final String FORM = "/console/silences/new";

    ConsoleSession admin;

    @BeforeEach
    void logIn() {
        admin = new ConsoleSession(port);
        assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void shouldCreateASilenceThroughTheFormThatSilencesAMatchingAlert() {
        Response created = submitForm("resource=\"console-db01\"\ncheck=~\"disk|mysql\"", "", "storage migration CHG-7");

        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.header("Location")).endsWith("/console/silences?state=ACTIVE");
        JsonNode silence = silenceWithComment("storage migration CHG-7").orElseThrow();
        long id = silence.get("id").asLong();
        assertThat(silence.get("createdBy").asString()).isEqualTo("admin");
        assertThat(Duration.between(Instant.parse(silence.get("startsAt").asString()),
                Instant.parse(silence.get("endsAt").asString()))).isEqualTo(Duration.ofHours(1));
        String page = admin.get("/console/silences?state=ACTIVE").body();
        assertThat(page).contains("Silence " + id + " created.").contains("data-silence=\"" + id + "\"")
                .contains("<code class=\"matcher\">resource=&quot;console-db01&quot;</code>")
                .contains("<code class=\"matcher\">check=~&quot;disk|mysql&quot;</code>")
                .contains(">storage migration CHG-7<").contains("<td>admin</td>")
                .contains("class=\"active\">Silences</a>");

        report("console-db01", "mysql", "CRITICAL");

        JsonNode alert = awaitAlert("console-db01/mysql", a -> a.has("silencedBy") && !a.get("silencedBy").isNull());
        assertThat(alert.get("silencedBy").asString()).isEqualTo(Long.toString(id));
    }

    @Test
    void shouldComeBackWithTheValuesAndEveryProblemOfABadForm() {
        Response refused = submitForm("resource=\"kept-db02\"\ncheck=~\"disk(\"", "2026-12-01T21:00", " ");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("The silence was not created:")
                .contains("<li>line 2: matcher &quot;check=~\\&quot;disk(\\&quot;&quot;: invalid regex: Unclosed group near index 5</li>")
                .contains("<li>comment: expected 1 to 1024 characters of text</li>")
                .contains(">resource=&quot;kept-db02&quot;\ncheck=~&quot;disk(&quot;</textarea>")
                .contains("name=\"end\" value=\"2026-12-01T21:00\"");
        assertThat(silenceWithComment(" ")).isEmpty();
        assertThat(api.get("/api/v1/silences", token(Role.OPERATOR)).body()).doesNotContain("kept-db02");
    }

    @Test
    void shouldPreviewTheActiveAlertsTheMatchersSelectWithoutCreatingAnything() {
        report("preview-web01", "http", "CRITICAL");
        awaitAlert("preview-web01/http", a -> true);
        String matchers = encode("resource=~\"preview-web0[0-9]\"\n\ncheck=\"http\"");

        String fragment = admin.get("/console/silences/preview?matchers=" + matchers).body();
        String page = admin.get(FORM + "?matchers=" + matchers).body();

        assertThat(fragment).contains("Selects 1 of the ").contains("<tr data-alert=\"preview-web01/http\">")
                .contains("class=\"badge CRITICAL\">CRITICAL<").contains("class=\"badge OPEN\">OPEN<")
                .doesNotContain("<html");
        assertThat(page).contains("<tr data-alert=\"preview-web01/http\">")
                .contains(">resource=~&quot;preview-web0[0-9]&quot;\n\ncheck=&quot;http&quot;</textarea>");
        assertThat(admin.get("/console/silences/preview?matchers=" + encode("resource=\"nothing-here\"")).body())
                .contains("Selects 0 of the ").doesNotContain("data-alert=");
        assertThat(admin.get("/console/silences/preview?matchers=" + encode("resource=db01")).body())
                .contains("<li>line 1: matcher &quot;resource=db01&quot;: expected name, operator (=, !=, =~, !~) and a quoted value</li>");
        assertThat(api.get("/api/v1/silences", token(Role.OPERATOR)).json().get("silences").values().stream()
                .map(s -> s.get("matchers").toString())).noneMatch(m -> m.contains("preview-web0"));
    }

    @Test
    void shouldExpireASilenceNowAndSayWhenItCannot() {
        long id = createThroughApi("expire-db03", "expire me");
        String list = admin.get("/console/silences").body();
        assertThat(row(list, id)).contains("Expire now");

        Response expired = admin.postForm("/console/silences/" + id + "/expire",
                form(Map.of("_csrf", ConsoleSession.csrfToken(list), "state", "ACTIVE")));

        assertThat(expired.status()).isEqualTo(302);
        assertThat(expired.header("Location")).endsWith("/console/silences?state=ACTIVE");
        String after = admin.get("/console/silences?state=ACTIVE").body();
        assertThat(after).contains("Silence " + id + " expired.").doesNotContain("data-silence=\"" + id + "\"");
        assertThat(row(admin.get("/console/silences?state=EXPIRED").body(), id)).contains("expired early")
                .contains("by <span>admin</span>").doesNotContain("Expire now");
        Response again = admin.postForm("/console/silences/" + id + "/expire", form(Map.of("_csrf", ConsoleSession.csrfToken(after))));
        assertThat(follow(again).body()).contains("class=\"notice error\"")
                .contains("silence " + id + " is not active or pending (it does not exist or has ended)");
    }

    @Test
    void shouldShowAnAnalystTheSilencesButNoButtons() {
        long id = createThroughApi("analyst-db04", "look, don't touch");
        Response user = api.postJson("/api/v1/users", TestServer.ADMIN, ApiClient.json(Map.of("username", "ana",
                "password", "reads-silences-only-1", "roles", List.of("ANALYST"))));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        ConsoleSession analyst = new ConsoleSession(port);
        assertThat(analyst.login("ana", "reads-silences-only-1").status()).isEqualTo(302);

        Response list = analyst.get("/console/silences");
        Response form = analyst.get(FORM);

        assertThat(list.status()).isEqualTo(200);
        assertThat(row(list.body(), id)).contains(">look, don&#39;t touch<").doesNotContain("Expire now");
        assertThat(list.body()).doesNotContain("New silence");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Only operators create silences.").doesNotContain("<textarea");
        String csrf = ConsoleSession.csrfToken(list.body());
        assertThat(analyst.postForm("/console/silences/" + id + "/expire", form(Map.of("_csrf", csrf))).status())
                .isEqualTo(403);
        assertThat(analyst.postForm("/console/silences", form(Map.of("_csrf", csrf, "matchers", "resource=\"x\"",
                "duration", "1h", "comment", "no"))).status()).isEqualTo(403);
        assertThat(silenceWithComment("look, don't touch").orElseThrow().get("state").asString()).isEqualTo("ACTIVE");
    }

    private Response submitForm(String matchers, String end, String comment) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", ConsoleSession.csrfToken(admin.get(FORM).body()));
        fields.put("matchers", matchers);
        fields.put("start", "");
        fields.put("duration", "1h");
        fields.put("end", end);
        fields.put("zone", "UTC");
        fields.put("comment", comment);
        return admin.postForm("/console/silences", form(fields));
    }

    private long createThroughApi(String resource, String comment) {
        Response created = api.postJson("/api/v1/silences", token(Role.OPERATOR), ApiClient.json(Map.of(
                "matchers", List.of("resource=\"" + resource + "\""),
                "endsAt", Instant.now().plus(Duration.ofHours(2)).toString(), "comment", comment)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private Optional<JsonNode> silenceWithComment(String comment) {
        return api.get("/api/v1/silences", token(Role.OPERATOR)).json().get("silences").values().stream()
                .filter(s -> comment.equals(s.get("comment").asString())).findFirst();
    }

    /** The page a redirect leads to, with the message it carries. */
    private Response follow(Response redirect) {
        assertThat(redirect.status()).isEqualTo(302);
        URI to = URI.create(redirect.header("Location"));
        return admin.get(to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery()));
    }

    /** The list's row of silence {@code id}. */
    private static String row(String html, long id) {
        int start = html.indexOf("<tr data-silence=\"" + id + "\">");
        assertThat(start).as("a row for silence " + id).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue())).toList());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
