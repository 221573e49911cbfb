package io.vigil.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syslog TCP intake rate: N connections send M octet-counted RFC 5424 messages in total as fast
 * as the server reads them (TCP back pressure), then the tool polls the newest journal id over
 * the REST API until all M are journaled. Rate = M / (time from first byte to last journaled).
 * Then, end to end, it polls {@code /actuator/prometheus} until the engine has processed the last
 * of them and the outcome writer has stored everything (engine and outcome lag 0, writer idle):
 * end-to-end rate = M / (time from first byte to that point). The token's role must be allowed to
 * read events and the metrics (AUDITOR or ADMIN).
 *
 * <pre>java -cp bench/target/vigil-bench.jar io.vigil.bench.SyslogTcpLoad --host 127.0.0.1
 *      --port 5514 --connections 4 --messages 1000000 --url http://127.0.0.1:8080 --token vgl_...</pre>
 */
public final class SyslogTcpLoad {

    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        LoadArgs a = new LoadArgs(args);
        String host = a.text("host", "127.0.0.1");
        int port = a.number("port", 5514);
        int connections = a.number("connections", 4);
        int messages = a.number("messages", 1_000_000);
        String url = a.text("url", "http://127.0.0.1:8080");
        String token = a.required("token");
        int timeoutSeconds = a.number("timeout-seconds", 300);

        long before = newestEventId(url, token);
        long started = System.nanoTime();
        CountDownLatch sent = new CountDownLatch(connections);
        int perConnection = messages / connections;
        for (int c = 0; c < connections; c++) {
            int connection = c;
            new Thread(() -> {
                try (Socket socket = new Socket(host, port);
                     OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16)) {
                    for (int i = 0; i < perConnection; i++) {
                        byte[] msg = message(connection, i);
                        out.write(Integer.toString(msg.length).getBytes(StandardCharsets.US_ASCII));
                        out.write(' ');
                        out.write(msg);
                    }
                    out.flush();
                } catch (Exception e) {
                    System.err.println("connection " + connection + " failed: " + e);
                } finally {
                    sent.countDown();
                }
            }, "syslog-load-" + c).start();
        }
        sent.await();
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        long expected = before + (long) perConnection * connections;
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long newest = before;
        while (newest < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            newest = newestEventId(url, token);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long journaled = newest - before;
        System.out.printf("connections %d, messages %d, all written in %.1f s%n", connections, perConnection * connections, sendSeconds);
        System.out.printf("journaled %d in %.1f s: %.0f msg/s durable%s%n", journaled, seconds, journaled / seconds,
                newest < expected ? " (TIMED OUT before all arrived)" : "");
        if (newest < expected) {
            return;
        }
        while (!caughtUp(url, token, expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double endToEnd = (System.nanoTime() - started) / 1e9;
        boolean done = caughtUp(url, token, expected);
        System.out.printf("end to end (processed, outcomes and firings stored) %d in %.1f s: %.0f msg/s%s%n", journaled,
                endToEnd, journaled / endToEnd, done ? "" : " (TIMED OUT before the engine caught up)");
    }

    /** The engine has processed event {@code expected} and the outcome writer has stored all it was given. */
    private static boolean caughtUp(String url, String token, long expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /actuator/prometheus answered " + response.statusCode());
        }
        return metric(response.body(), "vigil_engine_last_id") >= expected
                && metric(response.body(), "vigil_outcomes_lag_events") == 0
                && metric(response.body(), "vigil_outcomes_backlog_batches") == 0;
    }

    private static double metric(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*\\})? (\\S+)$").matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    static byte[] message(int connection, int i) {
        // Mostly informational lines; every 50th an error of one program on the same 7 hosts, so a
        // few elements stay CRITICAL (7 incidents) instead of flapping into an incident storm.
        boolean error = i % 50 == 0;
        // RFC 5424 allows at most six fraction digits; this JVM's clock may give nine.
        String text = "<" + (error ? 11 : 14) + ">1 " + Instant.now().truncatedTo(ChronoUnit.MICROS) + " host" + (error ? i % 7 : i % 1000)
                + (error ? " benchd " : " bench" + (i % 7) + " ") + connection + " - - synthetic syslog load message " + i
                + " about as long as a typical log line from a service";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long newestEventId(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/events?limit=1"))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/events answered " + response.statusCode() + ": " + response.body());
        }
        Matcher m = FIRST_ID.matcher(response.body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
