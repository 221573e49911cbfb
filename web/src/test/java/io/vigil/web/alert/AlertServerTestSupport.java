package io.vigil.web.alert;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole server (see {@link ServerTestSupport}) whose tests report events through the API and wait for their alerts. */
abstract class AlertServerTestSupport extends ServerTestSupport {

    protected static final Duration PIPELINE = Duration.ofSeconds(20);

    /** Posts an event of source "test" as an integrator. */
    protected void report(String resource, String check, String status) {
        Response posted = api.postJson("/api/v1/events", token(Role.INTEGRATOR), "{\"source\":\"test\",\"resource\":\""
                + resource + "\",\"check\":\"" + check + "\",\"status\":\"" + status + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    }

    /** The alert {@code key} (e.g. {@code db01/disk}) once it is stored and passes {@code condition}. */
    protected JsonNode awaitAlert(String key, Predicate<JsonNode> condition) {
        return Eventually.await("alert " + key, PIPELINE, () ->
                api.get("/api/v1/alerts?limit=1000", token(Role.OPERATOR)).json().get("alerts").values().stream()
                        .filter(a -> key.equals(a.get("key").asString())).filter(condition).findFirst());
    }
}
