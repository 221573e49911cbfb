package io.vigil.session;

import io.vigil.notify.policy.PolicyDocument;

import java.time.Duration;

/**
 * What a session needs besides its rule set: the escalation interval of incidents no policy covers,
 * how long a resolved incident waits to be closed before the engine closes it, the escalation
 * policies in force, where the engine's id counters stand in stored state (so ids continue after a
 * restart), and how long one {@code fire} may take before the rules count as running away.
 */
public record SessionSetup(Duration escalationInterval, Duration closeResolvedAfter, PolicyDocument policies,
                           LastIds lastIds, Duration fireBudget) {

    /** Resolved incidents close themselves after a day unless configured otherwise. */
    public static final Duration DEFAULT_CLOSE_AFTER = Duration.ofDays(1);
    /** A batch of 5,000 events fires in well under a second; thirty is a rule set that does not stop. */
    public static final Duration DEFAULT_FIRE_BUDGET = Duration.ofSeconds(30);

    public SessionSetup(Duration escalationInterval, LastIds lastIds) {
        this(escalationInterval, DEFAULT_CLOSE_AFTER, PolicyDocument.NONE, lastIds, DEFAULT_FIRE_BUDGET);
    }

    /** A session with nothing stored before it (tests, replay, benchmarks). */
    public static SessionSetup fresh(Duration escalationInterval) {
        return new SessionSetup(escalationInterval, LastIds.NONE);
    }

    public SessionSetup withFireBudget(Duration budget) {
        return new SessionSetup(escalationInterval, closeResolvedAfter, policies, lastIds, budget);
    }

    public SessionSetup withPolicies(PolicyDocument document) {
        return new SessionSetup(escalationInterval, closeResolvedAfter, document, lastIds, fireBudget);
    }
}
