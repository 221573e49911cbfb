package io.vigil.web.security;

import io.vigil.store.access.ApiToken;
import io.vigil.web.token.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer vgl_…} API calls against the api_token table. A
 * request without a bearer header passes on (HTTP Basic may still authenticate it); a bearer
 * header with an unknown or revoked token is answered 401 at once rather than treated as anonymous.
 * The principal is named "token:NAME", which is what timelines and created_by show.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenAuthenticationFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
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
        Optional<ApiToken> token = tokens.authenticate(header.substring(BEARER.length()).trim());
        if (token.isEmpty()) {
            contexts.clearContext();
            entryPoint.commence(request, response, new InvalidApiTokenException("unknown or revoked api token"));
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(ServiceAccess.authorities(token.get().getServiceGroups()));
        authorities.add(new SimpleGrantedAuthority("ROLE_" + token.get().getRole().name()));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("token:" + token.get().getName(),
                null, authorities));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
