package io.vigil.web.event;

import io.vigil.intake.IdempotencyKey;
import io.vigil.intake.IdempotencyKeyInUseException;
import io.vigil.intake.IdempotencyKeyReusedException;
import io.vigil.intake.IntakeRejectedException;
import io.vigil.intake.IntakeUnavailableException;
import io.vigil.intake.KeyedEventIntake;
import io.vigil.intake.KeyedEventIntake.Receipt;
import io.vigil.intake.http.EventJsonParser;
import io.vigil.intake.http.EventValidationException;
import io.vigil.intake.http.FieldError;
import io.vigil.journal.JournalWriteException;
import io.vigil.model.EventDraft;
import io.vigil.web.system.ProblemResponses;
import io.vigil.web.system.VigilProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/v1/events}: one event object or an array of them. The answer comes only after
 * the events are committed to the journal; the request waits asynchronously for the group commit,
 * so many concurrent posters do not each hold a servlet thread idle.
 *
 * <p>Every answer is true: 202 means stored; 429 and 503 with "nothing was stored" mean a retry is
 * safe; when the commit is not confirmed in time the 503 says that the outcome is unknown. An
 * {@code Idempotency-Key} header makes any retry safe: a request whose events are already stored
 * under the key is answered 202 with their ids (and {@code Idempotent-Replayed: true}).
 */
@RestController
class EventIntakeController {

    static final String TRANSPORT = "rest";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    /** After an unconfirmed commit: the journal writer retries its database every few seconds. */
    static final int OUTCOME_UNKNOWN_RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(EventIntakeController.class);

    private final EventJsonParser parser;
    private final KeyedEventIntake intake;
    private final RequestBodyReader bodies;
    private final Duration commitTimeout;

    EventIntakeController(EventJsonParser parser, KeyedEventIntake intake, VigilProperties properties) {
        this.parser = parser;
        this.intake = intake;
        this.bodies = new RequestBodyReader(properties.intake().maxBody().toBytes());
        this.commitTimeout = properties.intake().commitTimeout();
    }

    record Accepted(int accepted, List<Long> ids) {
    }

    @PostMapping(path = "/api/v1/events", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    CompletableFuture<ResponseEntity<Accepted>> post(HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
        requireUtf8Charset(request.getContentType());
        byte[] body = bodies.read(request);
        IdempotencyKey key = idempotencyKey == null ? null : idempotencyKey(idempotencyKey, body);
        List<EventDraft> drafts = parser.parseBody(body, TRANSPORT);
        CompletableFuture<Receipt> receipt = key == null
                ? intake.submit(drafts).thenApply(ids -> new Receipt(ids, false))
                : intake.submitOnce(key, drafts);
        return receipt.orTimeout(commitTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((stored, failure) -> {
            if (failure == null) {
                ResponseEntity.BodyBuilder accepted = ResponseEntity.status(HttpStatus.ACCEPTED);
                if (stored.replayed()) {
                    accepted.header(REPLAYED, "true");
                }
                return accepted.body(new Accepted(stored.ids().size(), stored.ids()));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                throw new CommitOutcomeUnknownException(commitTimeout, key);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        });
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

    /** 400 for bad events, 413 when an event is larger than the journal stores, 415 for a body that is not UTF-8. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(EventValidationException e, HttpServletRequest request) {
        HttpStatus status = switch (e.getKind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_UTF8 -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
        String title = switch (e.getKind()) {
            case INVALID -> "Invalid events";
            case TOO_LARGE -> "Event too large";
            case NOT_UTF8 -> "Body not UTF-8";
        };
        ProblemDetail problem = problem(status, title, e.getMessage(), request);
        problem.setProperty("errors", e.getErrors());
        if (e.getTotalErrors() > e.getErrors().size()) {
            problem.setProperty("totalErrors", e.getTotalErrors());
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(IntakeRejectedException e, HttpServletRequest request) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, "Engine queue full", e.getMessage(), e.retryAfterSeconds(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(IntakeUnavailableException e, HttpServletRequest request) {
        // The journal writer has logged the cause in full.
        log.warn("refused a request with 503: {}", e.getMessage());
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "Journal unavailable", e.getMessage(), e.retryAfterSeconds(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> outcomeUnknown(CommitOutcomeUnknownException e, HttpServletRequest request) {
        log.warn("answered a request with 503, outcome unknown: {}", e.getMessage());
        ResponseEntity<ProblemDetail> answer = retryLater(HttpStatus.SERVICE_UNAVAILABLE, "Outcome unknown", e.getMessage(),
                OUTCOME_UNKNOWN_RETRY_AFTER_SECONDS, request);
        answer.getBody().setProperty("outcome", "unknown");
        return answer;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> keyInUse(IdempotencyKeyInUseException e, HttpServletRequest request) {
        return retryLater(HttpStatus.CONFLICT, "Request in progress", e.getMessage(), e.retryAfterSeconds(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage(), request));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(JournalWriteException e, HttpServletRequest request) {
        log.error("the journal refused a request's events: {}", e.getMessage());
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Events refused by the journal", e.getMessage(), request));
    }

    private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String title, String detail,
                                                            int retryAfterSeconds, HttpServletRequest request) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .body(problem(status, title, detail, request));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(status, detail, request);
        problem.setTitle(title);
        return problem;
    }
}
