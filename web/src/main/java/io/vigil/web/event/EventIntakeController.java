package io.vigil.web.event;

import io.vigil.intake.EventIntake;
import io.vigil.intake.IntakeRejectedException;
import io.vigil.intake.http.EventJsonParser;
import io.vigil.intake.http.EventValidationException;
import io.vigil.intake.http.FieldError;
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
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /api/v1/events}: one event object or an array of them. The answer comes only after
 * the events are committed to the journal; the request waits asynchronously for the group commit,
 * so many concurrent posters do not each hold a servlet thread idle.
 */
@RestController
class EventIntakeController {

    static final String TRANSPORT = "rest";
    /** How long a client should wait after the journal failed; long enough for a database failover. */
    static final int JOURNAL_RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(EventIntakeController.class);

    private final EventJsonParser parser;
    private final EventIntake intake;
    private final RequestBodyReader bodies;

    EventIntakeController(EventJsonParser parser, EventIntake intake, VigilProperties properties) {
        this.parser = parser;
        this.intake = intake;
        this.bodies = new RequestBodyReader(properties.intake().maxBody().toBytes());
    }

    record Accepted(int accepted, List<Long> ids) {
    }

    @PostMapping(path = "/api/v1/events", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    CompletableFuture<ResponseEntity<Accepted>> post(HttpServletRequest request) throws IOException {
        requireUtf8Charset(request.getContentType());
        List<EventDraft> drafts = parser.parseBody(bodies.read(request), TRANSPORT);
        return intake.submit(drafts).handle((ids, failure) -> {
            if (failure == null) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(ids.size(), ids));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof IntakeRejectedException rejected) {
                throw rejected;
            }
            throw new JournalUnavailableException(cause);
        });
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
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Engine queue full", e.getMessage(), request));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> journalDown(JournalUnavailableException e, HttpServletRequest request) {
        // The journal writer has logged the cause in full.
        log.warn("refused a request with 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(JOURNAL_RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Journal unavailable", e.getMessage(), request));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(status, detail, request);
        problem.setTitle(title);
        return problem;
    }
}
