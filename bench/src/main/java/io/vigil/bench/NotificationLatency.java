package io.vigil.bench;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P5: how long from a critical event's POST until its notification reaches the channel, under a
 * steady background load; and how a storm of critical alerts is consolidated. Stops by itself.
 *
 * <p>It runs a webhook receiver on 127.0.0.1, puts in a policy that notifies it for every CRITICAL
 * incident ({@code PUT /api/v1/policies}, admin login), then:
 * <ol>
 *   <li><b>latency</b> (policy {@code consolidate: 0s}): background events of the steady mix at
 *       {@code --rate} events/s (requests of 100; 0 for none) while one CRITICAL event for a new resource is posted every
 *       {@code --every-ms}; each one's latency is its POST's start to the webhook call that carries it
 *       (journal commit, engine batch, incident process start, the notification in the outbox in the
 *       engine's transaction, the dispatcher's send);</li>
 *   <li><b>storm</b> (policy {@code consolidate: 30s}): {@code --storm} CRITICAL events for as many
 *       resources posted within 10 s; it counts the webhook calls and the time until the last one.</li>
 * </ol>
 *
 * <pre>java -cp bench/target/vigil-bench.jar io.vigil.bench.NotificationLatency --url http://127.0.0.1:8080
 *      --token vgl_... --admin-password ... [--rate 10000] [--seconds 30] [--every-ms 200] [--storm 1000]</pre>
 */
public final class NotificationLatency {

    private static final Pattern RESOURCE = Pattern.compile("\"resource\":\"([^\"]+)\"");

    private final String url;
    private final String token;
    private final String adminAuth;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong lastCall = new AtomicLong();
    private int hookPort;

    private NotificationLatency(String url, String token, String adminPassword) {
        this.url = url;
        this.token = token;
        this.adminAuth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        LoadArgs a = new LoadArgs(args);
        NotificationLatency bench = new NotificationLatency(a.text("url", "http://127.0.0.1:8080"), a.required("token"),
                a.required("admin-password"));
        HttpServer hook = bench.startReceiver();
        try {
            bench.latency(a.number("rate", 10_000), a.number("seconds", 30), a.number("every-ms", 200));
            bench.storm(a.number("storm", 1_000));
        } finally {
            hook.stop(0);
        }
    }

    private HttpServer startReceiver() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            long arrived = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.incrementAndGet();
            lastCall.set(arrived);
            Matcher resource = RESOURCE.matcher(body);
            while (resource.find()) {
                items.incrementAndGet();
                Long sent = sentAt.remove(resource.group(1));
                if (sent != null) {
                    synchronized (latencies) {
                        latencies.record(arrived - sent);
                    }
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        hookPort = server.getAddress().getPort();
        return server;
    }

    private void putPolicy(String consolidate) throws Exception {
        String document = "channels:\n  bench-hook: { type: webhook, url: \"http://127.0.0.1:" + hookPort + "/hook\" }\n"
                + "policies:\n  - name: p5\n    match: ['status=\"CRITICAL\"']\n    consolidate: " + consolidate + "\n"
                + "    levels:\n      - notify: [channel:bench-hook]\n";
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/policies"))
                .header("Authorization", adminAuth).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(document)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("PUT /api/v1/policies answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private void latency(int rate, int seconds, int everyMillis) throws Exception {
        putPolicy("0s");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong background = new AtomicLong();
        // One sender keeps up with about 4,000 events/s (a request of 100 takes ~25 ms here): share the rate.
        int senders = rate == 0 ? 0 : Math.max(1, (rate + 2_499) / 2_500);
        List<Thread> loads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            int sender = i;
            Thread load = new Thread(() -> backgroundLoad(sender, rate / senders, running, background), "background-load-" + i);
            load.start();
            loads.add(load);
        }
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        int posted = 0;
        while (System.nanoTime() < end) {
            String resource = "p5-" + System.nanoTime();
            sentAt.put(resource, System.nanoTime());
            post("[{\"source\":\"bench\",\"resource\":\"" + resource + "\",\"check\":\"http\",\"status\":\"CRITICAL\"}]");
            posted++;
            Thread.sleep(everyMillis);
        }
        running.set(false);
        for (Thread load : loads) {
            load.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Thread.sleep(5_000);
        System.out.printf("latency run: %d critical events over %.0f s with %.0f background events/s; %d not notified within 5 s%n",
                posted, elapsed, background.get() / elapsed, sentAt.size());
        System.out.println("critical event POST -> webhook call: " + LatencyRecorder.percentiles(latencies));
    }

    /** The steady mix of 1,000 hosts × 3 checks (mostly NORMAL) at the given rate, 100 per request. */
    private void backgroundLoad(int sender, int rate, AtomicBoolean running, AtomicLong sent) {
        long requestsPerSecond = Math.max(1, rate / 100);
        long interval = 1_000_000_000L / requestsPerSecond;
        long next = System.nanoTime();
        long sequence = 0;
        while (running.get()) {
            try {
                post(RestLoad.body(sender, sequence, 100, StatusMix.parse("steady")));
                sequence += 100;
                sent.addAndGet(100);
            } catch (Exception e) {
                System.err.println("background load: " + e);
            }
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void storm(int alerts) throws Exception {
        putPolicy("30s");
        calls.set(0);
        items.set(0);
        long start = System.nanoTime();
        int perRequest = Math.max(1, alerts / 100);
        for (int sent = 0; sent < alerts; sent += perRequest) {
            StringBuilder body = new StringBuilder("[");
            for (int i = sent; i < Math.min(alerts, sent + perRequest); i++) {
                body.append(i == sent ? "" : ",").append("{\"source\":\"bench\",\"resource\":\"storm-").append(start)
                        .append('-').append(i).append("\",\"check\":\"http\",\"status\":\"CRITICAL\"}");
            }
            post(body.append(']').toString());
            Thread.sleep(100);
        }
        long posted = System.nanoTime();
        long deadline = posted + Duration.ofSeconds(120).toNanos();
        while (items.get() < alerts && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        System.out.printf("storm: %d critical alerts posted in %.1f s -> %d webhook messages carrying %d alerts;"
                        + " last message %.1f s after the first event%n", alerts, (posted - start) / 1e9, calls.get(),
                items.get(), (lastCall.get() - start) / 1e9);
    }

    private void post(String body) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/events answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
