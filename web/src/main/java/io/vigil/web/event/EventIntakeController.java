package io.vigil.web.event;

import io.vigil.intake.EventIntake;
import io.vigil.intake.IntakeRejectedException;
import io.vigil.intake.http.EventJsonParser;
import io.vigil.intake.http.EventValidationException;
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

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(EventValidationException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid events", e.getMessage(), request);
        problem.setProperty("errors", e.getErrors());
        if (e.getTotalErrors() > e.getErrors().size()) {
            problem.setProperty("totalErrors", e.getTotalErrors());
        }
        return ResponseEntity.badRequest().body(problem);
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
