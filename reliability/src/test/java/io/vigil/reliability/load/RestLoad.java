package io.vigil.reliability.load;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * REST clients that post batches of events at a bounded pace, the way a careful integrator
 * does: every request carries an Idempotency-Key; a 429, a 503 or a 409 "in progress" is retried
 * with the same key after its Retry-After, and so is a request that got no answer (refused,
 * reset, timed out) — until a 202 or the retry deadline. Everything it saw lands in the
 * {@link AnswerLog}.
 */
public final class RestLoad implements AutoCloseable {

    /**
     * @param clients       concurrent posting threads
     * @param batchSize     events per request
     * @param pause         pause between one client's batches
     * @param maxEvents     at most this many events in all (the load is bounded in count)
     * @param retryDeadline how long one batch is retried before the client gives up on it
     */
    public record Settings(int clients, int batchSize, Duration pause, int maxEvents, Duration retryDeadline) {
    }

    /** Longer than the server's own async request timeout (60 s): its answer is what is judged. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration NO_ANSWER_PAUSE = Duration.ofMillis(250);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI events;
    private final String token;
    private final Settings settings;
    private final LoadEvents generator;
    private final AnswerLog answers;
    private final ConcurrentLinkedQueue<SentBatch> batches = new ConcurrentLinkedQueue<>();
    private final AtomicInteger budget;
    private final ExecutorService clients;
    private volatile boolean stopping;

    public RestLoad(URI events, String token, Settings settings, LoadEvents generator, AnswerLog answers) {
        this.events = events;
        this.token = token;
        this.settings = settings;
        this.generator = generator;
        this.answers = answers;
        this.budget = new AtomicInteger(settings.maxEvents());
        this.clients = Executors.newFixedThreadPool(settings.clients(), r -> {
            Thread thread = new Thread(r, "rest-load");
            thread.setDaemon(true);
            return thread;
        });
        for (int c = 0; c < settings.clients(); c++) {
            clients.submit(this::postUntilStopped);
        }
    }

    /** Makes no new batches; lets each one in flight finish (202 or its deadline). */
    public void stop() {
        stopping = true;
        clients.shutdown();
        try {
            long wait = settings.retryDeadline().plus(REQUEST_TIMEOUT).plusSeconds(10).toMillis();
            if (!clients.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("REST load clients still busy " + wait + " ms after stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the REST load", e);
        }
    }

    public List<SentBatch> batches() {
        return new ArrayList<>(batches);
    }

    @Override
    public void close() {
        stopping = true;
        clients.shutdownNow();
    }

    private void postUntilStopped() {
        while (!stopping && budget.addAndGet(-settings.batchSize()) >= 0) {
            SentBatch batch = new SentBatch(generator.nextRestMarkers(settings.batchSize()));
            batches.add(batch);
            post(batch);
            if (!pause(settings.pause())) {
                return;
            }
        }
    }

    private void post(SentBatch batch) {
        Instant deadline = Instant.now().plus(settings.retryDeadline());
        HttpRequest request = HttpRequest.newBuilder(events).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", batch.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(LoadEvents.json(batch.markers()))).build();
        while (true) {
            batch.attempted();
            Duration wait = send(batch, request);
            if (wait == null || Instant.now().plus(wait).isAfter(deadline)) {
                return;
            }
            if (!pause(wait)) {
                return;
            }
        }
    }

    /** Sends once; null when the batch is settled (202 or a final refusal), else how long to wait. */
    private Duration send(SentBatch batch, HttpRequest request) {
        Instant sent = Instant.now();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            answers.add(Answer.none(sent, "timed out after " + REQUEST_TIMEOUT.toSeconds() + " s"));
            return NO_ANSWER_PAUSE;
        } catch (IOException e) {
            answers.add(Answer.none(sent, e.toString()));
            return NO_ANSWER_PAUSE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        int status = response.statusCode();
        Answer answer = new Answer(sent, Instant.now(), status, retryAfter, contentType, status == 202 ? "" : response.body(), "");
        answers.add(answer);
        if (status == 202) {
            batch.acknowledge(ids(response.body()));
            return null;
        }
        if (answer.retryLater()) {
            return retryAfter.map(RestLoad::seconds).orElse(Duration.ofSeconds(1));
        }
        batch.refuse(answer);
        return null;
    }

    private static List<Long> ids(String body) {
        JsonNode ids = JSON.readTree(body).get("ids");
        List<Long> result = new ArrayList<>();
        ids.values().forEach(id -> result.add(id.asLong()));
        return result;
    }

    private static Duration seconds(String retryAfter) {
        try {
            return Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    /** False when interrupted (close). */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
