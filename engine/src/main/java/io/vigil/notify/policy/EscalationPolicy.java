package io.vigil.notify.policy;

import io.vigil.alert.MatchTarget;
import io.vigil.alert.Matchers;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Who is told about an incident, and when, while nobody acknowledges it.
 *
 * @param match       over the incident's alert; none matches everything
 * @param services    the services whose elements (or which themselves) it covers; empty for all
 * @param consolidate how long notifications to one recipient are gathered into one message
 * @param autoResolve resolve the incident when its alert clears
 * @param repeat      how many more times the whole list of levels runs after the last level
 * @param levels      never empty; numbered from 1
 */
public record EscalationPolicy(String name, Matchers match, List<String> services, Duration consolidate,
                               boolean autoResolve, int repeat, Acceleration accelerate,
                               List<EscalationLevel> levels) implements Serializable {

    public static final Duration DEFAULT_CONSOLIDATE = Duration.ofSeconds(30);

    public EscalationPolicy {
        services = List.copyOf(services);
        levels = List.copyOf(levels);
    }

    /** Whether an incident on this alert, of an element in these services, falls under this policy. */
    public boolean covers(MatchTarget target, Set<String> elementServices) {
        return match.matches(target) && (services.isEmpty() || services.stream().anyMatch(elementServices::contains));
    }
}
