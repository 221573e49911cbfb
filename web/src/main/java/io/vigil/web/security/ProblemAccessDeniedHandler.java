package io.vigil.web.security;

import io.vigil.web.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.List;

/**
 * Answers an authenticated API call that lacks the role with 403 problem+json naming the role(s)
 * that would have been allowed, taken from the authorization decision, so the caller knows which
 * token or account to use.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private static final String ROLE_PREFIX = "ROLE_";

    private final ProblemResponses problems;

    ProblemAccessDeniedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        List<String> roles = requiredRoles(denied);
        String target = request.getMethod() + " " + request.getRequestURI();
        ProblemDetail problem;
        if (roles.isEmpty()) {
            problem = ProblemResponses.problem(HttpStatus.FORBIDDEN, target + " is not allowed", request);
        } else {
            String needed = roles.size() == 1 ? "role " + roles.get(0) : "one of the roles " + String.join(", ", roles);
            problem = ProblemResponses.problem(HttpStatus.FORBIDDEN, target + " requires " + needed, request);
            problem.setProperty("requiredRoles", roles);
        }
        problems.write(response, problem);
    }

    static List<String> requiredRoles(AccessDeniedException denied) {
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision) {
            return decision.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .map(a -> a.startsWith(ROLE_PREFIX) ? a.substring(ROLE_PREFIX.length()) : a)
                    .sorted()
                    .toList();
        }
        return List.of();
    }
}
