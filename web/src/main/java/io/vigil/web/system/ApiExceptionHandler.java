package io.vigil.web.system;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;

/**
 * Every error under {@code /api/} as RFC 9457 problem+json, including those raised before any
 * controller is chosen (415, 405, 404), with details that name the bad parameter and quote its
 * value. Console requests are left to the error page: a handler rethrows the very exception it got,
 * which hands it on to Spring's default resolvers. So is a failure after the response was committed
 * (a streamed export cut short): nothing can be written any more, and the servlet container then
 * closes the connection without ending the response, so the client sees a broken transfer rather
 * than a complete-looking short file.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler({ErrorResponseException.class, ServletException.class, AsyncRequestTimeoutException.class})
    ResponseEntity<ProblemDetail> errorResponse(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request) || !(e instanceof ErrorResponse error)) {
            throw e;
        }
        ProblemDetail problem = error.getBody();
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(problem);
    }

    /** A path no endpoint has (Spring calls it a missing static resource, which misleads an API client). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> noEndpoint(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        return problem(HttpStatus.NOT_FOUND, "there is no endpoint " + request.getMethod() + " " + request.getRequestURI(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> typeMismatch(TypeMismatchException e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return problem(HttpStatus.BAD_REQUEST,
                "parameter \"" + name + "\" has the bad value \"" + e.getValue() + "\": expected " + expected, request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        Throwable cause = e.getMostSpecificCause();
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
        return problem(HttpStatus.BAD_REQUEST, "unreadable JSON body: " + why, request);
    }

    /**
     * The database did not give a connection or an answer in time (down, frozen, failing over): not
     * the caller's fault and not a bug, so 503 with when to try again. A read is safe to retry; the
     * pipeline's writes answer for themselves (see the event intake and EngineCommands).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e, HttpServletRequest request,
                                                      HttpServletResponse response) throws Exception {
        if (!isApi(request) || response.isCommitted()) {
            throw e;
        }
        log.warn("{} {} answered 503: the database is unavailable ({})", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().toString());
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                "the database is unreachable or not answering; try again in " + DATABASE_RETRY_AFTER_SECONDS + " s", request);
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DATABASE_RETRY_AFTER_SECONDS)).body(problem);
    }

    /** Anything else is our fault: logged in full, answered without internals. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!isApi(request) || response.isCommitted()) {
            throw e;
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to handle the request; the cause is in its log", request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
        return ResponseEntity.status(status).body(ProblemResponses.problem(status, detail, request));
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static String describe(Class<?> type) {
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "a whole number";
        }
        return type.getSimpleName();
    }
}
