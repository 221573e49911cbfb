package io.vigil.web.testing;

import io.vigil.web.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Opens incidents the way production does (a critical report through the API) and reads them back. */
public final class Incidents {

    public static final Duration PIPELINE = Duration.ofSeconds(20);

    private final ApiClient api;
    private final Auth integrator;
    private final Auth reader;

    public Incidents(ApiClient api, Auth integrator, Auth reader) {
        this.api = api;
        this.integrator = integrator;
        this.reader = reader;
    }

    /** Reports {@code resource}/{@code check} CRITICAL and waits for its incident's id. */
    public long open(String resource, String check) {
        report(resource, check, "CRITICAL");
        return Eventually.await("an incident for " + resource, PIPELINE, () ->
                api.get("/api/v1/incidents?limit=1000", reader).json().get("incidents").values().stream()
                        .filter(i -> resource.equals(i.get("resource").asString()))
                        .map(i -> i.get("id").asLong()).findFirst());
    }

    public void report(String resource, String check, String status) {
        Response posted = api.postJson("/api/v1/events", integrator, "{\"source\":\"test\",\"resource\":\"" + resource
                + "\",\"check\":\"" + check + "\",\"status\":\"" + status + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    }

    /** The incident's detail (incident, tasks, timeline, chain). */
    public JsonNode detail(long id) {
        Response detail = api.get("/api/v1/incidents/" + id, reader);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        return detail.json();
    }
}
