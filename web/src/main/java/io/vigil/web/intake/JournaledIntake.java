package io.vigil.web.intake;

import io.vigil.intake.IdempotencyKey;
import io.vigil.intake.KeyedEventIntake;
import io.vigil.intake.KeyedEventIntake.Receipt;
import io.vigil.intake.http.EventValidationException;
import io.vigil.intake.http.FieldError;
import io.vigil.model.EventDraft;
import io.vigil.web.system.VigilProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The one way an HTTP request's events get into the journal, whatever the body's format (our
 * events, an Alertmanager or Grafana webhook). The answer comes only after the events are
 * committed. The request thread waits for the group commit a little ({@link #ANSWER_ON_REQUEST_THREAD}),
 * which is how long a commit takes when the database is well: the answer is then written at once. A
 * commit that takes longer is waited for asynchronously, so a slow database does not hold every
 * servlet thread (and with them the console) idle.
 *
 * <p>Every answer is true: 202 means stored; 429 and 503 with "nothing was stored" mean a retry is
 * safe; when the commit is not confirmed in time the 503 says that the outcome is unknown. An
 * {@code Idempotency-Key} header makes any retry safe: a request whose events are already stored
 * under the key is answered 202 with their ids (and {@code Idempotent-Replayed: true}). The
 * refusals are answered by {@link IntakeExceptionHandler}.
 */
@Component
public class JournaledIntake {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * How long the request thread itself waits for the commit before the answer is left to the
     * commit's completion. Answering on the request thread saves Spring MVC's async re-dispatch (a
     * second pass through the filter chain and the return-value handling: about half a single-event
     * request's CPU, BENCHMARKS.md "Single-event REST"); a healthy group commit takes 1–2 ms. Waiting
     * longer would let a stalled database tie up the servlet threads.
     */
    public static final Duration ANSWER_ON_REQUEST_THREAD = Duration.ofMillis(50);
    static final String REPLAYED = "Idempotent-Replayed";

    private final KeyedEventIntake intake;
    private final RequestBodyReader bodies;
    private final Duration commitTimeout;
    private final IntakeMetrics metrics;

    public JournaledIntake(KeyedEventIntake intake, VigilProperties properties, IntakeMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
        this.bodies = new RequestBodyReader(properties.intake().maxBody().toBytes());
        this.commitTimeout = properties.intake().commitTimeout();
    }

    /** The answer to an accepted request: how many events were stored and their ids, in order. */
    public record Accepted(int accepted, List<Long> ids) {
    }

    /**
     * Reads the request's body, turns it into events with {@code parse} (which refuses a bad body
     * with an {@link EventValidationException}) and journals them.
     *
     * @param idempotencyKey the request's {@value #IDEMPOTENCY_KEY} header, or null
     * @return the answer, a {@code ResponseEntity<Accepted>}, when the commit came within
     *         {@link #ANSWER_ON_REQUEST_THREAD}; else a {@code CompletableFuture} of it, which Spring MVC
     *         answers asynchronously (it picks the return-value handler by the returned object's class)
     * @throws RuntimeException what the request or its commit was refused with, for {@link IntakeExceptionHandler}
     */
    public Object accept(HttpServletRequest request, String idempotencyKey,
                         Function<byte[], List<EventDraft>> parse) throws IOException {
        String transport = IntakeMetrics.transportOf(request);
        CompletableFuture<Receipt> receipt;
        IdempotencyKey key;
        try {
            requireUtf8Charset(request.getContentType());
            byte[] body = bodies.read(request);
            key = idempotencyKey == null ? null : idempotencyKey(idempotencyKey, body);
            List<EventDraft> drafts = parse.apply(body);
            receipt = key == null
                    ? intake.submit(drafts).thenApply(ids -> new Receipt(ids, false))
                    : intake.submitOnce(key, drafts);
        } catch (IOException | RuntimeException e) {
            metrics.refused(transport, e);
            throw e;
        }
        IdempotencyKey storedUnder = key;
        CompletableFuture<ResponseEntity<Accepted>> reply = receipt.orTimeout(commitTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((stored, failure) -> {
            if (failure == null) {
                metrics.accepted(transport, stored.ids().size());
                ResponseEntity.BodyBuilder accepted = ResponseEntity.status(HttpStatus.ACCEPTED);
                if (stored.replayed()) {
                    accepted.header(REPLAYED, "true");
                }
                return accepted.body(new Accepted(stored.ids().size(), stored.ids()));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            RuntimeException answer = cause instanceof TimeoutException
                    ? new CommitOutcomeUnknownException(commitTimeout, storedUnder)
                    : cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            metrics.refused(transport, answer);
            throw answer;
        });
        return answeredWithin(reply, ANSWER_ON_REQUEST_THREAD);
    }

    /** The reply itself if it is there within {@code wait}, else the future of it. */
    private static Object answeredWithin(CompletableFuture<ResponseEntity<Accepted>> reply, Duration wait) {
        try {
            return reply.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return reply;
        } catch (ExecutionException e) {
            // get() unwraps the CompletionException: the cause is what the handler above threw
            throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalStateException(e.getCause());
        }
    }

    private static IdempotencyKey idempotencyKey(String value, byte[] body) {
        try {
            return IdempotencyKey.of(value, body);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /**
     * JSON has no charset parameter (RFC 8259 section 11), but a sender that names one other than
     * UTF-8 says its bytes are something we would misread: refused rather than guessed at. Read
     * from the header itself: the servlet's character encoding is forced to UTF-8 by Spring Boot.
     */
    private static void requireUtf8Charset(String contentType) {
        String charset = MediaType.parseMediaType(contentType).getParameter("charset");
        if (charset == null) {
            return;
        }
        charset = charset.length() > 1 && charset.startsWith("\"") && charset.endsWith("\"")
                ? charset.substring(1, charset.length() - 1) : charset;
        if (isUtf8(charset)) {
            return;
        }
        throw new EventValidationException(EventValidationException.Kind.NOT_UTF8, List.of(FieldError.ofBody(
                "Content-Type charset \"" + charset + "\" is not supported: the body must be UTF-8 JSON (RFC 8259 section 8.1)")), 1);
    }

    private static boolean isUtf8(String charset) {
        try {
            return Charset.isSupported(charset) && Charset.forName(charset).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
