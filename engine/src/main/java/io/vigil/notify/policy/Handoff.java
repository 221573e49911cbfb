package io.vigil.notify.policy;

import java.time.Instant;
import java.util.List;

/** From {@code at} on, {@code users} are on call (empty: nobody), until the next hand-off. */
public record Handoff(Instant at, List<String> users) {

    public Handoff {
        users = List.copyOf(users);
    }
}
