package io.vigil.notify.policy;

import io.vigil.alert.MatchTarget;
import io.vigil.config.DocumentVersion;
import io.vigil.config.StrictYaml;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is notified about what, and when: users, channels, on-call schedules and escalation
 * policies, read from one YAML document that is replaced as a whole. Immutable. Validation is
 * strict: unknown keys, bad values and unknown references are all reported at once in a
 * {@link PolicyDocumentException}.
 */
public final class PolicyDocument {

    /** No document yet: no policies, so nobody is notified. */
    public static final PolicyDocument NONE = new PolicyDocument("", "none", Map.of(), Map.of(), Map.of(), List.of());

    private final String text;
    private final String version;
    private final Map<String, UserDefinition> users;
    private final Map<String, ChannelDefinition> channels;
    private final Map<String, OnCallSchedule> schedules;
    private final List<EscalationPolicy> policies;

    private PolicyDocument(String text, String version, Map<String, UserDefinition> users,
                           Map<String, ChannelDefinition> channels, Map<String, OnCallSchedule> schedules,
                           List<EscalationPolicy> policies) {
        this.text = text;
        this.version = version;
        // copies that keep document order (Map.copyOf would not)
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        this.channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        this.schedules = Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
        this.policies = List.copyOf(policies);
    }

    /** @throws PolicyDocumentException with every problem of the document */
    public static PolicyDocument parse(String text) {
        DocumentReader read = DocumentReader.read(StrictYaml.load(text, PolicyDocumentException::new));
        return new PolicyDocument(text, DocumentVersion.of(text), read.users, read.channels, read.schedules, read.policies);
    }

    /** The SHA-256 of the text in hex; "none" for {@link #NONE}. */
    public String version() {
        return version;
    }

    public String text() {
        return text;
    }

    public List<EscalationPolicy> policies() {
        return policies;
    }

    /** In document order. */
    public Map<String, OnCallSchedule> schedules() {
        return schedules;
    }

    /** In document order. */
    public Map<String, UserDefinition> users() {
        return users;
    }

    /** In document order. */
    public Map<String, ChannelDefinition> channels() {
        return channels;
    }

    /** The policy of that name, if the document has one. */
    public Optional<EscalationPolicy> policy(String name) {
        return policies.stream().filter(policy -> policy.name().equals(name)).findFirst();
    }

    /**
     * The first policy (document order) whose matchers match the target and whose services (if
     * given) include one of {@code elementServices}. For a service's own incident, pass the service
     * itself among them.
     */
    public Optional<EscalationPolicy> policyFor(MatchTarget target, Set<String> elementServices) {
        return policies.stream().filter(policy -> policy.covers(target, elementServices)).findFirst();
    }

    /**
     * Who a level reaches at the instant: users named directly, users on call on each schedule
     * (resolved at {@code at}), channels; deduplicated by key, in order. A schedule with nobody on
     * call contributes nothing.
     */
    public List<Recipient> recipients(EscalationLevel level, Instant at) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (TargetRef target : level.targets()) {
            List<Recipient> reached = switch (target.kind()) {
                case USER -> List.of(Recipient.of(users.get(target.name())));
                case SCHEDULE -> schedules.get(target.name()).onCallAt(at).stream()
                        .map(user -> Recipient.of(users.get(user))).toList();
                case CHANNEL -> List.of(Recipient.of(channels.get(target.name())));
            };
            reached.forEach(recipient -> recipients.putIfAbsent(recipient.key(), recipient));
        }
        return List.copyOf(recipients.values());
    }
}
