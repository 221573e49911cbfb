package io.vigil.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last rule of both chains, for requests no {@link AccessTable} row opened. A request that a
 * controller would handle is denied — deny by default, so an endpoint nobody listed stays shut.
 * A request for a path no controller has is let through once authenticated, so that it is answered
 * 404 like any missing page instead of a 403 that hints something is there; anonymous callers are
 * still asked to log in first.
 *
 * <p>A path counts as a controller's when a mapping matches it in any way: a wrong method or media
 * type is still a known endpoint, and stays denied.
 */
final class UnmappedPaths implements AuthorizationManager<RequestAuthorizationContext> {

    private final RequestMappingHandlerMapping controllers;
    private final AuthorizationManager<RequestAuthorizationContext> authenticated =
            AuthenticatedAuthorizationManager.authenticated();

    UnmappedPaths(RequestMappingHandlerMapping controllers) {
        this.controllers = controllers;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> who, RequestAuthorizationContext context) {
        return isMapped(context.getRequest()) ? new AuthorizationDecision(false) : authenticated.authorize(who, context);
    }

    private boolean isMapped(HttpServletRequest request) {
        HttpServletRequest probe = new OwnAttributes(request);
        ServletRequestPathUtils.parseAndCache(probe);
        try {
            return controllers.getHandler(probe) != null;
        } catch (Exception mappedButRefused) {
            return true;
        }
    }

    /** Keeps the attributes the lookup sets to itself, so the real dispatch later starts clean. */
    private static final class OwnAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }
    }
}
