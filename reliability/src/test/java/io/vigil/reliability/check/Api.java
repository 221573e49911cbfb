package io.vigil.reliability.check;

import io.vigil.reliability.process.PackagedServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The few API calls a scenario makes besides the load: a token, and the incidents' human steps. */
public final class Api {

    public record Response(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            (PackagedServer.ADMIN + ":" + PackagedServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final PackagedServer server;

    public Api(PackagedServer server) {
        this.server = server;
    }

    /** A new INTEGRATOR bearer token, issued by the admin. */
    public String integratorToken() {
        Response created = postAsAdmin("/api/v1/tokens", "{\"name\":\"reliability\",\"role\":\"INTEGRATOR\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("POST /api/v1/tokens answered " + created.status() + ": " + created.body());
        }
        return created.json().get("token").asString();
    }

    public Response postAsAdmin(String path, String json) {
        return send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postEvent(String token, String idempotencyKey, String json) {
        return send(HttpRequest.newBuilder(server.uri("/api/v1/events")).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(90)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from the server: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
