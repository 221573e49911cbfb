package io.vigil.web.security;

import io.vigil.web.system.ProblemResponses;
import io.vigil.web.token.ApiTokens;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Deny by default. Two chains: the API ({@code /api/**}) is stateless, authenticated by bearer
 * token or HTTP Basic, and answers 401/403 as problem+json; the console uses form login with a
 * session and CSRF protection. Every path not listed is denied.
 *
 * <p>Async and error dispatches are let through: the request that started them was authorized
 * already, and a stateless chain has no session to re-authenticate them from.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    private static final String ANALYST = "ANALYST";
    private static final String OPERATOR = "OPERATOR";
    private static final String INTEGRATOR = "INTEGRATOR";
    private static final String AUDITOR = "AUDITOR";
    private static final String ADMIN = "ADMIN";

    /** ADMIN may do everything; the other roles are independent of each other. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ADMIN).implies(ANALYST, OPERATOR, INTEGRATOR, AUDITOR)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/events").hasRole(INTEGRATOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/**", "/api/v1/elements/**")
                        .hasAnyRole(OPERATOR, ANALYST, AUDITOR)
                        .requestMatchers("/api/v1/incidents/**").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/services").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/services/*/downtimes").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/downtimes/*").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/services", "/api/v1/services/**", "/api/v1/downtimes")
                        .hasAnyRole(OPERATOR, ANALYST, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/api/v1/dead-letters/**", "/api/v1/tokens/**", "/api/v1/users/**").hasRole(ADMIN)
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) {
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/").authenticated()
                        .requestMatchers("/console/events/**").hasAnyRole(OPERATOR, ANALYST, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/console/incidents/**").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/console/incidents/**").hasAnyRole(OPERATOR, ANALYST, AUDITOR)
                        .requestMatchers("/console/audit/**").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/console/services/**").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/console/services", "/console/services/**", "/console/service-tree",
                                "/console/service-map")
                        .hasAnyRole(OPERATOR, ANALYST, AUDITOR)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
