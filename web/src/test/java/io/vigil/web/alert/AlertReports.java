package io.vigil.web.alert;

import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.Eventually;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports problems through the event API and waits for the alerts they raise, for the console tests. */
final class AlertReports {

    static final Duration PIPELINE = Duration.ofSeconds(20);

    private final ApiClient api;
    private final Auth integrator;
    private final Auth reader;

    AlertReports(ApiClient api, Auth integrator, Auth reader) {
        this.api = api;
        this.integrator = integrator;
        this.reader = reader;
    }

    /** Posts one event for {@code resource}/{@code check} with {@code status}; answers its id. */
    long report(String resource, String check, String status) {
        Response posted = api.postJson("/api/v1/events", integrator, "{\"source\":\"nagios\",\"resource\":\"" + resource
                + "\",\"check\":\"" + check + "\",\"status\":\"" + status + "\",\"message\":\"" + check + " on " + resource
                + " is " + status + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        return posted.json().get("ids").get(0).asLong();
    }

    /** The alert with {@code key} (active or cleared) once {@code condition} holds for it, as the API shows it. */
    JsonNode awaitAlert(String key, Predicate<JsonNode> condition) {
        return Eventually.await("alert " + key, PIPELINE, () -> api.get("/api/v1/alerts?limit=1000&state=open,acknowledged,"
                + "shelved,cleared", reader).json().get("alerts").values().stream()
                .filter(a -> key.equals(a.get("key").asString())).filter(condition).findFirst());
    }

    /** The id of the active alert with {@code key}, once it is there. */
    long alertId(String key) {
        return awaitAlert(key, a -> !a.get("state").asString().equals("CLEARED")).get("id").asLong();
    }
}
