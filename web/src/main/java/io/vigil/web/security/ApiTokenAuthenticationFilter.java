package io.vigil.web.security;

import io.vigil.web.token.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Authenticates {@code Authorization: Bearer vgl_…} API calls against the api_token table (through
 * the {@link CredentialStore}'s cache). A request without a bearer header passes on (HTTP Basic may
 * still authenticate it); a bearer header with an unknown or revoked token is answered 401 at once
 * rather than treated as anonymous, and counts against the client address in the
 * {@link LoginThrottle}, which answers 429 once the address is locked. The principal is named
 * "token:NAME", which is what timelines and created_by show.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenAuthenticationFilter(ApiTokens tokens, LoginThrottle throttle, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        StoredToken token;
        try {
            token = authenticate(header.substring(BEARER.length()).trim(), request.getRemoteAddr());
        } catch (AuthenticationException e) {
            contexts.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(ServiceAccess.authorities(token.groups()));
        authorities.add(new SimpleGrantedAuthority("ROLE_" + token.role().name()));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("token:" + token.name(), null, authorities));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private StoredToken authenticate(String secret, String address) {
        throttle.check(null, address);
        return tokens.authenticate(secret).orElseThrow(() -> {
            throttle.failed(null, address);
            return new InvalidApiTokenException("unknown or revoked api token");
        });
    }
}
