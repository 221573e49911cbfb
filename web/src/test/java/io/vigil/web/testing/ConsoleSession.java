package io.vigil.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser-like console visitor: keeps its session cookie and sends the CSRF token its pages carry. */
public final class ConsoleSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    public ConsoleSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in through the form, as a browser would (CSRF token from the login page). */
    public ApiClient.Response login(String username, String password) {
        String csrf = csrfToken(get("/login").body());
        return postForm("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf));
    }

    public ApiClient.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    public ApiClient.Response postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Posts a form from {@code page} (a path whose HTML carries a CSRF field), adding the token. */
    public ApiClient.Response submit(String page, String action) {
        return postForm(action, "_csrf=" + encode(csrfToken(get(page).body())));
    }

    /**
     * Opens a server-sent event stream, runs {@code trigger} once it is open, and returns the data
     * of the first event named {@code event} whose data satisfies {@code wanted}; null on timeout.
     */
    public String awaitStreamData(String path, String event, Predicate<String> wanted, Runnable trigger, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        try {
            HttpResponse<Stream<String>> open = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(open.statusCode()).isEqualTo(200);
            CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> firstData(open.body().iterator(), event, wanted));
            trigger.run();
            return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the stream " + path + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            response.thenAccept(r -> r.body().close());
        }
    }

    public static String csrfToken(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("a csrf field in the page").isTrue();
        return m.group(1);
    }

    private static String firstData(Iterator<String> lines, String event, Predicate<String> wanted) {
        String current = null;
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                current = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length())).append('\n');
            } else if (line.isEmpty()) {
                if (event.equals(current) && wanted.test(data.toString())) {
                    return data.toString();
                }
                current = null;
                data.setLength(0);
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private ApiClient.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
