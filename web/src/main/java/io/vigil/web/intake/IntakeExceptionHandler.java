package io.vigil.web.intake;

import io.vigil.intake.IdempotencyKeyInUseException;
import io.vigil.intake.IdempotencyKeyReusedException;
import io.vigil.intake.IntakeRejectedException;
import io.vigil.intake.IntakeUnavailableException;
import io.vigil.intake.http.EventValidationException;
import io.vigil.journal.JournalWriteException;
import io.vigil.web.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How every {@link IntakeEndpoint} answers what its {@link JournaledIntake} refuses: bad events,
 * a full engine queue, an unreachable journal, an unconfirmed commit, a busy or reused
 * Idempotency-Key. Ordered before the general API handler, whose catch-all would otherwise answer
 * these with a 500.
 */
@RestControllerAdvice(annotations = IntakeEndpoint.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IntakeExceptionHandler {

    /** After an unconfirmed commit: the journal writer retries its database every few seconds. */
    static final int OUTCOME_UNKNOWN_RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(IntakeExceptionHandler.class);

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

    /**
     * 429 for clients of the events API; 503 for webhooks: Alertmanager and Grafana retry a 5xx with
     * backoff but treat a 4xx as final, which would drop the notification until the group's next send.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(IntakeRejectedException e, HttpServletRequest request) {
        HttpStatus status = request.getRequestURI().startsWith("/api/v1/webhooks/") ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.TOO_MANY_REQUESTS;
        return retryLater(status, "Engine queue full", e.getMessage(), e.retryAfterSeconds(), request);
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
