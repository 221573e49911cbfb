package io.vigil.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.security.web.access.AuthorizationManagerWebInvocationPrivilegeEvaluator.HttpServletRequestTransformer;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.stereotype.Component;

/**
 * The made-up requests through which a page asks the {@link AccessTable}'s rules whether a person
 * may open another page or post a form (Spring Security's {@code WebInvocationPrivilegeEvaluator};
 * the alert console asks before it offers buttons and links). Spring Security 7's made-up request
 * has no dispatcher type, which the console chain's first rule (async and error dispatches pass)
 * reads, and fails (spring-security#19131); here it is a plain request, with the attributes the
 * path matchers keep.
 */
@Component
class PrivilegeRequests implements HttpServletRequestTransformer {

    private final PathPatternRequestTransformer paths = new PathPatternRequestTransformer();

    @Override
    public HttpServletRequest transform(HttpServletRequest request) {
        return new HttpServletRequestWrapper(paths.transform(request)) {
            @Override
            public DispatcherType getDispatcherType() {
                return DispatcherType.REQUEST;
            }
        };
    }
}
