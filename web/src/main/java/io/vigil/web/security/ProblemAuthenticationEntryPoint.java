package io.vigil.web.security;

import io.vigil.web.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * Answers an unauthenticated API call with 401 problem+json and a challenge for both ways in:
 * a bearer token (integrations) or HTTP Basic (people with a console account).
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
