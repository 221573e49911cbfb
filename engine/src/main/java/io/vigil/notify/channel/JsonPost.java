package io.vigil.notify.channel;

import io.vigil.notify.DeliveryException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One POST of a JSON body, the way every HTTP channel delivers: 2xx is delivered, anything else,
 * an I/O error or the timeout is a {@link DeliveryException} naming it. The timeout bounds the
 * whole exchange up to the response headers, so a receiver that hangs delays the dispatcher's
 * other notifications only that long. Only the start of a reply is read: enough for the attempt
 * log, and a receiver that answers with a huge body cannot hold the dispatcher.
 */
final class JsonPost {

    /** How much of a reply the attempt log keeps. */
    private static final int REPLY_CHARS = 300;

    private final HttpClient client;
    private final Duration timeout;

    JsonPost(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /** @return "HTTP 200" and the start of the reply, for the attempt log */
    String post(String url, byte[] body, Map<String, String> headers) throws DeliveryException {
        URI uri = uri(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String reply = start(response.body());
            String answer = "HTTP " + response.statusCode() + (reply.isEmpty() ? "" : ": " + reply);
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryException(uri.getHost() + " answered " + answer);
            }
            return answer;
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("no answer from " + uri.getHost() + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new DeliveryException("cannot post to " + uri.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + uri.getHost(), e);
        }
    }

    private static URI uri(String url) throws DeliveryException {
        try {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new DeliveryException("\"" + url + "\" is not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("\"" + url + "\" is not a URL: " + e.getMessage(), e);
        }
    }

    /** The reply's first characters on one line; closing the stream drops the rest. */
    private static String start(InputStream body) throws IOException {
        try (body) {
            String text = new String(body.readNBytes(REPLY_CHARS), StandardCharsets.UTF_8);
            return text.replaceAll("\\s+", " ").strip();
        }
    }
}
