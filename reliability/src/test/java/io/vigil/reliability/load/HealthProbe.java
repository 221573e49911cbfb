package io.vigil.reliability.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Asks {@code /actuator/health} twice a second and keeps every answer with its latency, so a
 * scenario can tell whether health kept answering while the database was down or frozen.
 */
public final class HealthProbe implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI health;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Thread prober;
    private volatile boolean stopping;

    public HealthProbe(URI health) {
        this.health = health;
        this.prober = new Thread(this::probe, "health-probe");
        prober.setDaemon(true);
        prober.start();
    }

    /**
     * The probes in flight at some moment between {@code from} and {@code to}: sent before its end
     * and answered (or given up) after its start — a probe that hangs across a short outage counts.
     */
    public List<Answer> during(Instant from, Instant to) {
        return answers.stream().filter(a -> !a.sent().isAfter(to) && !a.received().isBefore(from)).toList();
    }

    /** The slowest of {@link #during}, if any. */
    public Optional<Answer> slowestDuring(Instant from, Instant to) {
        return during(from, to).stream().max((a, b) -> a.latency().compareTo(b.latency()));
    }

    @Override
    public void close() {
        stopping = true;
        prober.interrupt();
        try {
            prober.join(TIMEOUT.toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void probe() {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(TIMEOUT).build();
        while (!stopping) {
            Instant sent = Instant.now();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(sent, Instant.now(), response.statusCode(), Optional.empty(),
                        response.headers().firstValue("Content-Type").orElse(""), response.body(), ""));
            } catch (IOException e) {
                answers.add(Answer.none(sent, e.toString()));
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
