package io.vigil.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemAccessDeniedHandlerTest {

    @Test
    void shouldNameTheRolesTheDecisionAskedFor() {
        AuthorizationDeniedException denied = new AuthorizationDeniedException("Access Denied",
                new AuthorityAuthorizationDecision(false, AuthorityUtils.createAuthorityList("ROLE_OPERATOR", "ROLE_AUDITOR")));

        assertThat(ProblemAccessDeniedHandler.requiredRoles(denied)).containsExactly("AUDITOR", "OPERATOR");
    }

    @Test
    void shouldNameNoRoleWhenTheDecisionWasNotAboutRoles() {
        assertThat(ProblemAccessDeniedHandler.requiredRoles(new AccessDeniedException("denied"))).isEmpty();
    }
}
