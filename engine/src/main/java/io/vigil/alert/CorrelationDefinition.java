package io.vigil.alert;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The correlation sections of a service tree document: outage confirmations, dependencies between
 * resources, expected heartbeats, flapping and alert settings, and silences kept as code. Immutable;
 * the lookups the rules make per event are answered from maps built once here.
 */
public final class CorrelationDefinition implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final CorrelationDefinition EMPTY = new CorrelationDefinition(List.of(), List.of(), List.of(),
            FlappingSettings.DEFAULT, AlertSettings.DEFAULT, List.of());

    private final List<ConfirmationRule> confirmations;
    private final List<Dependency> dependencies;
    private final List<HeartbeatExpectation> heartbeats;
    private final FlappingSettings flapping;
    private final AlertSettings alerts;
    private final List<SilenceDefinition> silences;

    private final Map<String, List<ConfirmationRule>> confirmationsByCheck = new HashMap<>();
    private final Map<String, List<String>> parentsByResource = new HashMap<>();
    private final Map<String, Duration> heartbeatByResource = new HashMap<>();
    private final Map<String, Duration> heartbeatBySource = new HashMap<>();

    public CorrelationDefinition(List<ConfirmationRule> confirmations, List<Dependency> dependencies,
                                 List<HeartbeatExpectation> heartbeats, FlappingSettings flapping,
                                 AlertSettings alerts, List<SilenceDefinition> silences) {
        this.confirmations = List.copyOf(confirmations);
        this.dependencies = List.copyOf(dependencies);
        this.heartbeats = List.copyOf(heartbeats);
        this.flapping = Objects.requireNonNull(flapping, "flapping");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.silences = List.copyOf(silences);
        for (ConfirmationRule rule : this.confirmations) {
            confirmationsByCheck.computeIfAbsent(rule.check(), check -> new ArrayList<>()).add(rule);
        }
        for (Dependency dependency : this.dependencies) {
            parentsByResource.putIfAbsent(dependency.resource(), dependency.dependsOn());
        }
        for (HeartbeatExpectation heartbeat : this.heartbeats) {
            if (heartbeat.resource() != null) {
                heartbeatByResource.putIfAbsent(heartbeat.resource(), heartbeat.interval());
            } else {
                heartbeatBySource.putIfAbsent(heartbeat.source(), heartbeat.interval());
            }
        }
    }

    /**
     * The first confirmation rule, in document order, for this check that covers the resource and
     * whose matchers pass, or null when the outage needs no confirmation.
     *
     * @param values what the matchers look at, e.g. a {@link MatchTarget} of the event
     */
    public ConfirmationRule confirmationFor(String resource, String check, Function<String, String> values) {
        for (ConfirmationRule rule : confirmationsByCheck.getOrDefault(check, List.of())) {
            if (rule.appliesTo(resource, check, values)) {
                return rule;
            }
        }
        return null;
    }

    /** The resources this one depends on directly (empty when none). */
    public List<String> parentsOf(String resource) {
        return parentsByResource.getOrDefault(resource, List.of());
    }

    /**
     * The interval expected of a heartbeat from this resource or, failing that, from this source;
     * null when neither is expected to send any.
     */
    public Duration heartbeatIntervalFor(String resource, String source) {
        Duration byResource = resource == null ? null : heartbeatByResource.get(resource);
        return byResource != null || source == null ? byResource : heartbeatBySource.get(source);
    }

    public List<ConfirmationRule> confirmations() {
        return confirmations;
    }

    public List<Dependency> dependencies() {
        return dependencies;
    }

    public List<HeartbeatExpectation> heartbeats() {
        return heartbeats;
    }

    public FlappingSettings flapping() {
        return flapping;
    }

    public AlertSettings alerts() {
        return alerts;
    }

    public List<SilenceDefinition> silences() {
        return silences;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CorrelationDefinition that && confirmations.equals(that.confirmations)
                && dependencies.equals(that.dependencies) && heartbeats.equals(that.heartbeats)
                && flapping.equals(that.flapping) && alerts.equals(that.alerts) && silences.equals(that.silences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(confirmations, dependencies, heartbeats, flapping, alerts, silences);
    }

    @Override
    public String toString() {
        return "CorrelationDefinition[confirmations=" + confirmations + ", dependencies=" + dependencies
                + ", heartbeats=" + heartbeats + ", flapping=" + flapping + ", alerts=" + alerts
                + ", silences=" + silences + "]";
    }
}
