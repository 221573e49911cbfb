package io.vigil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for {@code POST /api/v1/events}: N connections, each sending requests of B
 * events back to back for a fixed time. Every 202 means the events are durable in the journal,
 * so accepted events per second is the durable intake rate. Stops by itself.
 *
 * <pre>java -cp bench/target/vigil-bench.jar io.vigil.bench.RestLoad --url http://127.0.0.1:8080
 *      --token vgl_... --connections 8 --batch 100 --seconds 30</pre>
 */
public final class RestLoad {

    public static void main(String[] args) throws Exception {
        LoadArgs a = new LoadArgs(args);
        URI uri = URI.create(a.text("url", "http://127.0.0.1:8080") + "/api/v1/events");
        String token = a.required("token");
        int connections = a.number("connections", 8);
        int batch = a.number("batch", 100);
        int seconds = a.number("seconds", 30);
        int warmup = a.number("warmup", 5);
        StatusMix mix = StatusMix.parse(a.text("mix", "steady"));

        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        LatencyRecorder[] latencies = new LatencyRecorder[connections];
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(connections);

        for (int c = 0; c < connections; c++) {
            LatencyRecorder latency = latencies[c] = new LatencyRecorder();
            int connection = c;
            Thread worker = new Thread(() -> {
                // One client per worker keeps exactly one keep-alive connection per worker.
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long sequence = 0;
                try {
                    while (System.nanoTime() < end) {
                        String body = body(connection, sequence, batch, mix);
                        sequence += batch;
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long started = System.nanoTime();
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        boolean measuring = started >= warmupEnd;
                        if (response.statusCode() == 202) {
                            if (measuring) {
                                accepted.addAndGet(batch);
                                latency.record(System.nanoTime() - started);
                            }
                        } else if (response.statusCode() == 429 || response.statusCode() == 503) {
                            rejected.incrementAndGet();
                            Thread.sleep(50);
                        } else {
                            failed.incrementAndGet();
                            System.err.println("HTTP " + response.statusCode() + ": " + response.body());
                            Thread.sleep(200);
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    System.err.println("worker " + connection + " stopped: " + e);
                } finally {
                    done.countDown();
                }
            }, "rest-load-" + c);
            worker.start();
        }
        done.await();
        System.out.printf("connections %d, %d events/request, %s mix, %d s measured after %d s warm-up%n",
                connections, batch, mix.name().toLowerCase(java.util.Locale.ROOT), seconds, warmup);
        System.out.printf("accepted (durable) events/s: %.0f   requests/s: %.0f   rejected (429/503): %d   failed: %d%n",
                accepted.get() / (double) seconds, accepted.get() / (double) batch / seconds, rejected.get(), failed.get());
        System.out.println(LatencyRecorder.percentiles(latencies));
    }

    /** Events about 1,000 hosts × 3 checks, with statuses from {@code mix}. */
    static String body(int connection, long sequence, int count, StatusMix mix) {
        StringBuilder sb = new StringBuilder(count * 220).append('[');
        String now = Instant.now().toString();
        for (int i = 0; i < count; i++) {
            long n = sequence + i;
            int host = (int) (n % 1000);
            String check = n % 3 == 0 ? "cpu" : n % 3 == 1 ? "disk" : "ping";
            String status = mix.status(n, host, check);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"source\":\"bench-").append(connection)
                    .append("\",\"resource\":\"host").append(host)
                    .append("\",\"check\":\"").append(check)
                    .append("\",\"status\":\"").append(status)
                    .append("\",\"occurredAt\":\"").append(now)
                    .append("\",\"message\":\"synthetic load event ").append(n)
                    .append(" from the Vigil benchmark, about as long as a typical monitoring message\"")
                    .append(",\"attributes\":{\"bench\":\"rest\"}}");
        }
        return sb.append(']').toString();
    }
}
