package io.vigil.session;

import io.vigil.notify.policy.PolicyDocument;

import java.time.Duration;

/**
 * What a session needs besides its rule set: the escalation interval of incidents no policy covers,
 * how long a resolved incident waits to be closed before the engine closes it, the escalation
 * policies in force, and where the engine's id counters stand in stored state (so ids continue
 * after a restart).
 */
public record SessionSetup(Duration escalationInterval, Duration closeResolvedAfter, PolicyDocument policies,
                           LastIds lastIds) {

    /** Resolved incidents close themselves after a day unless configured otherwise. */
    public static final Duration DEFAULT_CLOSE_AFTER = Duration.ofDays(1);

    public SessionSetup(Duration escalationInterval, LastIds lastIds) {
        this(escalationInterval, DEFAULT_CLOSE_AFTER, PolicyDocument.NONE, lastIds);
    }

    /** A session with nothing stored before it (tests, replay, benchmarks). */
    public static SessionSetup fresh(Duration escalationInterval) {
        return new SessionSetup(escalationInterval, LastIds.NONE);
    }

    public SessionSetup withPolicies(PolicyDocument document) {
        return new SessionSetup(escalationInterval, closeResolvedAfter, document, lastIds);
    }
}
