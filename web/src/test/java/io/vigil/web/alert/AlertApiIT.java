package io.vigil.web.alert;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Eventually;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts over the API on a real server and MariaDB: deduplication, the list, one alert's history, actions. */
class AlertApiIT extends AlertServerTestSupport {

    @Test
    void shouldCountRepeatedReportsIntoOneAlertAndClearItOnNormal() {
        report("alert-db01", "disk", "CRITICAL");
        report("alert-db01", "disk", "CRITICAL");
        JsonNode alert = awaitAlert("alert-db01/disk", a -> a.get("count").asLong() == 2);

        assertThat(alert.get("status").asString()).isEqualTo("CRITICAL");
        assertThat(alert.get("state").asString()).isEqualTo("OPEN");
        assertThat(alert.get("kind").asString()).isEqualTo("EVENT");
        assertThat(alert.get("category").asString()).isEqualTo("hardware");
        long id = alert.get("id").asLong();
        assertThat(incidentFor("alert-db01")).as("a critical alert opens an incident").isPresent();

        report("alert-db01", "disk", "NORMAL");
        Eventually.await("alert " + id + " cleared", PIPELINE, () -> Optional.of(detail(id).get("alert"))
                .filter(a -> a.get("state").asString().equals("CLEARED")));
        assertThat(keys(api.get("/api/v1/alerts?limit=1000", token(Role.OPERATOR)))).doesNotContain("alert-db01/disk");
        assertThat(keys(api.get("/api/v1/alerts?state=cleared&q=alert-db01", token(Role.ANALYST))))
                .containsExactly("alert-db01/disk");
        assertThat(history(id)).containsExactly("OPENED CRITICAL OPEN", "CLEARED NORMAL CLEARED");
    }

    @Test
    void shouldAcknowledgeShelveAssignNoteAndClearOneAlert() {
        report("alert-web01", "load", "WARNING");
        long id = awaitAlert("alert-web01/load", a -> true).get("id").asLong();

        assertThat(post("/api/v1/alerts/" + id + "/acknowledge", "").json().get("alert").get("acknowledgedBy").asString())
                .isEqualTo("token:test-operator");
        JsonNode shelved = post("/api/v1/alerts/" + id + "/shelve?for=2h", "").json().get("alert");
        assertThat(shelved.get("state").asString()).isEqualTo("SHELVED");
        assertThat(shelved.get("shelvedUntil").asString()).isNotEmpty();
        assertThat(post("/api/v1/alerts/" + id + "/assign", "{\"assignee\": \"carol\"}").json().get("alert")
                .get("assignee").asString()).isEqualTo("carol");
        post("/api/v1/alerts/" + id + "/notes", "{\"text\": \"load from the nightly backup\"}");
        post("/api/v1/alerts/" + id + "/unshelve", "");
        JsonNode cleared = post("/api/v1/alerts/" + id + "/clear", "").json();

        assertThat(cleared.get("alert").get("state").asString()).isEqualTo("CLEARED");
        assertThat(history(id)).containsExactly("OPENED WARNING OPEN", "ACKNOWLEDGED WARNING ACKNOWLEDGED",
                "SHELVED WARNING SHELVED", "ASSIGNED WARNING SHELVED", "NOTE WARNING SHELVED",
                "UNSHELVED WARNING ACKNOWLEDGED", "CLEARED NORMAL CLEARED");
        JsonNode note = detail(id).get("history").get(4);
        assertThat(note.get("detail").asString()).isEqualTo("load from the nightly backup");
        assertThat(note.get("actor").asString()).isEqualTo("token:test-operator");

        Response again = api.postJson("/api/v1/alerts/" + id + "/acknowledge", token(Role.OPERATOR), "");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").asString())
                .isEqualTo("alert " + id + " is not active (it does not exist or was cleared)");
    }

    @Test
    void shouldActOnManyAlertsAnsweringEachOnItsOwn() {
        report("alert-bulk1", "ping", "CRITICAL");
        report("alert-bulk2", "ping", "WARNING");
        long first = awaitAlert("alert-bulk1/ping", a -> true).get("id").asLong();
        long second = awaitAlert("alert-bulk2/ping", a -> true).get("id").asLong();
        post("/api/v1/alerts/" + second + "/acknowledge", "");

        Response answer = post("/api/v1/alerts/acknowledge", "{\"ids\": [" + first + ", " + second + ", 999999]}");

        assertThat(answer.json().get("done").asInt()).isEqualTo(1);
        assertThat(answer.json().get("refused").asInt()).isEqualTo(2);
        assertThat(answer.json().get("results").values().stream().map(r -> r.get("id").asLong() + " "
                + r.get("result").asString() + (r.has("reason") ? ": " + r.get("reason").asString() : "")).toList())
                .containsExactly(first + " done",
                        second + " conflict: alert " + second + " is ACKNOWLEDGED: only an OPEN alert can be acknowledged",
                        "999999 not-found: alert 999999 is not active (it does not exist or was cleared)");
        Response shelved = post("/api/v1/alerts/shelve", "{\"ids\": [" + first + ", " + second + "], \"for\": \"30m\"}");
        assertThat(shelved.json().get("done").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRefuseBadFiltersAndBadActionsNamingWhatIsWrong() {
        assertThat(problem(api.get("/api/v1/alerts?state=open,gone", token(Role.OPERATOR)), 400)).isEqualTo(
                "parameter \"state\" has the bad value \"gone\": expected one of ACKNOWLEDGED, CLEARED, OPEN, SHELVED");
        assertThat(problem(api.get("/api/v1/alerts?severity=high", token(Role.OPERATOR)), 400))
                .contains("\"severity\"");
        assertThat(problem(post("/api/v1/alerts/1/shelve?for=forever", ""), 400)).isEqualTo(
                "parameter \"for\" has the bad value \"forever\": expected a duration from 1s to 1mo, e.g. 30s, 5m, 1h, 7d, 1w, 1mo");
        assertThat(problem(post("/api/v1/alerts/1/shelve", ""), 400)).isEqualTo("\"for\" is missing: shelve needs it");
        assertThat(problem(post("/api/v1/alerts/1/notes", "{\"text\": \"  \"}"), 400))
                .isEqualTo("\"text\" must hold 1 to 2000 characters, got 0");
        assertThat(problem(post("/api/v1/alerts/1/assign", "{\"who\": \"bob\"}"), 400))
                .isEqualTo("unknown field \"who\": assign takes a JSON object {\"assignee\": text}");
        assertThat(problem(post("/api/v1/alerts/1/silence", ""), 404)).isEqualTo(
                "no alert action \"silence\" (actions: acknowledge, unacknowledge, shelve, unshelve, assign, notes, clear)");
        assertThat(problem(post("/api/v1/alerts/assign", "{\"ids\": [1], \"assignee\": 7}"), 400))
                .isEqualTo("assignee: expected text, got 7");
    }

    @Test
    void shouldLetAnalystsAndAuditorsReadButOnlyOperatorsAct() {
        assertThat(api.get("/api/v1/alerts", token(Role.AUDITOR)).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/alerts/acknowledge", token(Role.ANALYST), "{\"ids\": [1]}").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/alerts", token(Role.INTEGRATOR)).status()).isEqualTo(403);
    }

    private Response post(String path, String body) {
        return api.postJson(path, token(Role.OPERATOR), body);
    }

    private static String problem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json().get("detail").asString();
    }

    private JsonNode detail(long id) {
        Response response = api.get("/api/v1/alerts/" + id, token(Role.OPERATOR));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> history(long id) {
        return detail(id).get("history").values().stream()
                .map(h -> h.get("kind").asString() + " " + h.get("status").asString() + " " + h.get("state").asString())
                .toList();
    }

    private Optional<Long> incidentFor(String resource) {
        return Eventually.await("an incident for " + resource, PIPELINE, () -> Optional.of(
                api.get("/api/v1/incidents?limit=1000", token(Role.OPERATOR)).json().get("incidents").values().stream()
                        .filter(i -> resource.equals(i.get("resource").asString()))
                        .map(i -> i.get("id").asLong()).findFirst()).filter(Optional::isPresent));
    }

    private static List<String> keys(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("alerts").values().stream().map(a -> a.get("key").asString()).toList();
    }
}
