package io.vigil.web.security;

import io.vigil.web.system.ProblemResponses;
import io.vigil.web.token.ApiTokens;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default. Two chains, both authorized by the one {@link AccessTable}: the API
 * ({@code /api/**}) is stateless, authenticated by bearer token or HTTP Basic, and answers
 * 401/403/429/503 as problem+json; the console uses form login with a session and CSRF protection.
 * A third, public one serves the API's documentation.
 * Form login and HTTP Basic share one password check, throttled by the {@link LoginThrottle}.
 *
 * <p>Async and error dispatches are let through: the request that started them was authorized
 * already, and a stateless chain has no session to re-authenticate them from.
 *
 * <p>The console's Content-Security-Policy allows only this origin's scripts, styles, images and
 * connections (htmx, vigil.js and the server-sent event streams; the service map is SVG drawn on
 * the server), so no inline script or style runs even if one were injected into a page; the only
 * exceptions are the few fixed style attributes of the process diagram's viewer ({@link #BPMN_VIEWER_STYLES}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src %s; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /**
     * The style attributes bpmn-js 8.0.0's viewer (the incident page's process diagram) writes as
     * markup, allowed by their exact text and nothing else: its text-measuring helper SVGs
     * ("position: absolute; width: 0; height: 0;", "visibility: hidden; position: fixed") and the
     * bpmn.io logo its licence requires ("position: absolute; bottom: 15px; right: 15px; z-index:
     * 100; color: #404040", "vertical-align:middle"). A new bpmn-js version must be checked again.
     */
    static final String BPMN_VIEWER_STYLES = "'unsafe-hashes' 'sha256-AHtqGIKHiUalONG+xeO90E9yUgWLoWuygINiCuiaBnA='"
            + " 'sha256-F1/lIJB2HC2RT+RPHwCjlrUMGQft2PdUC4nHeQ7MKsc=' 'sha256-j2t/iYgmiK/9tDIa+YLs3dUK18D+PDjuKi+KxuYXU/w='"
            + " 'sha256-CA/eh4+2R0J7cEQ14gBMtx834RIOjzMUqCM+evtrkp4='";
    static final String CONSOLE_POLICY = PAGE_POLICY.formatted("'self' " + BPMN_VIEWER_STYLES);
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI sets inline styles from its script; styles cannot run code, scripts stay this origin's. */
    static final String API_DOCS_POLICY = PAGE_POLICY.formatted("'self' 'unsafe-inline'");

    /**
     * No Micrometer observations of Spring Security's own steps (each filter of each chain, every
     * authorization, on the request and again on its async dispatch): they took about a quarter of
     * the request threads' CPU for a single posted event and measure nothing an operator reads.
     * Requests stay observed as a whole ({@code http_server_requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** ADMIN may do everything; the other roles are independent of each other. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("ANALYST", "OPERATOR", "INTEGRATOR", "AUDITOR")
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** The password check of form login and HTTP Basic: users from the credential store, throttled. */
    @Bean
    AuthenticationManager authenticationManager(CredentialStore credentials, PasswordEncoder passwords, LoginThrottle throttle) {
        DaoAuthenticationProvider users = new DaoAuthenticationProvider(new AppUserDetailsService(credentials));
        users.setPasswordEncoder(passwords);
        return new ProviderManager(new ThrottledAuthenticationProvider(users, throttle));
    }

    @Bean
    UnmappedPaths unmappedPaths(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
        return new UnmappedPaths(controllers);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle, UnmappedPaths unmapped,
                            ProblemResponses problems) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        return stateless(http, API_POLICY, ReferrerPolicy.NO_REFERRER)
                .securityMatcher("/api/**", "/actuator/prometheus")
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    AccessTable.apply(requests, AccessTable.Grant::api);
                    requests.anyRequest().access(unmapped);
                })
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, throttle, entryPoint), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                .build();
    }

    /** The API's documentation (OpenAPI and Swagger UI): public and read-only. */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http) {
        return stateless(http, API_DOCS_POLICY, ReferrerPolicy.SAME_ORIGIN)
                .securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain console(HttpSecurity http, UnmappedPaths unmapped) {
        return http
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                            .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                            .requestMatchers("/actuator/health/**").permitAll();
                    AccessTable.apply(requests, AccessTable.Grant::console);
                    requests.anyRequest().access(unmapped);
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** No session, no CSRF token, no saved request (nothing here logs in through a page), and these headers. */
    private static HttpSecurity stateless(HttpSecurity http, String contentSecurityPolicy, ReferrerPolicy referrerPolicy) {
        return http
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .referrerPolicy(referrer -> referrer.policy(referrerPolicy)));
    }
}
