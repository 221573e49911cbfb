package io.vigil.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * Sends a failed form login back to the login page saying what went wrong: a wrong password
 * ({@code ?error}), a lock and how long it lasts ({@code ?locked=SECONDS}), or an unreachable
 * credential store ({@code ?unavailable}), which says nothing about the password.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String outcome = "error";
        if (failure instanceof LoginThrottledException locked) {
            outcome = "locked=" + locked.getRetryAfterSeconds();
        } else if (failure instanceof CredentialStoreUnavailableException) {
            outcome = "unavailable";
        }
        response.sendRedirect(request.getContextPath() + "/login?" + outcome);
    }
}
