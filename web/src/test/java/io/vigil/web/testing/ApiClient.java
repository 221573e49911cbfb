package io.vigil.web.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Plain HTTP against a running server, so tests see exactly the status, headers and body a client gets. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response, with the body parsed as JSON on demand. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    public Response get(String path, Auth auth) {
        return send(request(path, auth).GET());
    }

    public Response delete(String path, Auth auth) {
        return send(request(path, auth).DELETE());
    }

    public Response postJson(String path, Auth auth, String json) {
        return post(path, auth, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON POST with extra request headers (e.g. Idempotency-Key). */
    public Response postJson(String path, Auth auth, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, auth)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.getBytes(StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        return withBody(request, "application/json");
    }

    public Response post(String path, Auth auth, String contentType, byte[] body) {
        return withBody(request(path, auth).POST(HttpRequest.BodyPublishers.ofByteArray(body)), contentType);
    }

    public Response put(String path, Auth auth, String contentType, byte[] body) {
        return withBody(request(path, auth).PUT(HttpRequest.BodyPublishers.ofByteArray(body)), contentType);
    }

    private Response withBody(HttpRequest.Builder request, String contentType) {
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Writes a value as JSON text. */
    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A GET whose answer is binary (a zip); the status and the bytes. */
    public byte[] getBytes(String path, Auth auth) {
        try {
            HttpResponse<byte[]> response = http.send(request(path, auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path, Auth auth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (auth.header() != null) {
            request.header("Authorization", auth.header());
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
