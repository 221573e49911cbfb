package io.vigil.web.security;

import io.vigil.web.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * Answers an API call that could not be authenticated, as problem+json: 401 with a challenge for
 * both ways in (a bearer token for integrations, HTTP Basic for people with a console account);
 * 429 with Retry-After when the {@link LoginThrottle} has locked the user or address; 503 with
 * Retry-After when the credential store cannot be reached — the credentials may well be right.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String CHALLENGE = "Bearer realm=\"vigil\", Basic realm=\"vigil\"";

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.getRetryAfterSeconds()));
            problems.write(response, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage(), request));
            return;
        }
        if (failure instanceof CredentialStoreUnavailableException unavailable) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(CredentialStoreUnavailableException.RETRY_AFTER.toSeconds()));
            problems.write(response, ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getMessage(), request));
            return;
        }
        String detail = failure instanceof InsufficientAuthenticationException
                ? "authentication required: send \"Authorization: Bearer <token>\" or HTTP Basic credentials"
                : "authentication failed: " + failure.getMessage();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(failure));
        problems.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, detail, request));
    }

    private static String challenge(AuthenticationException failure) {
        return failure instanceof InvalidApiTokenException
                ? "Bearer realm=\"vigil\", error=\"invalid_token\", Basic realm=\"vigil\""
                : CHALLENGE;
    }
}
