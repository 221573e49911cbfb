package io.vigil.web.alert;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Eventually;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Silences over the API on a real server and MariaDB: create, preview, silence an alert, expire early, bad input. */
class SilenceApiIT extends AlertServerTestSupport {

    @Test
    void shouldSilenceWhatItMatchesUntilExpiredEarly() {
        String end = Instant.now().plus(Duration.ofHours(2)).toString();
        Response created = post("{\"matchers\": [\"resource=\\\"silenced-db01\\\"\", \"check=~\\\"disk|mysql\\\"\"],"
                + " \"endsAt\": \"" + end + "\", \"comment\": \"storage migration\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/silences/" + id);
        assertThat(created.json().get("state").asString()).isEqualTo("ACTIVE");
        assertThat(created.json().get("createdBy").asString()).isEqualTo("token:test-operator");

        report("silenced-db01", "disk", "CRITICAL");
        JsonNode alert = awaitAlert("silenced-db01/disk", a -> a.has("silencedBy") && !a.get("silencedBy").isNull());
        assertThat(alert.get("silencedBy").asString()).isEqualTo(Long.toString(id));
        assertThat(incidents("silenced-db01")).as("silenced: nobody is paged").isEmpty();
        assertThat(ids(api.get("/api/v1/silences?state=active", token(Role.ANALYST)))).contains(id);

        Response preview = api.get("/api/v1/silences/preview?match=resource%3D%22silenced-db01%22", token(Role.OPERATOR));
        assertThat(preview.json().get("matches").asInt()).isEqualTo(1);
        assertThat(preview.json().get("alerts").get(0).get("key").asString()).isEqualTo("silenced-db01/disk");

        Response expired = api.delete("/api/v1/silences/" + id, token(Role.OPERATOR));
        assertThat(expired.status()).as(expired.body()).isEqualTo(200);
        assertThat(expired.json().get("state").asString()).isEqualTo("EXPIRED");
        assertThat(expired.json().get("expiredBy").asString()).isEqualTo("token:test-operator");
        awaitAlert("silenced-db01/disk", a -> a.get("silencedBy").isNull());
        Eventually.await("the incident once the silence is over", PIPELINE, () -> Optional.of(incidents("silenced-db01"))
                .filter(list -> !list.isEmpty()));
        assertThat(ids(api.get("/api/v1/silences?state=expired", token(Role.OPERATOR)))).contains(id);
        Response again = api.delete("/api/v1/silences/" + id, token(Role.OPERATOR));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").asString())
                .isEqualTo("silence " + id + " is not active or pending (it does not exist or has ended)");
    }

    @Test
    void shouldRefuseABadSilenceNamingEveryProblem() {
        Response refused = post("{\"matchers\": [\"check=~\\\"disk(\\\"\", 7], \"startsAt\": \"2026-12-02T02:00:00Z\","
                + " \"endsAt\": \"2026-12-01T22:00:00Z\", \"colour\": \"red\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("title").asString()).isEqualTo("Invalid silence");
        assertThat(refused.json().get("errors").values().stream().map(JsonNode::asString).toList()).containsExactly(
                "unknown field \"colour\" (the fields are matchers, startsAt, endsAt, comment)",
                "matchers[0]: matcher \"check=~\\\"disk(\\\"\": invalid regex: Unclosed group near index 5",
                "matchers[1]: expected text, got 7",
                "comment: expected 1 to 1024 characters of text, got nothing",
                "endsAt: 2026-12-01T22:00:00Z is not after startsAt 2026-12-02T02:00:00Z");
        Response matchesAll = post("{\"matchers\": [\"team=~\\\".*\\\"\"], \"endsAt\": \"2099-01-01T00:00:00Z\","
                + " \"comment\": \"everything\"}");
        assertThat(matchesAll.json().get("detail").asString()).isEqualTo("matchers: every matcher matches an empty value,"
                + " so the silence would match every alert; at least one must name something");
        Response ended = post("{\"matchers\": [\"resource=\\\"x\\\"\"], \"startsAt\": \"2020-01-01T00:00:00Z\","
                + " \"endsAt\": \"2020-01-02T00:00:00Z\", \"comment\": \"too late\"}");
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.json().get("detail").asString()).startsWith("the silence ended already: end 2020-01-02T00:00:00Z");
        assertThat(api.get("/api/v1/silences/preview?match=check%3D~%22(%22", token(Role.OPERATOR)).status())
                .isEqualTo(400);
    }

    @Test
    void shouldLeaveSilencingToOperators() {
        assertThat(api.postJson("/api/v1/silences", token(Role.ANALYST), "{}").status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/silences/1", token(Role.AUDITOR)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/silences", token(Role.AUDITOR)).status()).isEqualTo(200);
    }

    private Response post(String body) {
        return api.postJson("/api/v1/silences", token(Role.OPERATOR), body);
    }

    private List<Long> incidents(String resource) {
        return api.get("/api/v1/incidents?limit=1000", token(Role.OPERATOR)).json().get("incidents").values().stream()
                .filter(i -> resource.equals(i.get("resource").asString())).map(i -> i.get("id").asLong()).toList();
    }

    private static List<Long> ids(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("silences").values().stream().map(s -> s.get("id").asLong()).toList();
    }
}
