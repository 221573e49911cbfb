package io.vigil.session;

import java.time.Duration;

/**
 * What a session needs besides its rule set: the escalation interval its incident processes
 * use, and where the engine's id counters stand in stored state (so ids continue after a restart).
 */
public record SessionSetup(Duration escalationInterval, LastIds lastIds) {

    /** A session with nothing stored before it (tests, replay, benchmarks). */
    public static SessionSetup fresh(Duration escalationInterval) {
        return new SessionSetup(escalationInterval, LastIds.NONE);
    }
}
