package io.vigil.web.security;

import io.vigil.store.access.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may do what — one table for the API and the console, so a role reads and acts on the same
 * things whichever way it comes in. Each row is one permission with the roles that hold it (ADMIN
 * holds all, by the role hierarchy) and the API routes and console pages it opens. Both filter
 * chains are built from these rows; the first row whose route matches decides, so a narrower route
 * sits above a wider one. What no row opens is denied (see {@link UnmappedPaths}).
 */
final class AccessTable {

    /** One route: a method (null for any) and a path pattern. */
    record Route(HttpMethod method, String pattern) {
    }

    /**
     * @param roles   who holds the permission; empty for anyone authenticated (the handler decides further)
     * @param api     its routes under /api
     * @param console its console pages
     */
    record Grant(String permission, Set<Role> roles, List<Route> api, List<Route> console) {
    }

    private static final Set<Role> READERS = EnumSet.of(Role.OPERATOR, Role.ANALYST, Role.AUDITOR);
    private static final Set<Role> ANYONE = Set.of();

    static final List<Grant> GRANTS = List.of(
            new Grant("post events", Set.of(Role.INTEGRATOR),
                    List.of(route(HttpMethod.POST, "/api/v1/events"), route(HttpMethod.POST, "/api/v1/webhooks/alertmanager"),
                            route(HttpMethod.POST, "/api/v1/webhooks/grafana")), List.of()),
            new Grant("read events and elements", READERS,
                    List.of(route(HttpMethod.GET, "/api/v1/events/**"), route(HttpMethod.GET, "/api/v1/elements/**")),
                    List.of(route(HttpMethod.GET, "/console/events/**"))),
            new Grant("read alerts and silences", READERS,
                    List.of(route(HttpMethod.GET, "/api/v1/alerts/**"), route(HttpMethod.GET, "/api/v1/silences/**")),
                    List.of(route(HttpMethod.GET, "/console/alerts/**"), route(HttpMethod.GET, "/console/silences/**"))),
            new Grant("act on alerts and silences", Set.of(Role.OPERATOR),
                    List.of(route(HttpMethod.POST, "/api/v1/alerts/**"), route(HttpMethod.POST, "/api/v1/silences"),
                            route(HttpMethod.DELETE, "/api/v1/silences/*")),
                    List.of(route(HttpMethod.POST, "/console/alerts/**"), route(HttpMethod.POST, "/console/silences/**"))),
            new Grant("read incidents", READERS,
                    List.of(route(HttpMethod.GET, "/api/v1/incidents/**")),
                    List.of(route(HttpMethod.GET, "/console/incidents/**"))),
            new Grant("act on incidents", Set.of(Role.OPERATOR),
                    List.of(route(HttpMethod.POST, "/api/v1/incidents/**")),
                    List.of(route(HttpMethod.POST, "/console/incidents/**"))),
            new Grant("see the incident process diagram", READERS,
                    List.of(), List.of(route(HttpMethod.GET, "/console/processes/*"))),
            // who was told what and how delivery went: operators (first-line support checks who was
            // paged) and auditors; analysts study events and alerts, not people's pagers
            new Grant("read the notification log", Set.of(Role.OPERATOR, Role.AUDITOR),
                    List.of(route(HttpMethod.GET, "/api/v1/notifications"), route(HttpMethod.GET, "/api/v1/notifications/*")),
                    List.of(route(HttpMethod.GET, "/console/notifications"), route(HttpMethod.GET, "/console/notifications/*"))),
            new Grant("see who is on call and the policies' levels", READERS,
                    List.of(route(HttpMethod.GET, "/api/v1/oncall")),
                    List.of(route(HttpMethod.GET, "/console/policies"))),
            // the document itself names the channels' secrets (webhook signing keys, chat webhook URLs)
            new Grant("read and replace the escalation-policy document", Set.of(Role.ADMIN),
                    List.of(route(HttpMethod.GET, "/api/v1/policies"), route(HttpMethod.PUT, "/api/v1/policies")),
                    List.of(route(HttpMethod.POST, "/console/policies"))),
            new Grant("read one firing", READERS,
                    List.of(route(HttpMethod.GET, "/api/v1/audit/firings/*")),
                    List.of(route(HttpMethod.GET, "/console/audit/firings/*"))),
            new Grant("search and export firings, verify the chain, record anchors", Set.of(Role.AUDITOR),
                    List.of(route(HttpMethod.GET, "/api/v1/audit/**"), route(HttpMethod.POST, "/api/v1/audit/anchors")),
                    List.of(route(HttpMethod.GET, "/console/audit/**"))),
            // making a version active changes what every event leads to: an admin's decision, recorded with its actor
            new Grant("deploy and roll back rule sets", Set.of(Role.ADMIN),
                    List.of(route(HttpMethod.POST, "/api/v1/rulesets/*/deploy"),
                            route(HttpMethod.POST, "/api/v1/rulesets/rollback")),
                    List.of(route(HttpMethod.POST, "/console/rulesets/*/deploy"),
                            route(HttpMethod.POST, "/console/rulesets/rollback"))),
            new Grant("read rule-set versions", EnumSet.of(Role.ANALYST, Role.AUDITOR),
                    List.of(route(HttpMethod.GET, "/api/v1/rulesets"), route(HttpMethod.GET, "/api/v1/rulesets/**")),
                    List.of(route(HttpMethod.GET, "/console/rulesets"), route(HttpMethod.GET, "/console/rulesets/**"))),
            new Grant("write, validate, test and backtest rule sets", Set.of(Role.ANALYST),
                    List.of(route(HttpMethod.POST, "/api/v1/rulesets"), route(HttpMethod.POST, "/api/v1/rulesets/validate"),
                            route(HttpMethod.POST, "/api/v1/rulesets/*/test"),
                            route(HttpMethod.POST, "/api/v1/rulesets/*/backtest"),
                            route(HttpMethod.POST, "/api/v1/rulesets/*/backtests/*/cancel")),
                    List.of(route(HttpMethod.POST, "/console/rulesets"), route(HttpMethod.POST, "/console/rulesets/validate"),
                            route(HttpMethod.POST, "/console/rulesets/*/test"),
                            route(HttpMethod.POST, "/console/rulesets/*/backtest"),
                            route(HttpMethod.POST, "/console/rulesets/*/backtests/*/cancel"))),
            new Grant("replace the service tree", Set.of(Role.ADMIN),
                    List.of(route(HttpMethod.PUT, "/api/v1/services")), List.of()),
            new Grant("plan and cancel downtimes", Set.of(Role.OPERATOR),
                    List.of(route(HttpMethod.POST, "/api/v1/services/*/downtimes"), route(HttpMethod.DELETE, "/api/v1/downtimes/*")),
                    List.of(route(HttpMethod.POST, "/console/services/**"))),
            new Grant("read services and downtimes", READERS,
                    List.of(route(HttpMethod.GET, "/api/v1/services"), route(HttpMethod.GET, "/api/v1/services/**"),
                            route(HttpMethod.GET, "/api/v1/downtimes")),
                    List.of(route(HttpMethod.GET, "/console/services"), route(HttpMethod.GET, "/console/services/**"),
                            route(HttpMethod.GET, "/console/service-tree"), route(HttpMethod.GET, "/console/service-map"))),
            new Grant("change one's own password", ANYONE,
                    List.of(route(HttpMethod.PUT, "/api/v1/users/*/password")), List.of()),
            new Grant("administer users, tokens and dead letters", Set.of(Role.ADMIN),
                    List.of(route(null, "/api/v1/dead-letters/**"), route(null, "/api/v1/tokens/**"),
                            route(null, "/api/v1/users/**")),
                    List.of()),
            // a Prometheus server scrapes with a bearer token of one of these roles
            new Grant("read the metrics", Set.of(Role.OPERATOR, Role.AUDITOR),
                    List.of(route(HttpMethod.GET, "/actuator/prometheus")), List.of()),
            new Grant("see the home page", ANYONE, List.of(), List.of(route(null, "/"))));

    private AccessTable() {
    }

    /** Adds every grant's routes of one side ({@link Grant#api} or {@link Grant#console}) to a chain, in table order. */
    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                      Function<Grant, List<Route>> side) {
        for (Grant grant : GRANTS) {
            for (Route route : side.apply(grant)) {
                AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = route.method() == null
                        ? requests.requestMatchers(route.pattern())
                        : requests.requestMatchers(route.method(), route.pattern());
                if (grant.roles().isEmpty()) {
                    url.authenticated();
                } else {
                    url.hasAnyRole(grant.roles().stream().map(Role::name).sorted().toArray(String[]::new));
                }
            }
        }
    }

    private static Route route(HttpMethod method, String pattern) {
        return new Route(method, pattern);
    }
}
